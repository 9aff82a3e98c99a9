"""Start the window: QApplication, fonts, settings, crash recovery, the first document.

The window is shown first and the document loaded right after its first paint, so the window
appears about as fast as a bare Qt window; the domain model and the pages load meanwhile.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from model.resources import resource_dir

from .after_paint import AfterPaint
from .main_window import MainWindow
from .settings import APPLICATION, ORGANIZATION, Settings, config_dir

# Only what the first paint needs is imported here; dialogs, the failure log and the model come when used.


def create_app(argv: Optional[list[str]] = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName("绩效自评填报")
    app.setWindowIcon(QIcon(str(resource_dir("icons", "jxzp.png"))))  # title bar and taskbar
    if not app.property("jxzpTranslated"):  # Qt's own dialogs and buttons in Chinese (打开, 取消 …), once
        from .translations import install
        install(app)
        app.setProperty("jxzpTranslated", True)
    fonts = resource_dir("fonts")
    for font in list(fonts.glob("*.tt[fc]")) if fonts.is_dir() else []:
        from PySide6.QtGui import QFontDatabase
        QFontDatabase.addApplicationFont(str(font))  # a bundled CJK font, for machines without one
    return app


def ask_recovery(window: MainWindow, recovery) -> str:
    """'restore', 'discard' or 'later' (also Esc or closing the question: nothing is lost)."""
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Icon.Question, "恢复未保存的工作",
                      f"上次程序没有正常关闭，发现一份自动保存的工作：\n\n{recovery.describe()}\n\n是否恢复？",
                      parent=window)
    restore = box.addButton("恢复", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("丢弃", QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton("以后再说", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(later)
    box.exec()
    return {id(restore): "restore", id(discard): "discard"}.get(id(box.clickedButton()), "later")


def tell(window: MainWindow, title: str, text: str) -> None:
    """A message the user must see once: a box, or the status bar of a quiet window."""
    if window.quiet:
        window.statusBar().showMessage(text, 15000)
    else:
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.warning(window, title, text)


def offer_recovery(window: MainWindow, config: Path) -> bool:
    """After a crash, offer the newest autosave back; True when one was opened.

    Only 丢弃 deletes an autosave; 以后再说 keeps it for the next start. One that cannot be read is
    reported once and moved aside (autosave/damaged), never offered again.
    """
    from .autosave import find_recoverable
    for recovery in find_recoverable(config):
        if recovery.problem is not None:
            folder = recovery.move_aside()
            tell(window, "无法恢复", f"发现一份无法恢复的自动保存（{recovery.describe()}）：\n{recovery.problem}\n\n"
                                  f"已把它移到“{folder}”，以后不再提示。")
            continue
        answer = ask_recovery(window, recovery)
        if answer == "restore" and open_recovery(window, recovery):
            return True
        if answer == "discard":
            recovery.discard()
    return False


def open_recovery(window: MainWindow, recovery) -> bool:
    from model import storage

    from .doc_lock import DocumentLock
    from .failures import failure_text
    from .session import Session
    try:
        doc = storage.load(recovery.document)
    except Exception as error:  # noqa: BLE001 - damaged since it was found: moved aside, never offered again
        folder = recovery.move_aside()
        tell(window, "无法恢复", f"{failure_text(error)}\n\n这份自动保存已移到“{folder}”。")
        return False
    original = Path(recovery.original) if recovery.original else None
    stamp, lock = None, None
    if original is not None:
        lock = DocumentLock(window.config, original)
        try:
            _doc, stamp = storage.load_stamped(original)  # the file as it is now: a later save checks it
        except storage.DocumentError:
            stamp = None
    window.set_session(Session(doc, original, modified=True, stamp=stamp, lock=lock))
    recovery.discard()
    window.statusBar().showMessage("已恢复自动保存的工作，请检查后保存", 10000)
    return True


def load_first_document(window: MainWindow, path: Optional[str], config: Path) -> None:
    """A recovered autosave, else the file asked for, else the document last open, else the example."""
    from .file_ops import example_path
    if offer_recovery(window, config):
        if path:
            window.statusBar().showMessage(f"已恢复自动保存的工作；要打开的“{Path(path).name}”请在保存后用“打开”打开",
                                           15000)
        return
    if path:
        if not window.files.open_path(Path(path)) and window.session is None:
            window.files.open_path(example_path(), quiet=True)
        return
    last = next(iter(window.settings.recent_files), None)
    if last is not None and window.files.open_path(Path(last), quiet=True):
        return
    window.files.open_path(example_path(), quiet=True)
    if last is not None:
        window.statusBar().showMessage(f"上次的文档“{Path(last).name}”无法打开（已移动、删除或损坏），现在打开的是示例文档；"
                                       "可从“文件 → 最近打开”或“打开”找回", 20000)


def _stamp(label: str) -> None:
    """Start-up benchmark: append the wall-clock time of a milestone to JXZP_STARTUP_STAMPS."""
    import time
    with open(os.environ["JXZP_STARTUP_STAMPS"], "a", encoding="utf-8") as handle:
        handle.write(f"{label} {time.time():.6f}\n")


def close_on_signals(window: MainWindow) -> None:
    """SIGINT (Ctrl+C in a terminal) and SIGTERM (logout, shutdown, kill) close the window as its close
    button does: with the question about unsaved changes, or, with no display to ask on, into the
    autosave that the next start offers back."""
    import signal

    def close_soon(_signum, _frame):
        QTimer.singleShot(0, closing)

    def closing():
        if window.quiet or QApplication.platformName() in ("offscreen", "minimal"):
            window.close_unattended()
        else:
            window.close()

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            try:
                signal.signal(getattr(signal, name), close_soon)
            except (ValueError, OSError):  # not the main thread, or not allowed here
                return
    pulse = QTimer(window)  # Python runs signal handlers only between bytecodes: wake it now and then
    pulse.timeout.connect(lambda: None)
    pulse.start(250)


def report_stray_exceptions(window: MainWindow, config: Path) -> None:
    """A failure in a slot nobody guarded: logged and told, the window goes on (never a traceback alone)."""
    def hook(kind, error, trace):
        if issubclass(kind, KeyboardInterrupt):
            return sys.__excepthook__(kind, error, trace)
        from .failures import failure_text, log_failure
        log_failure(config, error.with_traceback(trace), "未处理的错误")
        try:
            window.statusBar().showMessage(f"操作没有完成：{failure_text(error)}", 15000)
        except RuntimeError:  # the window is already gone
            pass
    sys.excepthook = hook


def run(path: Optional[str] = None) -> int:
    app = create_app()
    config = config_dir()
    window = MainWindow(Settings(config), config)
    close_on_signals(window)
    report_stray_exceptions(window, config)
    stamps = bool(os.environ.get("JXZP_STARTUP_STAMPS"))

    def after_first_paint():
        if stamps:
            _stamp("window")
        load_first_document(window, path, config)
        if stamps:  # the first frame with the document; watched after the window's own watchers, so the
            # stamp is written before what waits for that frame (the findings list) runs
            AfterPaint(window, window.painted_next(), lambda: (_stamp("document"), QApplication.quit()))

    AfterPaint(window, [window], after_first_paint)
    app.aboutToQuit.connect(lambda: _quitting(window))
    window.show()
    return app.exec()


def _quitting(window: MainWindow) -> None:
    """QApplication.quit()/exit() past the window's close (a session manager, a test harness): nothing asked,
    unsaved work kept in the autosave that the next start offers back."""
    try:
        if window.isVisible():
            window.close_unattended()
    except RuntimeError:  # the window is already gone
        pass
