"""The window's wiring for the unit's own wording, optional rows and 表上数 (offscreen)."""
from decimal import Decimal

import pytest

pytest.importorskip("PySide6")

from tests.test_ui import cell_text, page_of, window  # noqa: E402,F401 - the shared window fixture

D = Decimal


def test_choosing_a_label_variant_changes_every_form_and_undoes(window, qtbot):
    unit = page_of(window, "unit")
    combo = unit.fields["labels.unit_name"].widget
    combo.setCurrentIndex(combo.findText("预算单位名称"))
    combo.activated.emit(combo.currentIndex())
    assert window.session.doc.labels.unit_name == "预算单位名称"
    overall = page_of(window, "overall")
    assert any(c.text == "预算单位名称" for c in overall.model.layout.cells)
    window.undo()
    assert window.session.doc.labels.unit_name == "区级预算部门名称"
    assert any(c.text == "区级预算部门名称" for c in page_of(window, "overall").model.layout.cells)


def test_a_typed_label_and_an_empty_one(window):
    unit = page_of(window, "unit")
    line = unit.fields["labels.score"].widget.lineEdit()
    line.setText("自评分")
    line.editingFinished.emit()
    assert window.session.doc.labels.score == "自评分"
    line.setText("")
    line.editingFinished.emit()
    assert window.session.doc.labels.score == "自评分"  # refused, with a message
    assert line.text() == "自评分" and "不能为空" in unit.banner.label.text()


def test_unit_code_and_attachment_number(window):
    unit = page_of(window, "unit")
    code = unit.editors["code"]
    code.setText("430211")
    code.editingFinished.emit()
    assert window.session.doc.unit.code == "430211"
    assert cell_text(page_of(window, "overall"), "unit.code") == "430211"  # the row appears once filled
    number = unit.fields["labels.attachment_project"].widget
    number.setText("5")
    number.editingFinished.emit()
    assert page_of(window, "projects[p1]").model.layout.cells[0].text == "附件5"


def test_duties_row_toggle_on_the_unit_page(window):
    unit = page_of(window, "unit")
    unit.with_duties.click()
    assert window.session.doc.overall.duties == ""
    assert page_of(window, "overall").model.layout.bound("overall.duties") is not None
    window.undo()
    assert window.session.doc.overall.duties is None
    assert not page_of(window, "unit").with_duties.isChecked()


def test_closing_rows_from_the_project_menu(window):
    window.show_page("projects[p2]")
    window.project_command("closing")
    page = window.pages["projects[p2]"]
    assert window.session.doc.project("p2").closing is not None
    binding = page.current_binding()
    assert binding == "projects[p2].closing.conclusion"  # the cursor waits on the new row
    window.project_command("closing")
    assert window.session.doc.project("p2").closing is None


def test_stated_figures_are_entered_beside_the_form_and_checked(window):
    page = page_of(window, "projects[p3]")  # 双碳资金: 0.92 computed
    field = page.panel.stated["stated_funding_score"]
    field.widget.setText("0")
    field.widget.editingFinished.emit()
    assert window.session.doc.project("p3").stated_funding_score == D(0)
    codes = [f.code for f in window.session.evaluation.findings if f.form == "projects[p3]"]
    assert "stated.funding_score_mismatch" in codes
    cell = page.model.layout.bound("projects[p3].funding.score")
    assert "表上资金执行得分" in (page.model.data(page.model.index(cell.row, cell.col), 3) or "")  # tooltip
    total = page.panel.stated["stated_funding.executed"]
    total.widget.setText("abc")
    total.widget.editingFinished.emit()
    assert window.session.doc.project("p3").stated_funding.executed is None and total.widget.text() == ""


def test_new_year_opens_unsaved_for_the_next_year(window):
    assert window.actions_["new_year"].text() == "新建下一年度…"
    window.session.undo_stack.setClean()
    assert window.years.new_year()
    doc = window.session.doc
    assert doc.unit.year == 2025 and window.session.modified and window.session.path is None
    assert "2025年度" in window.windowTitle()
    assert doc.basic.three_public.prior == D("3.49") and doc.projects[0].indicators[0].actual == ""


def test_import_opens_the_forms_as_a_new_document(window):
    from tests.conftest import ROOT
    window.session.undo_stack.setClean()
    assert window.years.import_files([str(ROOT / "tests" / "fixtures" / "import" / "seed000-lukou-2023.docx")])
    assert window.session.doc.unit.name == "株洲市渌口区征地工作协调服务中心" and window.session.modified
    assert [r.total for r in window.session.evaluation.forms.values()] == [D("99.00"), D("98.00")]
    assert window.years.last_report.complete
