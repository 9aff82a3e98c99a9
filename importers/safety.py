"""Opening office files from outside safely: bounded sizes, no DTDs or entities, clear refusals.

An import reads files a unit received from anywhere. Before any XML is parsed the package is checked
member by member: sizes as declared and as actually inflated (a zip bomb lies in its headers), the
number of members and cells, and every XML part is scanned for a DTD (OOXML never has one: a
``<!DOCTYPE``/``<!ENTITY`` is an entity-expansion or XXE attempt). Password-protected files (an OLE
container holding ``EncryptedPackage``), old binary .xls/.doc and files that are something else
entirely are recognised by their first bytes and refused with a Chinese message.
"""
from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import Optional

from model.oserrors import os_reason

MAX_FILE_BYTES = 50 * 1024 * 1024  # a filled form set is well under 1 MB
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # inflated size of any one part
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # inflated size of the whole package
MAX_MEMBERS = 3000
MAX_RATIO = 200  # inflated ÷ compressed of a large part (text XML is 5–20)
MAX_CELLS = 300_000  # cells of all sheets or tables together
MAX_SECONDS = 20.0
_CHUNK = 1 << 20
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")


class ImportRefused(Exception):
    """A source that cannot be read; ``str(error)`` is the Chinese explanation. Nothing was written."""


class Deadline:
    """Refuses a file whose reading takes longer than MAX_SECONDS (a pathological but small file)."""

    def __init__(self, name: str, seconds: float = MAX_SECONDS):
        self.name, self.stop = name, time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.stop:
            raise ImportRefused(f"“{self.name}”内容过于复杂，读取超时，已停止导入")


def sniff(path: Path) -> str:
    """'zip', 'ole-encrypted', 'ole' (.xls/.doc), 'empty' or 'other', from the first bytes of the file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head[:4] == ZIP_MAGIC:
                return "zip"
            if head == OLE_MAGIC:
                body = head + handle.read(4 * 1024 * 1024)
                return "ole-encrypted" if _ENCRYPTED in body else "ole"
    except OSError as error:
        raise ImportRefused(f"无法读取“{path.name}”：{os_reason(error, writing=False)}") from None
    return "empty" if not head else "other"


def check_file(path: Path) -> None:
    """A regular file of a sensible size (no FIFO, device or folder)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportRefused(f"找不到文件“{path}”") from None
    except OSError as error:
        raise ImportRefused(f"无法读取“{path.name}”：{os_reason(error, writing=False)}") from None
    import stat
    if not stat.S_ISREG(info.st_mode):
        raise ImportRefused(f"“{path.name}”不是普通文件，无法导入")
    if info.st_size > MAX_FILE_BYTES:
        raise ImportRefused(f"“{path.name}”过大（{info.st_size // 1024 // 1024} MB），不像是绩效自评表，已拒绝导入")


def open_package(path: Path, deadline: Deadline) -> zipfile.ZipFile:
    """The zip package at ``path``, every member checked (sizes, DTDs); ImportRefused otherwise."""
    name = path.name
    try:
        package = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportRefused(f"“{name}”已损坏或不完整（不是有效的 Office 文件），请用 WPS 或 Office 打开后重新保存") from None
    try:
        _check_members(package, name, deadline)
    except BaseException:
        package.close()
        raise
    return package


def _check_members(package: zipfile.ZipFile, name: str, deadline: Deadline) -> None:
    members = package.infolist()
    if len(members) > MAX_MEMBERS:
        raise ImportRefused(f"“{name}”包含的部件过多（{len(members)} 个），已拒绝导入")
    total = cells = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise ImportRefused(f"“{name}”已加密，请在 WPS 或 Office 中取消密码后另存，再导入")
        if info.file_size > MAX_MEMBER_BYTES:
            raise ImportRefused(_bomb(name))
        inflated, found = _inflate(package, info, name, deadline)
        total += inflated
        cells += found
        if cells > MAX_CELLS:
            raise ImportRefused(f"“{name}”的表格过大（超过 {MAX_CELLS} 个单元格），已拒绝导入")
        if total > MAX_TOTAL_BYTES or (inflated > 10 * _CHUNK and inflated > MAX_RATIO * max(1, info.compress_size)):
            raise ImportRefused(_bomb(name))


def _bomb(name: str) -> str:
    return f"“{name}”解压后过大（可能是“压缩炸弹”），已拒绝导入"


def _inflate(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, deadline: Deadline) -> tuple[int, int]:
    """Inflate one member without keeping it: its real size, and its cells if it is a worksheet
    (``<c `` elements, counted before openpyxl would build an object for each); XML is scanned for a DTD."""
    is_xml = info.filename.endswith((".xml", ".rels", ".vml"))
    is_sheet = info.filename.startswith("xl/worksheets/")
    size, cells, tail = 0, 0, b""
    try:
        with package.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    return size, cells
                size += len(chunk)
                if size > MAX_MEMBER_BYTES:
                    raise ImportRefused(_bomb(name))
                if is_xml:
                    window = tail + chunk
                    if any(mark in window for mark in _DTD_MARKS):
                        raise ImportRefused(f"“{name}”含有文档类型定义（DTD），可能是恶意文件，已拒绝导入")
                    if is_sheet:
                        cells += chunk.count(b"<c ") + chunk.count(b"<c>")
                    tail = chunk[-16:]
                deadline.check()
    except ImportRefused:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise ImportRefused(f"“{name}”已损坏或不完整（{info.filename} 无法解压），请用 WPS 或 Office 打开后重新保存") from None


def read_member(package: zipfile.ZipFile, member: str) -> Optional[bytes]:
    """A checked member's bytes, None when the package has no such member."""
    try:
        return package.read(member)
    except KeyError:
        return None


def safe_parser():
    """An lxml parser that never loads a DTD, resolves an entity or touches the network."""
    from lxml import etree
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False)
