"""提交前检查 (ready to submit): the empty cells and template text a bureau sends back unread.

Every finding here is an error of the 提交前检查 group (model.findings.SUBMISSION_CODES) and
points at the cell to fill. What counts was chosen so that a finished form raises none:

* a row marked 不适用 needs nothing (no 分值, 得分 or 完成值);
* a row left entirely blank is one finding (fill it or delete it), not five;
* an empty 偏差原因分析 is fine (the score warnings ask for it where a reason is due);
* a row with 分值 0 needs no 得分;
* 全年执行数 is required where the funding row is scored or a 全年预算数 is given;
* in the 基础数据表, blank parts are fine unless *all* of a non-zero line's parts are blank.
"""
from __future__ import annotations

import re
from functools import lru_cache
from decimal import Decimal
from typing import Iterable, Optional

from .document import BasicDataForm, Labels, ScoredForm, expense_line_name
from .findings import GOAL_TEXTS, FindingSink, amount_text, basic_texts, form_texts, points_text, row_where
from .framework import Framework
from .paths import row_path
from .scoring import FormResult

# A label with nothing after it: 指标1：, 原因：　措施：
_LABEL = re.compile(r"[^\s:：;；。，,、]{1,8}[:：]")
_FILLER = " \t\r\n　，,；;。、"


def template_prompt(text: str, prompts: Iterable[str]) -> Optional[str]:
    """The template text left in ``text`` (……, 请填写, a bare 指标1：), or None."""
    return _template_prompt(text or "", tuple(prompts))


@lru_cache(maxsize=16384)  # every edit rechecks the form's texts, which rarely change
def _template_prompt(text: str, prompts: tuple[str, ...]) -> Optional[str]:
    stripped = text.strip()
    if not stripped:
        return None
    for prompt in prompts:
        if prompt and prompt in stripped:
            return prompt
    if "：" not in stripped and ":" not in stripped:
        return None
    labels = _LABEL.findall(stripped)
    if labels and not _LABEL.sub("", stripped).strip(_FILLER):
        return stripped
    return None


def _blank(text: str) -> bool:
    return not (text or "").strip()


def _prompt_findings(sink: FindingSink, prompts: tuple[str, ...],
                     texts: Iterable[tuple[str, str, str]]) -> None:
    """texts: (path, where, text)."""
    for path, where, text in texts:
        found = template_prompt(text, prompts)
        if found is not None:
            sink.error("text.template_prompt", path, _prompt_message(where, found))


def _prompt_message(where: str, found: str) -> str:
    return f"{where}仍是模板提示文字“{found}”，请填写实际内容或删除"


def check_form_submission(sink: FindingSink, form: ScoredForm, framework: Framework, result: FormResult,
                          is_project: bool) -> None:
    key = sink.form_key
    prompts = framework.template_prompts
    line = result.funding
    if line.executed is None and (framework.funding_points > 0 or line.annual is not None):
        path = f"{key}.current.executed" if is_project else f"{key}.funding.executed"
        sink.error("funding.executed_empty", path, "未填写全年执行数")
    for field, label in GOAL_TEXTS:
        if _blank(getattr(form.goals, field)):
            sink.error("goals.empty", f"{key}.goals.{field}", f"未填写{label}")
    _prompt_findings(sink, prompts, form_texts(key, form, is_project))
    for number, row in enumerate(form.indicators, start=1):
        if row.not_applicable:
            continue

        def path(field: str) -> str:
            return row_path(key, row.id, field)

        if (all(_blank(text) for text in (row.name, row.target, row.actual, row.deviation))
                and row.points is None and row.score is None):
            sink.error("indicator.row_empty", path("name"),
                       f"绩效指标第{number}行（{row.level2}）尚未填写，请填写或删除该行")
            continue
        where = row_where(number, row)
        if _blank(row.name):
            sink.error("indicator.name_empty", path("name"), f"绩效指标第{number}行（{row.level2}）未填写三级指标名称")
        if _blank(row.target):
            sink.error("indicator.target_empty", path("target"), f"{where}未填写年度指标值")
        if _blank(row.actual):
            sink.error("indicator.actual_empty", path("actual"), f"{where}未填写实际完成值")
        if row.points is None:
            sink.error("points.missing", path("points"), f"{where}未填写分值（不计分的行请标记为不适用）")
        elif row.points > 0 and row.score is None:
            sink.error("score.missing", path("score"), f"{where}有分值 {points_text(row.points)} 分，但未填写得分")
        for field, label in (("name", "的三级指标"), ("target", "的年度指标值"), ("actual", "的实际完成值"),
                             ("deviation", "的偏差原因分析")):
            found = template_prompt(getattr(row, field), prompts)
            if found is not None:
                sink.error("text.template_prompt", path(field), _prompt_message(where + label, found))


# --- 基础数据表 ---------------------------------------------------------------------------------

# (line, its parts, how the parts are named): a non-zero line needs at least one part filled.
_PART_GROUPS = (("three_public", ("vehicles", "overseas", "reception"), "公务用车、出国、公务接待各行"),
                ("vehicles", ("vehicle_purchase", "vehicle_operation"), "公车购置、公车运行维护"),
                ("project_total", ("business", "operation", "special_total", "transfer_total"), "四类项目支出"),
                ("special_total", "special_rows", "各专项"),
                ("transfer_total", "transfer_rows", "各转移支付项目"))


def _nonzero(value: Optional[Decimal]) -> bool:
    return value is not None and value != 0


def check_basic_submission(sink: FindingSink, basic: BasicDataForm, framework: Framework,
                           columns: dict[str, str], labels: Labels) -> None:
    """``labels``: the unit's wording of the lines (3、区级专项资金)."""
    for parent, parts, part_label in _PART_GROUPS:
        lines = getattr(basic, parts) if isinstance(parts, str) else [basic.line(name) for name in parts]
        for column, column_label in columns.items():
            stated = getattr(basic.line(parent), column)
            if not _nonzero(stated) or any(getattr(line, column) is not None for line in lines):
                continue
            sink.error("basic.parts_empty", f"basic.{parent}.{column}",
                       f"{expense_line_name(labels, parent)}（{column_label}）为 {amount_text(stated)} 万元，但{part_label}都未填写")
    _prompt_findings(sink, framework.template_prompts, basic_texts(basic))
