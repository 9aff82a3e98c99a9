"""Reading filled forms from Excel and Word files (导入), safely and by their labels (no Qt import).

``read_office(path)`` turns one .xlsx/.docx (or, through LibreOffice when it is installed, .xls/.doc) into
paragraphs and tables of text (importers.blocks), after the package has been checked against zip bombs,
DTDs/external entities, encryption and oversize content (importers.safety). Every refusal is an
``ImportRefused`` with a Chinese message; nothing is written.
"""
from __future__ import annotations

from pathlib import Path

from .blocks import GridCell, OfficeText, Paragraph, Table
from .convert import converted_copy
from .safety import Deadline, ImportRefused, check_file, open_package, sniff

__all__ = ["GridCell", "ImportRefused", "OfficeText", "Paragraph", "Table", "read_office"]

WORD_SUFFIXES = (".docx", ".docm")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
LEGACY_SUFFIXES = (".xls", ".doc", ".wps", ".et")


def read_office(path: str | Path) -> OfficeText:
    source = Path(path)
    name = source.name
    check_file(source)
    kind = sniff(source)
    if kind == "ole-encrypted":
        raise ImportRefused(f"“{name}”设置了打开密码，请在 WPS 或 Office 中取消密码后另存为 .xlsx／.docx，再导入")
    if kind == "ole" or source.suffix.lower() in LEGACY_SUFFIXES:
        if kind != "ole" and kind != "zip":
            raise ImportRefused(f"“{name}”不是 Excel／Word 文件，无法导入")
        if kind == "ole":
            with converted_copy(source) as copy:
                result = read_office(copy)
            result.name = name
            result.notes.append(f"已用 LibreOffice 把“{name}”转换为 {copy.suffix} 后读取")
            return result
    if kind == "empty":
        raise ImportRefused(f"“{name}”是空文件，无法导入")
    if kind != "zip":
        raise ImportRefused(f"“{name}”不是 Excel（.xlsx）或 Word（.docx）文件，无法导入")
    deadline = Deadline(name)
    package = open_package(source, deadline)
    try:
        members = set(package.namelist())
        if "word/document.xml" in members or source.suffix.lower() in WORD_SUFFIXES:
            from .docx_read import read_docx
            result = read_docx(package, name, deadline)
            result.clean_texts()
            return result
        if "xl/workbook.xml" in members or source.suffix.lower() in EXCEL_SUFFIXES:
            if "xl/workbook.xml" not in members:
                raise ImportRefused(f"“{name}”不是 Excel 工作簿（缺少工作表），请确认文件类型")
            from .xlsx_read import read_xlsx
            result = read_xlsx(source, name, deadline)
            result.clean_texts()
            if "xl/vbaProject.bin" in members:
                result.notes.append("文件中的宏未读取、也未运行")
            return result
    finally:
        package.close()
    raise ImportRefused(f"“{name}”不是 Excel（.xlsx）或 Word（.docx）文件，无法导入")
