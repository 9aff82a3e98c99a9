"""The document file (.jxzp): versioned UTF-8 JSON, documented in docs/file-format.md.

* Amounts are exact decimal strings ("1820.23"), never JSON floats; empty cells are null.
* ``save`` writes a temporary file beside the target, flushes it to disk and then replaces the
  target in one step: a crash or a full disk never leaves a half-written file.
* ``load`` checks everything and refuses a bad file with ``DocumentError`` whose message says
  which field is wrong and how; the file itself is never touched.
"""
from __future__ import annotations

import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from .document import Document
from .jsonread import FormatError, Reader
from .records import document_in, document_out
from .upgrade import CURRENT, upgrade

FORMAT_NAME = "jxzp"
FORMAT_VERSION = CURRENT  # files of every older version are read too (model/upgrade.py)
EXTENSION = ".jxzp"
MAX_FILE_BYTES = 64 * 1024 * 1024


class DocumentError(Exception):
    """A file that cannot be read or written; ``str(error)`` is the Chinese explanation."""


def to_dict(doc: Document) -> dict:
    return document_out(doc, {"format": FORMAT_NAME, "version": FORMAT_VERSION})


def dumps(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=1) + "\n"


def write_atomic(path: str | os.PathLike, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that the file is either the old one or the new one."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    except FileNotFoundError:
        raise DocumentError(f"无法保存：文件夹“{folder}”不存在") from None
    except PermissionError:
        raise DocumentError(f"无法保存：没有在文件夹“{folder}”中写入的权限") from None
    except OSError as error:
        raise DocumentError(f"无法保存到文件夹“{folder}”：{error.strerror or error}") from None
    temp_path = handle.name
    try:
        with handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_path, target)
    except PermissionError:
        _remove_quietly(temp_path)
        raise DocumentError(f"无法保存“{target.name}”：文件正被其他程序打开或为只读，请关闭后重试") from None
    except OSError as error:
        _remove_quietly(temp_path)
        raise DocumentError(f"无法保存“{target.name}”：{error.strerror or error}（原文件未改动）") from None
    except BaseException:
        _remove_quietly(temp_path)
        raise


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def save(doc: Document, path: str | os.PathLike) -> None:
    write_atomic(path, dumps(doc).encode("utf-8"))


# --- reading -------------------------------------------------------------------------------

def from_dict(data: Any, where: str = "文件") -> Document:
    """Build a Document from parsed JSON of any known version; DocumentError names the first problem."""
    try:
        return _from_dict(Reader(data, where))
    except FormatError as error:
        raise DocumentError(str(error)) from None


def _from_dict(root: Reader) -> Document:
    root.obj()
    if root.value.get("format") != FORMAT_NAME:
        root.fail("这不是绩效自评填报的文档（缺少格式标记 \"format\": \"jxzp\"）")
    version = root.field("version", "格式版本").integer(minimum=1, maximum=10 ** 6)
    if version > FORMAT_VERSION:
        root.fail(f"文件格式版本为 {version}，由更新版本的程序保存，本程序只能读取版本 {FORMAT_VERSION} 及以前的文件，"
                  f"请升级程序")
    root = Reader(upgrade(root.value, version), root.where)
    root.field("format", "格式")
    root.field("version", "格式版本")
    doc = document_in(root)
    root.no_unknown_fields()
    return doc


def loads(text: str, where: str = "文件") -> Document:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise DocumentError(f"{where}内容不完整或已损坏（第 {error.lineno} 行第 {error.colno} 列附近：{_json_reason(error)}），"
                            f"可能是保存时被中断或被其他程序改动") from None
    except RecursionError:
        raise DocumentError(f"{where}内容嵌套过深，不是有效的文档") from None
    return from_dict(data, where)


def _json_reason(error: json.JSONDecodeError) -> str:
    reasons = {"Expecting value": "缺少数值", "Unterminated string": "文字没有结束",
               "Expecting ',' delimiter": "缺少逗号", "Expecting property name": "缺少字段名",
               "Extra data": "结尾有多余内容", "Invalid control character": "含有非法控制字符"}
    for english, chinese in reasons.items():
        if error.msg.startswith(english):
            return chinese
    return error.msg


def load(path: str | os.PathLike) -> Document:
    target = Path(path)
    name = f"文件“{target.name}”"
    try:
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(f"{name}过大（{size // 1024 // 1024} MB），不是有效的文档")
        raw = target.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"找不到{name}（{target}）") from None
    except IsADirectoryError:
        raise DocumentError(f"“{target}”是文件夹，不是文档") from None
    except PermissionError:
        raise DocumentError(f"没有读取{name}的权限") from None
    except OSError as error:
        raise DocumentError(f"无法读取{name}：{error.strerror or error}") from None
    if not raw.strip():
        raise DocumentError(f"{name}是空的，可能是保存时被中断")
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DocumentError(f"{name}是 Excel／Word 等办公文件，不是绩效自评填报的文档，请用相应程序打开")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start >= len(raw) - 3:  # cut in the middle of the last character
            raise DocumentError(f"{name}内容不完整或已损坏（文件末尾被截断），可能是保存时被中断") from None
        raise DocumentError(f"{name}不是 UTF-8 文本，不是本程序保存的文档") from None
    if not text.lstrip().startswith("{"):
        raise DocumentError(f"{name}不是绩效自评填报的文档（内容不是本程序的格式）")
    return loads(text, name)
