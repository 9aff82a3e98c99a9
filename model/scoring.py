"""Scoring (评分), in exact decimals (RULES.md §3).

* 执行率 = 全年执行数 ÷ 全年预算数; funding score = 分值 × min(执行率, 100%), 2 decimals.
* 一级指标 subtotals are the sums of the typed 得分; 总分 = funding score + indicators.
* A *suggested* 得分 per indicator, with a one-line Chinese explanation of the rule and the
  arithmetic. The typed 得分 stays the user's: suggestions never overwrite it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from .document import FundingLine, IndicatorRow, ScoredForm
from .direction import Direction, direction
from .framework import Framework, QualitativeBand, TotalCap
from .money import HUNDRED, ONE, ZERO, fmt_plain, q2, ratio
from .parsing import IndicatorValue, ValueKind, comparable, normalize, parse_indicator


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested 得分 for one indicator row, and why."""

    score: Optional[Decimal]  # None: no suggestion can be made
    rule: str  # positive | reverse | qualitative | not_applicable | none
    explanation: str
    band: Optional[QualitativeBand] = None  # the qualitative band the row falls in
    basis: str = ""  # why this rule: 指标名称中的“办结”表明越高越好 (quantitative rows)
    over_ratio: Optional[Decimal] = None  # 完成值 ÷ 指标值 − 1, when a target is exceeded


@dataclass(frozen=True, slots=True)
class FormResult:
    """Everything computed for one scored form."""

    funding: FundingLine  # 年度资金总额 figures used
    funding_points: Decimal  # 分值 of the funding row
    rate: Optional[Decimal]  # 执行率 as a fraction, None when undefined
    funding_score: Decimal
    level1_points: dict[str, Decimal]  # Σ row 分值 per 一级指标 (incl. 不适用 rows)
    subtotals: dict[str, Decimal]  # Σ typed 得分 per 一级指标 (applicable rows)
    points_total: Decimal  # funding 分值 + Σ row 分值
    indicator_score: Decimal  # Σ 得分, rescaled when 不适用 rows are rescaled
    total: Decimal  # 总分, 2 decimals, after any cap
    grade: str  # 评价等次
    suggestions: dict[str, Suggestion] = field(default_factory=dict)  # by row id
    rescale_factor: Optional[Decimal] = None
    cap: Optional[TotalCap] = None


# --- the funding row ------------------------------------------------------------------------

def shown_rate(rate: Optional[Decimal]) -> Optional[Decimal]:
    """执行率 as the form prints it: a percentage with 2 decimals, as a fraction (0.8185)."""
    return None if rate is None else q2(rate * HUNDRED) / HUNDRED


def funding_score(points: Decimal, rate: Optional[Decimal]) -> Decimal:
    """分值 × min(执行率, 100%), ROUND_HALF_UP to 2 decimals; 0 when the rate is undefined.

    The rate used is the one printed (81.85%), so that a reviewer multiplying the printed
    figures by hand gets the printed score (10 × 81.85% = 8.185 → 8.19, not 8.18).
    """
    if rate is None or points == 0:
        return q2(ZERO)
    return q2(points * min(shown_rate(rate), ONE))


# --- suggestions ----------------------------------------------------------------------------

def classify_band(row: IndicatorRow, framework: Framework) -> Optional[QualitativeBand]:
    """The qualitative band a row's 实际完成值 falls in, by its words.

    The same text as the target means achieved. Otherwise the longest keyword found decides
    (未完成 beats 完成); on a tie the lower band wins, to stay on the careful side.
    """
    bands = framework.qualitative_bands
    if not bands:
        return None
    actual = normalize(row.actual)
    if actual and actual == normalize(row.target):
        return max(bands, key=lambda band: band.high)
    best: Optional[tuple[int, Decimal, QualitativeBand]] = None
    for band in bands:
        for word in band.keywords:
            if word and word in actual:
                key = (len(word), -band.high, band)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def _percent_text(fraction: Decimal) -> str:
    return f"{fmt_plain(q2(fraction * HUNDRED))}%"


def _qualitative(row: IndicatorRow, points: Decimal, framework: Framework, note: str = "") -> Suggestion:
    band = classify_band(row, framework)
    if band is None:
        levels = "；".join(f"{b.label} {_percent_text(b.low)}–{_percent_text(b.high)}"
                          for b in framework.qualitative_bands)
        return Suggestion(None, "qualitative",
                          f"{note}定性指标，无法从完成值判断达成档次，请人工评分（{levels}）")
    score = q2(points * band.suggest)
    return Suggestion(score, "qualitative",
                      f"{note}定性指标，完成情况属于“{band.label}”档（分值的 {_percent_text(band.low)}–"
                      f"{_percent_text(band.high)}），建议 {fmt_plain(points)} × {_percent_text(band.suggest)} = "
                      f"{fmt_plain(score)}", band=band)


def _quantitative(way: Direction, target: IndicatorValue, actual: IndicatorValue, points: Decimal,
                  framework: Framework) -> Suggestion:
    rule = way.rule
    pair = comparable(target, actual)
    if pair is None:
        return Suggestion(None, rule, f"指标值单位“{target.unit}”与完成值单位“{actual.unit}”不同，无法比较，请人工评分",
                          basis=way.basis)
    goal, done = pair
    shown_goal, shown_done = target.text.strip(), actual.text.strip()

    def made(score: Decimal, text: str, over: Optional[Decimal] = None) -> Suggestion:
        kind = "正向指标" if rule == "positive" else "反向指标"
        return Suggestion(score, rule, f"{kind}（{way.basis}）：{text}", basis=way.basis, over_ratio=over)

    if rule == "positive":
        met = done > goal if target.op == ">" else done >= goal
        over = None
        if goal > 0 and framework.over_achievement is not None:
            excess = done / goal - ONE
            if excess >= framework.over_achievement:
                over = excess
        if met and over is not None and framework.over_achievement_action == "deduct":
            cut = min(points, framework.over_achievement_deduction)
            return made(q2(points - cut), f"完成值 {shown_done} 超出指标值 {shown_goal} 达 {_percent_text(over)}"
                                          f"（≥{_percent_text(framework.over_achievement)}），指标值可能定得偏低，"
                                          f"按指标偏离规则扣 {fmt_plain(cut)} 分：{fmt_plain(points)} − {fmt_plain(cut)} = "
                                          f"{fmt_plain(q2(points - cut))}", over)
        if met:
            return made(q2(points), f"完成值 {shown_done} 达到指标值 {shown_goal}，得满分 {fmt_plain(points)}", over)
        if goal <= 0:
            return made(q2(ZERO), f"完成值 {shown_done} 未达到指标值 {shown_goal}，得 0 分")
        score = q2(max(done, ZERO) / goal * points)
        return made(score, f"完成值 {shown_done} 未达到指标值 {shown_goal}，"
                           f"{fmt_plain(done)} ÷ {fmt_plain(goal)} × {fmt_plain(points)} = {fmt_plain(score)}")
    # reverse: lower is better
    met = done < goal if target.op == "<" else done <= goal
    if met:
        return made(q2(points), f"完成值 {shown_done} 未超过指标值 {shown_goal}，得满分 {fmt_plain(points)}")
    if goal <= 0:
        return made(q2(ZERO), f"完成值 {shown_done} 超过指标值 {shown_goal}，得 0 分")
    if framework.reverse_rule == "linear":
        score = q2(max(ZERO, ONE - (done - goal) / goal) * points)
        return made(score, f"线性扣分，完成值 {shown_done} 超过指标值 {shown_goal}，"
                           f"(1 − ({fmt_plain(done)} − {fmt_plain(goal)}) ÷ {fmt_plain(goal)}) × {fmt_plain(points)} = {fmt_plain(score)}")
    score = q2(goal / done * points)
    return made(score, f"完成值 {shown_done} 超过指标值 {shown_goal}，"
                       f"{fmt_plain(goal)} ÷ {fmt_plain(done)} × {fmt_plain(points)} = {fmt_plain(score)}")


def suggest(row: IndicatorRow, framework: Framework) -> Suggestion:
    """The suggested 得分 of a row with the rule and arithmetic behind it."""
    if row.not_applicable:
        return Suggestion(None, "not_applicable", "已标记为不适用，不计分")
    if row.points is None:
        return Suggestion(None, "none", "未填写分值，无法建议得分")
    points = row.points
    target, actual = parse_indicator(row.target), parse_indicator(row.actual)
    if ValueKind.NOT_APPLICABLE in (target.kind, actual.kind):
        return Suggestion(None, "not_applicable", "指标值或完成值为“不适用”，请勾选不适用")
    if actual.kind is ValueKind.EMPTY:
        return Suggestion(None, "none", "实际完成值为空，无法建议得分")
    if row.rule == "qualitative" or (row.rule == "auto" and target.kind is not ValueKind.QUANTITATIVE):
        return _qualitative(row, points, framework)
    if target.kind is not ValueKind.QUANTITATIVE:
        return _qualitative(row, points, framework, "指标值不是数值，")
    if actual.kind is not ValueKind.QUANTITATIVE:
        return _qualitative(row, points, framework, "完成值不是数值，按")
    return _quantitative(direction(row, target, framework), target, actual, points, framework)


# --- a whole form ---------------------------------------------------------------------------

def score_form(form: ScoredForm, framework: Framework) -> FormResult:
    funding = form.annual_funding
    rate = ratio(funding.executed, funding.annual)
    f_score = funding_score(framework.funding_points, rate)

    level1_points: dict[str, Decimal] = {group.name: ZERO for group in framework.level1}
    subtotals: dict[str, Decimal] = {group.name: ZERO for group in framework.level1}
    suggestions: dict[str, Suggestion] = {}
    row_points = na_points = ZERO
    for row in form.indicators:
        points = row.points or ZERO
        level1_points[row.level1] = level1_points.get(row.level1, ZERO) + points
        subtotals.setdefault(row.level1, ZERO)
        row_points += points
        if row.not_applicable:
            na_points += points
        elif row.score is not None:
            subtotals[row.level1] += row.score
        suggestions[row.id] = suggest(row, framework)

    indicator_score = sum(subtotals.values(), ZERO)
    factor = None
    if framework.not_applicable == "rescale" and na_points > 0 and row_points > na_points:
        factor = row_points / (row_points - na_points)
        indicator_score = indicator_score * factor

    total = f_score + indicator_score
    cap = None
    if rate is not None and framework.caps:
        applicable = [c for c in framework.caps if shown_rate(rate) * HUNDRED < c.rate_below]
        if applicable:
            cap = min(applicable, key=lambda c: c.max_total)
            if total > cap.max_total:
                total = cap.max_total
            else:
                cap = None
    total = q2(total)
    return FormResult(
        funding=funding, funding_points=framework.funding_points, rate=rate, funding_score=f_score,
        level1_points=level1_points, subtotals=subtotals,
        points_total=framework.funding_points + row_points, indicator_score=q2(indicator_score),
        total=total, grade=framework.grade_for(total), suggestions=suggestions,
        rescale_factor=factor, cap=cap)
