"""The list of findings (审核结果): a Qt model over the evaluation and a view that jumps to cells."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView,
                               QVBoxLayout, QWidget)

from model.document import form_title
from model.findings import ERROR, SEVERITY_LABELS, Finding

from .session import Session

FindingRole = Qt.ItemDataRole.UserRole + 1
HEADERS = ("级别", "表", "问题")
COLORS = {ERROR: QColor("#c5221f"), "warning": QColor("#8a6100")}


class FindingsModel(QAbstractTableModel):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.findings: list[Finding] = list(session.evaluation.findings)
        self.titles: dict[str, str] = {}
        # The list follows the grid a moment later, once typing pauses: re-reading a thousand
        # findings at every keystroke would slow the grid down on a large set of forms.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(120)
        self.timer.timeout.connect(self.refresh)
        session.documentChanged.connect(lambda _forms: self.timer.start())
        session.structureChanged.connect(self.refresh)

    def refresh(self, *_args) -> None:
        self.timer.stop()
        findings = list(self.session.evaluation.findings)
        if findings == self.findings:
            return
        self.beginResetModel()
        self.findings = findings
        self.titles = {}
        self.endResetModel()

    def _title(self, key: str) -> str:
        if key not in self.titles:
            try:
                self.titles[key] = form_title(self.session.doc, key)
            except KeyError:
                self.titles[key] = key
        return self.titles[key]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding = self.findings[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return SEVERITY_LABELS[finding.severity]
            if column == 1:
                return self._title(finding.form)
            message = finding.message
            return message.split("：", 1)[1] if message.startswith(self._title(finding.form) + "：") else message
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding.message
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(COLORS.get(finding.severity, COLORS["warning"]))
        if role == FindingRole:
            return finding
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _SeverityFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.severity: Optional[str] = None

    def set_severity(self, severity: Optional[str]) -> None:
        self.beginFilterChange()
        self.severity = severity
        self.endFilterChange()

    def filterAcceptsRow(self, row, parent) -> bool:
        if self.severity is None:
            return True
        finding = self.sourceModel().findings[row]
        return finding.severity == self.severity


class FindingsView(QWidget):
    """Summary, a filter and the table; double-click or Enter on a finding jumps to its cell."""

    activated = Signal(object)  # Finding

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.model = FindingsModel(session, self)
        self.proxy = _SeverityFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.summary = QLabel()
        top.addWidget(self.summary, 1)
        self.filter = QComboBox()
        for label, severity in (("全部", None), ("只看错误", ERROR), ("只看提示", "warning")):
            self.filter.addItem(label, severity)
        self.filter.currentIndexChanged.connect(lambda _: self.proxy.set_severity(self.filter.currentData()))
        top.addWidget(self.filter)
        layout.addLayout(top)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # one line a finding; the whole message is in the tooltip
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 220)
        self.table.doubleClicked.connect(self._activate)
        self.table.activated.connect(self._activate)
        layout.addWidget(self.table, 1)
        self.model.modelReset.connect(self._update_summary)
        self._update_summary()

    def _update_summary(self) -> None:
        errors = sum(1 for f in self.model.findings if f.severity == ERROR)
        warnings = len(self.model.findings) - errors
        if not self.model.findings:
            self.summary.setText("审核通过：没有发现问题。")
        else:
            self.summary.setText(f"错误 {errors} 个（提交前必须修改），提示 {warnings} 个（请核对）。双击一行可跳到对应单元格。")

    def _activate(self, index: QModelIndex) -> None:
        finding = self.proxy.data(index, FindingRole)
        if finding is not None:
            self.activated.emit(finding)

    def finding_at(self, row: int) -> Optional[Finding]:
        return self.proxy.data(self.proxy.index(row, 0), FindingRole)
