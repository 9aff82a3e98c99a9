"""The 怀化 form in the window: 新建 with the form set, typing, 汇总 updating, rows, undo, navigation."""
import shutil
from decimal import Decimal

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.conftest import example_path  # noqa: E402
from tests.test_ui import window_on, cell_text, page_of, plain, type_into  # noqa: E402

D = Decimal
KEY = "comprehensive"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    yield from window_on(qtbot, tmp_path, monkeypatch, "jingzhou-2023")


def enter(page, binding, text):
    """Commit ``text`` to a cell as its editor does (QTest cannot type Chinese characters)."""
    cell = page.model.layout.bound(binding)
    return page.model.setData(page.model.index(cell.row, cell.col), text)


def test_opens_on_the_form_with_its_sections_in_the_navigation(window):
    assert window.nav.current_key() == KEY
    labels = [window.nav.list.item(i).text() for i in range(window.nav.list.count())]
    assert labels[:2] == ["单位信息", "部门（单位）整体支出绩效自评表"]
    assert [label.strip() for label in labels[2:7]] == ["一、基本概况", "二、收支情况", "三、整体支出绩效自评情况",
                                                       "四、评价人员", "五、评价报告综述"]
    assert "综合得分 94　等次 优" in window.score_label.text()
    window.nav.list.setCurrentRow(6)  # 五、评价报告综述
    page = window.pages[KEY]
    assert page.current_binding() == f"{KEY}.report_summary"
    assert window.nav.current_key() == KEY


def test_an_added_organisation_row_feeds_the_summary_row(window, qtbot):
    page = page_of(window, KEY)
    doc = window.session.doc
    last = doc.comprehensive.organisations[-1]
    assert page.select_path(f"{KEY}.organisations[{last.id}].income.total")
    rows_before = page.model.rowCount()
    assert page.run("insert_below")
    assert page.model.rowCount() == rows_before + 4  # one more row in each of the four tables
    new = doc.comprehensive.organisations[-1]
    assert new.name == "二级机构3" and page.current_row() == ("organisations", new.id)
    assert page.model.layout.bound(f"{KEY}.organisations[{new.id}].name").text == "4、二级机构3"
    type_into(qtbot, page, f"{KEY}.organisations[{new.id}].expense.total", "100")
    qtbot.waitUntil(lambda: cell_text(page, f"{KEY}.summary.expense.total") == "6788.63")
    type_into(qtbot, page, f"{KEY}.organisations[{new.id}].expense.project", "100")
    qtbot.waitUntil(lambda: cell_text(page, f"{KEY}.summary.expense.project") == "6412.09")
    assert window.session.evaluation.findings == []  # 100 = 100: the new row adds up
    assert enter(page, f"{KEY}.organisations[{new.id}].name", "征收一所")
    assert page.model.layout.bound(f"{KEY}.organisations[{new.id}].name").text == "4、征收一所"
    for _ in range(4):  # name, 项目支出, 支出合计, the row itself
        window.undo()
    assert len(doc.comprehensive.organisations) == 3
    assert cell_text(page, f"{KEY}.summary.expense.total") == "6688.63"


def test_a_wrong_figure_is_marked_and_explained(window, qtbot):
    page = page_of(window, KEY)
    office = window.session.doc.comprehensive.organisations[0]
    type_into(qtbot, page, f"{KEY}.organisations[{office.id}].expense.project", "6312.19")
    qtbot.waitUntil(lambda: window.session.evaluation.counts() == (1, 0))
    [finding] = window.session.evaluation.findings
    assert "支出合计 6688.63 万元" in finding.message
    cell = page.model.layout.bound(finding.path)
    from ui.form_model import SeverityRole
    assert page.model.index(cell.row, cell.col).data(SeverityRole) == "error"
    assert "#c5221f" in window.count_label.styleSheet()  # the status bar turns red


def test_indicator_and_evaluator_rows_by_keyboard(window, qtbot):
    page = page_of(window, KEY)
    form = window.session.doc.comprehensive
    quality = next(r for r in form.indicators if r.level2 == "质量指标")
    assert page.select_path(f"{KEY}.indicators[{quality.id}].name")
    qtbot.keyClick(page.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(form.indicators) == 18 and form.indicators[4].level2 == "质量指标"
    qtbot.keyClick(page.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # within 质量指标: allowed
    assert form.indicators[3].name == "" and form.indicators[4] is quality
    qtbot.keyClick(page.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # would leave 质量指标
    assert "只能在同一个二级指标内移动" in page.banner.label.text()
    qtbot.keyClick(page.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert len(form.indicators) == 17
    assert page.run("add_evaluator") and len(form.evaluators) == 5
    assert page.current_row() == ("evaluators", form.evaluators[-1].id)
    assert enter(page, f"{KEY}.evaluators[{form.evaluators[-1].id}].name", "张三")
    assert form.evaluators[-1].name == "张三"
    assert not page.run("adopt") and "没有分值和得分" in page.banner.label.text()
    assert "按评价等次档应为：优" in plain(page.panel.result.text())


def test_the_model_passes_the_model_tester(window, qtmodeltester):
    page = page_of(window, KEY)
    qtmodeltester.check(page.model)
    page.select_path(f"{KEY}.organisations[{window.session.doc.comprehensive.organisations[0].id}].name")
    page.run("insert_below")
    qtmodeltester.check(page.model)


def test_new_offers_the_form_sets(qtbot):
    from ui.dialogs import NewDocumentDialog
    dialog = NewDocumentDialog(None, "靖州某单位")
    qtbot.addWidget(dialog)
    standard = dialog.document()
    assert standard.basic is not None and standard.overall is not None and standard.comprehensive is None
    dialog.form_set.button(1).setChecked(True)  # 怀化综合表
    assert not dialog.with_basic.isEnabled()
    dialog.with_project.setChecked(True)
    doc = dialog.document()
    assert doc.comprehensive is not None and doc.overall is None and doc.basic is None
    assert len(doc.projects) == 1 and doc.projects[0].framework_id in doc.frameworks
    assert [o.name for o in doc.comprehensive.organisations] == ["局机关", "二级机构1", "二级机构2"]
    form, project = doc.comprehensive, doc.projects[0]
    ids = [r.id for r in form.organisations + form.indicators] + [project.id] + [r.id for r in project.indicators]
    assert len(ids) == len(set(ids)) == len(doc.all_ids())  # unique in the whole file


def test_a_new_huaihua_set_is_filled_in_the_window(window, qtbot, monkeypatch):
    from ui.dialogs import NewDocumentDialog
    from ui.session import Session
    dialog = NewDocumentDialog(None, "测试单位")
    qtbot.addWidget(dialog)
    dialog.form_set.button(1).setChecked(True)
    window.set_session(Session(dialog.document()))
    page = page_of(window, KEY)
    assert window.nav.current_key() == KEY
    type_into(qtbot, page, f"{KEY}.score", "88")
    assert enter(page, f"{KEY}.grade", "优")
    qtbot.waitUntil(lambda: any(f.code == "comprehensive.grade_mismatch" for f in window.session.evaluation.findings))
    assert enter(page, f"{KEY}.grade", "良")
    codes = {f.code for f in window.session.evaluation.findings}
    assert "comprehensive.grade_mismatch" not in codes and codes == {"complete.required_empty"}  # still blank
    office = window.session.doc.comprehensive.organisations[0]
    type_into(qtbot, page, f"{KEY}.organisations[{office.id}].income.total", "12a")
    qtbot.waitUntil(lambda: page.banner.isVisible())
    assert "收入合计" in page.banner.label.text() and office.income.total is None


def test_the_unit_page_adds_and_removes_the_form(window):
    unit = page_of(window, "unit")
    assert unit.with_comprehensive.isChecked()
    unit.with_comprehensive.click()
    assert window.session.doc.comprehensive is None and KEY not in window.pages
    assert KEY not in [window.nav.list.item(i).data(Qt.ItemDataRole.UserRole + 1)
                       for i in range(window.nav.list.count())]
    window.undo()
    assert window.session.doc.comprehensive is not None
    assert QApplication.instance() is not None


def test_seed_002s_total_rows_are_edited_in_place(window, qtbot, tmp_path):
    path = tmp_path / "yuelu.jxzp"
    shutil.copy(example_path("yuelu-2021"), path)
    assert window.files.open_path(path)
    page = page_of(window, "overall")
    assert [c.text for c in page.model.layout.cells_in_row(page.model.layout.bound("overall.funding.executed").row)][
        0] == "合计"
    type_into(qtbot, page, "overall.funding.executed", "423.35")
    qtbot.waitUntil(lambda: window.session.doc.overall.funding.executed == D("423.35"))
    assert any(f.code == "funding.expense_mismatch" for f in window.session.evaluation.findings)  # 293.56 + 129.69
    unit = page_of(window, "unit")
    toggle = next(f for p, f in unit.fields.items() if p == "labels.funding_as_totals")
    toggle.widget.click()  # the usual 年度预算申请 block instead
    assert not window.session.doc.labels.funding_as_totals
    page = page_of(window, "overall")  # refreshed when shown again
    assert page.model.layout.bound("overall.funding.rate").text == "—"
    assert "合计" not in [c.text for c in page.model.layout.cells]


def test_a_figure_wider_than_its_cell_is_drawn_smaller_not_clipped(qapp):
    """6688.63 in the narrow 公共财政拨款 column read as “5688.63” when its first digit was cut off."""
    from PySide6.QtGui import QImage, QPainter
    from ui.delegates import _fit_figure
    image = QImage(200, 40, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    size = painter.font().pointSizeF()
    width = painter.fontMetrics().horizontalAdvance("6688.63")
    _fit_figure(painter, "6688.63", width + 5)
    assert painter.font().pointSizeF() == size  # it fits: as it is
    _fit_figure(painter, "6688.63", width * 3 // 4)
    assert painter.font().pointSizeF() < size
    assert painter.fontMetrics().horizontalAdvance("6688.63") <= width * 3 // 4 + 2
    painter.end()
