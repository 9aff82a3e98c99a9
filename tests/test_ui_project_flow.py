"""Projects flow into the 基础数据表: the 本级专项资金 row is offered (or made) with each project change."""
from decimal import Decimal

import pytest

pytest.importorskip("PySide6")

from model.basic_rows import follow_project, listed_row  # noqa: E402
from tests.test_ui import page_of, window  # noqa: E402,F401 - the shared window fixture

D = Decimal


def test_model_follows_add_rename_remove(tianyuan):
    from model import edits
    add = edits.add_project(tianyuan, "新征拆项目")
    add.apply(tianyuan)
    project = add.item
    project.current.annual, project.current.executed = D(8), D(6)
    edit, question = follow_project(tianyuan, None, project)
    assert "添加“新征拆项目”" in question
    edit.apply(tianyuan)
    _, row = listed_row(tianyuan, "新征拆项目")
    assert row.values() == (None, D(8), D(6))
    assert follow_project(tianyuan, None, project) is None  # already in step
    project.name = "新征拆项目（二期）"
    edit, question = follow_project(tianyuan, "新征拆项目", project)
    assert "改为“新征拆项目（二期）”" in question
    edit.apply(tianyuan)
    assert listed_row(tianyuan, "新征拆项目（二期）") is not None and listed_row(tianyuan, "新征拆项目") is None
    edit, question = follow_project(tianyuan, "新征拆项目（二期）", None)
    edit.apply(tianyuan)
    assert listed_row(tianyuan, "新征拆项目（二期）") is None
    tianyuan.basic = None
    assert follow_project(tianyuan, None, project) is None


def test_a_project_without_its_row_is_named_by_the_checks(tianyuan):
    from model.evaluation import evaluate
    tianyuan.projects[2].name = "双碳资金（改）"
    codes = [(f.code, f.path) for f in evaluate(tianyuan).findings]
    assert ("cross.project_not_listed", "projects[p3].name") in codes


def test_adding_a_project_offers_its_row_and_one_click_adds_it(window):
    session = window.session
    window.project_command("add")
    project = session.doc.projects[-1]
    assert not window.project_flow.bar.isVisibleTo(window)  # no name yet: nothing to offer
    session.set_text(f"projects[{project.id}].name", "新征拆项目")
    flow = window.project_flow
    assert flow.bar.isVisibleTo(window) and "新征拆项目" in flow.question.text()
    flow.accept()
    assert listed_row(session.doc, "新征拆项目") is not None and not flow.bar.isVisibleTo(window)
    window.undo()  # the row is its own undo step
    assert listed_row(session.doc, "新征拆项目") is None and session.doc.projects[-1].name == "新征拆项目"


def test_removing_a_project_offers_to_remove_its_row_and_auto_mode_does_it(window):
    session = window.session
    window.show_page("projects[p3]")
    window.project_command("delete")
    assert "双碳资金" in window.project_flow.question.text()
    window.project_flow.dismiss()
    assert listed_row(session.doc, "双碳资金") is not None  # declined: the row stays
    window.actions_["auto_special_rows"].trigger()
    assert window.settings.auto_special_rows
    window.show_page("projects[p4]")
    window.project_command("delete")
    assert listed_row(session.doc, "城镇独生子女父母奖励") is None  # done without asking
    window.actions_["auto_special_rows"].trigger()


def test_the_project_menu_fills_the_rows(window):
    session = window.session
    session.doc.basic.special_rows.clear()
    window.fill_special_rows()
    assert [r.name for r in session.doc.basic.special_rows] == [p.name for p in session.doc.projects]
