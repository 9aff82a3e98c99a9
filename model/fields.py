"""What kind of value each field holds, its Chinese label, and reading it from typed text.

One table serves the window's editors (which input is refused, with what message), the
edit records' labels (撤销“修改全年执行数”) and the exporters' number formats.
"""
from __future__ import annotations

from enum import Enum
from typing import Any

from .document import SCORING_RULES
from .parsing import NumberKind, ParseError, parse_number


class FieldKind(Enum):
    AMOUNT = "amount"  # 万元, shown with 2 decimals
    POINTS = "points"  # 分值 / 得分
    COUNT = "count"  # 人数
    AREA = "area"  # m²
    YEAR = "year"
    BOOL = "bool"
    CHOICE = "choice"
    TEXT = "text"
    LONG_TEXT = "long_text"  # multi-line: goals, 偏差原因, 厉行节约保障措施, 部门职责


_NUMBER_KINDS = {FieldKind.AMOUNT: NumberKind.AMOUNT, FieldKind.POINTS: NumberKind.POINTS,
                 FieldKind.COUNT: NumberKind.COUNT, FieldKind.AREA: NumberKind.AREA}

# last path segment → (kind, label)
FIELDS: dict[str, tuple[FieldKind, str]] = {
    "initial": (FieldKind.AMOUNT, "年初预算数"), "annual": (FieldKind.AMOUNT, "全年预算数"),
    "executed": (FieldKind.AMOUNT, "全年执行数"),
    "general_budget": (FieldKind.AMOUNT, "一般公共预算"), "gov_fund": (FieldKind.AMOUNT, "政府性基金拨款"),
    "special_account": (FieldKind.AMOUNT, "纳入专户管理的非税收入拨款"), "other": (FieldKind.AMOUNT, "其他资金"),
    "basic": (FieldKind.AMOUNT, "基本支出"), "project": (FieldKind.AMOUNT, "项目支出"),
    "prior": (FieldKind.AMOUNT, "上年决算数"), "budget": (FieldKind.AMOUNT, "本年预算数"),
    "final": (FieldKind.AMOUNT, "本年决算数"),
    "budget_investment": (FieldKind.AMOUNT, "预算投资"), "actual_investment": (FieldKind.AMOUNT, "实际投资"),
    "approved_area": (FieldKind.AREA, "批复规模"), "actual_area": (FieldKind.AREA, "实际规模"),
    "staff_authorized": (FieldKind.COUNT, "编制数"), "staff_actual": (FieldKind.COUNT, "实际在职人数"),
    "points": (FieldKind.POINTS, "分值"), "score": (FieldKind.POINTS, "得分"),
    "stated_total": (FieldKind.POINTS, "表上总分"),
    "year": (FieldKind.YEAR, "年度"),
    "not_applicable": (FieldKind.BOOL, "不适用"), "show_unit_name": (FieldKind.BOOL, "显示预算单位名称行"),
    "rule": (FieldKind.CHOICE, "评分规则"),
    "expected": (FieldKind.LONG_TEXT, "预期目标"), "actual": (FieldKind.TEXT, "实际完成值"),
    "deviation": (FieldKind.LONG_TEXT, "偏差原因分析及改进措施"),
    "thrift_measures": (FieldKind.LONG_TEXT, "厉行节约保障措施"), "duties": (FieldKind.LONG_TEXT, "部门职责"),
    "name": (FieldKind.TEXT, "名称"), "target": (FieldKind.TEXT, "年度指标值"),
    "department": (FieldKind.TEXT, "主管部门"), "implementer": (FieldKind.TEXT, "实施单位"),
    "preparer": (FieldKind.TEXT, "填报人"), "phone": (FieldKind.TEXT, "联系电话"),
    "fill_date": (FieldKind.TEXT, "填报日期"), "head": (FieldKind.TEXT, "单位负责人"),
    "special_label": (FieldKind.TEXT, "专项资金行名称"),
}
MAX_TEXT = 20000
MAX_UNIT_TEXT = 500  # 单位信息 fields (the file format's limit)


def field_kind(path: str) -> FieldKind:
    last = path.rsplit(".", 1)[-1]
    if last == "actual" and ".goals." in path:
        return FieldKind.LONG_TEXT  # 年度总体目标·实际完成情况
    return FIELDS.get(last, (FieldKind.TEXT, ""))[0]


def field_label(path: str) -> str:
    parts = path.split(".")
    last = parts[-1]
    if last == "name":
        if parts[0] == "unit":
            return "单位名称"
        if ".indicators[" in path:
            return "三级指标"
        if parts[-2].startswith("projects["):
            return "项目支出名称"
    if last == "actual" and ".goals." in path:
        return "实际完成情况"
    return FIELDS.get(last, (FieldKind.TEXT, last))[1]


def is_number(kind: FieldKind) -> bool:
    return kind in _NUMBER_KINDS


def parse_field(path: str, text: Any) -> Any:
    """The value to store for what the user typed into the field at ``path``.

    Raises ParseError with a Chinese message; the caller keeps the old value.
    """
    kind = field_kind(path)
    label = field_label(path)
    if kind in _NUMBER_KINDS:
        try:
            value = parse_number(text if isinstance(text, str) else str(text), _NUMBER_KINDS[kind])
        except ParseError as error:
            raise ParseError(f"{label}：{error}") from None
        if value is not None and kind is not FieldKind.AMOUNT and value < 0:
            raise ParseError(f"{label}不能为负数")
        if value is not None and abs(value) >= 10 ** 12:
            raise ParseError(f"{label}“{text}”过大，请检查单位（金额以万元为单位）")
        return value
    if kind is FieldKind.YEAR:
        try:
            year = int(str(text).strip().rstrip("年"))
        except ValueError:
            raise ParseError(f"年度“{text}”应为四位数年份，例如 2024") from None
        if not 1990 <= year <= 2100:
            raise ParseError(f"年度 {year} 不在 1990—2100 之间")
        return year
    if kind is FieldKind.BOOL:
        if isinstance(text, bool):
            return text
        value = str(text).strip()
        if value in ("是", "√", "✓", "1", "true", "不适用"):
            return True
        if value in ("否", "", "0", "false"):
            return False
        raise ParseError(f"{label}应为“是”或“否”")
    if kind is FieldKind.CHOICE:
        for key, name in SCORING_RULES.items():
            if text in (key, name):
                return key
        raise ParseError(f"{label}应为 {'、'.join(SCORING_RULES.values())} 之一")
    text = "" if text is None else str(text)
    limit = MAX_UNIT_TEXT if path.startswith("unit.") else MAX_TEXT
    if len(text) > limit:
        raise ParseError(f"{label}过长（{len(text)} 字，上限 {limit} 字）")
    return text
