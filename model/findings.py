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
    "report.figure_mismatch": "自评报告中的金额、比率或总分与表中数字不符",
    "report.section_empty": "自评报告必填的一节尚未填写",
    "report.draft_unedited": "自评报告中有自动起草后尚未核对修改的章节",
    "report.prompt_left": "自评报告中仍有待补充的提示文字",
    "report.unit_mismatch": "自评报告标题中的单位名称与单位信息不符",
    "report.year_mismatch": "自评报告标题中的年度与单位信息不符",
    "report.orphan": "项目报告对应的项目支出绩效自评表已删除",
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
