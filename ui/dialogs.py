"""Small dialogs: 新建 (unit, year, framework), and the questions the window asks."""
from __future__ import annotations

import datetime

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QMessageBox, QSpinBox, QVBoxLayout, QWidget)



class NewDocumentDialog(QDialog):
    """Asks the unit, the year and the indicator framework; builds an empty set with starter rows."""

    def __init__(self, parent: QWidget | None = None, unit: str = "", department: str = ""):
        super().__init__(parent)
        self.setWindowTitle("新建绩效自评材料")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.unit = QLineEdit(unit)
        self.unit.setPlaceholderText("例如 株洲市天元区征地工作协调服务中心")
        form.addRow("单位名称：", self.unit)
        self.department = QLineEdit(department)
        form.addRow("主管部门：", self.department)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(datetime.date.today().year - 1)  # self-evaluation looks back on last year
        self.year.setSuffix(" 年度")
        form.addRow("年度：", self.year)
        from model.framework import builtin_frameworks
        self.framework = QComboBox()
        for ident, framework in builtin_frameworks().items():
            self.framework.addItem(framework.name, ident)
        form.addRow("指标体系：", self.framework)
        self.with_basic = QCheckBox("包含整体支出绩效评价基础数据表")
        self.with_basic.setChecked(True)
        form.addRow("", self.with_basic)
        layout.addLayout(form)
        hint = QLabel("新建后，整体自评表每个二级指标下已各有一行空白三级指标，可按需增删。项目表在左侧“添加”。")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c5221f")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("新建")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.unit.text().strip():
            self.error.setText("请填写单位名称")
            self.unit.setFocus()
            return
        from model.fields import parse_field
        from model.parsing import ParseError
        for path, editor in (("unit.name", self.unit), ("unit.department", self.department)):
            try:
                parse_field(path, editor.text().strip())  # what the 单位信息 page would accept
            except ParseError as error:
                self.error.setText(str(error))
                editor.setFocus()
                return
        super().accept()

    def document(self):
        from model.factory import new_document
        return new_document(self.unit.text().strip(), self.year.value(), self.framework.currentData(),
                            department=self.department.text().strip(), with_basic=self.with_basic.isChecked(),
                            starter_rows=True)


def ask_save_changes(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """保存 / 不保存 / 取消 before the document is closed or replaced."""
    box = QMessageBox(QMessageBox.Icon.Question, "保存修改", f"“{name}”有尚未保存的修改，是否保存？", parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Save).setText("保存")
    box.button(QMessageBox.StandardButton.Discard).setText("不保存")
    box.button(QMessageBox.StandardButton.Cancel).setText("取消")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())


def ask_yes_no(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def show_error(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask_choice(parent: QWidget, title: str, text: str, choices: list[tuple[str, str]], escape: str) -> str:
    """One of ``choices`` (key, button text), the first being the default; Esc or closing gives ``escape``."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    buttons = {}
    for index, (key, label) in enumerate(choices):
        role = QMessageBox.ButtonRole.RejectRole if key == escape else QMessageBox.ButtonRole.AcceptRole
        button = box.addButton(label, role)
        buttons[id(button)] = key
        if index == 0:
            box.setDefaultButton(button)
        if key == escape:
            box.setEscapeButton(button)
    box.exec()
    return buttons.get(id(box.clickedButton()), escape)
