"""`main.py check FILE...`: scores and findings of each document, as text or JSON lines."""
from __future__ import annotations

import json
import sys
from typing import TextIO

from model import storage
from model.evaluation import evaluate
from model.findings import SEVERITY_LABELS

from .summary import summarize

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def _print_text(summary: dict, out: TextIO) -> None:
    out.write(f"文件：{summary['file']}\n单位：{summary['unit']}　年度：{summary['year']}\n")
    for form in summary["forms"]:
        out.write(f"\n【{form['title']}】\n")
        if form["form"] == "basic_data":
            rate = form["control_rate"]
            out.write(f"  控制率 {rate + '%' if rate else '—'}\n")
            continue
        if form["form"] == "comprehensive":  # 怀化: a typed 综合得分, no funding row
            out.write(f"  综合得分 {form['total_score'] or '—'}　等次 {form['grade'] or '—'}\n")
            continue
        rate = form["execution_rate"]
        out.write(f"  执行率 {rate + '%' if rate else '—'}　资金执行得分 {form['funding_score']}"
                  f"（分值 {form['funding_points']}）\n")
        out.write("  " + "　".join(f"{name} {value}" for name, value in form["subtotals"].items()) + "\n")
        out.write(f"  总分 {form['total_score']}　等次 {form['grade']}\n")
    findings = summary["findings"]
    errors = sum(1 for f in findings if f["severity"] == "error")
    out.write(f"\n审核结果：{errors} 个错误，{len(findings) - errors} 个提示\n")
    for finding in findings:
        out.write(f"  [{SEVERITY_LABELS[finding['severity']]}] {finding['message']}\n")


def run(files: list[str], as_json: bool, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    code = EXIT_OK
    for index, file in enumerate(files):
        try:
            doc = storage.load(file)
        except storage.DocumentError as error:
            err.write(f"无法读取 {file}：{error}\n")
            code = EXIT_UNREADABLE
            continue
        summary = summarize(doc, evaluate(doc), file)
        if as_json:
            out.write(json.dumps(summary, ensure_ascii=False) + "\n")
        else:
            if index:
                out.write("\n" + "─" * 40 + "\n")
            _print_text(summary, out)
        if any(f["severity"] == "error" for f in summary["findings"]) and code == EXIT_OK:
            code = EXIT_ERRORS
    return code
