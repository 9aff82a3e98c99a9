"""The document file (.jxzp): versioned UTF-8 JSON, documented in docs/file-format.md.

* Amounts are exact decimal strings ("1820.23"), never JSON floats; empty cells are null.
* ``save`` writes a temporary file beside the target, flushes it to disk and then replaces the
  target in one step: a crash or a full disk never leaves a half-written file.
* ``load`` checks everything and refuses a bad file with ``DocumentError`` whose message says
  which field is wrong and how; the file itself is never touched.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .document import Document
from .jsonread import FormatError, Reader, parse_json
from .oserrors import os_reason
from .records import document_in, document_out
from .sanitize import shown
from .upgrade import CURRENT, upgrade

FORMAT_NAME = "jxzp"
FORMAT_VERSION = CURRENT  # files of every older version are read too (model/upgrade.py)
EXTENSION = ".jxzp"
MAX_FILE_BYTES = 64 * 1024 * 1024


class DocumentError(Exception):
    """A file that cannot be read or written; ``str(error)`` is the Chinese explanation."""


class ReadOnlyError(DocumentError):
    """The file to be replaced is read-only: replace it only when the user says so."""


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What a document file was when it was read or written, to notice another program changing it."""

    size: int
    mtime_ns: int
    digest: str  # SHA-256 of the bytes

    @classmethod
    def of(cls, payload: bytes, status: os.stat_result) -> "FileStamp":
        return cls(len(payload), status.st_mtime_ns, hashlib.sha256(payload).hexdigest())


def to_dict(doc: Document) -> dict:
    return document_out(doc, {"format": FORMAT_NAME, "version": FORMAT_VERSION})


def dumps(doc: Document) -> str:
    return _text(to_dict(doc))


def _text(data: dict) -> str:
    """The file's text: UTF-8 characters as they are, one space of indent (docs/file-format.md)."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def encode(doc: Document) -> bytes:
    """The file's bytes; DocumentError when the document holds text no file can (it never should)."""
    return encode_data(to_dict(doc))


def encode_data(data: dict) -> bytes:
    """The bytes of ``to_dict``'s data (the autosave turns a snapshot into bytes off the UI thread)."""
    try:
        return _text(data).encode("utf-8")
    except UnicodeEncodeError:
        raise DocumentError("文档中有无法保存的字符（残缺的字符或控制字符），请检查最近粘贴的文字") from None


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


_NEW_FILE_MODE = 0o666 & ~_umask()  # what a plain "create" would give, as other programs' files get


def _temp_names(target: Path) -> re.Pattern:
    """Temporary files of ``target`` as tempfile names them (.name.xxxxxxxx.tmp), left by a killed save."""
    return re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")


def _remove_stale_temps(target: Path, keep: str = "") -> None:
    pattern = _temp_names(target)
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        if pattern.fullmatch(name) and name != keep:
            _remove_quietly(str(target.parent / name))


def write_atomic(path: str | os.PathLike, payload: bytes, *, replace_read_only: bool = False) -> os.stat_result:
    """Write ``payload`` to ``path`` so that the file is either the old one or the new one.

    A symbolic link is written through to its target; an existing file keeps its mode and owner; a
    read-only file is replaced only with ``replace_read_only`` (ReadOnlyError otherwise); temporary
    files a killed save left beside the target are removed. Returns the new file's status.
    """
    given = Path(path)
    name = shown(given.name, 80)
    try:
        target = Path(os.path.realpath(given))  # through a symbolic link to the file it points at
    except (UnicodeError, ValueError):
        raise DocumentError(f"无法保存：文件名“{shown(name)}”含有无法使用的字符") from None
    folder = target.parent
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as error:
        raise DocumentError(f"无法保存“{name}”：{os_reason(error)}") from None
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise DocumentError(f"无法保存：“{_where(given)}”{'是文件夹' if stat.S_ISDIR(old.st_mode) else '不是普通文件'}")
    read_only = old is not None and (not old.st_mode & 0o222 or not os.access(target, os.W_OK))
    if read_only and not replace_read_only:
        raise ReadOnlyError(f"“{name}”是只读文件，没有覆盖（原文件未改动）")
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    except FileNotFoundError:
        raise DocumentError(f"无法保存：文件夹“{_where(folder)}”不存在") from None
    except PermissionError:
        raise DocumentError(f"无法保存：没有在文件夹“{_where(folder)}”中写入的权限") from None
    except OSError as error:
        raise DocumentError(f"无法保存到文件夹“{_where(folder)}”：{os_reason(error)}") from None
    temp_path = handle.name
    try:
        with handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_owner_and_mode(temp_path, old)
        if read_only and os.name == "nt":  # Windows refuses to replace a read-only file
            os.chmod(target, stat.S_IMODE(old.st_mode) | stat.S_IWRITE)
        os.replace(temp_path, target)
        status = os.stat(target)
    except PermissionError:
        _remove_quietly(temp_path)
        raise DocumentError(f"无法保存“{name}”：文件正被其他程序打开或为只读，请关闭后重试（原文件未改动）") from None
    except OSError as error:
        _remove_quietly(temp_path)
        raise DocumentError(f"无法保存“{name}”：{os_reason(error)}（原文件未改动）") from None
    except BaseException:
        _remove_quietly(temp_path)
        raise
    _remove_stale_temps(target, keep=Path(temp_path).name)
    return status


def _copy_owner_and_mode(temp_path: str, old: Optional[os.stat_result]) -> None:
    """The new file gets the old one's mode and owner (tempfile makes it 0600 and the saver's)."""
    try:
        if old is None:
            os.chmod(temp_path, _NEW_FILE_MODE)
            return
        if hasattr(os, "chown"):
            mine = os.stat(temp_path)
            if (mine.st_uid, mine.st_gid) != (old.st_uid, old.st_gid):
                try:
                    os.chown(temp_path, old.st_uid, old.st_gid)
                except OSError:  # only root may give a file away; a group we are in is still kept
                    try:
                        os.chown(temp_path, -1, old.st_gid)
                    except OSError:
                        pass
        os.chmod(temp_path, stat.S_IMODE(old.st_mode))
    except OSError:  # file systems without POSIX modes (FAT, some network shares)
        pass


def _where(path: Path) -> str:
    """A path as a message shows it: a name from a foreign file system may hold undecodable bytes."""
    return shown(str(path), 200)


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def save(doc: Document, path: str | os.PathLike, *, replace_read_only: bool = False,
         verify: bool = True) -> FileStamp:
    """Write the document atomically; the stamp of the file written (see ``changed_since``).

    ``verify`` reads the bytes back before writing them, so a file that would not open is never written,
    whatever built the document (typing, an import, a script); it costs about one load.
    """
    payload = encode(doc)
    if verify:
        try:
            loads(payload.decode("utf-8"))
        except DocumentError as error:
            raise DocumentError(f"文档中有内容保存后将无法打开，没有保存：{error}") from None
    return FileStamp.of(payload, write_atomic(path, payload, replace_read_only=replace_read_only))


def changed_since(path: str | os.PathLike, stamp: Optional[FileStamp]) -> bool:
    """Has another program written ``path`` since ``stamp`` was taken? (A file that went away has.)

    Size and modification time decide when they match; otherwise the content does, so a copy
    that only touched the file is not taken for a change.
    """
    if stamp is None:
        return False
    try:
        status = os.stat(path)
    except OSError:
        return True
    if status.st_size == stamp.size and status.st_mtime_ns == stamp.mtime_ns:
        return False
    if status.st_size != stamp.size:
        return True
    try:
        raw, _status = _read(Path(path), f"文件“{Path(path).name}”")
    except DocumentError:
        return True
    return hashlib.sha256(raw).hexdigest() != stamp.digest


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
        data = parse_json(text)
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


def _read(target: Path, name: str) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file, at most MAX_FILE_BYTES: never a device (/dev/zero), never a pipe
    (a FIFO would block), never a folder."""
    try:
        status = os.stat(target)
        if stat.S_ISDIR(status.st_mode):
            raise DocumentError(f"“{_where(target)}”是文件夹，不是文档")
        if not stat.S_ISREG(status.st_mode):
            raise DocumentError(f"“{_where(target)}”不是普通文件（可能是设备或管道），不是文档")
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(target, flags)
        try:
            status = os.fstat(descriptor)  # the file opened, not one swapped in since the check
            if not stat.S_ISREG(status.st_mode):
                raise DocumentError(f"“{_where(target)}”不是普通文件（可能是设备或管道），不是文档")
            if status.st_size > MAX_FILE_BYTES:
                raise DocumentError(f"{name}过大（{status.st_size // 1024 // 1024} MB），不是有效的文档")
            chunks, left = [], MAX_FILE_BYTES + 1
            while left > 0:
                chunk = os.read(descriptor, min(left, 1024 * 1024))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(descriptor)
    except FileNotFoundError:
        raise DocumentError(f"找不到{name}（{_where(target)}）") from None
    except IsADirectoryError:
        raise DocumentError(f"“{_where(target)}”是文件夹，不是文档") from None
    except PermissionError:
        raise DocumentError(f"没有读取{name}的权限") from None
    except OSError as error:
        raise DocumentError(f"无法读取{name}：{os_reason(error, writing=False)}") from None
    raw = b"".join(chunks)
    if len(raw) > MAX_FILE_BYTES:  # grew while being read
        raise DocumentError(f"{name}过大，不是有效的文档")
    return raw, status


def load(path: str | os.PathLike) -> Document:
    return load_stamped(path)[0]


def load_stamped(path: str | os.PathLike) -> tuple[Document, FileStamp]:
    """The document and the stamp of the bytes it was read from; DocumentError for anything unusable."""
    target = Path(path)
    name = f"文件“{shown(target.name, 80)}”"
    raw, status = _read(target, name)
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
    return loads(text, name), FileStamp.of(raw, status)
