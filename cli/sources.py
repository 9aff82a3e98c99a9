"""What the bureau's commands read: documents named one by one or folders of them, opened alike.

A folder stands for every .jxzp inside it (sub-folders included, in name order); with ``with_office`` also
the units' Excel/Word files, each imported on its own (one unit's set per file) — together with the report
files our export writes beside it (某单位-2024年度整体支出绩效自评报告.docx beside 某单位-2024年度绩效自评.docx). Each source gives either a
document or the Chinese reason it could not be read, never an exception.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from model import storage
from model.document import Document
from model.report import REPORT_KINDS

OFFICE_SUFFIXES = (".xlsx", ".docx", ".xlsm", ".docm", ".xls", ".doc")


@dataclass
class Source:
    path: str
    doc: Optional[Document] = None
    error: Optional[str] = None
    imported: bool = False


def expand(names: list[str], with_office: bool = False) -> list[str]:
    """Files in the order given, each folder replaced by its documents (and office files)."""
    wanted = (storage.EXTENSION,) + (OFFICE_SUFFIXES if with_office else ())
    result: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted
                           and not p.name.startswith((".", "~$")))  # hidden, and Office's own lock files
            result.extend(str(p) for p in found)
        else:
            result.append(name)
    return result


def companions(names: list[str]) -> dict[str, list[str]]:
    """The report files our export writes beside a unit's forms, by the forms' file: 某单位-2024年度整体支出绩效自评报告.docx
    goes with 某单位-2024年度绩效自评.docx (or .xlsx) in the same folder, and is not read on its own."""
    forms = {(str(Path(n).parent), Path(n).stem): n for n in names if Path(n).suffix.lower() in OFFICE_SUFFIXES}
    result: dict[str, list[str]] = {}
    for name in names:
        stem = Path(name).stem
        for report in REPORT_KINDS.values():  # the stems of exporters.report_export.report_stem
            owner = forms.get((str(Path(name).parent), stem.removesuffix(report) + "绩效自评")) \
                if stem.endswith(report) else None
            if owner is not None and owner != name:
                result.setdefault(owner, []).append(name)
    return result


def open_sources(names: list[str], with_office: bool = False) -> Iterator[Source]:
    expanded = expand(names, with_office)
    beside = companions(expanded) if with_office else {}
    taken = {name for group in beside.values() for name in group}
    for name in expanded:
        suffix = Path(name).suffix.lower()
        if with_office and suffix in OFFICE_SUFFIXES:
            if name in taken:
                continue  # read with its unit's forms
            from importers import ImportRefused
            from importers.assemble import import_files
            try:
                doc, _ = import_files([name, *beside.get(name, [])])
            except ImportRefused as error:
                yield Source(name, error=str(error), imported=True)
                continue
            yield Source(name, doc, imported=True)
            continue
        try:
            yield Source(name, storage.load(name))
        except storage.DocumentError as error:
            yield Source(name, error=str(error))
