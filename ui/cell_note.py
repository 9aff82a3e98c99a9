"""A note beside the cell it is about (refused input, a protected cell, a refused paste) that never moves
the grid: a balloon floating over the view, staying until the next edit, another cell, or Esc."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

MAX_WIDTH = 380


class CellNote(QLabel):
    def __init__(self, view: QAbstractItemView):
        # On the view until the first note: it moves onto the viewport then, and only then watches the view
        # and the viewport. Asking Qt for the viewport makes PySide load the Python type of every widget class
        # (~10 ms) and a watcher sees every event; neither belongs before the grid's first paint.
        super().__init__(view)
        self.view = view
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("CellNote { background: #fff4ce; color: #3b3000; border: 1px solid #c9a227;"
                           " border-radius: 4px; padding: 5px 8px; }")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        view.verticalScrollBar().valueChanged.connect(self.hide)  # it would no longer sit by its cell
        view.horizontalScrollBar().valueChanged.connect(self.hide)
        self._index = None
        self._placed = False

    def _place(self) -> None:
        if not self._placed:
            self._placed = True
            viewport = self.view.viewport()
            self.setParent(viewport)
            self.view.installEventFilter(self)
            viewport.installEventFilter(self)

    def show_message(self, text: str, index=None) -> None:
        """Show ``text`` under (or, near the bottom, above) the cell at ``index``, else the current cell."""
        self._place()
        view = self.view
        index = index if index is not None and index.isValid() else view.currentIndex()
        self._index = index if index.isValid() else None
        rect = view.visualRect(index) if self._index is not None else QRect(8, 8, 0, 0)
        self.setText(text)
        self.setFixedWidth(min(MAX_WIDTH, max(220, view.viewport().width() - 16)))
        self.adjustSize()
        viewport = view.viewport().rect()
        x = min(max(4, rect.left()), max(4, viewport.width() - self.width() - 4))
        y = rect.bottom() + 4
        if y + self.height() > viewport.height():
            y = max(4, rect.top() - self.height() - 4)
        self.move(x, y)
        self.show()
        self.raise_()

    def current_moved(self, current, _previous=None) -> None:
        if self.isVisible() and (self._index is None or current != self._index):
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.isVisible():
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.hide()
            elif event.type() in (QEvent.Type.Resize, QEvent.Type.Hide):
                self.hide()
        return False

    @property
    def label(self) -> "CellNote":
        """The text holder, as MessageBanner has one (callers read ``banner.label.text()``)."""
        return self

    def showing(self) -> Optional[str]:
        return self.text() if self.isVisible() else None
