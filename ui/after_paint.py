"""Run something right after a widget's next paint: what the first frame does not need waits for it."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer


class AfterPaint(QObject):
    """Calls ``callback`` once one of ``widgets`` has been painted, then stops watching.

    It watches those widgets only, never the whole application: a Python filter on the application
    sees every event of every object, and PySide then builds the Python type (with its enums) of each
    object and event class it hands over, ~25 ms before a window's first frame.
    """

    def __init__(self, owner: QObject, widgets, callback):
        super().__init__(owner)
        self.callback = callback
        self.widgets = [widget for widget in widgets if widget is not None]
        for widget in self.widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.widgets:
            for widget in self.widgets:
                try:
                    widget.removeEventFilter(self)
                except RuntimeError:  # deleted meanwhile
                    pass
            self.widgets = []
            QTimer.singleShot(0, self._call)  # runs once this paint has been delivered
        return False

    def _call(self) -> None:
        self.callback()
        self.deleteLater()
