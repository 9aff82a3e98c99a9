"""What the window says when something fails: one place that turns any exception into Chinese.

Each slot that opens, saves, autosaves, exports or prints catches what escapes it and hands it here;
the document stays as it was. Failures nobody foresaw are also written, with their traceback, to
``errors.log`` in the configuration folder, so that a user can send it to the developers.
"""
from __future__ import annotations

import re
import time
import traceback
from pathlib import Path
from typing import Optional

from model.oserrors import os_reason
from model.sanitize import printable

_CHINESE = re.compile("[\u4e00-\u9fff]")
LOG_NAME = "errors.log"
MAX_LOG_BYTES = 256 * 1024
REPORT_HINT = "这是程序的问题，不是您的操作有误。详细信息已记入配置文件夹中的 errors.log，请发给开发者。"


def _expected(error: BaseException) -> bool:
    """Errors whose message is already a Chinese explanation for the user (ours say so in Chinese)."""
    from model import edits, storage
    from model.parsing import ParseError
    if isinstance(error, (storage.DocumentError, ParseError, edits.EditError)):
        return True
    if type(error).__name__ in ("ExportError", "PasteRefused"):  # not imported: the window starts faster
        return True
    return not isinstance(error, OSError) and _CHINESE.search(str(error)) is not None  # 无法开始打印：…


def failure_text(error: BaseException) -> str:
    """A Chinese sentence for ``error``."""
    if _expected(error):
        return str(error)
    if isinstance(error, OSError):
        where = f"（{printable(str(error.filename))}）" if getattr(error, "filename", None) else ""
        return f"{os_reason(error)}{where}"
    if isinstance(error, MemoryError):
        return "内存不足，请关闭其他程序后重试"
    return f"程序内部错误（{type(error).__name__}）。{REPORT_HINT}"


def log_failure(config: Optional[Path], error: BaseException, context: str = "") -> None:
    """Append the traceback to errors.log (kept small: the oldest half goes when it grows too big)."""
    if config is None or _expected(error):
        return
    path = Path(config) / LOG_NAME
    entry = (f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {context}\n"
             + "".join(traceback.format_exception(error)))
    try:
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            kept = path.read_bytes()[-MAX_LOG_BYTES // 2:]
            path.write_bytes(kept)
        with open(path, "a", encoding="utf-8", errors="replace") as handle:
            handle.write(entry)
    except OSError:
        pass


def report(window, title: str, error: BaseException, after: str = "") -> str:
    """Log, then tell the user what failed (a message box, or the status bar for a quiet window).

    Returns the text shown. ``after`` says what happens next (文档没有保存，修改仍在窗口中 …).
    """
    log_failure(getattr(window, "config", None), error, title)
    text = failure_text(error) + (f"\n\n{after}" if after else "")
    if window is None:
        return text
    if getattr(window, "quiet", False):
        window.statusBar().showMessage(f"{title}：{text}", 15000)
        return text
    from .dialogs import show_error
    show_error(window, title, text)
    return text
