"""Checks (审核) of the 怀化 comprehensive form, each pointing at the cell concerned.

* every 合计 of each 机构 row against its parts (收入, 支出 = 基本支出 + 项目支出, 基本支出 = 人员支出 +
  公用支出, 三公经费, 固定资产): an error, a warning within 0.01 (尾数误差). The 汇总 row is computed from
  the 机构 rows, so it always equals their sum and its 合计 agree whenever the rows' do;
* 实有人数 above 人员编制 (a warning, as 控制率 on the basic-data table);
* 综合得分 outside 0–100, and a typed 评价等次 that is not the grade of the 综合得分 (errors);
* empty required cells (提交前检查: codes ``complete.*``, errors, as the bureau sends such a form back),
  texts naming a later year. Blank 机构 and 定量 rows are allowed: the bureau's template prints them;
* narrative texts still as 新年度 carried them over from last year (model.carried), to be revised.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from .carried import carried_paths
from .checks import check_texts
from .comprehensive import (SUMS, TABLE_CLASSES, TABLE_TITLES, ComprehensiveForm, ComprehensiveResult,
                            organisation_label)
from .document import FORM_COMPREHENSIVE, Document, UnitInfo, form_title
from .findings import ERROR, WARNING, Finding, FindingSink, percent_text
from .money import fmt_plain, q2, total
from .registry import label_of, spec_of

SCORE_RANGE = (Decimal(0), Decimal(100))
KEY = FORM_COMPREHENSIVE


def _amount(value: Optional[Decimal]) -> str:
    return "（空）" if value is None else f"{q2(value):.2f}"


def _check_sums(sink: FindingSink, form: ComprehensiveForm) -> None:
    for number, organisation in enumerate(form.organisations, start=1):
        base = f"{KEY}.organisations[{organisation.id}]"
        for check in SUMS:
            cls, figures = TABLE_CLASSES[check.table], getattr(organisation, check.table)
            parts = [getattr(figures, name) for name in check.parts]
            part_sum = total(parts)
            if part_sum is None:  # nothing to add up (a 机构 row not in use, or 合计 typed alone)
                continue
            stated = getattr(figures, check.total)
            total_label = label_of(cls, check.total)
            where = f"{TABLE_TITLES[check.table]}“{organisation_label(number, organisation)}”行"
            path = f"{base}.{check.table}.{check.total}"
            terms = "＋".join(f"{label_of(cls, name)} {_amount(value)}" for name, value in zip(check.parts, parts)
                             if value is not None)
            if stated is None:
                sink.add(ERROR, "complete.total_empty", path,
                         f"{where}的{total_label}未填写，其中各项（{terms}）合计 {_amount(part_sum)} 万元")
            elif stated != part_sum:
                sink.sum_mismatch(check.code, path,
                                  f"{where}：{total_label} {_amount(stated)} 万元，与{terms} = {_amount(part_sum)} 万元"
                                  f"不符，相差 {_amount(abs(stated - part_sum))} 万元", stated - part_sum)


def _check_staff(sink: FindingSink, form: ComprehensiveForm, result: ComprehensiveResult) -> None:
    rate = result.control_rate
    if rate is not None and rate > 1:
        sink.add(WARNING, "staff.control_rate_high", f"{KEY}.staff_actual",
                 f"实有人数 {fmt_plain(form.staff_actual)} 人超过人员编制 {fmt_plain(form.staff_authorized)} 人"
                 f"（{percent_text(rate)}）")


def _check_score(sink: FindingSink, form: ComprehensiveForm, result: ComprehensiveResult) -> None:
    score, low, high = form.score, *SCORE_RANGE
    if score is not None and not low <= score <= high:
        sink.add(ERROR, "comprehensive.score_out_of_range", f"{KEY}.score",
                 f"绩效自评综合得分 {fmt_plain(score)} 不在 0—100 分之间")
    typed = form.grade.strip()
    if typed and result.grade and typed != result.grade:
        sink.add(ERROR, "comprehensive.grade_mismatch", f"{KEY}.grade",
                 f"评价等次填写为“{typed}”，但综合得分 {fmt_plain(score)} 分对应的等次是“{result.grade}”")


def _texts(form: ComprehensiveForm) -> list[tuple[str, str, str]]:
    """(path, label, text) of every text a later year may be mistyped in."""
    names = ("duties", "main_work", "achievements", "department_opinion", "finance_opinion", "report_summary")
    texts = [(f"{KEY}.{name}", spec_of(ComprehensiveForm, name).label, getattr(form, name)) for name in names]
    texts += [(f"{KEY}.goals.{name}", label, getattr(form.goals, name))
              for name, label in (("expected", "预期目标"), ("actual", "实际完成"))]
    for number, row in enumerate(form.indicators, start=1):
        texts += [(f"{KEY}.indicators[{row.id}].{name}", f"定量指标第{number}行的{label}", getattr(row, name))
                  for name, label in (("name", "三级指标"), ("target", "指标值"), ("actual", "完成情况"))]
    return texts


def _check_carried(sink: FindingSink, doc: Document) -> None:
    carried = carried_paths(doc)
    for path, label, _ in _texts(doc.comprehensive):
        if path in carried:
            sink.add(WARNING, "text.carried_unrevised", path, f"“{label}”仍是上年的文字，请按本年度情况修改")


def _check_complete(sink: FindingSink, doc: Document, form: ComprehensiveForm, result: ComprehensiveResult) -> None:
    """提交前检查: the cells a bureau returns a form for when they are left empty."""
    def empty(path: str, label: str, hint: str = "") -> None:
        sink.add(ERROR, "complete.required_empty", path, f"“{label}”未填写{hint}")

    for name in ("contact", "contact_phone", "staff_authorized", "staff_actual", "duties", "main_work",
                 "achievements"):
        value = getattr(form, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            empty(f"{KEY}.{name}", spec_of(ComprehensiveForm, name).label)
    first = form.organisations[0] if form.organisations else None
    for table in ("income", "expense"):
        if getattr(result.summary, table).total is None:
            path = f"{KEY}.organisations[{first.id}].{table}.total" if first else f"{KEY}.organisations"
            empty(path, label_of(TABLE_CLASSES[table], "total"), "（局机关及二级机构汇总为空）")
    for name, label in (("expected", "预期目标"), ("actual", "实际完成")):
        if not getattr(form.goals, name).strip():
            empty(f"{KEY}.goals.{name}", f"定性目标·{label}")
    if not any(row.name.strip() for row in form.indicators):
        empty(f"{KEY}.indicators", "整体支出绩效定量目标（三级指标）", "，至少填写一行")
    for number, row in enumerate(form.indicators, start=1):  # a row begun must be finished
        if row.name.strip() or row.target.strip() or row.actual.strip():
            for name, label in (("name", "三级指标"), ("target", "指标值"), ("actual", "完成情况")):
                if not getattr(row, name).strip():
                    empty(f"{KEY}.indicators[{row.id}].{name}", f"定量指标第{number}行的{label}")
    if form.score is None:
        empty(f"{KEY}.score", "绩效自评综合得分")
    if not form.grade.strip():
        hint = f"（按综合得分应为“{result.grade}”）" if result.grade else ""
        empty(f"{KEY}.grade", "评价等次", hint)
    if not any(person.name.strip() for person in form.evaluators):
        empty(f"{KEY}.evaluators", "评价人员", "，至少填写一人")
    for name in ("preparer", "phone"):
        if not getattr(doc.unit, name).strip():
            empty(f"unit.{name}", label_of(UnitInfo, name))
    if not form.report_summary.strip():
        empty(f"{KEY}.report_summary", "评价报告综述（文字部分）")


def check_comprehensive(doc: Document, result: ComprehensiveResult) -> list[Finding]:
    form = doc.comprehensive
    if form is None:
        return []
    sink = FindingSink(KEY, form_title(doc, KEY))
    _check_sums(sink, form)
    _check_staff(sink, form, result)
    _check_score(sink, form, result)
    check_texts(sink, doc.unit.year, _texts(form))
    _check_carried(sink, doc)
    _check_complete(sink, doc, form, result)
    return sink.items
