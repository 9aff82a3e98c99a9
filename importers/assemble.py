"""From office files to one document, and the 导入报告 saying what went where and what was not understood."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from model import paths
from model.document import (FORM_COMPREHENSIVE, BasicDataForm, Document, OverallForm, ProjectForm, UnitInfo,
                            form_title, ordered_indicators)
from model.comprehensive import ComprehensiveForm
from model.fields import field_label
from model.framework_file import framework_for_year
from model.records import record_out
from model.registry import FieldKind, spec_of, specs
from model.layout.attachments import attachment_numbers

from . import read_office
from .frameworks import choose, level2_in
from .read_basic import BasicRead, read_basic
from .read_comprehensive import ComprehensiveRead, read_comprehensive
from .read_report import ReportRead, read_report
from .read_scored import ScoredRead, read_scored
from .reports import add_reports
from .rows import rows_of
from .segments import Segment, split
from .values import year_in

_YEAR_LINE = re.compile(r"^\((?:19|20)\d{2}年度?\)$")
_OUR_FILE = re.compile(r"^(?P<unit>.+?)-(?P<year>(?:19|20)\d{2})年度")  # exporters.common.output_stem
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
DEFAULT_YEAR = 2024


@dataclass
class ImportReport:
    sources: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # 部门整体支出绩效自评表（x.docx） …
    read: list[tuple[str, str, str]] = field(default_factory=list)  # (form, field, value) filled
    not_understood: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    notes: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return bool(self.forms) and not self.not_understood


class _Builder:
    def __init__(self):
        self.report = ImportReport()
        self.unit: dict[str, str] = {}
        self.labels: dict[str, object] = {}
        self.year: Optional[int] = None
        self.basic: Optional[BasicRead] = None
        self.scored: list[tuple[Segment, ScoredRead]] = []
        self.attachments: dict[str, Optional[int]] = {}
        self.titles: dict[str, str] = {}
        self.reports: list[tuple[ReportRead, str]] = []
        self.comprehensive: Optional[ComprehensiveRead] = None

    def add_source(self, path: Path) -> None:
        text = read_office(path)
        self.report.sources.append(text.name)
        self.report.notes.extend(text.notes)
        segments, outside = split(rows_of(text))
        for row in outside:
            for cell in row.nonempty():
                self.report.not_understood.append((row.where, f"（不属于任何表）{cell.text.strip()[:60]}"))
        for segment in segments:
            self._segment(segment, text.name)

    def _segment(self, segment: Segment, source: str) -> None:
        for row in segment.rows:
            cells = row.nonempty()
            if len(cells) <= 2:
                for cell in cells:
                    if _YEAR_LINE.match(cell.key):
                        segment.year = segment.year or year_in(cell.text)
                        segment.use(cell)
                    elif cell.key.startswith("填报单位:"):  # 填报单位：（盖章）  （2023年度） in one line
                        segment.year = segment.year or year_in(cell.text)
                        segment.use(cell)
        self.year = self.year or segment.year
        key = segment.kind if segment.kind != "project" else "projects"
        if segment.kind == "report":
            self.reports.append((read_report(segment, segment.heading), source))
            return
        if segment.kind == "comprehensive":
            segment.title = segment.title or form_title(Document(UnitInfo()), FORM_COMPREHENSIVE)
        else:
            self.attachments.setdefault(key, segment.attachment)
            self.titles.setdefault(segment.kind, segment.title)
        self.report.forms.append(f"{segment.title}（{source}）")
        if segment.kind == "comprehensive":
            if self.comprehensive is not None:
                self.report.forms.pop()
                self.report.not_understood.append((source, f"又一张{segment.title}：一份文档只有一张，这一张未导入"))
                return
            self.comprehensive = read_comprehensive(segment)
            self.unit.update({k: v for k, v in self.comprehensive.unit.items() if v and k not in self.unit})
            problems = self.comprehensive.problems
        elif segment.kind == "basic":
            self.basic = read_basic(segment)
            self.unit.update({k: v for k, v in self.basic.unit.items() if v})
            self.labels.update(self.basic.labels)
            problems = self.basic.problems
        else:
            read = read_scored(segment)
            if segment.kind == "project" and _blank_template(read):
                self.report.forms.pop()
                self.report.notes.append(f"“{source}”中有一张未填写的项目支出绩效自评表（空白模板），未导入")
                segment.use(*[c for row in segment.rows for c in row.nonempty()])
                return
            self.scored.append((segment, read))
            self.unit.update({k: v for k, v in read.unit.items() if v and k not in self.unit})
            self.labels.update(read.labels)
            problems = read.problems
        for where, message in problems:
            self.report.not_understood.append((where, message))
        for where, text in segment.leftovers():
            self.report.not_understood.append((where, text[:60]))

    # --- the document ---
    def document(self) -> Document:
        self._from_file_names()
        year = self.year or DEFAULT_YEAR
        if self.year is None:
            self.report.notes.append(f"表上和文件名中都没有年度，已取为 {year} 年，请在单位信息中核对")
        unit = UnitInfo(year=year)
        for name, value in self.unit.items():
            if hasattr(unit, name):
                setattr(unit, name, value)
        doc = Document(unit)
        counter = iter(range(1, 10 ** 6))

        def new_id(prefix: str) -> str:
            return f"{prefix}{next(counter)}"

        if self.basic is not None:
            doc.basic = self._basic(self.basic, new_id)
        if self.comprehensive is not None:
            self._comprehensive(doc, self.comprehensive.form, new_id)
        for segment, read in self.scored:
            framework = choose(read.indicators, read.funding_points, year)
            if framework.id in doc.frameworks and doc.frameworks[framework.id] != framework:
                framework = _renamed(framework, len(doc.frameworks) + 1)
            doc.frameworks.setdefault(framework.id, framework)
            if segment.kind == "overall":
                form = OverallForm(framework_id=framework.id)
                doc.overall = form
                key = "overall"
            else:
                form = ProjectForm(new_id("p"), framework.id)
                doc.projects.append(form)
                key = f"projects[{form.id}]"
            self._fill(doc, key, form, read.values)
            for item in read.indicators:
                row = item.row
                row.id = new_id("r")
                row.level2 = level2_in(framework, row.level1, row.level2)
                form.indicators.append(row)
            form.indicators = ordered_indicators(form, framework)
            self.report.read.append((key, "绩效指标", f"{len(form.indicators)} 行"))
        self._labels(doc)
        add_reports(doc, self.reports, new_id, self.report.read, self.report.not_understood, self.report.notes)
        return doc

    def _from_file_names(self) -> None:
        """Unit and year when no form prints them (the 怀化 form prints neither its unit nor, in seed 001, its
        year): our export names its files 单位-2023年度绩效自评; any file name may at least carry the year."""
        for name in self.report.sources:
            stem = Path(name).stem
            ours = _OUR_FILE.match(stem)
            if ours and not self.unit.get("name") and ours.group("unit").strip() != "未命名单位":
                self.unit["name"] = ours.group("unit").strip()
                self.report.notes.append(f"表上没有单位名称，按文件名“{name}”取为“{self.unit['name']}”，请核对")
            found = ours.group("year") if ours else next(iter(_FILE_YEAR.findall(stem)), None)
            if found and self.year is None:
                self.year = int(found)
                self.report.notes.append(f"表上没有年度，按文件名“{name}”取为 {self.year} 年，请核对")
        if not self.unit.get("name"):
            self.report.notes.append("表上没有单位名称，请在单位信息中填写")

    def _comprehensive(self, doc: Document, form: ComprehensiveForm, new_id) -> None:
        """The 怀化 form with ids, on the framework of its year (which gives the 评价等次 bands)."""
        framework = framework_for_year(doc.unit.year)[0]
        doc.frameworks.setdefault(framework.id, framework)
        form.framework_id = framework.id if doc.frameworks[framework.id] == framework else next(iter(doc.frameworks))
        for prefix, rows in (("o", form.organisations), ("r", form.indicators), ("e", form.evaluators)):
            for row in rows:
                row.id = new_id(prefix)
        doc.comprehensive = form
        key = FORM_COMPREHENSIVE
        for name, spec in specs(ComprehensiveForm):
            value = getattr(form, name)
            if spec.kind in (FieldKind.RECORDS, FieldKind.FRAMEWORK):
                continue
            if spec.kind is FieldKind.RECORD:
                value = "；".join(v for v in record_out(value).values() if v)
            if value not in (None, ""):
                self.report.read.append((key, spec.label, str(value)[:60]))
        for name in ("organisations", "indicators", "evaluators"):
            self.report.read.append((key, spec_of(ComprehensiveForm, name).label, f"{len(getattr(form, name))} 行"))

    def _basic(self, read: BasicRead, new_id) -> BasicDataForm:
        basic = BasicDataForm(show_unit_name=read.show_unit_name)
        for path, value in read.values.items():
            if value is not None and value != "":
                paths.put(basic, path, value)
                self.report.read.append(("basic", field_label(f"basic.{path}"), str(value)))
        for name in ("special_rows", "transfer_rows"):
            for row in getattr(read, name):
                row.id = new_id("s" if name == "special_rows" else "t")
                getattr(basic, name).append(row)
        return basic

    def _fill(self, doc: Document, key: str, form, values: dict) -> None:
        for path, value in values.items():
            if value is None or value == "":
                continue
            paths.put(form, path, value)
            self.report.read.append((key, field_label(f"{key}.{path}"), str(value)))

    def _labels(self, doc: Document) -> None:
        labels = doc.labels
        for name, value in self.labels.items():
            if hasattr(labels, name) and isinstance(value, (str, bool)) and value != "":
                setattr(labels, name, value)
        if self.basic is not None:
            labels.show_empty_transfer = self.basic.transfer_row_printed
        for kind, title in self.titles.items():
            if kind in ("basic", "overall"):
                setattr(labels, f"{kind}_title", title)
        auto = attachment_numbers(doc)
        for key, printed in self.attachments.items():
            field_name = {"basic": "attachment_basic", "overall": "attachment_overall",
                          "projects": "attachment_project"}[key]
            if printed != auto.get(key):
                setattr(labels, field_name, printed if printed is not None else 0)
                auto = attachment_numbers(doc)


def _blank_template(read: ScoredRead) -> bool:
    """A project form left as the template prints it (seed 004: 项目支出名称 “/”, rows of ……)."""
    name = str(read.values.get("name") or "").strip(" /")
    figures = [v for k, v in read.values.items() if k != "name" and v not in (None, "", "/")
               and not k.startswith(("department", "implementer"))]
    rows = [i for i in read.indicators if i.row.name.strip(" /…") or i.row.target or i.row.actual]
    return not name and not rows and all(not isinstance(v, str) or not v.strip(" /") for v in figures) and not [
        v for v in figures if not isinstance(v, str)]


def _renamed(framework, number: int):
    import dataclasses
    return dataclasses.replace(framework, id=f"imported-{number}", _by_name={})


def import_files(sources: Iterable[str | Path]) -> tuple[Document, ImportReport]:
    """One document from the forms found in ``sources`` (ImportRefused when a source cannot be read)."""
    builder = _Builder()
    for source in sources:
        builder.add_source(Path(source))
    if not builder.basic and not builder.scored and builder.comprehensive is None:
        from .safety import ImportRefused
        names = "、".join(builder.report.sources)
        if builder.reports:
            raise ImportRefused(f"在“{names}”中只找到自评报告，没有找到绩效自评表：请把各表与报告一起导入"
                                f"（如“…绩效自评.docx”和“…自评报告.docx”）")
        raise ImportRefused(f"在“{names}”中没有找到绩效自评表（按表名查找：整体支出绩效评价基础数据表、部门整体支出绩效自评表、"
                            f"项目支出绩效自评表）")
    return builder.document(), builder.report


__all__ = ["ImportReport", "import_files"]
