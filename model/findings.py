"""A finding of the checks (审核): severity, stable code, Chinese message and the cell it is about."""
from __future__ import annotations

from dataclasses import dataclass

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
    "text.future_year": "文字中出现晚于本表年度的年份",
    "comprehensive.income_mismatch": "综合自评表：收入合计与上年结转、各项拨款及其他收入之和不符",
    "comprehensive.expense_mismatch": "综合自评表：支出合计与基本支出、项目支出之和不符",
    "comprehensive.basic_expense_mismatch": "综合自评表：基本支出与人员支出、公用支出之和不符",
    "comprehensive.three_public_mismatch": "综合自评表：三公经费合计与各项之和不符",
    "comprehensive.assets_mismatch": "综合自评表：固定资产合计与在用、出租、其他之和不符",
    "comprehensive.score_out_of_range": "绩效自评综合得分不在 0—100 分之间",
    "comprehensive.grade_mismatch": "评价等次与绩效自评综合得分对应的等次不符",
    "complete.required_empty": "提交前检查：必填的单元格为空",
    "complete.total_empty": "提交前检查：合计未填写，而其中各项已填写",
}


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
