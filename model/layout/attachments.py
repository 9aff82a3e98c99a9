"""附件 numbers printed above the forms (附件1 基础数据表, 附件2 整体自评表, 附件3 项目表 …).

The forms are numbered in print order, all project forms sharing one number (seed 003: “3. 项目支出绩效
自评表（每个一级项目一张表）”); the unit may set any number itself (seed 000 numbers its 整体表 附件1 and
its 项目表 附件3, the reports being 附件2 and 附件4), or 0 to print no 附件 line (seed 002).
"""
from __future__ import annotations

from typing import Optional

from ..document import FORM_BASIC, FORM_OVERALL, Document


def attachment_numbers(doc: Document) -> dict[str, Optional[int]]:
    """附件 number by form key (``projects`` for every project form); None: no 附件 line."""
    labels = doc.labels
    wanted = []
    if doc.basic is not None:
        wanted.append((FORM_BASIC, labels.attachment_basic))
    if doc.overall is not None:
        wanted.append((FORM_OVERALL, labels.attachment_overall))
    if doc.projects:
        wanted.append(("projects", labels.attachment_project))
    numbers: dict[str, Optional[int]] = {}
    last = 0
    for key, chosen in wanted:
        number = last + 1 if chosen is None else chosen
        numbers[key] = number or None
        last = number or last
    return numbers


def attachment_text(doc: Document, key: str) -> Optional[str]:
    """“附件2” for the form ``key`` (a project's key counts as ``projects``), None for no line."""
    number = attachment_numbers(doc).get("projects" if key.startswith("projects[") else key)
    return None if number is None else f"附件{number}"
