"""The open document as the window sees it: model, evaluation, undo stack, file and dirty state.

Every change goes through ``apply`` as a model edit wrapped in a QUndoCommand, so each one is
undoable; after it the affected forms are re-evaluated and ``documentChanged`` tells the views
which forms to refresh. Widgets never hold data of their own.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from model import storage  # model.edits is imported where an edit is made: opening a document needs none
from model.document import Document
from model.evaluation import Evaluation, Evaluator
from model.parsing import ParseError


def _structural(edit) -> bool:
    """Does the edit change the list of forms or their names (the navigation)?"""
    from model import edits
    if isinstance(edit, edits.Compound):
        return any(_structural(part) for part in edit.edits)
    if edit.forms() is None:
        return True
    path = getattr(edit, "path", "")
    if path in ("basic", "overall", "comprehensive"):  # a whole form added or removed
        return True
    return path.startswith("projects[") and path.count(".") == 1 and path.endswith(".name")


class EditCommand(QUndoCommand):
    """A model edit on the undo stack."""

    def __init__(self, session: "Session", edit):
        super().__init__(edit.label)
        self.session = session
        self.edit = edit
        self.done = False

    def redo(self) -> None:
        self.edit.apply(self.session.doc)
        try:
            self.session._after(self.edit)
        except Exception as error:  # noqa: BLE001 - the document must not keep a change it cannot evaluate
            self.edit.revert(self.session.doc)
            try:
                self.session.evaluator.refresh(self.edit.forms())
            except Exception:  # noqa: BLE001 - reported below; the document is as it was
                pass
            self.session.taken_back = True
            self.setObsolete(True)  # QUndoStack drops (and deletes) it: nothing to undo
            self.session.failed.emit(self.edit.label, error)
            return
        if self.done:  # a redo, not the first time: show what changed
            self.session.revealed.emit(edit_path(self.edit))
        else:
            self.session._announce_project_change(self.edit)
        self.done = True

    def undo(self) -> None:
        self.edit.revert(self.session.doc)
        self.session._after(self.edit)
        self.session.revealed.emit(edit_path(self.edit))


def edit_path(edit) -> str:
    """The cell an edit is about, for showing it after undo/redo."""
    from model import edits
    if isinstance(edit, edits.Compound):
        return edit_path(edit.edits[0]) if edit.edits else ""
    if hasattr(edit, "path"):
        return edit.path
    list_path = edit.list_path
    item = getattr(edit, "item", None)
    if item is not None:
        return f"{list_path}[{item.id}].name"
    return list_path


class Session(QObject):
    documentChanged = Signal(object)  # set of form keys whose results changed, or None for all
    structureChanged = Signal()  # forms added, removed, renamed or reordered
    modifiedChanged = Signal(bool)
    pathChanged = Signal()
    inputRefused = Signal(str, str)  # (path, Chinese message)
    revealed = Signal(str)  # path of the cell an undo or redo changed
    projectChanged = Signal(object, object)  # (old name or None, the project or None) when first done
    failed = Signal(str, object)  # (what was being done, the exception): an edit that was taken back

    def __init__(self, doc: Document, path: Optional[Path] = None, parent: Optional[QObject] = None,
                 *, modified: bool = False, stamp: Optional[storage.FileStamp] = None, lock=None):
        super().__init__(parent)
        self.doc = doc
        self.path = Path(path) if path else None
        self.stamp = stamp  # the file as it was read or last written (model.storage.changed_since)
        self.lock = lock  # ui.doc_lock.DocumentLock of ``path``, or None
        # Another window has this file open: the work here can only be saved under another name.
        self.read_only = lock is not None and lock.busy
        self.evaluator = Evaluator(doc)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._forced_dirty = modified  # a recovered autosave is unsaved work from the start
        self.taken_back = False  # the last edit pushed could not be evaluated and was reverted

    def _clean_changed(self, _clean: bool) -> None:
        try:
            modified = self.modified
        except RuntimeError:  # the stack is being destroyed with the window (at exit): nothing to tell
            return
        self.modifiedChanged.emit(modified)

    # --- state ---
    @property
    def evaluation(self) -> Evaluation:
        return self.evaluator.evaluation

    @property
    def modified(self) -> bool:
        return self._forced_dirty or not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "未命名"

    def changed_on_disk(self) -> bool:
        """Has another program written the file since it was opened or saved here?"""
        return self.path is not None and storage.changed_since(self.path, self.stamp)

    def take_lock(self, lock) -> None:
        """Hold ``lock`` (of the file saved to) instead of the old one."""
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.lock = lock
        was, self.read_only = self.read_only, lock is not None and lock.busy
        if was != self.read_only:
            self.pathChanged.emit()  # the title says whether the document is read-only

    def release(self) -> None:
        """The window lets go of the document: its lock goes."""
        if self.lock is not None:
            self.lock.release()

    # --- changes ---
    def apply(self, edit) -> bool:
        """Do ``edit`` as one undo step; False when it had to be taken back (``failed`` says why)."""
        self.taken_back = False
        self.undo_stack.push(EditCommand(self, edit))
        return not self.taken_back

    def _after(self, edit) -> None:
        forms = edit.forms()
        self.evaluator.refresh(forms)
        if _structural(edit):  # first, so that pages of removed forms are gone before they refresh
            self.structureChanged.emit()
        self.documentChanged.emit(forms)

    def _announce_project_change(self, edit) -> None:
        """A project added, removed or renamed by the user (not by undo/redo): the 基础数据表 may follow."""
        from model import edits
        for part in (edit.edits if isinstance(edit, edits.Compound) else (edit,)):
            if isinstance(part, edits.RemoveItem) and part.list_path == "projects":
                self.projectChanged.emit(part.item.name, None)
            elif isinstance(part, edits.InsertItem) and part.list_path == "projects":
                self.projectChanged.emit(None, part.item)
            elif isinstance(part, edits.SetField) and part.path.startswith("projects[") and \
                    part.path.count(".") == 1 and part.path.endswith(".name"):
                project = self.doc.project(part.path[len("projects["):part.path.index("]")])
                self.projectChanged.emit(part.old, project)

    def set_text(self, path: str, text) -> bool:
        """Store what was typed into the cell at ``path``; False (and a message) if refused."""
        from model import edits
        try:
            edit = edits.set_text(self.doc, path, text)
        except (ParseError, edits.EditError) as error:
            self.inputRefused.emit(path, str(error))
            return False
        except Exception as error:  # noqa: BLE001 - a refusal, never a traceback
            self.failed.emit("输入", error)
            return False
        if edit.new != edit.old or type(edit.new) is not type(edit.old):
            return self.apply(edit)
        return True

    def set_many(self, items: list[tuple[str, object]], label: str) -> bool:
        """Several cells at once (paste, clear): all accepted as one undo step, or none."""
        from model import edits
        changes = []
        for path, text in items:
            try:
                edit = edits.set_text(self.doc, path, text)
            except (ParseError, edits.EditError) as error:
                self.inputRefused.emit(path, str(error))
                return False
            except Exception as error:  # noqa: BLE001 - a refusal, never a traceback
                self.failed.emit(label, error)
                return False
            if edit.new != edit.old:
                changes.append(edit)
        if changes:
            return self.apply(edits.Compound(tuple(changes), label))
        return True

    def try_edit(self, build, *args) -> bool:
        """Run an edit builder (insert row, move project …); a refusal becomes a message."""
        from model import edits
        try:
            edit = build(self.doc, *args)
        except edits.EditError as error:
            self.inputRefused.emit("", str(error))
            return False
        return self.apply(edit)

    # --- files ---
    def save(self, path: Optional[Path] = None, *, replace_read_only: bool = False) -> None:
        """Write the document (atomically); DocumentError on failure (ReadOnlyError for a read-only
        file), nothing changed then. The questions (overwrite? another window?) are the caller's."""
        target = Path(path) if path else self.path
        if target is None:
            raise storage.DocumentError("请选择保存位置")
        self.stamp = storage.save(self.doc, target, replace_read_only=replace_read_only)
        changed_path = target != self.path
        self.path = target
        self._forced_dirty = False
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)
        if changed_path:
            self.pathChanged.emit()
