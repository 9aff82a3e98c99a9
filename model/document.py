"""The self-evaluation set of one unit for one year (一个单位一个年度的绩效自评材料).

Plain dataclasses holding only what the accountant typed. Everything derived (rates, scores,
subtotals, grades) is computed by model.scoring; nothing derived is stored.

Every list item carries a short ``id`` so that a field has a stable address (a *path*, see
model.paths) that survives inserting, deleting and moving rows: checks point at it, the window
jumps to it, undo records it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator, Optional, Union

from .framework import Framework
from .money import Amount, total

FORM_BASIC = "basic"  # 整体支出绩效评价基础数据表
FORM_OVERALL = "overall"  # 部门整体支出绩效自评表
PROJECT_PREFIX = "projects"  # 项目支出绩效自评表, one per project: projects[p1]


@dataclass(slots=True)
class UnitInfo:
    """单位信息."""

    name: str = ""  # 单位名称 (also 预算部门名称 on the overall form)
    department: str = ""  # 主管部门
    year: int = 2024  # 年度
    preparer: str = ""  # 填报人 / 填表人
    phone: str = ""  # 联系电话
    fill_date: str = ""  # 填报日期, as typed (2025年3月10日)
    head: str = ""  # 单位负责人


@dataclass(slots=True)
class IndicatorRow:
    """One 三级指标 row of the 绩效指标 table."""

    id: str
    level1: str  # 一级指标 (from the framework)
    level2: str  # 二级指标 (from the framework)
    name: str = ""  # 三级指标
    target: str = ""  # 年度指标值, exactly as typed
    actual: str = ""  # 实际完成值, exactly as typed
    points: Amount = None  # 分值
    score: Amount = None  # 得分, the unit's own judgement
    deviation: str = ""  # 偏差原因分析及改进措施
    not_applicable: bool = False  # 不适用
    rule: str = "auto"  # how to suggest a score: auto | positive | reverse | qualitative


SCORING_RULES = {"auto": "自动判断", "positive": "正向指标", "reverse": "反向指标", "qualitative": "定性指标"}


@dataclass(slots=True)
class Goals:
    """年度总体目标."""

    expected: str = ""  # 预期目标 / 年初设定目标
    actual: str = ""  # 实际完成情况 / 全年完成情况


@dataclass(slots=True)
class FundingLine:
    """A row of a 年度预算申请 / 项目资金 block."""

    initial: Amount = None  # 年初预算数
    annual: Amount = None  # 全年预算数
    executed: Amount = None  # 全年执行数


@dataclass(slots=True)
class IncomeParts:
    """按收入性质分 (parts of 全年预算数)."""

    general_budget: Amount = None  # 一般公共预算
    gov_fund: Amount = None  # 政府性基金拨款
    special_account: Amount = None  # 纳入专户管理的非税收入拨款
    other: Amount = None  # 其他资金

    def parts(self) -> tuple[Amount, ...]:
        return (self.general_budget, self.gov_fund, self.special_account, self.other)


@dataclass(slots=True)
class ExpenseParts:
    """按支出性质分 (parts of 全年执行数)."""

    basic: Amount = None  # 基本支出
    project: Amount = None  # 项目支出

    def parts(self) -> tuple[Amount, ...]:
        return (self.basic, self.project)


@dataclass(slots=True)
class OverallForm:
    """部门整体支出绩效自评表."""

    framework_id: str
    funding: FundingLine = field(default_factory=FundingLine)  # 年度资金总额
    income: IncomeParts = field(default_factory=IncomeParts)
    expense: ExpenseParts = field(default_factory=ExpenseParts)
    goals: Goals = field(default_factory=Goals)
    indicators: list[IndicatorRow] = field(default_factory=list)
    duties: str = ""  # 部门职责 (printed by some variants, seed 002)
    stated_total: Amount = None  # 总分 as printed on a paper form being transcribed

    @property
    def annual_funding(self) -> FundingLine:
        return self.funding


@dataclass(slots=True)
class ProjectForm:
    """项目支出绩效自评表 (备注：一个一级项目支出一张表)."""

    id: str
    framework_id: str
    name: str = ""  # 项目支出名称
    department: str = ""  # 主管部门
    implementer: str = ""  # 实施单位
    current: FundingLine = field(default_factory=FundingLine)  # 其中：当年财政拨款
    carryover: FundingLine = field(default_factory=FundingLine)  # 上年结转资金
    other: FundingLine = field(default_factory=FundingLine)  # 其他资金
    goals: Goals = field(default_factory=Goals)
    indicators: list[IndicatorRow] = field(default_factory=list)
    stated_total: Amount = None

    @property
    def annual_funding(self) -> FundingLine:
        """年度资金总额: the sum of its three sources, column by column."""
        lines = (self.current, self.carryover, self.other)
        return FundingLine(total(l.initial for l in lines), total(l.annual for l in lines),
                           total(l.executed for l in lines))


@dataclass(slots=True)
class ExpenseLine:
    """A row of 经费控制情况: 上年决算数 / 本年预算数 / 本年决算数."""

    prior: Amount = None  # 上年决算数
    budget: Amount = None  # 本年预算数
    final: Amount = None  # 本年决算数

    def values(self) -> tuple[Amount, Amount, Amount]:
        return (self.prior, self.budget, self.final)


@dataclass(slots=True)
class NamedExpenseLine:
    """One 本级专项资金 (one project) or 上级转移支付 (one item) row."""

    id: str
    name: str = ""
    prior: Amount = None
    budget: Amount = None
    final: Amount = None

    def values(self) -> tuple[Amount, Amount, Amount]:
        return (self.prior, self.budget, self.final)


# The fixed rows of 经费控制情况, in print order: (attribute, label, parent attribute).
# The parent is the row the line is a part of (checks add the parts up).
EXPENSE_LINES: tuple[tuple[str, str, Optional[str]], ...] = (
    ("three_public", "三公经费", None),
    ("vehicles", "1、公务用车购置和维护经费", "three_public"),
    ("vehicle_purchase", "其中：公车购置", "vehicles"),
    ("vehicle_operation", "公车运行维护", "vehicles"),
    ("overseas", "2、出国经费", "three_public"),
    ("reception", "3、公务接待", "three_public"),
    ("project_total", "项目支出：", None),
    ("business", "1、业务工作经费", "project_total"),
    ("operation", "2、运行维护经费", "project_total"),
    ("special_total", "3、{special}（一个专项一行）", "project_total"),
    ("transfer_total", "4、上级转移支付（一个专项一行）", "project_total"),
    ("public_total", "公用经费：", None),
    ("office", "其中：办公经费", None),
    ("utilities_travel", "水费、电费、差旅费", None),
    ("meetings_training", "会议费、培训费", None),
    ("procurement", "政府采购金额", None),
    ("basic_adjustment", "部门基本支出预算调整", None),
)
# 其中 rows of 公用经费: together at most the total (they are not all of it).
PUBLIC_PARTS = ("office", "utilities_travel", "meetings_training")


@dataclass(slots=True)
class Building:
    """楼堂馆所控制情况（当年完工项目）."""

    approved_area: Amount = None  # 批复规模 (m²)
    actual_area: Amount = None  # 实际规模 (m²)
    budget_investment: Amount = None  # 预算投资 (万元)
    actual_investment: Amount = None  # 实际投资 (万元)


@dataclass(slots=True)
class BasicDataForm:
    """部门（单位）整体支出绩效评价基础数据表."""

    staff_authorized: Amount = None  # 编制数
    staff_actual: Amount = None  # 实际在职人数
    three_public: ExpenseLine = field(default_factory=ExpenseLine)
    vehicles: ExpenseLine = field(default_factory=ExpenseLine)
    vehicle_purchase: ExpenseLine = field(default_factory=ExpenseLine)
    vehicle_operation: ExpenseLine = field(default_factory=ExpenseLine)
    overseas: ExpenseLine = field(default_factory=ExpenseLine)
    reception: ExpenseLine = field(default_factory=ExpenseLine)
    project_total: ExpenseLine = field(default_factory=ExpenseLine)
    business: ExpenseLine = field(default_factory=ExpenseLine)
    operation: ExpenseLine = field(default_factory=ExpenseLine)
    special_total: ExpenseLine = field(default_factory=ExpenseLine)
    special_rows: list[NamedExpenseLine] = field(default_factory=list)
    transfer_total: ExpenseLine = field(default_factory=ExpenseLine)
    transfer_rows: list[NamedExpenseLine] = field(default_factory=list)
    public_total: ExpenseLine = field(default_factory=ExpenseLine)
    office: ExpenseLine = field(default_factory=ExpenseLine)
    utilities_travel: ExpenseLine = field(default_factory=ExpenseLine)
    meetings_training: ExpenseLine = field(default_factory=ExpenseLine)
    procurement: ExpenseLine = field(default_factory=ExpenseLine)
    basic_adjustment: ExpenseLine = field(default_factory=ExpenseLine)
    building: Building = field(default_factory=Building)
    thrift_measures: str = ""  # 厉行节约保障措施
    special_label: str = "本级专项资金"  # some bureaus print 区级专项资金 (seed 004)
    show_unit_name: bool = False  # print a 预算单位名称 row at the top (seed 004)

    def line(self, attribute: str) -> ExpenseLine:
        return getattr(self, attribute)


ScoredForm = Union[OverallForm, ProjectForm]


@dataclass(slots=True)
class Document:
    """One unit's set of forms for one year."""

    unit: UnitInfo
    frameworks: dict[str, Framework]  # the frameworks the forms use, kept with the file
    basic: Optional[BasicDataForm] = None
    overall: Optional[OverallForm] = None
    projects: list[ProjectForm] = field(default_factory=list)

    def framework_for(self, form: ScoredForm) -> Framework:
        return self.frameworks[form.framework_id]

    def project(self, ident: str) -> ProjectForm:
        for project in self.projects:
            if project.id == ident:
                return project
        raise KeyError(ident)

    def scored_forms(self) -> Iterator[tuple[str, ScoredForm]]:
        """(form key, form) of the overall form and each project, in print order."""
        if self.overall is not None:
            yield FORM_OVERALL, self.overall
        for project in self.projects:
            yield project_key(project.id), project

    def form(self, key: str):
        if key == FORM_BASIC:
            return self.basic
        if key == FORM_OVERALL:
            return self.overall
        return self.project(project_id_of(key))

    def all_ids(self) -> set[str]:
        ids = {p.id for p in self.projects}
        for _, form in self.scored_forms():
            ids.update(row.id for row in form.indicators)
        if self.basic is not None:
            ids.update(row.id for row in self.basic.special_rows)
            ids.update(row.id for row in self.basic.transfer_rows)
        return ids

    def new_id(self, prefix: str) -> str:
        """A short id unused in this document (r17, p3, s2 …)."""
        used = self.all_ids()
        number = len(used) + 1
        while f"{prefix}{number}" in used:
            number += 1
        return f"{prefix}{number}"


def project_key(ident: str) -> str:
    return f"{PROJECT_PREFIX}[{ident}]"


def project_id_of(key: str) -> str:
    if not (key.startswith(PROJECT_PREFIX + "[") and key.endswith("]")):
        raise KeyError(key)
    return key[len(PROJECT_PREFIX) + 1:-1]


def form_kind(key: str) -> str:
    """basic_data | overall | project, as the command line reports it."""
    if key == FORM_BASIC:
        return "basic_data"
    if key == FORM_OVERALL:
        return "overall"
    return "project"


def form_title(doc: Document, key: str) -> str:
    """How a person names the form: 项目支出绩效自评表（双碳资金）."""
    if key == FORM_BASIC:
        return "整体支出绩效评价基础数据表"
    if key == FORM_OVERALL:
        return "部门整体支出绩效自评表"
    project = doc.project(project_id_of(key))
    return f"项目支出绩效自评表（{project.name or '未命名项目'}）"


def indicator_groups(form: ScoredForm, framework: Framework) -> list[tuple[str, str, list[IndicatorRow]]]:
    """(一级, 二级, rows) in the framework's order, each group's rows in the form's order.

    Groups with no rows are kept so that a caller can offer to add the first row.
    Rows whose 一级/二级 the framework does not know come last, in their own groups.
    """
    buckets: dict[tuple[str, str], list[IndicatorRow]] = {}
    for group in framework.level1:
        for level2 in group.level2:
            buckets[(group.name, level2)] = []
    for row in form.indicators:
        buckets.setdefault((row.level1, row.level2), []).append(row)
    return [(l1, l2, rows) for (l1, l2), rows in buckets.items()]


def ordered_indicators(form: ScoredForm, framework: Framework) -> list[IndicatorRow]:
    """The rows in print order (grouped by the framework)."""
    return [row for _, _, rows in indicator_groups(form, framework) for row in rows]


def points_text(value: Optional[Decimal]) -> str:
    return "" if value is None else format(value.normalize(), "f")
