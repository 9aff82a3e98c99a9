"""The self-evaluation set of one unit for one year (一个单位一个年度的绩效自评材料).

Plain dataclasses holding only what the accountant typed. Everything derived (rates, scores,
subtotals, grades) is computed by model.scoring; nothing derived is stored.

Each stored field is declared once, here, with its kind and Chinese label (model.registry): the file
format, the editors, the messages and the printed labels all read that declaration.

Every list item carries a short ``id`` so that a field has a stable address (a *path*, see
model.paths) that survives inserting, deleting and moving rows: checks point at it, the window
jumps to it, undo records it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional, Union

from .carried import CarriedText
from .comprehensive import ComprehensiveForm
from .framework import Framework
from .money import Amount, total
from .registry import MAX_SHORT_TEXT, FieldKind, record, records, spec_of, value
from .report import Report, is_report_key, report_title, walk_ids

FORM_BASIC = "basic"  # 整体支出绩效评价基础数据表
FORM_OVERALL = "overall"  # 部门整体支出绩效自评表
FORM_COMPREHENSIVE = "comprehensive"  # 怀化 部门（单位）整体支出绩效自评表 (model.comprehensive)
PROJECT_PREFIX = "projects"  # 项目支出绩效自评表, one per project: projects[p1]

K = FieldKind
SCORING_RULES = {"auto": "自动判断", "positive": "正向指标", "reverse": "反向指标", "qualitative": "定性指标"}


def _short(label: str, hint: str = "", **options):
    return value(K.TEXT, label, "", hint=hint, max_length=MAX_SHORT_TEXT, **options)


def _variants(*texts: str) -> dict[str, str]:
    return {text: text for text in texts}


def _label(label: str, *variants: str):
    """A printed label the unit may set (RULES.md §8): the first variant is the default."""
    return value(K.TEXT, label, variants[0], choices=_variants(*variants), required=True, max_length=40)


@dataclass(slots=True)
class UnitInfo:
    """单位信息."""

    name: str = _short("单位名称", "例如 株洲市天元区征地工作协调服务中心")  # also 预算部门名称
    code: str = _short("单位编码", "财政一体化系统中的单位编码（可不填）")
    department: str = _short("主管部门")
    year: int = value(K.YEAR, "年度", 2024, hint="例如 2024", minimum=1990, maximum=2100)
    preparer: str = _short("填报人")  # 填报人 / 填表人
    phone: str = _short("联系电话")
    fill_date: str = _short("填报日期", "例如 2025年3月10日")  # as typed
    head: str = _short("单位负责人")


@dataclass(slots=True)
class Labels:
    """How this unit's paper forms print the rows and titles that vary between bureaus (RULES.md §8)."""

    unit_name: str = _label("单位名称行", "预算部门名称", "预算单位名称", "区级预算部门名称")
    score: str = _label("得分列", "得分", "自评得分")
    special: str = _label("专项资金行", "本级专项资金", "区级专项资金", "省级专项资金")
    business: str = _label("业务经费行", "业务工作经费", "业务工作专项")
    basic_adjustment: str = _label("基本支出调整行", "部门基本支出预算调整", "部门整体支出预算调整")
    source_current: str = _label("当年财政拨款行", "当年财政拨款", "财政资金")
    source_carryover: str = _label("上年结转行", "上年结转资金", "上年结转金额")
    source_other: str = _label("其他资金行", "其他资金", "单位资金", "其它资金")
    source_special_account: str = _label("财政专户资金行", "财政专户管理资金")
    basic_title: str = _label("基础数据表标题", "部门（单位）整体支出绩效评价基础数据表",
                              "预算单位整体支出绩效评价基础数据表", "部门整体支出绩效评价基础数据表")
    overall_title: str = _label("整体自评表标题", "部门整体支出绩效自评表", "部门（单位）整体支出绩效自评表",
                                "预算单位整体支出绩效自评表")
    show_special_account: bool = value(K.BOOL, "项目表印“财政专户管理资金”行", False)
    show_empty_transfer: bool = value(K.BOOL, "基础数据表印空的“上级转移支付”行", True)
    show_codes: bool = value(K.BOOL, "印单位编码、项目编码行", False)
    # seed 002 prints two rows, 合计 (全年执行数) and （2）项目支出, where others print 年度预算申请
    funding_as_totals: bool = value(K.BOOL, "整体自评表只印“合计”“（2）项目支出”两行（代替年度预算申请）", False)
    # 附件N above each form: None numbers the forms in print order, 0 prints no 附件 line (seed 002)
    attachment_basic: Optional[int] = value(K.INTEGER, "基础数据表附件号", hint="自动", minimum=0, maximum=99)
    attachment_overall: Optional[int] = value(K.INTEGER, "整体自评表附件号", hint="自动", minimum=0, maximum=99)
    attachment_project: Optional[int] = value(K.INTEGER, "项目自评表附件号", hint="自动", minimum=0, maximum=99)


@dataclass(slots=True)
class IndicatorRow:
    """One 三级指标 row of the 绩效指标 table."""

    id: str = value(K.ID, "编号")
    level1: str = value(K.TEXT, "一级指标", "", required=True)  # from the framework
    level2: str = value(K.TEXT, "二级指标", "", required=True)  # from the framework
    name: str = value(K.TEXT, "三级指标", "")
    target: str = value(K.TEXT, "年度指标值", "")  # exactly as typed
    actual: str = value(K.TEXT, "实际完成值", "")  # exactly as typed
    points: Amount = value(K.POINTS, "分值", minimum=0)
    score: Amount = value(K.POINTS, "得分")  # the unit's own judgement
    deviation: str = value(K.LONG_TEXT, "偏差原因分析及改进措施", "")
    not_applicable: bool = value(K.BOOL, "不适用", False)
    rule: str = value(K.CHOICE, "评分规则", "auto", choices=SCORING_RULES)  # how to suggest a score


@dataclass(slots=True)
class Goals:
    """年度总体目标."""

    expected: str = value(K.LONG_TEXT, "预期目标", "")  # 预期目标 / 年初设定目标
    actual: str = value(K.LONG_TEXT, "实际完成情况", "")  # 实际完成情况 / 全年完成情况


@dataclass(slots=True)
class FundingLine:
    """A row of a 年度预算申请 / 项目资金 block."""

    initial: Amount = value(K.AMOUNT, "年初预算数", minimum=0)
    annual: Amount = value(K.AMOUNT, "全年预算数", minimum=0)  # also 调整后预算数
    executed: Amount = value(K.AMOUNT, "全年执行数", minimum=0)

    def values(self) -> tuple[Amount, Amount, Amount]:
        return (self.initial, self.annual, self.executed)


@dataclass(slots=True)
class IncomeParts:
    """按收入性质分 (parts of 全年预算数)."""

    general_budget: Amount = value(K.AMOUNT, "一般公共预算")
    gov_fund: Amount = value(K.AMOUNT, "政府性基金拨款")
    special_account: Amount = value(K.AMOUNT, "纳入专户管理的非税收入拨款")
    other: Amount = value(K.AMOUNT, "其他资金")

    def parts(self) -> tuple[Amount, ...]:
        return (self.general_budget, self.gov_fund, self.special_account, self.other)


@dataclass(slots=True)
class ExpenseParts:
    """按支出性质分 (parts of 全年执行数)."""

    basic: Amount = value(K.AMOUNT, "基本支出")
    project: Amount = value(K.AMOUNT, "项目支出")

    def parts(self) -> tuple[Amount, ...]:
        return (self.basic, self.project)


@dataclass(slots=True)
class ClosingTexts:
    """The closing rows some provinces print under a project's indicator table."""

    conclusion: str = value(K.LONG_TEXT, "评价结论", "")
    problems: str = value(K.LONG_TEXT, "存在的问题", "")
    measures: str = value(K.LONG_TEXT, "改进措施", "")


def _stated(label: str, kind: FieldKind = K.POINTS):
    """A figure printed on a paper form being transcribed (表上数), compared with the computed one."""
    return value(kind, label)


@dataclass(slots=True)
class OverallForm:
    """部门整体支出绩效自评表."""

    framework_id: str = value(K.FRAMEWORK, "指标体系", "", key="framework")
    funding: FundingLine = record(FundingLine, "年度资金总额")
    income: IncomeParts = record(IncomeParts, "按收入性质分")
    expense: ExpenseParts = record(ExpenseParts, "按支出性质分")
    goals: Goals = record(Goals, "年度总体目标")
    # 部门职责 (seed 002 prints it): None when the form has no such row
    duties: Optional[str] = value(K.LONG_TEXT, "部门职责", None, optional=True)
    indicators: list[IndicatorRow] = records(IndicatorRow, "绩效指标")
    stated_total: Amount = _stated("表上总分")
    stated_rate: Amount = _stated("表上执行率", K.RATE)
    stated_funding_score: Amount = _stated("表上资金执行得分")

    @property
    def annual_funding(self) -> FundingLine:
        return self.funding


@dataclass(slots=True)
class ProjectForm:
    """项目支出绩效自评表 (备注：一个一级项目支出一张表)."""

    id: str = value(K.ID, "编号")
    framework_id: str = value(K.FRAMEWORK, "指标体系", "", key="framework")
    name: str = value(K.TEXT, "项目支出名称", "")
    code: str = _short("项目编码")
    department: str = value(K.TEXT, "主管部门", "")
    implementer: str = value(K.TEXT, "实施单位", "")
    current: FundingLine = record(FundingLine, "当年财政拨款")  # 其中：当年财政拨款
    carryover: FundingLine = record(FundingLine, "上年结转资金")
    other: FundingLine = record(FundingLine, "其他资金")
    special_account: FundingLine = record(FundingLine, "财政专户管理资金")  # printed when labels say so
    goals: Goals = record(Goals, "年度总体目标")
    indicators: list[IndicatorRow] = records(IndicatorRow, "绩效指标")
    closing: Optional[ClosingTexts] = record(ClosingTexts, "评价结论等", optional=True)
    stated_total: Amount = _stated("表上总分")
    stated_rate: Amount = _stated("表上执行率", K.RATE)
    stated_funding_score: Amount = _stated("表上资金执行得分")
    stated_funding: FundingLine = record(FundingLine, "表上年度资金总额")  # as printed, often not the sum

    def sources(self) -> tuple[FundingLine, ...]:
        """The rows whose columns add up to 年度资金总额."""
        return (self.current, self.carryover, self.other, self.special_account)

    @property
    def annual_funding(self) -> FundingLine:
        """年度资金总额: the sum of its sources, column by column."""
        lines = self.sources()
        return FundingLine(total(l.initial for l in lines), total(l.annual for l in lines),
                           total(l.executed for l in lines))


@dataclass(slots=True)
class ExpenseLine:
    """A row of 经费控制情况: 上年决算数 / 本年预算数 / 本年决算数."""

    prior: Amount = value(K.AMOUNT, "上年决算数")
    budget: Amount = value(K.AMOUNT, "本年预算数")
    final: Amount = value(K.AMOUNT, "本年决算数")

    def values(self) -> tuple[Amount, Amount, Amount]:
        return (self.prior, self.budget, self.final)


@dataclass(slots=True)
class NamedExpenseLine:
    """One 本级专项资金 (one project) or 上级转移支付 (one item) row."""

    id: str = value(K.ID, "编号")
    name: str = value(K.TEXT, "名称", "")
    prior: Amount = value(K.AMOUNT, "上年决算数")
    budget: Amount = value(K.AMOUNT, "本年预算数")
    final: Amount = value(K.AMOUNT, "本年决算数")

    def values(self) -> tuple[Amount, Amount, Amount]:
        return (self.prior, self.budget, self.final)


@dataclass(slots=True)
class Building:
    """楼堂馆所控制情况（当年完工项目）."""

    approved_area: Amount = value(K.AREA, "批复规模", minimum=0)  # m²
    actual_area: Amount = value(K.AREA, "实际规模", minimum=0)  # m²
    budget_investment: Amount = value(K.AMOUNT, "预算投资", minimum=0)  # 万元
    actual_investment: Amount = value(K.AMOUNT, "实际投资", minimum=0)  # 万元


def _line(label: str):
    """A fixed row of 经费控制情况; its label is the text printed by default (see expense_line_label)."""
    return record(ExpenseLine, label, group="lines")


@dataclass(slots=True)
class BasicDataForm:
    """部门（单位）整体支出绩效评价基础数据表."""

    staff_authorized: Amount = value(K.COUNT, "编制数", minimum=0)
    staff_actual: Amount = value(K.COUNT, "实际在职人数", minimum=0)
    three_public: ExpenseLine = _line("三公经费")
    vehicles: ExpenseLine = _line("1、公务用车购置和维护经费")
    vehicle_purchase: ExpenseLine = _line("其中：公车购置")
    vehicle_operation: ExpenseLine = _line("公车运行维护")
    overseas: ExpenseLine = _line("2、出国经费")
    reception: ExpenseLine = _line("3、公务接待")
    project_total: ExpenseLine = _line("项目支出：")
    business: ExpenseLine = _line("1、业务工作经费")
    operation: ExpenseLine = _line("2、运行维护经费")
    special_total: ExpenseLine = _line("3、本级专项资金（一个专项一行）")
    transfer_total: ExpenseLine = _line("4、上级转移支付（一个专项一行）")
    public_total: ExpenseLine = _line("公用经费：")
    office: ExpenseLine = _line("其中：办公经费")
    utilities_travel: ExpenseLine = _line("水费、电费、差旅费")
    meetings_training: ExpenseLine = _line("会议费、培训费")
    procurement: ExpenseLine = _line("政府采购金额")
    basic_adjustment: ExpenseLine = _line("部门基本支出预算调整")
    special_rows: list[NamedExpenseLine] = records(NamedExpenseLine, "专项资金明细")
    transfer_rows: list[NamedExpenseLine] = records(NamedExpenseLine, "上级转移支付明细")
    building: Building = record(Building, "楼堂馆所控制情况")
    thrift_measures: str = value(K.LONG_TEXT, "厉行节约保障措施", "")
    show_unit_name: bool = value(K.BOOL, "显示预算单位名称行", False)  # a unit name row on top (seed 004)

    def line(self, attribute: str) -> ExpenseLine:
        return getattr(self, attribute)


# The fixed rows of 经费控制情况 in print order, with the row each is a part of (checks add the parts up).
_PARENTS: dict[str, Optional[str]] = {
    "three_public": None, "vehicles": "three_public", "vehicle_purchase": "vehicles",
    "vehicle_operation": "vehicles", "overseas": "three_public", "reception": "three_public",
    "project_total": None, "business": "project_total", "operation": "project_total",
    "special_total": "project_total", "transfer_total": "project_total", "public_total": None, "office": None,
    "utilities_travel": None, "meetings_training": None, "procurement": None, "basic_adjustment": None,
}


def expense_line_label(labels: "Labels", attribute: str) -> str:
    """The printed label of a fixed 经费控制情况 row, in this unit's wording (3、区级专项资金（一个专项一行）)."""
    text = spec_of(BasicDataForm, attribute).label
    for default, wording in _WORDING_DEFAULTS:
        text = text.replace(default, getattr(labels, wording))
    return text


def expense_line_name(labels: "Labels", attribute: str) -> str:
    """The row as a message names it: its printed label without the （一个专项一行） note or a closing ：
    (3、区级专项资金, 项目支出)."""
    return expense_line_label(labels, attribute).split("（")[0].rstrip("：")


# Default wordings of Labels that appear inside the fixed row labels, and the Labels field of each.
_WORDING_DEFAULTS = (("本级专项资金", "special"), ("业务工作经费", "business"),
                     ("部门基本支出预算调整", "basic_adjustment"))


# (attribute, label with the default wording, parent attribute): kept as one table for the checks.
EXPENSE_LINES: tuple[tuple[str, str, Optional[str]], ...] = tuple(
    (name, expense_line_label(Labels(), name), parent) for name, parent in _PARENTS.items())
# 其中 rows of 公用经费: together at most the total (they are not all of it).
PUBLIC_PARTS = ("office", "utilities_travel", "meetings_training")


ScoredForm = Union[OverallForm, ProjectForm]


@dataclass(slots=True)
class Document:
    """One unit's set of forms for one year."""

    unit: UnitInfo = record(UnitInfo, "单位信息")
    frameworks: dict[str, Framework] = field(default_factory=dict)  # the frameworks the forms use (storage
    #                                                                  reads and writes them itself)
    basic: Optional[BasicDataForm] = record(BasicDataForm, "整体支出绩效评价基础数据表", optional=True,
                                            key="basic_data")
    overall: Optional[OverallForm] = record(OverallForm, "部门整体支出绩效自评表", optional=True)
    comprehensive: Optional[ComprehensiveForm] = record(ComprehensiveForm, "部门（单位）整体支出绩效自评表",
                                                        optional=True)
    projects: list[ProjectForm] = records(ProjectForm, "项目支出绩效自评表")
    labels: Labels = record(Labels, "表格文字")
    reports: list[Report] = records(Report, "自评报告")  # model/report.py
    carried: list[CarriedText] = records(CarriedText, "上年文字")  # 新年度: texts still last year's (model/carried.py)

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
        if key == FORM_COMPREHENSIVE:
            return self.comprehensive
        return self.project(project_id_of(key))

    def all_ids(self) -> set[str]:
        ids = {p.id for p in self.projects}
        for _, form in self.scored_forms():
            ids.update(row.id for row in form.indicators)
        if self.basic is not None:
            ids.update(row.id for row in self.basic.special_rows)
            ids.update(row.id for row in self.basic.transfer_rows)
        if self.comprehensive is not None:
            ids.update(self.comprehensive.ids())
        ids.update(walk_ids(self.reports))
        ids.update(entry.id for entry in self.carried)
        return ids

    def new_id(self, prefix: str) -> str:
        """A short id unused in this document (r17, p3, s2 …)."""
        return IdAllocator(self.all_ids())(prefix)


class IdAllocator:
    """Fresh short ids for several new items at once (a copied project's rows, a whole report), none clashing
    with ``used`` (the document's ids, ``Document.all_ids``) or with each other: ``ids("r")`` → r18, r19 …"""

    def __init__(self, used: set[str]):
        self.used = set(used)
        self.number = len(self.used) + 1

    def __call__(self, prefix: str) -> str:
        while f"{prefix}{self.number}" in self.used:
            self.number += 1
        ident = f"{prefix}{self.number}"
        self.used.add(ident)
        return ident


def project_key(ident: str) -> str:
    return f"{PROJECT_PREFIX}[{ident}]"


def project_id_of(key: str) -> str:
    if not (key.startswith(PROJECT_PREFIX + "[") and key.endswith("]")):
        raise KeyError(key)
    return key[len(PROJECT_PREFIX) + 1:-1]


def form_kind(key: str) -> str:
    """basic_data | overall | comprehensive | project, as the command line reports it."""
    if key == FORM_BASIC:
        return "basic_data"
    if key in (FORM_OVERALL, FORM_COMPREHENSIVE):
        return key
    if is_report_key(key):
        return "report"
    return "project"


def form_title(doc: Document, key: str) -> str:
    """How a person names the form: 项目支出绩效自评表（双碳资金）."""
    if key == FORM_BASIC:
        return "整体支出绩效评价基础数据表"
    if key == FORM_OVERALL:
        return "部门整体支出绩效自评表"
    if key == FORM_COMPREHENSIVE:
        return spec_of(Document, "comprehensive").label
    if is_report_key(key):
        return report_title(doc, key)
    return project_title(doc.project(project_id_of(key)))


def project_title(project: "ProjectForm") -> str:
    """项目支出绩效自评表（双碳资金）, for a caller that holds the project (no search by id)."""
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
