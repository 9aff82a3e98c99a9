"""The document a command reads: loaded, or the reason written to stderr (the caller exits 2)."""
from __future__ import annotations

from typing import TextIO


def load_document(file: str, stderr: TextIO):
    """The Document in ``file``, or None after writing “无法读取 FILE：reason” to ``stderr``."""
    from model import storage
    try:
        return storage.load(file)
    except storage.DocumentError as error:
        stderr.write(f"无法读取 {file}：{error}\n")
        return None
