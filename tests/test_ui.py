"""The window's wiring, offscreen: typing, refusals, rows, undo, paste, findings, files, export."""
import copy
import shutil
from decimal import Decimal

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.conftest import example_path  # noqa: E402

D = Decimal


def open_window(qtbot, tmp_path, monkeypatch, example="tianyuan-2024", prepare=None):
    """A quiet window (its own settings folder) on a copy of an example, shown at 1400×900.

    ``prepare(doc)``: change the copy before it is opened (e.g. drop its reports)."""
    monkeypatch.setenv("JXZP_CONFIG_DIR", str(tmp_path / "config"))
    from ui.main_window import MainWindow
    from ui.settings import Settings, config_dir
    config = config_dir()
    win = MainWindow(Settings(config), config, quiet=True)
    qtbot.addWidget(win)
    path = tmp_path / f"{example.split('-')[0]}.jxzp"
    if prepare is None:
        shutil.copy(example_path(example), path)
    else:
        from model import storage
        doc = storage.load(example_path(example))
        prepare(doc)
        storage.save(doc, path)
    assert win.files.open_path(path)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def window_on(qtbot, tmp_path, monkeypatch, example, prepare=None):
    """open_window for a fixture: yields the window, then closes it without asking."""
    win = open_window(qtbot, tmp_path, monkeypatch, example, prepare)
    yield win
    win.session.undo_stack.setClean()
    win.close()


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    yield from window_on(qtbot, tmp_path, monkeypatch, "tianyuan-2024")


def page_of(window, key):
    window.show_page(key)
    return window.pages[key]


def plain(html):
    import re
    return re.sub(r"<[^>]+>", "", html)


def cell_text(page, binding):
    return page.model.layout.bound(binding).text


def type_into(qtbot, page, binding, text):
    """Select the cell, type as a user does (the first key opens the editor), press Enter."""
    cell = page.model.layout.bound(binding)
    index = page.model.index(cell.row, cell.col)
    page.view.setFocus()
    page.view.setCurrentIndex(index)
    qtbot.keyClick(page.view, text[0])
    editor = QApplication.focusWidget()
    assert editor is not page.view, "typing did not open an editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_typing_execution_updates_rate_score_total_and_grade(window, qtbot):
    page = page_of(window, "overall")
    type_into(qtbot, page, "overall.funding.executed", "1000")
    qtbot.waitUntil(lambda: cell_text(page, "overall.funding.executed") == "1000.00")
    assert cell_text(page, "overall.funding.rate") == "54.57%"
    assert cell_text(page, "overall.funding.score") == "5.46"
    assert cell_text(page, "overall.total.score") == "88.46"
    assert "总分 88.46　等次 良" in window.score_label.text()
    assert window.session.doc.overall.funding.executed == D(1000)
    assert window.isWindowModified()


def test_letter_in_an_amount_is_refused_with_a_message(window, qtbot):
    page = page_of(window, "overall")
    type_into(qtbot, page, "overall.funding.executed", "12a")
    qtbot.waitUntil(lambda: page.banner.isVisible())
    assert "全年执行数" in page.banner.label.text() and "不是有效的金额" in page.banner.label.text()
    assert cell_text(page, "overall.funding.executed") == "1820.23"
    assert window.session.doc.overall.funding.executed == D("1820.23")
    assert not window.session.undo_stack.canUndo()


def test_insert_and_delete_rows_update_subtotals(window, qtbot):
    page = page_of(window, "overall")
    first = window.session.doc.overall.indicators[0]
    assert page.select_path(f"overall.indicators[{first.id}].name")
    rows_before = page.model.rowCount()
    assert page.run("insert_below")
    assert page.model.rowCount() == rows_before + 1
    new = window.session.doc.overall.indicators[1]
    assert new.name == "" and page.current_row_id() == new.id
    type_into(qtbot, page, f"overall.indicators[{new.id}].points", "5")
    type_into(qtbot, page, f"overall.indicators[{new.id}].score", "4")
    qtbot.waitUntil(lambda: cell_text(page, "overall.total.score") == "96.93")
    assert "产出指标：38 / 45" in plain(page.panel.scores.text())
    assert page.select_path(f"overall.indicators[{first.id}].name") and page.run("delete")
    assert page.model.rowCount() == rows_before
    assert cell_text(page, "overall.total.score") == "90.93"
    assert "产出指标：32 / 35" in plain(page.panel.scores.text())


def test_undo_and_redo_restore_the_document_exactly(window, qtbot):
    session = window.session
    original = copy.deepcopy(session.doc)
    page = page_of(window, "overall")
    type_into(qtbot, page, "overall.funding.executed", "1500")
    page.select_path(f"overall.indicators[{session.doc.overall.indicators[2].id}].name")
    page.run("insert_above")
    page.run("toggle_na")
    window.project_command("add")
    session.set_text("unit.year", "2025")
    changed = copy.deepcopy(session.doc)
    assert changed != original
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.doc == original and not session.modified
    while session.undo_stack.canRedo():
        session.undo_stack.redo()
    assert session.doc == changed
    assert window.nav.list.count() == len(changed.projects) + len(changed.reports) + 4  # pages follow the redo


def test_paste_of_a_3x2_block_fills_three_rows(window, qtbot):
    page = page_of(window, "overall")
    rows = window.session.doc.overall.indicators[:3]
    page.select_path(f"overall.indicators[{rows[0].id}].target")
    QApplication.clipboard().setText("≥20宗\t18宗\n1500亩\t1,600亩\n\"95%\"\t96%\n")
    page.view.paste()
    assert [(r.target, r.actual) for r in window.session.doc.overall.indicators[:3]] == [
        ("≥20宗", "18宗"), ("1500亩", "1,600亩"), ("95%", "96%")]
    assert window.session.undo_stack.count() == 1  # one paste, one undo step
    page.select_path(f"overall.indicators[{rows[0].id}].score")
    QApplication.clipboard().setText("8\tnot a reason")  # score then deviation: fine
    page.view.paste()
    QApplication.clipboard().setText("x\ty")  # a letter into 得分: nothing pasted
    page.view.paste()
    assert "得分" in page.banner.label.text()
    assert window.session.doc.overall.indicators[0].score == D(8)


def test_copy_gives_tab_separated_text(window):
    page = page_of(window, "overall")
    row = window.session.doc.overall.indicators[0]
    page.select_path(f"overall.indicators[{row.id}].target")
    layout = page.model.layout
    start = layout.bound(f"overall.indicators[{row.id}].target")
    selection = page.view.selectionModel()
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    selection.select(QItemSelection(page.model.index(start.row, start.col), page.model.index(start.row, start.col + 3)),
                     QItemSelectionModel.SelectionFlag.ClearAndSelect)
    page.view.copy_selection()
    assert QApplication.clipboard().text() == "17宗\t10宗\t10\t6\n"


def test_delete_key_clears_and_adopt_fills_the_suggestion(window, qtbot):
    page = page_of(window, "overall")
    row = window.session.doc.overall.indicators[0]
    page.select_path(f"overall.indicators[{row.id}].score")
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert row.score is None
    assert page.run("adopt") and row.score == D("5.88")


def test_finding_double_click_jumps_to_the_cell(window, qtbot):
    findings = window.findings_view()
    rows = [findings.finding_at(r) for r in range(findings.proxy.rowCount())]
    target = next(r for r, f in enumerate(rows) if f.code == "text.future_year")
    index = findings.proxy.index(target, 2)
    findings.table.doubleClicked.emit(index)
    assert window.nav.current_key() == "projects[p1]"
    page = window.pages["projects[p1]"]
    cell = page.model.cell(page.view.currentIndex())
    assert cell.binding == "projects[p1].goals.actual"


def test_marked_findings_are_visible_on_their_cells(window):
    from ui.form_model import SeverityRole
    page = page_of(window, "basic")
    cell = page.model.layout.bound("basic.staff_actual")
    index = page.model.index(cell.row, cell.col)
    assert page.model.data(index, SeverityRole) == "warning"
    assert "145.00%" in page.model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_projects_add_rename_duplicate_delete(window):
    session = window.session
    window.show_page("projects[p2]")
    window.project_command("add")
    added = session.doc.projects[2]
    assert window.nav.current_key() == f"projects[{added.id}]"
    session.set_text(f"projects[{added.id}].name", "新增专项")
    assert any("新增专项" in window.nav.list.item(i).text() for i in range(window.nav.list.count()))
    window.project_command("duplicate")
    assert session.doc.projects[3].name == "新增专项（副本）"
    window.project_command("delete")
    assert [p.name for p in session.doc.projects].count("新增专项（副本）") == 0
    basic = page_of(window, "basic")
    basic.fill_special_from_projects()
    assert session.doc.basic.special_rows[-1].name == "新增专项"


def test_every_qt_model_passes_the_model_tester(window, qtmodeltester):
    for key in ("basic", "overall", "projects[p1]"):
        qtmodeltester.check(page_of(window, key).model)
    qtmodeltester.check(window.findings_view().model)
    page = page_of(window, "overall")
    page.select_path(f"overall.indicators[{window.session.doc.overall.indicators[0].id}].name")
    page.run("insert_below")  # a reset while observed
    qtmodeltester.check(page.model)


def test_save_and_reopen(window, tmp_path):
    session = window.session
    session.set_text("unit.preparer", "张会计")
    assert window.files.save()
    assert not session.modified and not window.isWindowModified()
    assert str(tmp_path / "tianyuan.jxzp") in [p for p in window.settings.recent_files][0]
    assert window.files.open_path(tmp_path / "tianyuan.jxzp")
    assert window.session.doc.unit.preparer == "张会计"


def test_close_with_changes_asks_and_can_cancel(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    window.quiet = False
    window.session.set_text("unit.phone", "0731-1234567")
    monkeypatch.setattr("ui.file_ops.ask_save_changes", lambda *_: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    monkeypatch.setattr("ui.file_ops.ask_save_changes", lambda *_: QMessageBox.StandardButton.Save)
    assert window.close()
    assert "0731-1234567" in (window.session.path.read_text(encoding="utf-8"))
    window.quiet = True


def test_examples_open_as_untitled_copies(window):
    from model.resources import resource_dir
    assert window.files.open_path(resource_dir("examples", "lukou-2023.jxzp"))
    assert window.session.path is None and "示例：lukou-2023.jxzp" in window.windowTitle()


def test_export_action_writes_files(window, tmp_path):
    paths = window.exports.export(["pdf", "xlsx"], folder=str(tmp_path / "out"))
    assert [p.suffix for p in paths] == [".pdf", ".xlsx", ".pdf"] and all(p.exists() for p in paths)
    assert paths[2].name.endswith("整体支出绩效自评报告.pdf")  # the example's report, beside the forms
    assert window.settings.last_folder == str(tmp_path / "out")


def test_settings_remember_geometry_and_folder(window, tmp_path):
    window.close()
    from ui.settings import Settings
    saved = Settings(window.settings.folder)
    assert saved.geometry is not None and saved.geometry == window.saveGeometry()
    assert saved.last_folder == str(tmp_path)  # the folder of the file opened


def test_tab_and_enter_move_to_editable_cells(window, qtbot):
    page = page_of(window, "overall")
    layout = page.model.layout
    first = window.session.doc.overall.indicators[0]
    page.select_path(f"overall.indicators[{first.id}].deviation")  # last column of the row
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    second = window.session.doc.overall.indicators[1]
    cell = page.model.cell(page.view.currentIndex())
    assert cell.binding == f"overall.indicators[{second.id}].name"  # skipped the merged labels
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter: down the same column
    assert page.model.cell(page.view.currentIndex()).binding.endswith(
        f"[{window.session.doc.overall.indicators[2].id}].name")
    qtbot.keyClick(page.view, Qt.Key.Key_Backtab)
    assert page.model.cell(page.view.currentIndex()).binding == f"overall.indicators[{second.id}].deviation"
    assert layout is page.model.layout  # moving never rebuilds the form


def test_long_text_editor_takes_alt_enter_as_a_new_line(window, qtbot):
    page = page_of(window, "overall")
    row = window.session.doc.overall.indicators[1]
    page.select_path(f"overall.indicators[{row.id}].deviation")
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.insertPlainText("原因：资金不足")  # Chinese arrives from the input method as text
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    editor.insertPlainText("措施：加强调度")
    assert row.deviation == ""  # nothing is stored while typing
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert row.deviation == "原因：资金不足\n措施：加强调度"
