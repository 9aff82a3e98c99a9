"""Painting and editing one form cell: paper-like rules, stacked vertical text, fitting editors."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygon, QTextCursor
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QLineEdit, QPlainTextEdit, QStyle,
                               QStyledItemDelegate)

from model.fields import FieldKind, field_kind
from model.findings import ERROR
from model.layout import Role

from .form_model import CellRole

RULE = QColor("#3c3c3c")
SELECTION = QColor(30, 110, 220, 60)
CURRENT = QColor("#1e6edc")
MARKS = {ERROR: QColor("#d93025"), "warning": QColor("#e0a100")}
PADDING = 4
_RULE_PEN, _CURRENT_PEN = QPen(RULE, 1), QPen(CURRENT, 2)
# as plain ints: Python enum flag arithmetic for every cell of every repaint adds up
_SELECTED, _FOCUS = QStyle.StateFlag.State_Selected.value, QStyle.StateFlag.State_HasFocus.value
_CENTER, _LEFT, _WRAP = (int(Qt.AlignmentFlag.AlignCenter), int(Qt.AlignmentFlag.AlignLeft),
                         int(Qt.TextFlag.TextWordWrap))


def is_multiline(binding: str | None) -> bool:
    return bool(binding) and field_kind(binding) is FieldKind.LONG_TEXT


class MultiLineEditor(QPlainTextEdit):
    """A multi-line cell editor: Enter commits as in Excel, Alt+Enter or Shift+Enter starts a new line."""

    def __init__(self, delegate: "CellDelegate", parent=None):
        super().__init__(parent)
        self.delegate = delegate
        self.setTabChangesFocus(True)
        self.setFrameStyle(0)

    def keyPressEvent(self, event):
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier):
                self.insertPlainText("\n")
                return
            self.delegate.commitData.emit(self)
            self.delegate.closeEditor.emit(self, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return
        if key == Qt.Key.Key_Escape:  # cancel, keep the old text
            self.delegate.closeEditor.emit(self, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            return
        if key == Qt.Key.Key_Tab or key == Qt.Key.Key_Backtab:
            hint = (QAbstractItemDelegate.EndEditHint.EditPreviousItem if key == Qt.Key.Key_Backtab
                    else QAbstractItemDelegate.EndEditHint.EditNextItem)
            self.delegate.commitData.emit(self)
            self.delegate.closeEditor.emit(self, hint)
            return
        super().keyPressEvent(event)


def _fit_figure(painter: QPainter, text: str, width: int) -> None:
    """Draw a figure wider than its cell smaller, as the printed form does, rather than clip its first digits."""
    needed = painter.fontMetrics().horizontalAdvance(text)
    if needed > width > 0:
        font = QFont(painter.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(font.pointSizeF() * width / needed, font.pointSizeF() * 0.6))
        else:
            font.setPixelSize(max(int(font.pixelSize() * width / needed), 6))
        painter.setFont(font)


class CellDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        cell = index.data(CellRole)
        if cell is not None and is_multiline(cell.binding):
            editor = MultiLineEditor(self, parent)
        else:
            editor = QLineEdit(parent)
            editor.setFrame(False)
        editor.setFont(option.font)
        return editor

    def setEditorData(self, editor, index):
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        # Typing straight onto a cell replaces it (the key arrives next); F2 or a double-click
        # amends it, with the cursor at the end, as in Excel/WPS.
        replace = getattr(self.parent(), "edit_trigger", None) == QAbstractItemView.EditTrigger.AnyKeyPressed
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
            if replace:
                editor.selectAll()
            else:
                editor.moveCursor(QTextCursor.MoveOperation.End)
        else:
            editor.setText(text)
            if replace:
                editor.selectAll()
            else:
                editor.deselect()
                editor.end(False)

    def setModelData(self, editor, model, index):
        text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):
        rect = QRect(option.rect)
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), 90))  # room to write a paragraph
        editor.setGeometry(rect)

    def eventFilter(self, editor, event):
        if isinstance(editor, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            return False  # MultiLineEditor handles its own keys
        return super().eventFilter(editor, event)

    # --- painting ---
    def paint(self, painter: QPainter, option, index):
        # Everything about the cell in one call to the model (FormTableModel.look): this runs for every
        # visible cell at every repaint.
        cell, in_table, background, foreground, font, text, align, severity = index.model().look(index.row(),
                                                                                                  index.column())
        painter.save()
        rect = option.rect
        if background is not None:
            painter.fillRect(rect, background)
        state = option.state.value
        if state & _SELECTED:
            painter.fillRect(rect, SELECTION)
        if cell is not None and cell.text:
            self._paint_text(painter, option, cell, text, font, foreground, align)
        if severity:
            self._paint_mark(painter, rect, MARKS.get(severity, MARKS["warning"]))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if in_table:
            painter.setPen(_RULE_PEN)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if state & _FOCUS:
            painter.setPen(_CURRENT_PEN)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()

    @staticmethod
    def _paint_text(painter: QPainter, option, cell, text: str, font, foreground, align: int) -> None:
        painter.setFont(font or option.font)
        painter.setPen(foreground if foreground is not None else option.palette.text().color())
        inner = option.rect.adjusted(PADDING, 2, -PADDING, -2)
        text = text or cell.text  # the model may add to it (总分（待核）)
        if cell.role is Role.VERTICAL:
            stacked = "\n".join(text.replace("\n", ""))
            painter.drawText(inner, _CENTER, stacked)
            return
        if cell.fmt.numeric and "\n" not in text:
            _fit_figure(painter, text, inner.width())
            painter.drawText(inner, align or _LEFT, text)  # a figure never breaks (6688.63 is not 6688. / 63)
            return
        painter.drawText(inner, (align or _LEFT) | _WRAP, text)

    @staticmethod
    def _paint_mark(painter: QPainter, rect: QRect, color: QColor) -> None:
        size = 8
        top_right = rect.topRight()
        triangle = QPolygon([top_right, top_right - QPoint(size, 0), top_right + QPoint(0, size)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(triangle)

