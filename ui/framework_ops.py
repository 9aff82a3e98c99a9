"""The 指标体系 menu: change a form's framework, edit it, import a bureau's framework file, export one.

Each command ends in one model edit applied through the session (undoable) or in a file written
atomically; a refused file or input is said in Chinese and changes nothing.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional


from . import file_dialogs
from .dialogs import show_error

if TYPE_CHECKING:
    from model.framework import Framework

    from .main_window import MainWindow

# The model and the dialogs are imported on first use, as elsewhere in the window: start-up paints first.


def ask_save_path(parent, name: str, document: Optional[Path]) -> Optional[str]:
    """Where to write a framework file, or None (tests replace this)."""
    from .framework_choice import FRAMEWORK_FILTER
    return file_dialogs.save_file(parent, "导出指标体系", name, FRAMEWORK_FILTER, document)


class FrameworkController:
    def __init__(self, window: "MainWindow"):
        self.window = window

    @property
    def session(self):
        return self.window.session

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def form_key(self) -> Optional[str]:
        """The scored form the command is about: the one shown, else the overall form or the first project."""
        session = self.session
        if session is None:
            return None
        keys = [key for key, _ in session.doc.scored_forms()]
        current = self.window.nav.current_key()
        if current in keys:
            return current
        if keys:
            return keys[0]
        self._say("本文档没有部门整体支出绩效自评表或项目支出绩效自评表")
        return None

    def _ready(self) -> Optional[str]:
        if self.session is None or not self.window.commit_pending_edit():
            return None
        return self.form_key()

    # --- commands ---
    def change(self, preselect: Optional["Framework"] = None, all_forms: bool = False) -> bool:
        """更换指标体系…: the dialog, then one undoable edit."""
        from . import framework_choice
        key = self._ready()
        if key is None:
            return False
        dialog = framework_choice.ChangeFrameworkDialog(self.session, key, self.window, preselect, all_forms)
        if not framework_choice.run_dialog(dialog):
            return False
        self._say(f"已更换指标体系：{dialog.preview.text()}")
        return True

    def edit(self) -> bool:
        """编辑本表指标体系…: the editor on the form's framework; every form using it follows (one undo step)."""
        from model import edits
        from model.framework_edits import change_framework

        from . import framework_choice
        key = self._ready()
        if key is None:
            return False
        doc = self.session.doc
        framework = doc.framework_for(doc.form(key))
        edited = framework_choice.edit_copy(self.window, framework)
        if edited is None or edited == framework:
            return False
        keys = [k for k, form in doc.scored_forms() if form.framework_id == framework.id]
        try:
            edit = change_framework(doc, keys, edited)
        except edits.EditError as error:
            show_error(self.window, "无法修改指标体系", str(error))
            return False
        self.session.apply(edit)
        self._say(f"已修改指标体系“{edited.name}”：{edit.summary()}（Ctrl+Z 可撤销）")
        return True

    def import_file(self, path: Optional[str] = None) -> bool:
        """导入指标体系文件…: read it strictly, then offer it for all the forms."""
        from model.framework_file import FrameworkFileError, load

        from . import framework_choice
        if self._ready() is None:
            return False
        path = path or framework_choice.ask_framework_file(self.window)
        if not path:
            return False
        try:
            framework = load(path)
        except FrameworkFileError as error:
            show_error(self.window, "无法导入指标体系", str(error))
            return False
        return self.change(framework, all_forms=True)

    def export(self, path: Optional[str] = None) -> bool:
        """导出本表指标体系…: a small file a bureau can hand to all its units."""
        from model.framework_file import EXTENSION, file_stem, save
        from model.storage import DocumentError
        key = self._ready()
        if key is None:
            return False
        doc = self.session.doc
        framework = doc.framework_for(doc.form(key))
        if path is None:
            path = ask_save_path(self.window, f"{file_stem(framework)}{EXTENSION}", self.session.path)
            if not path:
                return False
        target = file_dialogs.with_extension(path, EXTENSION)
        try:
            save(framework, target)
        except DocumentError as error:
            show_error(self.window, "无法导出指标体系", str(error).replace("无法保存", "无法导出"))
            return False
        self._say(f"已导出指标体系到 {target}")
        return True
