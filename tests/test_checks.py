"""Checks (审核): each finding fires where RULES.md §4 says, with a message and a cell address."""
from decimal import Decimal

import pytest

from model import paths
from model.checks import future_year
from model.document import IndicatorRow, NamedExpenseLine
from model.evaluation import Evaluator, evaluate
from model.findings import CODES, ERROR, WARNING

D = Decimal


def codes(doc, severity=None):
    return [f.code for f in evaluate(doc).findings if severity is None or f.severity == severity]


def find(doc, code):
    found = [f for f in evaluate(doc).findings if f.code == code]
    assert found, f"{code} not raised"
    return found


def test_tianyuan_has_no_errors(tianyuan):
    assert codes(tianyuan, ERROR) == []


def test_every_finding_has_a_known_code_and_an_address(load_example):
    for name in ("tianyuan-2024", "yueyanglou-2023", "lukou-2023", "yuelu-2021"):
        doc = load_example(name)
        for finding in evaluate(doc).findings:
            assert finding.code in CODES
            assert finding.severity in (ERROR, WARNING)
            assert "：" in finding.message  # names the form first
            assert finding.path.startswith(finding.form + ".")
            try:
                paths.get(doc, finding.path)
            except paths.PathError:  # a computed cell: funding rate/total, level-1 points, 总分
                assert any(part in finding.path for part in (".funding.", ".level1[", ".total."))


def test_level1_points_and_total(tianyuan):
    tianyuan.overall.indicators[4].points = D(1)  # 效益指标 5 → 1
    level1 = find(tianyuan, "points.level1_mismatch")[0]
    assert level1.severity == ERROR and level1.path == "overall.level1[效益指标].points"
    assert "效益指标各行分值合计 16 分" in level1.message and "效益指标(20分)" in level1.message
    total = find(tianyuan, "points.total_not_100")[0]
    assert "分值合计 96 分" in total.message and total.path == "overall.total.points"


def test_score_outside_points(tianyuan):
    row = tianyuan.overall.indicators[2]
    row.score = D(12)
    above = find(tianyuan, "score.above_points")[0]
    assert above.severity == ERROR and above.path == f"overall.indicators[{row.id}].score"
    assert "第3行“征拆征收工作质量提升度”得分 12 超过分值 10" in above.message
    row.score = D(-1)
    assert find(tianyuan, "score.negative")[0].severity == ERROR


def test_income_and_expense_parts(tianyuan):
    tianyuan.overall.income.other = D(5)
    income = find(tianyuan, "funding.income_mismatch")[0]
    assert income.severity == ERROR and "1837.63" in income.message and "1832.63" in income.message
    tianyuan.overall.income.other = D("0.01")
    assert find(tianyuan, "funding.income_mismatch")[0].severity == WARNING  # 尾数误差
    tianyuan.overall.expense.basic = D("300")
    expense = find(tianyuan, "funding.expense_mismatch")[0]
    assert expense.severity == ERROR and "相差 65.67 万元" in expense.message


def test_no_budget_is_an_error(tianyuan):
    tianyuan.overall.funding.annual = None
    finding = find(tianyuan, "funding.no_budget")[0]
    assert finding.severity == ERROR and finding.path == "overall.funding.annual"
    project = tianyuan.projects[0]
    project.current.annual = D(0)
    assert any(f.path == "projects[p1].current.annual" for f in find(tianyuan, "funding.no_budget"))


def test_stated_total(load_example):
    doc = load_example("yueyanglou-2023")
    finding = find(doc, "total.stated_mismatch")[0]
    assert "99" in finding.message and "93.00" in finding.message and finding.severity == ERROR


def test_score_warnings(tianyuan):
    row = tianyuan.overall.indicators[0]  # 17宗 → 10宗, 得分 6, with a reason
    assert "score.below_points_no_reason" not in [f.code for f in evaluate(tianyuan).findings if row.id in f.path]
    row.deviation = ""
    finding = [f for f in find(tianyuan, "score.below_points_no_reason") if row.id in f.path][0]
    assert "建议得分 5.88" in finding.message
    row.score = D(10)  # full marks for 10 of 17: strays from 5.88
    stray = [f for f in find(tianyuan, "score.strays_from_suggestion") if row.id in f.path][0]
    assert "建议得分 5.88" in stray.message
    row.score = None
    assert any(row.id in f.path for f in find(tianyuan, "score.missing"))
    row.actual = ""
    assert any(row.id in f.path for f in find(tianyuan, "indicator.actual_empty"))


def test_qualitative_band(tianyuan):
    row = tianyuan.projects[0].indicators[3]  # 是否按时支付工资社保：是 / 是
    row.score, row.deviation = D(5), "延迟发放"
    finding = find(tianyuan, "score.out_of_band")[0]
    assert "达成年度指标" in finding.message and "8–10 分" in finding.message


def test_over_achievement(load_example):
    doc = load_example("lukou-2023")
    doc.overall.indicators[0].actual = "30篇"  # 15篇 → 30篇
    finding = find(doc, "indicator.over_achievement")[0]
    assert "超出指标值 15篇 达 100.00%" in finding.message
    doc.overall.indicators[0].deviation = "年中新增任务"
    assert "indicator.over_achievement" not in codes(doc)


def test_execution_and_budget_warnings(tianyuan):
    tianyuan.overall.funding.executed = D("1900")
    assert find(tianyuan, "funding.over_budget")[0].severity == WARNING
    assert "调整幅度 339.12%" in find(tianyuan, "funding.budget_adjusted")[0].message


def test_basic_data_checks(tianyuan):
    assert "145.00%" in find(tianyuan, "staff.control_rate_high")[0].message
    basic = tianyuan.basic
    basic.special_rows.append(NamedExpenseLine("s9", "新专项", None, None, D(10)))
    finding = [f for f in find(tianyuan, "basic.parts_mismatch") if f.path == "basic.special_total.final"][0]
    assert "各专项合计 1464.55 万元" in finding.message and "2024年决算数" in finding.message
    basic.vehicles.final = D(5)
    assert any(f.path == "basic.vehicles.final" for f in find(tianyuan, "basic.parts_mismatch"))
    basic.public_total.final = D(1)
    assert any(f.path == "basic.public_total.final" for f in find(tianyuan, "basic.parts_mismatch"))
    basic.building.approved_area, basic.building.actual_area = D(100), D(120)
    assert "120.00%" in find(tianyuan, "building.scale_over")[0].message
    basic.building.budget_investment, basic.building.actual_investment = D(100), D(101)
    assert find(tianyuan, "building.investment_over")


def test_basic_data_sums_are_warnings_even_when_far_off(load_example):
    doc = load_example("yueyanglou-2023")
    doc.basic.special_rows[0].final = D(100)
    finding = [f for f in find(doc, "basic.parts_mismatch") if f.path == "basic.special_total.final"][0]
    assert finding.severity == WARNING


def test_cross_form_figures(load_example, tianyuan):
    doc = load_example("yueyanglou-2023")
    finding = find(doc, "cross.mismatch")[0]
    assert "70.83" in finding.message and "49.55" in finding.message
    tianyuan.projects[2].current.executed = D("0.5")  # 双碳资金: 0.46 in the basic-data table
    mismatch = [f for f in find(tianyuan, "cross.mismatch") if f.form == "projects[p3]"][0]
    assert "0.50" in mismatch.message and "0.46" in mismatch.message


def test_future_year(tianyuan):
    finding = find(tianyuan, "text.future_year")[0]
    assert finding.path == "projects[p1].goals.actual" and "2027年" in finding.message
    assert future_year("2024年12月前完成，2025年 继续", 2024) == 2025
    assert future_year("12024年", 2024) is None and future_year("2023年度", 2024) is None


def test_not_applicable_rows(load_example):
    doc = load_example("yueyanglou-2023")
    row = next(r for r in doc.overall.indicators if r.not_applicable)
    row.points = D(6)
    assert "indicator.not_applicable_points" in codes(doc)
    assert "points.level1_mismatch" not in codes(doc)  # the header's 30 points are now allotted


def test_unknown_group(tianyuan):
    tianyuan.overall.indicators.append(IndicatorRow("r99", "其他指标", "杂项", "新指标", "1", "1", D(0), D(0)))
    assert find(tianyuan, "indicator.unknown_group")[0].severity == ERROR


def test_clean_form_has_no_row_findings(tianyuan):
    project = tianyuan.projects[3]  # 城镇独生子女父母奖励: all full marks
    assert [f for f in evaluate(tianyuan).findings if f.form == "projects[p4]"
            and f.code != "funding.budget_adjusted"] == []
    assert project.name == "城镇独生子女父母奖励"


def test_evaluator_recomputes_only_what_changed(tianyuan):
    evaluator = Evaluator(tianyuan)
    before = evaluator.evaluation
    tianyuan.projects[1].indicators[0].score = D(5)
    after = evaluator.refresh(changed=["projects[p2]"])
    assert after.forms["overall"] is before.forms["overall"]  # reused
    assert after.forms["projects[p2]"].total == before.forms["projects[p2]"].total - 5
    assert evaluate(tianyuan).findings == after.findings  # same as a full recompute


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_documented(code):
    from pathlib import Path
    assert code in (Path(__file__).parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")


def test_docs_list_every_code_once_with_its_group():
    """docs/checks.md is one table, one row per code (a later issue builds the in-app help from it)."""
    import re
    from pathlib import Path

    from model.findings import GROUP_LABELS, PLAUSIBILITY_CODES, SUBMISSION_CODES
    text = (Path(__file__).parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9_.]+)` \| ([^|]+) \| ([^|]+) \|", text, re.M)
    assert sorted(code for code, _, _ in rows) == sorted(CODES)
    for code, severity, group in rows:
        expected = ("submission" if code in SUBMISSION_CODES else
                    "plausibility" if code in PLAUSIBILITY_CODES else "review")
        assert group.strip() == GROUP_LABELS[expected], code
        assert severity.strip().split()[0] in ("error", "warning"), code
