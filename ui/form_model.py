"""A Qt table model over one form's layout: the same grid the exporters print.

The model holds no data of its own: it shows the layout built from the document and writes
through the session. After a change it rebuilds the layout and tells the view exactly which
cells changed (narrow dataChanged), or resets when rows were added or removed.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from model.evaluation import PROVISIONAL_MARK
from model.findings import ERROR
from model.layout import Cell, Fmt, Layout, Role, build_layout
from model.layout.heights import fixed_text

from .session import Session

CellRole = Qt.ItemDataRole.UserRole + 1  # the layout Cell
BindingRole = Qt.ItemDataRole.UserRole + 2  # its binding (field path or computed key)
SeverityRole = Qt.ItemDataRole.UserRole + 3  # 'error' | 'warning' | None
TableRole = Qt.ItemDataRole.UserRole + 4  # inside the ruled table (also for positions no cell covers)

COLORS = {
    "input": QColor("#ffffff"), "computed": QColor("#eef2f7"), "label": QColor("#f6f6f4"),
    "header": QColor("#e9edf2"), "error": QColor("#fbd9d7"), "warning": QColor("#fff1c2"),
    "paper": QColor("#ffffff"), "muted": QColor("#8a8f98"),
}
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight}


def _alignment(cell: Cell) -> int:
    return int(_ALIGN[cell.align] | Qt.AlignmentFlag.AlignVCenter)


def edit_text(cell: Cell) -> str:
    """What the editor starts with: the exact stored figure or the text as typed."""
    if cell.value is None:
        return ""
    if cell.fmt.numeric:
        return format(cell.value, "f")
    return str(cell.value)


class FormTableModel(QAbstractTableModel):
    spansChanged = Signal()  # rows or merges changed: the view must re-apply its spans

    def __init__(self, session: Session, key: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.key = key
        self.layout = build_layout(session.doc, key, session.evaluation)
        self._read_evaluation()
        self._shape = self._shape_of(self.layout)
        self.stale = False
        self.refused: Optional[tuple[int, int, str]] = None  # (row, col, text) of the last refused entry
        self._fonts: dict[bool, QFont] = {}  # title / header font at the current zoom
        self._looks: dict[tuple[int, int], tuple] = {}  # (row, col) → what painting it needs (see look)

    # --- building ---
    def _read_evaluation(self) -> None:
        """What the current layout shows of the evaluation: the provisional 总分 cell, the findings by cell,
        the rows marked 不适用."""
        self.provisional_total = self._provisional_total()
        self.findings = self._findings()
        self.muted = self._muted_rows()

    def _findings(self) -> dict[int, tuple[str, list[str]]]:
        """Anchored cell id → (worst severity, messages) for this form's findings."""
        result: dict[int, tuple[str, list[str]]] = {}
        for finding in self.session.evaluation.findings_for(self.key):
            cell = self.layout.anchor_for(finding.path)
            if cell is None:
                continue
            severity, messages = result.get(id(cell), (finding.severity, []))
            if finding.severity == ERROR:
                severity = ERROR
            result[id(cell)] = (severity, messages + [finding.message])
        total = self.provisional_total
        if total is not None:  # 总分 is marked while the structure is wrong (its causes sit elsewhere)
            reasons = [f.message for f in self.session.evaluation.provisional(self.key)]
            _, messages = result.get(id(total), (ERROR, []))
            result[id(total)] = (ERROR, ["总分与等次待核：分值或得分有结构错误，改正后才能确定"] + reasons + messages)
        return result

    def _provisional_total(self) -> Optional[Cell]:
        """The 总分 cell when the form's 总分 is provisional (待核), else None."""
        if self.key not in self.session.evaluation.forms or not self.session.evaluation.provisional(self.key):
            return None
        return self.layout.bound(f"{self.key}.total.score")

    @staticmethod
    def _shape_of(layout: Layout) -> tuple:
        return (layout.n_rows, layout.n_cols, tuple((c.row, c.col, c.rowspan, c.colspan) for c in layout.cells))

    def refresh(self) -> None:
        """Rebuild from the document; emit the narrowest change signal that is correct."""
        old_layout, old_findings = self.layout, self.findings
        layout = build_layout(self.session.doc, self.key, self.session.evaluation)
        shape = self._shape_of(layout)
        self._looks.clear()
        if shape != self._shape:
            self.beginResetModel()
            self.layout, self._shape = layout, shape
            self._read_evaluation()
            self.endResetModel()
            self.spansChanged.emit()
            return
        self.layout = layout
        old_muted = self.muted
        self._read_evaluation()
        toggled = old_muted ^ self.muted
        for old, new in zip(old_layout.cells, layout.cells):
            if (old.text != new.text or old.value != new.value or old.role != new.role
                    or old_findings.get(id(old)) != self.findings.get(id(new))
                    or (toggled and self._row_id(new) in toggled)):
                self.dataChanged.emit(self.index(new.row, new.col), self.index(new.row, new.col))

    # --- Qt model API ---
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.layout.n_rows

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.layout.n_cols

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> Optional[Cell]:
        if not index.isValid():
            return None
        return self.layout.anchored(index.row(), index.column())

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == TableRole:
            return index.isValid() and index.row() in self.layout.table_rows
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(cell)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(self._background(cell))
        if role == Qt.ItemDataRole.ForegroundRole and self._muted(cell):
            return QBrush(COLORS["muted"])
        if role == Qt.ItemDataRole.FontRole:
            return self._font(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        if role == CellRole:
            return cell
        if role == BindingRole:
            return cell.binding
        if role == SeverityRole:
            found = self.findings.get(id(cell))
            return found[0] if found else None
        return None

    def look(self, row: int, col: int) -> tuple:
        """(cell, in the ruled table, background, foreground, font, text, alignment, severity) of a position,
        as data() gives them role by role, in one call and remembered until the next refresh or zoom.

        The delegate paints every visible cell at every repaint; asking data() for eight roles crossed from
        Python into Qt and back eight times a cell, half the time of a repaint.
        """
        look = self._looks.get((row, col))
        if look is None:
            cell = self.layout.anchored(row, col)
            in_table = row in self.layout.table_rows
            if cell is None:
                look = (None, in_table, None, None, None, "", 0, None)
            else:
                found = self.findings.get(id(cell))
                look = (cell, in_table, self._background(cell), COLORS["muted"] if self._muted(cell) else None,
                        self._font(cell), self.display_text(cell), _alignment(cell), found[0] if found else None)
            self._looks[(row, col)] = look
        return look

    def display_text(self, cell: Cell) -> str:
        """The cell's text on screen: the layout's, and 待核 under a provisional 总分.

        The window only: exports print the layout's text, the figure as computed.
        """
        if cell.text and cell is self.provisional_total:
            return f"{cell.text}\n{PROVISIONAL_MARK}"
        return fixed_text(self.layout, cell)  # labels broken where the printed forms break them

    def flags(self, index):
        cell = self.cell(index)
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if cell.editable else flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell(index)
        if cell is None or not cell.editable or role != Qt.ItemDataRole.EditRole:
            return False
        text = "" if value is None else str(value)
        accepted = self.session.set_text(cell.binding, text)
        self.refused = None if accepted else (cell.row, cell.col, text)
        return accepted

    # --- looks ---
    def _background(self, cell: Cell) -> QColor:
        found = self.findings.get(id(cell))
        if found:
            return COLORS["error" if found[0] == ERROR else "warning"]
        if cell.role is Role.INPUT:
            return COLORS["input"]
        if cell.role is Role.COMPUTED:
            return COLORS["computed"]
        if cell.role in (Role.HEADER, Role.VERTICAL):
            return COLORS["header"]
        if cell.role is Role.LABEL:
            return COLORS["label"]
        return COLORS["paper"]

    def _muted_rows(self) -> set[str]:
        form = self.session.doc.form(self.key)
        return {row.id for row in getattr(form, "indicators", ()) if getattr(row, "not_applicable", False)}

    @staticmethod
    def _row_id(cell: Cell) -> Optional[str]:
        if not cell.binding or ".indicators[" not in cell.binding:
            return None
        return cell.binding.split(".indicators[", 1)[1].split("]", 1)[0]

    def _muted(self, cell: Cell) -> bool:
        """Rows marked 不适用 are shown greyed."""
        row_id = self._row_id(cell)
        return row_id is not None and row_id in self.muted

    zoom = 100  # percent: titles and headers grow with the grid's font

    def set_zoom(self, percent: int) -> None:
        self.zoom = percent
        self._fonts.clear()
        self._looks.clear()

    def _font(self, cell: Cell) -> Optional[QFont]:
        if cell.role not in (Role.TITLE, Role.HEADER, Role.VERTICAL):
            return None
        kind = cell.role is Role.TITLE
        font = self._fonts.get(kind)
        if font is None:
            font = QFont()
            font.setBold(True)
            if kind:
                font.setPointSizeF(16 * self.zoom / 100)
            elif font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * self.zoom / 100)
            self._fonts[kind] = font
        return font

    def _tooltip(self, cell: Cell) -> Optional[str]:
        lines = list(self.findings.get(id(cell), ("", []))[1])
        row_id = self._row_id(cell)
        if row_id is not None and cell.binding.endswith(".score"):
            result = self.session.evaluation.forms.get(self.key)
            suggestion = result.suggestions.get(row_id) if result else None
            if suggestion is not None:
                score = "无" if suggestion.score is None else format(suggestion.score, "f")
                lines.append(f"建议得分：{score}（{suggestion.explanation}）")
        if cell.role is Role.COMPUTED and not lines:
            lines.append("自动计算，不能直接修改")
        if cell.fmt is Fmt.AMOUNT and cell.value is not None and cell.text != edit_text(cell):
            lines.append(f"精确值：{edit_text(cell)} 万元")
        return "\n".join(lines) or None
