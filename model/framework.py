"""Indicator frameworks (指标体系): points, level-1/level-2 names, grade bands, scoring options.

Frameworks are data in resources/frameworks/*.json, never code. A document keeps a copy of the
framework it was filled with, so a 2023 file opened years later still scores as it did.

A 一级指标 either has fixed points (产出指标 40: its rows must add up to 40) or *free weights*
(points null: its rows carry the points and only the form's total must be 100 — Sichuan's one
group 绩效指标 90). Whatever makes a framework, the reader below, the editor dialog and the import
of a framework file, passes ``framework_problems`` (model.framework_rules): points total 100, bands
ordered, names unique, each with a plain Chinese message.

What the frameworks share (grade bands, keyword lists, thresholds) is written once, in
resources/frameworks/defaults.json, and merged under every framework read: a built-in file
names only what is its own, and a framework stored by an older version that lacks an option
added since takes the shared default (options only steer suggestions and checks, never the
typed scores, so such a file keeps its 总分 and 等次).
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Optional

from .framework_rules import FULL_MARKS, framework_problems
from .jsonread import FormatError, Reader, dec_text
from .money import fmt_plain
from .resources import resource_dir

NOT_APPLICABLE_MODES = {"exclude": "不适用行不计分", "rescale": "不适用行的分值按比例折算到其余指标"}
DEFAULTS_FILE = "defaults.json"  # in resources/frameworks: shared by every framework
NOT_FRAMEWORKS = {DEFAULTS_FILE, "years.json"}  # the other files there (years.json: model.framework_file)
REVERSE_RULES = {"ratio": "指标值÷完成值×分值", "linear": "超出部分线性扣减，至两倍目标值扣完"}
# What happens when a 完成值 exceeds its 指标值 by ``over_achievement`` or more (指标偏离, 财预〔2020〕10号):
# a warning that asks for an explanation, or a deduction of ``over_achievement_deduction`` points from
# the *suggested* score (the typed 得分 and so the 总分 stay the unit's: see docs/scoring.md).
OVER_ACHIEVEMENT_ACTIONS = {"warn": "提示说明原因", "deduct": "建议得分扣分"}


@dataclass(frozen=True, slots=True)
class Level1:
    """一级指标: name, points (None: free weights, the rows carry them) and its 二级指标 in print order."""

    name: str
    points: Optional[Decimal]
    level2: tuple[str, ...]

    @property
    def fixed(self) -> bool:
        """The group's rows must add up to its points (False: free weights, 各行自定分值)."""
        return self.points is not None

    def label(self, with_points: bool = True, separator: str = "") -> str:
        """产出指标(40分) as a message names it; the form breaks it before the points (separator "\n").

        A group with free weights prints its name only: its points are whatever its rows carry.
        """
        if not with_points or self.points is None:
            return self.name
        return f"{self.name}{separator}({fmt_plain(self.points)}分)"


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
class Plausibility:
    """Thresholds of the plausibility warnings (合理性提示); None switches a check off."""

    final_vs_budget_ratio: Optional[Decimal] = None  # 3: 本年决算数 ≥ 3 × 本年预算数 (or ≤ ⅓) is far off
    final_vs_budget_min_difference: Decimal = Decimal(0)  # 万元: smaller differences are never far off
    three_public_increase: Optional[Decimal] = None  # 0: any rise of 三公经费 over 上年决算数
    value_kind_mismatch: bool = False  # a numeric target answered in words, or the reverse
    cost_limit_vs_executed: bool = False  # a ≤ 金额 target against the form's 全年执行数
    execution_rate_names: tuple[str, ...] = ()  # rows that restate the funding block's 执行率
    execution_rate_tolerance: Optional[Decimal] = None  # percentage points
    near_miss_ratio: Optional[Decimal] = None  # 0.6: similarity for 日效性指标 → 时效指标？


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
    reverse_keywords: tuple[str, ...] = ()  # measures where lower is better (发生率, 信访量, 成本)
    positive_keywords: tuple[str, ...] = ()  # measures where higher is better (完成率, 办结)
    topic_keywords: tuple[str, ...] = ()  # subjects that decide no direction (信访, 投诉)
    qualitative_bands: tuple[QualitativeBand, ...] = ()
    over_achievement: Optional[Decimal] = None  # 0.30: 完成值 exceeds 指标值 by 30 % (None: off)
    over_achievement_action: str = "warn"  # warn | deduct (OVER_ACHIEVEMENT_ACTIONS)
    over_achievement_deduction: Decimal = Decimal(2)  # points off the suggestion when deducting
    suggestion_tolerance: Decimal = Decimal(1)  # points a typed 得分 may stray from the suggestion
    budget_adjustment_warning: Optional[Decimal] = None  # 0.20: 年初 vs 全年预算数 differ by 20 %
    caps: tuple[TotalCap, ...] = ()
    template_prompts: tuple[str, ...] = ()  # text of a blank template left in (……, 请填写)
    plan_words: tuple[str, ...] = ()  # a later year beside these is a plan, not a typo (顺延至2025年)
    plausibility: Plausibility = field(default_factory=Plausibility)
    _by_name: dict = field(default_factory=dict, compare=False, repr=False)
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # derived lookups (model.direction)

    def __post_init__(self):
        self._by_name.update({group.name: group for group in self.level1})

    @property
    def free(self) -> bool:
        """Some 一级指标 leave their points to the rows."""
        return any(not group.fixed for group in self.level1)

    @property
    def indicator_points(self) -> Decimal:
        """What the indicator rows must carry together: the fixed groups' points, or all that the
        funding row leaves when some group has free weights."""
        if self.free:
            return FULL_MARKS - self.funding_points
        return sum((group.points for group in self.level1), Decimal(0))

    @property
    def total_points(self) -> Decimal:
        return self.funding_points + self.indicator_points

    def group(self, name: str) -> Optional[Level1]:
        return self._by_name.get(name)

    def replace(self, **changes) -> "Framework":
        """A copy with ``changes``; derived lookups start afresh (they must not be shared)."""
        return dataclasses.replace(self, **changes, _by_name={}, memo={})

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
                "positive_keywords": list(self.positive_keywords),
                "topic_keywords": list(self.topic_keywords),
                "qualitative_bands": [
                    {"label": b.label, "low": dec_text(b.low), "high": dec_text(b.high),
                     "suggest": dec_text(b.suggest), "keywords": list(b.keywords)}
                    for b in self.qualitative_bands],
                "over_achievement": dec_text(self.over_achievement),
                "over_achievement_action": self.over_achievement_action,
                "over_achievement_deduction": dec_text(self.over_achievement_deduction),
                "suggestion_tolerance": dec_text(self.suggestion_tolerance),
                "budget_adjustment_warning": dec_text(self.budget_adjustment_warning),
                "caps": [{"rate_below": dec_text(c.rate_below), "max_total": dec_text(c.max_total)}
                         for c in self.caps],
                "template_prompts": list(self.template_prompts),
                "plan_words": list(self.plan_words),
                "plausibility": _plausibility_dict(self.plausibility),
            },
        }


def _plausibility_dict(p: Plausibility) -> dict:
    return {"final_vs_budget_ratio": dec_text(p.final_vs_budget_ratio),
            "final_vs_budget_min_difference": dec_text(p.final_vs_budget_min_difference),
            "three_public_increase": dec_text(p.three_public_increase),
            "value_kind_mismatch": p.value_kind_mismatch,
            "cost_limit_vs_executed": p.cost_limit_vs_executed,
            "execution_rate_names": list(p.execution_rate_names),
            "execution_rate_tolerance": dec_text(p.execution_rate_tolerance),
            "near_miss_ratio": dec_text(p.near_miss_ratio)}


def _strings(reader: Reader) -> tuple[str, ...]:
    return tuple(item.text(allow_empty=False) for item in reader.items("项"))


_shared_cache: dict = {}


def shared_defaults() -> dict:
    """resources/frameworks/defaults.json: what every framework has unless it says otherwise."""
    if not _shared_cache:
        path = Path(resource_dir("frameworks")) / DEFAULTS_FILE
        with open(path, encoding="utf-8") as handle:
            _shared_cache.update(json.load(handle, parse_float=Decimal))
    return _shared_cache


def _read_plausibility(reader: Reader, defaults: dict) -> Plausibility:
    reader.obj()

    def ratio(key: str, label: str) -> Optional[Decimal]:
        return reader.field(key, label, defaults.get(key)).decimal(minimum=Decimal(0))

    near_miss = ratio("near_miss_ratio", "相近名称相似度")
    plausibility = Plausibility(
        final_vs_budget_ratio=ratio("final_vs_budget_ratio", "决算与预算相差倍数"),
        final_vs_budget_min_difference=reader.field(
            "final_vs_budget_min_difference", "决算与预算最小差额",
            defaults.get("final_vs_budget_min_difference", "0")).decimal(optional=False, minimum=Decimal(0)),
        three_public_increase=ratio("three_public_increase", "三公经费增长提示比例"),
        value_kind_mismatch=reader.field("value_kind_mismatch", "指标值与完成值类型不符提示",
                                         defaults.get("value_kind_mismatch", False)).boolean(),
        cost_limit_vs_executed=reader.field("cost_limit_vs_executed", "成本上限与全年执行数核对",
                                            defaults.get("cost_limit_vs_executed", False)).boolean(),
        execution_rate_names=_strings(reader.field("execution_rate_names", "执行率指标名称",
                                                   defaults.get("execution_rate_names", []))),
        execution_rate_tolerance=ratio("execution_rate_tolerance", "执行率容差（百分点）"),
        near_miss_ratio=near_miss,
    )
    reader.no_unknown_fields()
    return plausibility


def framework_from_reader(reader: Reader) -> Framework:
    """Build and validate a framework; FormatError names the faulty field.

    Fields it does not name take the shared defaults (``shared_defaults``).
    """
    reader.obj()
    shared = shared_defaults()
    defaults = shared.get("options", {})
    ident = reader.field("id", "编号").text(allow_empty=False)
    name = reader.field("name", "名称").text(allow_empty=False)
    funding = reader.field("funding_points", "资金执行率分值").decimal(optional=False, minimum=Decimal(0))
    groups = []
    for item in reader.field("level1", "一级指标").items("个一级指标"):
        item.obj()
        group = Level1(item.field("name", "名称").text(allow_empty=False),
                       item.field("points", "分值").decimal(minimum=Decimal(0)),  # null: free weights
                       _strings(item.field("level2", "二级指标")))
        item.no_unknown_fields()
        groups.append(group)
    grades = []
    for item in reader.field("grades", "评价等次", shared.get("grades", ...)).items("档"):
        item.obj()
        grades.append(GradeBand(item.field("grade", "等次").text(allow_empty=False),
                                item.field("min", "最低分").decimal(optional=False)))
        item.no_unknown_fields()
    options = reader.field("options", "评分选项", {}).obj()

    def option(key: str, label: str) -> Reader:
        return options.field(key, label, defaults.get(key))

    bands = []
    for item in options.field("qualitative_bands", "定性指标档次", defaults.get("qualitative_bands", [])).items("档"):
        item.obj()
        bands.append(QualitativeBand(
            item.field("label", "名称").text(allow_empty=False),
            item.field("low", "下限").decimal(optional=False, minimum=Decimal(0)),
            item.field("high", "上限").decimal(optional=False, minimum=Decimal(0)),
            item.field("suggest", "建议比例").decimal(optional=False, minimum=Decimal(0)),
            _strings(item.field("keywords", "关键词", []))))
        item.no_unknown_fields()
    caps = []
    for item in options.field("caps", "总分封顶规则", defaults.get("caps", [])).items("条"):
        item.obj()
        caps.append(TotalCap(item.field("rate_below", "执行率低于").decimal(optional=False),
                             item.field("max_total", "总分最高").decimal(optional=False)))
        item.no_unknown_fields()
    reverse_keywords = _strings(option("reverse_keywords", "反向关键词"))
    if options.has("reverse_keywords") and not options.has("positive_keywords"):
        # Written before direction was read from what is measured: keep the unit's reverse words
        # and add the shared ones (信访量, 信访增长率 …); a topic word among them (信访) then
        # decides nothing, as topic_keywords says.
        reverse_keywords += tuple(word for word in _strings(Reader(defaults.get("reverse_keywords", []), ""))
                                  if word not in reverse_keywords)
    framework = Framework(
        id=ident, name=name, funding_points=funding, level1=tuple(groups), grades=tuple(grades),
        label_points=option("label_points", "一级指标显示分值").boolean(),
        not_applicable=option("not_applicable", "不适用处理").choice(NOT_APPLICABLE_MODES),
        reverse_rule=option("reverse_rule", "反向指标规则").choice(REVERSE_RULES),
        reverse_level2=_strings(option("reverse_level2", "反向二级指标")),
        reverse_keywords=reverse_keywords,
        positive_keywords=_strings(option("positive_keywords", "正向关键词")),
        topic_keywords=_strings(option("topic_keywords", "主题词（不决定方向）")),
        qualitative_bands=tuple(bands),
        over_achievement=option("over_achievement", "超额完成提示比例").decimal(minimum=Decimal(0)),
        over_achievement_action=option("over_achievement_action", "超额完成处理").choice(OVER_ACHIEVEMENT_ACTIONS),
        over_achievement_deduction=option("over_achievement_deduction", "超额完成扣分").decimal(
            optional=False, minimum=Decimal(0)),
        suggestion_tolerance=option("suggestion_tolerance", "建议分容差").decimal(optional=False, minimum=Decimal(0)),
        budget_adjustment_warning=option("budget_adjustment_warning", "预算调整提示比例").decimal(minimum=Decimal(0)),
        caps=tuple(caps),
        template_prompts=_strings(option("template_prompts", "模板提示文字")),
        plan_words=_strings(option("plan_words", "计划用语")),
        plausibility=_read_plausibility(options.field("plausibility", "合理性提示", {}),
                                        defaults.get("plausibility", {})),
    )
    options.no_unknown_fields()
    reader.no_unknown_fields()
    problems = framework_problems(framework)
    if problems:
        reader.fail("；".join(problems))
    return framework


def framework_from_dict(data: dict, where: str = "指标体系") -> Framework:
    return framework_from_reader(Reader(data, where))


_builtin_cache: dict[str, Framework] = {}


def builtin_frameworks() -> dict[str, Framework]:
    """The frameworks shipped in resources/frameworks, by id, in file-name order."""
    if not _builtin_cache:
        for path in sorted(Path(resource_dir("frameworks")).glob("*.json")):
            if path.name in NOT_FRAMEWORKS:
                continue
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
