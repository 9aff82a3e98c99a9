"""Reading a .docx into paragraphs and tables of text (WordprocessingML, parsed safely).

Merged cells come in two forms: ``w:gridSpan`` (across) and ``w:vMerge`` (down, restart then continue);
both become one GridCell with spans. Deleted revisions and field codes are not text; a manual line break
is a line break; nested tables are read as lines of their parent cell.
"""
from __future__ import annotations

import zipfile

from lxml import etree

from .blocks import Block, GridCell, OfficeText, Paragraph, Table
from .safety import MAX_CELLS, Deadline, ImportRefused, read_member, safe_parser

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _TBL, _SDT, _TR, _TC = (f"{{{W}}}{name}" for name in ("p", "tbl", "sdt", "tr", "tc"))
_T, _TAB, _BR, _CR = (f"{{{W}}}{name}" for name in ("t", "tab", "br", "cr"))
_SKIP = {f"{{{W}}}{name}" for name in ("delText", "instrText", "del", "rPr", "pPr", "tblPr", "trPr", "tcPr")}


def _val(element, path: str):
    found = element.find(path, {"w": W})
    return None if found is None else found.get(f"{{{W}}}val", "")


def _text(element) -> str:
    """The text of a paragraph (or of a cell's paragraphs, one per line)."""
    parts: list[str] = []

    def walk(node) -> None:
        for child in node:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _P:
                if parts and parts[-1] != "\n":
                    parts.append("\n")
                walk(child)
                parts.append("\n")
            else:
                walk(child)

    walk(element)
    return "".join(parts).strip("\n")


class _Reader:
    def __init__(self, name: str, deadline: Deadline):
        self.name, self.deadline = name, deadline
        self.cells = 0
        self.tables = 0

    def blocks(self, body) -> list[Block]:
        result: list[Block] = []
        for child in body:
            if child.tag == _P:
                result.append(Paragraph(_text(child)))
            elif child.tag == _TBL:
                result.append(self.table(child))
            elif child.tag == _SDT:
                content = child.find(f"{{{W}}}sdtContent")
                if content is not None:
                    result.extend(self.blocks(content))
        return result

    def table(self, element) -> Table:
        self.tables += 1
        cells: list[GridCell] = []
        above: dict[int, GridCell] = {}  # column → the cell that a vMerge continue extends
        for row, tr in enumerate(element.iterfind(_TR)):
            self.deadline.check()
            col = int(_val(tr, "w:trPr/w:gridBefore") or 0)
            current: dict[int, GridCell] = {}
            for tc in tr.iterfind(_TC):
                span = max(1, int(_val(tc, "w:tcPr/w:gridSpan") or 1))
                merge = _val(tc, "w:tcPr/w:vMerge")
                if merge is not None and merge != "restart" and col in above:
                    cell = above[col]  # continue: the cell above grows down
                    cell.rowspan = row - cell.row + 1
                else:
                    cell = GridCell(row, col, _text(tc), colspan=span)
                    cells.append(cell)
                    self.cells += 1
                    if self.cells > MAX_CELLS:
                        raise ImportRefused(f"“{self.name}”的表格过大（超过 {MAX_CELLS} 个单元格），已拒绝导入")
                current[col] = cell
                col += span
            above = current
        return Table(f"{self.name} 第{self.tables}个表格", cells)


def read_docx(package: zipfile.ZipFile, name: str, deadline: Deadline) -> OfficeText:
    data = read_member(package, "word/document.xml")
    if data is None:
        if read_member(package, "word/vbaProject.bin") is not None:
            raise ImportRefused(f"“{name}”只含宏、没有正文，已拒绝导入")
        raise ImportRefused(f"“{name}”不是 Word 文档（缺少正文），请确认文件类型")
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError:
        raise ImportRefused(f"“{name}”的正文已损坏，请用 WPS 或 Office 打开后重新保存") from None
    body = root.find(f"{{{W}}}body")
    if body is None:
        raise ImportRefused(f"“{name}”不是 Word 文档（缺少正文），请确认文件类型")
    notes = ["文件中的宏未读取、也未运行"] if read_member(package, "word/vbaProject.bin") is not None else []
    return OfficeText(name, "docx", _Reader(name, deadline).blocks(body), notes)
