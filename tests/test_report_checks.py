"""Checks of the reports' text against the forms, run with every evaluation."""
import json
import subprocess
import sys
from decimal import Decimal

import pytest

from model.evaluation import Evaluator, evaluate
from model.report import section_path
from model.report_checks import affected_reports
from model.report_draft import create_reports, remove_report
from model.report_edits import set_section_text
from tests.conftest import ROOT, example_path


def report_findings(doc, code=None):
    return [f for f in evaluate(doc).report_findings if code is None or f.code == code]


def with_text(doc, text, key="project", heading=None):
    """``doc`` whose 整体 report has ``text`` in the section of outline key ``key`` (all else empty)."""
    doc.reports = []
    create_reports(doc, evaluate(doc), projects=False).apply(doc)
    report = doc.reports[0]
    section = next(s for s in report.sections if s.key == key)
    section.text = text
    if heading:
        section.heading = heading
    return report, section


def test_check_of_tianyuan_names_the_reports_1454_55_and_the_forms_1454_56(tianyuan):
    [finding] = [f for f in report_findings(tianyuan, "report.figure_mismatch") if "1454" in f.message]
    assert "“二（二）项目支出情况”第1段写项目支出 1454.55 万元" in finding.message
    assert "部门整体支出绩效自评表（按支出性质分）为 1454.56 万元" in finding.message
    assert "整体支出绩效评价基础数据表“项目支出”行本年决算数为 1454.55 万元" in finding.message
    report = tianyuan.reports[0]
    section = next(s for s in report.sections if s.key == "project")
    assert finding.path == section_path(report.id, section.id) and finding.form == f"reports[{report.id}]"
    assert evaluate(tianyuan).report_paragraphs[finding] == 1


def test_check_of_tianyuan_finds_the_双碳资金_figure_of_the_seed(tianyuan):
    messages = [f.message for f in report_findings(tianyuan, "report.figure_mismatch")]
    assert any("第5段写“双碳资金” 0.92 万元" in m and "全年执行数 0.46" in m for m in messages)
    assert any("第6段写项目支出 0.92 万元" in m and "双碳资金）的全年执行数为 0.46 万元" in m for m in messages)
    assert len(messages) == 3  # every other figure of seed 003's report agrees with its forms


def test_the_check_command_reports_it(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", "--json", str(example_path("tianyuan-2024"))],
                            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr  # warnings only
    summary = json.loads(result.stdout)
    found = [f for f in summary["findings"] if f["code"] == "report.figure_mismatch" and "1454.55" in f["message"]]
    assert found and found[0]["form"] == "report" and found[0]["form_title"] == "整体支出绩效自评报告"
    assert found[0]["location"].startswith("reports[") and found[0]["location"].endswith(".text")


def test_the_seeds_other_report_findings(load_example):
    lukou = report_findings(load_example("lukou-2023"))
    assert [f.code for f in lukou] == ["report.unit_mismatch"]  # 征地协调服务中心 for 征地工作协调服务中心
    yueyanglou = report_findings(load_example("yueyanglou-2023"))
    assert {f.code for f in yueyanglou} == {"report.figure_mismatch", "report.section_empty"}
    assert any("九、单位整体支出绩效自评结果拟应用和公开情况" in f.message for f in yueyanglou)
    assert report_findings(load_example("yuelu-2021")) == []  # its plans for 2022 are plans


@pytest.mark.parametrize("text, found", [
    ("2024年项目支出1454.56万元。", False),
    ("2024 年项目支出 1454.6 万元。", False),  # rounded as written
    ("2024 年项目支出 1455 万元。", False),
    ("2024 年项目支出 1,454.55 万元。", False),  # not a figure the check reads (thousands separator)
    ("项目支出 1454.55万元", True),
    ("项目支出总数为1450万元", True),
    ("项目支出预算1459.11万元", False),  # a budget figure: the 基础数据表's 本年预算数
    ("项目支出预算1459.10万元", True),
    ("基本支出365.67万元，其中人员经费300万元", False),  # 人员经费 is held by no form
    ("基本支出365.66万元", True),
    ("三公经费支出3.49万元，比预算减少0.01万元", False),
    ("“三公”经费支出3.40万元", True),
    ("三公经费上年4万元", False),
    ("公用经费100万元", False),  # the 基础数据表 leaves 公用经费 empty: nothing to compare
    ("预算执行率99.3%。", False),
    ("预算执行率99.4%。", True),
    ("执行率为 99.32 %", False),
    ("自评总分92.93分", False),
    ("总分93分", False),  # 92.93 rounded as written
    ("总分90分", True),
    ("基本支出占全年执行数的20.09%", False),  # a share, not an amount
])
def test_figures_next_to_labels(tianyuan, text, found):
    with_text(tianyuan, text)
    assert bool(report_findings(tianyuan, "report.figure_mismatch")) is found


def test_a_paragraph_about_one_project_is_checked_against_that_project(tianyuan):
    with_text(tianyuan, "“拆违治违经费”全年预算数44万元，实际支出43.99万元，执行率99.98%。\n项目支出43.99万元。\n"
                        "“双碳资金”金额5万元，实际支出0.46万元。\n项目支出0.46万元，执行率9.2%。", key="project_performance")
    assert report_findings(tianyuan, "report.figure_mismatch") == []
    with_text(tianyuan, "“拆违治违经费”全年预算数44万元，实际支出43.90万元。\n项目支出43.90万元，执行率99%。",
              key="project_performance")
    messages = [f.message for f in report_findings(tianyuan, "report.figure_mismatch")]
    assert len(messages) == 3 and "第1段写“拆违治违经费” 43.90 万元" in messages[0]
    # a list of projects is not about one of them: 项目支出 there is the unit's
    with_text(tianyuan, "项目支出1454.56万元，包括拆违治违经费、双碳资金等5个项目。")
    assert report_findings(tianyuan, "report.figure_mismatch") == []


def test_years_after_the_reports_year(tianyuan):
    with_text(tianyuan, "2025年完成征拆项目10宗。", key="overall_performance")
    [finding] = report_findings(tianyuan, "text.future_year")
    assert "第1段写有“2025年”，晚于本报告年度 2024 年" in finding.message
    with_text(tianyuan, "2025年将完成征拆项目10宗。\n计划2026年前完成。", key="overall_performance")
    assert report_findings(tianyuan, "text.future_year") == []
    with_text(tianyuan, "2025年完成征拆项目10宗。", key="measures")  # a section about plans
    assert report_findings(tianyuan, "text.future_year") == []


def test_empty_required_sections_drafts_and_prompts(tianyuan):
    report, section = with_text(tianyuan, "2024年项目支出1454.56万元。")
    empty = report_findings(tianyuan, "report.section_empty")
    # 14 sections: 二 and its （二） hold text, 其他需要说明的情况 is not required
    assert len(empty) == 11
    assert not any("二、一般公共预算支出情况" in f.message for f in empty)
    section.text = "【请补充：本单位的情况。】"
    section.draft = True
    assert len(report_findings(tianyuan, "report.prompt_left")) == 1
    assert len(report_findings(tianyuan, "report.draft_unedited")) == 1
    for s in report.sections:
        s.text = ""
    [only] = report_findings(tianyuan)
    assert only.code == "report.section_empty" and "尚未填写" in only.message


def test_title_names_the_unit_and_year(tianyuan):
    report = tianyuan.reports[0]
    report.title = "2023年度株洲市天元区征地协调服务中心整体支出绩效自评报告"
    codes = sorted(f.code for f in report_findings(tianyuan) if f.path.endswith(".title"))
    assert codes == ["report.unit_mismatch", "report.year_mismatch"]
    report.title = "2024 年度株洲市天元区征地工作协调服务中心 整体支出绩效自评报告"
    assert not [f for f in report_findings(tianyuan) if f.path.endswith(".title")]


def test_a_project_report_whose_project_is_gone(load_example):
    doc = load_example("lukou-2023")
    doc.projects = []
    [finding] = report_findings(doc, "report.orphan")
    assert "已删除" in finding.message and finding.form == f"reports[{doc.reports[1].id}]"


def test_the_evaluator_rechecks_what_an_edit_may_change(tianyuan):
    evaluator = Evaluator(tianyuan)
    assert any("1454.55" in f.message for f in evaluator.evaluation.report_findings)
    tianyuan.overall.expense.project = Decimal("1454.55")
    evaluator.refresh({"overall"})
    assert not any("1454.55 万元，而" in f.message for f in evaluator.evaluation.report_findings)
    report = tianyuan.reports[0]
    section = next(s for s in report.sections if s.key == "project")
    set_section_text(tianyuan, report.id, section.id, "2024年项目支出1.00万元。").apply(tianyuan)
    evaluator.refresh({f"reports[{report.id}]"})
    assert any("1.00 万元" in f.message for f in evaluator.evaluation.report_findings)
    assert affected_reports(tianyuan, {f"reports[{report.id}]"}) == {report.id}
    assert affected_reports(tianyuan, {"projects[p9]"}) == {report.id}  # the 整体 report names every project
    assert affected_reports(tianyuan, {"basic"}) is None and affected_reports(tianyuan, None) is None


def test_reports_removed_leave_no_findings(tianyuan):
    remove_report(tianyuan, tianyuan.reports[0].id).apply(tianyuan)
    assert report_findings(tianyuan) == []

