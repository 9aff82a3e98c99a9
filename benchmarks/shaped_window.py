"""A reference for start-up: a PySide6 window of our window's shape with none of the application's code.

The menus (seven, 47 commands with shortcuts), a toolbar of seven style icons, the navigation list with its
six buttons beside an empty page stack, the 审核 dock, the status bar (two labels, the zoom box, a hidden
bar of two buttons), 1400×900: what any PySide6 window like ours pays over an empty one (the `Qt` namespace's
enums, QStyle's, fonts, text to paint). Stamps its first frame as ui/app.py does (after the frame).
"""
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QDockWidget, QHBoxLayout, QLabel, QListWidget, QMainWindow,
                               QPushButton, QSplitter, QStackedWidget, QStyle, QToolButton, QVBoxLayout, QWidget)

MENUS = (("文件(&F)", 13), ("编辑(&E)", 12), ("视图(&V)", 5), ("项目(&P)", 9), ("指标体系(&K)", 4), ("审核(&C)", 2),
         ("帮助(&H)", 2))  # as ui/menus.py: 47 commands
ICONS = ("SP_FileIcon", "SP_DialogOpenButton", "SP_DialogSaveButton", "SP_ArrowBack", "SP_ArrowForward",
         "SP_DialogApplyButton", "SP_FileDialogContentsView")


class Stamp(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.done)  # once this frame has been painted
        return False

    def done(self):
        if os.environ.get("JXZP_STARTUP_STAMPS"):
            with open(os.environ["JXZP_STARTUP_STAMPS"], "a", encoding="utf-8") as handle:
                handle.write(f"window {time.time():.6f}\n")
        QApplication.quit()


def build() -> QMainWindow:
    window = QMainWindow()
    nav = QWidget()
    column = QVBoxLayout(nav)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(QListWidget(), 1)
    buttons = QHBoxLayout()
    for text in ("添加", "复制", "改名", "上移", "下移", "删除"):
        button = QToolButton()
        button.setText(text)
        buttons.addWidget(button)
    row = QWidget()
    row.setLayout(buttons)
    column.addWidget(row)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(nav)
    splitter.addWidget(QStackedWidget())
    splitter.setSizes([220, 1100])
    window.setCentralWidget(splitter)
    dock = QDockWidget("审核", window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    status = window.statusBar()
    status.addPermanentWidget(QLabel())
    status.addPermanentWidget(QLabel())
    box = QComboBox()
    box.setEditable(True)
    box.addItems(["50%", "67%", "75%", "80%", "90%", "100%", "110%", "125%", "150%", "175%", "200%", "适合宽度"])
    status.addPermanentWidget(box)
    bar = QWidget()
    line = QHBoxLayout(bar)
    line.addWidget(QLabel())
    for text in ("同步", "不用"):
        line.addWidget(QPushButton(text))
    status.addPermanentWidget(bar)
    bar.hide()
    style = window.style()
    icons = [getattr(QStyle.StandardPixmap, name) for name in ICONS]
    toolbar = window.addToolBar("常用")
    number = 0
    for title, count in MENUS:
        menu = window.menuBar().addMenu(title)
        for _ in range(count):
            number += 1
            action = QAction(f"命令{number}…", window)
            action.setShortcuts([QKeySequence(f"Ctrl+Shift+F{number % 12 + 1}")])
            menu.addAction(action)
            if icons and number % 6 == 1:
                action.setIcon(style.standardIcon(icons.pop(0)))
                toolbar.addAction(action)
    window.resize(1400, 900)
    return window


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    shaped = build()
    shaped.installEventFilter(Stamp(shaped))
    shaped.show()
    app.exec()
