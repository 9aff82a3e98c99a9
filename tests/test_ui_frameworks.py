"""The unit's own framework in the window: 新建 by year, the editor, 更换指标体系, framework files —
and the documents issue 7 names, made in the window, scored, checked, saved, reopened and exported."""
import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QPushButton  # noqa: E402

from tests.test_ui import window_on  # noqa: E402

D = Decimal


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    yield from window_on(qtbot, tmp_path, monkeypatch, "lukou-2023")


def click(qtbot, dialog, text):
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_dialogs(monkeypatch, *steps):
    """Each dialog the window runs is handled by the next step (it sets the fields), then accepted."""
    pending = list(steps)

    def run(dialog):
        pending.pop(0)(dialog)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted
    monkeypatch.setattr("ui.framework_choice.run_dialog", run)
    return pending


# --- the editor, as a user fills it ------------------------------------------------------------

def set_group(editor, row, name, points, level2, free=False):
    editor.groups.item(row, 0).setText(name)
    editor.groups.item(row, 1).setCheckState(Qt.CheckState.Checked if free else Qt.CheckState.Unchecked)
    editor.groups.item(row, 2).setText(points)
    editor.groups.item(row, 3).setText(level2)


def only_groups(qtbot, editor, groups):
    """Replace the editor's 一级指标 with ``groups`` using its buttons."""
    while editor.groups.rowCount():
        editor.groups.setCurrentCell(0, 0)
        click(qtbot, editor, "删除")
    for number, group in enumerate(groups):
        click(qtbot, editor, "添加一级指标")
        set_group(editor, number, *group)


def free_90(qtbot):
    def fill(editor):
        editor.name.setText("资金执行10分＋绩效指标90（四川式，各行自定分值）")
        editor.funding.setEditText("10")
        only_groups(qtbot, editor, [("绩效指标", "", "产出指标、效益指标、满意度指标", True)])
        assert editor.validate() == [] and "合计应为 90 分" in editor.summary.text()
    return fill


def decision_process(qtbot):
    def fill(editor):
        editor.name.setText("决策10＋过程25＋产出30＋效益35（宁夏）")
        editor.funding.setEditText("0")
        only_groups(qtbot, editor, [("决策", "10", "项目立项、绩效目标"), ("过程", "25", "资金管理、组织实施"),
                                    ("产出", "30", "产出数量、产出质量"), ("效益", "40", "项目效益")])
        assert any("分值合计 105 分" in p for p in editor.validate())  # refused until right
        assert not editor.buttons.button(editor.buttons.StandardButton.Ok).isEnabled()
        editor.groups.item(3, 2).setText("35")
        assert editor.validate() == []
    return fill


def test_the_editor_lists_problems_and_enables_ok_only_when_valid(qtbot):
    from model.framework import builtin_framework
    from ui.framework_dialog import FrameworkEditorDialog
    fw = builtin_framework("hunan-2024")
    editor = FrameworkEditorDialog(fw)
    qtbot.addWidget(editor)
    ok = editor.buttons.button(editor.buttons.StandardButton.Ok)
    assert ok.isEnabled() and editor.framework() == fw  # unchanged: the same framework, same id
    editor.groups.item(0, 2).setText("45")
    assert "分值合计 105 分" in editor.problems.text() and not ok.isEnabled()
    editor.groups.item(0, 1).setCheckState(Qt.CheckState.Checked)  # 产出指标 left to its rows
    assert editor.problems.text() == "" and ok.isEnabled()
    assert not editor.groups.item(0, 2).flags() & Qt.ItemFlag.ItemIsEditable
    editor.grades.item(1, 1).setText("95")
    assert "从高到低" in editor.problems.text()
    editor.grades.item(1, 1).setText("80")
    editor.over_action.setCurrentIndex(editor.over_action.findData("deduct"))
    assert editor.over_deduction.isEnabled()
    click(qtbot, editor, "填入省级规则")
    assert editor.caps.rowCount() == 4
    editor.accept()
    made = editor.framework()
    assert made.id == "custom" and made.level1[0].points is None and made.over_achievement_action == "deduct"
    assert [c.max_total for c in made.caps] == [89, 79, 69, 59]


# --- 新建 -------------------------------------------------------------------------------------

def test_new_preselects_by_year_and_says_why(qtbot, monkeypatch, tmp_path):
    from model.framework import builtin_framework
    from model.framework_file import save
    from ui.dialogs import NewDocumentDialog
    dialog = NewDocumentDialog(unit="某单位")
    qtbot.addWidget(dialog)
    chooser = dialog.framework
    dialog.year.setValue(2023)
    assert chooser.framework().id == "hunan-2023" and "2023版" in chooser.reason.text()
    assert "按年度预选" in chooser.reason.text()
    dialog.year.setValue(2024)
    assert chooser.framework().id == "hunan-2024" and "2024版" in chooser.reason.text()
    chooser.combo.setCurrentIndex(chooser.combo.findData("funding20-indicators80"))
    chooser.combo.activated.emit(chooser.combo.currentIndex())
    dialog.year.setValue(2022)  # a choice by hand is kept; the hint says what the year would take
    assert chooser.framework().id == "funding20-indicators80" and "2023版" in chooser.reason.text()
    assert dialog.document().overall.framework_id == "funding20-indicators80"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "jxzp-framework", "version": 1, "framework": {}}', encoding="utf-8")
    monkeypatch.setattr("ui.framework_choice.ask_framework_file", lambda _parent: str(bad))
    chooser.combo.setCurrentIndex(chooser.combo.findData(chooser.IMPORT))
    chooser.combo.activated.emit(chooser.combo.currentIndex())
    assert "无法导入" in chooser.reason.text() and chooser.framework().id == "funding20-indicators80"
    good = tmp_path / "bureau.json"
    save(builtin_framework("free-weights-90").replace(id="bureau", name="某区财政局2025"), good)
    monkeypatch.setattr("ui.framework_choice.ask_framework_file", lambda _parent: str(good))
    chooser.combo.setCurrentIndex(chooser.combo.findData(chooser.IMPORT))
    chooser.combo.activated.emit(chooser.combo.currentIndex())
    assert chooser.framework().id == "bureau" and "已导入" in chooser.reason.text()
    doc = dialog.document()
    assert list(doc.frameworks) == ["bureau"] and doc.overall.indicators[0].level1 == "绩效指标"


# --- the documents of issue 7's "done when", made in the window ---------------------------------

def new_in_window(window, monkeypatch, year, choose):
    """File → 新建 as a user does it: unit, year, the framework (chosen or made in the editor)."""
    from ui.dialogs import NewDocumentDialog

    def run(dialog):
        dialog.unit.setText("某县某单位")
        dialog.year.setValue(year)
        dialog.with_basic.setChecked(False)
        choose(dialog.framework)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(NewDocumentDialog, "exec", run)
    assert window.files.new()
    return window.session


def fill_in(session):
    """Type the whole overall form: funding, goals and one row per 一级指标 carrying its points."""
    from model import edits
    doc = session.doc
    for path, text in (("overall.funding.initial", "100"), ("overall.funding.annual", "100"),
                       ("overall.funding.executed", "99"), ("overall.income.general_budget", "100"),
                       ("overall.expense.basic", "60"), ("overall.expense.project", "39"),
                       ("overall.goals.expected", "完成年度各项工作"), ("overall.goals.actual", "已完成年度各项工作")):
        assert session.set_text(path, text)
    framework = doc.framework_for(doc.overall)
    seen = set()
    for row in list(doc.overall.indicators):
        if row.level1 in seen:
            assert session.try_edit(edits.remove_indicator, "overall", row.id)
            continue
        seen.add(row.level1)
    free_rows = [r for r in doc.overall.indicators if not framework.group(r.level1).fixed]
    for number, row in enumerate(doc.overall.indicators, start=1):
        group = framework.group(row.level1)
        points = group.points if group.fixed else framework.indicator_points / len(free_rows)
        base = f"overall.indicators[{row.id}]"
        for field, text in (("name", f"培训人次{number}"), ("target", "≥100人次"), ("actual", "100人次"),
                            ("points", format(points, "f")), ("score", format(points, "f"))):
            assert session.set_text(f"{base}.{field}", text)


def exported_text(paths):
    import openpyxl
    from docx import Document as WordDocument
    by_suffix = {p.suffix: p for p in paths}
    book = openpyxl.load_workbook(by_suffix[".xlsx"])
    rows = [[c.value for c in row if c.value is not None] for ws in book.worksheets for row in ws.iter_rows()]
    xlsx = "\n".join(str(v) for row in rows for v in row)
    totals = [D(str(row[-1])) for row in rows if row and row[0] == "总分"]
    word = WordDocument(str(by_suffix[".docx"]))
    docx = "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    pdf = subprocess.run(["pdftotext", str(by_suffix[".pdf"]), "-"], capture_output=True, text=True,
                         check=True).stdout
    return xlsx, docx, pdf, totals


def choose_builtin(ident):
    def choose(chooser):
        if ident is not None:
            chooser.combo.setCurrentIndex(chooser.combo.findData(ident))
            chooser.combo.activated.emit(chooser.combo.currentIndex())
    return choose


def edit_in_chooser(monkeypatch, fill):
    def choose(chooser):
        answer_dialogs(monkeypatch, fill)
        chooser.edit_button.click()
    return choose


CASES = {  # name: (year, how it is chosen, total, a label the forms print)
    "free-90": (2024, "free", D("99.90"), "绩效指标"),
    "decision-process": (2024, "decision", D("100.00"), "决策\n(10分)"),
    "20+80": (2024, "funding20-indicators80", D("99.80"), "绩效指标\n(80分)"),
    "hunan-2023": (2023, None, D("99.90"), "产出指标\n(50分)"),
    "hunan-2024": (2024, None, D("99.90"), "成本指标\n(20分)"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_framework_of_issue_7_made_scored_checked_saved_reopened_exported(case, window, qtbot, monkeypatch,
                                                                               tmp_path):
    year, how, total, label = CASES[case]
    if how == "free":
        choose = edit_in_chooser(monkeypatch, free_90(qtbot))
    elif how == "decision":
        choose = edit_in_chooser(monkeypatch, decision_process(qtbot))
    else:
        choose = choose_builtin(how)
    session = new_in_window(window, monkeypatch, year, choose)
    if case.startswith("hunan"):
        assert session.doc.overall.framework_id == case  # preselected by the year
    fill_in(session)
    evaluation = session.evaluation
    assert evaluation.ready_text() == "可以提交", [f.message for f in evaluation.to_fix()]
    assert evaluation.forms["overall"].total == total and evaluation.total_text("overall") == f"{total}"
    assert f"总分 {total}" in window.score_label.text()
    page = window.pages["overall"]
    assert label in [c.text for c in page.model.layout.cells]
    path = tmp_path / f"{case}.jxzp"
    window.files._save_to(path)
    assert not window.session.modified
    assert window.files.open_path(path)
    again = window.session.evaluation
    assert again.forms["overall"].total == total and again.ready_text() == "可以提交"
    assert window.session.doc.frameworks == session.doc.frameworks
    paths = window.exports.export(["xlsx", "docx", "pdf"], str(tmp_path / "out"))
    assert len(paths) == 3
    xlsx, docx, pdf, xlsx_totals = exported_text(paths)
    assert xlsx_totals == [total] and "培训人次1" in xlsx
    for text in (docx, pdf):
        assert f"{total}" in text and "培训人次1" in text
    assert label in xlsx and label.replace("\n", "") in docx.replace("\n", "")
    if case == "free-90":
        assert "绩效指标(" not in xlsx and "绩效指标(" not in docx


# --- 更换指标体系, 编辑, import and export in a filled document --------------------------------------

def test_change_framework_keeps_rows_lists_them_and_undoes_in_one_step(window, qtbot, monkeypatch):
    from model import storage
    from model.framework import builtin_framework
    session = window.session
    before = storage.dumps(session.doc)

    def choose(dialog):
        dialog.select(builtin_framework("hunan-2024"))
        dialog.all_forms.setChecked(True)
        assert "2 行不属于新的指标体系" in dialog.preview.text()
    answer_dialogs(monkeypatch, choose)
    window.show_page("overall")
    assert window.frameworks.change()
    assert set(session.doc.frameworks) == {"hunan-2024"}
    unknown = [f for f in session.evaluation.findings if f.code == "indicator.unknown_group"]
    assert len(unknown) == 2 and "尚有" in window.count_label.text()
    page = window.pages["overall"]
    qtbot.waitUntil(lambda: any(c.text == "成本指标" and c.col == 2 for c in page.model.layout.cells))
    finding = next(f for f in unknown if f.form == "overall")
    window.jump_to(finding)  # F8 lands on the row; the context menu's 移到其他类别 moves it
    assert page.move_row_to("成本指标", "经济成本指标")
    assert len([f for f in session.evaluation.findings if f.code == "indicator.unknown_group"]) == 1
    window.undo()
    window.undo()
    assert storage.dumps(session.doc) == before and not window.isWindowModified()
    window.redo()
    assert session.doc.overall.framework_id == "hunan-2024"


def test_edit_the_forms_framework_applies_to_every_form_using_it(window, qtbot, monkeypatch):
    session = window.session

    def fill(editor):
        editor.label_points.setChecked(False)
    answer_dialogs(monkeypatch, fill)
    assert window.frameworks.edit()
    assert [fw.label_points for fw in session.doc.frameworks.values()] == [False]
    assert all(form.framework_id == "custom" for _, form in session.doc.scored_forms())
    window.show_page("overall")
    labels = [c.text for c in window.pages["overall"].model.layout.cells]
    assert "产出指标" in labels and "产出指标\n(50分)" not in labels
    window.undo()
    assert [fw.id for fw in session.doc.frameworks.values()] == ["hunan-2023"]


def test_export_then_import_a_framework_file(window, qtbot, monkeypatch, tmp_path):
    from model.framework import builtin_framework
    from model.framework_file import load, save
    target = tmp_path / "我的指标体系"
    assert window.frameworks.export(str(target))
    written = target.with_suffix(".json")
    assert load(written) == window.session.doc.frameworks["hunan-2023"]
    bureau = tmp_path / "bureau.json"
    save(builtin_framework("decision-process-output-effect").replace(id="bureau", name="某区财政局"), bureau)

    def check(dialog):
        assert dialog.chosen().id == "bureau" and dialog.all_forms.isChecked()
    answer_dialogs(monkeypatch, check)
    assert window.frameworks.import_file(str(bureau))
    assert {form.framework_id for _, form in window.session.doc.scored_forms()} == {"bureau"}
    errors = []
    monkeypatch.setattr("ui.framework_ops.show_error", lambda _w, title, text: errors.append(text))
    broken = tmp_path / "broken.json"
    data = json.loads(bureau.read_text(encoding="utf-8"))
    data["framework"]["level1"][0]["points"] = "50"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = window.session.undo_stack.count()
    assert not window.frameworks.import_file(str(broken))
    assert "分值合计 140 分" in errors[0] and window.session.undo_stack.count() == before
