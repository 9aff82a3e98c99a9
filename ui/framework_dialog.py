"""指标体系编辑: a dialog over a framework draft (model.framework_draft).

The widgets only hold what is being typed: after every change the dialog reads them into a
``FrameworkDraft``, asks ``framework_draft.build`` for the framework and lists its problems (the
same rules as reading a file); 确定 is enabled when there are none. Nothing here changes the
document: the caller applies the framework as a model edit (undoable).
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from model.framework import NOT_APPLICABLE_MODES, REVERSE_RULES, Framework
from model.framework_draft import (FUNDING_CHOICES, OVER_ACHIEVEMENT_CHOICES, CapDraft, FrameworkDraft, GradeDraft,
                                   GroupDraft, build, draft_of, points_summary)

from .dialogs import ok_cancel

CUSTOM_ID = "custom"  # id of a framework the unit changed (the document makes it unique)
GROUP_COLUMNS = ("一级指标", "各行自定分值", "分值", "二级指标（用“、”分隔）")
PROVINCIAL_CAPS = (("80", "89"), ("70", "79"), ("60", "69"), ("50", "59"))  # RULES.md §3 (practice)


def _table(columns: tuple[str, ...], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.setMinimumHeight(130)
    header = table.horizontalHeader()
    for column in range(len(columns)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def _buttons(*pairs) -> QHBoxLayout:
    row = QHBoxLayout()
    for text, slot in pairs:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    return row


class FrameworkEditorDialog(QDialog):
    """Edit a copy of ``framework``; ``framework()`` gives the result after 确定."""

    def __init__(self, framework: Framework, parent: Optional[QWidget] = None, title: str = "编辑指标体系"):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.original = framework
        self._filling = False
        self._result: Optional[Framework] = None
        layout = QVBoxLayout(self)

        top = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText("例如 2025年度某某区财政局指标体系")
        top.addRow("名称：", self.name)
        self.funding = QComboBox()
        self.funding.setEditable(True)
        self.funding.addItems(list(FUNDING_CHOICES))
        self.funding.setToolTip("资金执行率（年度资金总额行）的分值；0 表示该行不计分，全部分值在指标中")
        top.addRow("资金执行率分值：", self.funding)
        layout.addLayout(top)

        box = QGroupBox("一级指标和二级指标（勾选“各行自定分值”时，该类别不设固定分值，由各行分值相加，只要求全表合计 100 分）")
        inner = QVBoxLayout(box)
        self.groups = _table(GROUP_COLUMNS, 3)
        inner.addWidget(self.groups)
        inner.addLayout(_buttons(("添加一级指标", self._add_group), ("删除", lambda: self._remove(self.groups)),
                                 ("上移", lambda: self._move(-1)), ("下移", lambda: self._move(1))))
        self.summary = QLabel()
        inner.addWidget(self.summary)
        layout.addWidget(box, 3)

        lower = QHBoxLayout()
        grades_box = QGroupBox("评价等次（从高到低，最低一档为 0）")
        grades_layout = QVBoxLayout(grades_box)
        self.grades = _table(("等次", "最低分"), 0)
        grades_layout.addWidget(self.grades)
        grades_layout.addLayout(_buttons(("添加", lambda: self._add_row(self.grades, ("", ""))),
                                         ("删除", lambda: self._remove(self.grades))))
        lower.addWidget(grades_box, 1)
        caps_box = QGroupBox("总分封顶（执行率低于某值时总分最高多少；不用时留空）")
        caps_layout = QVBoxLayout(caps_box)
        self.caps = _table(("执行率低于（%）", "总分最高"), 1)
        caps_layout.addWidget(self.caps)
        caps_layout.addLayout(_buttons(("添加", lambda: self._add_row(self.caps, ("", ""))),
                                       ("删除", lambda: self._remove(self.caps)),
                                       ("填入省级规则", self._provincial_caps)))
        lower.addWidget(caps_box, 1)
        layout.addLayout(lower, 2)

        options = QGroupBox("评分选项")
        grid = QGridLayout(options)
        self.label_points = QCheckBox("一级指标名称后印分值，如“产出指标(40分)”（不勾选则只印“产出指标”）")
        grid.addWidget(self.label_points, 0, 0, 1, 6)
        grid.addWidget(QLabel("完成值超出指标值："), 1, 0)
        self.over_action = QComboBox()
        for key, label in OVER_ACHIEVEMENT_CHOICES.items():
            self.over_action.addItem(label, key)
        grid.addWidget(self.over_action, 1, 1)
        grid.addWidget(QLabel("超出比例达（%）："), 1, 2)
        self.over_percent = QLineEdit()
        grid.addWidget(self.over_percent, 1, 3)
        grid.addWidget(QLabel("扣分："), 1, 4)
        self.over_deduction = QLineEdit()
        self.over_deduction.setToolTip("从建议得分中扣除；得分仍由单位填写，总分是各行得分之和")
        grid.addWidget(self.over_deduction, 1, 5)
        grid.addWidget(QLabel("不适用的指标："), 2, 0)
        self.not_applicable = QComboBox()
        for key, label in NOT_APPLICABLE_MODES.items():
            self.not_applicable.addItem(label, key)
        grid.addWidget(self.not_applicable, 2, 1, 1, 2)
        grid.addWidget(QLabel("反向指标未达标："), 2, 3)
        self.reverse_rule = QComboBox()
        for key, label in REVERSE_RULES.items():
            self.reverse_rule.addItem(label, key)
        grid.addWidget(self.reverse_rule, 2, 4, 1, 2)
        layout.addWidget(options)

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c5221f")
        layout.addWidget(self.problems)
        self.buttons = ok_cancel(self, "确定")
        layout.addWidget(self.buttons)

        self.fill(draft_of(framework))
        for widget in (self.name, self.over_percent, self.over_deduction):
            widget.textChanged.connect(self.validate)
        self.funding.editTextChanged.connect(self.validate)
        for combo in (self.over_action, self.not_applicable, self.reverse_rule):
            combo.currentIndexChanged.connect(self.validate)
        self.label_points.toggled.connect(self.validate)
        for table in (self.groups, self.grades, self.caps):
            table.itemChanged.connect(lambda _item: self.validate())
        self.resize(900, 720)
        self.validate()

    # --- the draft in the widgets ---
    def fill(self, draft: FrameworkDraft) -> None:
        self._filling = True
        self.name.setText(draft.name)
        self.funding.setEditText(draft.funding_points)
        self.groups.setRowCount(0)
        for group in draft.groups:
            self._add_group(group)
        self.grades.setRowCount(0)
        for band in draft.grades:
            self._add_row(self.grades, (band.grade, band.minimum))
        self.caps.setRowCount(0)
        for cap in draft.caps:
            self._add_row(self.caps, (cap.rate_below, cap.max_total))
        self.label_points.setChecked(draft.label_points)
        self.over_action.setCurrentIndex(max(0, self.over_action.findData(draft.over_action)))
        self.over_percent.setText(draft.over_percent)
        self.over_deduction.setText(draft.over_deduction)
        self.not_applicable.setCurrentIndex(max(0, self.not_applicable.findData(draft.not_applicable)))
        self.reverse_rule.setCurrentIndex(max(0, self.reverse_rule.findData(draft.reverse_rule)))
        self._filling = False
        self.validate()

    def draft(self) -> FrameworkDraft:
        groups = [GroupDraft(_text(self.groups, row, 0), self.groups.item(row, 1).checkState() == Qt.CheckState.Checked,
                             _text(self.groups, row, 2), _text(self.groups, row, 3))
                  for row in range(self.groups.rowCount())]
        return FrameworkDraft(
            name=self.name.text(), funding_points=self.funding.currentText(), groups=groups,
            grades=[GradeDraft(_text(self.grades, r, 0), _text(self.grades, r, 1))
                    for r in range(self.grades.rowCount())],
            label_points=self.label_points.isChecked(), over_action=self.over_action.currentData(),
            over_percent=self.over_percent.text(), over_deduction=self.over_deduction.text(),
            caps=[CapDraft(_text(self.caps, r, 0), _text(self.caps, r, 1)) for r in range(self.caps.rowCount())],
            not_applicable=self.not_applicable.currentData(), reverse_rule=self.reverse_rule.currentData())

    def validate(self) -> list[str]:
        if self._filling:
            return []
        draft = self.draft()
        for row in range(self.groups.rowCount()):  # points of a free group are not typed
            free = self.groups.item(row, 1).checkState() == Qt.CheckState.Checked
            item = self.groups.item(row, 2)
            flags = item.flags()
            editable = flags | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsEnabled
            wanted = (flags & ~Qt.ItemFlag.ItemIsEditable & ~Qt.ItemFlag.ItemIsEnabled) if free else editable
            if wanted != flags:
                self.groups.blockSignals(True)
                item.setFlags(wanted)
                self.groups.blockSignals(False)
        self.over_percent.setEnabled(draft.over_action != "off")
        self.over_deduction.setEnabled(draft.over_action == "deduct")
        self.summary.setText(points_summary(draft))
        framework, problems = build(draft, self.original, self._ident(draft))
        self._result = framework
        self.problems.setText("\n".join(f"• {p}" for p in problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        return problems

    def _ident(self, draft: FrameworkDraft) -> str:
        built, _ = build(draft, self.original, self.original.id)
        return self.original.id if built is not None and built == self.original else CUSTOM_ID

    def framework(self) -> Optional[Framework]:
        """The framework as edited (the original itself when nothing changed); None while invalid."""
        return self._result

    def accept(self) -> None:
        if not self.validate():
            super().accept()

    # --- table commands ---
    def _add_group(self, group: Optional[GroupDraft] = None) -> None:
        group = group if isinstance(group, GroupDraft) else GroupDraft()
        row = self.groups.rowCount()
        self.groups.blockSignals(True)
        self.groups.insertRow(row)
        self.groups.setItem(row, 0, QTableWidgetItem(group.name))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        check.setCheckState(Qt.CheckState.Checked if group.free else Qt.CheckState.Unchecked)
        self.groups.setItem(row, 1, check)
        self.groups.setItem(row, 2, QTableWidgetItem(group.points))
        self.groups.setItem(row, 3, QTableWidgetItem(group.level2))
        self.groups.blockSignals(False)
        self.validate()

    def _add_row(self, table: QTableWidget, texts: tuple[str, ...]) -> None:
        row = table.rowCount()
        table.blockSignals(True)
        table.insertRow(row)
        for column, text in enumerate(texts):
            table.setItem(row, column, QTableWidgetItem(text))
        table.blockSignals(False)
        self.validate()

    def _remove(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)
            self.validate()

    def _move(self, step: int) -> None:
        draft = self.draft()
        row = self.groups.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(draft.groups):
            return
        draft.groups[row], draft.groups[target] = draft.groups[target], draft.groups[row]
        self.fill(draft)
        self.groups.setCurrentCell(target, 0)

    def _provincial_caps(self) -> None:
        self.caps.setRowCount(0)
        for texts in PROVINCIAL_CAPS:
            self._add_row(self.caps, texts)
