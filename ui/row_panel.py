"""The side panel of a form page: the current indicator row's suggestion and row commands.

Everything here reads the document and the evaluation and writes through the session; the panel
keeps no state of its own beyond which row it shows.
"""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QMenu,
                               QPushButton, QToolButton, QVBoxLayout, QWidget)

from model.document import SCORING_RULES
from model.money import fmt_plain

from .field_editors import BoundField
from .session import Session

# (field, label, example) of the 表上数 a transcriber may enter
_STATED = (("stated_total", "表上总分", "例如 99"), ("stated_rate", "表上执行率", "例如 99.32%"),
           ("stated_funding_score", "表上资金得分", "例如 9.93"))
_PROJECT_STATED = (("stated_funding.initial", "表上资金总额·年初", "年度资金总额的年初预算数"),
                   ("stated_funding.annual", "表上资金总额·全年", "年度资金总额的全年预算数"),
                   ("stated_funding.executed", "表上资金总额·执行", "年度资金总额的全年执行数"))
# (command, button, tooltip) of the commands on the row under the cursor, in every side panel
ROW_COMMANDS = (("insert_above", "上插", "在上方插入一行"), ("insert_below", "下插", "在下方插入一行  Ctrl+Shift+="),
                ("delete", "删除", "删除这一行  Ctrl+-"), ("up", "↑", "上移  Alt+↑"), ("down", "↓", "下移  Alt+↓"))


def menu_button(text: str, fill: Callable[[QMenu], None]) -> QToolButton:
    """A button that opens a menu, filled afresh each time it opens (the framework's groups may change)."""
    button = QToolButton()
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.aboutToShow.connect(lambda: fill(menu))
    button.setMenu(menu)
    return button


def command_buttons(commands, run: Callable[[str], object], layout) -> dict[str, QToolButton]:
    """A button for each (command, text, tooltip) of ``commands``, added to ``layout``; a click calls
    ``run(command)``."""
    buttons = {}
    for name, text, tip in commands:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _=False, n=name: run(n))
        layout.addWidget(button)
        buttons[name] = button
    return buttons


class RowPanel(QWidget):
    command = Signal(str)  # insert_above, insert_below, delete, up, down, adopt, toggle_na

    def __init__(self, session: Session, key: str, add_menu: Callable[[QMenu], None], parent=None):
        super().__init__(parent)
        self.session, self.key = session, key
        self.row_id: Optional[str] = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)

        box = QGroupBox("当前指标行")
        form = QVBoxLayout(box)
        self.name = QLabel("（请选择一行指标）")
        self.name.setWordWrap(True)
        self.name.setStyleSheet("font-weight: bold")
        form.addWidget(self.name)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addWidget(self.suggestion)
        self.adopt = QPushButton("采用建议得分")
        self.adopt.setToolTip("把建议得分填入得分（可撤销）  Ctrl+Shift+A")
        self.adopt.clicked.connect(lambda: self.command.emit("adopt"))
        form.addWidget(self.adopt)
        self.not_applicable = QCheckBox("不适用（不计分）")
        self.not_applicable.clicked.connect(lambda: self.command.emit("toggle_na"))
        form.addWidget(self.not_applicable)
        rule_row = QHBoxLayout()
        rule_row.addWidget(QLabel("建议分规则："))
        self.rule = QComboBox()
        for key, label in SCORING_RULES.items():
            self.rule.addItem(label, key)
        self.rule.activated.connect(self._rule_chosen)
        rule_row.addWidget(self.rule, 1)
        form.addLayout(rule_row)
        buttons = QHBoxLayout()
        command_buttons(ROW_COMMANDS, self.command.emit, buttons)
        form.addLayout(buttons)
        layout.addWidget(box)

        self.add_button = menu_button("添加指标行 ▾", add_menu)
        layout.addWidget(self.add_button)

        scores = QGroupBox("得分小计")
        scores_layout = QVBoxLayout(scores)
        self.scores = QLabel()
        self.scores.setTextFormat(Qt.TextFormat.RichText)
        scores_layout.addWidget(self.scores)
        layout.addWidget(scores)

        total_box = QGroupBox("抄录纸质表（表上数）")
        total_box.setToolTip("抄录已有纸质表时，填写表上印的数字；与计算结果不符时审核会指出并说明可能的原因")
        total_form = QFormLayout(total_box)
        self.stated: dict[str, BoundField] = {}
        for name, label, hint in _STATED + (_PROJECT_STATED if self.key.startswith("projects[") else ()):
            field = BoundField(session, f"{self.key}.{name}", hint)
            total_form.addRow(f"{label}：", field.widget)
            self.stated[name] = field
        layout.addWidget(total_box)
        layout.addStretch(1)
        self.setMinimumWidth(220)
        self.setMaximumWidth(320)
        self.update_row(None)

    def _form(self):
        try:
            return self.session.doc.form(self.key)
        except KeyError:  # the project was deleted; the window drops this page
            return None

    def _row(self):
        form = self._form()
        if form is None or not self.row_id:
            return None
        return next((r for r in form.indicators if r.id == self.row_id), None)

    def update_scores(self) -> None:
        """Funding score, each 一级指标's subtotal over its points, 总分 and 等次, live."""
        result = self.session.evaluation.forms.get(self.key)
        if result is None or self._form() is None:
            self.scores.setText("")
            return
        framework = self.session.doc.framework_for(self.session.doc.form(self.key))
        lines = []
        if result.funding_points:
            lines.append(f"资金执行：{result.funding_score:.2f} / {fmt_plain(result.funding_points)}")
        for group in framework.level1:
            subtotal = result.subtotals.get(group.name, 0)
            points = result.level1_points.get(group.name, 0)
            style = ' style="color:#c5221f"' if group.fixed and points != group.points else ""
            free = "（各行自定分值）" if not group.fixed else ""
            figures = f"{fmt_plain(subtotal) or '0'} / {fmt_plain(points) or '0'}"
            lines.append(f"{group.name}：<span{style}>{figures}</span>{free}")
        evaluation = self.session.evaluation
        style = ' style="color:#c5221f"' if evaluation.provisional(self.key) else ""
        lines.append(f"<b{style}>总分：{evaluation.total_text(self.key)}　等次：{evaluation.grade_text(self.key)}</b>")
        self.scores.setText("<br>".join(lines))

    def update_row(self, row_id: Optional[str]) -> None:
        self.update_scores()
        self.row_id = row_id
        row = self._row()
        form = self._form()
        if form is None:
            return
        for field in self.stated.values():
            field.refresh()
        enabled = row is not None
        for widget in (self.adopt, self.not_applicable, self.rule):
            widget.setEnabled(enabled)
        if row is None:
            self.name.setText("（请选择一行指标）")
            self.suggestion.setText("选中一行三级指标后，这里显示建议得分及其计算方法。")
            return
        self.name.setText(row.name or f"（{row.level2}，未填三级指标）")
        result = self.session.evaluation.forms.get(self.key)
        suggestion = result.suggestions.get(row.id) if result else None
        if suggestion is None:
            self.suggestion.setText("")
            self.adopt.setEnabled(False)
        else:
            score = "—" if suggestion.score is None else fmt_plain(suggestion.score)
            self.suggestion.setText(f"建议得分：{score}\n{suggestion.explanation}")
            self.adopt.setEnabled(suggestion.score is not None and suggestion.score != row.score)
        self.not_applicable.setChecked(row.not_applicable)
        self.rule.setCurrentIndex(max(0, self.rule.findData(row.rule)))

    def _rule_chosen(self, index: int) -> None:
        row = self._row()
        rule = self.rule.itemData(index)
        if row is not None and rule != row.rule:
            self.session.set_text(f"{self.key}.indicators[{row.id}].rule", rule)
