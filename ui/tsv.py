"""Tab-separated text as Excel and WPS put it on the clipboard (no Qt here).

Cells holding a tab, a line break or a quote are quoted with doubled quotes, as Excel does.
"""
from __future__ import annotations


def to_tsv(rows: list[list[str]]) -> str:
    def quote(text: str) -> str:
        if any(ch in text for ch in "\t\n\r\""):
            return '"' + text.replace('"', '""') + '"'
        return text
    return "\n".join("\t".join(quote(cell) for cell in row) for row in rows) + "\n"


def from_tsv(text: str) -> list[list[str]]:
    """Rows of cells; a trailing line break (Excel always adds one) makes no extra row."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    quoted = False
    at_cell_start = True
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    cell.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                cell.append(ch)
        elif ch == '"' and at_cell_start:
            quoted = True
        elif ch == "\t":
            row.append("".join(cell))
            cell, at_cell_start = [], True
            i += 1
            continue
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_cell_start = [], [], True
            i += 1
            continue
        else:
            cell.append(ch)
        at_cell_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows
