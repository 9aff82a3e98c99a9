"""Edits as data: rows added, removed and moved within their 二级指标; every edit reverts exactly."""
import copy
from decimal import Decimal

import pytest

from model import edits
from model.evaluation import Evaluator, evaluate
from model.parsing import ParseError

D = Decimal


def apply_and_undo(doc, edit):
    before = copy.deepcopy(doc)
    edit.apply(doc)
    after = copy.deepcopy(doc)
    edit.revert(doc)
    assert doc == before
    edit.apply(doc)
    assert doc == after
    return doc


def group_names(form, level2):
    return [row.name for row in form.indicators if row.level2 == level2]


def test_insert_row_goes_to_the_end_of_its_group(tianyuan):
    edit = edits.insert_indicator(tianyuan, "overall", "产出指标", "数量指标")
    apply_and_undo(tianyuan, edit)
    names = [row.name for row in tianyuan.overall.indicators]
    assert names[:3] == ["集体项目交地宗数", "集体项目交地面积", ""]
    assert tianyuan.overall.indicators[2].level2 == "数量指标"


def test_insert_row_after_a_given_row_and_into_an_empty_group(tianyuan):
    first = tianyuan.overall.indicators[0]
    apply_and_undo(tianyuan, edits.insert_indicator(tianyuan, "overall", "产出指标", "数量指标", after=first.id))
    assert tianyuan.overall.indicators[1].name == "" and tianyuan.overall.indicators[2].name == "集体项目交地面积"
    above = edits.insert_indicator(tianyuan, "overall", "产出指标", "数量指标", before=first.id)
    assert above.index == 0
    project = tianyuan.projects[0]  # 拆违治违经费 has no 社会效益指标 rows
    edit = edits.insert_indicator(tianyuan, "projects[p1]", "效益指标", "社会效益指标")
    apply_and_undo(tianyuan, edit)
    levels = [row.level2 for row in project.indicators]
    assert levels.index("社会效益指标") == levels.index("经济效益指标") + 1


def test_insert_refuses_unknown_group_or_other_group_anchor(tianyuan):
    with pytest.raises(edits.EditError, match="不是指标体系"):
        edits.insert_indicator(tianyuan, "overall", "产出指标", "成本指标")  # 2024: 成本 is its own 一级
    with pytest.raises(edits.EditError, match="同一个二级指标"):
        edits.insert_indicator(tianyuan, "overall", "产出指标", "质量指标", after=tianyuan.overall.indicators[0].id)


def test_remove_and_move_within_group(tianyuan):
    form = tianyuan.overall
    apply_and_undo(tianyuan, edits.move_indicator(tianyuan, "overall", form.indicators[1].id, -1))
    assert group_names(form, "数量指标") == ["集体项目交地面积", "集体项目交地宗数"]
    with pytest.raises(edits.EditError, match="只能在同一个二级指标内移动"):
        edits.move_indicator(tianyuan, "overall", form.indicators[1].id, +1)  # next row is 质量指标
    with pytest.raises(edits.EditError, match="第一行"):
        edits.move_indicator(tianyuan, "overall", form.indicators[0].id, -1)
    removed = form.indicators[0]
    apply_and_undo(tianyuan, edits.remove_indicator(tianyuan, "overall", removed.id))
    assert removed not in form.indicators


def test_subtotals_follow_row_edits(tianyuan):
    evaluator = Evaluator(tianyuan)
    row = tianyuan.overall.indicators[0]
    edit = edits.remove_indicator(tianyuan, "overall", row.id)
    edit.apply(tianyuan)
    result = evaluator.refresh(edit.forms()).forms["overall"]
    assert result.subtotals["产出指标"] == 28 and result.total == D("86.93")
    edit.revert(tianyuan)
    assert evaluator.refresh(edit.forms()).forms["overall"].total == D("92.93")


def test_typed_text_is_parsed_or_refused(tianyuan):
    edit = edits.set_text(tianyuan, "overall.funding.executed", "1,832.63万元")
    assert edit.new == D("1832.63") and edit.old == D("1820.23") and edit.label == "修改“全年执行数”"
    for text, message in (("abc", "全年执行数"), ("12%", "单位")):
        with pytest.raises(ParseError, match=message):
            edits.set_text(tianyuan, "overall.funding.executed", text)
    with pytest.raises(ParseError, match="不能为负数"):
        edits.set_text(tianyuan, "overall.indicators[r1].score", "-1")
    assert tianyuan.overall.funding.executed == D("1820.23")  # nothing changed
    assert edits.set_text(tianyuan, "overall.indicators[r1].target", " ≥ 17宗 ").new == " ≥ 17宗 "
    assert edits.set_text(tianyuan, "unit.year", "2025年").new == 2025
    with pytest.raises(edits.EditError):
        edits.set_text(tianyuan, "overall.indicators[nope].score", "1")


def test_execution_edit_moves_every_score(tianyuan):
    evaluator = Evaluator(tianyuan)
    edit = edits.set_text(tianyuan, "overall.funding.executed", "1500")
    edit.apply(tianyuan)
    result = evaluator.refresh(edit.forms()).forms["overall"]
    assert f"{result.rate * 100:.2f}" == "81.85" and result.funding_score == D("8.19")
    assert result.total == D("91.19") and result.grade == "优"


def test_projects_add_duplicate_move_remove(tianyuan):
    count = len(tianyuan.projects)
    add = edits.add_project(tianyuan, "新项目", index=1)
    apply_and_undo(tianyuan, add)
    assert tianyuan.projects[1].name == "新项目" and len(tianyuan.projects) == count + 1
    assert len(tianyuan.projects[1].indicators) == 11  # a blank row per 二级指标
    dup = edits.duplicate_project(tianyuan, "p3")
    apply_and_undo(tianyuan, dup)
    copy_ = dup.item
    assert copy_.name == "双碳资金（副本）" and copy_.id not in ("p3",)
    assert len(tianyuan.all_ids()) == len({*tianyuan.all_ids()})
    assert {r.id for r in copy_.indicators}.isdisjoint(r.id for r in tianyuan.project("p3").indicators)
    assert evaluate(tianyuan).forms[f"projects[{copy_.id}]"].total == D("90.92")
    apply_and_undo(tianyuan, edits.move_project(tianyuan, "p1", +1))
    with pytest.raises(edits.EditError, match="第一个"):
        edits.move_project(tianyuan, tianyuan.projects[0].id, -1)
    apply_and_undo(tianyuan, edits.remove_project(tianyuan, "p2"))
    assert "p2" not in [p.id for p in tianyuan.projects]
    rename = edits.set_text(tianyuan, "projects[p1].name", "拆违治违经费（2024）")
    apply_and_undo(tianyuan, rename)
    assert rename.forms() == {"projects[p1]"}


def test_basic_rows(tianyuan):
    add = edits.add_basic_row(tianyuan, "transfer_rows", "省级转移支付", values=(None, D(5), D(4)))
    apply_and_undo(tianyuan, add)
    assert tianyuan.basic.transfer_rows[0].name == "省级转移支付"
    special = tianyuan.basic.special_rows
    apply_and_undo(tianyuan, edits.move_basic_row(tianyuan, "special_rows", special[0].id, +1))
    assert special[1].name == "机关干部进小区工作队工作经费"
    apply_and_undo(tianyuan, edits.remove_basic_row(tianyuan, "special_rows", special[0].id))
    offered = dict(edits.project_rows_for_basic(tianyuan))
    assert offered["双碳资金"] == (None, D(5), D("0.46"))


def test_compound_reverts_in_reverse_order(tianyuan):
    first = edits.insert_indicator(tianyuan, "overall", "产出指标", "数量指标")
    compound = edits.Compound((first,), "插入")
    apply_and_undo(tianyuan, compound)
    assert compound.forms() == {"overall"}
    assert edits.set_text(tianyuan, "unit.name", "新名称").forms() is None


def test_fill_special_rows_from_projects(load_example):
    doc = load_example("yueyanglou-2023")  # no project forms: nothing to fill
    with pytest.raises(edits.EditError, match="都已列在"):
        edits.fill_special_rows(doc)
    doc = load_example("tianyuan-2024")
    edits.remove_basic_row(doc, "special_rows", doc.basic.special_rows[2].id).apply(doc)  # 双碳资金
    edits.add_project(doc, "新增项目").apply(doc)
    apply_and_undo(doc, edits.fill_special_rows(doc))
    names = [row.name for row in doc.basic.special_rows]
    assert names[-2:] == ["双碳资金", "新增项目"]
    assert doc.basic.special_rows[-2].values() == (None, D(5), D("0.46"))
    assert len({r.id for r in doc.basic.special_rows}) == len(doc.basic.special_rows)
