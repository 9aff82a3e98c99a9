"""Whether a window can open here: on Linux without a display Qt aborts with English text (exit 134), so the
window's start says it in Chinese first. Imports nothing heavy: it runs before the everyday start."""
from __future__ import annotations

import os
import sys

NO_DISPLAY = ("错误：没有图形界面（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。\n"
              "请在桌面环境中启动；没有桌面时可用命令行：check、export、print、report、import、new-year、summary、"
              "screenshot（python main.py --help 查看）。\n")
EXIT_NO_DISPLAY = 2


def has_display() -> bool:
    """An X11 or Wayland display is named (print and screenshot go offscreen without one)."""
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def no_display() -> bool:
    return sys.platform.startswith("linux") and not has_display() and not os.environ.get("QT_QPA_PLATFORM")


def refuse_without_display() -> bool:
    """True (after saying why on stderr) when no window can be opened."""
    if no_display():
        sys.stderr.write(NO_DISPLAY)
        return True
    return False
