"""The 自评报告 pages, offscreen: typing, undo, drafting, section commands, findings marked and jumped to."""

import pytest

pytest.importorskip("PySide6")
from PySide6.QtWidgets import QApplication  # noqa: E402

from model.report import overall_report  # noqa: E402
from tests.test_ui import open_window as ui_window, window_on  # noqa: E402


def open_window(qtbot, tmp_path, monkeypatch, name="tianyuan-2024", reports=True):
    return ui_window(qtbot, tmp_path, monkeypatch, name, None if reports else drop_reports)


def drop_reports(doc):
    doc.reports = []


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    yield from window_on(qtbot, tmp_path, monkeypatch, "tianyuan-2024")


def report_page(window, index=0):
    key = f"reports[{window.session.doc.reports[index].id}]"
    window.show_page(key)
    return window.pages[key]


def section(window, key, index=0):
    return next(s for s in window.session.doc.reports[index].sections if s.key == key)


def test_navigation_lists_the_report_pages(qtbot, tmp_path, monkeypatch):
    from ui.nav import page_titles
    win = open_window(qtbot, tmp_path, monkeypatch, "lukou-2023")
    labels = [label for _, label in page_titles(win.session.doc)]
    assert labels[-3:] == ["整体支出绩效自评报告", "项目报告：株洲市渌口区征地工作协调服务中心", "审核结果"]
    win.session.undo_stack.setClean()
    win.close()


def test_typing_in_a_section_is_one_undoable_edit(window, qtbot):
    page = report_page(window)
    target = section(window, "measures")
    editor = page.editors[target.id]
    editor.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.text)
    editor.text.selectAll()
    editor.text.insertPlainText("加强资金协调")  # as typed (QTest cannot type Chinese)
    editor.heading.setFocus()  # leaving the text stores it
    qtbot.waitUntil(lambda: target.text == "加强资金协调")
    assert window.session.modified and "6 字" == editor.count.text()
    window.undo()
    assert target.text.startswith("制定绩效指标时") and editor.typed().startswith("制定绩效指标时")


def test_a_pending_text_is_stored_before_a_command(window, qtbot):
    page = report_page(window)
    target = section(window, "other")
    editor = page.editors[target.id]
    editor.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.text)
    editor.text.setPlainText("另有说明。")
    assert window.commit_pending_edit() and target.text == "另有说明。"


def test_findings_are_marked_on_their_paragraph_and_jumped_to(window, qtbot):
    page = report_page(window)
    target = section(window, "project")
    editor = page.editors[target.id]
    assert len(editor.text.extraSelections()) == 1 and "1454.56" in editor.notes.text()
    finding = next(f for f in window.session.evaluation.findings if f.code == "report.figure_mismatch"
                   and f.path.endswith(f"sections[{target.id}].text"))
    window.show_page("overall")
    window.jump_to(finding)
    assert window.current_page() is page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.text)
    performance = section(window, "project_performance")
    later = next(f for f in window.session.evaluation.findings if "第6段" in f.message)
    window.jump_to(later)
    cursor = page.editors[performance.id].text.textCursor()
    assert cursor.block().text().startswith("项目支出 0.92 万元")


def test_correcting_the_figure_clears_its_mark(window, qtbot):
    page = report_page(window)
    target = section(window, "project")
    editor = page.editors[target.id]
    editor.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.text)
    editor.text.setPlainText(target.text.replace("1454.55", "1454.56"))
    editor.heading.setFocus()
    qtbot.waitUntil(lambda: "1454.56" in target.text)
    assert editor.text.extraSelections() == [] and not editor.notes.isVisible()


def test_draft_all_and_redraft_with_confirmation(window, qtbot, monkeypatch):
    page = report_page(window)
    target = section(window, "basic")
    before = target.text
    written = {s.id: s.text for s in window.session.doc.reports[0].sections if s.text}
    assert page.command("draft_all")  # drafts the empty sections, leaves the seed's text
    assert {s.id: s.text for s in window.session.doc.reports[0].sections if s.id in written} == written
    assert section(window, "general").text.startswith("2024年度本单位全年预算数1832.63万元") and section(window, "general").draft
    assert "已起草 1 节" in page.banner.label.text() and "未改动" in page.banner.label.text()
    asked = []
    monkeypatch.setattr(page, "confirm_replace", lambda heading, old, new: asked.append((old, new)) or False)
    assert page.draft_one(target.id) is False and target.text == before
    assert asked and asked[0][0] == before and asked[0][1].startswith("2024年基本支出365.67万元")
    monkeypatch.setattr(page, "confirm_replace", lambda heading, old, new: True)
    assert page.draft_one(target.id) and target.draft and page.editors[target.id].badge.isVisibleTo(page)
    window.undo()
    assert target.text == before and not target.draft
    window.undo()
    assert section(window, "general").text == ""


def test_section_commands(window, qtbot):
    page = report_page(window)
    report = window.session.doc.reports[0]
    general = section(window, "general")
    page.select_section(general.id)
    assert page.command("add")
    added = report.sections[[s.key for s in report.sections].index("project") + 1]
    assert added.heading == "新的一节" and page.outline.count() == len(report.sections)
    assert page.command("indent") and added.level == 2
    assert "（三）新的一节" in page.outline.item(report.sections.index(added)).text()
    assert page.command("up") and report.sections[report.sections.index(added) + 1].key == "project"
    assert page.command("remove") and added not in report.sections
    for _ in range(4):
        window.undo()
    assert added not in report.sections and page.outline.count() == len(report.sections)


def test_a_document_without_reports_offers_to_make_them(qtbot, tmp_path, monkeypatch):
    from ui.nav import PAGE_NEW_REPORT
    win = open_window(qtbot, tmp_path, monkeypatch, reports=False)
    win.show_page(PAGE_NEW_REPORT)
    start = win.pages[PAGE_NEW_REPORT]
    start.outline.setCurrentIndex(start.outline.findData("hunan-overall-six"))
    start._create()
    doc = win.session.doc
    assert overall_report(doc).outline == "hunan-overall-six" and len(doc.reports) == 6
    assert win.current_page() is win.pages[f"reports[{doc.reports[0].id}]"]
    assert "365.67" in "".join(s.text for s in doc.reports[0].sections)  # drafted
    assert any(label.startswith("项目报告：") for label in
               (win.nav.list.item(r).text() for r in range(win.nav.list.count())))
    win.undo()
    win.undo()
    from ui.nav import KeyRole
    assert doc.reports == []
    assert PAGE_NEW_REPORT in [win.nav.list.item(r).data(KeyRole) for r in range(win.nav.list.count())]
    win.session.undo_stack.setClean()
    win.close()


def test_autosave_covers_the_reports(window, qtbot, tmp_path):
    page = report_page(window)
    target = section(window, "other")
    page.editors[target.id].text.setPlainText("自动保存的文字。")
    page.commit(target.id)
    window.autosaver.save_now()
    saved = [p for p in (tmp_path / "config").rglob("*.jxzp")]
    assert saved and any("自动保存的文字。" in p.read_text(encoding="utf-8") for p in saved)


def test_a_broken_outline_file_is_said_on_the_start_page(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QLabel, QPushButton

    from model import outline
    from model.jsonread import FormatError
    from ui.nav import PAGE_NEW_REPORT

    def broken(kind):
        raise FormatError("报告提纲文件 9-bureau.json：应为一组字段（JSON 对象）")
    monkeypatch.setattr(outline, "outlines_for", broken)
    win = open_window(qtbot, tmp_path, monkeypatch, reports=False)
    win.show_page(PAGE_NEW_REPORT)
    start = win.pages[PAGE_NEW_REPORT]
    assert any("9-bureau.json" in label.text() for label in start.findChildren(QLabel))
    assert not start.findChildren(QPushButton)[0].isEnabled()
    win.session.undo_stack.setClean()
    win.close()


def test_last_years_text_is_marked_until_kept_or_revised(qtbot, tmp_path, monkeypatch):
    win = open_window(qtbot, tmp_path, monkeypatch, "lukou-2023")
    assert win.years.new_year()  # 文件 → 新建下一年度…
    assert "上年文字" in win.statusBar().currentMessage()
    page = report_page(win)
    duties = section(win, "duties")
    editor = page.editors[duties.id]
    assert editor.carried.isVisible() and editor.keep_button.isVisible()
    assert "上年文字 9 节" in page.summary.text()
    assert page.outline.item(1).text().endswith("上年")
    editor.keep_button.click()  # 沿用: kept as it is
    qtbot.waitUntil(lambda: not editor.carried.isVisible())
    assert "上年文字 8 节" in page.summary.text()
    win.undo()
    qtbot.waitUntil(lambda: editor.carried.isVisible())
    tasks = section(win, "tasks")
    other = page.editors[tasks.id]
    other.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other.text)
    other.text.selectAll()
    other.text.insertPlainText("2024年主要工作任务是……")
    other.heading.setFocus()  # leaving the text stores it: revised, no longer last year's
    qtbot.waitUntil(lambda: not other.carried.isVisible())
    win.session.undo_stack.setClean()
    win.close()
