"""合理性提示 and the year and name checks: a true case and a false case each, thresholds as options."""
import dataclasses
from decimal import Decimal

import pytest

from model.checks import future_year
from model.document import IndicatorRow
from model.evaluation import evaluate
from model.framework import Plausibility
from model.findings import GROUP_PLAUSIBILITY, WARNING

D = Decimal
PLANS = ("顺延", "计划", "下一步", "将于")


def found(doc, code):
    return [f for f in evaluate(doc).findings if f.code == code]


def set_plausibility(doc, **changes):
    """Change one option of every framework the document carries."""
    for key, fw in list(doc.frameworks.items()):
        doc.frameworks[key] = dataclasses.replace(fw, plausibility=dataclasses.replace(fw.plausibility, **changes))


# --- 基础数据表 ---------------------------------------------------------------------------------

def test_final_far_from_budget(load_example, tianyuan):
    doc = load_example("yueyanglou-2023")
    procurement = [f for f in found(doc, "basic.final_far_from_budget") if f.path == "basic.procurement.final"][0]
    assert procurement.severity == WARNING and procurement.group == GROUP_PLAUSIBILITY
    assert "15.77" in procurement.message and "2.05" in procurement.message and "7.69 倍" in procurement.message
    office = [f.path for f in found(doc, "basic.final_far_from_budget")]
    assert "basic.office.final" not in office  # 3.41 vs 1.50: 2.27 times, under the threshold of 3
    two_carbon = found(tianyuan, "basic.final_far_from_budget")
    assert [f.path for f in two_carbon] == [f"basic.special_rows[{tianyuan.basic.special_rows[2].id}].final"]
    assert "9.20%" in two_carbon[0].message  # 0.46 of 5
    assert "basic.utilities_travel.final" not in [f.path for f in two_carbon]  # 0.13 vs 0: under 1 万元
    set_plausibility(doc, final_vs_budget_ratio=None)
    assert found(doc, "basic.final_far_from_budget") == []


def test_three_public_rising(tianyuan):
    assert found(tianyuan, "basic.three_public_rise") == []  # 4 → 3.49
    tianyuan.basic.three_public.final = D(5)
    finding = found(tianyuan, "basic.three_public_rise")[0]
    assert finding.path == "basic.three_public.final" and "增加 1.00 万元（25.00%）" in finding.message
    set_plausibility(tianyuan, three_public_increase=D("0.3"))
    assert found(tianyuan, "basic.three_public_rise") == []


# --- indicator rows ------------------------------------------------------------------------

def with_row(doc, target, actual, name="指标", level1="产出指标", level2="数量指标"):
    row = IndicatorRow("r99", level1, level2, name, target, actual, D(0), D(0))
    doc.overall.indicators.append(row)
    return row


@pytest.mark.parametrize("target, actual, warned", [
    ("≤30万元", "完成", True),
    ("≤30万元", "28万元", False),
    ("100%", "已完成", True),
    ("20次以上", "全年开展研讨活动20次；组织参观4次。", False),  # the figure is in the words (seed 002)
    ("300户及以上", "困难救助500余户", False),
    ("2023年度完成", "已完成", False),  # a date, not a measure (seed 004)
    ("2024年12月前", "12月发放", False),
    ("不超过年初预算投入", "203.54万元", True),  # seed 004
    ("效果明显", "效果明显", False),
])
def test_value_kinds(tianyuan, target, actual, warned):
    row = with_row(tianyuan, target, actual)
    hits = [f for f in found(tianyuan, "indicator.value_kind_mismatch") if row.id in f.path]
    assert bool(hits) is warned
    if warned:
        assert hits[0].path == f"overall.indicators[{row.id}].actual"
        set_plausibility(tianyuan, value_kind_mismatch=False)
        assert not found(tianyuan, "indicator.value_kind_mismatch")


def test_cost_limit_against_executed(tianyuan):
    assert found(tianyuan, "indicator.cost_limit_exceeded") == []  # ≤1832.63万 vs 1820.23
    tianyuan.overall.funding.executed = D("1900")
    finding = found(tianyuan, "indicator.cost_limit_exceeded")[0]
    assert "≤1832.63万" in finding.message and "1900.00" in finding.message and finding.path.endswith(".target")
    row = with_row(tianyuan, "1500万", "1500万", name="成本", level1="成本指标", level2="经济成本指标")
    assert not [f for f in found(tianyuan, "indicator.cost_limit_exceeded") if row.id in f.path]  # no ≤: no limit
    set_plausibility(tianyuan, cost_limit_vs_executed=False)
    assert found(tianyuan, "indicator.cost_limit_exceeded") == []


@pytest.mark.parametrize("actual, warned", [("100%", True), ("99.32%", False), ("99%", False), ("98%", True)])
def test_execution_rate_row(tianyuan, actual, warned):
    with_row(tianyuan, "≥95%", actual, name="预算执行率")  # the funding block: 99.32%
    hits = found(tianyuan, "indicator.execution_rate_mismatch")
    assert bool(hits) is warned
    if warned:
        assert "99.32%" in hits[0].message


def test_execution_rate_needs_its_name(tianyuan):
    with_row(tianyuan, "≥95%", "100%", name="征拆完成率")
    assert found(tianyuan, "indicator.execution_rate_mismatch") == []


def test_near_miss_level2_names(tianyuan):
    row = with_row(tianyuan, "1年", "1年", level2="日效性指标")
    finding = [f for f in found(tianyuan, "indicator.unknown_group") if row.id in f.path][0]
    assert "是否应为“产出指标／时效指标”？" in finding.message
    row.level1, row.level2 = "产出指表", "质量指标"  # a typo in the level-1 name
    assert "是否应为“产出指标／质量指标”？" in found(tianyuan, "indicator.unknown_group")[0].message
    row.level1, row.level2 = "其他指标", "杂项"
    assert "是否应为" not in found(tianyuan, "indicator.unknown_group")[0].message
    row.level1, row.level2 = "产出指标", "日效性指标"
    set_plausibility(tianyuan, near_miss_ratio=None)
    assert "是否应为" not in found(tianyuan, "indicator.unknown_group")[0].message


def test_plausibility_defaults_are_off_for_a_framework_built_in_code():
    assert Plausibility().final_vs_budget_ratio is None and not Plausibility().value_kind_mismatch


# --- years -----------------------------------------------------------------------------------

def test_a_plan_in_the_deviation_is_not_a_wrong_year(tianyuan):
    row = tianyuan.overall.indicators[0]
    row.deviation = "原因：征拆资金压力巨大。剩余7宗顺延至2025年完成。"
    assert not [f for f in found(tianyuan, "text.future_year") if row.id in f.path]
    assert found(tianyuan, "text.future_year")[0].path == "projects[p1].goals.actual"  # seed 003's 2027年
    row.deviation = "2025年已完成剩余7宗。"  # no plan: a later year stated as done
    assert [f for f in found(tianyuan, "text.future_year") if row.id in f.path]
    tianyuan.overall.goals.actual = "剩余7宗顺延至2025年完成"  # plans count only in 偏差原因分析及改进措施
    assert any(f.path == "overall.goals.actual" for f in found(tianyuan, "text.future_year"))


@pytest.mark.parametrize("text, year", [
    ("剩余7宗顺延至2025年完成", None),
    ("计划于2025年6月底前完成", None),
    ("下一步，2025年将加强资金协调", None),  # the plan word and the year in one sentence
    ("下一步加强协调。2025年已完成", 2025),  # another sentence
    ("2027年劳务派遣人员按时发放工资缴纳社保。", 2027),
])
def test_future_year_with_plan_words(text, year):
    assert future_year(text, 2024, PLANS) == year


def test_plans_in_a_projects_improvement_measures(tianyuan):
    from model.document import ClosingTexts
    project = tianyuan.projects[1]
    project.closing = ClosingTexts("良好", "2026年进度偏慢", "下一步计划于2025年完成剩余工作")
    paths = [f.path for f in found(tianyuan, "text.future_year")]
    assert "projects[p2].closing.problems" in paths  # no plan there: a later year is a typo
    assert "projects[p2].closing.measures" not in paths
