"""合理性提示 (plausibility): figures that add up but that a careful reviewer would question.

All are warnings; each threshold is a framework option (``Framework.plausibility``, shared
defaults in resources/frameworks/defaults.json) and None/false switches a check off.

* 本年决算数 far from 本年预算数 in the 基础数据表 (three times or more, or a third or less);
* 三公经费 rising over 上年决算数 (三公经费只减不增);
* a numeric target answered in words (≤30万元 answered 完成), or a target in words answered
  with a number (不超过年初预算投入 answered 203.54万元);
* a cost limit (≤1832.63万) below the form's 全年执行数;
* a 预算执行率 indicator whose value differs from the funding block's 执行率.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from .document import EXPENSE_LINES, BasicDataForm, IndicatorRow, Labels, ScoredForm, expense_line_name
from .findings import TOLERANCE, FindingSink, amount_text, percent_text, row_where
from .framework import Framework
from .money import HUNDRED, q2
from .parsing import IndicatorValue, ValueKind, parse_indicator
from .paths import row_path
from .scoring import FormResult, shown_rate

_TEN_THOUSAND = Decimal(10000)


def _figure_in_words(actual: str, target: IndicatorValue) -> bool:
    """Whether an answer in words still states a figure in the target's unit (开展研讨20次；…, 500余户)."""
    if not target.unit:
        return False
    pattern = rf"\d+(?:\.\d+)?\s*[余多]?\s*{re.escape(target.unit)}"
    return re.search(pattern, actual) is not None


def _is_measure(value: IndicatorValue) -> bool:
    """A figure with a unit (98%, 17宗, 1年), not a date or words after a number (2023年度完成, 12月发放)."""
    if value.kind is not ValueKind.QUANTITATIVE:
        return False
    unit = value.unit
    if unit[:1] in ("年", "月", "日", "号") and len(unit) > 1:
        return False
    return not (unit[:1] == "年" and 1900 <= value.number <= 2100)


def _value_kinds(sink: FindingSink, row: IndicatorRow, where: str, path: str) -> None:
    target, actual = parse_indicator(row.target), parse_indicator(row.actual)
    in_words = {ValueKind.QUALITATIVE, ValueKind.QUANTITATIVE}
    if _is_measure(target) and actual.kind in in_words and not _is_measure(actual):
        if not _figure_in_words(row.actual, target):
            sink.warning("indicator.value_kind_mismatch", path,
                         f"{where}的年度指标值“{row.target.strip()}”是数值，实际完成值“{row.actual.strip()}”却没有"
                         f"写出数值，请填写实际达到的数（如 {target.text.strip()} 对应的完成数）")
    elif target.kind in in_words and not _is_measure(target) and _is_measure(actual):
        sink.warning("indicator.value_kind_mismatch", path,
                     f"{where}的年度指标值“{row.target.strip()}”是文字，实际完成值却是数值“{row.actual.strip()}”，"
                     f"无法比较，请把年度指标值写成可衡量的数值（如 ≤、≥ 某数）")


def _cost_limit(sink: FindingSink, row: IndicatorRow, where: str, path: str, executed: Optional[Decimal]) -> None:
    target = parse_indicator(row.target)
    if executed is None or target.kind is not ValueKind.QUANTITATIVE or target.op not in ("<=", "<"):
        return
    unit, number = target.base
    if unit != "元" or number is None:
        return
    limit = number / _TEN_THOUSAND  # 万元, as the funding block
    if executed > limit + TOLERANCE:
        sink.warning("indicator.cost_limit_exceeded", path,
                     f"{where}的成本上限“{row.target.strip()}”低于本表全年执行数 {amount_text(executed)} 万元，"
                     f"请核对指标值或实际完成值")


def _execution_rate(sink: FindingSink, row: IndicatorRow, where: str, path: str, framework: Framework,
                    result: FormResult) -> None:
    rules = framework.plausibility
    if rules.execution_rate_tolerance is None or result.rate is None:
        return
    if not any(name in row.name for name in rules.execution_rate_names if name):
        return
    actual = parse_indicator(row.actual)
    if actual.kind is not ValueKind.QUANTITATIVE or actual.unit != "%":
        return
    shown = q2(shown_rate(result.rate) * HUNDRED)
    if abs(actual.number - shown) > rules.execution_rate_tolerance:
        sink.warning("indicator.execution_rate_mismatch", path,
                     f"{where}的实际完成值 {row.actual.strip()}，与本表资金执行率 {shown:.2f}% 不符，请核对")


def check_form_plausibility(sink: FindingSink, form: ScoredForm, framework: Framework, result: FormResult) -> None:
    rules = framework.plausibility
    for number, row in enumerate(form.indicators, start=1):
        if row.not_applicable:
            continue
        where = row_where(number, row)
        actual_path = row_path(sink.form_key, row.id, "actual")
        if rules.value_kind_mismatch and row.target.strip() and row.actual.strip():
            _value_kinds(sink, row, where, actual_path)
        if rules.cost_limit_vs_executed:
            _cost_limit(sink, row, where, row_path(sink.form_key, row.id, "target"), result.funding.executed)
        _execution_rate(sink, row, where, actual_path, framework, result)


# --- 基础数据表 ---------------------------------------------------------------------------------

def _far_off(budget: Decimal, final: Decimal, factor: Decimal, minimum: Decimal, budget_label: str) -> Optional[str]:
    """How far 决算 is from 预算, in words, or None when it is not far."""
    if abs(final - budget) < minimum or (budget == 0 and final == 0):
        return None
    if budget == 0:
        return f"，而{budget_label}为 0"
    if final >= budget * factor:
        return f"，是{budget_label} {amount_text(budget)} 万元的 {q2(final / budget)} 倍"
    if final * factor <= budget:
        return f"，仅为{budget_label} {amount_text(budget)} 万元的 {percent_text(final / budget)}"
    return None


def check_basic_plausibility(sink: FindingSink, basic: BasicDataForm, framework: Framework,
                             columns: dict[str, str], labels: Labels) -> None:
    rules = framework.plausibility
    if rules.final_vs_budget_ratio is not None:
        lines = [(f"basic.{name}.final", expense_line_name(labels, name), basic.line(name))
                 for name, _, _ in EXPENSE_LINES]
        lines += [(f"basic.special_rows[{row.id}].final", f"专项“{row.name.strip()}”", row)
                  for row in basic.special_rows]
        lines += [(f"basic.transfer_rows[{row.id}].final", f"转移支付“{row.name.strip()}”", row)
                  for row in basic.transfer_rows]
        for path, label, line in lines:
            if line.budget is None or line.final is None:
                continue
            far = _far_off(line.budget, line.final, rules.final_vs_budget_ratio,
                           rules.final_vs_budget_min_difference, columns["budget"])
            if far:
                sink.warning("basic.final_far_from_budget", path,
                             f"{label}的{columns['final']} {amount_text(line.final)} 万元{far}，"
                             f"请核对或在自评报告中说明原因")
    rise = rules.three_public_increase
    prior, final = basic.three_public.prior, basic.three_public.final
    if rise is not None and prior is not None and final is not None and final > prior * (1 + rise):
        change = f"增加 {amount_text(final - prior)} 万元" + (f"（{percent_text(final / prior - 1)}）" if prior else "")
        sink.warning("basic.three_public_rise", "basic.three_public.final",
                     f"三公经费{columns['final']} {amount_text(final)} 万元，比{columns['prior']} {amount_text(prior)} 万元"
                     f"{change}，三公经费应只减不增，请核对或说明原因")
