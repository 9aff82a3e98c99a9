"""Evaluate a document: every form's scores plus the findings, recomputed per form on demand.

``Evaluator`` keeps the last results per form so that an edit recomputes only the form it
touched (plus the cheap cross-form checks): a keystroke in one of fifty projects costs the
scoring of that project, not of the whole set.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from .comprehensive import ComprehensiveResult, comprehensive_result
from .document import FORM_BASIC, FORM_COMPREHENSIVE, Document
from .findings import (ERROR, GROUP_PLAUSIBILITY, GROUP_REVIEW, GROUP_SUBMISSION, STRUCTURAL_CODES,
                       WARNING, Finding)
from .money import Amount, ratio
from .scoring import FormResult, score_form

PROVISIONAL_MARK = "（待核）"  # a 总分 or 等次 shown while the form's structure has errors


@dataclass(frozen=True, slots=True)
class BasicResult:
    """Rates of the 基础数据表 (fractions; None when undefined)."""

    control_rate: Amount  # 控制率 = 实际在职人数 ÷ 编制数
    scale_rate: Amount  # 规模控制率 = 实际规模 ÷ 批复规模
    investment_rate: Amount  # 投资概算控制率 = 实际投资 ÷ 预算投资


@dataclass(slots=True)
class Evaluation:
    forms: dict[str, FormResult] = field(default_factory=dict)  # by form key, print order
    basic: Optional[BasicResult] = None
    form_findings: dict[str, list[Finding]] = field(default_factory=dict)
    cross_findings: list[Finding] = field(default_factory=list)
    comprehensive: Optional[ComprehensiveResult] = None  # the 怀化 form's 汇总 and grade, if it has one
    report_findings: list[Finding] = field(default_factory=list)  # the 自评报告 texts (model.report_checks)
    report_paragraphs: dict[Finding, int] = field(default_factory=dict)  # the paragraph (from 1) a finding marks
    _all: Optional[list[Finding]] = field(default=None, repr=False, compare=False)
    _grouped: Optional[list[tuple[str, list[Finding]]]] = field(default=None, repr=False, compare=False)

    @property
    def findings(self) -> list[Finding]:
        """All findings in print order of the forms, errors of a form before its warnings.

        Built once: an evaluation never changes (the Evaluator makes a new one after an edit),
        and one edit reads the list several times (grid, navigation, counts, findings list).
        Callers must not modify it.
        """
        if self._all is None:
            self._all = self._collect()
        return self._all

    def _collect(self) -> list[Finding]:
        result: list[Finding] = []
        for key in [FORM_BASIC, FORM_COMPREHENSIVE, *self.forms]:
            items = self.form_findings.get(key, [])
            result += [f for f in items if f.severity == ERROR] + [f for f in items if f.severity == WARNING]
        result += self.cross_findings
        result += self.report_findings
        return result

    def counts(self) -> tuple[int, int]:
        findings = self.findings
        errors = sum(1 for f in findings if f.severity == ERROR)
        return errors, len(findings) - errors

    def findings_for(self, form_key: str) -> list[Finding]:
        return [f for f in self.findings if f.form == form_key]

    # --- 提交前检查 ---
    def grouped(self) -> list[tuple[str, list[Finding]]]:
        """(group, findings) under their headings: 提交前检查, 审核, 合理性; errors first in each.

        The window's list and `check` show the findings in this order, and F8 walks its errors.
        Built once, like ``findings``; callers must not modify it.
        """
        if self._grouped is None:
            self._grouped = []
            for group in (GROUP_SUBMISSION, GROUP_REVIEW, GROUP_PLAUSIBILITY):
                items = [f for f in self.findings if f.group == group]
                self._grouped.append((group, [f for f in items if f.severity == ERROR] +
                                      [f for f in items if f.severity != ERROR]))
        return self._grouped

    def to_fix(self) -> list[Finding]:
        """The errors, as grouped: what must be dealt with before the set is handed in (需处理)."""
        return [f for _, items in self.grouped() for f in items if f.severity == ERROR]

    def submission_findings(self) -> list[Finding]:
        """The findings of the 提交前检查 group (empty cells, template text)."""
        return [f for f in self.findings if f.group == GROUP_SUBMISSION]

    def ready_text(self) -> str:
        """可以提交, or 尚有 N 处需处理."""
        count = len(self.to_fix())
        return "可以提交" if count == 0 else f"尚有 {count} 处需处理"

    # --- provisional 总分 / 等次 ---
    def provisional(self, form_key: str) -> list[Finding]:
        """The structural errors of a form (score > 分值, 分值 ≠ 100, level-1 mismatch).

        While any stands, the form's 总分 and 等次 are provisional: the window and `check` mark
        them 待核, never a clean 优. Exports print the figure as computed (see docs/scoring.md).
        """
        return [f for f in self.form_findings.get(form_key, []) if f.code in STRUCTURAL_CODES]

    def total_text(self, form_key: str) -> str:
        """总分 as the window shows it: 92.93, or 92.93（待核）."""
        mark = PROVISIONAL_MARK if self.provisional(form_key) else ""
        return f"{self.forms[form_key].total:.2f}{mark}"

    def grade_text(self, form_key: str) -> str:
        mark = PROVISIONAL_MARK if self.provisional(form_key) else ""
        return f"{self.forms[form_key].grade}{mark}"


def basic_result(doc: Document) -> Optional[BasicResult]:
    basic = doc.basic
    if basic is None:
        return None
    b = basic.building
    return BasicResult(ratio(basic.staff_actual, basic.staff_authorized),
                       ratio(b.actual_area, b.approved_area), ratio(b.actual_investment, b.budget_investment))


def comprehensive_of(doc: Document) -> Optional[ComprehensiveResult]:
    form = doc.comprehensive
    if form is None:
        return None
    return comprehensive_result(form, doc.frameworks[form.framework_id].grade_for)


class Evaluator:
    """Holds a document's evaluation and brings it up to date after edits."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.evaluation = Evaluation()
        self._reports: dict = {}  # the last findings of each report, by report id
        self.refresh()

    def refresh(self, changed: Optional[Iterable[str]] = None) -> Evaluation:
        """Recompute the forms in ``changed`` (form keys; None: all) and the cross-form checks.

        A change to unit information (the year, the name) affects every form: pass None.
        """
        # the checks are imported when first needed: an export, which only prints the scores (scores()),
        # does not load them
        from .checks import check_basic, check_cross, check_scored_form
        from .checks_comprehensive import check_comprehensive
        from .checks_stated import check_stated
        from .report_checks import affected_reports, check_reports
        doc = self.doc
        old = self.evaluation
        dirty = None if changed is None else set(changed)
        forms: dict[str, FormResult] = {}
        findings: dict[str, list[Finding]] = {}
        for key, form in doc.scored_forms():
            if dirty is not None and key not in dirty and key in old.forms:
                forms[key] = old.forms[key]
                findings[key] = old.form_findings.get(key, [])
                continue
            forms[key] = score_form(form, doc.framework_for(form))
            findings[key] = check_scored_form(doc, key, form, forms[key]) + check_stated(doc, key, form, forms[key])
        if dirty is None or FORM_BASIC in dirty or FORM_BASIC not in old.form_findings:
            findings[FORM_BASIC] = check_basic(doc)
            basic = basic_result(doc)
        else:
            findings[FORM_BASIC] = old.form_findings[FORM_BASIC]
            basic = old.basic
        if dirty is None or FORM_COMPREHENSIVE in dirty or FORM_COMPREHENSIVE not in old.form_findings:
            comprehensive = comprehensive_of(doc)
            findings[FORM_COMPREHENSIVE] = check_comprehensive(doc, comprehensive) if comprehensive else []
        else:
            comprehensive = old.comprehensive
            findings[FORM_COMPREHENSIVE] = old.form_findings[FORM_COMPREHENSIVE]
        # The reports quote the forms: an edit re-checks the reports that may quote what it changed.
        self._reports = check_reports(doc, forms, affected_reports(doc, dirty), self._reports)
        reports = [item for items in self._reports.values() for item in items]
        self.evaluation = Evaluation(forms, basic, findings, check_cross(doc, forms), comprehensive,
                                     [f for f, _ in reports], {f: n for f, n in reports if n is not None})
        return self.evaluation


def evaluate(doc: Document) -> Evaluation:
    return Evaluator(doc).evaluation


def scores(doc: Document) -> Evaluation:
    """What the printed forms show (scores, rates, the 汇总) without the checks: an export prints no
    findings, so it does not pay for them (a third of an evaluation)."""
    forms = {key: score_form(form, doc.framework_for(form)) for key, form in doc.scored_forms()}
    return Evaluation(forms, basic_result(doc), comprehensive=comprehensive_of(doc))
