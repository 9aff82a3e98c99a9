"""The .xlsx package around the sheets: workbook, shared strings and the parts of every package (ooxml.py).

Written as text into a zip (ECMA-376 Part 1 SpreadsheetML): the workbook names its sheets and, per sheet,
the print area and the rows printed again at the top of each page (_xlnm.Print_Area, _xlnm.Print_Titles).
"""
from __future__ import annotations

import io
from typing import Optional

from .common import xml_attribute, xml_escape
from .ooxml import (DECLARATION, REL, THEME, THEME_TYPE, app_properties, content_types, core_properties,
                    package_relationships, relationships, write_zip)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SharedStrings:
    """The workbook's strings, each written once (labels recur on every sheet)."""

    def __init__(self):
        self._index: dict[str, int] = {}
        self.count = 0

    def index(self, text: str) -> int:
        self.count += 1
        found = self._index.get(text)
        if found is None:
            found = self._index[text] = len(self._index)
        return found

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{xml_escape(text)}</t></si>' for text in self._index)
        return (f'{DECLARATION}<sst xmlns="{MAIN}" count="{self.count}" uniqueCount="{len(self._index)}">'
                f"{items}</sst>")


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def write_package(out: io.BytesIO, sheets: list[tuple[str, str, str, Optional[tuple[int, int]]]], styles: str,
                  strings: str, title: str) -> None:
    """The workbook of ``sheets`` — (title, worksheet XML, print area, rows repeated on each page) — into
    ``out``."""
    n = len(sheets)
    names, defined = [], []
    for index, (name, _, area, titles) in enumerate(sheets):
        names.append(f'<sheet name="{xml_attribute(name)}" sheetId="{index + 1}" r:id="rId{index + 1}"/>')
        defined.append(f'<definedName name="_xlnm.Print_Area" localSheetId="{index}">'
                       f"{xml_escape(_quoted(name))}!{area}</definedName>")
        if titles:
            defined.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
                           f"{xml_escape(_quoted(name))}!${titles[0]}:${titles[1]}</definedName>")
    workbook = (f'{DECLARATION}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr/>'
                '<bookViews><workbookView activeTab="0"/></bookViews>'
                f'<sheets>{"".join(names)}</sheets><definedNames>{"".join(defined)}</definedNames>'
                '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>')
    workbook_rels = [(f"rId{i + 1}", f"{REL}/worksheet", f"worksheets/sheet{i + 1}.xml") for i in range(n)]
    workbook_rels += [(f"rId{n + 1}", f"{REL}/styles", "styles.xml"),
                      (f"rId{n + 2}", f"{REL}/sharedStrings", "sharedStrings.xml"),
                      (f"rId{n + 3}", f"{REL}/theme", "theme/theme1.xml")]
    types = [("/xl/workbook.xml", f"{CT}.sheet.main+xml")]
    types += [(f"/xl/worksheets/sheet{i + 1}.xml", f"{CT}.worksheet+xml") for i in range(n)]
    types += [("/xl/styles.xml", f"{CT}.styles+xml"), ("/xl/sharedStrings.xml", f"{CT}.sharedStrings+xml"),
              ("/xl/theme/theme1.xml", THEME_TYPE)]
    files = [("[Content_Types].xml", content_types(types)), ("_rels/.rels", package_relationships("xl/workbook.xml")),
             ("docProps/core.xml", core_properties(title)), ("docProps/app.xml", app_properties()),
             ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", relationships(workbook_rels)),
             ("xl/styles.xml", styles), ("xl/sharedStrings.xml", strings), ("xl/theme/theme1.xml", THEME)]
    files += [(f"xl/worksheets/sheet{index + 1}.xml", sheet) for index, (_, sheet, _, _) in enumerate(sheets)]
    write_zip(out, files)
