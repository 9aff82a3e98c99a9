"""The new document a command writes (import, new-year): a .jxzp path, never an existing file replaced
unless --force says so."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, TextIO


def refuse_output(out: str, force: bool, stderr: TextIO) -> Optional[str]:
    """None when ``out`` may be written; otherwise the message already written to ``stderr``."""
    from model import storage
    target = Path(out)
    if target.suffix.lower() != storage.EXTENSION:
        message = f"错误：--out 应为 {storage.EXTENSION} 文档，例如 某单位-2024.jxzp"
    elif target.exists() and not force:
        message = f"错误：“{target}”已存在；换一个文件名，或加 --force 覆盖"
    else:
        return None
    stderr.write(message + "\n")
    return message
