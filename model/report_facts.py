"""The figures and texts a report template may quote (占位符), taken from the forms and their evaluation.

Each placeholder is declared once below with its Chinese description (docs/reports.md lists them, a
test keeps the two equal). ``facts`` computes them for one report: the 整体 report reads the overall
form, the 基础数据表 and every project; a 项目 report reads its project form. A placeholder whose field
is empty in the forms is simply absent, and the template drops the sentence (or clause) quoting it.

Amounts print with 2 decimals (万元), rates as percentages with 2 decimals, points as typed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple, Optional

from .document import Document, IndicatorRow, ProjectForm, ScoredForm, ordered_indicators, project_key
from .money import fmt2, fmt_plain, percent, q2, ratio
from .report import OVERALL, PROJECT

if TYPE_CHECKING:  # model.evaluation runs the report checks, which read the outlines, which read the names here
    from .evaluation import Evaluation

COMMON = {
    "单位": "单位名称（单位信息）", "年度": "年度，如 2024", "上年度": "年度减一", "下年度": "年度加一",
}
FUNDING = {
    "预期目标": "年度总体目标·预期目标", "实际完成情况": "年度总体目标·实际完成情况",
    "年初预算数": "年度资金总额的年初预算数（万元）", "全年预算数": "年度资金总额的全年预算数（万元）",
    "全年执行数": "年度资金总额的全年执行数（万元）", "执行率": "执行率（全年执行数÷全年预算数）",
    "资金执行分值": "资金执行率的分值", "资金执行得分": "资金执行率的得分",
    "总分": "总分", "等次": "评价等次（优、良、中、差）",
    "指标个数": "三级指标个数（不含不适用）", "达成指标个数": "得分等于分值的指标个数",
    "未达成指标个数": "得分低于分值的指标个数",
}
OVERALL_ONLY = {
    "部门职责": "部门职责（整体自评表有此行时）",
    "一般公共预算": "按收入性质分·一般公共预算", "政府性基金拨款": "按收入性质分·政府性基金拨款",
    "纳入专户管理的非税收入拨款": "按收入性质分·纳入专户管理的非税收入拨款", "其他资金": "按收入性质分·其他资金",
    "基本支出": "按支出性质分·基本支出（整体自评表）", "项目支出": "按支出性质分·项目支出（整体自评表）",
    "基本支出占比": "基本支出占全年执行数的比例", "项目支出占比": "项目支出占全年执行数的比例",
    "公用经费": "基础数据表“公用经费”本年决算数", "办公经费": "基础数据表“办公经费”本年决算数",
    "水电差旅费": "基础数据表“水费、电费、差旅费”本年决算数", "会议培训费": "基础数据表“会议费、培训费”本年决算数",
    "政府采购金额": "基础数据表“政府采购金额”本年决算数",
    "三公经费": "基础数据表“三公经费”本年决算数", "三公经费预算": "基础数据表“三公经费”本年预算数",
    "三公经费上年": "基础数据表“三公经费”上年决算数",
    "三公经费较预算": "三公经费决算比预算“减少0.01万元”／“增加…”／“持平”",
    "三公经费较上年": "三公经费决算比上年“减少0.51万元”／“增加…”／“持平”",
    "公务用车经费": "基础数据表“公务用车购置和维护经费”本年决算数", "公务接待费": "基础数据表“公务接待”本年决算数",
    "因公出国经费": "基础数据表“出国经费”本年决算数",
    "编制数": "基础数据表·编制数", "实际在职人数": "基础数据表·实际在职人数", "人员控制率": "实际在职人数÷编制数",
    "项目个数": "项目支出绩效自评表的张数", "项目名称列表": "各项目名称，以顿号分隔",
}
PROJECT_ONLY = {
    "项目名称": "项目支出名称", "项目主管部门": "项目表的主管部门", "实施单位": "项目表的实施单位",
    "当年财政拨款": "其中：当年财政拨款的全年预算数", "上年结转资金": "上年结转资金的全年预算数",
    "项目来源": "“年初预算项目”（有年初预算数）或“年中追加项目”",
}
PROJECT_ITEM = {
    "序号": "第几个项目（1、2 …）", "项目名称": "项目支出名称", "项目来源": "“年初预算项目”或“年中追加项目”",
    "项目年初预算数": "项目的年初预算数", "项目全年预算数": "项目的全年预算数", "项目全年执行数": "项目的全年执行数",
    "项目执行率": "项目的执行率", "项目总分": "项目表总分", "项目等次": "项目表评价等次",
    "项目预期目标": "项目的年度总体目标·预期目标", "项目实际完成情况": "项目的年度总体目标·实际完成情况",
}
INDICATOR_ITEM = {
    "序号": "第几个指标（1、2 …）", "一级指标": "一级指标", "二级指标": "二级指标", "指标名称": "三级指标",
    "指标值": "年度指标值（原样）", "完成值": "实际完成值（原样）", "分值": "分值", "得分": "得分",
    "偏差原因": "偏差原因分析及改进措施", "完成情况": "“已达成年度指标”或“未达到年度指标”",
}
SCALARS = {OVERALL: {**COMMON, **FUNDING, **OVERALL_ONLY}, PROJECT: {**COMMON, **FUNDING, **PROJECT_ONLY}}
LOOPS = {OVERALL: {"项目": PROJECT_ITEM, "指标": INDICATOR_ITEM}, PROJECT: {"指标": INDICATOR_ITEM}}
FILTERS = {"达成": "得分等于分值的指标", "未达成": "得分低于分值的指标", "有偏差原因": "填写了偏差原因的指标"}
MET, NOT_MET = "已达成年度指标", "未达到年度指标"


class Fact(NamedTuple):
    text: str
    nonzero: bool  # for a template's "if": a figure other than 0, a text that is not empty


@dataclass
class Context:
    """What one report's templates may quote: scalars, and the items of each loop."""

    values: dict[str, Fact] = field(default_factory=dict)
    loops: dict[str, list[dict[str, Fact]]] = field(default_factory=dict)
    meta: dict[str, list[dict]] = field(default_factory=dict)  # per loop item: met, level1, reason


def _put(values: dict[str, Fact], name: str, text: Optional[str], nonzero: Optional[bool] = None) -> None:
    if text is None or text == "":
        return
    values[name] = Fact(text, bool(text.strip()) if nonzero is None else nonzero)


def _amount(values: dict[str, Fact], name: str, amount: Optional[Decimal]) -> None:
    if amount is not None:
        _put(values, name, fmt2(amount), amount != 0)


def _rate(values: dict[str, Fact], name: str, fraction: Optional[Decimal]) -> None:
    if fraction is not None:
        _put(values, name, f"{percent(fraction):.2f}%", fraction != 0)


def _change(values: dict[str, Fact], name: str, new: Optional[Decimal], old: Optional[Decimal]) -> None:
    if new is None or old is None:
        return
    difference = q2(new - old)
    word = "持平" if difference == 0 else (f"增加{fmt2(difference)}万元" if difference > 0 else f"减少{fmt2(-difference)}万元")
    _put(values, name, word, difference != 0)


def _sentence(text: Optional[str]) -> str:
    """A typed text quoted inside a sentence: without its closing punctuation (the template adds it)."""
    return (text or "").strip().rstrip("。；;，,.、 \u3000")


def _points(value: Optional[Decimal]) -> Optional[str]:
    return None if value is None else fmt_plain(value)


def met(row: IndicatorRow) -> Optional[bool]:
    """达成: 得分 equals 分值 (the unit's own judgement); None when not scored or 不适用."""
    if row.not_applicable or row.points is None or row.score is None or row.points == 0:
        return None
    return row.score >= row.points


def _indicators(doc: Document, form: ScoredForm, context: Context) -> None:
    items, meta = [], []
    rows = [row for row in ordered_indicators(form, doc.framework_for(form)) if not row.not_applicable]
    for number, row in enumerate(rows, start=1):
        values: dict[str, Fact] = {}
        _put(values, "序号", str(number))
        for name, text in (("一级指标", row.level1), ("二级指标", row.level2), ("指标名称", row.name.strip()),
                           ("指标值", row.target.strip()), ("完成值", row.actual.strip()),
                           ("分值", _points(row.points)), ("得分", _points(row.score)),
                           ("偏差原因", _sentence(row.deviation))):
            _put(values, name, text)
        outcome = met(row)
        if outcome is not None:
            _put(values, "完成情况", MET if outcome else NOT_MET)
        items.append(values)
        meta.append({"met": outcome, "level1": row.level1, "reason": bool(_sentence(row.deviation))})
    context.loops["指标"], context.meta["指标"] = items, meta
    scored = [m["met"] for m in meta if m["met"] is not None]
    _put(context.values, "指标个数", str(len(rows)))
    _put(context.values, "达成指标个数", str(sum(scored)), any(scored))
    _put(context.values, "未达成指标个数", str(len(scored) - sum(scored)), not all(scored))


def _funding(doc: Document, key: str, form: ScoredForm, evaluation: Evaluation, values: dict[str, Fact]) -> None:
    result = evaluation.forms.get(key)
    line = form.annual_funding
    _put(values, "预期目标", _sentence(form.goals.expected))
    _put(values, "实际完成情况", _sentence(form.goals.actual))
    _amount(values, "年初预算数", line.initial)
    _amount(values, "全年预算数", line.annual)
    _amount(values, "全年执行数", line.executed)
    if result is not None:
        _rate(values, "执行率", result.rate)
        if result.funding_points:  # a framework whose funding row carries no points (seed 002) quotes none
            _put(values, "资金执行分值", fmt_plain(result.funding_points))
            _put(values, "资金执行得分", f"{result.funding_score:.2f}", result.funding_score != 0)
        _put(values, "总分", f"{result.total:.2f}", result.total != 0)
        _put(values, "等次", result.grade)


def source_word(project: ProjectForm) -> str:
    """年初预算项目 or 年中追加项目 (seed 003's wording), from the 年初预算数."""
    initial = project.annual_funding.initial
    return "年初预算项目" if initial else "年中追加项目"


def _common(doc: Document) -> dict[str, Fact]:
    values: dict[str, Fact] = {}
    unit = doc.unit
    _put(values, "单位", unit.name.strip())
    for name, year in (("年度", unit.year), ("上年度", unit.year - 1), ("下年度", unit.year + 1)):
        _put(values, name, str(year))
    return values


def _overall(doc: Document, evaluation: Evaluation, context: Context) -> None:
    values = context.values
    overall, basic = doc.overall, doc.basic
    if overall is not None:
        _funding(doc, "overall", overall, evaluation, values)
        _put(values, "部门职责", _sentence(overall.duties))
        for name, amount in (("一般公共预算", overall.income.general_budget), ("政府性基金拨款", overall.income.gov_fund),
                             ("纳入专户管理的非税收入拨款", overall.income.special_account),
                             ("其他资金", overall.income.other), ("基本支出", overall.expense.basic),
                             ("项目支出", overall.expense.project)):
            _amount(values, name, amount)
        executed = overall.funding.executed
        _rate(values, "基本支出占比", ratio(overall.expense.basic, executed))
        _rate(values, "项目支出占比", ratio(overall.expense.project, executed))
        _indicators(doc, overall, context)
    if basic is not None:
        for name, line in (("公用经费", basic.public_total), ("办公经费", basic.office),
                           ("水电差旅费", basic.utilities_travel), ("会议培训费", basic.meetings_training),
                           ("政府采购金额", basic.procurement), ("三公经费", basic.three_public),
                           ("公务用车经费", basic.vehicles), ("公务接待费", basic.reception),
                           ("因公出国经费", basic.overseas)):
            _amount(values, name, line.final)
        _amount(values, "三公经费预算", basic.three_public.budget)
        _amount(values, "三公经费上年", basic.three_public.prior)
        _change(values, "三公经费较预算", basic.three_public.final, basic.three_public.budget)
        _change(values, "三公经费较上年", basic.three_public.final, basic.three_public.prior)
        for name, count in (("编制数", basic.staff_authorized), ("实际在职人数", basic.staff_actual)):
            _put(values, name, _points(count))
        if evaluation.basic is not None:
            _rate(values, "人员控制率", evaluation.basic.control_rate)
    names = [p.name.strip() for p in doc.projects if p.name.strip()]
    _put(values, "项目个数", str(len(doc.projects)), bool(doc.projects))
    _put(values, "项目名称列表", "、".join(names))
    items = []
    for number, project in enumerate(doc.projects, start=1):
        item: dict[str, Fact] = {}
        result = evaluation.forms.get(project_key(project.id))
        line = project.annual_funding
        _put(item, "序号", str(number))
        _put(item, "项目名称", project.name.strip())
        _put(item, "项目来源", source_word(project))
        for name, amount in (("项目年初预算数", line.initial), ("项目全年预算数", line.annual),
                             ("项目全年执行数", line.executed)):
            _amount(item, name, amount)
        if result is not None:
            _rate(item, "项目执行率", result.rate)
            _put(item, "项目总分", f"{result.total:.2f}", result.total != 0)
            _put(item, "项目等次", result.grade)
        _put(item, "项目预期目标", _sentence(project.goals.expected))
        _put(item, "项目实际完成情况", _sentence(project.goals.actual))
        items.append(item)
    context.loops["项目"] = items
    context.meta["项目"] = [{} for _ in items]


def _project(doc: Document, project: ProjectForm, evaluation: Evaluation, context: Context) -> None:
    values = context.values
    _funding(doc, project_key(project.id), project, evaluation, values)
    _put(values, "项目名称", project.name.strip())
    _put(values, "项目主管部门", project.department.strip())
    _put(values, "实施单位", project.implementer.strip())
    _amount(values, "当年财政拨款", project.current.annual)
    _amount(values, "上年结转资金", project.carryover.annual)
    _put(values, "项目来源", source_word(project))
    _indicators(doc, project, context)


def facts(doc: Document, evaluation: Evaluation, kind: str, project: Optional[ProjectForm] = None) -> Context:
    """The placeholders of a report of ``kind`` (for a 项目 report, about ``project``)."""
    context = Context(_common(doc))
    if kind == PROJECT:
        if project is not None:
            _project(doc, project, evaluation, context)
        else:
            context.loops["指标"], context.meta["指标"] = [], []
    else:
        _overall(doc, evaluation, context)
        context.loops.setdefault("指标", [])
        context.meta.setdefault("指标", [])
    return context


__all__ = ["Context", "FILTERS", "Fact", "LOOPS", "MET", "NOT_MET", "SCALARS", "facts", "met",
           "source_word"]
