"""A calm, non-blocking message at the top of a page that has no grid to put a note by (单位信息, a report)."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

BANNER_MS = 10000


class MessageBanner(QFrame):
    """A calm, non-blocking message (refused input …) that closes itself after a while or with ×."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet("MessageBanner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()
        self.timer.start(BANNER_MS)
