"""Autosave of the working document, and recovery after a crash (kill -9 loses under a second, not work).

Within ``DELAY_MS`` of a change the document is written (atomically) to the autosave folder with a
small JSON note of where it came from. The window takes a snapshot of the document (plain data, a few
milliseconds even for fifty projects); turning it into bytes and writing them to disk happens on a worker
thread, so a slow disk never stalls typing. Each running window holds a QLockFile beside its autosave;
at start-up an autosave whose lock is free belonged to a process that died, and is offered back. One that
cannot be read is reported once and moved to ``autosave/damaged`` instead of being offered at every start.
A clean save or a normal close removes the autosave.
"""
from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from model import storage

DELAY_MS = 800  # a change reaches the disk at most about this long after it is made, even while typing on
DAMAGED = "damaged"


def autosave_dir(config: Path) -> Path:
    folder = config / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _remove(*paths: Path) -> None:
    """Delete what is there of ``paths``; one that cannot go (already gone, in use) is left, never raised."""
    for path in paths:
        try:
            path.unlink()
        except OSError:
            pass


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # only a dead owner frees a lock: Qt's 30 s would offer a running window's work
    return lock


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
    problem: Optional[str] = None  # why it cannot be recovered (Chinese), None when it can

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at)) if self.saved_at else "时间不明"
        where = self.original or "未保存的新文档"
        return f"{self.unit or '未命名单位'} {self.year or ''}年度（{where}，自动保存于 {when}）"

    def discard(self) -> None:
        _remove(self.document, self.note, self.lock)

    def move_aside(self) -> Path:
        """Keep the files, out of the way (autosave/damaged), so they are not offered again."""
        folder = self.note.parent / DAMAGED
        folder.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for path in (self.document, self.note):
            try:
                os.replace(path, folder / f"{stamp}-{path.name}")
            except OSError:
                pass
        _remove(self.lock)
        return folder


def _recovery(document: Path, note: Path, lock_path: Path) -> Recovery:
    """What an autosave left behind holds; a damaged note loses only where the work came from."""
    original, unit, year, saved_at = None, "", 0, 0.0
    try:
        data = json.loads(note.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            original = data.get("original") if isinstance(data.get("original"), str) else None
            unit, year, saved_at = str(data.get("unit", ""))[:200], int(data.get("year", 0)), float(data.get("saved_at", 0))
    except (OSError, ValueError, TypeError, OverflowError):
        pass
    problem = None
    try:
        doc = storage.load(document)
        unit, year = unit or doc.unit.name, year or doc.unit.year
        saved_at = saved_at or document.stat().st_mtime
    except (storage.DocumentError, OSError) as error:
        problem = str(error)
    return Recovery(document, note, lock_path, original, unit, year, saved_at, problem)


def find_recoverable(config: Path) -> list[Recovery]:
    """Autosaves whose owner is gone, damaged ones (with their ``problem``) first, then newest first."""
    folder = autosave_dir(config)
    found = []
    idents = {path.stem for path in folder.glob("*.json")} | {path.stem for path in folder.glob(f"*{storage.EXTENSION}")}
    for ident in sorted(idents):
        lock_path = folder / f"{ident}.lock"
        lock = _lock(lock_path)
        if not lock.tryLock(0):  # its window is still open
            continue
        lock.unlock()
        document, note = folder / f"{ident}{storage.EXTENSION}", folder / f"{ident}.json"
        if not document.exists():  # a note without its document: nothing to recover
            _remove(note, lock_path)
            continue
        found.append(_recovery(document, note, lock_path))
    return sorted(found, key=lambda r: (r.problem is not None, r.saved_at), reverse=True)


class Autosaver(QObject):
    saved = Signal(str)  # path of the autosave written
    failed = Signal(str)  # Chinese message
    _written = Signal(str)  # from the worker thread: '' or the failure's message

    def __init__(self, config: Path, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.folder = autosave_dir(config)
        self.ident = os.urandom(16).hex()  # as unique as a uuid4 (whose module imports platform: ~4 ms)
        self.document = self.folder / f"{self.ident}{storage.EXTENSION}"
        self.note = self.folder / f"{self.ident}.json"
        self.lock = _lock(self.folder / f"{self.ident}.lock")
        self.lock.tryLock(0)
        self.session = None
        self.keep = False  # closing with nobody to ask (SIGTERM): the autosave stays for the next start
        self._worker: Optional[threading.Thread] = None
        self._again = False  # a change came in while the worker was writing
        self._written.connect(self._after_write)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self._save_in_background)

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
        """Throttled, not debounced: a steady stream of edits is still written every DELAY_MS."""
        if not self.timer.isActive():
            self.timer.start()

    def _on_modified(self, _modified: bool) -> None:
        if self.session is not None and not self.session.modified:  # saved: nothing left to recover
            self.timer.stop()
            self.discard()

    def _note(self, session) -> bytes:
        note = {"original": str(session.path) if session.path else None, "unit": session.doc.unit.name,
                "year": session.doc.unit.year, "saved_at": time.time(), "pid": os.getpid()}
        return json.dumps(note, ensure_ascii=False).encode("utf-8", "replace")

    def _snapshot(self) -> Optional[tuple[dict, bytes]]:
        session = self.session
        if session is None or not session.modified:
            return None
        try:
            return storage.to_dict(session.doc), self._note(session)
        except Exception as error:  # noqa: BLE001 - the autosave never takes the window down
            self.failed.emit(f"自动保存失败：{error}")
            return None

    def _write(self, data: dict, note: bytes) -> str:
        """Bytes to disk; '' or a Chinese message (any thread)."""
        try:
            storage.write_atomic(self.document, storage.encode_data(data))
            storage.write_atomic(self.note, note)
        except storage.DocumentError as error:
            return f"自动保存失败：{error}"
        except Exception as error:  # noqa: BLE001
            return f"自动保存失败：{type(error).__name__}"
        return ""

    def save_now(self) -> None:
        """Write the autosave at once, on this thread (closing, a signal, tests)."""
        self.timer.stop()
        self.wait()
        snapshot = self._snapshot()
        if snapshot is not None:
            self._after_write(self._write(*snapshot))

    def _save_in_background(self) -> None:
        if self._worker is not None and self._worker.is_alive():
            self._again = True
            return
        snapshot = self._snapshot()
        if snapshot is None:
            return
        self._worker = threading.Thread(target=lambda: self._written.emit(self._write(*snapshot)),
                                        name="autosave", daemon=True)
        self._worker.start()

    def _after_write(self, message: str) -> None:
        if message:
            self.failed.emit(message)
        elif self.session is not None and self.session.modified:
            self.saved.emit(str(self.document))
        else:  # saved or undone to clean while the worker wrote: nothing to recover
            self.discard()
        if self._again:
            self._again = False
            self.schedule()

    def wait(self, timeout: float = 10.0) -> None:
        """Let a write in progress finish (before the files are removed or the window goes)."""
        if self._worker is not None:
            self._worker.join(timeout)

    def discard(self) -> None:
        self.wait()
        _remove(self.document, self.note)

    def close(self) -> None:
        """A normal end: no autosave, no lock left behind (unless ``keep``: then it is recovered later)."""
        self.timer.stop()
        self.wait()
        if not self.keep:
            self.discard()
        self.lock.unlock()
