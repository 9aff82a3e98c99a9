"""Choosing a framework: in 新建 (preselected by the year, saying why) and for forms already filled (更换指标体系).

Both offer the shipped frameworks, the document's own and any read from a framework file, and let the user
adjust one in the editor first. The change itself is one model edit (model.framework_edits) applied
through the session, so it is undone with Ctrl+Z like any other.
"""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from model import edits
from model.document import form_title
from model.framework import Framework, builtin_frameworks
from model.framework_draft import draft_of, points_summary
from model.framework_edits import change_framework, scored_keys
from model.framework_file import EXTENSION, FrameworkFileError, framework_for_year, load

from . import file_dialogs
from .dialogs import ok_cancel
from .framework_dialog import FrameworkEditorDialog

FRAMEWORK_FILTER = f"指标体系文件 (*{EXTENSION});;所有文件 (*)"


def ask_framework_file(parent: QWidget) -> Optional[str]:
    """The path of a framework file to read, or None (tests replace this)."""
    return file_dialogs.open_file(parent, "导入指标体系文件", FRAMEWORK_FILTER)


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; True when accepted (tests replace this)."""
    return bool(dialog.exec())


def describe(framework: Framework) -> str:
    """One line a person can check the framework by: its points and options."""
    text = points_summary(draft_of(framework))
    label = "一级指标印分值" if framework.label_points else "一级指标不印分值"
    if framework.over_achievement is None:
        over = "超额完成不处理"
    else:
        percent = format((framework.over_achievement * 100).normalize(), "f")
        over = (f"超出 {percent}% 提示说明" if framework.over_achievement_action == "warn" else
                f"超出 {percent}% 建议得分扣 {format(framework.over_achievement_deduction.normalize(), 'f')} 分")
    caps = "有总分封顶" if framework.caps else "无总分封顶"
    return f"{text}。{label}；{over}；{caps}"


def edit_copy(parent: QWidget, framework: Framework) -> Optional[Framework]:
    """The editor on ``framework``; the edited framework, or None when cancelled."""
    dialog = FrameworkEditorDialog(framework, parent)
    if not run_dialog(dialog):
        return None
    return dialog.framework()


def read_file(parent: QWidget, show: Callable[[str], None]) -> Optional[Framework]:
    """Ask for a framework file and read it; a refusal goes to ``show`` and gives None."""
    path = ask_framework_file(parent)
    if not path:
        return None
    try:
        return load(path)
    except FrameworkFileError as error:
        show(str(error))
        return None


class FrameworkChooser(QWidget):
    """新建's framework field: the shipped frameworks, preselected by the year with the reason shown."""

    IMPORT = "__import__"

    def __init__(self, year: int, parent: Optional[QWidget] = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.combo = QComboBox()
        self.frameworks: list[Framework] = list(builtin_frameworks().values())
        self._fill()
        self.combo.activated.connect(self._chosen)
        row.addWidget(self.combo, 1)
        self.edit_button = QPushButton("修改…")
        self.edit_button.setToolTip("按本单位拿到的表调整一级指标、分值、等次等")
        self.edit_button.clicked.connect(self._edit)
        row.addWidget(self.edit_button)
        layout.addLayout(row)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #5f6368")
        layout.addWidget(self.reason)
        self.by_hand = False
        self.year = year
        self.set_year(year)

    def _fill(self) -> None:
        self.combo.clear()
        for framework in self.frameworks:
            self.combo.addItem(framework.name, framework.id)
        self.combo.addItem("从指标体系文件导入…（财政局下发的 .json 文件）", self.IMPORT)

    def framework(self) -> Framework:
        return self.frameworks[max(0, min(self.combo.currentIndex(), len(self.frameworks) - 1))]

    def _select(self, framework: Framework) -> None:
        self._last = self.frameworks.index(framework)
        self.combo.setCurrentIndex(self._last)

    def set_year(self, year: int) -> None:
        """Preselect the framework of ``year`` unless the user chose one by hand; say why."""
        self.year = year
        fitting, reason = framework_for_year(year)
        if not self.by_hand:
            self._select(next(fw for fw in self.frameworks if fw.id == fitting.id))
            self.reason.setText(f"按年度预选：{reason}。如本单位拿到的表不同，可另选、修改或导入财政局下发的指标体系文件。")
        elif self.framework().id != fitting.id:
            self.reason.setText(f"已按您的选择。提示：{reason}。")
        else:
            self.reason.setText(f"已按您的选择（与{year}年度应使用的一致）。")

    def _add(self, framework: Framework, origin: str) -> None:
        self.frameworks.append(framework)
        self._fill()
        self._select(framework)
        self.by_hand = True
        self.reason.setText(f"{origin}：{describe(framework)}")

    def _chosen(self, index: int) -> None:
        if self.combo.itemData(index) != self.IMPORT:
            self._last = index
            self.by_hand = True
            self.set_year(self.year)
            return
        problems: list[str] = []
        framework = read_file(self, problems.append)
        if framework is None:  # cancelled or refused: the choice before stays
            self.combo.setCurrentIndex(self._last)
            if problems:
                self.reason.setText(f"无法导入：{problems[0]}")
            return
        self._add(framework, "已导入指标体系文件")

    def _edit(self) -> None:
        edited = edit_copy(self, self.framework())
        if edited is not None and edited != self.framework():
            self._add(edited, "已修改")


class ChangeFrameworkDialog(QDialog):
    """更换指标体系 of one form or of all: the choice, its effect on the rows, then one undoable edit."""

    def __init__(self, session, form_key: str, parent: Optional[QWidget] = None,
                 preselect: Optional[Framework] = None, all_forms: bool = False):
        super().__init__(parent)
        self.session, self.form_key = session, form_key
        doc = session.doc
        self.setWindowTitle("更换指标体系")
        layout = QVBoxLayout(self)
        current = doc.framework_for(doc.form(form_key))
        layout.addWidget(QLabel(f"{form_title(doc, form_key)}现用：{current.name}"))
        self.list = QListWidget()
        self.choices: list[Framework] = []
        for framework in doc.frameworks.values():
            self._offer(framework, "本文档")
        for framework in builtin_frameworks().values():
            self._offer(framework, "内置")
        if preselect is not None:
            self._offer(preselect, "来自文件")
        self.list.currentRowChanged.connect(lambda _row: self.update_preview())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for text, slot in (("修改所选…", self._edit), ("从文件导入…", self._import)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.description = QLabel()
        self.description.setWordWrap(True)
        layout.addWidget(self.description)
        self.only_this = QRadioButton(f"只更换{form_title(doc, form_key)}")
        self.all_forms = QRadioButton("更换本文档全部的表（部门整体支出绩效自评表和各项目支出绩效自评表）")
        scope = QButtonGroup(self)
        for button in (self.only_this, self.all_forms):
            scope.addButton(button)
            layout.addWidget(button)
            button.toggled.connect(lambda _on: self.update_preview())
        (self.all_forms if all_forms or len(scored_keys(doc)) == 1 else self.only_this).setChecked(True)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        self.box = ok_cancel(self, "更换")
        layout.addWidget(self.box)
        self.select(preselect or current)
        self.resize(760, 520)

    def _offer(self, framework: Framework, origin: str) -> None:
        if any(framework == offered for offered in self.choices):
            return
        self.choices.append(framework)
        item = QListWidgetItem(f"{framework.name}（{origin}）")
        item.setToolTip(describe(framework))
        self.list.addItem(item)

    def select(self, framework: Framework) -> None:
        self.list.setCurrentRow(next(i for i, offered in enumerate(self.choices) if offered == framework))

    def chosen(self) -> Framework:
        return self.choices[max(0, self.list.currentRow())]

    def form_keys(self) -> list[str]:
        return scored_keys(self.session.doc) if self.all_forms.isChecked() else [self.form_key]

    def edit(self):
        """The model edit the dialog would apply (EditError when nothing would change)."""
        return change_framework(self.session.doc, self.form_keys(), self.chosen())

    def update_preview(self) -> None:
        if not self.choices or self.list.currentRow() < 0:
            return
        self.description.setText(describe(self.chosen()))
        try:
            text, ok = self.edit().summary(), True
        except edits.EditError as error:
            text, ok = str(error), False
        self.preview.setText(f"更换后：{text}。可用 Ctrl+Z 撤销。" if ok else text)
        self.preview.setStyleSheet("" if ok else "color: #c5221f")
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _edit(self) -> None:
        edited = edit_copy(self, self.chosen())
        if edited is not None and edited != self.chosen():
            self._offer(edited, "已修改")
            self.select(edited)

    def _import(self) -> None:
        framework = read_file(self, lambda message: (self.preview.setText(f"无法导入：{message}"),
                                                     self.preview.setStyleSheet("color: #c5221f")))
        if framework is not None:
            self._offer(framework, "来自文件")
            self.select(framework)
            self.all_forms.setChecked(True)

    def accept(self) -> None:
        try:
            edit = self.edit()
        except edits.EditError as error:
            self.preview.setText(str(error))
            return
        self.session.apply(edit)
        super().accept()
