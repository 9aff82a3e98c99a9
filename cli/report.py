"""`main.py report FILE [--draft] [--out NEW.jxzp]`: the 自评报告 headless — print them, or draft them.

``--draft`` makes the reports the document lacks (the 整体 report when it has an overall form, a 项目 report
per project) and drafts every section that is empty or still an unedited draft from the forms; sections
holding the user's own text are left as they are. The result is saved to ``--out`` (default: FILE itself,
atomically).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, TextIO

from model import storage
from model.edits import EditError
from model.evaluation import evaluate
from model.jsonread import FormatError
from model.report import full_heading, ordered_reports, paragraphs, report_key, report_title, section_numbers

from .documents import load_document

EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE = 0, 2, 3


def _print_reports(doc, out: TextIO) -> None:
    reports = ordered_reports(doc)
    if not reports:
        hint = "加 --draft 可按各表起草" if doc.overall is not None or doc.projects else \
            "本文档没有部门整体支出绩效自评表和项目表，没有可起草的报告（怀化综合表的评价报告综述在表内填写）"
        out.write(f"文档中还没有自评报告；{hint}。\n")
        return
    for index, report in enumerate(reports):
        if index:
            out.write("\n" + "─" * 40 + "\n")
        out.write(f"【{report_title(doc, report_key(report.id))}】\n")
        if report.attachment:
            out.write(f"附件{report.attachment}\n")
        out.write(f"{report.title}\n")
        if report.subtitle.strip():
            out.write(f"{report.subtitle}\n")
        for number, section in zip(section_numbers(report.sections), report.sections):
            mark = "（草稿）" if section.draft and section.text.strip() else ""
            out.write(f"{full_heading(number, section)}{mark}\n")
            for paragraph in paragraphs(section.text):
                out.write(f"　　{paragraph}\n")


def _list_outlines(out: TextIO) -> None:
    from model.outline import builtin_outlines
    from model.report import REPORT_KINDS
    for outline in builtin_outlines().values():
        out.write(f"{outline.id}\t{REPORT_KINDS[outline.kind]}\t{outline.name}\n")


def run(file: Optional[str], draft: bool, out_path: Optional[str], outline: Optional[str] = None,
        project_outline: Optional[str] = None, list_outlines: bool = False,
        stdout: Optional[TextIO] = None, stderr: Optional[TextIO] = None) -> int:
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr  # looked up now: tests and the bundle swap them
    if list_outlines:
        try:
            _list_outlines(stdout)
        except FormatError as error:
            stderr.write(f"错误：{error}\n")
            return EXIT_UNREADABLE
        return EXIT_OK
    if file is None:
        stderr.write("错误：缺少文档（FILE）\n")
        return EXIT_UNREADABLE
    doc = load_document(file, stderr)
    if doc is None:
        return EXIT_UNREADABLE
    if not draft:
        _print_reports(doc, stdout)
        return EXIT_OK
    from model.report import OVERALL, PROJECT
    from model.report_draft import AllReportsMade, chosen_outline, create_reports, draft_all
    try:  # a named outline must exist and fit, whether or not a report is still to be made
        for ident, kind in ((outline, OVERALL), (project_outline, PROJECT)):
            if ident:
                chosen_outline(ident, kind)
    except EditError as error:
        stderr.write(f"错误：{error}\n")
        return EXIT_UNREADABLE
    made = 0
    try:
        if doc.overall is not None or doc.projects:
            try:
                edit = create_reports(doc, evaluate(doc), outline=outline, project_outline=project_outline)
                edit.apply(doc)
                made = len(edit.edits)
            except AllReportsMade:
                pass  # drafting then fills what is still blank
    except (EditError, FormatError) as error:
        stderr.write(f"错误：{error}\n")
        return EXIT_UNREADABLE
    if not doc.reports:
        stdout.write("文档中没有部门整体支出绩效自评表或项目支出绩效自评表，没有可起草的报告。\n")
        return EXIT_OK
    result = draft_all(doc, evaluate(doc))
    if result.edit is not None:
        result.edit.apply(doc)
    target = Path(out_path) if out_path else Path(file)
    try:
        storage.save(doc, target)
    except storage.DocumentError as error:
        stderr.write(f"保存失败：{error}\n")
        return EXIT_UNWRITABLE
    stdout.write(f"新建报告 {made} 份，起草 {result.drafted} 节")
    stdout.write(f"，保留已有文字 {len(result.kept)} 节" if result.kept else "")
    stdout.write(f"，保存到 {target}\n")
    return EXIT_OK
