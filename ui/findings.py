"""The list of findings (审核结果): a Qt model over the evaluation and a view that jumps to cells.

Findings are listed under their headings (提交前检查, 审核, 合理性: the 类别 column), errors first
in each, in the order F8 walks them; the summary says 可以提交 or 尚有 N 处需处理 and which 总分 are
provisional (待核).
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from model.document import form_title
from model.findings import ERROR, GROUP_LABELS, GROUP_SUBMISSION, SEVERITY_LABELS, Finding

from .session import Session

FindingRole = Qt.ItemDataRole.UserRole + 1
HEADERS = ("类别", "级别", "表", "问题")
MESSAGE_COLUMN = HEADERS.index("问题")
COLORS = {ERROR: QColor("#c5221f"), "warning": QColor("#8a6100")}


class FindingsModel(QAbstractTableModel):
    refreshed = Signal()  # after every refresh, changed or not (totals in the summary may have moved)

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.findings: list[Finding] = self._listed()
        self.titles: dict[str, str] = {}
        # The list follows the grid a moment later, once typing pauses: re-reading a thousand
        # findings at every keystroke would slow the grid down on a large set of forms.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(120)
        self.timer.timeout.connect(self.refresh)
        session.documentChanged.connect(lambda _forms: self.timer.start())
        session.structureChanged.connect(self.refresh)

    def _listed(self) -> list[Finding]:
        return [f for _, items in self.session.evaluation.grouped() for f in items]

    def refresh(self, *_args) -> None:
        self.timer.stop()
        findings = self._listed()
        if findings != self.findings:
            self.beginResetModel()
            self.findings = findings
            self.titles = {}
            self.endResetModel()
        self.refreshed.emit()

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
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding = self.findings[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return GROUP_LABELS[finding.group]
            if column == 1:
                return SEVERITY_LABELS[finding.severity]
            if column == 2:
                return self._title(finding.form)
            message = finding.message
            return message.split("：", 1)[1] if message.startswith(self._title(finding.form) + "：") else message
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding.message
        if role == Qt.ItemDataRole.ForegroundRole and column in (0, 1):
            return QBrush(COLORS.get(finding.severity, COLORS["warning"]))
        if role == FindingRole:
            return finding
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _Filter(QSortFilterProxyModel):
    """全部, 提交前检查, errors only or warnings only."""

    CHOICES = (("全部", None), ("只看提交前检查", ("group", GROUP_SUBMISSION)), ("只看错误", ("severity", ERROR)),
               ("只看提示", ("severity", "warning")))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.choice: Optional[tuple[str, str]] = None

    def set_choice(self, choice: Optional[tuple[str, str]]) -> None:
        self.beginFilterChange()
        self.choice = choice
        self.endFilterChange()

    def filterAcceptsRow(self, row, parent) -> bool:
        if self.choice is None:
            return True
        attribute, value = self.choice
        return getattr(self.sourceModel().findings[row], attribute) == value


class FindingsView(QWidget):
    """Summary, step buttons, a filter and the table; double-click or Enter on a finding jumps to its cell."""

    activated = Signal(object)  # Finding
    stepRequested = Signal(int)  # +1 next / -1 previous item to deal with (the window's F8 / Shift+F8)
    helpRequested = Signal(str)  # a finding's code: 这条提示是什么意思

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = FindingsModel(session, self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.summary, 1)
        self.previous_button = QPushButton("上一处")
        self.previous_button.setToolTip("跳到上一处需处理的单元格（Shift+F8）")
        self.previous_button.clicked.connect(lambda: self.stepRequested.emit(-1))
        self.next_button = QPushButton("下一处（F8）")
        self.next_button.setToolTip("逐一跳到需处理的单元格：先错误，没有错误时再看提示（F8）")
        self.next_button.clicked.connect(lambda: self.stepRequested.emit(1))
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        self.filter = QComboBox()
        for label, choice in _Filter.CHOICES:
            self.filter.addItem(label, choice)
        self.filter.currentIndexChanged.connect(lambda _: self.proxy.set_choice(self.filter.currentData()))
        top.addWidget(self.filter)
        layout.addLayout(top)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # one line a finding; the whole message is in the tooltip
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setMinimumHeight(self.fontMetrics().height() * 3)  # a low dock on a laptop still shows a row
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 220)
        self.table.doubleClicked.connect(self._activate)
        self.table.activated.connect(self._activate)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.table, 1)
        self.model.refreshed.connect(self._update_summary)
        self._update_summary()

    def _update_summary(self) -> None:
        self.summary.setText(summary_html(self.session))
        has_items = bool(self.model.findings)
        self.previous_button.setEnabled(has_items)
        self.next_button.setEnabled(has_items)

    def _activate(self, index: QModelIndex) -> None:
        finding = self.proxy.data(index, FindingRole)
        if finding is not None:
            self.activated.emit(finding)

    def _context_menu(self, position) -> None:
        from PySide6.QtWidgets import QMenu
        finding = self.proxy.data(self.table.indexAt(position), FindingRole)
        if finding is None:
            return
        menu = QMenu(self)
        menu.addAction("跳到这个单元格", lambda: self.activated.emit(finding))
        menu.addAction("这条提示是什么意思", lambda: self.helpRequested.emit(finding.code))
        menu.exec(self.table.viewport().mapToGlobal(position))

    def finding_at(self, row: int) -> Optional[Finding]:
        return self.proxy.data(self.proxy.index(row, 0), FindingRole)


def summary_html(session: Session) -> str:
    """可以提交 / 尚有 N 处需处理, the counts, and a line for each provisional 总分."""
    evaluation = session.evaluation
    to_fix = evaluation.to_fix()
    warnings = sum(1 for f in evaluation.findings if f.severity != ERROR)
    if not evaluation.findings:
        lines = ["<b style='color:#1e7e34'>可以提交</b>：审核通过，没有发现问题。"]
    elif not to_fix:
        lines = [f"<b style='color:#1e7e34'>可以提交</b>：没有需要处理的错误；提示 {warnings} 个，请核对。"]
    else:
        counts = {}
        for finding in to_fix:
            counts[finding.group] = counts.get(finding.group, 0) + 1
        parts = "，".join(f"{GROUP_LABELS[group]} {count} 处" for group, count in counts.items())
        lines = [f"<b style='color:#c5221f'>{evaluation.ready_text()}</b>（{parts}），"
                 f"提示 {warnings} 个。按 F8 或“下一处”逐一跳到需处理的单元格，双击一行也可跳转。"]
    for key in evaluation.forms:
        if evaluation.provisional(key):
            try:
                title = form_title(session.doc, key)
            except KeyError:
                continue
            lines.append(f"<span style='color:#c5221f'>{title}：总分 {evaluation.total_text(key)}，等次 "
                         f"{evaluation.grade_text(key)}——分值或得分有结构错误，改正后才能确定。</span>")
    return "<br>".join(lines)
