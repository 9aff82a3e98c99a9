"""Qt's own remarks on stderr: the offscreen platform's notes about what it cannot do are dropped (they are
about the virtual screen, not the user's work); everything else is passed on as Qt would print it."""
from __future__ import annotations

import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

PLATFORM_NOTES = ("This plugin does not support",)  # propagateSizeHints(), raise(), grabbing the keyboard …


def _handler(kind: QtMsgType, _context, message: str) -> None:
    if message.startswith(PLATFORM_NOTES):
        return
    try:
        sys.stderr.write(message + "\n")
    except (OSError, ValueError):  # stderr gone (a closed pipe): nothing to tell
        pass


def quiet_platform_notes() -> None:
    qInstallMessageHandler(_handler)
