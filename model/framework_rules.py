"""What makes an indicator framework (指标体系) usable: one list of plain Chinese problems.

``framework_problems`` is the single rule book: the framework reader (documents, shipped files and
framework files a bureau hands out, model.framework) refuses a framework with problems, and the
editor dialog lists them under its fields until they are put right. An empty list means usable.

This module reads frameworks by their attributes only and imports nothing of model.framework, so that
the reader can call it without an import cycle.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from .money import ZERO, fmt_plain
from .sanitize import shown, text_problem

if TYPE_CHECKING:  # pragma: no cover - hints only
    from .framework import Framework

FULL_MARKS = Decimal(100)  # 资金执行 and all indicator rows together (RULES.md §2)


def _duplicates(names) -> list[str]:
    seen, repeated = set(), []
    for name in names:
        if name in seen and name not in repeated:
            repeated.append(name)
        seen.add(name)
    return repeated


def _points_problems(fw: "Framework") -> list[str]:
    problems = []
    if not ZERO <= fw.funding_points <= FULL_MARKS:
        problems.append(f"资金执行率分值应在 0 到 100 分之间，实际是 {fmt_plain(fw.funding_points)} 分")
    fixed = [g for g in fw.level1 if g.points is not None]
    free = [g for g in fw.level1 if g.points is None]
    for group in fixed:
        if group.points <= 0:
            problems.append(f"一级指标“{group.name}”的分值应大于 0（不计分的类别请删去，或改为“各行自定分值”）")
    given = fw.funding_points + sum((g.points for g in fixed), ZERO)
    parts = (f"资金执行 {fmt_plain(fw.funding_points)} 分＋" if fw.funding_points else "") + \
        "＋".join(f"{g.name} {fmt_plain(g.points)} 分" for g in fixed)
    if not free and given != FULL_MARKS:
        problems.append(f"分值合计 {fmt_plain(given)} 分（{parts or '无'}），应为 100 分")
    elif free and given >= FULL_MARKS:
        names = "、".join(f"“{g.name}”" for g in free)
        problems.append(f"资金执行与固定分值的一级指标已合计 {fmt_plain(given)} 分（{parts}），"
                        f"各行自定分值的{names}没有可分配的分值（合计应少于 100 分）")
    return problems


def _names_problems(fw: "Framework") -> list[str]:
    problems = []
    if not fw.name.strip():
        problems.append("指标体系名称不能为空")
    if not fw.level1:
        problems.append("至少要有一个一级指标")
    if any(not g.name.strip() for g in fw.level1):
        problems.append("一级指标名称不能为空")
    for name in _duplicates(g.name.strip() for g in fw.level1):
        problems.append(f"一级指标“{name}”重复")
    for group in fw.level1:
        if not group.level2:
            problems.append(f"一级指标“{group.name}”至少要有一个二级指标")
        if any(not name.strip() for name in group.level2):
            problems.append(f"一级指标“{group.name}”下有空的二级指标名称")
        for name in _duplicates(n.strip() for n in group.level2):
            problems.append(f"一级指标“{group.name}”下的二级指标“{name}”重复")
    names = [("指标体系名称", fw.name)] + [("一级指标名称", g.name) for g in fw.level1] + [
        ("二级指标名称", n) for g in fw.level1 for n in g.level2] + [("评价等次", b.grade) for b in fw.grades]
    for what, text in names:  # the same characters the file reader refuses (model.sanitize)
        problem = text_problem(text, multiline=False)
        if problem:
            problems.append(f"{what}“{shown(text)}”：{problem}")
    return problems


def _grade_problems(fw: "Framework") -> list[str]:
    grades = fw.grades
    if not grades:
        return ["至少要有一个评价等次"]
    problems = []
    if any(not band.grade.strip() for band in grades):
        problems.append("评价等次名称不能为空")
    for name in _duplicates(band.grade.strip() for band in grades):
        problems.append(f"评价等次“{name}”重复")
    for band in grades:
        if not ZERO <= band.minimum <= FULL_MARKS:
            problems.append(f"评价等次“{band.grade}”的最低分应在 0 到 100 之间，实际是 {fmt_plain(band.minimum)}")
    minimums = [band.minimum for band in grades]
    if any(later >= earlier for earlier, later in zip(minimums, minimums[1:])):
        order = "、".join(f"{b.grade} {fmt_plain(b.minimum)}" for b in grades)
        problems.append(f"评价等次应从高到低排列、最低分逐档降低（现为 {order}）")
    if min(minimums) != 0:
        problems.append(f"最低一档评价等次的最低分应为 0（现为 {fmt_plain(min(minimums))}），否则低分没有等次")
    return problems


def _option_problems(fw: "Framework") -> list[str]:
    problems = []
    for band in fw.qualitative_bands:
        if not band.low <= band.suggest <= band.high <= 1:
            problems.append(f"定性指标档次“{band.label}”应满足 下限 ≤ 建议比例 ≤ 上限 ≤ 1")
    if fw.over_achievement is not None and fw.over_achievement <= 0:
        problems.append("超额完成的比例应大于 0（不处理时请选“不处理”）")
    if fw.over_achievement_action == "deduct" and fw.over_achievement is not None \
            and fw.over_achievement_deduction <= 0:
        problems.append("超额完成扣分应大于 0")
    caps = sorted(fw.caps, key=lambda cap: cap.rate_below)
    for cap in caps:
        if not ZERO < cap.rate_below <= FULL_MARKS:
            problems.append(f"总分封顶规则的执行率应在 0 到 100% 之间，实际是 {fmt_plain(cap.rate_below)}%")
        if not ZERO <= cap.max_total <= FULL_MARKS:
            problems.append(f"总分封顶规则的总分上限应在 0 到 100 之间，实际是 {fmt_plain(cap.max_total)}")
    for rate in _duplicates(cap.rate_below for cap in caps):
        problems.append(f"总分封顶规则中“执行率低于 {fmt_plain(rate)}%”重复")
    if any(lower.max_total > higher.max_total for lower, higher in zip(caps, caps[1:])):
        problems.append("总分封顶规则应是执行率越低、总分上限越低（或相同）")
    near = fw.plausibility.near_miss_ratio
    if near is not None and near > 1:
        problems.append(f"相近名称相似度应在 0 到 1 之间，实际是 {fmt_plain(near)}")
    return problems


def framework_problems(fw: "Framework") -> list[str]:
    """Every problem of ``fw`` in plain Chinese, in the order a person fixes them; [] when usable."""
    return _names_problems(fw) + _points_problems(fw) + _grade_problems(fw) + _option_problems(fw)
