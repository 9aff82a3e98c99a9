"""The form grid as a table view that behaves like Excel/WPS.

Arrows move; Tab/Shift+Tab and Enter go to the next editable cell; F2 or typing edits; Delete
clears; Ctrl+C/Ctrl+X/Ctrl+V copy, cut and paste rectangular ranges as tab-separated text (to and from
Excel/WPS). Sizes follow the layout: columns in millimetres, rows as tall as their text.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QApplication, QHeaderView, QLineEdit,
                               QPlainTextEdit, QTableView)

from model.layout import Cell, Role
from model.layout.heights import spread
from model.layout.notes import protected_note

from .delegates import PADDING, CellDelegate
from .clipboard import PasteRefused, copy_block, paste_targets
from .form_model import FormTableModel
from .tsv import from_tsv, to_tsv
from . import zoom as zooming

PX_PER_MM = 96 / 25.4
TITLE_HEIGHT = 36  # px at 100 %: the 16 pt title and a little air
ROW_PADDING = 6  # px above and below a line of text: rows about as tall as Excel's (20 px at 100 %)


class FormView(QTableView):
    message = Signal(str)  # something to tell the user (paste refused …)
    zoomChanged = Signal(int)  # the percentage drawn now
    zoomStepped = Signal(int)  # Ctrl+wheel: one step up (1) or down (−1); the window decides and remembers

    def __init__(self, model: FormTableModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CellDelegate(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setTabKeyNavigation(True)
        model.spansChanged.connect(self.apply_layout)
        model.dataChanged.connect(self._fit_changed_rows)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)
        self.zoom = 100  # percent now drawn
        self.zoom_choice: zooming.Choice = zooming.AUTO
        self._wheel = 0  # a touchpad sends small wheel steps: zoom once they add up to a notch
        self._layout_pending = False
        self.apply_layout()

    def form_model(self) -> FormTableModel:
        return self.model()

    # --- sizes and spans ---
    def apply_layout(self) -> None:
        """Spans, column widths and row heights (each row measured for its text) at the current zoom.

        A hidden view waits until it is shown: a new page is zoomed to its window's width before it first
        shows, and measuring every row at each step cost the first page of a start three layouts.
        """
        if not self.isVisible():
            self._layout_pending = True
            return
        self._layout_pending = False
        layout = self.form_model().layout
        self.clearSpans()
        for cell in layout.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        for col, width in enumerate(layout.column_widths_mm):
            self.setColumnWidth(col, round(width * PX_PER_MM * self.zoom / 100))
        self.fit_rows()

    # --- zoom (缩放) ---
    def content_width(self) -> float:
        """The form's width in pixels at 100 %."""
        return sum(self.form_model().layout.column_widths_mm) * PX_PER_MM

    def available_width(self) -> int:
        """The room for the form's columns, leaving room for a vertical scroll bar whether shown or not (so
        fitting does not flip when the bar comes and goes)."""
        return self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width() - 2

    def set_zoom_choice(self, choice: zooming.Choice) -> None:
        """Draw at a percentage, 适合宽度 or the automatic choice; the last two follow the window's width."""
        self.zoom_choice = choice
        self._apply_zoom(zooming.resolve(choice, self.content_width(), self.available_width()))

    def _apply_zoom(self, percent: int) -> None:
        if percent == self.zoom:
            return
        self.zoom = percent
        font = QFont(QApplication.font(self))
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * percent / 100)
        else:
            font.setPixelSize(max(6, round(font.pixelSize() * percent / 100)))
        self.setFont(font)
        self.form_model().set_zoom(percent)
        self.apply_layout()
        self.zoomChanged.emit(percent)

    def showEvent(self, event):
        if self._layout_pending:
            self.apply_layout()
        super().showEvent(event)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.zoom_choice in (zooming.FIT, zooming.AUTO) and event.size().width() != event.oldSize().width():
            self._apply_zoom(zooming.resolve(self.zoom_choice, self.content_width(), self.available_width()))

    def wheelEvent(self, event):
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._wheel += event.angleDelta().y()
            while abs(self._wheel) >= 120:
                direction = 1 if self._wheel > 0 else -1
                self._wheel -= 120 * direction
                self.zoomStepped.emit(direction)
            event.accept()
            return
        super().wheelEvent(event)

    def _cell_height(self, cell: Cell, metrics: QFontMetrics) -> int:
        width = sum(self.columnWidth(c) for c in range(cell.col, cell.last_col + 1)) - 2 * PADDING
        if cell.role is Role.VERTICAL:
            return metrics.height() * len(cell.text) + 8
        if cell.role is Role.TITLE:
            return round(TITLE_HEIGHT * self.zoom / 100)
        text = self.form_model().display_text(cell) or " "
        rect = metrics.boundingRect(QRect(0, 0, max(width, 10), 100000), int(Qt.TextFlag.TextWordWrap), text)
        return rect.height() + ROW_PADDING

    def fit_rows(self, rows: Optional[set[int]] = None) -> None:
        """Each row as tall as its tallest text (a cell over several rows shares its need).

        ``rows``: only these rows changed; only the cells touching them are measured again.
        """
        layout = self.form_model().layout
        metrics = QFontMetrics(self.font())
        base = metrics.height() + ROW_PADDING
        if rows is None:
            touched = set(range(layout.n_rows))
        else:  # the changed rows and every row sharing a merged cell with them
            touched = {r for c in layout.cells if any(c.row <= row <= c.last_row for row in rows)
                       for r in range(c.row, c.last_row + 1)}
        heights = [base if r in touched else self.rowHeight(r) for r in range(layout.n_rows)]
        spans = []
        for cell in layout.cells:
            if cell.row not in touched:
                continue
            if cell.rowspan == 1:
                heights[cell.row] = max(heights[cell.row], self._cell_height(cell, metrics))
            else:
                spans.append((cell.row, cell.last_row, self._cell_height(cell, metrics)))
        spread(heights, spans, share=lambda lacking, rows: -(-lacking // rows))  # whole pixels
        for row in touched:
            if self.rowHeight(row) != heights[row]:
                self.setRowHeight(row, heights[row])

    def _fit_changed_rows(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles=()) -> None:
        if self._layout_pending:
            return  # every row is measured when the view shows
        self.fit_rows(set(range(top_left.row(), bottom_right.row() + 1)))

    # --- navigation ---
    def _editable(self, row: int, col: int) -> bool:
        cell = self.form_model().layout.anchored(row, col)
        return cell is not None and cell.editable

    def editable_after(self, index: QModelIndex, step: int) -> Optional[QModelIndex]:
        """The next (step 1) or previous (step −1) editable cell in reading order."""
        model = self.form_model()
        rows, cols = model.rowCount(), model.columnCount()
        position = index.row() * cols + index.column() if index.isValid() else -1
        position += step
        while 0 <= position < rows * cols:
            row, col = divmod(position, cols)
            if self._editable(row, col):
                return model.index(row, col)
            position += step
        return None

    def below(self, index: QModelIndex) -> Optional[QModelIndex]:
        """The next editable cell down the same column (Enter), else the next in reading order."""
        model = self.form_model()
        cell = model.layout.at(index.row(), index.column())
        row = (cell.last_row if cell else index.row()) + 1
        while row < model.rowCount():
            anchor = model.layout.at(row, index.column())
            if anchor is not None and anchor.editable:
                return model.index(anchor.row, anchor.col)
            row += 1
        return self.editable_after(index, 1)

    def go_to(self, index: Optional[QModelIndex]) -> None:
        if index is not None and index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def moveCursor(self, action, modifiers):
        if action == QAbstractItemView.CursorAction.MoveNext:
            return self.editable_after(self.currentIndex(), 1) or self.currentIndex()
        if action == QAbstractItemView.CursorAction.MovePrevious:
            return self.editable_after(self.currentIndex(), -1) or self.currentIndex()
        return super().moveCursor(action, modifiers)

    def edit(self, index, trigger=None, event=None):
        """Remember how editing started: typing replaces the cell, F2 or a double-click amends it."""
        if trigger is None:
            self.edit_trigger = QAbstractItemView.EditTrigger.EditKeyPressed
            return super().edit(index)
        self.edit_trigger = trigger
        return super().edit(index, trigger, event)

    def keyboardSearch(self, search: str) -> None:
        """Typing on a cell that cannot be edited says so by the cell; it never jumps to another cell (as
        Qt's search would, and the next key would then overwrite that cell). The next Tab or Enter stays
        put too, so figures typed after it do not land one cell off."""
        if not search.strip():
            return
        model = self.form_model()
        cell = model.layout.at(self.currentIndex().row(), self.currentIndex().column())
        self.message.emit(protected_note(model.session.doc, cell))
        self._hold = True

    _hold = False  # a protected cell was typed into: the next Tab / Enter does not advance

    def currentChanged(self, current, previous):
        self._hold = False
        super().currentChanged(current, previous)

    def commit_editing(self) -> bool:
        """Store what is being typed, as Enter would, before a command acts on the document.

        False when the typed text was refused (the editor stays open with it).
        """
        if self.state() != QAbstractItemView.State.EditingState:
            return True
        editor = QApplication.focusWidget()
        if editor is None or not self.viewport().isAncestorOf(editor):
            return True
        self.commitData(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache, move=False)
        return self.state() != QAbstractItemView.State.EditingState

    def commitData(self, editor):
        self.form_model().refused = None
        super().commitData(editor)

    def closeEditor(self, editor, hint, move: bool = True):
        refused = self.form_model().refused
        if refused is not None and hint != QAbstractItemDelegate.EndEditHint.RevertModelCache:
            row, col, text = refused  # keep the cursor where the refused text was typed
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._reopen(row, col, text)
            return
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter: commit, then go down
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if move:
                self.go_to(self.below(self.currentIndex()))
            return
        super().closeEditor(editor, hint)

    def _reopen(self, row: int, col: int, text: str) -> None:
        """Open the editor again on a refused entry, with what was typed, to be corrected."""
        self._reopening = True
        index = self.form_model().index(row, col)
        self.setCurrentIndex(index)
        self.edit_trigger = QAbstractItemView.EditTrigger.EditKeyPressed
        if super().edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, None):
            editor = QApplication.focusWidget()
            if isinstance(editor, QLineEdit):
                editor.setText(text)
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(text)
        self._reopening = False

    _reopening = False
    edit_trigger = None

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.copy_selection()
            self.clear_selection("剪切")
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            if self._hold and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return,
                                              Qt.Key.Key_Enter):
                self._hold = False
                return
            if event.key() == Qt.Key.Key_Delete:
                self.clear_selection()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.go_to(self.below(self.currentIndex()))
                return
        super().keyPressEvent(event)

    # --- keeping the cursor when rows come and go ---
    def _remember_current(self) -> None:
        index = self.currentIndex()
        cell = self.form_model().layout.at(index.row(), index.column()) if index.isValid() else None
        self._remembered = (cell.binding if cell else None, index.row(), index.column())

    def _restore_current(self) -> None:
        binding, row, col = getattr(self, "_remembered", (None, -1, -1))
        model = self.form_model()
        cell = model.layout.bound(binding) if binding else None
        if cell is None and row >= 0:  # the row went away: stay at the same place on the grid
            row = min(row, model.rowCount() - 1)
            cell = model.layout.at(row, col)
        if cell is not None:
            self.setCurrentIndex(model.index(cell.row, cell.col))

    # --- clipboard ---
    def _selected_cells(self) -> list[Cell]:
        layout = self.form_model().layout
        seen, cells = set(), []
        for index in sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column())):
            cell = layout.at(index.row(), index.column())
            if cell is not None and id(cell) not in seen:
                seen.add(id(cell))
                cells.append(cell)
        return cells

    def copy_selection(self) -> None:
        indexes = self.selectedIndexes() or ([self.currentIndex()] if self.currentIndex().isValid() else [])
        if not indexes:
            return
        rows = range(min(i.row() for i in indexes), max(i.row() for i in indexes) + 1)
        cols = range(min(i.column() for i in indexes), max(i.column() for i in indexes) + 1)
        QGuiApplication.clipboard().setText(to_tsv(copy_block(self.form_model().layout, rows, cols)))

    def clear_selection(self, label: str = "清除内容") -> None:
        cells = [c for c in self._selected_cells() if c.editable]
        if cells:
            self.form_model().session.set_many([(c.binding, "") for c in cells], label)

    def paste(self) -> None:
        if not self.commit_editing():
            return
        raw = QGuiApplication.clipboard().text()
        block = from_tsv(raw)
        if not block:
            return
        model = self.form_model()
        selected = [c for c in self._selected_cells() if c.editable]
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:  # one value into many cells
            items = [(c.binding, block[0][0]) for c in selected]
        else:
            start = self.currentIndex()
            if not start.isValid():
                return
            try:
                items = paste_targets(model.layout, start.row(), start.column(), block, raw)
            except PasteRefused as refusal:
                self.message.emit(str(refusal))
                return
        if items:
            model.session.set_many(items, "粘贴")
