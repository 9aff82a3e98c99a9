"""新建, 打开, 保存, 另存为, recent files and the question on close — nothing is lost or overwritten silently.

A document open in another window opens read-only (ui/doc_lock.py); a file another program changed
since it was opened, or a read-only file, is replaced only when the user says so.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from model.resources import resource_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from .main_window import MainWindow

FILE_FILTER = "绩效自评文档 (*.jxzp);;所有文件 (*)"
EXTENSION = ".jxzp"
KEPT = "文档没有保存，修改仍在窗口中，也已自动备份。"


# The dialogs and the failure report are imported when a question or a failure comes: the file
# controller opens the first document right after the first paint, and needs none of them for that.
def ask_choice(*args, **kwargs):
    from .dialogs import ask_choice
    return ask_choice(*args, **kwargs)


def ask_save_changes(*args, **kwargs):
    from .dialogs import ask_save_changes
    return ask_save_changes(*args, **kwargs)


def show_error(*args, **kwargs):
    from .dialogs import show_error
    return show_error(*args, **kwargs)


def report(*args, **kwargs):
    from .failures import report
    return report(*args, **kwargs)


def ask_overwrite(window, title: str, text: str) -> str:
    """'save_as', 'overwrite' or 'cancel'; a quiet window never overwrites."""
    if window.quiet:
        return "cancel"
    return ask_choice(window, title, text, [("save_as", "另存为…"), ("overwrite", "覆盖"), ("cancel", "取消")],
                      "cancel")


def _same_file(a: Optional[Path], b: Path) -> bool:
    if a is None:
        return False
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, ValueError):
        return Path(a) == Path(b)


EXAMPLE = "tianyuan-2024.jxzp"  # opened on the first start, and always in 最近打开


def example_path() -> Path:
    return resource_dir("examples", EXAMPLE)


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
        from PySide6.QtWidgets import QMessageBox
        answer = ask_save_changes(self.window, self.window.document_name())
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
            from . import file_dialogs
            path = file_dialogs.open_file(self.window, "打开", FILE_FILTER)
            if not path:
                return False
        return self.open_path(Path(path))

    def open_path(self, path: Path, *, quiet: bool = False) -> bool:
        """Open ``path``; False (and a message unless ``quiet``) when it cannot be, the window unchanged."""
        from model import storage

        from .doc_lock import DocumentLock
        from .session import Session
        lock, current, transferred = None, self.session, False
        try:
            doc, stamp = storage.load_stamped(path)
            if is_example(path):
                self.window.set_session(Session(doc), example_name=Path(path).name)
                return True
            if current is not None and current.lock is not None and current.lock.held and _same_file(current.path, path):
                lock, current.lock, transferred = current.lock, None, True  # opened again here: keep our lock
            else:
                lock = DocumentLock(self.window.config, path)
            self.window.set_session(Session(doc, path, stamp=stamp, lock=lock))
        except Exception as error:  # noqa: BLE001 - a file from outside: a message, never a traceback
            if lock is not None and self.session is current:  # the window still shows the old document
                if transferred:
                    current.lock = lock
                else:
                    lock.release()
            if quiet:
                from .failures import log_failure
                log_failure(self.window.config, error, "打开")
            else:
                report(self.window, "无法打开", error)
            return False
        self.settings.add_recent(path)
        if lock.busy:
            owner = f"（进程 {lock.owner_pid}）" if lock.owner_pid else ""
            text = (f"“{Path(path).name}”已在另一个窗口中打开{owner}，这里以只读方式打开：可以查看和修改，"
                    f"但只能另存为其他文件，以免两边互相覆盖。")
            self.window.statusBar().showMessage(text, 15000)
            if not quiet and not self.window.quiet:
                show_error(self.window, "文档已在别处打开", text)
        return True

    def save(self) -> bool:
        session = self.session
        if session is None or not self.window.commit_pending_edit():
            return False
        if session.read_only:
            self.window.statusBar().showMessage("这份文档已在另一个窗口中打开，请另存为其他文件", 10000)
            return self.save_as()
        if session.path is None:
            return self.save_as()
        return self._save_to(session.path)

    def save_as(self) -> bool:
        session = self.session
        if session is None or not self.window.commit_pending_edit():
            return False
        from exporters.common import output_stem

        from . import file_dialogs
        path = file_dialogs.save_file(self.window, "另存为", f"{output_stem(session.doc)}{EXTENSION}", FILE_FILTER,
                                      session.path)
        if not path:
            return False
        return self._save_to(file_dialogs.with_extension(path, EXTENSION))

    def _save_to(self, path: Path) -> bool:
        """Save to ``path`` after the questions a careful program asks; True when saved."""
        from model import storage

        from .doc_lock import DocumentLock
        session = self.session
        same = _same_file(session.path, path)
        lock = None
        if not same or session.read_only:  # another file, or ours but held by another window
            lock = DocumentLock(self.window.config, path)
            if lock.busy:
                lock.release()
                show_error(self.window, "无法保存", f"“{path.name}”正在另一个窗口中打开，不能覆盖，请换一个文件名。")
                return False
        elif session.changed_on_disk():
            answer = ask_overwrite(self.window, "文件已被修改",
                                   f"“{path.name}”在打开后已被其他程序或其他人修改过。覆盖它会丢失那些修改。\n\n"
                                   f"建议另存为一个新文件，再对照两份文件。")
            if answer != "overwrite":
                return self.save_as() if answer == "save_as" else False
        replace_read_only = False
        while True:
            try:
                session.save(path, replace_read_only=replace_read_only)
                break
            except storage.ReadOnlyError:
                answer = ask_overwrite(self.window, "只读文件", f"“{path.name}”是只读文件。仍要覆盖它吗？")
                if answer == "overwrite":
                    replace_read_only = True
                    continue
                if lock is not None:
                    lock.release()
                return self.save_as() if answer == "save_as" else False
            except Exception as error:  # noqa: BLE001 - a message, the work stays in the window
                if lock is not None:
                    lock.release()
                report(self.window, "保存失败", error, KEPT)
                return False
        if lock is not None:
            session.take_lock(lock)
        self.settings.add_recent(path)
        self.window.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        recent = self.settings.recent_files
        if not recent:
            menu.addAction("（没有最近打开的文档）").setEnabled(False)
        for number, path in enumerate(recent, start=1):
            menu.addAction(f"&{number} {Path(path).name}  —  {Path(path).parent}", lambda p=path: self._open_recent(p))
        menu.addSeparator()
        menu.addAction("示例文档（株洲市天元区，2024年度）", lambda: self.open(str(example_path())))
        if recent:
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
