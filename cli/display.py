"""What a start opens (the window, or a command) and whether a window can open here: on Linux without a display
Qt aborts with English text (exit 134), so the window's start says it in Chinese first. Imports nothing heavy:
main.py asks here before the everyday start."""
from __future__ import annotations

import os
import sys

COMMANDS = ("check", "export", "print", "report", "screenshot", "import", "new-year", "summary")
NO_DISPLAY = ("错误：没有图形界面（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。\n"
              f"请在桌面环境中启动；没有桌面时可用命令行：{'、'.join(COMMANDS)}（python main.py --help 查看）。\n")
EXIT_NO_DISPLAY = 2


def opens_window(argv: list[str]) -> bool:
    """The everyday start: no argument, or one that is a document rather than a command or an option."""
    return len(argv) <= 1 and not (argv and (argv[0] in COMMANDS or argv[0].startswith("-")))


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
