"""The file a command writes: of the kind its option names (a wrong extension is a wrong argument, exit 2),
and — for the new document of import and new-year — never an existing file replaced unless --force says so
(exit 3: the output cannot be written as asked)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, TextIO

EXIT_ARGUMENT, EXIT_UNWRITABLE = 2, 3


def wrong_kind(out: str, suffix: str, option: str, example: str, stderr: TextIO) -> bool:
    """True (after saying so) when ``out`` does not end in ``suffix`` (".pdf", ".xlsx" …)."""
    if Path(out).suffix.lower() == suffix:
        return False
    stderr.write(f"错误：{option} 应为 {suffix} 文件，例如 {example}\n")
    return True


def refuse_output(out: str, force: bool, stderr: TextIO) -> Optional[int]:
    """None when the new document ``out`` may be written; otherwise the exit code, the reason on ``stderr``."""
    from model import storage
    if wrong_kind(out, storage.EXTENSION, "--out", "某单位-2024.jxzp", stderr):
        return EXIT_ARGUMENT
    target = Path(out)
    if target.exists() and not force:
        stderr.write(f"错误：“{target}”已存在；换一个文件名，或加 --force 覆盖\n")
        return EXIT_UNWRITABLE
    return None
