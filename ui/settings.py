"""User settings (window geometry, last folder, recent files) declared once, with defaults.

Stored as an INI file in the user's own configuration folder (no registry, no admin rights), with
the autosaves beside it (ui/autosave.py): on Windows %APPDATA%\\jxzp\\绩效自评填报 (the user's own
application data, writable without admin rights), elsewhere $XDG_CONFIG_HOME or
~/.config/jxzp/绩效自评填报 — where Qt's AppConfigLocation put it on Linux before. JXZP_CONFIG_DIR
overrides the folder: tests and portable installs use it.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Mapping

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

MAX_RECENT = 8
ORGANIZATION, APPLICATION = "jxzp", "绩效自评填报"  # also the names create_app gives Qt


def config_dir_for(platform: str, environ: Mapping[str, str], home: PurePath) -> PurePath:
    """Where settings and autosaves go, computed without touching the disk (tests check Windows on Linux)."""
    if "JXZP_CONFIG_DIR" in environ and environ["JXZP_CONFIG_DIR"]:
        return (PureWindowsPath if platform == "win32" else PurePosixPath)(environ["JXZP_CONFIG_DIR"])
    if platform == "win32":
        appdata = environ.get("APPDATA")
        base = PureWindowsPath(appdata) if appdata else PureWindowsPath(home) / "AppData" / "Roaming"
    else:
        xdg = environ.get("XDG_CONFIG_HOME", "")
        base = PurePosixPath(xdg) if xdg.startswith("/") else PurePosixPath(home) / ".config"
    return base / ORGANIZATION / APPLICATION


def config_dir() -> Path:
    path = Path(config_dir_for(sys.platform, os.environ, Path.home()))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents or str(Path.home())


class Settings:
    def __init__(self, folder: Path | None = None):
        self.folder = folder or config_dir()
        self._q = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)

    def _get(self, key: str, default):
        value = self._q.value(key, default)
        return default if value is None else value

    # window
    @property
    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._q.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._q.setValue("window/state", value)

    # folders and files
    @property
    def last_folder(self) -> str:
        folder = str(self._get("files/last_folder", ""))
        return folder if folder and Path(folder).is_dir() else default_folder()

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._q.setValue("files/last_folder", str(folder))

    @property
    def recent_files(self) -> list[str]:
        value = self._get("files/recent", [])
        items = [value] if isinstance(value, str) else list(value)
        return [item for item in items if item][:MAX_RECENT]

    def add_recent(self, path: str | os.PathLike) -> None:
        text = str(Path(path).resolve())
        items = [text] + [item for item in self.recent_files if item != text]
        self._q.setValue("files/recent", items[:MAX_RECENT])
        self.last_folder = str(Path(text).parent)

    def remove_recent(self, path: str) -> None:
        self._q.setValue("files/recent", [item for item in self.recent_files if item != path])

    # projects
    @property
    def auto_special_rows(self) -> bool:
        """Add, rename and remove a project's 本级专项资金 row with the project, without asking."""
        return str(self._get("projects/auto_special_rows", "false")).lower() == "true"

    @auto_special_rows.setter
    def auto_special_rows(self, on: bool) -> None:
        self._q.setValue("projects/auto_special_rows", "true" if on else "false")

    # view (视图)
    def zoom_for(self, kind: str):
        """The zoom chosen for a kind of form (ui.zoom.Choice): a percentage, "fit" or "auto"."""
        from .zoom import parse
        return parse(self._get(f"zoom/{kind}", "auto"))

    def set_zoom_for(self, kind: str, choice) -> None:
        self._q.setValue(f"zoom/{kind}", str(choice))

    @property
    def side_panel(self) -> bool | None:
        """The form pages' side panel (建议得分, 表上数) shown; None until the user chose."""
        value = str(self._get("view/side_panel", "")).lower()
        return {"true": True, "false": False}.get(value)

    @side_panel.setter
    def side_panel(self, on: bool) -> None:
        self._q.setValue("view/side_panel", "true" if on else "false")

    def sync(self) -> None:
        self._q.sync()
