"""Small dialogs: 新建 (unit, year, framework), and the questions the window asks."""
from __future__ import annotations

import datetime

from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QMessageBox, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

# The form sets a bureau may ask for: (key, button text, hint under the dialog)
FORM_SETS = (
    ("hunan", "湖南标准：整体支出绩效评价基础数据表＋部门整体支出绩效自评表（＋项目表）",
     "新建后，整体自评表每个二级指标下已各有一行空白三级指标，可按需增删。项目表在左侧“添加”。"),
    ("huaihua", "怀化综合表：部门（单位）整体支出绩效自评表（＋项目表，局里要求时）",
     "新建后，综合表已有局机关和两个二级机构行、各二级指标的空白定量指标行，可按需增删；"
     "评价等次按所选指标体系的等次档核对。需要项目表时勾选下方或在左侧“添加”。"),
)


class NewDocumentDialog(QDialog):
    """Asks the unit, the year, the form set and the indicator framework; builds an empty set with starter rows."""

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
        self.form_set = QButtonGroup(self)
        sets = QVBoxLayout()
        for index, (key, text, _) in enumerate(FORM_SETS):
            button = QRadioButton(text)
            button.setProperty("form_set", key)
            button.setChecked(index == 0)
            self.form_set.addButton(button, index)
            sets.addWidget(button)
        self.form_set.idToggled.connect(lambda _id, on: on and self._set_chosen())
        form.addRow("表格：", sets)
        from .framework_choice import FrameworkChooser
        self.framework = FrameworkChooser(self.year.value())  # preselected by the year, saying why
        self.year.valueChanged.connect(self.framework.set_year)
        form.addRow("指标体系：", self.framework)
        self.with_basic = QCheckBox("包含整体支出绩效评价基础数据表")
        self.with_basic.setChecked(True)
        form.addRow("", self.with_basic)
        self.with_project = QCheckBox("同时添加一张项目支出绩效自评表")
        form.addRow("", self.with_project)
        layout.addLayout(form)
        self.hint = QLabel(FORM_SETS[0][2])
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c5221f")
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, "新建"))

    def chosen_set(self) -> str:
        return FORM_SETS[max(0, self.form_set.checkedId())][0]

    def _set_chosen(self) -> None:
        standard = self.chosen_set() == "hunan"
        self.with_basic.setEnabled(standard)
        self.hint.setText(next(hint for key, _, hint in FORM_SETS if key == self.chosen_set()))

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
        from model.factory import new_document, new_project
        standard = self.chosen_set() == "hunan"
        doc = new_document(self.unit.text().strip(), self.year.value(), self.framework.framework(),
                           department=self.department.text().strip(),
                           with_basic=standard and self.with_basic.isChecked(), with_overall=standard,
                           with_comprehensive=not standard, starter_rows=True)
        if self.with_project.isChecked():
            doc.projects.append(new_project(doc, "", starter_rows=True))
        return doc


def ok_cancel(dialog: QDialog, ok: str) -> QDialogButtonBox:
    """The dialog's ``ok`` (新建, 更换, 确定 …) and 取消 buttons, wired to its accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


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
