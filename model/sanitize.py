"""Text that can be saved, shown and printed: one rule for every way text enters and leaves.

Some characters cannot be written to our UTF-8 files or to the XML inside .xlsx/.docx: lone surrogates
(half of a UTF-16 pair, from a broken paste or a hand-edited ``\\ud800`` in a file), U+FFFE/U+FFFF
(non-characters) and the C0 control characters. A tab or a line break belongs in a long text
(偏差原因, 年度总体目标 …), nowhere else.

* ``text_problem`` says, in Chinese, what is wrong with a text that may not enter the document: typing,
  paste, loading and importing all ask it (through model.fields and model.records) and refuse.
* ``printable`` drops whatever cannot be written: every exporter passes every string through it.
* ``shown`` quotes someone else's text in a message: at most ~40 characters, bad characters made visible.
"""
from __future__ import annotations

import re
from typing import Optional

QUOTE_LIMIT = 40  # characters of the user's input a message repeats

# Not XML 1.0 characters (tab, line feed and carriage return are) and not encodable in UTF-8.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a one-line text may not hold, and what a long text may not hold.
_BAD_ONE_LINE = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BAD_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _describe(char: str) -> str:
    code = ord(char)
    if char == "\t":
        return "制表符（Tab）"
    if char in "\r\n":
        return "换行"
    if 0xD800 <= code <= 0xDFFF:
        return f"残缺的字符（U+{code:04X}，常见于复制粘贴出错）"
    if code in (0xFFFE, 0xFFFF):
        return f"非字符 U+{code:04X}"
    return f"控制字符 U+{code:04X}"


def text_problem(text: str, multiline: bool) -> Optional[str]:
    """Why ``text`` may not be stored (Chinese, without the field's name), or None when it may.

    ``multiline``: a long text, where tabs and line breaks are allowed.
    """
    match = (_BAD_MULTILINE if multiline else _BAD_ONE_LINE).search(text)
    if match is None:
        return None
    position = match.start() + 1
    return f"第 {position} 个字符是{_describe(match.group())}，无法保存和打印，请删除后重新输入"


def printable(text: str) -> str:
    """``text`` without the characters no file format can hold (exporters write only this)."""
    if not text:
        return text
    return _UNWRITABLE.sub("", text)


def shown(value: object, limit: int = QUOTE_LIMIT) -> str:
    """Someone's input as a message quotes it: at most ``limit`` characters, nothing unprintable."""
    text = value if isinstance(value, str) else str(value)
    cut = text[:limit]
    visible = _BAD_ONE_LINE.sub(lambda m: " " if m.group() in "\t\r\n" else "\ufffd", cut)
    return visible + ("…" if len(text) > limit else "")
