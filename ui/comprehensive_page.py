"""The 怀化 comprehensive form's page: the same grid and keys as every form page, with its own row commands.

Insert, delete and move (Ctrl+Shift+=, Ctrl+-, Alt+↑↓, the Edit menu, the context menu and the side panel)
act on the 机构, 定量指标 or 评价人员 row under the cursor, each one model edit and one undo step.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QMenu, QVBoxLayout, QWidget

from model import comprehensive_edits as rows
from model.comprehensive import find_row, organisation_label
from model.comprehensive_template import builtin_template
from model.money import fmt_plain, percent

from .form_page import FormPage
from .row_panel import ROW_COMMANDS, command_buttons, menu_button
from .session import Session

_WHAT = {name: what for name, (what, _, _) in rows.LISTS.items()}
# the cell a new or moved row's cursor goes to
_FIRST_CELL = {"organisations": "income.total", "indicators": "name", "evaluators": "name"}


class ComprehensivePanel(QWidget):
    """Beside the grid: the row under the cursor with its commands, adding rows, 综合得分 and 等次."""

    command = Signal(str)  # insert_above, insert_below, delete, up, down, add_organisation, add_evaluator

    def __init__(self, session: Session, add_menu, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        box = QGroupBox("当前行")
        inner = QVBoxLayout(box)
        self.row = QLabel()
        self.row.setWordWrap(True)
        self.row.setStyleSheet("font-weight: bold")
        inner.addWidget(self.row)
        buttons = QHBoxLayout()
        self.row_buttons = list(command_buttons(ROW_COMMANDS, self.command.emit, buttons).values())
        inner.addLayout(buttons)
        layout.addWidget(box)
        command_buttons((("add_organisation", "添加二级机构", ""), ("add_evaluator", "添加评价人员", "")),
                        self.command.emit, layout)
        self.add_button = menu_button("添加定量指标行 ▾", add_menu)
        layout.addWidget(self.add_button)
        result = QGroupBox("综合得分与评价等次")
        result_layout = QVBoxLayout(result)
        self.result = QLabel()
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setWordWrap(True)
        result_layout.addWidget(self.result)
        layout.addWidget(result)
        layout.addStretch(1)
        self.setMinimumWidth(220)
        self.setMaximumWidth(320)
        self.update_row(None)

    def update_row(self, current: Optional[tuple[str, str]]) -> None:
        form = self.session.doc.comprehensive
        if form is None:  # the form was removed; the window drops this page
            return
        for button in self.row_buttons:
            button.setEnabled(current is not None)
        self.row.setText(self._describe(form, current))
        evaluation = self.session.evaluation.comprehensive
        lines = []
        if form.score is None:
            lines.append("综合得分：未填写")
        else:
            lines.append(f"综合得分：{fmt_plain(form.score)}")
            style = ' style="color:#c5221f"' if form.grade.strip() and form.grade.strip() != evaluation.grade else ""
            lines.append(f"按评价等次档应为：<b>{evaluation.grade}</b>")
            lines.append(f"<span{style}>表上填写：{form.grade.strip() or '（未填写）'}</span>")
        rate = percent(evaluation.control_rate) if evaluation else None
        if rate is not None:
            lines.append(f"实有人数÷人员编制：{rate:.2f}%")
        self.result.setText("<br>".join(lines))

    @staticmethod
    def _describe(form, current: Optional[tuple[str, str]]) -> str:
        if current is None:
            return "（请选中机构、定量指标或评价人员的一行）"
        list_name, row_id = current
        items = getattr(form, list_name)
        index = find_row(items, row_id)
        if index is None:
            return "（请选中机构、定量指标或评价人员的一行）"
        item = items[index]
        if list_name == "organisations":
            return f"机构：{organisation_label(index + 1, item)}"
        if list_name == "indicators":
            return f"定量指标：{item.name or f'（{item.level2}，空白行）'}"
        return f"评价人员：{item.name or '（未填姓名）'}"


class ComprehensivePage(FormPage):
    def _make_panel(self):
        return ComprehensivePanel(self.session, self._fill_add_menu)

    def _update_panel(self) -> None:
        if self.panel is not None:
            self.panel.update_row(self.current_row())

    def current_row(self) -> Optional[tuple[str, str]]:
        return rows.row_of(self.current_binding())

    def _select(self, list_name: str, row_id: str) -> None:
        self.select_path(f"{self.key}.{list_name}[{row_id}].{_FIRST_CELL[list_name]}")

    def _apply(self, edit) -> None:
        self.session.apply(edit)
        self._select(edit.list_path.rsplit(".", 1)[1], edit.item.id)

    def run(self, name: str) -> bool:
        if not self.view.commit_editing():
            return False
        doc = self.session.doc
        if name in ("add_organisation", "add_evaluator"):
            return self._try(lambda: self._apply(rows.insert_row(doc, name.split("_", 1)[1] + "s")))
        if name in ("toggle_na", "adopt"):
            self.banner.show_message("本表的定量指标没有分值和得分：综合得分直接填写在“绩效自评综合得分”一栏")
            return False
        current = self.current_row()
        list_name = current[0] if current else rows.list_of(self.current_binding())
        if list_name is None:
            self.banner.show_message("请先选中机构、定量指标或评价人员的一行")
            return False
        row_id = current[1] if current else None
        if name in ("insert_above", "insert_below"):
            side = {} if row_id is None else ({"before": row_id} if name == "insert_above" else {"after": row_id})
            return self._try(lambda: self._apply(rows.insert_row(doc, list_name, **side)))
        if row_id is None:
            self.banner.show_message(f"请先选中要操作的{_WHAT[list_name]}行")
            return False
        if name == "delete":
            return self.session.try_edit(rows.remove_row, list_name, row_id)
        if name in ("up", "down"):
            if self.session.try_edit(rows.move_row, list_name, row_id, -1 if name == "up" else 1):
                self._select(list_name, row_id)
                return True
        return False

    def _try(self, action) -> bool:
        try:
            action()
        except rows.EditError as error:
            self.banner.show_message(str(error))
            return False
        return True

    def add_row(self, level1: str, level2: str) -> None:
        self._try(lambda: self._apply(rows.insert_indicator(self.session.doc, level1, level2)))

    def _fill_add_menu(self, menu: QMenu) -> None:
        menu.clear()
        for category in builtin_template().categories:
            sub = menu.addMenu(category.level1)
            for level2, _ in category.level2:
                sub.addAction(level2, lambda l1=category.level1, l2=level2: self.add_row(l1, l2))

    def _context_menu(self, position) -> None:
        menu = QMenu(self)
        current = self.current_row()
        list_name = current[0] if current else rows.list_of(self.current_binding())
        if list_name is not None:
            what = _WHAT[list_name]
            menu.addAction(f"在上方插入{what}行", lambda: self.run("insert_above"))
            menu.addAction(f"在下方插入{what}行", lambda: self.run("insert_below"))
            if current is not None:
                menu.addAction(f"删除这一{what}行", lambda: self.run("delete"))
                menu.addAction("上移", lambda: self.run("up"))
                menu.addAction("下移", lambda: self.run("down"))
            menu.addSeparator()
        menu.addAction("添加二级机构", lambda: self.run("add_organisation"))
        menu.addAction("添加评价人员", lambda: self.run("add_evaluator"))
        self._fill_add_menu(menu.addMenu("添加定量指标行"))
        menu.exec(self.view.viewport().mapToGlobal(position))
