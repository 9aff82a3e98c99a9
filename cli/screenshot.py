"""`main.py screenshot FILE --out DIR [--size 1366x768]`: every page of the window rendered offscreen to PNG.

Without a display the window fills an offscreen screen of the given size, so what depends on the screen
(zoom, the side panel, the dock's height) starts as it would on a real screen of that size.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO


def run(file: str, out: str, width: int = 1600, height: int = 900, stdout: TextIO = sys.stdout,
        stderr: TextIO = sys.stderr) -> int:
    import json
    import tempfile

    work = tempfile.mkdtemp(prefix="jxzp-shot-")
    headless = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if os.environ.get("QT_QPA_PLATFORM", "offscreen" if headless else "") == "offscreen":
        screen = Path(work) / "screen.json"  # Qt's offscreen platform reads its screens from such a file
        screen.write_text(json.dumps({"screens": [{"name": "屏幕", "x": 0, "y": 0, "width": width, "height": height,
                                                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ.setdefault("JXZP_CONFIG_DIR", work)  # leave user settings alone
    from PySide6.QtWidgets import QApplication

    from ui.app import create_app
    from ui.main_window import MainWindow
    from ui.nav import page_titles
    from ui.settings import Settings, config_dir

    create_app()
    config = config_dir()
    window = MainWindow(Settings(config), config, quiet=True)
    if not window.files.open_path(Path(file), quiet=True):
        from model import storage
        try:
            storage.load(file)
        except storage.DocumentError as error:
            stderr.write(f"无法读取 {file}：{error}\n")
        return 2
    window.resize(width, height)
    window.show()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
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
        window.grab().save(str(path))
        stdout.write(f"{path}\n")
    window.close()
    return 0
