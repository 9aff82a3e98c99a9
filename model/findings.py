"""A finding of the checks (审核): severity, stable code, Chinese message and the cell it is about."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from .money import fmt_plain, q2

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "提示"}

# Stable codes and what they mean (docs/checks.md lists them for users and the bureau).
CODES = {
    "points.level1_mismatch": "一级指标下各行分值合计与表头分值不符",
    "points.total_not_100": "资金执行分值与全部指标分值合计不是满分",
    "score.above_points": "得分高于分值",
    "score.negative": "得分小于 0",
    "funding.no_budget": "全年预算数为空或为 0，无法计算执行率",
    "funding.income_mismatch": "按收入性质分合计与全年预算数不符",
    "funding.expense_mismatch": "按支出性质分合计与全年执行数不符",
    "total.stated_mismatch": "表上填写的总分与计算结果不符",
    "stated.rate_mismatch": "表上填写的执行率与计算结果不符",
    "stated.funding_score_mismatch": "表上填写的资金执行得分与计算结果不符",
    "stated.funding_mismatch": "项目表上填写的年度资金总额与各项资金来源之和不符",
    "score.missing": "有分值的指标未填写得分",
    "score.below_points_no_reason": "得分低于分值但未填写偏差原因分析",
    "score.strays_from_suggestion": "得分与建议得分相差较大且未说明原因",
    "score.out_of_band": "定性指标得分不在其达成档次范围内",
    "indicator.over_achievement": "完成值大幅超过指标值，指标值可能偏低",
    "indicator.actual_empty": "实际完成值为空",
    "indicator.not_applicable_points": "不适用的指标仍填有分值",
    "indicator.unknown_group": "一级或二级指标不属于所选指标体系",
    "funding.over_budget": "执行数超过预算数",
    "funding.budget_adjusted": "年初预算数与全年预算数相差较大",
    "staff.control_rate_high": "实际在职人数超过编制数",
    "building.scale_over": "楼堂馆所实际规模超过批复规模",
    "building.investment_over": "楼堂馆所实际投资超过预算投资",
    "basic.parts_mismatch": "基础数据表中明细合计与所属行不符",
    "cross.mismatch": "同一数字在不同表中不一致",
    "cross.project_not_listed": "项目表没有列入基础数据表的本级专项资金",
    "text.future_year": "文字中出现晚于本表年度的年份",
    # 提交前检查: what a bureau sends back unread
    "points.missing": "适用的指标行未填写分值",
    "indicator.target_empty": "年度指标值为空",
    "indicator.name_empty": "三级指标名称为空",
    "indicator.row_empty": "整行指标尚未填写",
    "funding.executed_empty": "全年执行数未填写",
    "goals.empty": "年度总体目标未填写",
    "text.template_prompt": "表中留有模板提示文字",
    "basic.parts_empty": "基础数据表合计不为零但明细各行都未填写",
    # 合理性提示 (plausibility)
    "basic.final_far_from_budget": "基础数据表中本年决算数与本年预算数相差悬殊",
    "basic.three_public_rise": "三公经费比上年决算数增加",
    "indicator.value_kind_mismatch": "数值型指标值用文字回答，或文字型指标值填了数字",
    "indicator.cost_limit_exceeded": "成本上限低于本表全年执行数",
    "indicator.execution_rate_mismatch": "预算执行率指标与资金执行率不符",
    "comprehensive.income_mismatch": "综合自评表：收入合计与上年结转、各项拨款及其他收入之和不符",
    "comprehensive.expense_mismatch": "综合自评表：支出合计与基本支出、项目支出之和不符",
    "comprehensive.basic_expense_mismatch": "综合自评表：基本支出与人员支出、公用支出之和不符",
    "comprehensive.three_public_mismatch": "综合自评表：三公经费合计与各项之和不符",
    "comprehensive.assets_mismatch": "综合自评表：固定资产合计与在用、出租、其他之和不符",
    "comprehensive.score_out_of_range": "绩效自评综合得分不在 0—100 分之间",
    "comprehensive.grade_mismatch": "评价等次与绩效自评综合得分对应的等次不符",
    "complete.required_empty": "提交前检查：必填的单元格为空",
    "complete.total_empty": "提交前检查：合计未填写，而其中各项已填写",
    "report.figure_mismatch": "自评报告中的金额、比率或总分与表中数字不符",
    "report.section_empty": "自评报告必填的一节尚未填写",
    "report.draft_unedited": "自评报告中有自动起草后尚未核对修改的章节",
    "report.prompt_left": "自评报告中仍有待补充的提示文字",
    "report.unit_mismatch": "自评报告标题中的单位名称与单位信息不符",
    "report.year_mismatch": "自评报告标题中的年度与单位信息不符",
    "report.orphan": "项目报告对应的项目支出绩效自评表已删除",
    "text.carried_unrevised": "新年度沿用的上年文字尚未按本年度修改",
}

# 提交前检查 (ready to submit): empty cells and template text a bureau rejects. Shown under
# their own heading in the window and in `check`; all are errors.
GROUP_SUBMISSION, GROUP_REVIEW, GROUP_PLAUSIBILITY = "submission", "review", "plausibility"
GROUP_LABELS = {GROUP_SUBMISSION: "提交前检查", GROUP_REVIEW: "审核", GROUP_PLAUSIBILITY: "合理性"}
SUBMISSION_CODES = frozenset({
    "indicator.actual_empty", "score.missing", "points.missing", "indicator.target_empty",
    "indicator.name_empty", "indicator.row_empty", "funding.executed_empty", "goals.empty",
    "text.template_prompt", "basic.parts_empty", "complete.required_empty", "complete.total_empty",
})
# 合理性提示: warnings whose thresholds are framework options (model.plausibility).
PLAUSIBILITY_CODES = frozenset({"basic.final_far_from_budget", "basic.three_public_rise",
                                "indicator.value_kind_mismatch", "indicator.cost_limit_exceeded",
                                "indicator.execution_rate_mismatch"})
# Errors in the form's structure: while any stands, its 总分 and 等次 are provisional (待核).
STRUCTURAL_CODES = frozenset({"points.level1_mismatch", "points.total_not_100", "score.above_points",
                              "score.negative"})


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str  # error | warning
    code: str  # one of CODES
    message: str  # plain Chinese naming the form, the row and the figures
    form: str  # form key: basic | overall | projects[p1]
    path: str  # the cell: a field path (model.paths) or a computed key

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def group(self) -> str:
        """submission (提交前检查), plausibility (合理性) or review (审核); see GROUP_LABELS."""
        if self.code in SUBMISSION_CODES:
            return GROUP_SUBMISSION
        return GROUP_PLAUSIBILITY if self.code in PLAUSIBILITY_CODES else GROUP_REVIEW


# --- how checks word figures, and where they collect findings --------------------------------

TOLERANCE = Decimal("0.01")  # 尾数误差


def amount_text(value: Optional[Decimal]) -> str:
    """An amount in a message: 2 decimals, or every decimal typed when there are more."""
    if value is None:
        return "（空）"
    exact = format(value.normalize(), "f")
    fixed = f"{q2(value):.2f}"
    return exact if "." in exact and len(exact.split(".")[1]) > 2 else fixed


def points_text(value: Optional[Decimal]) -> str:
    return "（空）" if value is None else fmt_plain(value)


def percent_text(fraction: Decimal) -> str:
    return f"{q2(fraction * 100):.2f}%"


# --- how checks name the places they read (the review, 提交前检查 and 合理性 alike) ----------------

GOAL_TEXTS = (("expected", "年度总体目标·预期目标"), ("actual", "年度总体目标·实际完成情况"))


def row_where(number: int, row) -> str:
    """绩效指标第3行“集体项目交地面积”, for the ``number``-th indicator row of a form."""
    return f"绩效指标第{number}行“{row.name.strip() or '（未填三级指标）'}”"


def form_texts(key: str, form, is_project: bool) -> list[tuple[str, str, str]]:
    """(path, where, text) of a scored form's own texts: 年度总体目标, and 部门职责 on the overall form."""
    texts = [(f"{key}.goals.{name}", where, getattr(form.goals, name)) for name, where in GOAL_TEXTS]
    if not is_project:
        texts.append((f"{key}.duties", "部门职责", form.duties))
    return texts


def basic_texts(basic) -> list[tuple[str, str, str]]:
    """(path, where, text) of the 基础数据表's texts: 厉行节约保障措施 and the 专项 and 转移支付 names."""
    texts = [("basic.thrift_measures", "厉行节约保障措施", basic.thrift_measures)]
    texts += [(f"basic.special_rows[{row.id}].name", "专项名称", row.name) for row in basic.special_rows]
    texts += [(f"basic.transfer_rows[{row.id}].name", "转移支付项目名称", row.name) for row in basic.transfer_rows]
    return texts


class FindingSink:
    """Collects the findings of one form, prefixing its title."""

    def __init__(self, form_key: str, title: str):
        self.form_key, self.title = form_key, title
        self.items: list[Finding] = []

    def add(self, severity: str, code: str, path: str, message: str) -> None:
        self.items.append(Finding(severity, code, f"{self.title}：{message}", self.form_key, path))

    def error(self, code: str, path: str, message: str) -> None:
        self.add(ERROR, code, path, message)

    def warning(self, code: str, path: str, message: str) -> None:
        self.add(WARNING, code, path, message)

    def sum_mismatch(self, code: str, path: str, message: str, difference: Decimal) -> None:
        """An error, or a warning when the difference is only 尾数误差."""
        if abs(difference) <= TOLERANCE:
            self.warning(code, path, message + "（相差不超过 0.01，可能是尾数误差）")
        else:
            self.error(code, path, message)
