"""Frameworks as bureaus hand them out: free weights, any names, validation (true and false cases),
scoring and checks that follow, the framework file and 新建's choice by year."""
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import storage
from model.document import IndicatorRow, OverallForm
from model.evaluation import evaluate
from model.factory import new_document
from model.framework import GradeBand, Level1, TotalCap, builtin_framework, builtin_frameworks, framework_from_dict
from model.framework_draft import GradeDraft, GroupDraft, build, draft_of, level2_names, points_summary
from model.framework_file import FrameworkFileError, dumps, file_stem, framework_for_year, load, loads, save
from model.framework_rules import framework_problems
from model.jsonread import FormatError
from model.layout import build_layout
from model.scoring import score_form, suggest

D = Decimal
FW24 = builtin_framework("hunan-2024")
FREE = builtin_framework("free-weights-90")
DPOE = builtin_framework("decision-process-output-effect")


def one_problem(fw, text):
    problems = framework_problems(fw)
    assert any(text in p for p in problems), problems
    with pytest.raises(FormatError, match=text.replace("(", r"\(").replace(")", r"\)")):
        framework_from_dict(fw.to_dict())


# --- validation: one rule book, true and false cases --------------------------------------------

def test_every_shipped_framework_is_valid():
    frameworks = builtin_frameworks()
    assert {"free-weights-90", "decision-process-output-effect"} <= set(frameworks)
    for fw in frameworks.values():
        assert framework_problems(fw) == [], fw.id
        assert fw.total_points == 100


def test_points_must_total_100():
    one_problem(FW24.replace(funding_points=D(20)), "分值合计 110 分（资金执行 20 分＋产出指标 40 分＋效益指标 20 分")
    short = FW24.replace(level1=FW24.level1[:3])
    one_problem(short, "应为 100 分")
    assert framework_problems(DPOE) == [] and DPOE.funding_points == 0


def test_free_weights_need_room_and_pass_with_it():
    assert framework_problems(FREE) == [] and FREE.indicator_points == 90 and FREE.free
    one_problem(FREE.replace(funding_points=D(100)), "没有可分配的分值")
    mixed = FW24.replace(level1=(FW24.level1[0], Level1("其他指标", None, ("社会效益指标",))))
    assert framework_problems(mixed) == [] and mixed.indicator_points == 90  # 产出 40 fixed, the rest free


def test_names_must_be_unique_and_present():
    one_problem(FW24.replace(level1=FW24.level1 + (FW24.level1[0],)), "一级指标“产出指标”重复")
    doubled = Level1("产出指标", D(40), ("数量指标", "数量指标"))
    one_problem(FW24.replace(level1=(doubled,) + FW24.level1[1:]), "二级指标“数量指标”重复")
    one_problem(FW24.replace(level1=(Level1("产出指标", D(40), ()),) + FW24.level1[1:]), "至少要有一个二级指标")
    one_problem(FW24.replace(level1=()), "至少要有一个一级指标")
    # the reader already refuses empty names field by field; the editor gets the same words
    assert "一级指标名称不能为空" in framework_problems(
        FW24.replace(level1=(Level1(" ", D(40), ("数量指标",)),) + FW24.level1[1:]))
    assert "指标体系名称不能为空" in framework_problems(FW24.replace(name=" "))


def test_grade_bands_must_be_ordered_and_reach_zero():
    swapped = (GradeBand("优", D(90)), GradeBand("中", D(60)), GradeBand("良", D(80)), GradeBand("差", D(0)))
    one_problem(FW24.replace(grades=swapped), "从高到低排列")
    one_problem(FW24.replace(grades=(GradeBand("优", D(90)), GradeBand("良", D(60)))), "最低分应为 0")
    one_problem(FW24.replace(grades=(GradeBand("优", D(90)), GradeBand("优", D(0)))), "评价等次“优”重复")
    one_problem(FW24.replace(grades=()), "至少要有一个评价等次")
    assert framework_problems(FW24.replace(grades=(GradeBand("合格", D(60)), GradeBand("不合格", D(0))))) == []


def test_caps_and_over_achievement_options_are_checked():
    good = FW24.replace(caps=(TotalCap(D(80), D(89)), TotalCap(D(70), D(79))))
    assert framework_problems(good) == []
    one_problem(FW24.replace(caps=(TotalCap(D(80), D(70)), TotalCap(D(70), D(79)))), "执行率越低、总分上限越低")
    one_problem(FW24.replace(caps=(TotalCap(D(120), D(89)),)), "执行率应在 0 到 100%")
    one_problem(FW24.replace(over_achievement_action="deduct", over_achievement_deduction=D(0)), "扣分应大于 0")
    assert framework_problems(FW24.replace(over_achievement=None, over_achievement_deduction=D(0))) == []


def test_a_free_group_is_stored_as_null_points_and_reads_back():
    data = FREE.to_dict()
    assert data["level1"][0]["points"] is None
    assert data["options"]["over_achievement_action"] == "warn"
    assert framework_from_dict(data) == FREE


# --- scoring and checks follow the framework ---------------------------------------------------

def free_form(points):
    rows = [IndicatorRow(f"r{i}", "绩效指标", "数量指标", f"指标{i}", "10个", "10个", D(p), D(p))
            for i, p in enumerate(points, 1)]
    doc = new_document("某单位", 2024, FREE)
    doc.overall = OverallForm(framework_id=FREE.id, indicators=rows)
    doc.overall.funding.annual = doc.overall.funding.executed = D(100)
    return doc


def codes(doc):
    return {f.code for f in evaluate(doc).findings}


def test_free_weights_score_without_a_level1_mismatch():
    doc = free_form([30, 25, 35])  # 90 over three rows of the one group 绩效指标
    evaluation = evaluate(doc)
    assert evaluation.forms["overall"].total == D("100.00") and evaluation.forms["overall"].grade == "优"
    assert not {"points.level1_mismatch", "points.total_not_100"} & codes(doc)
    assert evaluation.provisional("overall") == []
    short = free_form([30, 25, 30])
    assert "points.level1_mismatch" not in codes(short)
    total = next(f for f in evaluate(short).findings if f.code == "points.total_not_100")
    assert "分值合计 95 分" in total.message and "应为 100 分" in total.message


def test_labels_without_points_print_the_name_and_messages_say_so():
    layout = build_layout(free_form([90]), "overall", evaluate(free_form([90])))
    assert "绩效指标" in [c.text for c in layout.cells] and not any("绩效指标(" in c.text for c in layout.cells)
    plain = FW24.replace(label_points=False)
    doc = new_document("某单位", 2024, plain, starter_rows=True)
    doc.overall.indicators[0].points = D(30)
    labels = [c.text for c in build_layout(doc, "overall", evaluate(doc)).cells]
    assert "产出指标" in labels and "产出指标\n(40分)" not in labels
    mismatch = next(f for f in evaluate(doc).findings if f.code == "points.level1_mismatch")
    assert "与指标体系规定的 40 分不符" in mismatch.message and "表头" not in mismatch.message
    assert "产出指标\n(40分)" in [c.text for c in build_layout(new_document("x", 2024, FW24, starter_rows=True),
                                                                "overall", None).cells]


def over_row():
    return IndicatorRow("r1", "产出指标", "数量指标", "培训人次", "100人次", "140人次", D(10), D(10))


def test_over_achievement_warns_by_default_and_can_deduct_from_the_suggestion():
    warned = suggest(over_row(), FW24)
    assert warned.score == D(10) and warned.over_ratio == D("0.4")
    deduct = FW24.replace(over_achievement_action="deduct", over_achievement_deduction=D(2))
    cut = suggest(over_row(), deduct)
    assert cut.score == D("8.00") and "扣 2 分" in cut.explanation and "达 40%（≥30%）" in cut.explanation
    below = IndicatorRow("r1", "产出指标", "数量指标", "培训人次", "100人次", "120人次", D(10), D(10))
    assert suggest(below, deduct).score == D(10)  # 20 % over: under the 30 % threshold
    assert suggest(over_row(), FW24.replace(over_achievement=None)).over_ratio is None


def test_a_deduction_shows_in_the_suggestion_never_in_the_total():
    deduct = FW24.replace(over_achievement_action="deduct")
    doc = new_document("某单位", 2024, deduct, starter_rows=True)
    doc.overall.indicators = [over_row()]
    result = score_form(doc.overall, deduct)
    assert result.subtotals["产出指标"] == D(10)  # the typed 得分 counts as typed
    warning = next(f for f in evaluate(doc).findings if f.code == "indicator.over_achievement")
    assert "建议扣 2 分" in warning.message
    stray = next(f for f in evaluate(doc).findings if f.code == "score.strays_from_suggestion")
    assert "建议得分 8" in stray.message


def test_caps_by_execution_rate_come_from_the_framework():
    capped = FW24.replace(caps=(TotalCap(D(80), D(89)),))
    doc = new_document("某单位", 2024, capped)
    doc.overall.funding.annual, doc.overall.funding.executed = D(100), D(75)
    doc.overall.indicators = [IndicatorRow(f"r{i}", g.name, g.level2[0], "x", "1", "1", g.points, g.points)
                              for i, g in enumerate(capped.level1)]
    assert evaluate(doc).forms["overall"].total == D("89.00")


# --- the editor's draft -----------------------------------------------------------------------

def test_an_unchanged_draft_builds_the_same_framework():
    for fw in builtin_frameworks().values():
        built, problems = build(draft_of(fw), fw, fw.id)
        assert problems == [] and built == fw, fw.id


def test_a_draft_for_decision_process_output_effect():
    draft = draft_of(FW24)
    draft.name, draft.funding_points = "宁夏项目评价", "0"
    draft.groups = [GroupDraft("决策", False, "10", "项目立项、绩效目标"), GroupDraft("过程", False, "25", "资金管理\n组织实施"),
                    GroupDraft("产出", False, "３０分", "产出数量、产出质量"), GroupDraft("效益", False, "35", "项目效益")]
    built, problems = build(draft, FW24, "custom")
    assert problems == [] and [g.points for g in built.level1] == [10, 25, 30, 35]
    assert built.level1[1].level2 == ("资金管理", "组织实施") and built.funding_points == 0
    assert built.reverse_keywords == FW24.reverse_keywords  # what the editor does not show is kept
    draft.groups[2].points = "三十"
    assert build(draft, FW24, "custom") == (None, ["一级指标“产出”的分值“三十”不是数字"])
    draft.groups[2].points = "20"
    assert "分值合计 90 分" in build(draft, FW24, "custom")[1][0]
    assert points_summary(draft).endswith("= 90 分")


def test_a_draft_with_free_weights_and_options():
    draft = draft_of(FW24)
    draft.groups = [GroupDraft("绩效指标", True, "", "数量指标、质量指标")]
    draft.over_action, draft.over_percent, draft.over_deduction = "deduct", "30%", "2"
    draft.caps[:] = []
    built, problems = build(draft, FW24, "custom")
    assert problems == [] and built.level1[0].points is None and built.over_achievement == D("0.3")
    assert built.over_achievement_action == "deduct" and "合计应为 90 分" in points_summary(draft)
    draft.over_action = "off"
    assert build(draft, FW24, "custom")[0].over_achievement is None
    assert level2_names("数量指标、 质量指标，时效指标\n\n成本指标") == ("数量指标", "质量指标", "时效指标", "成本指标")


# --- the framework file ------------------------------------------------------------------------

def test_a_framework_file_round_trips(tmp_path):
    path = tmp_path / f"{file_stem(FREE)}.json"
    save(FREE, path)
    assert load(path) == FREE
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "jxzp-framework"


@pytest.mark.parametrize("change, message", [
    (lambda d: d["framework"].update(funding_points="30"), "分值合计 120 分"),
    (lambda d: d["framework"]["grades"].reverse(), "从高到低排列"),
    (lambda d: d.update(format="jxzp"), "这是绩效自评文档"),
    (lambda d: d.update(format="other"), "不是指标体系文件"),
    (lambda d: d.update(version=9), "请升级程序"),
    (lambda d: d.update(extra=1), "无法识别的字段"),
    (lambda d: d["framework"]["level1"][0].update(points="四十"), "应为数字"),
])
def test_bad_framework_files_are_refused_with_the_message(change, message):
    data = json.loads(dumps(FW24))
    change(data)
    with pytest.raises(FrameworkFileError, match=message):
        loads(json.dumps(data, ensure_ascii=False))


def test_odd_framework_files_are_refused(tmp_path):
    with pytest.raises(FrameworkFileError, match="出现了两次"):
        loads('{"format": "jxzp-framework", "format": "jxzp-framework"}')
    with pytest.raises(FrameworkFileError, match="不完整或已损坏"):
        loads(dumps(FW24)[:200])
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (1024 * 1024 + 10))
    with pytest.raises(FrameworkFileError, match="过大"):
        load(big)
    with pytest.raises(FrameworkFileError, match="找不到"):
        load(tmp_path / "missing.json")
    (tmp_path / "x.json").write_bytes(b"PK\x03\x04rest")
    with pytest.raises(FrameworkFileError, match="办公文件"):
        load(tmp_path / "x.json")
    (tmp_path / "y.json").write_bytes("{}".encode("utf-16"))
    with pytest.raises(FrameworkFileError, match="UTF-8"):
        load(tmp_path / "y.json")


def test_a_document_with_a_free_framework_saves_and_reopens(tmp_path):
    doc = free_form([45, 45])
    storage.save(doc, tmp_path / "free.jxzp")
    again = storage.load(tmp_path / "free.jxzp")
    assert again.frameworks[FREE.id] == FREE and evaluate(again).forms["overall"].total == D("100.00")


# --- 新建's choice by year -------------------------------------------------------------------------

@pytest.mark.parametrize("year, ident", [(2019, "hunan-2023"), (2023, "hunan-2023"), (2024, "hunan-2024"),
                                         (2031, "hunan-2024")])
def test_new_documents_get_the_framework_of_their_year_with_a_reason(year, ident):
    framework, reason = framework_for_year(year)
    assert framework.id == ident and f"{year}年度" in reason
    assert ("2023版" if ident == "hunan-2023" else "2024版") in reason


# --- a framework read from a paper form (import) is always a usable one ---------------------------

def test_a_paper_form_without_printed_points_imports_with_free_weights():
    from importers.frameworks import choose
    from importers.read_scored import ReadIndicator

    def read(level1, points, level2, row_points):
        return ReadIndicator(level1, points, level2, IndicatorRow("r", level1, level2, points=D(row_points)))
    free = choose([read("绩效指标", None, "数量指标", 50), read("绩效指标", None, "质量指标", 40)], D(10), 2024)
    assert free.level1[0].points is None and framework_problems(free) == []
    short = choose([read("产出指标", D(50), "数量指标", 50), read("效益指标", D(30), "社会效益指标", 30)], D(10), 2024)
    assert [g.points for g in short.level1] == [None, None] and framework_problems(short) == []  # 90 ≠ 100
    fixed = choose([read("产出指标", D(60), "数量指标", 60), read("效益指标", D(30), "社会效益指标", 30)], D(10), 2024)
    assert [g.points for g in fixed.level1] == [60, 30] and framework_problems(fixed) == []


# --- whatever is typed into the editor, it answers with a framework or with reasons -----------------
_typed = st.one_of(st.sampled_from(["", "10", "90", "０", "3.5", "-1", "abc", "1e5", "30%", "10分", " "]),
                   st.text(max_size=8))


@settings(max_examples=200, deadline=None)
@given(funding=_typed, groups=st.lists(st.tuples(st.text(max_size=6), st.booleans(), _typed, st.text(max_size=20)),
                                       max_size=4),
       grades=st.lists(st.tuples(st.text(max_size=3), _typed), max_size=4), over=_typed,
       action=st.sampled_from(["off", "warn", "deduct"]))
def test_the_draft_never_fails_and_never_lets_a_bad_framework_through(funding, groups, grades, over, action):
    draft = draft_of(FW24)
    draft.funding_points, draft.over_percent, draft.over_action = funding, over, action
    draft.groups = [GroupDraft(*group) for group in groups]
    if grades:
        draft.grades = [GradeDraft(*band) for band in grades]
    framework, problems = build(draft, FW24, "custom")
    assert (framework is None) == bool(problems)
    if framework is not None:
        assert framework_problems(framework) == [] and framework_from_dict(framework.to_dict()) == framework
