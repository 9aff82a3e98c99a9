"""`main.py import SOURCE... --out FILE.jxzp`: last year's (or anyone's) filled forms into a document.

Exit codes: 0 every form found was read completely; 1 the document was written but some cells were not
understood (listed in the 导入报告); 2 a source cannot be read or is refused (nothing written); 3 the
document cannot be written (or exists and --force was not given).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional, TextIO

from .outputs import refuse_output

EXIT_OK, EXIT_PARTIAL, EXIT_REFUSED, EXIT_UNWRITABLE = 0, 1, 2, 3


def _report_text(report, evaluation, out_path: Path) -> str:
    lines = ["导入报告", f"来源：{'、'.join(report.sources)}", f"找到的表：{'；'.join(report.forms)}",
             f"读入 {len(report.read)} 项内容。"]
    for note in report.notes:
        lines.append(f"说明：{note}")
    if report.not_understood:
        lines.append(f"未能识别的内容 {len(report.not_understood)} 处（请打开文档核对）：")
        lines += [f"  {where}：{text}" for where, text in report.not_understood]
    else:
        lines.append("所有内容均已识别。")
    errors, warnings = evaluation.counts()
    lines.append(f"审核：{errors} 个错误，{warnings} 个提示（用 python main.py check 查看）")
    lines.append(f"已写入：{out_path}")
    return "\n".join(lines) + "\n"


def run(sources: list[str], out: str, as_json: bool = False, force: bool = False,
        stdout: Optional[TextIO] = None, stderr: Optional[TextIO] = None) -> int:
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr  # looked up now: tests and the bundle swap them
    from importers import ImportRefused
    from importers.assemble import import_files
    from model import storage
    from model.evaluation import evaluate

    target = Path(out)
    refused = refuse_output(out, force, stderr)
    if refused is not None:
        return refused
    try:
        doc, report = import_files(sources)
    except ImportRefused as error:
        stderr.write(f"无法导入：{error}\n")
        return EXIT_REFUSED
    try:
        storage.save(doc, target)
    except storage.DocumentError as error:
        stderr.write(f"{error}\n")
        return EXIT_UNWRITABLE
    evaluation = evaluate(doc)
    if as_json:
        errors, warnings = evaluation.counts()
        stdout.write(json.dumps({"out": str(target), "sources": report.sources, "forms": report.forms,
                                 "read": [{"form": f, "field": n, "value": v} for f, n, v in report.read],
                                 "not_understood": [{"where": w, "text": t} for w, t in report.not_understood],
                                 "notes": report.notes, "errors": errors, "warnings": warnings},
                                ensure_ascii=False) + "\n")
    else:
        stdout.write(_report_text(report, evaluation, target))
    return EXIT_OK if report.complete else EXIT_PARTIAL
