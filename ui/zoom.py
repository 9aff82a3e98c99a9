"""缩放: how large the grid is drawn (fonts, row heights, column widths), as WPS's zoom box.

A choice is a percentage, 适合宽度 (``FIT``: the form's width fills the window) or, before the user chose,
``AUTO`` (100 % unless the form is wider than the window, then fitted). It is remembered per kind of form
(基础数据表, 整体表, 项目表, 怀化 form), so all project forms share one. Pure: no Qt here.
"""
from __future__ import annotations

from typing import Union

MIN, MAX = 50, 200
STEPS = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200)  # the zoom box's list; Ctrl+wheel walks it
FIT, AUTO = "fit", "auto"
FIT_TEXT = "适合宽度"  # FIT as the zoom box lists it (picked or typed)
Choice = Union[int, str]


def clamp(percent: float) -> int:
    return int(max(MIN, min(MAX, round(percent))))


def step(percent: int, direction: int) -> int:
    """The next step of ``STEPS`` above (direction > 0) or below ``percent``."""
    if direction > 0:
        return next((s for s in STEPS if s > percent), MAX)
    return next((s for s in reversed(STEPS) if s < percent), MIN)


def fitted(content_px: float, available_px: float) -> int:
    """The zoom at which a form ``content_px`` wide at 100 % fits in ``available_px`` (rounded down)."""
    if content_px <= 0:
        return 100
    return clamp(int(available_px * 100 // content_px))


def resolve(choice: Choice, content_px: float, available_px: float) -> int:
    """The percentage a choice means for a form of this width in a window this wide."""
    if choice == FIT:
        return fitted(content_px, available_px)
    if choice == AUTO:
        return min(100, fitted(content_px, available_px))
    return clamp(choice)


def parse(text: object) -> Choice:
    """A stored or typed choice: "fit", "auto", "120", "120%", "１２０％"; anything else is AUTO."""
    value = str(text or "").strip().lower()
    if value in (FIT, FIT_TEXT):
        return FIT
    value = value.translate(str.maketrans("０１２３４５６７８９％", "0123456789%")).rstrip("%").strip()
    if value.isdecimal() and value.isascii():  # not "²" (a digit int() refuses) nor other scripts' digits
        return clamp(int(value))
    return AUTO


def kind_of(key: str) -> str:
    """The kind of form a page key is, under which its zoom is remembered."""
    return "project" if key.startswith("projects[") else key


def label(percent: int) -> str:
    return f"{percent}%"
