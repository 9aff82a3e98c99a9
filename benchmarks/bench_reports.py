"""Reports' speed on the 50-project document: drafting, checking, an edit's recompute, the exports.

Run: .venv/bin/python benchmarks/bench_reports.py
Aims: an edit of a report's text or of a project re-checks in < 5 ms; drafting all 51 reports < 1 s;
the two report files (docx + pdf) < 3 s.
"""
from __future__ import annotations

import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_core import machine, timed  # noqa: E402
from benchmarks.large_document import build  # noqa: E402
from exporters.report_export import write_reports  # noqa: E402
from model.evaluation import Evaluator, evaluate  # noqa: E402
from model.report_checks import check_reports  # noqa: E402
from model.report_draft import create_reports, draft_all  # noqa: E402


def drafted():
    doc = build()
    create_reports(doc, evaluate(doc)).apply(doc)
    draft_all(doc, evaluate(doc)).edit.apply(doc)
    return doc


def main() -> dict[str, float]:
    doc = build()
    results = {"create + draft all reports": timed(lambda: drafted(), 3)}
    doc = drafted()
    sections = sum(len(r.sections) for r in doc.reports)
    characters = sum(len(s.text) for r in doc.reports for s in r.sections)
    evaluator = Evaluator(doc)
    forms = evaluator.evaluation.forms
    results["check all reports"] = timed(lambda: check_reports(doc, forms), 15)
    report = doc.reports[0]
    section = report.sections[3]

    def type_in_report():
        section.text = section.text + "。" if not section.text.endswith("。。") else section.text[:-1]
        evaluator.refresh([f"reports[{report.id}]"])

    results["one edit of a report's text (recompute)"] = timed(type_in_report, 100)
    row = doc.projects[24].indicators[7]

    def edit_project():
        row.score = Decimal(3) if row.score != 3 else Decimal(4)
        evaluator.refresh([f"projects[{doc.projects[24].id}]"])

    results["one edit of a project (recompute, 2 reports re-checked)"] = timed(edit_project, 100)

    def edit_overall():
        doc.overall.expense.basic = Decimal("1.00") if doc.overall.expense.basic != 1 else Decimal("2.00")
        evaluator.refresh(["overall"])

    results["one edit of the overall form (every report re-checked)"] = timed(edit_overall, 30)
    with tempfile.TemporaryDirectory() as folder:
        results["report files, docx"] = timed(lambda: write_reports(doc, ["docx"], Path(folder)), 3)
        results["report files, pdf"] = timed(lambda: write_reports(doc, ["pdf"], Path(folder)), 3)
    print(f"machine: {machine()}")
    print(f"document: {len(doc.projects)} projects, {len(doc.reports)} reports, {sections} sections, "
          f"{characters} characters of drafted text")
    for name, value in results.items():
        print(f"{name:58s} {value:9.2f} ms")
    return results


if __name__ == "__main__":
    main()
