"""The file dialogs of the window, in one place: each starts in the folder last used (文档 the first time)
and remembers the folder chosen, whichever dialog chose it.

Qt's own (non-native) dialog, used where the system offers none, is in Chinese through ui.translations.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtWidgets import QFileDialog, QWidget

from .settings import Settings


def settings_of(parent: Optional[QWidget]) -> Settings:
    """The window's settings, found from any widget in it (a dialog's parent chain), else the user's."""
    widget = parent
    while widget is not None:
        settings = getattr(widget, "settings", None)
        if isinstance(settings, Settings):
            return settings
        widget = widget.parentWidget()
    return Settings()


def start_folder(parent: Optional[QWidget], document: Optional[Path] = None) -> Path:
    """Beside the open document when it has a file, else the folder last used (文档 the first time)."""
    if document is not None and Path(document).parent.is_dir():
        return Path(document).parent
    return Path(settings_of(parent).last_folder)


def _remember(parent: Optional[QWidget], chosen: str, is_folder: bool = False) -> None:
    if chosen:
        settings_of(parent).last_folder = str(Path(chosen) if is_folder else Path(chosen).parent)


def open_file(parent: Optional[QWidget], title: str, filters: str) -> Optional[str]:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(parent)), filters)
    _remember(parent, path)
    return path or None


def open_files(parent: Optional[QWidget], title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(parent)), filters)
    if paths:
        _remember(parent, paths[0])
    return list(paths)


def save_file(parent: Optional[QWidget], title: str, name: str, filters: str,
              document: Optional[Path] = None) -> Optional[str]:
    """Where to write a file called ``name`` by default (beside ``document`` when it has one)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder(parent, document) / name), filters)
    _remember(parent, path)
    return path or None


def with_extension(path: str | Path, extension: str) -> Path:
    """The file a save dialog chose, ending in ``extension`` (".jxzp") also when the name was typed without it."""
    target = Path(path)
    return target if target.suffix.lower() == extension else target.with_name(target.name + extension)


def choose_folder(parent: Optional[QWidget], title: str) -> Optional[str]:
    folder = QFileDialog.getExistingDirectory(parent, title, str(start_folder(parent)))
    _remember(parent, folder, is_folder=True)
    return folder or None
