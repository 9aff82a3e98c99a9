"""Scoring in exact decimals (RULES.md §3), with the seeds' worked numbers."""
import dataclasses
from decimal import Decimal

import pytest

from model.document import FundingLine, IndicatorRow, OverallForm, ProjectForm
from model.framework import TotalCap, builtin_framework, builtin_frameworks
from model.money import ratio
from model.scoring import funding_score, score_form, suggest

D = Decimal
FW24 = builtin_framework("hunan-2024")
FW23 = builtin_framework("hunan-2023")


@pytest.mark.parametrize("executed, annual, rate, score", [
    ("1820.23", "1832.63", "99.32", "9.93"),  # seed 003 overall
    ("43.99", "44", "99.98", "10.00"),
    ("2.99", "3", "99.67", "9.97"),
    ("0.46", "5", "9.20", "0.92"),
    ("1216.62", "1216.62", "100.00", "10.00"),
    ("120", "100", "120.00", "10.00"),  # over-execution never earns more than 分值
])
def test_funding_score_matches_seeds(executed, annual, rate, score):
    fraction = ratio(D(executed), D(annual))
    assert f"{fraction * 100:.2f}" == rate
    assert funding_score(D(10), fraction) == D(score)


def test_undefined_rate_scores_zero():
    assert ratio(D(1), D(0)) is None and ratio(None, D(5)) is None
    assert funding_score(D(10), None) == D("0.00")


def test_score_uses_the_printed_rate():
    fraction = ratio(D("1500"), D("1832.63"))  # 0.818496…, printed 81.85%
    assert funding_score(D(10), fraction) == D("8.19")  # 10 × 81.85% = 8.185 → 8.19 (not 8.18)


def test_half_up_rounding_not_bankers():
    assert funding_score(D(10), D("0.99925")) == D("9.99")  # 9.9925
    assert funding_score(D(10), D("0.9995")) == D("10.00")  # 9.995
    assert funding_score(D(10), D("0.9985")) == D("9.99")  # 9.985 → 9.99 (bankers' rounding gives 9.98)


def row(name="指标", target="", actual="", points=10, score=None, level1="产出指标", level2="数量指标", **kw):
    return IndicatorRow("r1", level1, level2, name, target, actual,
                        None if points is None else D(points), None if score is None else D(score), **kw)


@pytest.mark.parametrize("target, actual, expected, rule", [
    ("17宗", "10宗", "5.88", "positive"),
    ("1462.248亩", "1128亩", "7.71", "positive"),
    ("≥98%", "98%", "10.00", "positive"),
    ("≧95%", "98%", "10.00", "positive"),
    ("90%", "85%", "9.44", "positive"),
    (">90%", "90%", "10.00", "positive"),  # strict > with 90 achieved: not met, 90/90 → full by ratio
    ("≤5%", "4%", "10.00", "reverse"),
    ("≤5%", "10%", "5.00", "reverse"),
    ("≤1832.63万", "1820.23万", "10.00", "reverse"),
    ("5万", "4647元", "0.93", "positive"),  # no cost word or group: 4647 ÷ 50000 × 10
])
def test_quantitative_suggestions(target, actual, expected, rule):
    suggestion = suggest(row(target=target, actual=actual), FW24)
    assert suggestion.rule == rule
    assert suggestion.score == D(expected)
    assert suggestion.explanation


def test_cost_rows_are_reverse_by_name_or_group():
    by_name = suggest(row(name="工作经费成本", target="5万", actual="4647元", level1="成本指标",
                          level2="经济成本指标", points=20), FW24)
    assert (by_name.rule, by_name.score) == ("reverse", D("20.00"))
    by_group = suggest(row(name="补偿金额", target="1407万", actual="1500万", level1="成本指标",
                           level2="经济成本指标", points=20), FW24)
    assert by_group.rule == "reverse"
    assert by_group.score == D("18.76")  # 1407 ÷ 1500 × 20
    assert "1407 ÷ 1500 × 20 = 18.76" in by_group.explanation
    rate_in_cost_group = suggest(row(name="无超出规定用途的支出", target="100%", actual="95%", level2="成本指标"), FW23)
    assert rate_in_cost_group.rule == "positive"
    assert suggest(row(name="征拆纠纷发生率", target="5%", actual="2%"), FW24).rule == "reverse"


def test_linear_reverse_rule_is_selectable():
    linear = dataclasses.replace(FW24, reverse_rule="linear")
    assert suggest(row(target="≤10万", actual="15万"), linear).score == D("5.00")  # halfway to 2× target
    assert suggest(row(target="≤10万", actual="25万"), linear).score == D("0.00")
    assert suggest(row(target="≤10万", actual="15万"), FW24).score == D("6.67")  # ratio: 10 ÷ 15 × 10


@pytest.mark.parametrize("target, actual, band, expected", [
    ("是", "是", "达成年度指标", "10.00"),
    ("2023年度完成", "已完成", "达成年度指标", "10.00"),
    ("效果明显", "效果明显", "达成年度指标", "10.00"),
    ("各项工作任务年底前完成", "基本完成", "部分达成年度指标并具有一定效果", "7.00"),
    ("年底前完成", "未完成", "未达成年度指标且效果较差", "3.00"),
    ("100%", "已完成", "达成年度指标", "10.00"),  # a numeric target met in words
])
def test_qualitative_bands(target, actual, band, expected):
    suggestion = suggest(row(target=target, actual=actual), FW24)
    assert suggestion.rule == "qualitative"
    assert suggestion.band.label == band
    assert suggestion.score == D(expected)


def test_no_suggestion_when_it_cannot_be_made():
    assert suggest(row(target="2840亩", actual="26户"), FW24).score is None  # different units
    assert suggest(row(target="17宗", actual=""), FW24).score is None
    assert suggest(row(target="17宗", actual="10宗", points=None), FW24).score is None
    assert suggest(row(target="重点加强", actual="通过努力成功协调处理两件诉讼案"), FW24).score is None
    na = suggest(row(target="不适用", actual="不适用", not_applicable=True), FW24)
    assert na.rule == "not_applicable" and na.score is None


def test_over_achievement_is_noticed_not_cut():
    suggestion = suggest(row(target="15篇", actual="20篇"), FW23)
    assert suggestion.score == D("10.00")
    assert suggestion.over_ratio == D(20) / D(15) - 1
    assert suggest(row(target="15篇", actual="18"), FW23).over_ratio is None  # 20 % < 30 % threshold


def overall(rows, framework="hunan-2024", funding=("1832.63", "1820.23")):
    form = OverallForm(framework, funding=FundingLine(None, D(funding[0]), D(funding[1])))
    form.indicators = rows
    return form


def make_rows(spec):
    return [IndicatorRow(f"r{i}", l1, l2, f"指标{i}", "", "", D(p), None if s is None else D(s))
            for i, (l1, l2, p, s) in enumerate(spec)]


def test_seed_003_overall_total():
    rows = make_rows([("产出指标", "数量指标", 10, 6), ("产出指标", "数量指标", 10, 8), ("产出指标", "质量指标", 10, 10),
                      ("产出指标", "时效指标", 10, 10), ("效益指标", "经济效益指标", 5, 5), ("效益指标", "社会效益指标", 5, 5),
                      ("效益指标", "生态效益指标", 5, 5), ("效益指标", "可持续影响指标", 5, 5),
                      ("满意度指标", "服务对象满意度指标", 10, 9), ("成本指标", "经济成本指标", 10, 10),
                      ("成本指标", "社会成本指标", 10, 10)])
    result = score_form(overall(rows), FW24)
    assert result.funding_score == D("9.93")
    assert result.subtotals == {"产出指标": 34, "效益指标": 20, "满意度指标": 9, "成本指标": 20}
    assert result.total == D("92.93") and result.grade == "优"
    assert result.points_total == 100
    for value in (result.total, result.funding_score, result.rate, *result.subtotals.values()):
        assert isinstance(value, Decimal)


@pytest.mark.parametrize("total, grade", [("90", "优"), ("89.99", "良"), ("80", "良"), ("79.99", "中"),
                                          ("60", "中"), ("59.99", "差"), ("0", "差"), ("100", "优")])
def test_grade_bands(total, grade):
    assert FW24.grade_for(D(total)) == grade


def test_project_funding_total_is_sum_of_sources():
    project = ProjectForm("p1", "hunan-2024", current=FundingLine(D(0), D(0), D(0)),
                          carryover=FundingLine(D(0), D(1407), D(1407)))
    assert project.annual_funding == FundingLine(D(0), D(1407), D(1407))
    assert ProjectForm("p2", "hunan-2024").annual_funding == FundingLine(None, None, None)


def test_not_applicable_rescale_is_configurable():
    rows = make_rows([("产出指标", "数量指标", 40, 40), ("效益指标", "经济效益指标", 10, 8),
                      ("效益指标", "生态效益指标", 10, None), ("满意度指标", "服务对象满意度指标", 10, 10),
                      ("成本指标", "经济成本指标", 20, 20)])
    rows[2].not_applicable = True
    excluded = score_form(overall(rows), FW24)
    assert excluded.total == D("9.93") + 78
    rescale = dataclasses.replace(FW24, not_applicable="rescale")
    rescaled = score_form(overall(rows), rescale)
    assert rescaled.rescale_factor == D(90) / D(80)
    assert rescaled.total == D("9.93") + D("87.75")  # 78 × 90 ÷ 80


def test_caps_apply_only_when_configured():
    rows = make_rows([("产出指标", "数量指标", 40, 40), ("效益指标", "经济效益指标", 20, 20),
                      ("满意度指标", "服务对象满意度指标", 10, 10), ("成本指标", "经济成本指标", 20, 20)])
    form = overall(rows, funding=("100", "75"))  # 执行率 75 %
    assert score_form(form, FW24).total == D("97.50")
    capped = dataclasses.replace(FW24, caps=(TotalCap(D(80), D(89)), TotalCap(D(70), D(79)),
                                             TotalCap(D(60), D(69)), TotalCap(D(50), D(59))))
    result = score_form(form, capped)
    assert result.total == D("89.00") and result.grade == "良" and result.cap.max_total == 89
    form.funding.executed = D(45)
    assert score_form(form, capped).total == D("59.00")


def test_unscored_funding_framework():
    fw = builtin_framework("unscored-funding")
    assert fw.funding_points == 0 and fw.indicator_points == 100 and not fw.label_points
    form = overall([], framework="unscored-funding")
    assert score_form(form, fw).funding_score == 0


def test_builtin_frameworks_total_100():
    frameworks = builtin_frameworks()
    assert {"hunan-2023", "hunan-2024", "unscored-funding", "funding20-indicators80"} <= set(frameworks)
    for fw in frameworks.values():
        assert fw.total_points == 100, fw.id
    assert builtin_framework("funding20-indicators80").funding_points == 20
    assert [g.label() for g in FW24.level1] == ["产出指标(40分)", "效益指标(20分)", "满意度指标(10分)", "成本指标(20分)"]
