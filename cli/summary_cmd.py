"""`main.py summary DIR... --out 汇总.xlsx`: a finance bureau's view of all its units' documents at once.

Exit codes: 0 written (units that could not be read are listed in it, and named on stderr); 2 nothing to
summarise; 3 the workbook cannot be written.
"""
from __future__ import annotations

import sys
from typing import Optional, TextIO

EXIT_OK, EXIT_NOTHING, EXIT_UNWRITABLE = 0, 2, 3


def run(names: list[str], out: str, with_office: bool = False, stdout: Optional[TextIO] = None,
        stderr: Optional[TextIO] = None) -> int:
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr  # looked up now: tests and the bundle swap them
    from exporters.common import ExportError
    from exporters.summary_xlsx import write_summary
    from model.evaluation import evaluate

    from .outputs import EXIT_ARGUMENT, wrong_kind
    from .sources import open_sources
    from .summary import summarize
    if wrong_kind(out, ".xlsx", "--out", "汇总.xlsx", stderr):
        return EXIT_ARGUMENT

    summaries, failures = [], []
    for source in open_sources(names, with_office):
        if source.doc is None:
            failures.append((source.path, source.error))
            stderr.write(f"无法读取 {source.path}：{source.error}\n")
            continue
        summaries.append(summarize(source.doc, evaluate(source.doc), source.path))
    if not summaries and not failures:
        stderr.write(f"没有找到文档：{'、'.join(names)}\n")
        return EXIT_NOTHING
    try:
        path = write_summary(summaries, failures, out)
    except ExportError as error:
        stderr.write(f"无法写入汇总表：{error}\n")
        return EXIT_UNWRITABLE
    ready = sum(1 for s in summaries if s["submission"]["ready"])
    stdout.write(f"{path}\n共 {len(summaries) + len(failures)} 个单位：可以提交 {ready} 个，尚需处理 "
                 f"{len(summaries) - ready} 个，无法读取 {len(failures)} 个\n")
    return EXIT_OK
