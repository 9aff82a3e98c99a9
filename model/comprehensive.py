"""The 怀化 comprehensive form (部门（单位）整体支出绩效自评表, seed 001, RULES.md §1 怀化 variant).

Some bureaus (怀化) have their units fill one long form instead of the 基础数据表 + 整体表 pair:
一、基本概况 · 二、收支情况 (four tables with one row per 机构) · 三、自评情况 (定性目标, 定量指标 without
per-row scores, the typed 综合得分 and 评价等次) · 四、评价人员 and the signatures · 五、评价报告综述.

Only what the unit types is stored. The 局机关及二级机构汇总 row is computed (the column sums of the
机构 rows), and so is the 评价等次 the typed 综合得分 falls in; checks compare them with what is typed.
Each field is declared once here (model.registry): storage, edits, editors and labels read it.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Iterable, Optional

from .money import Amount, ratio, total
from .registry import MAX_SHORT_TEXT, FieldKind, record, records, value

K = FieldKind
GRADES = ("优", "良", "中", "差")  # offered in the 评价等次 cell; the bands decide which is right


def _amount(label: str):
    return value(K.AMOUNT, label)


def _short(label: str, hint: str = ""):
    return value(K.TEXT, label, "", hint=hint, max_length=MAX_SHORT_TEXT)


# --- 二、部门（单位）收支情况: one record per table, one row per 机构 ------------------------------

@dataclass(slots=True)
class Income:
    """年度收入情况（万元）: 收入合计 and, 其中, its sources."""

    total: Amount = _amount("收入合计")
    carryover: Amount = _amount("上年结转")
    public_finance: Amount = _amount("公共财政拨款")
    gov_fund: Amount = _amount("政府基金拨款")
    special_account: Amount = _amount("纳入专户管理的非税收入拨款")
    other: Amount = _amount("其他收入")


@dataclass(slots=True)
class Expenditure:
    """部门（单位）年度支出和结余情况（万元）: 支出合计 = 基本支出 + 项目支出, 基本支出 = 人员支出 +
    公用支出; 结余 (当年结余, 累计结余) beside them, not part of 支出合计."""

    total: Amount = _amount("支出合计")
    basic: Amount = _amount("基本支出")
    personnel: Amount = _amount("人员支出")
    public: Amount = _amount("公用支出")
    project: Amount = _amount("项目支出")
    balance_year: Amount = _amount("当年结余")
    balance_total: Amount = _amount("累计结余")


@dataclass(slots=True)
class ThreePublic:
    """三公经费合计 and its four kinds."""

    total: Amount = _amount("三公经费合计")
    reception: Amount = _amount("公务接待费")
    vehicle_operation: Amount = _amount("公务用车运维费")
    vehicle_purchase: Amount = _amount("公务用车购置费")
    overseas: Amount = _amount("因公出国费")


@dataclass(slots=True)
class FixedAssets:
    """固定资产合计: 在用, 出租 and 其他."""

    total: Amount = _amount("固定资产合计")
    in_use: Amount = _amount("在用固定资产")
    leased: Amount = _amount("出租固定资产")
    other: Amount = _amount("其他")


@dataclass(slots=True)
class Organisation:
    """One 机构 row of the four tables: 1、局机关, 2、二级机构1 … (the number is printed from the position)."""

    id: str = value(K.ID, "编号")
    name: str = value(K.TEXT, "机构名称", "", max_length=MAX_SHORT_TEXT)
    income: Income = record(Income, "年度收入情况")
    expense: Expenditure = record(Expenditure, "年度支出和结余情况")
    three_public: ThreePublic = record(ThreePublic, "三公经费")
    assets: FixedAssets = record(FixedAssets, "固定资产")


# the four tables, in print order
TABLE_CLASSES = {"income": Income, "expense": Expenditure, "three_public": ThreePublic, "assets": FixedAssets}
TABLE_TITLES = {"income": "年度收入情况", "expense": "年度支出和结余情况", "three_public": "三公经费",
                "assets": "固定资产"}


@dataclass(frozen=True, slots=True)
class PartsSum:
    """A printed 合计 and the columns that add up to it (checked; finding code ``code``)."""

    table: str
    total: str
    parts: tuple[str, ...]
    code: str


SUMS = (
    PartsSum("income", "total", ("carryover", "public_finance", "gov_fund", "special_account", "other"),
             "comprehensive.income_mismatch"),
    PartsSum("expense", "total", ("basic", "project"), "comprehensive.expense_mismatch"),
    PartsSum("expense", "basic", ("personnel", "public"), "comprehensive.basic_expense_mismatch"),
    PartsSum("three_public", "total", ("reception", "vehicle_operation", "vehicle_purchase", "overseas"),
             "comprehensive.three_public_mismatch"),
    PartsSum("assets", "total", ("in_use", "leased", "other"), "comprehensive.assets_mismatch"),
)


def summed(organisations: Iterable[Organisation]) -> Organisation:
    """局机关及二级机构汇总: every column summed over the 机构 rows (empty where no row has a figure)."""
    rows = list(organisations)
    result = Organisation(id="", name="局机关及二级机构汇总")
    for table, cls in TABLE_CLASSES.items():
        sums = {f.name: total(getattr(getattr(row, table), f.name) for row in rows) for f in fields(cls)}
        setattr(result, table, cls(**sums))
    return result


# --- 三、部门（单位）整体支出绩效自评情况 ---------------------------------------------------------

@dataclass(slots=True)
class QualitativeGoals:
    """整体支出绩效定性目标及实施计划完成情况."""

    expected: str = value(K.LONG_TEXT, "预期目标", "")
    actual: str = value(K.LONG_TEXT, "实际完成", "")


@dataclass(slots=True)
class QuantitativeRow:
    """One row of 整体支出绩效定量目标及实施计划完成情况: no 分值 or 得分 on this form; rows may stay blank."""

    id: str = value(K.ID, "编号")
    level1: str = value(K.TEXT, "一级指标", "", required=True, max_length=MAX_SHORT_TEXT)
    level2: str = value(K.TEXT, "二级指标", "", required=True, max_length=MAX_SHORT_TEXT)
    name: str = value(K.TEXT, "三级指标", "")
    target: str = value(K.TEXT, "指标值", "")  # exactly as typed
    actual: str = value(K.TEXT, "完成情况", "")  # exactly as typed


# --- 四、评价人员 --------------------------------------------------------------------------------

@dataclass(slots=True)
class Evaluator:
    """A member of the evaluation group; the 签字 column is left blank to sign."""

    id: str = value(K.ID, "编号")
    name: str = _short("姓名")
    title: str = _short("职务/职称")
    unit: str = _short("单位")


def _date(label: str):
    return _short(label, "例如 2024 年 4 月 15 日（可留空，签字时手写）")


@dataclass(slots=True)
class ComprehensiveForm:
    """部门（单位）整体支出绩效自评表 (怀化): sections 一 to 五 in print order."""

    framework_id: str = value(K.FRAMEWORK, "指标体系（评价等次）", "", key="framework")
    # 一、部门（单位）基本概况
    contact: str = _short("联系人")
    contact_phone: str = _short("联络电话")
    staff_authorized: Amount = value(K.COUNT, "人员编制", minimum=0)
    staff_actual: Amount = value(K.COUNT, "实有人数", minimum=0)
    duties: str = value(K.LONG_TEXT, "职能职责概述", "")
    main_work: str = value(K.LONG_TEXT, "年度主要工作内容", "")
    achievements: str = value(K.LONG_TEXT, "年度部门（单位）总体运行情况及取得的成绩", "")
    # 二、部门（单位）收支情况
    organisations: list[Organisation] = records(Organisation, "机构")
    # 三、部门（单位）整体支出绩效自评情况
    goals: QualitativeGoals = record(QualitativeGoals, "整体支出绩效定性目标及实施计划完成情况")
    indicators: list[QuantitativeRow] = records(QuantitativeRow, "整体支出绩效定量目标及实施计划完成情况")
    score: Amount = value(K.POINTS, "绩效自评综合得分")  # typed: the form carries no per-row scores
    grade: str = value(K.TEXT, "评价等次", "", choices={g: g for g in GRADES}, max_length=10)
    # 四、评价人员 and the signatures (填报人 and 联系电话 are 单位信息)
    evaluators: list[Evaluator] = records(Evaluator, "评价人员")
    leader_date: str = _date("评价组组长签字日期")
    department_opinion: str = value(K.LONG_TEXT, "部门（单位）意见", "")
    department_date: str = _date("部门（单位）签章日期")
    finance_opinion: str = value(K.LONG_TEXT, "财政部门归口业务科室意见", "")
    finance_date: str = _date("财政部门归口业务科室签章日期")
    # 五、评价报告综述（文字部分）: one long text (the report issue may give it an outline)
    report_summary: str = value(K.LONG_TEXT, "评价报告综述（文字部分）", "")

    def ids(self) -> set[str]:
        return {row.id for rows in (self.organisations, self.indicators, self.evaluators) for row in rows}


@dataclass(frozen=True, slots=True)
class ComprehensiveResult:
    """What is computed for the form."""

    summary: Organisation  # 局机关及二级机构汇总
    control_rate: Amount  # 实有人数 ÷ 人员编制, a fraction (None when undefined)
    grade: str  # the 评价等次 of the typed 综合得分 by the grade bands ('' when no score is typed)


def comprehensive_result(form: ComprehensiveForm, grade_for) -> ComprehensiveResult:
    """``grade_for``: the bands' grade of a score (Framework.grade_for of the form's framework)."""
    grade = grade_for(form.score) if form.score is not None else ""
    return ComprehensiveResult(summed(form.organisations), ratio(form.staff_actual, form.staff_authorized), grade)


def indicator_groups(rows: list[QuantitativeRow]) -> list[tuple[str, list[tuple[str, list[QuantitativeRow]]]]]:
    """Consecutive rows of one 一级指标, and within it of one 二级指标, as the form merges their labels."""
    groups: list[tuple[str, list[tuple[str, list[QuantitativeRow]]]]] = []
    for row in rows:
        if not groups or groups[-1][0] != row.level1:
            groups.append((row.level1, []))
        level2s = groups[-1][1]
        if not level2s or level2s[-1][0] != row.level2:
            level2s.append((row.level2, []))
        level2s[-1][1].append(row)
    return groups


def organisation_label(number: int, organisation: Organisation) -> str:
    """How a 机构 row prints its name: 2、二级机构1."""
    return f"{number}、{organisation.name}"


def find_row(rows: list, row_id: str) -> Optional[int]:
    return next((index for index, row in enumerate(rows) if row.id == row_id), None)
