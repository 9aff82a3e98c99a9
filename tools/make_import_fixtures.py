"""Write tests/fixtures/import/: Office files laid out as the seeds' forms, for the import tests.

The seeds (../shared/seeds) are text extracted from real Word and PDF files: table rows with their cells
separated by tabs, merged cells flattened (a vertical merge shows as empty cells below its text). This
script turns them back into what a unit would hand over: Word tables whose side labels, 一级指标 and 二级指标
are real vertical merges and whose short rows span the columns as the templates do (seeds 000, 001, 002,
004; seed 001, the 怀化 form, with its money tables' headings merged as printed),
and, for seed 003 (a PDF converted to Excel), the rows of one worksheet. One Word file is also re-saved by
LibreOffice, as a file that went through WPS or LibreOffice would be. Run it after changing it; the tests
read the committed files, so they do not need the seeds.

    python tools/make_import_fixtures.py [--seeds ../shared/seeds]
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "import"
Block = tuple  # ("p", text) or ("table", rows: list[list[str]])


def parse_rows_by_blank_lines(lines: list[str], paragraph=lambda line: False) -> list[Block]:
    """Seeds 000 and 004: a line starting with a tab starts a cell, a blank line ends a row, a line with no
    tab continues the cell above (年度预 / 算申请) unless it is a paragraph after the table. A blank line
    followed by text without a tab is a blank line inside the cell (seed 004's 年度总体\n\n目标)."""
    blocks: list[Block] = []
    table, row = None, None
    for index, line in enumerate(lines):
        body = line.lstrip(" ")
        if body.startswith("\t") and not paragraph(line):
            if table is None:
                table = []
            if row is None:
                row = []
                table.append(row)
            row.append(body[1:])
        elif not line.strip(" "):  # a line holding only a tab is an empty cell, not a blank line
            following = next((later for later in lines[index + 1:] if later.strip(" ")), "")
            if row is not None and not following.lstrip(" ").startswith("\t") and not paragraph(following):
                row[-1] += "\n"
                continue
            row = None
        elif row is not None and not paragraph(line):
            row[-1] += "\n" + line
        else:
            if table:
                blocks.append(("table", table))
            table, row = None, None
            blocks.append(("p", re.sub(r"\[bookmark: [^\]]*\]", "", line).strip()))  # an extraction artefact
    if table:
        blocks.append(("table", table))
    return blocks


def parse_rows_by_marks(lines: list[str], paragraph) -> list[Block]:
    """Seed 002: a line starting with space-tab (or with a tab after a blank line) starts a row, a tab a cell;
    blank lines and lines without a tab belong to the cell (its paragraphs); ``paragraph`` says where the table
    has ended."""
    blocks: list[Block] = []
    table, row, blank = None, None, False
    for line in lines:
        if table is not None and paragraph(line):
            blocks.append(("table", table))
            table, row = None, None
        # a row starts with space-tab, or after a blank line with its empty side cell (the indicator rows)
        starts_row = line.startswith(" \t") or (line.startswith("\t") and (table is None or (blank and line.strip() in ("", "总分"))))
        blank = not line.strip(" ")  # a tab or a full-width space is a cell, not a blank line
        if starts_row:
            table = table if table is not None else []
            row = [line.lstrip(" ")[1:]]
            table.append(row)
        elif line.startswith("\t") and row is not None:
            row.append(line[1:])
        elif row is not None:
            row[-1] += "\n" + line
        elif line.strip():
            blocks.append(("p", re.sub(r"\[bookmark: [^\]]*\]", "", line).strip()))  # an extraction artefact
    if table:
        blocks.append(("table", table))
    return blocks


# --- Word -----------------------------------------------------------------------------------

def _spans(count: int, width: int) -> list[int]:
    spans = [1] * count
    extra, index = width - count, count - 1
    while extra > 0 and count > 1:
        spans[index] += 1
        extra -= 1
        index = index - 1 if index > 1 else count - 1
    if count == 1:
        spans[0] = width
    return spans


def write_docx(blocks: list[Block], path: Path, spans_of=None, mergeable=None) -> None:
    """``spans_of(row)``: the column spans of a row when the generic spread would misplace its cells (seed 001's
    money headings); ``mergeable(rows)``: per row, the cell indexes that may continue a vertical merge."""
    import docx
    from docx.shared import Pt
    document = docx.Document()
    for kind, content in blocks:
        if kind == "p":
            document.add_paragraph(content)
            continue
        width = max(len(row) for row in content)
        table = document.add_table(rows=len(content), cols=width)
        table.style = "Table Grid"
        starts: list[list[tuple[int, int]]] = []  # (grid column, span) of each cell, per row
        for r, row in enumerate(content):
            spans = (spans_of(row) if spans_of else None) or _spans(len(row), width)
            col, placed = 0, []
            for text, span in zip(row, spans):
                cell = table.cell(r, col)
                if span > 1:
                    cell = cell.merge(table.cell(r, col + span - 1))
                cell.text = text.strip("\n")
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(10.5)
                placed.append((col, span))
                col += span
            starts.append(placed)
        _vertical_merges(table, content, starts, (mergeable or _mergeable)(content))
    document.save(path)


def _mergeable(rows: list[list[str]], indicator_cells: int = 8) -> list[set[int]]:
    """Per row, the cells that may continue a merge: the side label (column 0), and 一级/二级指标 in the
    indicator rows (rows of ``indicator_cells`` or more cells under the 一级指标 heading)."""
    eligible: list[set[int]] = []
    indicator_rows = False
    for r, row in enumerate(rows):
        if r and any(text.strip() == "一级指标" for text in rows[r - 1]):
            indicator_rows = True
        elif len(row) < indicator_cells:
            indicator_rows = False
        eligible.append({0} | ({1, 2} if indicator_rows else set()))
    return eligible


def _vertical_merges(table, rows: list[list[str]], starts, eligible: list[set[int]]) -> None:
    """Empty cells that may continue a merge (``eligible``) merge with the filled cell above them: each run of
    such cells below a filled one becomes one merged cell, as on the original."""
    runs: dict[tuple[int, int], int] = {}  # (grid column, span) → row where its merge starts
    for r, row in enumerate(rows):
        for index, (col, span) in enumerate(starts[r]):
            key = (col, span)
            empty = not row[index].strip()
            if empty and index in eligible[r] and key in runs:
                continue  # the run goes on
            _close(table, runs.pop(key, None), r - 1, col, span)
            if not empty and index in eligible[min(r + 1, len(rows) - 1)]:
                runs[key] = r
        for key in [k for k in runs if k not in starts[r]]:  # a row without that cell ends the run
            _close(table, runs.pop(key), r - 1, *key)
    for (col, span), start in runs.items():
        _close(table, start, len(rows) - 1, col, span)


def _close(table, start, end: int, col: int, span: int) -> None:
    if start is not None and end > start:
        table.cell(start, col).merge(table.cell(end, col + span - 1))


# --- seed 001: the 怀化 comprehensive form, one long table ------------------------------------------

# The money tables' heading rows as the form merges them (其中： over its parts, 结余 over two columns)
SPANS_001 = {("机构名称", "收入合计", "其中："): [1, 1, 6], ("机构名称", "支出合计", "其中：", "结余"): [1, 1, 4, 2],
             ("", "", "基本支出", "其中：", "项目支出", "当年结余", "累计结余"): [1, 1, 1, 2, 1, 1, 1],
             ("机构名称", "三公经费合计", "其中："): [1, 1, 6], ("机构名称", "固定资产合计", "其中：", "其他"): [1, 1, 4, 2]}


def _spans_001(row: list[str]):
    return SPANS_001.get(tuple(text.replace("\n", "").strip() for text in row))


def _mergeable_001(rows: list[list[str]]) -> list[set[int]]:
    """The side labels and 一级/二级指标 (six-cell indicator rows), and every cell of a money table's heading
    rows (机构名称, 收入合计, 基本支出 … span the heading rows)."""
    eligible = _mergeable(rows, indicator_cells=6)
    heading = False
    for r, row in enumerate(rows):
        if row and row[0].strip() == "机构名称":
            heading = True
        elif row and row[0].strip():
            heading = False
        if heading:
            eligible[r] = set(range(len(row)))
    return eligible


def write_seed_001(folder: Path, path: Path) -> None:
    blocks = parse_rows_by_blank_lines(seed(folder, "001"), lambda line: line.startswith("填报人"))
    write_docx(blocks, path, _spans_001, _mergeable_001)


# --- Excel (seed 003: a PDF converted to Excel) ---------------------------------------------------

def _number(text: str):
    compact = text.strip().replace(",", "")
    if re.fullmatch(r"-?\d+(\.\d+)?", compact):
        try:
            return float(Decimal(compact))
        except InvalidOperation:
            return text
    return text


def write_xlsx(lines: list[str], path: Path) -> None:
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = "Table 1"
    for line in lines:
        sheet.append([_number(cell) for cell in line.split("\t")] if line.strip() else [])
    book.save(path)


# --- the seeds --------------------------------------------------------------------------------

def seed(folder: Path, number: str) -> list[str]:
    [path] = folder.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8").splitlines()


def build(folder: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    paragraph = lambda line: bool(re.match(r"^ *(附件\s*\d|填报人|单位负责人签字|说明：|\[bookmark|项目支出绩效自评表|"  # noqa: E731
                                           r"部门整体支出绩效自评表|20\d\d)", line))
    for number, name in (("000", "seed000-lukou-2023.docx"), ("004", "seed004-yueyanglou-2023.docx")):
        blocks = parse_rows_by_blank_lines(seed(folder, number), paragraph)
        write_docx(blocks, out / name)
        written.append(out / name)
    write_seed_001(folder, out / "seed001-jingzhou-2023.docx")
    written.append(out / "seed001-jingzhou-2023.docx")
    lines = seed(folder, "002")
    for index, line in enumerate(lines):  # the vertical 绩效指标 came out of the PDF as a lone 效
        if line.strip() == "效" and lines[index + 1].startswith(" \t"):
            lines[index], lines[index + 1] = " \t绩效指标", lines[index + 1][1:]
    blocks = parse_rows_by_marks(lines, lambda line: line.startswith("2021年度长沙市岳麓区"))
    write_docx(blocks, out / "seed002-yuelu-2021.docx")
    written.append(out / "seed002-yuelu-2021.docx")
    lines = seed(folder, "003")
    start = next(i for i, line in enumerate(lines) if line.startswith("2024年度部门（单位）整体支出绩效评价基础数据表"))
    write_xlsx(lines[start:], out / "seed003-tianyuan-2024.xlsx")
    written.append(out / "seed003-tianyuan-2024.xlsx")
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program:
        with tempfile.TemporaryDirectory() as work:
            subprocess.run([program, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                            "docx:MS Word 2007 XML", "--outdir", work, str(out / "seed004-yueyanglou-2023.docx")],
                           check=True, capture_output=True, timeout=120)
            target = out / "seed004-yueyanglou-2023-libreoffice.docx"
            shutil.copyfile(Path(work) / "seed004-yueyanglou-2023.docx", target)
            written.append(target)
    else:
        print("LibreOffice not found: the LibreOffice-saved fixture was not rewritten", file=sys.stderr)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    args = parser.parse_args()
    for path in build(Path(args.seeds), OUT):
        print(path)


if __name__ == "__main__":
    main()
