"""Indicator frameworks (指标体系): points, level-1/level-2 names, grade bands, scoring options.

Frameworks are data in resources/frameworks/*.json, never code. A document keeps a copy of the
framework it was filled with, so a 2023 file opened years later still scores as it did.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Optional

from .jsonread import FormatError, Reader, dec_text
from .resources import resource_dir

NOT_APPLICABLE_MODES = {"exclude": "不适用行不计分", "rescale": "不适用行的分值按比例折算到其余指标"}
REVERSE_RULES = {"ratio": "指标值÷完成值×分值", "linear": "超出部分线性扣减，至两倍目标值扣完"}


@dataclass(frozen=True, slots=True)
class Level1:
    """一级指标: name, points and its 二级指标 in print order."""

    name: str
    points: Decimal
    level2: tuple[str, ...]

    def label(self, with_points: bool = True, separator: str = "") -> str:
        """产出指标(40分) as a message names it; the form breaks it before the points (separator "\n")."""
        if not with_points:
            return self.name
        return f"{self.name}{separator}({format(self.points.normalize(), 'f')}分)"


@dataclass(frozen=True, slots=True)
class GradeBand:
    """评价等次: a grade from a minimum total upwards (优 ≥ 90)."""

    grade: str
    minimum: Decimal


@dataclass(frozen=True, slots=True)
class QualitativeBand:
    """A band of 分值 for a qualitative indicator, recognised by words in its 实际完成值."""

    label: str  # 达成年度指标 …
    low: Decimal  # fraction of 分值, inclusive
    high: Decimal  # fraction of 分值, inclusive
    suggest: Decimal  # suggested fraction of 分值
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TotalCap:
    """总分 at most ``max_total`` when 执行率 is below ``rate_below`` percent (off by default)."""

    rate_below: Decimal
    max_total: Decimal


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    name: str
    funding_points: Decimal  # 资金执行率 row's 分值 (0: the row is not scored)
    level1: tuple[Level1, ...]
    grades: tuple[GradeBand, ...]
    label_points: bool = True  # print 产出指标(40分) rather than 产出指标
    not_applicable: str = "exclude"
    reverse_rule: str = "ratio"
    reverse_level2: tuple[str, ...] = ()
    reverse_keywords: tuple[str, ...] = ()
    qualitative_bands: tuple[QualitativeBand, ...] = ()
    over_achievement: Optional[Decimal] = None  # 0.30: warn when 完成值 exceeds 指标值 by 30 %
    suggestion_tolerance: Decimal = Decimal(1)  # points a typed 得分 may stray from the suggestion
    budget_adjustment_warning: Optional[Decimal] = None  # 0.20: 年初 vs 全年预算数 differ by 20 %
    caps: tuple[TotalCap, ...] = ()
    _by_name: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._by_name.update({group.name: group for group in self.level1})

    @property
    def indicator_points(self) -> Decimal:
        return sum((group.points for group in self.level1), Decimal(0))

    @property
    def total_points(self) -> Decimal:
        return self.funding_points + self.indicator_points

    def group(self, name: str) -> Optional[Level1]:
        return self._by_name.get(name)

    def grade_for(self, total: Decimal) -> str:
        for band in sorted(self.grades, key=lambda band: band.minimum, reverse=True):
            if total >= band.minimum:
                return band.grade
        return self.grades[-1].grade if self.grades else ""

    # --- JSON ---
    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "funding_points": dec_text(self.funding_points),
            "level1": [{"name": g.name, "points": dec_text(g.points), "level2": list(g.level2)}
                       for g in self.level1],
            "grades": [{"grade": b.grade, "min": dec_text(b.minimum)} for b in self.grades],
            "options": {
                "label_points": self.label_points,
                "not_applicable": self.not_applicable,
                "reverse_rule": self.reverse_rule,
                "reverse_level2": list(self.reverse_level2),
                "reverse_keywords": list(self.reverse_keywords),
                "qualitative_bands": [
                    {"label": b.label, "low": dec_text(b.low), "high": dec_text(b.high),
                     "suggest": dec_text(b.suggest), "keywords": list(b.keywords)}
                    for b in self.qualitative_bands],
                "over_achievement": dec_text(self.over_achievement),
                "suggestion_tolerance": dec_text(self.suggestion_tolerance),
                "budget_adjustment_warning": dec_text(self.budget_adjustment_warning),
                "caps": [{"rate_below": dec_text(c.rate_below), "max_total": dec_text(c.max_total)}
                         for c in self.caps],
            },
        }


def _strings(reader: Reader) -> tuple[str, ...]:
    return tuple(item.text(allow_empty=False) for item in reader.items("项"))


def framework_from_reader(reader: Reader) -> Framework:
    """Build and validate a framework; FormatError names the faulty field."""
    reader.obj()
    ident = reader.field("id", "编号").text(allow_empty=False)
    name = reader.field("name", "名称").text(allow_empty=False)
    funding = reader.field("funding_points", "资金执行率分值").decimal(optional=False, minimum=Decimal(0))
    groups = []
    for item in reader.field("level1", "一级指标").items("个一级指标"):
        item.obj()
        group = Level1(item.field("name", "名称").text(allow_empty=False),
                       item.field("points", "分值").decimal(optional=False, minimum=Decimal(0)),
                       _strings(item.field("level2", "二级指标")))
        item.no_unknown_fields()
        if not group.level2:
            item.fail("至少要有一个二级指标")
        groups.append(group)
    if not groups:
        reader.fail("至少要有一个一级指标")
    names = [g.name for g in groups]
    if len(set(names)) != len(names):
        reader.fail("一级指标名称重复")
    grades = []
    for item in reader.field("grades", "评价等次").items("档"):
        item.obj()
        grades.append(GradeBand(item.field("grade", "等次").text(allow_empty=False),
                                item.field("min", "最低分").decimal(optional=False)))
        item.no_unknown_fields()
    if not grades:
        reader.fail("至少要有一个评价等次")
    options = reader.field("options", "评分选项", {}).obj()
    bands = []
    for item in options.field("qualitative_bands", "定性指标档次", []).items("档"):
        item.obj()
        bands.append(QualitativeBand(
            item.field("label", "名称").text(allow_empty=False),
            item.field("low", "下限").decimal(optional=False, minimum=Decimal(0)),
            item.field("high", "上限").decimal(optional=False, minimum=Decimal(0)),
            item.field("suggest", "建议比例").decimal(optional=False, minimum=Decimal(0)),
            _strings(item.field("keywords", "关键词", []))))
        item.no_unknown_fields()
    caps = []
    for item in options.field("caps", "总分封顶规则", []).items("条"):
        item.obj()
        caps.append(TotalCap(item.field("rate_below", "执行率低于").decimal(optional=False),
                             item.field("max_total", "总分最高").decimal(optional=False)))
        item.no_unknown_fields()
    framework = Framework(
        id=ident, name=name, funding_points=funding, level1=tuple(groups), grades=tuple(grades),
        label_points=options.field("label_points", "一级指标显示分值", True).boolean(),
        not_applicable=options.field("not_applicable", "不适用处理", "exclude").choice(NOT_APPLICABLE_MODES),
        reverse_rule=options.field("reverse_rule", "反向指标规则", "ratio").choice(REVERSE_RULES),
        reverse_level2=_strings(options.field("reverse_level2", "反向二级指标", [])),
        reverse_keywords=_strings(options.field("reverse_keywords", "反向关键词", [])),
        qualitative_bands=tuple(bands),
        over_achievement=options.field("over_achievement", "超额完成提示比例", None).decimal(minimum=Decimal(0)),
        suggestion_tolerance=options.field("suggestion_tolerance", "建议分容差", "1").decimal(
            optional=False, minimum=Decimal(0)),
        budget_adjustment_warning=options.field("budget_adjustment_warning", "预算调整提示比例", None).decimal(
            minimum=Decimal(0)),
        caps=tuple(caps),
    )
    options.no_unknown_fields()
    reader.no_unknown_fields()
    return framework


def framework_from_dict(data: dict, where: str = "指标体系") -> Framework:
    return framework_from_reader(Reader(data, where))


_builtin_cache: dict[str, Framework] = {}


def builtin_frameworks() -> dict[str, Framework]:
    """The frameworks shipped in resources/frameworks, by id, in file-name order."""
    if not _builtin_cache:
        for path in sorted(Path(resource_dir("frameworks")).glob("*.json")):
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle, parse_float=Decimal)
            framework = framework_from_dict(data, f"指标体系文件 {path.name}")
            _builtin_cache[framework.id] = framework
    return dict(_builtin_cache)


def builtin_framework(ident: str) -> Framework:
    try:
        return builtin_frameworks()[ident]
    except KeyError:
        raise FormatError(f"找不到指标体系“{ident}”") from None
