"""Checks (审核) a careful accountant makes before handing the forms in (RULES.md §4).

Each check yields a Finding that names the form, the row and the figures, and carries the path
of the cell concerned so the window can jump to it. Sums that are off by at most 0.01 (尾数误差)
are warnings, never errors.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable, Optional

from .document import (PUBLIC_PARTS, BasicDataForm, Document, Labels, ScoredForm, expense_line_name, form_title,
                       project_title)
from .findings import TOLERANCE, WARNING, Finding, basic_texts, form_texts, row_where
from .findings import FindingSink as _Sink  # the names the checks have always used
from .findings import amount_text as _amount
from .findings import percent_text as _percent
from .findings import points_text as _points
from .framework import Framework
from .money import ZERO, q2, ratio, total
from .parsing import normalize
from .paths import row_path
from .plausibility import check_basic_plausibility, check_form_plausibility
from .scoring import FormResult
from .submission import check_basic_submission, check_form_submission

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def future_year(text: str, year: int, plan_words: Iterable[str] = ()) -> Optional[int]:
    """The first year written in ``text`` that is later than the form's year.

    With ``plan_words`` (偏差原因分析及改进措施, 改进措施), a later year in a sentence that speaks
    of a plan (剩余7宗顺延至2025年完成, 计划于2025年, 下一步……) is meant, not a typo.
    """
    if not text or "年" not in text:
        return None
    plans = tuple(word for word in plan_words if word)
    for match in _YEAR.finditer(text or ""):
        found = int(match.group(1))
        if found <= year:
            continue
        if plans:
            starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, match.start())]
            end = _SENTENCE_END.search(text, match.end())
            sentence = text[starts[-1] if starts else 0:end.start() if end else len(text)]
            if any(word in sentence for word in plans):
                continue
        return found
    return None


def check_texts(sink: _Sink, year: int, texts: Iterable[tuple[str, str, str]],
                 plan_words: Iterable[str] = ()) -> None:
    """texts: (path, where, text). ``plan_words``: the texts may speak of plans (see future_year)."""
    plan_words = tuple(plan_words)
    for path, where, text in texts:
        found = future_year(text, year, plan_words)
        if found is not None:
            sink.warning("text.future_year", path,
                         f"{where}中写有“{found}年”，晚于本表年度 {year} 年，请核对是否笔误")


def _near_miss(row_level1: str, row_level2: str, framework: Framework) -> str:
    """“（是否应为“产出指标／时效指标”？）” for a name one typo away from the framework's."""
    cutoff = framework.plausibility.near_miss_ratio
    if cutoff is None:
        return ""
    from difflib import get_close_matches  # only for a misnamed row: not imported by every start
    cutoff_f = float(cutoff)  # difflib's similarity is a float; this only ranks names
    group = framework.group(row_level1)
    if group is None:
        names = [g.name for g in framework.level1]
        level1 = next(iter(get_close_matches(row_level1, names, 1, cutoff_f)), None)
        group = framework.group(level1) if level1 else None
    candidates = group.level2 if group else [l2 for g in framework.level1 for l2 in g.level2]
    level2 = next(iter(get_close_matches(row_level2, candidates, 1, cutoff_f)), None)
    if level2 is None:
        return ""
    owner = group or next(g for g in framework.level1 if level2 in g.level2)
    return f"（是否应为“{owner.name}／{level2}”？）"


# --- scored forms (整体自评表, 项目自评表) ---------------------------------------------------

def _funding_paths(form_key: str, is_project: bool) -> dict[str, str]:
    if is_project:
        return {name: f"{form_key}.funding.{name}" for name in ("initial", "annual", "executed")} | {
            "input_annual": f"{form_key}.current.annual"}
    return {name: f"{form_key}.funding.{name}" for name in ("initial", "annual", "executed")} | {
        "input_annual": f"{form_key}.funding.annual"}


def _check_funding(sink: _Sink, form: ScoredForm, framework: Framework, result: FormResult,
                   is_project: bool, parts_printed: bool = True) -> None:
    key = sink.form_key
    paths = _funding_paths(key, is_project)
    line = result.funding
    if framework.funding_points > 0 and not line.annual:
        sink.error("funding.no_budget", paths["input_annual"],
                   "全年预算数为空或为 0，无法计算执行率，资金执行得分按 0 分计")
    if line.annual and line.executed is not None and line.executed > line.annual:
        sink.warning("funding.over_budget", paths["executed"],
                     f"全年执行数 {_amount(line.executed)} 万元超过全年预算数 {_amount(line.annual)} 万元，请核对")
    limit = framework.budget_adjustment_warning
    if limit is not None and line.initial is not None and line.annual is not None:
        if line.initial == 0:
            far = line.annual != 0
        else:
            far = abs(line.annual - line.initial) / line.initial > limit
        if far:
            change = ("年中追加" if line.initial == 0 else
                      f"调整幅度 {_percent(abs(line.annual - line.initial) / line.initial)}")
            sink.warning("funding.budget_adjusted", paths["initial"],
                         f"年初预算数 {_amount(line.initial)} 万元与全年预算数 {_amount(line.annual)} 万元"
                         f"相差较大（{change}），请在自评报告中说明预算调整原因")
    if is_project:
        return
    # Seed 002's form prints 合计 and （2）项目支出 only: no 按收入性质分 to add up, and 按支出性质分 only
    # when the unit has also entered its 基本支出 (the form does not show it)
    income_sum = total(form.income.parts()) if parts_printed else None
    if income_sum is not None and line.annual is not None and income_sum != line.annual:
        sink.sum_mismatch("funding.income_mismatch", f"{key}.income.general_budget",
                          f"按收入性质分合计 {_amount(income_sum)} 万元，与全年预算数 {_amount(line.annual)} 万元"
                          f"不符，相差 {_amount(abs(income_sum - line.annual))} 万元",
                          income_sum - line.annual)
    expense_sum = total(form.expense.parts())
    if not parts_printed and None in form.expense.parts():
        expense_sum = None
    if expense_sum is not None and line.executed is not None and expense_sum != line.executed:
        sink.sum_mismatch("funding.expense_mismatch", f"{key}.expense.basic",
                          f"按支出性质分合计（基本支出＋项目支出）{_amount(expense_sum)} 万元，与全年执行数 "
                          f"{_amount(line.executed)} 万元不符，相差 {_amount(abs(expense_sum - line.executed))} 万元",
                          expense_sum - line.executed)


def _check_points(sink: _Sink, form: ScoredForm, framework: Framework, result: FormResult) -> None:
    key = sink.form_key
    for group in framework.level1:
        if not group.fixed:  # free weights: the rows carry the points, only the total must be 100
            continue
        actual = result.level1_points.get(group.name, ZERO)
        if actual != group.points:
            header = (f"与表头“{group.label()}”不符" if framework.label_points else
                      f"与指标体系规定的 {_points(group.points)} 分不符")
            sink.error("points.level1_mismatch", f"{key}.level1[{group.name}].points",
                       f"{group.name}各行分值合计 {_points(actual)} 分，{header}，"
                       f"相差 {_points(abs(group.points - actual))} 分")
    if result.points_total != framework.total_points:
        indicators = result.points_total - framework.funding_points
        funding = (f"资金执行 {_points(framework.funding_points)} 分＋" if framework.funding_points else "")
        sink.error("points.total_not_100", f"{key}.total.points",
                   f"分值合计 {_points(result.points_total)} 分（{funding}各指标 {_points(indicators)} 分），"
                   f"应为 {_points(framework.total_points)} 分")


def _check_rows(sink: _Sink, form: ScoredForm, framework: Framework, result: FormResult, year: int) -> None:
    key = sink.form_key
    known = {(g.name, l2) for g in framework.level1 for l2 in g.level2}
    for number, row in enumerate(form.indicators, start=1):
        where = row_where(number, row)
        path = lambda field: row_path(key, row.id, field)  # noqa: E731 - small local helper
        if (row.level1, row.level2) not in known:
            sink.error("indicator.unknown_group", path("name"),
                       f"{where}的指标类别“{row.level1}／{row.level2}”不属于指标体系“{framework.name}”"
                       f"{_near_miss(row.level1, row.level2, framework)}，请用右键菜单“移到其他类别”改到合适的类别")
        check_texts(sink, year, ((path("name"), where, row.name), (path("target"), f"{where}的年度指标值", row.target),
                                  (path("actual"), f"{where}的实际完成值", row.actual)))
        check_texts(sink, year, ((path("deviation"), f"{where}的偏差原因分析", row.deviation),),
                     framework.plan_words)
        if row.not_applicable:
            if row.points and framework.not_applicable == "exclude":
                sink.warning("indicator.not_applicable_points", path("points"),
                             f"{where}已标记不适用，但仍有分值 {_points(row.points)} 分；按现行设置不计分，"
                             f"满分将达不到 100 分，建议把分值调整到其他指标")
            continue
        points, score = row.points, row.score
        if score is not None and score < 0:
            sink.error("score.negative", path("score"), f"{where}得分 {_points(score)} 小于 0")
        elif score is not None and score > (points or ZERO):
            limit = f"分值 {_points(points)}" if points is not None else "分值（未填写）"
            sink.error("score.above_points", path("score"), f"{where}得分 {_points(score)} 超过{limit}")
        suggestion = result.suggestions.get(row.id)
        no_reason = not row.deviation.strip()
        warned = False
        if score is not None and points and 0 <= score < points and no_reason:
            hint = f"（建议得分 {_points(suggestion.score)}：{suggestion.explanation}）" if (
                suggestion and suggestion.score is not None) else ""
            sink.warning("score.below_points_no_reason", path("deviation"),
                         f"{where}得分 {_points(score)} 低于分值 {_points(points)}，但未填写偏差原因分析及改进措施{hint}")
            warned = True
        elif (score is not None and suggestion and suggestion.score is not None and no_reason
              and abs(score - suggestion.score) > framework.suggestion_tolerance):
            sink.warning("score.strays_from_suggestion", path("score"),
                         f"{where}得分 {_points(score)} 与建议得分 {_points(suggestion.score)} 相差较大"
                         f"（{suggestion.explanation}），请核对或在偏差原因分析中说明")
            warned = True
        if (not warned and suggestion and suggestion.band and score is not None and points
                and not suggestion.band.low <= score / points <= suggestion.band.high):
            band = suggestion.band
            sink.warning("score.out_of_band", path("score"),
                         f"{where}为定性指标，完成情况属于“{band.label}”档（分值的 {_percent(band.low)}–"
                         f"{_percent(band.high)}，即 {_points(q2(points * band.low))}–{_points(q2(points * band.high))} 分），"
                         f"但得分为 {_points(score)}")
        if suggestion and suggestion.over_ratio is not None and no_reason:
            deducted = ("；按指标偏离规则建议扣 "
                        f"{_points(min(points or ZERO, framework.over_achievement_deduction))} 分"
                        if framework.over_achievement_action == "deduct" else "")
            sink.warning("indicator.over_achievement", path("target"),
                         f"{where}完成值 {row.actual.strip()} 超出指标值 {row.target.strip()} 达 "
                         f"{_percent(suggestion.over_ratio)}，指标值可能定得偏低，请在偏差原因分析中说明{deducted}")


def check_scored_form(doc: Document, key: str, form: ScoredForm, result: FormResult) -> list[Finding]:
    framework = doc.framework_for(form)
    sink = _Sink(key, form_title(doc, key))
    is_project = key != "overall"
    year = doc.unit.year
    _check_funding(sink, form, framework, result, is_project, not doc.labels.funding_as_totals)
    _check_points(sink, form, framework, result)
    check_form_submission(sink, form, framework, result, is_project)
    _check_rows(sink, form, framework, result, year)
    check_form_plausibility(sink, form, framework, result)
    check_texts(sink, year, form_texts(key, form, is_project))
    if is_project and form.closing is not None:  # 评价结论 / 存在的问题 / 改进措施: 改进措施 may speak of plans
        closing = form.closing
        check_texts(sink, year, ((f"{key}.closing.conclusion", "评价结论", closing.conclusion),
                                  (f"{key}.closing.problems", "存在的问题", closing.problems)))
        check_texts(sink, year, ((f"{key}.closing.measures", "改进措施", closing.measures),), framework.plan_words)
    if form.stated_total is not None and q2(form.stated_total) != result.total:
        sink.error("total.stated_mismatch", f"{key}.stated_total",
                   f"表上填写的总分 {_points(form.stated_total)}，与按各行计算的总分 {result.total:.2f} 不符")
    return sink.items


# --- 基础数据表 ---------------------------------------------------------------------------------

def column_labels(year: int) -> dict[str, str]:
    return {"prior": f"{year - 1}年决算数", "budget": f"{year}年预算数", "final": f"{year}年决算数"}


def _check_sum(sink: _Sink, basic: BasicDataForm, labels: Labels, parent: str, parts: list, part_label: str,
               columns: dict[str, str]) -> None:
    """Parts (lines) must add up to the parent line, column by column."""
    for column, column_label in columns.items():
        part_sum = total(getattr(part, column) for part in parts)
        stated = getattr(basic.line(parent), column)
        if part_sum is None or part_sum == (stated or ZERO) and stated is not None:
            continue
        if stated is None and part_sum == 0:
            continue
        where = f"{expense_line_name(labels, parent)}（{column_label}）"
        stated_text = "未填写" if stated is None else f"为 {_amount(stated)} 万元"
        difference = part_sum - (stated or ZERO)
        hint = "（相差不超过 0.01，可能是尾数误差）" if abs(difference) <= TOLERANCE else ""
        sink.warning("basic.parts_mismatch", f"basic.{parent}.{column}",
                     f"{where}：{part_label}合计 {_amount(part_sum)} 万元，而该行{stated_text}{hint}")


def basic_framework(doc: Document) -> Framework:
    """The options the 基础数据表 is checked with: those of the overall form (or the first form)."""
    for _, form in doc.scored_forms():
        return doc.framework_for(form)
    return next(iter(doc.frameworks.values()))


def check_basic(doc: Document) -> list[Finding]:
    basic = doc.basic
    if basic is None:
        return []
    sink = _Sink("basic", form_title(doc, "basic"))
    labels = doc.labels  # the unit's wording of the row labels in messages
    rate = ratio(basic.staff_actual, basic.staff_authorized)
    if rate is not None and rate > 1:
        sink.warning("staff.control_rate_high", "basic.staff_actual",
                     f"实际在职人数 {_points(basic.staff_actual)} 人超过编制数 {_points(basic.staff_authorized)} 人，"
                     f"控制率 {_percent(rate)}")
    building = basic.building
    scale = ratio(building.actual_area, building.approved_area)
    if scale is not None and scale > 1:
        sink.warning("building.scale_over", "basic.building.actual_area",
                     f"楼堂馆所实际规模 {_amount(building.actual_area)} m² 超过批复规模 "
                     f"{_amount(building.approved_area)} m²，规模控制率 {_percent(scale)}")
    invest = ratio(building.actual_investment, building.budget_investment)
    if invest is not None and invest > 1:
        sink.warning("building.investment_over", "basic.building.actual_investment",
                     f"楼堂馆所实际投资 {_amount(building.actual_investment)} 万元超过预算投资 "
                     f"{_amount(building.budget_investment)} 万元，投资概算控制率 {_percent(invest)}")
    columns = column_labels(doc.unit.year)
    _check_sum(sink, basic, labels, "three_public", [basic.vehicles, basic.overseas, basic.reception], "各分项",
               columns)
    _check_sum(sink, basic, labels, "vehicles", [basic.vehicle_purchase, basic.vehicle_operation], "公车购置与运行维护",
               columns)
    _check_sum(sink, basic, labels, "project_total", [basic.business, basic.operation, basic.special_total,
                                                      basic.transfer_total], "四类项目支出", columns)
    _check_sum(sink, basic, labels, "special_total", basic.special_rows, "各专项", columns)
    _check_sum(sink, basic, labels, "transfer_total", basic.transfer_rows, "各转移支付项目", columns)
    for column, column_label in columns.items():
        parts = total(getattr(basic.line(name), column) for name in PUBLIC_PARTS)
        stated = getattr(basic.public_total, column)
        if parts is not None and stated is not None and parts > stated:
            sink.warning("basic.parts_mismatch", f"basic.public_total.{column}",
                         f"公用经费（{column_label}）：其中办公经费、水电差旅费、会议培训费合计 {_amount(parts)} 万元，"
                         f"超过公用经费 {_amount(stated)} 万元")
    check_texts(sink, doc.unit.year, basic_texts(basic))
    framework = basic_framework(doc)
    check_basic_submission(sink, basic, framework, columns, labels)
    check_basic_plausibility(sink, basic, framework, columns, labels)
    return sink.items


# --- across forms --------------------------------------------------------------------------

def check_cross(doc: Document, results: dict[str, FormResult]) -> list[Finding]:
    """The same figure must agree wherever it appears (warnings: the cause may be legitimate)."""
    findings: list[Finding] = []
    basic, overall = doc.basic, doc.overall
    year = doc.unit.year
    labels = column_labels(year)

    def differ(a: Optional[Decimal], b: Optional[Decimal]) -> bool:
        return a is not None and b is not None and a != b

    def add(form_key: str, path: str, message: str) -> None:
        findings.append(Finding(WARNING, "cross.mismatch", f"跨表核对：{message}", form_key, path))

    basic_title = form_title(doc, "basic")
    if basic is not None and overall is not None:
        overall_title = form_title(doc, "overall")
        pairs = (("项目支出", overall.expense.project, basic.project_total.final, "overall.expense.project",
                  "按支出性质分", f"“项目支出”行的{labels['final']}"),
                 ("基本支出", overall.expense.basic, basic.basic_adjustment.final, "overall.expense.basic",
                  "按支出性质分", f"“部门基本支出预算调整”行的{labels['final']}"))
        for what, a, b, path, where_a, where_b in pairs:
            if differ(a, b):
                add("overall", path, f"{what}在{overall_title}（{where_a}）中为 {_amount(a)} 万元，在{basic_title}"
                                     f"（{where_b}）中为 {_amount(b)} 万元，相差 {_amount(abs(a - b))} 万元，请核对")
    if basic is not None:
        rows = {normalize(row.name): row for row in basic.special_rows + basic.transfer_rows if row.name.strip()}
        for project in doc.projects:
            row = rows.get(normalize(project.name))
            if row is None:
                if project.name.strip():
                    findings.append(Finding(
                        WARNING, "cross.project_not_listed", f"跨表核对：{project_title(project)}没有列入{basic_title}"
                        f"的“{doc.labels.special}”（一个专项一行），请添加该行或核对项目名称",
                        f"projects[{project.id}]", f"projects[{project.id}].name"))
                continue
            key = f"projects[{project.id}]"
            line = results[key].funding if key in results else project.annual_funding
            for a, b, column, what in ((line.annual, row.budget, "annual", f"全年预算数／{labels['budget']}"),
                                       (line.executed, row.final, "executed", f"全年执行数／{labels['final']}")):
                if differ(a, b):
                    add(key, f"{key}.funding.{column}",
                        f"{project_title(project)}的{what.split('／')[0]} {_amount(a)} 万元，与{basic_title}中该专项的"
                        f"{what.split('／')[1]} {_amount(b)} 万元不符，相差 {_amount(abs(a - b))} 万元，请核对")
    if overall is not None and doc.projects and overall.expense.project is not None:
        executed = [results[k].funding.executed if k in results else None
                    for k in (f"projects[{p.id}]" for p in doc.projects)]
        if all(value is not None for value in executed):
            project_sum = sum(executed, ZERO)
            if project_sum != overall.expense.project:
                add("overall", "overall.expense.project",
                    f"{len(executed)} 张项目支出绩效自评表的全年执行数合计 {_amount(project_sum)} 万元，与"
                    f"{form_title(doc, 'overall')}中的项目支出 {_amount(overall.expense.project)} 万元不符，"
                    f"相差 {_amount(abs(project_sum - overall.expense.project))} 万元，请核对")
    return findings
