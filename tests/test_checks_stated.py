"""表上数: printed 执行率, 资金执行得分 and 年度资金总额 against the computed figures (a true and a false case each)."""
from decimal import Decimal

from model.evaluation import evaluate

D = Decimal


def stated(doc, code):
    return [f for f in evaluate(doc).findings if f.code == code]


def test_printed_rate_matching_at_its_own_precision_is_fine(tianyuan):
    tianyuan.overall.stated_rate = D("99.32")  # 1820.23 / 1832.63
    tianyuan.projects[1].stated_rate = D("99.67")
    tianyuan.projects[3].stated_rate = D("100")
    assert stated(tianyuan, "stated.rate_mismatch") == []
    tianyuan.overall.stated_rate = D("99.3")  # printed with one decimal, as some forms do
    assert stated(tianyuan, "stated.rate_mismatch") == []


def test_printed_rate_that_differs_names_both_and_the_cause(tianyuan):
    tianyuan.overall.stated_rate = D("100")
    tianyuan.overall.funding.executed = None
    [finding] = stated(tianyuan, "stated.rate_mismatch")
    assert finding.is_error and finding.path == "overall.stated_rate"
    assert "表上执行率 100%" in finding.message and "无法计算" in finding.message
    assert "全年执行数未填，资金执行 10 分未计入" in finding.message


def test_printed_funding_score(tianyuan):
    tianyuan.overall.stated_funding_score = D("9.93")
    assert stated(tianyuan, "stated.funding_score_mismatch") == []
    project = tianyuan.projects[2]  # 双碳资金 0.46 / 5 → 9.20% → 0.92
    project.stated_funding_score = D(0)
    [finding] = stated(tianyuan, "stated.funding_score_mismatch")
    assert finding.is_error and "表上资金执行得分 0，计算为 0.92" in finding.message
    project.stated_funding_score = D("0.93")  # 尾数误差
    [finding] = stated(tianyuan, "stated.funding_score_mismatch")
    assert not finding.is_error and "尾数误差" in finding.message


def test_printed_funding_score_on_an_unscored_framework(load_example):
    doc = load_example("yuelu-2021")
    doc.overall.stated_funding_score = D(10)
    [finding] = stated(doc, "stated.funding_score_mismatch")
    assert "本指标体系的资金执行不计分" in finding.message


def test_printed_project_total_against_its_sources(tianyuan):
    project = tianyuan.projects[0]  # 拆违治违经费: 44 / 44 / 43.99 from 当年财政拨款
    project.stated_funding.initial, project.stated_funding.annual = D(44), D(44)
    project.stated_funding.executed = D("43.99")
    assert stated(tianyuan, "stated.funding_mismatch") == []
    project.stated_funding.executed = D("34.99")
    [finding] = stated(tianyuan, "stated.funding_mismatch")
    assert finding.is_error and finding.path == "projects[p1].stated_funding.executed"
    assert "表上年度资金总额的全年执行数 34.99 万元，与其中各项来源之和 43.99 万元不符" in finding.message


def test_printed_project_total_with_empty_sources_says_where_to_type(tianyuan):
    project = tianyuan.projects[0]
    for line in project.sources():
        line.initial = line.annual = line.executed = None
    project.stated_funding.annual = D(44)
    [finding] = stated(tianyuan, "stated.funding_mismatch")
    assert "都未填写" in finding.message and "当年财政拨款" in finding.message
    project.stated_funding.annual = D(0)  # a printed 0 over empty sources agrees
    assert stated(tianyuan, "stated.funding_mismatch") == []
