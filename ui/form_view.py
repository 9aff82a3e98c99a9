"""The form grid as a table view that behaves like Excel/WPS.

Arrows move; Tab/Shift+Tab and Enter go to the next editable cell; F2 or typing edits; Delete
clears; Ctrl+C/Ctrl+V copy and paste rectangular ranges as tab-separated text (to and from
Excel/WPS). Sizes follow the layout: columns in millimetres, rows as tall as their text.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView

from model.layout import Cell, Role

from .delegates import PADDING, CellDelegate
from .form_model import FormTableModel, edit_text
from .tsv import from_tsv, to_tsv

PX_PER_MM = 96 / 25.4


class FormView(QTableView):
    message = Signal(str)  # something to tell the user (paste refused …)

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
        self.apply_layout()

    def form_model(self) -> FormTableModel:
        return self.model()

    # --- sizes and spans ---
    def apply_layout(self) -> None:
        layout = self.form_model().layout
        self.clearSpans()
        for cell in layout.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        for col, width in enumerate(layout.column_widths_mm):
            self.setColumnWidth(col, round(width * PX_PER_MM))
        self.fit_rows()

    def _cell_height(self, cell: Cell, metrics: QFontMetrics) -> int:
        width = sum(self.columnWidth(c) for c in range(cell.col, cell.last_col + 1)) - 2 * PADDING
        if cell.role is Role.VERTICAL:
            return metrics.height() * len(cell.text) + 8
        if cell.role is Role.TITLE:
            return 44
        text = cell.text or " "
        rect = metrics.boundingRect(QRect(0, 0, max(width, 10), 100000), int(Qt.TextFlag.TextWordWrap), text)
        return rect.height() + 10

    def fit_rows(self, rows: Optional[set[int]] = None) -> None:
        """Each row as tall as its tallest text (a cell over several rows shares its need).

        ``rows``: only these rows changed; only the cells touching them are measured again.
        """
        layout = self.form_model().layout
        metrics = QFontMetrics(self.font())
        base = metrics.height() + 10
        if rows is None:
            touched = set(range(layout.n_rows))
        else:  # the changed rows and every row sharing a merged cell with them
            touched = {r for c in layout.cells if any(c.row <= row <= c.last_row for row in rows)
                       for r in range(c.row, c.last_row + 1)}
        heights = {r: base for r in touched}
        tall = []
        for cell in layout.cells:
            if cell.row not in touched:
                continue
            if cell.rowspan == 1:
                heights[cell.row] = max(heights[cell.row], self._cell_height(cell, metrics))
            else:
                tall.append(cell)
        for cell in tall:
            span = range(cell.row, cell.last_row + 1)
            lacking = self._cell_height(cell, metrics) - sum(heights.get(r, self.rowHeight(r)) for r in span)
            if lacking > 0:
                for r in span:
                    heights[r] = heights.get(r, self.rowHeight(r)) + -(-lacking // len(span))
        for row, height in heights.items():
            if self.rowHeight(row) != height:
                self.setRowHeight(row, height)

    def _fit_changed_rows(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles=()) -> None:
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

    def closeEditor(self, editor, hint):
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter: commit, then go down
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.go_to(self.below(self.currentIndex()))
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Delete:
                self.clear_selection()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.go_to(self.below(self.currentIndex()))
                return
        super().keyPressEvent(event)

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
        cells = self._selected_cells()
        if not cells:
            return
        rows: dict[int, list[str]] = {}
        for cell in cells:
            text = edit_text(cell) if cell.role in (Role.INPUT, Role.COMPUTED) else cell.text
            rows.setdefault(cell.row, []).append(text)
        QGuiApplication.clipboard().setText(to_tsv([rows[r] for r in sorted(rows)]))

    def clear_selection(self) -> None:
        cells = [c for c in self._selected_cells() if c.editable]
        if cells:
            self.form_model().session.set_many([(c.binding, "") for c in cells], "清除内容")

    def paste(self) -> None:
        block = from_tsv(QGuiApplication.clipboard().text())
        if not block:
            return
        model = self.form_model()
        layout = model.layout
        selected = [c for c in self._selected_cells() if c.editable]
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:  # one value into many cells
            items = [(c.binding, block[0][0]) for c in selected]
        else:
            start = self.currentIndex()
            if not start.isValid():
                return
            items = []
            for i, values in enumerate(block):
                row = start.row() + i
                if row >= layout.n_rows:
                    self.message.emit("粘贴的行数超出了表格，没有粘贴")
                    return
                targets = [c for c in layout.cells_in_row(row) if c.col >= start.column()]
                if len(values) > len(targets):
                    self.message.emit(f"第 {i + 1} 行粘贴的列数超出了表格，没有粘贴")
                    return
                for cell, text in zip(targets, values):
                    if not cell.editable:
                        name = cell.text or "计算结果"
                        self.message.emit(f"粘贴区域包含不能修改的单元格“{name}”，没有粘贴")
                        return
                    items.append((cell.binding, text))
        if items:
            model.session.set_many(items, "粘贴")
