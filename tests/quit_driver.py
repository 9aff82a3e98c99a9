"""Drives the real start-up (ui.app.run) through one way of quitting; run by tests/test_ui_quit.py.

python tests/quit_driver.py MODE FILE ANSWERS — ANSWERS: the buttons to click in the questions asked, in
order (e.g. "取消,不保存"). Prints BOX lines for the questions and RC at the end.
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

import ui.app as start  # noqa: E402

mode, path, answers = sys.argv[1], sys.argv[2], [a for a in sys.argv[3].split(",") if a]
start.create_app()


def answer_questions():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox) and box.isVisible():
        print("BOX", box.text().replace("\n", " ")[:60], flush=True)
        wanted = answers.pop(0) if answers else "取消"
        for button in box.buttons():
            if button.text().replace("&", "") == wanted:
                button.click()
                return
        box.reject()


def main_window():
    return next((w for w in QApplication.topLevelWidgets() if w.__class__.__name__ == "MainWindow"), None)


def act():
    window = main_window()
    if window is None or window.session is None:
        QTimer.singleShot(100, act)
        return
    window.session.set_text("unit.name", "改过的单位")
    if mode == "quit":
        QApplication.quit()
        QTimer.singleShot(1500, lambda: (print("STILL RUNNING", flush=True), window.close()))
    elif mode == "close":
        window.close()
    elif mode == "exit":
        QApplication.exit(0)
    elif mode == "ctrl-q-after-menu":
        page = window.current_form_page()
        QTimer.singleShot(300, lambda: QApplication.activePopupWidget() and QApplication.activePopupWidget().close())
        page._context_menu(page.view.visualRect(page.model.index(5, 3)).center())
        QTimer.singleShot(300, lambda: QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Q,
                                                      Qt.KeyboardModifier.ControlModifier))
    QTimer.singleShot(8000, lambda: (print("HUNG", flush=True), os._exit(9)))


timer = QTimer()
timer.timeout.connect(answer_questions)
timer.start(100)
QTimer.singleShot(300, act)
print("RC", start.run(path), flush=True)
