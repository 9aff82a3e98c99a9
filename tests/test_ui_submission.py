"""The window's 提交前检查 and provisional 总分, offscreen: status bar, grid, findings page, F8."""
from decimal import Decimal

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import Qt  # noqa: E402

from tests.test_ui import window_on  # noqa: E402

D = Decimal


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    yield from window_on(qtbot, tmp_path, monkeypatch, "tianyuan-2024")


@pytest.fixture
def yueyanglou(qtbot, tmp_path, monkeypatch):
    yield from window_on(qtbot, tmp_path, monkeypatch, "yueyanglou-2023")


def total_cell(page, key):
    cell = page.model.layout.bound(f"{key}.total.score")
    return cell, page.model.index(cell.row, cell.col)


def test_a_provisional_total_is_never_shown_clean(yueyanglou):
    from ui.form_model import SeverityRole
    yueyanglou.show_page("overall")
    assert "总分 93.00（待核）　等次 优（待核）" in yueyanglou.score_label.text()
    assert "效益指标各行分值合计 24 分" in yueyanglou.score_label.toolTip()
    page = yueyanglou.pages["overall"]
    cell, index = total_cell(page, "overall")
    assert page.model.data(index, Qt.ItemDataRole.DisplayRole) == "93.00\n（待核）"
    assert cell.text == "93.00"  # the layout the exporters print keeps the figure as computed
    assert page.model.data(index, SeverityRole) == "error"
    tip = page.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "总分与等次待核" in tip and "分值合计 94 分" in tip
    assert "总分：93.00（待核）　等次：优（待核）" in page.panel.scores.text()
    findings = yueyanglou.findings_view()
    assert "尚有 3 处需处理" in findings.summary.text() and "总分 93.00（待核）" in findings.summary.text()
    assert "尚有 3 处需处理" in yueyanglou.count_label.text()


def test_fixing_the_structure_clears_the_mark(yueyanglou):
    session = yueyanglou.session
    yueyanglou.show_page("overall")
    page = yueyanglou.pages["overall"]
    row = next(r for r in session.doc.overall.indicators if r.not_applicable)  # 生态效益: give it the 6 points
    session.set_text(f"overall.indicators[{row.id}].points", "6")
    _, index = total_cell(page, "overall")
    assert page.model.data(index, Qt.ItemDataRole.DisplayRole) == "93.00"
    assert "（待核）" not in yueyanglou.score_label.text()


def test_clean_document_can_be_submitted(window):
    assert "可以提交" in window.count_label.text()
    window.show_page("findings")
    assert "可以提交" in window.pages["findings"].summary.text()


def test_an_emptied_cell_is_listed_under_its_heading_and_f8_jumps_to_it(window, qtbot):
    session = window.session
    row = session.doc.overall.indicators[1]
    assert session.set_text(f"overall.indicators[{row.id}].actual", "")
    assert "尚有 1 处需处理" in window.count_label.text()
    findings = window.findings_view()
    findings.model.refresh()
    first = findings.finding_at(0)
    assert first.code == "indicator.actual_empty"
    assert findings.proxy.data(findings.proxy.index(0, 0)) == "提交前检查"
    findings.filter.setCurrentIndex(findings.filter.findText("只看提交前检查"))
    assert findings.proxy.rowCount() == 1
    window.show_page("projects[p2]")
    window.actions_["next_finding"].trigger()  # F8
    assert window.nav.current_key() == "overall"
    page = window.pages["overall"]
    assert page.model.cell(page.view.currentIndex()).binding == f"overall.indicators[{row.id}].actual"
    assert "第 1/1 处需处理" in window.statusBar().currentMessage()


def test_f8_steps_through_the_errors_and_skips_none_when_one_is_fixed(window):
    session = window.session
    rows = session.doc.overall.indicators
    for row in rows[:3]:
        session.set_text(f"overall.indicators[{row.id}].actual", "")
    paths = [f"overall.indicators[{row.id}].actual" for row in rows[:3]]
    assert [f.path for f in session.evaluation.to_fix()] == paths
    window.next_finding(1)
    assert window._last_jump[0].path == paths[0]
    session.set_text(paths[0], "10宗")  # fixed where it was found
    window.next_finding(1)
    assert window._last_jump[0].path == paths[1]  # not paths[2]
    window.next_finding(-1)
    assert window._last_jump[0].path == paths[2]  # wraps round backwards (Shift+F8)
    button = window.findings_view().next_button
    button.click()
    assert window._last_jump[0].path == paths[1]


def test_f8_walks_the_warnings_once_nothing_needs_fixing(window):
    window.next_finding(1)
    assert not window._last_jump[0].is_error
    assert "已可以提交" in window.statusBar().currentMessage()

