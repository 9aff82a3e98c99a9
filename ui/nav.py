"""The navigation list beside the page: 单位信息, the forms, each project, 审核结果; project buttons."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMenu, QToolButton, QVBoxLayout, QWidget

PAGE_UNIT = "unit"
FORM_BASIC, FORM_OVERALL = "basic", "overall"  # model.document's form keys (not imported: start-up)
FORM_COMPREHENSIVE = "comprehensive"
ERROR = "error"
PAGE_FINDINGS = "findings"
PAGE_NEW_REPORT = "reports"  # 整体支出绩效自评报告 before the document has one (the page that makes it)
KeyRole = Qt.ItemDataRole.UserRole + 1
SectionRole = Qt.ItemDataRole.UserRole + 2  # a section of the 怀化 form: the path of its first cell
PROJECT_COMMANDS = (("add", "添加", "添加一个项目支出绩效自评表"), ("duplicate", "复制", "复制当前项目（含全部指标）"),
                    ("rename", "改名", "修改项目支出名称"), ("up", "上移", "把项目往前移"), ("down", "下移", "把项目往后移"),
                    ("delete", "删除", "删除当前项目（可撤销）"))


def page_titles(doc) -> list[tuple[str, str]]:
    """(page key, list label) in order."""
    pages = [(PAGE_UNIT, "单位信息")]
    if doc.basic is not None:
        pages.append((FORM_BASIC, "基础数据表"))
    if doc.overall is not None:
        pages.append((FORM_OVERALL, "部门整体支出绩效自评表"))
    if doc.comprehensive is not None:
        pages.append((FORM_COMPREHENSIVE, "部门（单位）整体支出绩效自评表"))
    for number, project in enumerate(doc.projects, start=1):
        pages.append((f"projects[{project.id}]", f"项目{number}：{project.name or '未命名项目'}"))
    pages += report_pages(doc)
    pages.append((PAGE_FINDINGS, "审核结果"))
    return pages


def section_items(doc) -> list[tuple[str, str]]:
    """(list label, path of the section's first cell) of each section of the 怀化 form, shown under it."""
    from model.layout.comprehensive import section_anchors
    return [(f"　　{title}", path) for title, path in section_anchors(doc)]


def report_pages(doc) -> list[tuple[str, str]]:
    """自评报告 pages: the 整体 report (or the page making it), then each project's, in the projects' order."""
    pages = []
    overall = next((r for r in doc.reports if r.kind == "overall"), None)
    if overall is not None:
        pages.append((f"reports[{overall.id}]", "整体支出绩效自评报告"))
    elif doc.overall is not None:
        pages.append((PAGE_NEW_REPORT, "整体支出绩效自评报告"))
    names = {p.id: p.name or "未命名项目" for p in doc.projects}
    order = {p.id: index for index, p in enumerate(doc.projects)}
    for report in sorted((r for r in doc.reports if r.kind == "project"), key=lambda r: order.get(r.project, len(order))):
        pages.append((f"reports[{report.id}]", f"项目报告：{names.get(report.project, '（项目已删除）')}"))
    return pages


class NavPanel(QWidget):
    pageChosen = Signal(str)
    sectionChosen = Signal(str)  # the path of a section's first cell (the 怀化 form)
    projectCommand = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentItemChanged.connect(self._chosen)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.buttons = {}
        for name, text, tip in PROJECT_COMMANDS:
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, n=name: self.projectCommand.emit(n))
            buttons.addWidget(button)
            self.buttons[name] = button
        layout.addWidget(QWidgetRow(buttons))
        self.setMinimumWidth(190)
        self._updating = False

    def rebuild(self, doc, evaluation, current: Optional[str]) -> None:
        self._updating = True
        self.list.clear()
        for key, label in page_titles(doc):
            item = QListWidgetItem(label)
            item.setData(KeyRole, key)
            item.setToolTip(label)
            self.list.addItem(item)
            if key == FORM_COMPREHENSIVE:
                for title, path in section_items(doc):
                    section = QListWidgetItem(title)
                    section.setData(KeyRole, key)
                    section.setData(SectionRole, path)
                    section.setToolTip(title.strip())
                    self.list.addItem(section)
        self._updating = False
        self.update_marks(evaluation)
        self.select(current if current in [k for k, _ in page_titles(doc)] else PAGE_UNIT)

    def update_marks(self, evaluation) -> None:
        """Red (errors) or amber (warnings) names of pages with findings, counts on 审核结果."""
        severities: dict[str, str] = {}
        for finding in evaluation.findings:
            if severities.get(finding.form) != ERROR:
                severities[finding.form] = finding.severity
        errors, warnings = evaluation.counts()
        for row in range(self.list.count()):
            item = self.list.item(row)
            key = item.data(KeyRole)
            if key == PAGE_FINDINGS:
                item.setText(f"审核结果（错误 {errors}，提示 {warnings}）")
                item.setForeground(QBrush(QColor("#c5221f" if errors else "#202124")))
                continue
            if item.data(SectionRole):
                continue  # a section line under its form keeps the plain colour
            severity = severities.get(key)
            color = {ERROR: "#c5221f", "warning": "#8a6100"}.get(severity, "#202124")
            item.setForeground(QBrush(QColor(color)))

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(KeyRole) == key:
                self.list.setCurrentRow(row)
                return

    def current_key(self) -> Optional[str]:
        item = self.list.currentItem()
        return item.data(KeyRole) if item else None

    def _chosen(self, current: Optional[QListWidgetItem], _previous=None) -> None:
        is_project = bool(current) and str(current.data(KeyRole)).startswith("projects[")
        for name in ("duplicate", "rename", "up", "down", "delete"):
            self.buttons[name].setEnabled(is_project)
        if current is not None and not self._updating:
            self.pageChosen.emit(current.data(KeyRole))
            if current.data(SectionRole):
                self.sectionChosen.emit(current.data(SectionRole))

    def _context_menu(self, position) -> None:
        item = self.list.itemAt(position)
        menu = QMenu(self)
        menu.addAction("添加项目", lambda: self.projectCommand.emit("add"))
        if item is not None and str(item.data(KeyRole)).startswith("projects["):
            self.list.setCurrentItem(item)
            for name, text, _ in PROJECT_COMMANDS[1:]:
                menu.addAction(f"{text}项目" if name in ("duplicate", "delete") else text,
                               lambda n=name: self.projectCommand.emit(n))
        menu.exec(self.list.viewport().mapToGlobal(position))


class QWidgetRow(QWidget):
    def __init__(self, layout):
        super().__init__()
        layout.setContentsMargins(0, 2, 0, 2)
        self.setLayout(layout)
