"""`main.py screenshot FILE --out DIR [--size 1366x768]`: every page of the window rendered offscreen to PNG.

Without a display the window fills an offscreen screen of the given size, so what depends on the screen
(zoom, the side panel, the dock's height) starts as it would on a real screen of that size.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional, TextIO

from .display import has_display

EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE = 0, 2, 3


def run(file: str, out: str, width: int = 1600, height: int = 900, stdout: Optional[TextIO] = None,
        stderr: Optional[TextIO] = None) -> int:
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr  # looked up now: tests and the bundle swap them
    import json
    import shutil
    import tempfile

    work = tempfile.mkdtemp(prefix="jxzp-shot-")  # the screen file and, unless given, a settings folder
    try:
        if os.environ.get("QT_QPA_PLATFORM", "" if has_display() else "offscreen") == "offscreen":
            screen = Path(work) / "screen.json"  # Qt's offscreen platform reads its screens from such a file
            screen.write_text(json.dumps({"screens": [{"name": "屏幕", "x": 0, "y": 0, "width": width,
                                                       "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                                       "dpr": 1}]}))
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        os.environ.setdefault("JXZP_CONFIG_DIR", work)  # leave user settings alone
        return _shoot(file, Path(out), width, height, stdout, stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _shoot(file: str, folder: Path, width: int, height: int, stdout: TextIO, stderr: TextIO) -> int:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtWidgets import QApplication

    from model.oserrors import os_reason
    from model.storage import DocumentError, write_atomic
    from ui.app import create_app
    from ui.main_window import MainWindow
    from ui.nav import page_titles
    from ui.qt_messages import quiet_platform_notes
    from ui.settings import Settings, config_dir

    from .documents import load_document

    create_app()
    quiet_platform_notes()  # the offscreen platform's English remarks are no news to the user
    config = config_dir()
    window = MainWindow(Settings(config), config, quiet=True)
    if not window.files.open_path(Path(file), quiet=True):
        load_document(file, stderr)  # says why
        return EXIT_UNREADABLE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        stderr.write(f"无法建立文件夹“{folder}”：{os_reason(error)}\n")
        return EXIT_UNWRITABLE
    window.resize(width, height)
    window.show()
    try:
        for number, (key, label) in enumerate(page_titles(window.session.doc), start=1):
            window.show_page(key)
            page = window.pages.get(key)
            findings = [f for f in window.session.evaluation.findings if f.form == key]
            first = next((f for f in findings if ".indicators[" in f.path), findings[0] if findings else None)
            if first is not None and hasattr(page, "select_path"):
                page.select_path(first.path)  # as a user sees it: on a marked cell, its suggestion beside
            for _ in range(3):
                QApplication.processEvents()
            safe = "".join(ch for ch in label if ch not in '\\/:*?"<>|')[:40]
            path = folder / f"{number:02d}-{safe}.png"
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            if not window.grab().save(buffer, "PNG"):
                stderr.write(f"无法生成第 {number} 页的截图\n")
                return EXIT_UNWRITABLE
            try:
                write_atomic(path, bytes(data))  # a full disk leaves no empty PNG behind
            except DocumentError as error:
                stderr.write(f"{error}\n")
                return EXIT_UNWRITABLE
            stdout.write(f"{path}\n")
    finally:
        window.close()
    return EXIT_OK
