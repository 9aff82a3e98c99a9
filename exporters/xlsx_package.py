"""The .xlsx package around the sheets: content types, relationships, workbook, shared strings, properties.

Written as text into a zip (ECMA-376 Part 1 SpreadsheetML): the workbook names its sheets and, per sheet,
the print area and the rows printed again at the top of each page (_xlnm.Print_Area, _xlnm.Print_Titles).
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from typing import Optional

from .common import xml_attribute, xml_escape

APP_NAME = "绩效自评填报"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
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
    relationships = "".join(f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                            for i in range(n))
    relationships += (f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>'
                      f'<Relationship Id="rId{n + 2}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="{CT}.worksheet+xml"/>'
                        for i in range(n))
    content_types = (
        f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>{overrides}'
        f'<Override PartName="/xl/styles.xml" ContentType="{CT}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>")
    root_rels = (f'{DECLARATION}<Relationships xmlns="{PACKAGE_REL}">'
                 f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                 'metadata/core-properties" Target="docProps/core.xml"/>'
                 f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
                 "</Relationships>")
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    core = (f'{DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{APP_NAME}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>')
    app = (f'{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f"<Application>{APP_NAME}</Application></Properties>")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in (("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
                           ("docProps/core.xml", core), ("docProps/app.xml", app), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels",
                            f'{DECLARATION}<Relationships xmlns="{PACKAGE_REL}">{relationships}</Relationships>'),
                           ("xl/styles.xml", styles), ("xl/sharedStrings.xml", strings)):
            package.writestr(name, data)
        for index, (_, sheet, _, _) in enumerate(sheets):
            package.writestr(f"xl/worksheets/sheet{index + 1}.xml", sheet)
