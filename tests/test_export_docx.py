"""The Word writer, checked on the XML it produces (unzipped word/document.xml and styles.xml).

Golden file: tests/golden/tianyuan-2024.document.xml is word/document.xml of the tianyuan-2024
example, pretty-printed. After an intended change to the output, regenerate it with
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_export_docx.py -k golden
and review the diff before committing it.
"""
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from exporters.common import ExportError
from exporters.docx import write_docx
from exporters.docx_table import SEPARATOR, split_row
from exporters.docx_xml import twips
from exporters.style import SIGNATURE_SPACE_MM, page_for, plan_form
from model.layout import Cell, Layout, Role, build_layouts
from model.layout.heights import printed_text
from tests.conftest import EXAMPLE_NAMES, ROOT

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
GOLDEN = ROOT / "tests" / "golden" / "tianyuan-2024.document.xml"


def w(name):
    return f"{{{W_NS}}}{name}"


def val(element, path, attr="val"):
    found = element.find(path, NS)
    return None if found is None else found.get(w(attr))


def text_of(element):
    """Text as the layout writes it: w:br is a line break, w:tab a tab."""
    marks = {w("br"): "\n", w("tab"): "\t"}
    return "".join(marks.get(e.tag) or e.text or "" for e in element.iter(w("t"), w("br"), w("tab"))
                   if e.getparent().tag == w("r"))


class Exported:
    """An exported .docx, unzipped and parsed."""

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as package:
            self.names = set(package.namelist())
            self.document_bytes = package.read("word/document.xml")
            self.document = etree.fromstring(self.document_bytes)
            self.styles = etree.fromstring(package.read("word/styles.xml"))
            self.core = package.read("docProps/core.xml").decode("utf-8")
            self.app = package.read("docProps/app.xml").decode("utf-8")
            self.package_rels = package.read("_rels/.rels").decode("utf-8")
        self.body = self.document.find("w:body", NS)

    def sections(self):
        """Body children per section, each with the section's w:sectPr."""
        sections, current = [], []
        for child in self.body:
            if child.tag == w("sectPr"):
                sections.append((current, child))
                break
            current.append(child)
            sect = child.find("w:pPr/w:sectPr", NS)
            if sect is not None:
                sections.append((current, sect))
                current = []
        return sections

    def style(self, style_id):
        return self.styles.find(f"w:style[@w:styleId='{style_id}']", NS)


def tables_of(children):
    return [child for child in children if child.tag == w("tbl")]


def logical_cells(tables):
    """The cells of consecutive tables as (text, row, col, rowspan, colspan, tc), merges resolved."""
    cells, open_cells, row = [], {}, 0
    for table in tables:
        n_grid = len(table.findall("w:tblGrid/w:gridCol", NS))
        for tr in table.findall("w:tr", NS):
            col = 0
            for tc in tr.findall("w:tc", NS):
                span = int(val(tc, "w:tcPr/w:gridSpan") or 1)
                merge = tc.find("w:tcPr/w:vMerge", NS)
                if merge is not None and merge.get(w("val")) != "restart":
                    open_cells[col][3] += 1
                else:
                    cell = [text_of(tc), row, col, 1, span, tc]
                    cells.append(cell)
                    open_cells[col] = cell
                col += span
            assert col == n_grid, f"row {row} covers {col} of {n_grid} grid columns"
            row += 1
    return cells


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from model import storage
    from tests.conftest import example_path
    folder = tmp_path_factory.mktemp("docx")
    result = {}
    for name in EXAMPLE_NAMES + (LONG_GOALS,):
        doc = storage.load(example_path(name.split("+")[0]))
        if name == LONG_GOALS:  # 年度总体目标 over two pages, in the middle of the 整体表
            doc.overall.goals.actual = ("鑫" * 20 + "，") * 90 + "全文结束。"
        path = write_docx(doc, folder / f"{name}.docx")
        result[name] = (doc, build_layouts(doc), Exported(path))
    return result


LONG_GOALS = "tianyuan-2024+long-goals"


@pytest.fixture(scope="module")
def tianyuan_docx(exported):
    return exported["tianyuan-2024"]


def overall_section(tianyuan_docx):
    _, layouts, out = tianyuan_docx
    index = next(i for i, layout in enumerate(layouts) if layout.kind == "overall")
    return layouts[index], out.sections()[index][0]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_exports_one_section_per_form(exported, name):
    doc, layouts, out = exported[name]
    import docx
    assert len(docx.Document(str(out.path)).sections) == len(layouts)
    sections = out.sections()
    assert len(sections) == len(layouts)
    for (children, sect), layout in zip(sections, layouts):
        page = page_for(layout)
        width, height = int(val(sect, "w:pgSz", "w")), int(val(sect, "w:pgSz", "h"))
        assert (width, height) == (twips(page.width_mm), twips(page.height_mm))
        assert (val(sect, "w:pgSz", "orient") == "landscape") == layout.landscape == (width > height)
        assert val(sect, "w:type") == "nextPage"
        margins = {side: int(val(sect, "w:pgMar", side)) for side in ("left", "right", "top", "bottom")}
        assert margins["top"] == twips(page.top_mm) and margins["bottom"] == twips(page.bottom_mm)
        assert abs(margins["left"] - twips(page.left_mm)) <= 1 and margins["left"] == margins["right"]
        tables = tables_of(children)
        assert tables, layout.key
        for table in tables:  # one page wide
            assert int(val(table, "w:tblPr/w:tblW", "w")) <= width - margins["left"] - margins["right"]


def test_orientation_per_form(tianyuan_docx):
    _, layouts, out = tianyuan_docx
    kinds = [layout.kind for layout in layouts]
    orients = [val(sect, "w:pgSz", "orient") for _, sect in out.sections()]
    assert kinds[0] == "basic_data" and orients[0] is None
    assert kinds[1] == "overall" and orients[1] == "landscape"
    assert all(o == "landscape" for k, o in zip(kinds, orients) if k == "project")


def test_east_asian_fonts_on_styles_and_runs(tianyuan_docx):
    _, _, out = tianyuan_docx
    default = out.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert val(default, "w:rFonts", "eastAsia") == "仿宋"
    assert val(default, "w:lang", "eastAsia") == "zh-CN"
    normal = out.style("Normal")
    assert val(normal, "w:rPr/w:rFonts", "eastAsia") == "仿宋"
    assert val(normal, "w:rPr/w:rFonts", "ascii") == "Times New Roman"
    assert val(normal, "w:rPr/w:sz") == "21"  # 五号
    for rfonts in out.styles.iter(w("rFonts")):  # a theme font would win over w:eastAsia
        assert rfonts.get(w("eastAsiaTheme")) is None
    for style_id in ("FormTitle", "FormSubtitle", "FormCell", "FormHeader", "FormNote", "FormSignature"):
        assert val(out.style(style_id), "w:rPr/w:rFonts", "eastAsia"), style_id
    assert val(out.style("FormTitle"), "w:rPr/w:rFonts", "eastAsia") == "方正小标宋简体"
    assert val(out.style("FormTitle"), "w:rPr/w:sz") == "36"  # 小二
    assert out.style("FormHeader").find("w:rPr/w:b", NS) is not None
    runs = [r for r in out.body.iter(w("r")) if r.find("w:t", NS) is not None]
    assert runs and all(val(r, "w:rPr/w:rFonts", "eastAsia") for r in runs)


def pages_of(children):
    """A section's children per printed page: the writer starts each planned page after the first with a
    1-point paragraph marked w:pageBreakBefore."""
    pages = [[]]
    for child in children:
        if child.tag == w("p") and child.find("w:pPr/w:pageBreakBefore", NS) is not None:
            pages.append([])
        pages[-1].append(child)
    return pages


def flat(text):
    return text.replace("\n", "")


def test_merges_of_the_overall_form(tianyuan_docx):
    layout, children = overall_section(tianyuan_docx)
    first_page = pages_of(children)[0]
    cells = {flat(c[0]): c for c in logical_cells(tables_of(first_page))}
    start = layout.table_rows.start
    header = layout.header_rows.start - start
    assert cells["年度预算申请（万元）"][2:5] == [0, 7, 1]
    assert cells["年度预算申请（万元）"][0] == "年度预算\n申请\n（万元）"  # broken as the plan has it, not （万/元）
    assert val(cells["年度预算申请（万元）"][5], "w:tcPr/w:vMerge") == "restart"
    assert cells["产出指标(40分)"][1:5] == [header + 1, 1, 4, 1]
    # 绩效指标 runs down the page's indicator rows, beside the header row (which it must not straddle).
    vertical = cells["绩效指标"]
    on_page = len([r for r in range(header + 1, 99) if any(c[1] == r for c in cells.values())])
    assert vertical[1:5] == [header + 1, 0, on_page, 1]
    assert val(vertical[5], "w:tcPr/w:textDirection") == "tbRlV"
    assert val(vertical[5], "w:tcPr/w:tcBorders/w:top") == "nil"
    above = next(c for c in logical_cells(tables_of(first_page)) if c[1:3] == [header, 0])
    assert above[0] == "" and val(above[5], "w:tcPr/w:tcBorders/w:bottom") == "nil"
    last_page = {flat(c[0]): c for c in logical_cells(tables_of(pages_of(children)[-1]))}
    assert last_page["总分"][2:5] == [0, 1, 6] and val(last_page["总分"][5], "w:tcPr/w:gridSpan") == "6"


def expected_cells(layout, page):
    """(text, row, col, rowspan, colspan) of the Word cells of a planned page, rows counted in its tables."""
    table_slots = [i for i, slot in enumerate(page.slots) if slot.row in layout.table_rows]
    header = [i for i in table_slots if page.slots[i].row in layout.header_rows]
    expected = set()
    for cell, first, last in page.parts():
        if cell.row not in layout.table_rows or not cell.text:
            continue
        text = printed_text(layout, cell, page.slots[first].lines)  # a row split between pages: its piece
        if not text:  # a shorter cell beside the split one has no lines left on this page
            continue
        if header and first <= header[-1] < last:  # drawn beside the header row, not through it
            first = header[-1] + 1
        expected.add((text, first - table_slots[0], cell.col, last - first + 1, cell.colspan))
    return expected


@pytest.mark.parametrize("name", EXAMPLE_NAMES + (LONG_GOALS,))
def test_cells_match_the_plan(exported, name):
    """Every non-empty cell of each planned page is a Word cell at the same place with the same spans:
    a label cut by a page break is written again, merged over its rows on that page."""
    _, layouts, out = exported[name]
    for layout, (children, _) in zip(layouts, out.sections()):
        pages = plan_form(layout)
        printed = pages_of(children)
        assert len(printed) == len(pages), layout.key
        for page, page_children in zip(pages, printed):
            found = {tuple(c[:5]) for c in logical_cells(tables_of(page_children)) if c[0]}
            assert found == expected_cells(layout, page), (layout.key, page.index)


@pytest.mark.parametrize("name", EXAMPLE_NAMES + (LONG_GOALS,))
def test_rows_keep_together_as_planned(exported, name):
    """Word breaks where the plan does: every row is as tall as planned (at least) and never splits,
    keeps with the next row except the last row of its page, and a page break opens each next page."""
    _, layouts, out = exported[name]
    for layout, (children, _) in zip(layouts, out.sections()):
        pages = plan_form(layout)
        for page, page_children in zip(pages, pages_of(children)):
            rows = [tr for table in tables_of(page_children) for tr in table.findall("w:tr", NS)]
            slots = [slot for slot in page.slots if slot.row in layout.table_rows]
            assert len(rows) == len(slots), (layout.key, page.index)
            for index, (tr, slot) in enumerate(zip(rows, slots)):
                assert tr.find("w:trPr/w:cantSplit", NS) is not None
                assert int(val(tr, "w:trPr/w:trHeight")) == twips(slot.height)
                assert val(tr, "w:trPr/w:trHeight", "hRule") == "atLeast"
                keeps = [p.find("w:pPr/w:keepNext", NS) is not None for p in tr.iter(w("p"))]
                last = index == len(rows) - 1
                assert all(keeps) == (not last or page.last), (layout.key, page.index, index)
                assert any(keeps) == (not last or page.last)
            if page.index:
                assert page_children[0].find("w:pPr/w:pageBreakBefore", NS) is not None


def test_header_row_repeats_and_nothing_else(exported):
    for name, (_, layouts, out) in exported.items():
        for layout, (children, _) in zip(layouts, out.sections()):
            for page, page_children in zip(plan_form(layout), pages_of(children)):
                tables = tables_of(page_children)
                rows = [tr for table in tables for tr in table.findall("w:tr", NS)]
                flagged = [tr for tr in rows if tr.find("w:trPr/w:tblHeader", NS) is not None]
                if not any(slot.row in layout.header_rows for slot in page.slots):
                    assert flagged == [] and len(tables) == 1, f"{name} {layout.key}"
                    continue
                assert flagged == [tables[-1].find("w:tr", NS)]  # the header row opens the page's last table
                header_text = text_of(flagged[0]).replace("\n", "")  # 一级/指标 in a narrow column
                assert ("一级指标" in header_text) if layout.kind != "basic_data" else ("经费控制情况" in header_text)
                assert len(tables) == (1 if page.slots[0].repeated or page.slots[0].row in layout.header_rows else 2)
                if len(tables) == 2:  # they print as one: same grid, only a hidden 1-pt paragraph between
                    first, second = tables
                    grid = [[g.get(w("w")) for g in t.findall("w:tblGrid/w:gridCol", NS)] for t in tables]
                    assert grid[0] == grid[1]
                    between = first.getnext()
                    assert between.tag == w("p") and between.getnext() is second
                    assert between.find("w:pPr/w:rPr/w:vanish", NS) is not None and not text_of(between)


def test_table_properties(tianyuan_docx):
    _, _, out = tianyuan_docx
    tables = list(out.body.iter(w("tbl")))
    for table in tables:
        grid = [int(g.get(w("w"))) for g in table.findall("w:tblGrid/w:gridCol", NS)]
        assert val(table, "w:tblPr/w:tblLayout", "type") == "fixed"
        assert val(table, "w:tblPr/w:tblW", "type") == "dxa"
        assert int(val(table, "w:tblPr/w:tblW", "w")) == sum(grid)
        assert val(table, "w:tblPr/w:jc") == "center"
        for tr in table.findall("w:tr", NS):
            assert tr.find("w:trPr/w:cantSplit", NS) is not None
            col = 0
            for tc in tr.findall("w:tc", NS):
                span = int(val(tc, "w:tcPr/w:gridSpan") or 1)
                assert val(tc, "w:tcPr/w:tcW", "type") == "dxa"
                assert int(val(tc, "w:tcPr/w:tcW", "w")) == sum(grid[col:col + span])
                assert val(tc, "w:tcPr/w:vAlign") == "center"
                col += span
            assert col == len(grid)
    cell_style = out.style("FormCell").find("w:pPr/w:spacing", NS)
    # lines exactly the plan's pitch (1.25 × 10.5 pt), so Word's rows are as tall as planned
    assert (cell_style.get(w("before")), cell_style.get(w("after")), cell_style.get(w("line")),
            cell_style.get(w("lineRule"))) == ("0", "0", "262", "exact")


def test_cell_alignment_and_bold_headers(tianyuan_docx):
    layout, children = overall_section(tianyuan_docx)
    cells = logical_cells(tables_of(children))
    amount = next(c for c in cells if c[0] == "1832.63")
    assert val(amount[5], "w:p/w:pPr/w:jc") == "right"
    header = next(c for c in cells if c[0] == "一级指标")
    assert val(header[5], "w:p/w:pPr/w:pStyle") == "FormHeader"
    assert header[5].find("w:p/w:r/w:rPr/w:b", NS) is not None
    label = next(c for c in cells if c[0] == "其中：一般公共预算：")
    assert val(label[5], "w:p/w:pPr/w:jc") == "left"


def test_text_outside_the_table_is_paragraphs(tianyuan_docx):
    layout, children = overall_section(tianyuan_docx)
    paragraphs = [child for child in children if child.tag == w("p")]
    title = next(p for p in paragraphs if text_of(p) == "部门（单位）整体支出绩效自评表")
    assert val(title, "w:pPr/w:pStyle") == "FormTitle" and val(title, "w:pPr/w:jc") == "center"
    unit_line = next(p for p in paragraphs if "填报单位：（盖章）" in text_of(p))
    assert text_of(unit_line) == "填报单位：（盖章）\t（2024年度）"
    assert unit_line.find(".//w:r/w:tab", NS) is not None and unit_line.find("w:pPr/w:tabs/w:tab", NS) is not None
    signature = next(p for p in paragraphs if "填报人：" in text_of(p))
    assert all(part in text_of(signature) for part in ("联系电话：", "填报日期：", "单位负责人签字："))
    assert len(signature.findall("w:pPr/w:tabs/w:tab", NS)) == 3
    assert int(val(signature, "w:pPr/w:spacing", "before")) == twips(SIGNATURE_SPACE_MM)
    assert children.index(title) < children.index(tables_of(children)[0]) < children.index(signature)
    for table in tables_of(children):
        assert "填报人" not in text_of(table) and "自评表" not in text_of(table)


def test_titles_fit_one_line_and_a_longer_one_is_broken_evenly(tianyuan_docx):
    _, _, out = tianyuan_docx
    children, _ = out.sections()[0]
    title = next(p for p in children if val(p, "w:pPr/w:pStyle") == "FormTitle")
    assert [t.text for t in title.iter(w("t"))] == ["2024年度部门（单位）整体支出绩效评价基础数据表"]
    from exporters.docx_text import title_lines
    broken = title_lines("2024年度部门（单位）整体支出绩效评价基础数据表", 120.0)
    assert broken == "2024年度部门（单位）\n整体支出绩效评价基础数据表"


def test_wide_number_widens_its_column_or_shrinks(tmp_path):
    from decimal import Decimal

    from exporters.docx import body_xml
    from model import storage
    from tests.conftest import example_path
    doc = storage.load(example_path("lukou-2023"))
    doc.overall.indicators[0].points = Decimal("1234.5678")  # far wider than the 分值 column was drawn
    out = Exported(write_docx(doc, tmp_path / "wide.docx"))
    runs = [r for r in out.body.iter(w("r")) if text_of(r) == "1234.5678"]
    assert runs and all(r.find("w:rPr/w:sz", NS) is None for r in runs)  # the column was fitted to it
    layout = build_layouts(doc)[0]
    widths = list(layout.column_widths_mm)
    widths[8] += widths[6] - 10.0
    widths[6] = 10.0  # a column squeezed below its figures (columns wider than the page)
    layout.column_widths_mm = tuple(widths)
    body = etree.fromstring(f'<w:body xmlns:w="{W_NS}" xmlns:r="r">{body_xml([layout])}</w:body>')
    runs = [r for r in body.iter(w("r")) if text_of(r) == "1234.5678"]
    assert runs and all(16 <= int(val(r, "w:rPr/w:sz")) < 21 for r in runs)  # shrunk, never wrapped
    normal = [r for r in body.iter(w("r")) if text_of(r) == "1216.62"]
    assert normal and all(r.find("w:rPr/w:sz", NS) is None for r in normal)  # a number that fits keeps 五号


def test_core_properties_name_unit_and_year_only(tianyuan_docx):
    doc, _, out = tianyuan_docx
    assert f"<dc:title>{doc.unit.name}2024年度绩效自评</dc:title>" in out.core
    assert "<dc:creator>绩效自评填报</dc:creator>" in out.core
    assert "<cp:lastModifiedBy>绩效自评填报</cp:lastModifiedBy>" in out.core
    assert "python-docx" not in out.core and "Microsoft" not in out.app
    assert "thumbnail" not in out.package_rels and "docProps/thumbnail.jpeg" not in out.names


def test_missing_folder_is_a_chinese_error_and_writes_nothing(tianyuan, tmp_path):
    target = tmp_path / "missing" / "out.docx"
    with pytest.raises(ExportError) as error:
        write_docx(tianyuan, target)
    assert "不存在" in str(error.value)
    assert not target.exists() and not (tmp_path / "missing").exists()
    assert list(tmp_path.iterdir()) == []


def test_written_atomically_and_returns_the_path(tianyuan, tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    assert write_docx(tianyuan, str(target)) == target
    assert zipfile.is_zipfile(target) and [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_a_merge_across_the_split_is_refused():
    cells = [Cell(0, 0, "A", Role.LABEL, rowspan=2), Cell(0, 1, "B", Role.HEADER), Cell(1, 1, "C", Role.HEADER)]
    layout = Layout("x", "overall", "t", "s", True, (10.0, 10.0), cells, 2, range(0, 2), range(1, 2))
    with pytest.raises(ValueError, match="spans the table split"):
        split_row(layout)
    ok = Layout("x", "overall", "t", "s", True, (10.0, 10.0), cells[1:], 2, range(0, 2), range(1, 2))
    assert split_row(ok) == 1


def test_separator_paragraph_is_hidden_and_one_point():
    separator = etree.fromstring(f'<w:body xmlns:w="{W_NS}">{SEPARATOR}</w:body>')[0]
    assert separator.find("w:pPr/w:rPr/w:vanish", NS) is not None
    assert val(separator, "w:pPr/w:spacing", "lineRule") == "exact"


def normalised(document_bytes: bytes) -> bytes:
    root = etree.fromstring(document_bytes)
    for element in root.iter():
        for attr in [a for a in element.attrib if "rsid" in a]:  # revision ids are not content
            del element.attrib[attr]
    return etree.tostring(root, pretty_print=True, encoding="utf-8", xml_declaration=True)


def test_golden_document_xml(tianyuan_docx):
    _, _, out = tianyuan_docx
    produced = normalised(out.document_bytes)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(produced)
    assert GOLDEN.exists(), "golden file missing: run with UPDATE_GOLDEN=1 (see the module docstring)"
    assert produced == normalised(GOLDEN.read_bytes()), "word/document.xml changed: see the module docstring"


def test_page_numbers_in_the_footer_of_every_section(tianyuan_docx):
    _, layouts, out = tianyuan_docx
    with zipfile.ZipFile(out.path) as package:
        rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels if r.get("Type").endswith("/footer")}
        assert len(targets) == 1
        footer = etree.fromstring(package.read("word/" + next(iter(targets.values()))))
    r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    for _, sect in out.sections():
        reference = sect.find("w:footerReference", NS)
        assert reference is not None and reference.get(f"{{{r_ns}}}id") in targets
        assert reference.get(w("type")) == "default"
    codes = [t.text.strip() for t in footer.iter(w("instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    assert text_of(footer).replace("1", "N", 1).replace("1", "M", 1) == "第 N 页 共 M 页"
    assert [c.get(w("fldCharType")) for c in footer.iter(w("fldChar"))] == ["begin", "separate", "end"] * 2


def test_font_table_fallbacks_no_styles_with_effects_and_word_2013_mode(tianyuan_docx):
    _, _, out = tianyuan_docx
    with zipfile.ZipFile(out.path) as package:
        names = set(package.namelist())
        fonts = etree.fromstring(package.read("word/fontTable.xml"))
        settings = etree.fromstring(package.read("word/settings.xml"))
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
        types = package.read("[Content_Types].xml").decode("utf-8")
    table = {f.get(w("name")): f for f in fonts.findall("w:font", NS)}
    ours = [out.style(s) for s in ("Normal", "FormTitle", "FormSubtitle", "FormCell", "FormHeader", "FormNote",
                                   "FormSignature")] + [out.styles.find("w:docDefaults", NS), out.document]
    used = {e.get(w(attr)) for part in ours for e in part.iter(w("rFonts")) for attr in ("ascii", "eastAsia")}
    assert used - {None} <= set(table)  # every font the forms name is in the table
    assert val(table["方正小标宋简体"], "w:altName") == "宋体"  # a PC without it shows 宋体, not any face
    assert val(table["仿宋"], "w:altName") == "FangSong" and val(table["仿宋"], "w:charset") == "86"
    assert "stylesWithEffects" not in rels and "stylesWithEffects" not in types
    assert "word/stylesWithEffects.xml" not in names
    mode = [s for s in settings.iter(w("compatSetting")) if s.get(w("name")) == "compatibilityMode"]
    assert [s.get(w("val")) for s in mode] == ["15"]
