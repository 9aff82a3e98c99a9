"""新建, 打开, 保存, 另存为, recent files and the question on close — nothing is lost silently."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from model.resources import resource_dir

from .dialogs import ask_save_changes, show_error

if TYPE_CHECKING:
    from .main_window import MainWindow

FILE_FILTER = "绩效自评文档 (*.jxzp);;所有文件 (*)"
EXTENSION = ".jxzp"


def is_example(path: Path) -> bool:
    """A shipped example is opened as an untitled copy: saving never overwrites it."""
    try:
        return Path(path).resolve().parent == resource_dir("examples").resolve()
    except OSError:
        return False


class FileController:
    def __init__(self, window: "MainWindow"):
        self.window = window

    @property
    def settings(self):
        return self.window.settings

    @property
    def session(self):
        return self.window.session

    # --- questions ---
    def maybe_save(self) -> bool:
        """True when the current document may be closed (saved, discarded or unchanged)."""
        session = self.session
        if not self.window.commit_pending_edit():
            return False
        if session is None or not session.modified:
            return True
        answer = ask_save_changes(self.window, session.display_name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- commands ---
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        from .dialogs import NewDocumentDialog
        from .session import Session
        unit = self.session.doc.unit if self.session else None
        dialog = NewDocumentDialog(self.window, unit.name if unit else "", unit.department if unit else "")
        if not dialog.exec():
            return False
        self.window.set_session(Session(dialog.document()))
        return True

    def open(self, path: Optional[str] = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "打开", self.settings.last_folder, FILE_FILTER)
            if not path:
                return False
        return self.open_path(Path(path))

    def open_path(self, path: Path, *, quiet: bool = False) -> bool:
        from model import storage

        from .session import Session
        try:
            doc = storage.load(path)
        except storage.DocumentError as error:
            if not quiet:
                show_error(self.window, "无法打开", str(error))
            return False
        if is_example(path):
            self.window.set_session(Session(doc), example_name=path.name)
        else:
            self.window.set_session(Session(doc, path))
            self.settings.add_recent(path)
        return True

    def save(self) -> bool:
        session = self.session
        if session is None or not self.window.commit_pending_edit():
            return False
        if session.path is None:
            return self.save_as()
        return self._save_to(session.path)

    def save_as(self) -> bool:
        session = self.session
        if session is None or not self.window.commit_pending_edit():
            return False
        from exporters.common import output_stem
        folder = Path(session.path).parent if session.path else Path(self.settings.last_folder)
        suggested = str(folder / f"{output_stem(session.doc)}{EXTENSION}")
        path, _ = QFileDialog.getSaveFileName(self.window, "另存为", suggested, FILE_FILTER)
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != EXTENSION:
            target = target.with_name(target.name + EXTENSION)
        return self._save_to(target)

    def _save_to(self, path: Path) -> bool:
        from model import storage
        try:
            self.session.save(path)
        except storage.DocumentError as error:
            show_error(self.window, "保存失败", f"{error}\n\n文档没有保存，修改仍在窗口中，也已自动备份。")
            return False
        self.settings.add_recent(path)
        self.window.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        recent = self.settings.recent_files
        if not recent:
            menu.addAction("（没有最近打开的文档）").setEnabled(False)
            return
        for number, path in enumerate(recent, start=1):
            menu.addAction(f"&{number} {Path(path).name}  —  {Path(path).parent}", lambda p=path: self._open_recent(p))
        menu.addSeparator()
        menu.addAction("清除列表", self._clear_recent)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            self.settings.remove_recent(path)
            show_error(self.window, "无法打开", f"找不到文件“{path}”，已从最近打开列表中移除。")
            return
        self.open(path)

    def _clear_recent(self) -> None:
        for path in self.settings.recent_files:
            self.settings.remove_recent(path)
