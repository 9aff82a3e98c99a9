"""Changing a form's framework: rows re-mapped by name, rows that do not fit kept and listed until moved,
one undo step, several frameworks in one document."""
import copy
from decimal import Decimal

import pytest

from model import edits, storage
from model.document import IndicatorRow, ordered_indicators
from model.evaluation import Evaluator, evaluate
from model.factory import new_document
from model.framework import builtin_framework
from model.framework_edits import change_framework, fitted_group, is_blank, move_to_group, scored_keys
from model.layout import build_layout

D = Decimal
FW23, FW24 = builtin_framework("hunan-2023"), builtin_framework("hunan-2024")
FREE = builtin_framework("free-weights-90")
DPOE = builtin_framework("decision-process-output-effect")


def apply_and_undo(doc, edit):
    """The edit applies, reverts to exactly the document before, and re-applies to exactly the same."""
    before, text = copy.deepcopy(doc), storage.dumps(doc)
    edit.apply(doc)
    after = copy.deepcopy(doc)
    edit.revert(doc)
    assert doc == before and storage.dumps(doc) == text
    edit.apply(doc)
    assert doc == after
    return doc


def unknown(doc):
    return [f for f in evaluate(doc).findings if f.code == "indicator.unknown_group"]


def test_rows_fit_by_name():
    assert fitted_group(FW24, "产出指标", "数量指标") == ("产出指标", "数量指标")
    assert fitted_group(FW24, "产出指标", "数量") == ("产出指标", "数量指标")  # 数量 = 数量指标
    assert fitted_group(FREE, "产出指标", "质量指标") == ("绩效指标", "质量指标")  # one owner of 质量指标
    assert fitted_group(FW23, "成本指标", "经济成本指标") == ("产出指标", "成本指标")  # the former 一级
    assert fitted_group(FW24, "产出指标", "成本指标") is None  # 2024 has three 成本 二级: no guess
    assert fitted_group(DPOE, "产出指标", "数量指标") is None


def test_2023_to_2024_keeps_every_row_and_lists_those_that_do_not_fit(load_example):
    doc = load_example("lukou-2023")
    typed = sorted((r.id, r.name, r.target, r.actual, r.points, r.score) for _, f in doc.scored_forms()
                   for r in f.indicators)
    edit = change_framework(doc, scored_keys(doc), FW24)
    assert "2 行不属于新的指标体系" in edit.summary()
    apply_and_undo(doc, edit)
    assert list(doc.frameworks) == ["hunan-2024"]  # the 2023 framework is no longer used: dropped
    assert sorted((r.id, r.name, r.target, r.actual, r.points, r.score) for _, f in doc.scored_forms()
                  for r in f.indicators) == typed  # nothing lost
    found = unknown(doc)
    assert len(found) == 2 and all("产出指标／成本指标" in f.message and "移到其他类别" in f.message for f in found)
    assert all(f.severity == "error" for f in found)
    overall = doc.overall
    assert (overall.indicators[-1].level1, overall.indicators[-1].level2) == ("产出指标", "成本指标")  # kept last
    evaluation = evaluate(doc)
    for key in evaluation.forms:  # the layout shows them in a group of their own and exports can print it
        layout = build_layout(doc, key, evaluation)
        assert any(c.text == "成本指标" for c in layout.cells)
    row = overall.indicators[-1]
    move = move_to_group(doc, "overall", row.id, "成本指标", "经济成本指标")
    apply_and_undo(doc, move)
    assert (row.level1, row.level2) == ("成本指标", "经济成本指标") and len(unknown(doc)) == 1
    assert overall.indicators == ordered_indicators(overall, FW24)  # in its group, in the framework's order
    before = overall.indicators[-2]  # 成本指标 is 2024's last group: the row stays last, after 满意度
    assert (before.level1, before.level2) == ("满意度指标", "服务对象满意度指标")


def test_2024_to_2023_regroups_the_cost_rows(tianyuan):
    edit = change_framework(tianyuan, ["overall"], FW23)
    assert "其中 2 行改到新的类别" in edit.summary() and edit.unfit == 0
    apply_and_undo(tianyuan, edit)
    assert {r.level2 for r in tianyuan.overall.indicators if r.name.startswith("征拆")} <= {
        r.level2 for r in tianyuan.overall.indicators}
    assert [r.level1 for r in tianyuan.overall.indicators].count("成本指标") == 0
    assert set(tianyuan.frameworks) == {"hunan-2023", "hunan-2024"}  # the projects still use 2024
    assert tianyuan.projects[0].framework_id == "hunan-2024"
    assert unknown(tianyuan) == []


def test_a_blank_form_takes_the_new_frameworks_blank_rows():
    doc = new_document("某单位", 2024, FW24, starter_rows=True)
    assert all(is_blank(r) for r in doc.overall.indicators)
    edit = change_framework(doc, ["overall"], DPOE)
    assert "10 行空白指标" in edit.summary()
    apply_and_undo(doc, edit)
    assert [(r.level1, r.level2) for r in doc.overall.indicators][:2] == [("决策", "项目立项"), ("决策", "绩效目标")]
    assert len({r.id for r in doc.overall.indicators}) == 10 and unknown(doc) == []


def test_blank_rows_that_do_not_fit_are_dropped_typed_ones_kept():
    doc = new_document("某单位", 2024, FW24, starter_rows=True)
    doc.overall.indicators[0].name = "培训人次"
    edit = change_framework(doc, ["overall"], DPOE)
    apply_and_undo(doc, edit)
    assert [r.name for r in doc.overall.indicators] == ["培训人次"]
    assert "空白指标不再需要" in edit.summary()


def test_the_evaluator_follows_the_change_and_the_undo(tianyuan):
    evaluator = Evaluator(tianyuan)
    edit = change_framework(tianyuan, ["overall"], FREE)
    edit.apply(tianyuan)
    evaluator.refresh(edit.forms())
    assert evaluator.evaluation.forms["overall"].total == evaluate(tianyuan).forms["overall"].total
    assert not [f for f in evaluator.evaluation.findings if f.code == "points.level1_mismatch" and f.form == "overall"]
    edit.revert(tianyuan)
    evaluator.refresh(edit.forms())
    assert evaluator.evaluation.forms["overall"].total == D("92.93")


def test_a_clashing_id_gets_a_fresh_one_and_the_same_framework_is_shared(tianyuan):
    changed = FW24.replace(funding_points=D(20), level1=(FW24.level1[0].__class__("绩效指标", D(80), ("数量指标",)),))
    edit = change_framework(tianyuan, ["overall"], changed)  # same id as the projects' framework, other content
    apply_and_undo(tianyuan, edit)
    assert tianyuan.overall.framework_id == "hunan-2024-2" and tianyuan.frameworks["hunan-2024"] == FW24
    again = change_framework(tianyuan, ["projects[p1]"], tianyuan.frameworks["hunan-2024-2"])
    again.apply(tianyuan)
    assert tianyuan.projects[0].framework_id == "hunan-2024-2" and len(tianyuan.frameworks) == 2


def test_nothing_to_change_is_refused(tianyuan):
    with pytest.raises(edits.EditError, match="已经使用"):
        change_framework(tianyuan, scored_keys(tianyuan), FW24)
    with pytest.raises(edits.EditError, match="找不到表"):
        change_framework(tianyuan, ["basic"], FW23)


def test_move_to_group_refusals(tianyuan):
    row = tianyuan.overall.indicators[0]
    with pytest.raises(edits.EditError, match="已在"):
        move_to_group(tianyuan, "overall", row.id, row.level1, row.level2)
    with pytest.raises(edits.EditError, match="不是指标体系"):
        move_to_group(tianyuan, "overall", row.id, "产出指标", "成本指标")
    with pytest.raises(edits.EditError, match="找不到这一行"):
        move_to_group(tianyuan, "overall", "nope", "产出指标", "质量指标")
    move = move_to_group(tianyuan, "overall", row.id, "产出指标", "质量指标")
    apply_and_undo(tianyuan, move)
    quality = [r for r in tianyuan.overall.indicators if r.level2 == "质量指标"]
    assert quality[-1] is row


def test_a_changed_document_saves_reopens_and_scores_the_same(tianyuan, tmp_path):
    change_framework(tianyuan, scored_keys(tianyuan), FREE).apply(tianyuan)
    tianyuan.overall.indicators.append(IndicatorRow("zz", "旧类别", "旧二级", "留下的行", "1", "1", D(0), D(0)))
    storage.save(tianyuan, tmp_path / "t.jxzp")
    again = storage.load(tmp_path / "t.jxzp")
    assert [r.total for r in evaluate(again).forms.values()] == [r.total for r in evaluate(tianyuan).forms.values()]
    assert any("旧类别／旧二级" in f.message for f in unknown(again))


def test_every_framework_reference_is_found_through_the_registry(tianyuan):
    from model.framework_edits import framework_references
    refs = dict(framework_references(tianyuan))
    assert refs["overall.framework_id"] == "hunan-2024"
    assert {path for path in refs} == {"overall.framework_id"} | {
        f"projects[{p.id}].framework_id" for p in tianyuan.projects}
