"""Direction of a quantitative indicator decided from what is measured (RULES.md §3), and the
framework options it reads (shared defaults, older stored frameworks)."""
import copy
from decimal import Decimal

import pytest

from model import storage
from model.direction import deciding_word, direction
from model.document import IndicatorRow
from model.evaluation import evaluate
from model.framework import FormatError, builtin_framework, framework_from_dict, shared_defaults
from model.parsing import parse_indicator
from model.scoring import suggest
from tests.conftest import EXAMPLE_NAMES, example_path

D = Decimal
FW24 = builtin_framework("hunan-2024")
V1_REVERSE = ["发生率", "投诉率", "差错率", "事故率", "失误率", "误差率", "超支率", "返工率", "空置率", "信访",
              "时限", "期限", "用时", "耗时", "成本"]  # the list version 1 wrote into every document
NEW_OPTIONS = ("positive_keywords", "topic_keywords", "template_prompts", "plan_words", "plausibility")


def row(name, target, actual, points=10, level1="效益指标", level2="社会效益指标", rule="auto"):
    return IndicatorRow("r1", level1, level2, name, target, actual, D(points), None, rule=rule)


def test_cases_handled_are_positive_although_the_topic_is_petitions():
    suggestion = suggest(row("办结信访案件", "168起", "150起"), FW24)
    assert (suggestion.rule, suggestion.score) == ("positive", D("8.93"))
    assert "“办结”" in suggestion.explanation and "150 ÷ 168 × 10 = 8.93" in suggestion.explanation
    assert "“信访”" in suggestion.explanation and "不决定方向" in suggestion.explanation


@pytest.mark.parametrize("name, rule, word", [
    ("信访增长率", "reverse", "信访增长率"),
    ("信访量", "reverse", "信访量"),
    ("群众投诉率", "reverse", "投诉率"),
    ("征拆纠纷发生率", "reverse", "发生率"),
    ("信访案件办结率", "positive", "办结率"),  # the measure at the end decides, not 信访 before it
    ("投诉处理及时率", "positive", "及时率"),
    ("项目完成时限", "reverse", "时限"),  # 完成 comes first, 时限 is what is measured
    ("任务未完成率", "reverse", "未完成率"),  # same end as 完成率: the longer word wins
    ("培训人次", "positive", "人次"),
])
def test_the_word_that_ends_last_decides(name, rule, word):
    assert deciding_word(name, FW24) == (rule, word)
    way = direction(row(name, "5%", "6%"), parse_indicator("5%"), FW24)
    assert (way.rule, way.source, way.word) == (rule, "keyword", word)


def test_a_topic_word_alone_decides_nothing():
    assert deciding_word("信访工作", FW24) is None
    way = direction(row("信访工作", "12次", "10次"), parse_indicator("12次"), FW24)
    assert (way.rule, way.source) == ("positive", "default") and "不决定方向" in way.basis


def test_operator_then_cost_group_then_name():
    assert direction(row("信访量", "≥10件", "12件"), parse_indicator("≥10件"), FW24).source == "operator"
    reverse = suggest(row("集体项目交地宗数", "≤17宗", "20宗"), FW24)
    assert reverse.rule == "reverse" and "带“≤”" in reverse.explanation
    cost = direction(row("奖励金发放", "1120元", "1120元", level1="成本指标", level2="经济成本指标"),
                     parse_indicator("1120元"), FW24)
    assert (cost.rule, cost.source) == ("reverse", "cost_group")  # 发放 is positive, but it is a cost
    rate_in_cost_group = direction(row("资金发放完成率", "100%", "95%", level1="成本指标", level2="经济成本指标"),
                                   parse_indicator("100%"), FW24)
    assert (rate_in_cost_group.rule, rate_in_cost_group.source) == ("positive", "keyword")


def test_the_rows_own_rule_wins():
    suggestion = suggest(row("办结信访案件", "168起", "150起", rule="reverse"), FW24)
    assert suggestion.rule == "reverse" and "本行已设定为反向指标" in suggestion.explanation
    assert suggestion.score == D("10.00")  # read as "fewer is better", 150 under 168 is met: the user's call
    positive = suggest(row("信访增长率", "5%", "6%", rule="positive"), FW24)
    assert positive.rule == "positive" and positive.score == D("10.00")


# --- framework options -----------------------------------------------------------------------

def test_builtin_frameworks_take_the_shared_defaults():
    shared = shared_defaults()["options"]
    for ident in ("hunan-2024", "hunan-2023", "unscored-funding", "funding20-indicators80"):
        fw = builtin_framework(ident)
        assert list(fw.positive_keywords) == shared["positive_keywords"]
        assert list(fw.reverse_keywords) == shared["reverse_keywords"]
        assert "信访" in fw.topic_keywords and "信访" not in fw.reverse_keywords
        assert fw.plausibility.final_vs_budget_ratio == D(3) and fw.grades[0].grade == "优"
    assert builtin_framework("unscored-funding").label_points is False  # its own option wins


def test_every_option_has_a_shared_default():
    written = FW24.to_dict()["options"]
    assert set(written) == set(shared_defaults()["options"])
    assert set(written["plausibility"]) == set(shared_defaults()["options"]["plausibility"])


def test_a_framework_round_trips_through_a_document():
    assert framework_from_dict(FW24.to_dict()) == FW24


def older(framework_dict):
    """The framework as version 1 stored it: none of the new options, 信访 among the reverse words."""
    data = copy.deepcopy(framework_dict)
    for key in NEW_OPTIONS:
        data["options"].pop(key, None)
    data["options"]["reverse_keywords"] = list(V1_REVERSE)
    return data


def test_an_older_stored_framework_gets_the_direction_words():
    fw = framework_from_dict(older(FW24.to_dict()))
    assert fw.positive_keywords == FW24.positive_keywords
    assert "信访" in fw.reverse_keywords and "信访增长率" in fw.reverse_keywords  # kept, and the shared added
    assert suggest(row("办结信访案件", "168起", "150起"), fw).score == D("8.93")  # 信访 is a topic: no longer reverse
    assert suggest(row("信访增长率", "5%", "6%"), fw).rule == "reverse"
    assert fw.plausibility == FW24.plausibility


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_documents_with_older_frameworks_score_exactly_as_before(name, tmp_path):
    """Totals, grades and every suggestion of the examples, their frameworks written as version 1 did."""
    import json
    data = json.loads(example_path(name).read_text(encoding="utf-8"))
    data["frameworks"] = [older(fw) for fw in data["frameworks"]]
    path = tmp_path / f"{name}.jxzp"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    old, new = evaluate(storage.load(path)), evaluate(storage.load(example_path(name)))
    for key, result in new.forms.items():
        before = old.forms[key]
        assert (before.total, before.grade, before.funding_score) == (result.total, result.grade, result.funding_score)
        assert {k: (s.score, s.rule) for k, s in before.suggestions.items()} == {
            k: (s.score, s.rule) for k, s in result.suggestions.items()}


def test_bad_options_are_refused_with_a_message():
    data = FW24.to_dict()
    data["options"]["plausibility"]["near_miss_ratio"] = "2"
    with pytest.raises(FormatError, match="相近名称相似度"):
        framework_from_dict(data)
    data["options"]["plausibility"] = {"unknown": 1}
    with pytest.raises(FormatError, match="无法识别的字段 unknown"):
        framework_from_dict(data)
    data["options"]["plausibility"] = {"final_vs_budget_ratio": "三倍"}
    with pytest.raises(FormatError, match="决算与预算相差倍数"):
        framework_from_dict(data)
