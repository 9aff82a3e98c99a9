"""Figures printed on a paper form being transcribed (表上数) against the ones computed (RULES.md §8).

Transcribed forms print their own 执行率, 资金执行得分 and, on project forms, 年度资金总额 — sometimes
wrongly (0/0/0 with 0 points; a blank score; 100% with an empty 执行数). The unit enters what is printed;
each figure that disagrees with the computed one is an error naming both figures and the likely cause
(a difference of at most 0.01 is 尾数误差: a warning).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .document import Document, FundingLine, ProjectForm, ScoredForm, form_title
from .findings import Finding, FindingSink
from .money import ZERO, fmt2, fmt_plain, q2
from .registry import label_of
from .scoring import FormResult


def _at_precision(value: Decimal, like: Decimal) -> Decimal:
    """``value`` rounded to as many decimals as ``like`` was written with (表上 100% vs 99.67%)."""
    exponent = like.as_tuple().exponent
    places = min(2, -exponent) if exponent < 0 else 0  # the form prints at most 2 decimals
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _funding_cause(result: FormResult) -> str:
    """Why a computed 执行率 / 资金执行得分 may differ from the printed one."""
    line, points = result.funding, fmt_plain(result.funding_points)
    if not line.annual:
        return f"全年预算数未填或为 0，执行率无法计算，资金执行 {points} 分未计入"
    if line.executed is None:
        return f"全年执行数未填，资金执行 {points} 分未计入"
    if result.rate is not None and result.rate > 1:
        return "执行率超过 100%，资金执行按 100% 计分"
    return "请核对全年预算数、全年执行数和表上数字"


def check_stated(doc: Document, key: str, form: ScoredForm, result: FormResult) -> list[Finding]:
    sink = FindingSink(key, form_title(doc, key))
    if form.stated_rate is not None:
        computed = None if result.rate is None else result.rate * 100
        shown = "—（无法计算）" if computed is None else f"{q2(computed):.2f}%"
        if computed is None or _at_precision(computed, form.stated_rate) != form.stated_rate:
            sink.error("stated.rate_mismatch", f"{key}.stated_rate", f"表上执行率 {fmt_plain(form.stated_rate)}%，按全年执行数"
                       f"÷全年预算数计算为 {shown}；{_funding_cause(result)}")
    if form.stated_funding_score is not None:
        computed = result.funding_score if result.funding_points else ZERO
        if q2(form.stated_funding_score) != computed:
            sink.sum_mismatch("stated.funding_score_mismatch", f"{key}.stated_funding_score",
                              f"表上资金执行得分 {fmt_plain(form.stated_funding_score)}，计算为 {computed:.2f}"
                              f"（分值 {fmt_plain(result.funding_points)} × 执行率）；"
                              + ("本指标体系的资金执行不计分" if not result.funding_points else _funding_cause(result)),
                              form.stated_funding_score - computed)
    if isinstance(form, ProjectForm):
        _check_project_total(sink, form, result.funding)
    return sink.items


def _check_project_total(sink: FindingSink, form: ProjectForm, computed: FundingLine) -> None:
    """The printed 年度资金总额 against the sum of the source rows below it, column by column."""
    for name in ("initial", "annual", "executed"):
        stated = getattr(form.stated_funding, name)
        if stated is None:
            continue
        value = getattr(computed, name)
        if (value if value is not None else ZERO) == stated:
            continue
        label = label_of(FundingLine, name)
        if value is None:
            cause = f"其中各项来源的{label}都未填写，请在“当年财政拨款”等行填写（年度资金总额由它们相加得出）"
            shown = "（空）"
        else:
            cause = "请核对各来源行"
            shown = f"{fmt2(value)} 万元"
        message = f"表上年度资金总额的{label} {fmt2(stated)} 万元，与其中各项来源之和 {shown}不符；{cause}"
        path = f"{sink.form_key}.stated_funding.{name}"
        if value is None:
            sink.error("stated.funding_mismatch", path, message)
        else:
            sink.sum_mismatch("stated.funding_mismatch", path, message, stated - value)

