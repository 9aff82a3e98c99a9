"""Start the window: QApplication, fonts, settings, crash recovery, the first document."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from model import storage
from model.resources import resource_dir

from .autosave import find_recoverable
from .main_window import MainWindow
from .session import Session
from .settings import Settings, config_dir

EXAMPLE = "tianyuan-2024.jxzp"


def create_app(argv: Optional[list[str]] = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("绩效自评填报")
    app.setOrganizationName("jxzp")
    app.setApplicationDisplayName("绩效自评填报")
    for font in list(resource_dir("fonts").glob("*.tt[fc]")) if resource_dir("fonts").is_dir() else []:
        QFontDatabase.addApplicationFont(str(font))  # a bundled CJK font, for machines without one
    return app


def offer_recovery(window: MainWindow, config: Path) -> bool:
    """After a crash, offer the newest autosave back; True when one was opened."""
    for recovery in find_recoverable(config):
        answer = QMessageBox.question(
            window, "恢复未保存的工作",
            f"上次程序没有正常关闭，发现一份自动保存的工作：\n\n{recovery.describe()}\n\n是否恢复？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes and open_recovery(window, recovery):
            return True
        if answer == QMessageBox.StandardButton.No:
            recovery.discard()
    return False


def open_recovery(window: MainWindow, recovery) -> bool:
    try:
        doc = storage.load(recovery.document)
    except storage.DocumentError as error:
        QMessageBox.warning(window, "无法恢复", str(error))
        return False
    original = Path(recovery.original) if recovery.original else None
    window.set_session(Session(doc, original, modified=True))
    recovery.discard()
    window.statusBar().showMessage("已恢复自动保存的工作，请检查后保存", 10000)
    return True


class _QuitAfterPaint(QObject):
    """For the start-up benchmark: leave as soon as the window has painted once."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def run(path: Optional[str] = None) -> int:
    app = create_app()
    config = config_dir()
    window = MainWindow(Settings(config), config)
    if not offer_recovery(window, config):
        target = Path(path) if path else resource_dir("examples", EXAMPLE)
        if not window.files.open_path(target, quiet=path is None) and window.session is None:
            window.files.open_path(resource_dir("examples", EXAMPLE), quiet=True)
    if os.environ.get("JXZP_QUIT_AFTER_PAINT"):
        window.installEventFilter(_QuitAfterPaint(window))
    window.show()
    return app.exec()
