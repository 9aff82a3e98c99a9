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


def _closing_quote(text: str, start: int) -> int:
    """Index of the quote that closes a quoted cell opened at ``start``, or -1 when the cell is not
    really quoted (Excel only quotes whole cells: the closing quote ends the cell)."""
    i, n = start + 1, len(text)
    while i < n:
        if text[i] == '"':
            if i + 1 < n and text[i + 1] == '"':
                i += 2
                continue
            return i if i + 1 == n or text[i + 1] in "\t\r\n" else -1
        i += 1
    return -1


def from_tsv(text: str) -> list[list[str]]:
    """Rows of cells; a trailing line break (Excel always adds one) makes no extra row."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if ch == '"' and at_cell_start:
            end = _closing_quote(text, i)
            if end >= 0:
                cell.append(text[i + 1:end].replace('""', '"'))
                i = end + 1
                at_cell_start = False
                continue
        if ch == "\t":
            row.append("".join(cell))
            cell, at_cell_start = [], True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_cell_start = [], [], True
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows
