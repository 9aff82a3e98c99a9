"""`main.py new-year FILE --out NEW.jxzp [--framework keep|fit|ID]`: next year started from this year.

Exit codes: 0 written; 2 the document cannot be read (or the framework is unknown); 3 NEW cannot be written
or exists (give --force to replace it).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, TextIO

from .documents import load_document
from .outputs import refuse_output

EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE = 0, 2, 3


def run(file: str, out: str, framework: str = "keep", force: bool = False, stdout: Optional[TextIO] = None,
        stderr: Optional[TextIO] = None) -> int:
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr  # looked up now: tests and the bundle swap them
    from model import storage
    from model.framework import FormatError, builtin_framework
    from model.new_year import fitting_framework_id, next_year

    target = Path(out)
    refused = refuse_output(out, force, stderr)
    if refused is not None:
        return refused
    doc = load_document(file, stderr)
    if doc is None:
        return EXIT_UNREADABLE
    chosen = None
    if framework != "keep":
        ident = fitting_framework_id(doc.unit.year + 1) if framework == "fit" else framework
        try:
            chosen = builtin_framework(ident)
        except FormatError as error:
            stderr.write(f"错误：{error}\n")
            return EXIT_UNREADABLE
    new = next_year(doc, chosen)
    try:
        storage.save(new, target)
    except storage.DocumentError as error:
        stderr.write(f"{error}\n")
        return EXIT_UNWRITABLE
    texts = f"；{len(new.carried)} 段上年的文字（报告各节等）标为“上年文字”，待按本年度修改" if new.carried else ""
    if chosen is not None:
        from model.evaluation import evaluate
        misfits = sum(1 for f in evaluate(new).findings if f.code == "indicator.unknown_group")
        texts += f"；各表改用指标体系“{chosen.name}”" + (
            f"，{misfits} 行指标归不进新体系，已保留在表末，请在窗口中右键“移到其他类别”" if misfits else "")
    stdout.write(f"{target}\n{new.unit.name or '未命名单位'} {new.unit.year}年度：{len(new.projects)} 个项目，"
                 f"指标和年度指标值沿用 {doc.unit.year} 年，实际完成值、得分和各项资金数已清空{texts}\n")
    return EXIT_OK
