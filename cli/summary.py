"""What `check` reports about one document, as plain data (used for text and JSON output)."""
from __future__ import annotations

from typing import Any, Optional

from model.document import Document, ScoredForm, form_kind, form_title
from model.evaluation import Evaluation
from model.findings import GROUP_LABELS
from model.jsonread import dec_text
from model.money import Amount, percent, q2
from model.places import place_of
from model.scoring import FormResult


def _dec(value: Amount) -> Optional[str]:
    return None if value is None else f"{q2(value):.2f}"


def _rate(fraction: Amount) -> Optional[str]:
    value = percent(fraction)
    return None if value is None else f"{value:.2f}"


def _indicators(key: str, form: ScoredForm, result: FormResult) -> list[dict[str, Any]]:
    """Each 三级指标 row: its figures as stored and the suggested 得分 with the rule used."""
    rows = []
    for row in form.indicators:
        suggestion = result.suggestions.get(row.id)
        rows.append({"path": f"{key}.indicators[{row.id}]", "level1": row.level1, "level2": row.level2,
                     "name": row.name, "target": row.target, "actual": row.actual,
                     "points": dec_text(row.points), "score": dec_text(row.score),
                     "not_applicable": row.not_applicable,
                     "suggested": dec_text(suggestion.score) if suggestion else None,
                     "rule": suggestion.rule if suggestion else None,
                     "explanation": suggestion.explanation if suggestion else None})
    return rows


def summarize(doc: Document, evaluation: Evaluation, file: str) -> dict[str, Any]:
    """The `check --json` object of one file; every number is an exact decimal string."""
    forms = []
    if doc.basic is not None and evaluation.basic is not None:
        basic = evaluation.basic
        forms.append({"form": "basic_data", "key": "basic", "title": form_title(doc, "basic"),
                      "execution_rate": None, "funding_score": None, "subtotals": {},
                      "total_score": None, "grade": None, "provisional": False, "provisional_reasons": [],
                      "indicators": [],
                      "control_rate": _rate(basic.control_rate),
                      "scale_control_rate": _rate(basic.scale_rate),
                      "investment_control_rate": _rate(basic.investment_rate)})
    comprehensive = evaluation.comprehensive
    if doc.comprehensive is not None and comprehensive is not None:  # 怀化: the 综合得分 is typed
        form = doc.comprehensive
        forms.append({"form": "comprehensive", "key": "comprehensive", "title": form_title(doc, "comprehensive"),
                      "execution_rate": None, "funding_score": None, "funding_points": None, "subtotals": {},
                      "total_score": _dec(form.score), "grade": comprehensive.grade or None,
                      "stated_grade": form.grade.strip() or None, "control_rate": _rate(comprehensive.control_rate),
                      "indicators": [{"path": f"comprehensive.indicators[{row.id}]", "level1": row.level1,
                                      "level2": row.level2, "name": row.name, "target": row.target,
                                      "actual": row.actual} for row in form.indicators]})
    for key, result in evaluation.forms.items():
        provisional = evaluation.provisional(key)
        framework = doc.framework_for(doc.form(key))
        forms.append({"form": form_kind(key), "key": key, "title": form_title(doc, key),
                      "framework": framework.id, "framework_name": framework.name,
                      "execution_rate": _rate(result.rate), "funding_score": _dec(result.funding_score),
                      "funding_points": _dec(result.funding_points),
                      "subtotals": {name: _dec(value) for name, value in result.subtotals.items()},
                      "total_score": _dec(result.total), "grade": result.grade,
                      "provisional": bool(provisional), "provisional_reasons": [f.message for f in provisional],
                      "indicators": _indicators(key, doc.form(key), result)})
    findings = [{"severity": f.severity, "code": f.code, "message": f.message, "form": form_kind(f.form),
                 "form_title": form_title(doc, f.form), "location": f.path, "place": place_of(doc, f.path),
                 "group": f.group, "group_label": GROUP_LABELS.get(f.group, f.group)}
                for f in evaluation.findings]
    to_fix = evaluation.to_fix()
    submission = {"ready": not to_fix, "open_items": len(to_fix),
                  "submission_items": len(evaluation.submission_findings()), "status": evaluation.ready_text()}
    return {"file": file, "unit": doc.unit.name, "year": doc.unit.year, "forms": forms, "findings": findings,
            "submission": submission}
