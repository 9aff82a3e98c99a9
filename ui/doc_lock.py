"""One window per document: a lock held while a document is open, so a second window opens it read-only.

The lock files live in the configuration folder (``locks/``), named after the document's full path, so
nothing is written beside the user's documents (a read-only folder, a USB stick, a network share).
QLockFile records the owner's process id and takes over a lock whose owner has died (kill -9, a power
cut), so a crash never locks a document for good. A change made by another program, or by another
user on another machine, is caught at save time instead (model.storage.changed_since).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLockFile


def _lock_path(config: Path, document: Path) -> Path:
    folder = Path(config) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        key = str(Path(os.path.realpath(document)))
    except (OSError, ValueError):
        key = str(document)
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return folder / f"{digest}.lock"


class DocumentLock:
    """The lock of one open document; ``busy`` when another window holds it (``owner_pid`` says which)."""

    def __init__(self, config: Path, document: Path):
        self.document = Path(document)
        self._lock: Optional[QLockFile] = None
        self.busy = False
        self.owner_pid: Optional[int] = None
        try:
            lock = QLockFile(str(_lock_path(config, document)))
        except OSError:
            return  # nowhere to lock: editing is still allowed, the save-time check remains
        # Only a dead owner makes a lock stale, never its age: Qt's default (30 s) would let a second
        # window take the document from a first one that has simply been open for a while.
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            self._lock = lock
        elif lock.error() == QLockFile.LockError.LockFailedError:
            self.busy = True
            info = lock.getLockInfo()  # PySide6: (pid, hostname, appname), or a false value
            self.owner_pid = info[0] if info and info[0] > 0 else None

    @property
    def held(self) -> bool:
        return self._lock is not None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
