"""Autosave of the working document, and recovery after a crash (kill -9 loses seconds, not work).

A few seconds after a change the document is written (atomically) to the autosave folder with a
small JSON note of where it came from. Each running window holds a QLockFile beside its autosave;
at start-up an autosave whose lock is free belonged to a process that died, and is offered back.
A clean save or a normal close removes the autosave.
"""
from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from model import storage

DELAY_MS = 3000  # at most this long after the first change of a burst


def autosave_dir(config: Path) -> Path:
    folder = config / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class Recovery:
    """An autosave left by a process that ended without closing its document."""

    document: Path
    note: Path
    lock: Path
    original: Optional[str]  # the file the work belongs to, None for a new document
    unit: str
    year: int
    saved_at: float

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        where = self.original or "未保存的新文档"
        return f"{self.unit or '未命名单位'} {self.year}年度（{where}，自动保存于 {when}）"

    def discard(self) -> None:
        for path in (self.document, self.note, self.lock):
            try:
                path.unlink()
            except OSError:
                pass


def find_recoverable(config: Path) -> list[Recovery]:
    """Autosaves whose owner is gone, newest first (unreadable leftovers are skipped)."""
    found = []
    for note in autosave_dir(config).glob("*.json"):
        lock_path = note.with_suffix(".lock")
        lock = QLockFile(str(lock_path))
        if not lock.tryLock(0):  # its window is still open
            continue
        lock.unlock()
        document = note.with_suffix(storage.EXTENSION)
        try:
            data = json.loads(note.read_text(encoding="utf-8"))
            if document.exists():
                found.append(Recovery(document, note, lock_path, data.get("original"), str(data.get("unit", "")),
                                      int(data.get("year", 0)), float(data.get("saved_at", 0))))
        except (OSError, ValueError, TypeError):
            continue
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosaver(QObject):
    saved = Signal(str)  # path of the autosave written
    failed = Signal(str)  # Chinese message

    def __init__(self, config: Path, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.folder = autosave_dir(config)
        self.ident = uuid.uuid4().hex
        self.document = self.folder / f"{self.ident}{storage.EXTENSION}"
        self.note = self.folder / f"{self.ident}.json"
        self.lock = QLockFile(str(self.folder / f"{self.ident}.lock"))
        self.lock.tryLock(0)
        self.session = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.save_now)

    def attach(self, session) -> None:
        """Follow another document (after 新建／打开): the old autosave is dropped."""
        if self.session is not None:
            self.session.documentChanged.disconnect(self.schedule)
            self.session.modifiedChanged.disconnect(self._on_modified)
        self.discard()
        self.session = session
        session.documentChanged.connect(self.schedule)
        session.modifiedChanged.connect(self._on_modified)
        if session.modified:
            self.schedule()

    def schedule(self, *_args) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def _on_modified(self, _modified: bool) -> None:
        if self.session is not None and not self.session.modified:  # saved: nothing left to recover
            self.timer.stop()
            self.discard()

    def save_now(self) -> None:
        session = self.session
        if session is None or not session.modified:
            return
        try:
            storage.save(session.doc, self.document)
            note = {"original": str(session.path) if session.path else None, "unit": session.doc.unit.name,
                    "year": session.doc.unit.year, "saved_at": time.time(), "pid": os.getpid()}
            storage.write_atomic(self.note, json.dumps(note, ensure_ascii=False).encode("utf-8"))
        except storage.DocumentError as error:
            self.failed.emit(f"自动保存失败：{error}")
            return
        self.saved.emit(str(self.document))

    def discard(self) -> None:
        for path in (self.document, self.note):
            try:
                path.unlink()
            except OSError:
                pass

    def close(self) -> None:
        """A normal end: no autosave, no lock left behind."""
        self.timer.stop()
        self.discard()
        self.lock.unlock()
