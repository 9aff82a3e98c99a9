"""视图: zoom (the box in the status bar, Ctrl+wheel, Ctrl+Alt+= / Ctrl+Alt+-, 适合宽度) and the side panel.

A zoom choice applies to every page of the same kind of form and is remembered in the settings. The side
panel (建议得分, 表上数) starts hidden on a screen too narrow for it beside the form, until the user says.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QComboBox

from . import zoom

if TYPE_CHECKING:
    from .main_window import MainWindow

NARROW_SCREEN = 1600  # px of available screen width below which the side panel starts hidden
SHORT_SCREEN = 900  # px of available height below which (1366×768 laptops) the dock and toolbar start small


def screen_size(widget) -> tuple[int, int]:
    """The available width and height of the widget's screen (a large one when none is known)."""
    screen = widget.screen()
    if screen is None:
        return 1920, 1080
    geometry = screen.availableGeometry()
    return geometry.width(), geometry.height()


def short_screen(widget) -> bool:
    return screen_size(widget)[1] < SHORT_SCREEN


class ViewController(QObject):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.box = QComboBox()
        self.box.setEditable(True)
        self.box.addItems([zoom.label(s) for s in zoom.STEPS] + [zoom.FIT_TEXT])
        self.box.setToolTip("缩放表格（Ctrl+滚轮；Ctrl+Alt+= 放大，Ctrl+Alt+- 缩小，Ctrl+Alt+0 恢复 100%）")
        self.box.setAccessibleName("缩放")
        self.box.setMinimumContentsLength(7)
        self.box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a typed 135% is a choice, not a new item
        self.box.textActivated.connect(self._typed)
        self.box.lineEdit().editingFinished.connect(lambda: self._typed(self.box.currentText()))
        self.box.setEnabled(False)
        window.statusBar().addPermanentWidget(self.box)

    # --- pages ---
    def attach(self, page) -> None:
        """A form page was made: draw it at its kind's zoom, with the side panel as chosen."""
        view = page.view
        view.zoomStepped.connect(lambda direction, v=view: self.choose(zoom.step(v.zoom, direction), page))
        view.zoomChanged.connect(lambda _percent, p=page: self._show(p) if p is self._current() else None)
        view.set_zoom_choice(self.window.settings.zoom_for(zoom.kind_of(page.key)))
        self._apply_panel(page)

    def page_shown(self, _index: int = -1) -> None:
        page = self._current()
        self.box.setEnabled(page is not None)
        if page is not None:
            self._show(page)
            # a page made while hidden was fitted to a guessed width: fit it again now it has its own
            QTimer.singleShot(0, lambda: page.view.set_zoom_choice(page.view.zoom_choice))
        else:
            self.box.setEditText("")

    def _current(self):
        return self.window.current_form_page()

    def _show(self, page) -> None:
        if self.box.lineEdit().hasFocus():
            return  # the user is typing a percentage
        self.box.setEditText(zoom.label(page.view.zoom))

    # --- zoom ---
    def choose(self, choice: zoom.Choice, page=None) -> None:
        """Draw this kind of form at ``choice`` on every page of it, and remember it."""
        page = page or self._current()
        if page is None:
            return
        kind = zoom.kind_of(page.key)
        self.window.settings.set_zoom_for(kind, choice)
        for other in self.window.pages.values():
            if hasattr(other, "view") and hasattr(other, "key") and zoom.kind_of(other.key) == kind:
                other.view.set_zoom_choice(choice)
        self._show(page)

    def _typed(self, text: str) -> None:
        """A pick from the list or a typed percentage; words put back what is drawn."""
        page = self._current()
        if page is None:
            return
        choice = zoom.parse(text)
        if choice == zoom.AUTO:
            self.box.setEditText(zoom.label(page.view.zoom))
            return
        self.choose(choice)

    def step(self, direction: int) -> None:
        page = self._current()
        if page is not None:
            self.choose(zoom.step(page.view.zoom, direction), page)

    def actual_size(self) -> None:
        self.choose(100)

    def fit_width(self) -> None:
        self.choose(zoom.FIT)

    # --- the side panel ---
    def side_panel_shown(self) -> bool:
        chosen = self.window.settings.side_panel
        if chosen is not None:
            return chosen
        return screen_size(self.window)[0] >= NARROW_SCREEN

    def set_side_panel(self, on: bool) -> None:
        self.window.settings.side_panel = on
        for page in self.window.pages.values():
            self._apply_panel(page)

    def _apply_panel(self, page) -> None:
        panel: Optional[QObject] = getattr(page, "panel", None)
        if panel is not None:
            panel.setVisible(self.side_panel_shown())

