"""What the three exporters share: output names and safe writing."""
from __future__ import annotations

import gc
import io
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from model.document import Document
from model.sanitize import printable
from model.storage import DocumentError, write_atomic

FORMATS = {"xlsx": "Excel", "docx": "Word", "pdf": "PDF"}
APP_NAME = "绩效自评填报"  # the author, creator and application every exported file names
FORMULA_STARTS = ("=", "+", "-", "@")  # what Excel would take as the start of a formula: user text never is one


def xml_escape(text: str) -> str:
    """&, < and > escaped for XML text (xml.sax.saxutils.escape, without importing xml.sax: 20 ms); a
    carriage return as a character reference, which a reader keeps (a bare one it reads as a line feed)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;") if "\r" in text else text


def xml_attribute(text: str) -> str:
    """Text escaped for an XML attribute value in double quotes."""
    return xml_escape(text).replace('"', "&quot;")


class ExportError(Exception):
    """An export that could not be written; ``str(error)`` is the Chinese explanation."""


def output_stem(doc: Document) -> str:
    """File name (no extension) named after unit and year: 某单位-2024年度绩效自评."""
    name = re.sub(r'[\\/:*?"<>|\r\n\t]+', "_", printable(doc.unit.name).strip()) or "未命名单位"
    return f"{name[:60]}-{doc.unit.year}年度绩效自评"


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an export runs: it makes and drops hundreds of
    thousands of small objects (cells, lines, XML pieces) with no cycles worth collecting, and the
    collector's passes over them took a tenth of the time. Reference counting still frees them."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            # What survives goes to the oldest generation unscanned: enabling the collector with all of
            # it in the youngest would start a pass over all of it (20 ms) right away.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def write_output(path: Path, render: Callable[[io.BytesIO], None]) -> Path:
    """Render into memory, then write atomically: the target is never left half-written."""
    buffer = io.BytesIO()
    render(buffer)
    try:
        write_atomic(path, buffer.getvalue())
    except DocumentError as error:
        raise ExportError(str(error).replace("无法保存", "无法导出")) from None
    return path
