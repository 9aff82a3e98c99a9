"""The framework editor's content as typed (指标体系编辑), and the framework it makes.

The editor dialog (ui/framework_dialog.py) shows a ``FrameworkDraft`` — names, points and thresholds
as texts, exactly as the user types them — and asks ``build`` for the framework and the problems after
every change. ``build`` reads the texts (full-width digits, 30%, 10分 are fine) and then applies the one
rule book, model.framework_rules.framework_problems, so the dialog, the file reader and the import of
a framework file can never disagree. What the editor does not show (keyword lists, qualitative bands,
plausibility thresholds) is kept from the framework the draft started from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from .framework import (NOT_APPLICABLE_MODES, OVER_ACHIEVEMENT_ACTIONS, REVERSE_RULES, Framework, GradeBand, Level1,
                        TotalCap)
from .framework_rules import framework_problems
from .money import HUNDRED, fmt_plain
from .parsing import ParseError, parse_number
from .registry import FieldKind

OVER_ACHIEVEMENT_CHOICES = {"off": "不处理"} | OVER_ACHIEVEMENT_ACTIONS  # the editor's three choices
FUNDING_CHOICES = ("0", "10", "20")  # offered; any other figure may be typed
_SEPARATORS = re.compile(r"[、，,；;\n\r\t/／|]+")


@dataclass
class GroupDraft:
    """一级指标 as typed: name, fixed points or free weights (各行自定分值), its 二级指标 names."""

    name: str = ""
    free: bool = False
    points: str = ""
    level2: str = ""  # names separated by 、 or one per line


@dataclass
class GradeDraft:
    grade: str = ""
    minimum: str = ""


@dataclass
class CapDraft:
    """总分 at most ``max_total`` when 执行率 is below ``rate_below`` %."""

    rate_below: str = ""
    max_total: str = ""


@dataclass
class FrameworkDraft:
    name: str = ""
    funding_points: str = "10"
    groups: list[GroupDraft] = field(default_factory=list)
    grades: list[GradeDraft] = field(default_factory=list)
    label_points: bool = True
    over_action: str = "warn"  # off | warn | deduct (OVER_ACHIEVEMENT_CHOICES)
    over_percent: str = "30"  # 完成值 above 指标值 by this many %
    over_deduction: str = "2"  # points off the suggestion (deduct)
    caps: list[CapDraft] = field(default_factory=list)
    not_applicable: str = "exclude"
    reverse_rule: str = "ratio"


def level2_names(text: str) -> tuple[str, ...]:
    """数量指标、质量指标 (or one per line) as names, blanks dropped."""
    return tuple(part.strip() for part in _SEPARATORS.split(text) if part.strip())


def draft_of(fw: Framework) -> FrameworkDraft:
    """What the editor shows for ``fw``."""
    return FrameworkDraft(
        name=fw.name, funding_points=fmt_plain(fw.funding_points),
        groups=[GroupDraft(g.name, not g.fixed, fmt_plain(g.points), "、".join(g.level2)) for g in fw.level1],
        grades=[GradeDraft(b.grade, fmt_plain(b.minimum)) for b in fw.grades],
        label_points=fw.label_points,
        over_action="off" if fw.over_achievement is None else fw.over_achievement_action,
        over_percent=fmt_plain((fw.over_achievement if fw.over_achievement is not None else Decimal("0.30")) * HUNDRED),
        over_deduction=fmt_plain(fw.over_achievement_deduction),
        caps=[CapDraft(fmt_plain(c.rate_below), fmt_plain(c.max_total)) for c in fw.caps],
        not_applicable=fw.not_applicable, reverse_rule=fw.reverse_rule)


class _Numbers:
    """Reads the figures of a draft, collecting a message for each one that is not a number."""

    def __init__(self):
        self.problems: list[str] = []

    def read(self, text: str, what: str, kind: FieldKind = FieldKind.POINTS, *,
             required: bool = True) -> Optional[Decimal]:
        try:
            value = parse_number(text, kind)
        except ParseError:
            self.problems.append(f"{what}“{text.strip()[:20]}”不是数字")
            return None
        if value is None and required:
            self.problems.append(f"请填写{what}")
        if value is not None and value < 0:
            self.problems.append(f"{what}不能小于 0")
        return value


def build(draft: FrameworkDraft, base: Framework, ident: str) -> tuple[Optional[Framework], list[str]]:
    """(the framework, []) when the draft is usable, else (None, the problems in plain Chinese)."""
    numbers = _Numbers()
    funding = numbers.read(draft.funding_points, "资金执行率分值")
    groups = []
    for number, group in enumerate(draft.groups, start=1):
        name = group.name.strip()
        what = f"一级指标“{name}”的分值" if name else f"第{number}个一级指标的分值"
        points = None if group.free else numbers.read(group.points, what)
        if not group.free and points is None:
            points = Decimal(0)  # reported above; keeps the other checks meaningful
        groups.append(Level1(name, points, level2_names(group.level2)))
    grades = []
    for band in draft.grades:
        if not band.grade.strip() and not band.minimum.strip():
            continue  # an empty line of the table
        minimum = numbers.read(band.minimum, f"评价等次“{band.grade.strip()}”的最低分")
        grades.append(GradeBand(band.grade.strip(), minimum if minimum is not None else Decimal(0)))
    caps = []
    for cap in draft.caps:
        if not cap.rate_below.strip() and not cap.max_total.strip():
            continue
        rate = numbers.read(cap.rate_below, "总分封顶规则的执行率", FieldKind.RATE)
        top = numbers.read(cap.max_total, "总分封顶规则的总分上限")
        if rate is not None and top is not None:
            caps.append(TotalCap(rate, top))
    over = deduction = None
    if draft.over_action != "off":
        percent = numbers.read(draft.over_percent, "超额完成比例", FieldKind.RATE)
        over = None if percent is None else percent / HUNDRED
    if draft.over_action == "deduct":
        deduction = numbers.read(draft.over_deduction, "超额完成扣分")
    for value, choices, what in ((draft.over_action, OVER_ACHIEVEMENT_CHOICES, "超额完成处理"),
                                 (draft.not_applicable, NOT_APPLICABLE_MODES, "不适用处理"),
                                 (draft.reverse_rule, REVERSE_RULES, "反向指标规则")):
        if value not in choices:
            numbers.problems.append(f"{what}“{value}”无法识别")
    if numbers.problems:
        return None, numbers.problems
    framework = base.replace(
        id=ident, name=draft.name.strip(), funding_points=funding, level1=tuple(groups), grades=tuple(grades),
        label_points=draft.label_points, caps=tuple(caps), not_applicable=draft.not_applicable,
        reverse_rule=draft.reverse_rule, over_achievement=over,
        over_achievement_action="warn" if draft.over_action == "off" else draft.over_action,
        over_achievement_deduction=deduction if deduction is not None else base.over_achievement_deduction)
    problems = framework_problems(framework)
    return (None, problems) if problems else (framework, [])


def points_summary(draft: FrameworkDraft) -> str:
    """分值合计：资金执行 10＋产出指标 40＋… = 100 分, as the editor shows it while typing."""
    terms, total = [], Decimal(0)
    fixed = [(g.name.strip() or "一级指标", g.points) for g in draft.groups if not g.free]
    for label, text in [("资金执行", draft.funding_points)] + fixed:
        try:
            value = parse_number(text, FieldKind.POINTS) or Decimal(0)
        except ParseError:
            return "分值合计：有分值不是数字"
        terms.append(f"{label} {fmt_plain(value) or '0'}")
        total += value
    free = [g.name.strip() or "一级指标" for g in draft.groups if g.free]
    text = f"分值合计：{'＋'.join(terms)} = {fmt_plain(total) or '0'} 分"
    if free:
        rest = HUNDRED - total
        text += f"；{'、'.join(free)}各行自定分值，合计应为 {fmt_plain(rest) or '0'} 分"
    return text
