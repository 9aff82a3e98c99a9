"""`main.py check FILE...`: scores and findings of each document, as text or JSON lines."""
from __future__ import annotations

import json
import sys
from typing import Optional, TextIO

from model.evaluation import evaluate
from model.evaluation import PROVISIONAL_MARK
from model.findings import GROUP_LABELS, GROUP_SUBMISSION, SEVERITY_LABELS

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
        mark = PROVISIONAL_MARK if form["provisional"] else ""
        out.write(f"  总分 {form['total_score']}{mark}　等次 {form['grade']}{mark}\n")
        if form["provisional"]:
            out.write(f"  总分与等次待核：本表有 {len(form['provisional_reasons'])} 处分值或得分结构错误，改正后才能确定\n")
    findings = summary["findings"]
    errors = sum(1 for f in findings if f["severity"] == "error")
    out.write(f"\n审核结果：{errors} 个错误，{len(findings) - errors} 个提示\n")
    out.write(f"提交前检查：{summary['submission']['status']}\n")
    submission = [f for f in findings if f["group"] == GROUP_SUBMISSION]
    others = [f for f in findings if f["group"] != GROUP_SUBMISSION]
    if submission:
        out.write(f"\n【{GROUP_LABELS[GROUP_SUBMISSION]}】{len(submission)} 处未填或留有模板文字\n")
        for finding in submission:
            out.write(f"  [{SEVERITY_LABELS[finding['severity']]}] {finding['message']}\n")
    if others and submission:
        out.write("\n【其他审核结果】\n")
    for finding in others:
        out.write(f"  [{SEVERITY_LABELS[finding['severity']]}] {finding['message']}\n")


def run(files: list[str], as_json: bool, out: Optional[TextIO] = None, err: Optional[TextIO] = None,
        with_office: bool = False) -> int:
    out, err = out or sys.stdout, err or sys.stderr  # looked up now: tests and the bundle swap them
    from .sources import open_sources
    code = EXIT_OK
    printed = 0
    for source in open_sources(files, with_office):
        if source.doc is None:
            err.write(f"无法读取 {source.path}：{source.error}\n")
            code = EXIT_UNREADABLE
            continue
        summary = summarize(source.doc, evaluate(source.doc), source.path)
        if as_json:
            out.write(json.dumps(summary, ensure_ascii=False) + "\n")
        else:
            if printed:
                out.write("\n" + "─" * 40 + "\n")
            _print_text(summary, out)
        printed += 1
        if any(f["severity"] == "error" for f in summary["findings"]) and code == EXIT_OK:
            code = EXIT_ERRORS
    if not printed and code == EXIT_OK:
        err.write(f"没有找到文档：{'、'.join(files)}\n")
        code = EXIT_UNREADABLE
    return code
