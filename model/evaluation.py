"""Evaluate a document: every form's scores plus the findings, recomputed per form on demand.

``Evaluator`` keeps the last results per form so that an edit recomputes only the form it
touched (plus the cheap cross-form checks): a keystroke in one of fifty projects costs the
scoring of that project, not of the whole set.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from .checks import check_basic, check_cross, check_scored_form
from .checks_stated import check_stated
from .document import FORM_BASIC, Document
from .findings import ERROR, WARNING, Finding
from .money import Amount, ratio
from .report_checks import affected_reports, check_reports
from .scoring import FormResult, score_form


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
    report_findings: list[Finding] = field(default_factory=list)  # the 自评报告 texts (model.report_checks)
    report_paragraphs: dict[Finding, int] = field(default_factory=dict)  # the paragraph (from 1) a finding marks
    _all: Optional[list[Finding]] = field(default=None, repr=False, compare=False)

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
        for key in [FORM_BASIC, *self.forms]:
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


def basic_result(doc: Document) -> Optional[BasicResult]:
    basic = doc.basic
    if basic is None:
        return None
    b = basic.building
    return BasicResult(ratio(basic.staff_actual, basic.staff_authorized),
                       ratio(b.actual_area, b.approved_area), ratio(b.actual_investment, b.budget_investment))


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
        # The reports quote the forms: an edit re-checks the reports that may quote what it changed.
        self._reports = check_reports(doc, forms, affected_reports(doc, dirty), self._reports)
        reports = [item for items in self._reports.values() for item in items]
        self.evaluation = Evaluation(forms, basic, findings, check_cross(doc, forms), [f for f, _ in reports],
                                     {f: n for f, n in reports if n is not None})
        return self.evaluation


def evaluate(doc: Document) -> Evaluation:
    return Evaluator(doc).evaluation
