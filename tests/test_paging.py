"""The pagination plan every format prints by (model/layout/paging.py), on every example and on hostile
documents: the rules of issue 9, checked on the plan itself."""
import pytest

from exporters.style import page_for, plan_form
from model.layout import Role, build_layout, build_layouts
from model.layout.heights import cell_need_mm, row_heights
from model.layout.paging import CARRY, header_section, heading_rows, plan_pages
from tests.conftest import EXAMPLE_NAMES


def all_forms(doc):
    return [(layout, plan_form(layout)) for layout in build_layouts(doc)]


def indicator_slots(layout, page):
    return [s for s in page.slots if not s.repeated and layout.indicator_row_id(s.row)]


def check_plan(layout, pages):
    """The rules of the plan, as a reader of the printed pages would check them."""
    body = page_for(layout).body_height_mm
    table = layout.table_rows
    headings = heading_rows(layout)
    section = header_section(layout)
    printed = [s.row for page in pages for s in page.slots if not s.repeated and (s.lines is None or not s.lines[0])]
    assert printed == list(range(layout.n_rows)), "every grid row printed once, in order"
    assert pages[0].slots[0].row == 0 and pages[-1].slots[-1].row == layout.n_rows - 1
    n_indicators = len({layout.indicator_row_id(r) for r in table} - {None})
    for page in pages:
        assert page.height <= body + 1e-6, (layout.key, page.index)  # fits its paper
        own = [s for s in page.slots if not s.repeated]
        if not page.last:
            # a page never ends under a row of headings (一级指标…, 年初预算数…, 预期目标) or the title rows
            assert own[-1].row not in headings, (layout.key, page.index)
        if page.index:
            first = own[0].row
            repeated = [s.row for s in page.slots if s.repeated]
            assert repeated == (list(layout.header_rows) if first in section else []), (layout.key, page.index)
        ends = [s.row for s in page.slots if s.lines is None or s.lines[1] is None]  # rows that end here
        if table.stop - 1 in ends:  # the 总分 row (the table's last) with the notes and the signature …
            assert page.last and page.slots[-1].row == layout.n_rows - 1
            if layout.kind in ("overall", "project"):  # … and at least two indicator rows
                assert len(indicator_slots(layout, page)) >= min(CARRY, n_indicators), (layout.key, page.index)
        for cell, first, last in page.parts():  # a label cut by a break: printed whole in each part
            if cell.rowspan > 1 and cell.text and cell.row in table:
                need = cell_need_mm(layout, cell, TIGHT_PAD)
                part = page.slots[first:last + 1]
                if cell.row in layout.header_rows:  # 绩效指标 is set below the header row in Word/Excel
                    part = [s for s in part if s.row not in layout.header_rows]
                assert sum(s.height for s in part) >= need - 1e-6, (layout.key, page.index, cell.text)


TIGHT_PAD = 0.3


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_is_planned_by_the_rules(load_example, name):
    for layout, pages in all_forms(load_example(name)):
        check_plan(layout, pages)


def test_labels_cut_by_a_break_are_repeated_on_the_next_page(load_example):
    layout = build_layout(load_example("yuelu-2021"), "overall")
    pages = plan_form(layout)
    assert len(pages) == 3
    level1 = {cell.text: cell for cell in layout.cells if cell.col == 1 and cell.rowspan > 1}
    on = [{cell.text for cell, _, _ in page.parts() if cell.text in level1} for page in pages]
    assert "效益指标" in on[1] and "效益指标" in on[2]  # 效益指标 runs over the break: on both pages
    vertical = next(c for c in layout.cells if c.role is Role.VERTICAL)
    assert all(any(cell is vertical for cell, _, _ in page.parts()) for page in pages[1:])


def test_the_total_row_takes_two_indicator_rows_with_it(tianyuan):
    layout = build_layout(tianyuan, "overall")
    pages = plan_form(layout)
    assert len(pages) == 2  # tianyuan-2024's 整体表: the 总分 row and the signatures never alone
    last = pages[-1]
    assert [s.row for s in last.slots][:1] == list(layout.header_rows)
    assert len(indicator_slots(layout, last)) == 2


@pytest.mark.parametrize("rows", [1, 2, 3, 25, 60])
def test_long_and_short_project_forms(rows):
    from benchmarks.large_document import build
    layout = build_layouts(build(projects=1, rows=rows))[-1]
    pages = plan_form(layout)
    check_plan(layout, pages)
    assert len(pages) >= (3 if rows == 60 else 1)


def test_a_row_taller_than_a_page_is_split_between_its_lines(tianyuan):
    tianyuan.overall.goals.actual = ("鑫" * 20 + "，") * 90 + "全文结束。"
    layout = build_layout(tianyuan, "overall")
    pages = plan_form(layout)
    goals = layout.bound("overall.goals.actual").row
    pieces = [s for page in pages for s in page.slots if s.row == goals]
    assert len(pieces) >= 2 and pieces[0].lines[0] == 0 and pieces[-1].lines[1] is None
    for a, b in zip(pieces, pieces[1:]):
        assert a.lines[1] == b.lines[0]  # no line lost or printed twice
    check_plan(layout, pages)  # its headings (预期目标 / 实际完成情况) go with its first lines
    first = next(page for page in pages if any(s.row == goals for s in page.slots))
    assert first.index == 0  # it starts on the first page, under the funding block: no page left empty


def test_a_form_just_too_long_is_planned_with_tighter_rows(tianyuan):
    layout = build_layout(tianyuan, "projects[p2]")
    body = page_for(layout).body_height_mm
    assert sum(row_heights(layout).full()) > body  # with the usual padding it would take two pages
    assert len(plan_pages(layout, body)) == 1
