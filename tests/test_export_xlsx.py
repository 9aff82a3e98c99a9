"""The Excel writer, read back with openpyxl and as raw sheet XML."""
import copy
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from exporters.common import ExportError
from exporters.xlsx import write_xlsx
from exporters.style import plan_form
from exporters.xlsx_pages import MAX_ROW_PT, PRINT_SCALE, STRETCH, sheet_plan
from exporters.xlsx_sizes import column_width_units, sheet_titles
from model.evaluation import evaluate
from model.layout import Role, build_layout, build_layouts
from model.layout.heights import printed_text
from model.layout.typeset import PT_PER_MM
from tests.conftest import EXAMPLE_NAMES

FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@pytest.fixture
def tianyuan_book(tianyuan, tmp_path):
    path = write_xlsx(tianyuan, tmp_path / "tianyuan.xlsx")
    return openpyxl.load_workbook(path), path


def find(ws, text):
    """The one cell whose value is ``text`` (a label's line breaks left out)."""
    hits = [c for row in ws.iter_rows() for c in row
            if c.value == text or (isinstance(c.value, str) and isinstance(text, str)
                and c.value.replace("\n", "") == text.replace("\n", ""))]
    assert len(hits) == 1, f"{text!r} found {len(hits)} times"
    return hits[0]


def merged_range(ws, cell):
    return next(r for r in ws.merged_cells.ranges if (r.min_row, r.min_col) == (cell.row, cell.column))


def sheet_xml(path, index):
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{index + 1}.xml").decode("utf-8")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_exports_one_sheet_per_form(load_example, tmp_path, name):
    doc = load_example(name)
    path = write_xlsx(doc, tmp_path / f"{name}.xlsx")
    assert path == tmp_path / f"{name}.xlsx" and not list(tmp_path.glob("*.tmp"))
    layouts = build_layouts(doc)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [layout.sheet_name for layout in layouts]  # the examples' names are valid as is
    for ws, layout in zip(book.worksheets, layouts):
        check_merges(ws, layout)


def check_merges(ws, layout):
    merged = {str(r) for r in ws.merged_cells.ranges}
    plan = sheet_plan(layout, plan_form(layout))
    expected = set()
    for piece in plan.pieces:  # spans, cut where a planned page breaks (and beside the header row)
        cell = piece.cell
        assert not any(piece.first < s <= piece.last for s in plan.starts)
        if piece.last > piece.first or cell.colspan > 1:
            expected.add(f"{get_column_letter(cell.col + 1)}{piece.first + 1}:"
                         f"{get_column_letter(cell.last_col + 1)}{piece.last + 1}")
        if piece.text and piece.lines is None:  # each part has its label
            label = ws.cell(piece.first + 1, cell.col + 1).value
            assert (label is not None) == bool(cell.text), (layout.key, cell.text)
    assert merged == expected
    for rng in ws.merged_cells.ranges:  # a value only in the top-left cell of a merge
        cells = [c for row in ws.iter_rows(min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col,
                                           max_col=rng.max_col) for c in row]
        assert all(c.value is None for c in cells[1:])


def test_workbook_properties_and_normal_font(tianyuan_book):
    book, _ = tianyuan_book
    assert book.properties.title == "株洲市天元区征地工作协调服务中心 2024年度预算绩效自评"
    normal = next(style for style in book._named_styles if style.name == "Normal")
    assert (normal.font.name, normal.font.sz) == ("Arial", 11)  # the unit of column widths


def test_merged_ranges_of_the_overall_form(tianyuan, tianyuan_book):
    book, _ = tianyuan_book
    ws = book["附件2 整体自评表"]
    budget = merged_range(ws, find(ws, "年度预算申请（万元）"))
    assert (budget.min_col, budget.max_col, budget.size["rows"]) == (1, 1, 7)
    parts = [merged_range(ws, c) for row in ws.iter_rows() for c in row if c.value == "绩效指标"]
    header = find(ws, "一级指标").row
    assert parts[0].min_row == header + 1  # beside the header row, not through it (it is repeated alone)
    assert sum(p.size["rows"] for p in parts) == len(tianyuan.overall.indicators)
    assert [b.id + 1 for b in ws.row_breaks.brk] == [p.min_row for p in parts[1:]]  # cut where pages break
    output = merged_range(ws, find(ws, "产出指标\n(40分)"))
    assert (output.min_col, output.size["rows"]) == (2, 4)
    assert merged_range(ws, find(ws, "总分")).size["columns"] == 6
    title = merged_range(ws, find(ws, "部门（单位）整体支出绩效自评表"))
    assert (title.min_col, title.max_col) == (1, 9)


def side_style(cell, side):
    line = getattr(cell.border, side)
    return line.style if line is not None else None


def test_borders_cover_the_table_only(tianyuan_book, tianyuan):
    book, _ = tianyuan_book
    ws = book["附件2 整体自评表"]
    layout = build_layout(tianyuan, "overall")
    budget = merged_range(ws, find(ws, "年度预算申请（万元）"))
    inside = ws.cell(budget.max_row, 1)  # bottom cell of the merge, not its anchor
    assert inside.coordinate != f"A{budget.min_row}"
    assert side_style(inside, "left") == side_style(inside, "bottom") == "thin"
    middle = ws.cell(budget.min_row + 3, 1)
    assert side_style(middle, "left") == side_style(middle, "right") == "thin"
    other = find(ws, "其他资金：")  # blank under 按支出性质分: merged like the rows above, still ruled
    blank = merged_range(ws, ws.cell(other.row, 6))
    assert (blank.min_col, blank.max_col) == (6, 7)
    assert all(side_style(ws.cell(other.row, 7), side) == "thin" for side in ("right", "top", "bottom"))
    project = book["附件3-1 拆违治违经费"]
    carried = find(project, "上年结转金额")  # its 分值/执行率/得分 positions hold no cell at all
    assert build_layout(tianyuan, "projects[p1]").at(carried.row - 1, 6) is None
    uncovered = project.cell(carried.row, 7)
    assert uncovered.value is None
    assert all(side_style(uncovered, side) == "thin" for side in ("left", "right", "top", "bottom"))
    title = find(ws, "部门（单位）整体支出绩效自评表")
    for col in range(1, 10):
        for row in (title.row - 1, title.row, title.row + 1):  # 附件2, title, 填报单位
            assert all(side_style(ws.cell(row, col), side) is None for side in ("left", "right", "top", "bottom"))
    signature = find(ws, "单位负责人签字：")
    assert side_style(signature, "top") is None and side_style(signature, "left") is None


def test_fonts_by_role(tianyuan_book):
    book, _ = tianyuan_book
    ws = book["附件2 整体自评表"]
    title = find(ws, "部门（单位）整体支出绩效自评表").font
    assert (title.name, title.sz, bool(title.b), title.charset) == ("方正小标宋简体", 18, False, 134)
    header = find(ws, "年初预算数").font
    assert (header.name, header.sz, bool(header.b), header.charset) == ("仿宋", 10.5, True, 134)
    body = find(ws, "集体项目交地宗数").font
    assert (body.name, body.sz, bool(body.b), body.charset) == ("仿宋", 10.5, False, 134)
    signature = find(ws, "单位负责人签字：").font
    assert (signature.name, signature.sz, signature.charset) == ("仿宋", 12, 134)
    vertical = next(c for row in ws.iter_rows() for c in row if c.value == "绩效指标")
    assert vertical.alignment.textRotation == 255 and vertical.font.b
    label = find(ws, "年度预算申请（万元）").alignment
    assert (label.horizontal, label.vertical, label.wrap_text) == ("center", "center", True)
    assert find(ws, "其中：一般公共预算：").alignment.horizontal == "left"


def test_numbers_and_formats(tianyuan, tmp_path):
    tianyuan.overall.indicators[0].score = Decimal("9.5")
    path = write_xlsx(tianyuan, tmp_path / "numbers.xlsx")
    ws = openpyxl.load_workbook(path)["附件2 整体自评表"]
    executed = find(ws, 1820.23)
    assert executed.data_type == "n" and executed.number_format == "0.00"
    rate = ws.cell(executed.row, executed.column + 2)
    assert rate.value == pytest.approx(0.9932, abs=1e-12) and rate.number_format == "0.00%"
    assert ws.cell(executed.row, executed.column + 1).value == 10  # 分值, shown as typed
    assert ws.cell(executed.row, executed.column + 1).number_format == "General"
    score = ws.cell(executed.row, executed.column + 3)
    assert score.value == pytest.approx(9.93) and score.number_format == "0.00"
    typed = find(ws, 9.5)  # a typed 得分 keeps its one decimal
    assert typed.number_format == "General"
    total = find(ws, "总分")
    assert ws.cell(total.row, 8).number_format == "0.00"
    xml = sheet_xml(path, 1)
    assert "<v>1820.23</v>" in xml and "<v>0.9932</v>" in xml and "<v>9.5</v>" in xml
    budget = find(ws, "政府性基金拨款：")
    assert ws.cell(budget.row, 5).value == 0 and ws.cell(budget.row, 5).number_format == "0.00"


def test_empty_values_stay_empty_and_undefined_rates_show_a_dash(tianyuan, tmp_path):
    tianyuan.overall.funding.annual = None  # 执行率 undefined
    path = write_xlsx(tianyuan, tmp_path / "dash.xlsx")
    book = openpyxl.load_workbook(path)
    ws = book["附件2 整体自评表"]
    total = find(ws, "年度资金总额")
    assert ws.cell(total.row, 5).value is None  # 全年预算数 left empty
    assert ws.cell(total.row, 8).value == "—" and ws.cell(total.row, 8).data_type == "s"
    basic = book["附件1 基础数据表"]
    purchase = find(basic, "其中：公车购置")
    assert [basic.cell(purchase.row, c).value for c in (2, 4, 6)] == [None, None, None]
    scale = find(basic, "规模控制率")
    assert basic.cell(scale.row + 1, scale.column).value is None  # 0 ÷ 0: no rate, empty as on screen


def test_percent_and_count_in_the_basic_data_sheet(tianyuan_book):
    book, _ = tianyuan_book
    ws = book["附件1 基础数据表"]
    authorized = find(ws, "编制数")
    count = ws.cell(authorized.row + 1, authorized.column)
    assert count.value == 20 and count.number_format == "General"
    rate = ws.cell(authorized.row + 1, authorized.column + 4)
    assert rate.value == pytest.approx(1.45) and rate.number_format == "0.00%"


def test_page_setup(tianyuan_book, tianyuan):
    book, _ = tianyuan_book
    for ws, layout in zip(book.worksheets, build_layouts(tianyuan)):
        setup = ws.page_setup
        assert setup.paperSize == 9
        assert setup.orientation == ("landscape" if layout.kind in ("overall", "project") else "portrait")
        # a fixed scale, not "fit to page" (which would make Excel ignore the planned row breaks)
        assert not ws.sheet_properties.pageSetUpPr.fitToPage and setup.scale == PRINT_SCALE
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
        header = layout.header_rows.start + 1
        assert ws.print_title_rows == f"${header}:${header}"
        assert ws.print_area == f"'{ws.title}'!$A$1:${get_column_letter(layout.n_cols)}${layout.n_rows}"
        assert ws.print_options.horizontalCentered and not ws.print_options.gridLines
        assert ws.sheet_view.showGridLines is False and ws.sheet_view.zoomScale == 100
        assert ws.freeze_panes is None
        side_mm = (297 - 264) / 2 if layout.landscape else (210 - 172) / 2
        assert ws.page_margins.left == pytest.approx(side_mm / 25.4)
    overall = book["附件2 整体自评表"]
    assert overall.print_title_rows == "$14:$14"
    assert find(overall, "一级指标").row == 14


def test_sizes(tianyuan_book, tianyuan):
    book, _ = tianyuan_book
    ws = book["附件2 整体自评表"]
    layout = build_layout(tianyuan, "overall")
    for col, width_mm in enumerate(layout.column_widths_mm, start=1):
        expected = width_mm / 25.4 * 96 / 8  # pixels at 96 dpi over Arial 11's digit width
        assert ws.column_dimensions[get_column_letter(col)].width == pytest.approx(expected, abs=0.01)
    title = find(ws, "部门（单位）整体支出绩效自评表")
    assert ws.row_dimensions[title.row].height >= 18 * 1.3
    goals = find(ws, "预期目标")
    assert ws.row_dimensions[goals.row + 1].height > 2 * 17  # the long 年度总体目标 texts wrap
    budget = merged_range(ws, find(ws, "年度预算申请（万元）"))
    assert all(ws.row_dimensions[r].height >= 17 for r in range(budget.min_row, budget.max_row + 1))
    assert column_width_units(25.4) == 12.0


def test_a_cell_spanning_rows_shares_its_need(tianyuan):
    layout = build_layout(tianyuan, "overall")
    plan = sheet_plan(layout, plan_form(layout))
    assert plan.n_rows == layout.n_rows  # the header row repeats as print titles: one sheet row a grid row
    for cell in layout.cells:
        if cell.role is Role.VERTICAL:  # 绩效指标, one character a line, below the header row
            assert sum(plan.heights[cell.row + 1:cell.last_row + 1]) >= len(cell.text) * 10.5 * 1.25


def test_sheet_names_are_made_valid_and_unique(tianyuan, tmp_path):
    doc = copy.deepcopy(tianyuan)
    doc.projects[0].name = "拆违[治违]:经费*?/\\第二批专项资金使用情况明细很长很长的名称"
    doc.projects[1].name = doc.projects[2].name = "同名项目"
    path = write_xlsx(doc, tmp_path / "names.xlsx")
    names = openpyxl.load_workbook(path).sheetnames
    assert len(names) == len({n.lower() for n in names}) == len(build_layouts(doc))
    assert all(len(n) <= 31 and not FORBIDDEN.search(n) for n in names)
    assert names[2].startswith("附件3-1 拆违_治违__经费")
    assert names[3] == "附件3-2 同名项目" and names[4] == "附件3-3 同名项目"


def test_clashing_sheet_names_get_a_number():
    long = "附件3-1 " + "很长的项目名称" * 6
    titles = sheet_titles(["附件2 整体自评表", "附件2 整体自评表", long, long + "另一个", "a/b", "A/B", "",
                           "History"])
    assert titles[:2] == ["附件2 整体自评表", "附件2 整体自评表 (2)"]
    assert titles[2] == long[:31] and titles[3] == long[:27] + " (2)"
    assert titles[4:6] == ["a_b", "A_B (2)"]  # Excel compares names without case
    assert titles[6] == "表" and titles[7] != "History"
    assert all(len(t) <= 31 for t in titles)


def test_user_text_is_never_a_formula(tianyuan, tmp_path):
    row = tianyuan.overall.indicators[0]
    row.name, row.target, row.actual, row.deviation = "=1+1", "@SUM(A1)", "+5%", "-2 =A1"
    path = write_xlsx(tianyuan, tmp_path / "formula.xlsx")
    xml = sheet_xml(path, 1)
    assert "<f>" not in xml and "<f " not in xml
    with zipfile.ZipFile(path) as archive:  # the texts are shared strings, which are never formulas
        strings = archive.read("xl/sharedStrings.xml").decode("utf-8")
    assert ">=1+1</t>" in strings and ">@SUM(A1)</t>" in strings
    ws = openpyxl.load_workbook(path)["附件2 整体自评表"]
    for text in ("=1+1", "@SUM(A1)", "+5%", "-2 =A1"):
        cell = find(ws, text)
        assert cell.data_type == "s" and cell.quotePrefix  # stays text when edited in Excel, too


def test_control_characters_pasted_from_word_are_dropped(tianyuan, tmp_path):
    tianyuan.overall.goals.expected = "第一行\x0b第二行\x07"
    ws = openpyxl.load_workbook(write_xlsx(tianyuan, tmp_path / "ctrl.xlsx"))["附件2 整体自评表"]
    assert find(ws, "第一行\n第二行")


def test_missing_folder_is_an_export_error(tianyuan, tmp_path):
    target = tmp_path / "没有这个文件夹" / "out.xlsx"
    with pytest.raises(ExportError) as raised:
        write_xlsx(tianyuan, target)
    assert "不存在" in str(raised.value) and "导出" in str(raised.value)
    assert not target.parent.exists() and not list(tmp_path.rglob("*.xlsx*"))


def test_evaluation_is_optional_and_reused(tianyuan, tmp_path):
    evaluation = evaluate(tianyuan)
    first = openpyxl.load_workbook(write_xlsx(tianyuan, tmp_path / "a.xlsx", evaluation))
    second = openpyxl.load_workbook(write_xlsx(tianyuan, tmp_path / "b.xlsx"))
    assert first.sheetnames == second.sheetnames




@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_row_breaks_and_heights_follow_the_plan(load_example, tmp_path, name):
    """Excel prints the pages the PDF has: a manual break before each planned page, rows as tall as
    planned (stretched for Excel's line pitch, a slot taller than Excel's 409 pt row in several rows) and
    a scale at which every page still fits its paper. The header row is repeated as print titles where
    the plan repeats it on every later page, else written on the pages that repeat it."""
    doc = load_example(name)
    book = openpyxl.load_workbook(write_xlsx(doc, tmp_path / "plan.xlsx"))
    for ws, layout in zip(book.worksheets, build_layouts(doc)):
        check_sheet_follows_plan(ws, layout)


def check_sheet_follows_plan(ws, layout):
    from exporters.style import page_for
    pages = plan_form(layout)
    titles = bool(ws.print_title_rows)
    assert titles == (all(page.slots[0].repeated for page in pages[1:]) and layout.header_rows.start in pages[0].rows)
    row, starts = 1, []
    for page in pages:
        if page.index:
            starts.append(row - 1)  # a break after the row above the page's first one
        for slot in page.slots:
            if slot.repeated and titles:
                continue
            expected, height = slot.height * PT_PER_MM * STRETCH, 0.0
            while height < expected - 0.05:
                assert ws.row_dimensions[row].height <= MAX_ROW_PT
                height += ws.row_dimensions[row].height
                row += 1
            assert height == pytest.approx(expected, abs=0.05)
        assert page.height * STRETCH * PRINT_SCALE / 100 <= page_for(layout).body_height_mm
    assert [b.id for b in ws.row_breaks.brk] == starts
    assert all(b.man for b in ws.row_breaks.brk)
    assert ws.max_row == row - 1 and ws.print_area.endswith(f"${row - 1}")
    assert layout.width_mm * 1.03 * PRINT_SCALE / 100 <= page_for(layout).body_width_mm


def test_a_row_taller_than_a_page_inside_a_form(tianyuan, tmp_path):
    """年度总体目标 of two pages in the 整体表: its pieces on their pages, the indicator rows after it."""
    tianyuan.overall.goals.actual = ("鑫" * 20 + "，") * 90 + "全文结束。"
    layout = build_layout(tianyuan, "overall")
    ws = openpyxl.load_workbook(write_xlsx(tianyuan, tmp_path / "goals.xlsx"))["附件2 整体自评表"]
    check_sheet_follows_plan(ws, layout)
    check_merges(ws, layout)  # 年度总体目标's label merged over its rows on each page, with its text there
    goals = layout.bound("overall.goals.actual")
    pieces = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "鑫鑫鑫" in c.value]
    assert len(pieces) >= 2 and pieces[-1].endswith("全文结束。")
    assert "".join(pieces) == goals.text
    assert find(ws, "总分") and find(ws, "单位负责人签字：")


def test_a_row_taller_than_a_page_prints_its_piece_on_each_page(load_example, tmp_path):
    """jingzhou-2023's 五、评价报告综述 takes two pages: each holds its piece of the text, in full; the
    indicator header is printed on the pages the plan prints it on, not as print titles (which would
    repeat it above the narrative too, where the PDF stops repeating it)."""
    doc = load_example("jingzhou-2023")
    ws = openpyxl.load_workbook(write_xlsx(doc, tmp_path / "long.xlsx")).worksheets[0]
    layout = build_layout(doc, "comprehensive")
    summary = layout.bound("comprehensive.report_summary")
    pieces = [c.value for row in ws.iter_rows(min_col=1, max_col=1) for c in row
              if isinstance(c.value, str) and c.value[:8] in summary.text and len(c.value) > 100]
    slots = [s for page in plan_form(layout) for s in page.slots if s.row == summary.row]
    assert len(pieces) == len(slots) == 2
    assert pieces == [printed_text(layout, summary, s.lines) for s in slots]
    assert "".join("".join(p.split()) for p in pieces) == "".join(summary.text.split())  # nothing cut off
    assert not ws.print_title_rows
    headed = [page for page in plan_form(layout) if layout.header_rows.start in page.rows]
    assert len(headed) == 2 and headed[1].slots[0].repeated and headed[-1].index < len(plan_form(layout)) - 1
    assert sum(1 for row in ws.iter_rows() for c in row if str(c.value).replace("\n", "") == "一级指标") == 2


def test_characters_xml_cannot_hold_are_dropped(tianyuan, tmp_path):
    tianyuan.overall.goals.expected = "甲\ud800乙\ufffe丙\x01丁"
    ws = openpyxl.load_workbook(write_xlsx(tianyuan, tmp_path / "bad.xlsx"))["附件2 整体自评表"]
    assert find(ws, "甲乙丙丁")


def test_text_reads_back_as_written(tianyuan, tmp_path):
    """Tabs, carriage returns and line breaks in a text survive the sheet's XML (a bare CR would be read as LF)."""
    row = tianyuan.overall.indicators[0]
    row.name, row.deviation = "\r=HYPERLINK(1)", "第一行\r\n第二行\t末尾"
    ws = openpyxl.load_workbook(write_xlsx(tianyuan, tmp_path / "cr.xlsx"))["附件2 整体自评表"]
    cell = find(ws, "\r=HYPERLINK(1)")
    assert cell.value == "\r=HYPERLINK(1)" and cell.data_type == "s"
    assert find(ws, "第一行\r\n第二行\t末尾").value == "第一行\r\n第二行\t末尾"
