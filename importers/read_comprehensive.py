"""Reading a printed 怀化 部门（单位）整体支出绩效自评表 (seed 001) by its section headings and labels.

The form is one long table: 一、基本概况 (联系人 … 实有人数 and three long texts, each right of its label);
二、收支情况 (four money tables, each found by its 机构名称 heading row, its columns by their headings —
收入合计, 上年结转 … — its rows by the 机构 names); 三、自评情况 (定性 预期目标／实际完成, the 定量 rows
under 一级指标 … 完成情况 with 一级/二级 carried down and blank rows kept, 绩效自评综合得分, 评价等次);
四、评价人员 (the table under 姓名, then the signature blocks, each found by its label: the opinion, the
signer's line and the date, in one cell as seed 001 has them or in cells of their own as our export prints
them); 填报人 and 联系电话; 五、评价报告综述 (the text in or under its heading). The 局机关及二级机构汇总 row is
computed from the 机构 rows: a printed 汇总 that disagrees with them is listed, never imported.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Optional

from model.comprehensive import (TABLE_CLASSES, TABLE_TITLES, ComprehensiveForm, Evaluator, Organisation,
                                 QuantitativeRow, summed)
from model.layout.comprehensive import SECTIONS, TABLE_HEADINGS
from model.money import fmt_plain
from model.registry import FieldKind, label_of, spec_of

from .rows import Row, RowCell, clean, norm
from .segments import FormReader, Segment
from .values import footer_fields

_NUMBER = re.compile(r"^\d{1,2}[、.．]\s*")
_DATE = re.compile(r"^(?:\d{4})?年\d{0,2}月\d{0,2}日$")  # 2024 年 4 月 15 日, or 年 月 日 left to write by hand
SUMMARY_NAMES = ("局机关及二级机构汇总", "汇总", "合计")
# Other wordings of the money tables' column headings (the registry's label is always accepted)
VARIANTS = {("income", "public_finance"): ("一般公共预算拨款", "财政拨款"), ("income", "gov_fund"): ("政府性基金拨款",),
            ("income", "other"): ("其他",), ("three_public", "total"): ("合计",),
            ("three_public", "vehicle_operation"): ("公务用车运行维护费",)}
SIGNATURES = (("leader", "评价组组长(签字)"), ("department", "部门(单位)意见"), ("finance", "财政部门归口业务科室意见"))
_OPTIONAL_WORDS = re.compile(r"^部门|\(单位\)|\(文字部分\)")  # 一、基本概况 is 一、部门（单位）基本概况


def _section_key(text: str) -> str:
    return _OPTIONAL_WORDS.sub("", text)


SECTION_KEYS = tuple(_section_key(norm(text).split("、", 1)[1]) for text in SECTIONS)  # 基本概况 … 评价报告综述


@dataclass
class ComprehensiveRead:
    form: ComprehensiveForm = field(default_factory=ComprehensiveForm)  # ids still empty
    unit: dict[str, str] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)
    read: list[tuple[str, str]] = field(default_factory=list)  # (field, value) for the 导入报告


def section_of(key: str) -> Optional[int]:
    """0 … 4 for a row heading 一、部门（单位）基本概况 … 五、评价报告综述（文字部分）, else None."""
    match = re.match(r"^([一二三四五])、(.*)$", key)
    if not match:
        return None
    number = "一二三四五".index(match.group(1))
    return number if _section_key(match.group(2)).startswith(SECTION_KEYS[number]) else None


def _name_cell(row: Row) -> Optional[RowCell]:
    """The 机构名称 column of a money table's row (the first grid column)."""
    return next((cell for cell in row.cells if cell.col == 0), None)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")


class ComprehensiveReader(FormReader):
    def __init__(self, segment: Segment):
        self.result = ComprehensiveRead()
        self.form = self.result.form
        super().__init__(segment, self.result.problems)

    # --- small tools ---
    def sections(self) -> list[tuple[int, int, int]]:
        """(section number, first row, end row) of each section heading found, in order."""
        found = []
        for index, row in enumerate(self.rows):
            cells = row.nonempty()
            if len(cells) == 1 and cells[0].first:
                number = section_of(norm(cells[0].text.split("\n")[0]))
                if number is not None and (not found or number > found[-1][0]):
                    found.append((number, index))
                    self.segment.use(cells[0])
        return [(number, start, found[i + 1][1] if i + 1 < len(found) else len(self.rows))
                for i, (number, start) in enumerate(found)]

    # --- the form ---
    def run(self) -> ComprehensiveRead:
        parts = {number: (start, end) for number, start, end in self.sections()}
        readers = (self.basic_info, self.money, self.evaluation, self.evaluators, self.summary)
        for number, reader in enumerate(readers):
            if number in parts:
                reader(*parts[number])
            elif number < 4:
                self.result.problems.append((self.segment.title or "综合自评表", f"找不到“{SECTIONS[number]}”一节"))
        for row in self.rows:
            text = " ".join(c.text for c in row.nonempty())
            if "填报人" in text and "联系电话" in text:
                self.result.unit.update(footer_fields(_nfkc(text)))
                self.segment.use(*row.nonempty())
        return self.result

    # 一、基本概况
    def basic_info(self, start: int, end: int) -> None:
        wanted = {norm(spec_of(ComprehensiveForm, name).label): name for name in
                  ("contact", "contact_phone", "staff_authorized", "staff_actual", "duties", "main_work",
                   "achievements")}
        wanted[norm("联系电话")] = "contact_phone"
        for row in self.rows[start + 1:end]:
            for cell in row.nonempty():
                name = wanted.get(cell.key)
                if name is None or not cell.first:
                    continue
                value = row.right_of(cell)
                self.segment.use(cell, value)
                kind = spec_of(ComprehensiveForm, name).kind
                if kind.numeric:
                    setattr(self.form, name, self.figure(row, value, kind, spec_of(ComprehensiveForm, name).label))
                else:
                    setattr(self.form, name, clean(value.text) if value is not None else "")

    # 二、收支情况
    def money(self, start: int, end: int) -> None:
        headings = {norm(text) for text in TABLE_HEADINGS.values()}
        organisations: dict[str, Organisation] = {}
        printed: list[tuple[Row, str, Organisation]] = []
        index = start + 1
        while index < end:
            row = self.rows[index]
            cells = row.nonempty()
            if len(cells) == 1 and cells[0].key in headings:
                self.segment.use(cells[0])
            name_cell = row.find("机构名称")
            if name_cell is None or not name_cell.first:
                index += 1
                continue
            table, columns, index = self.table_header(index, end)
            if table is None:
                self.problem(row, "收支情况：这张表的栏目认不出是收入、支出、三公经费还是固定资产")
                continue
            while index < end and self.rows[index].find("机构名称") is None and not (
                    len(self.rows[index].nonempty()) == 1 and self.rows[index].nonempty()[0].key in headings):
                self.money_row(self.rows[index], table, columns, organisations, printed)
                index += 1
        self.form.organisations = list(organisations.values())
        self.compare_summaries(printed)

    def table_header(self, at: int, end: int) -> tuple[Optional[str], dict[str, RowCell], int]:
        """The table whose heading rows start at ``at``, its columns (attribute → heading cell), the first data row."""
        index, header_rows = at, []
        while index < end:
            row = self.rows[index]
            name = _name_cell(row)
            if index > at and name is not None and name.first and name.key and name.key != norm("机构名称"):
                break  # a 机构 row
            header_rows.append(row)
            index += 1
        table, columns = None, {}
        for name, cls in TABLE_CLASSES.items():
            found = {}
            for attribute in (f.name for f in fields(cls)):
                texts = {norm(label_of(cls, attribute)), *map(norm, VARIANTS.get((name, attribute), ()))}
                cell = next((c for r in header_rows for c in r.cells if c.key in texts), None)
                if cell is not None:
                    found[attribute] = cell
            if "total" in found and (table is None or len(found) > len(columns)):
                table, columns = name, found
        for row in header_rows:
            self.segment.use(*[c for c in row.nonempty() if c.key in (norm("机构名称"), "其中", "结余")
                               or c in columns.values() or not c.first])
        return table, columns, index

    def money_row(self, row: Row, table: str, columns: dict[str, RowCell], organisations: dict,
                  printed: list) -> None:
        if not row.nonempty():
            return
        name_cell = _name_cell(row)
        self.segment.use(name_cell)
        name = _NUMBER.sub("", clean(name_cell.text)).strip() if name_cell is not None else ""
        if not name:
            self.problem(row, f"{TABLE_TITLES[table]}：这一行没有机构名称")
            return
        values = {}
        for attribute, header in columns.items():
            cell = row.under(header)
            if cell is name_cell:
                continue
            values[attribute] = self.figure(row, cell, FieldKind.AMOUNT, f"{TABLE_TITLES[table]}“{name}”"
                                            f"{label_of(TABLE_CLASSES[table], attribute)}")
        key = norm(name)
        if key in map(norm, SUMMARY_NAMES):
            target = Organisation(name=name)
            printed.append((row, table, target))
        else:
            target = organisations.setdefault(key, Organisation(name=name))
        figures = getattr(target, table)
        for attribute, value in values.items():
            setattr(figures, attribute, value)

    def compare_summaries(self, printed: list) -> None:
        computed = summed(self.form.organisations)
        for row, table, summary in printed:
            for f in fields(TABLE_CLASSES[table]):
                shown, sum_ = getattr(getattr(summary, table), f.name), getattr(getattr(computed, table), f.name)
                if shown is None or shown == (sum_ if sum_ is not None else Decimal(0)):
                    continue
                label = label_of(TABLE_CLASSES[table], f.name)
                self.problem(row, f"{TABLE_TITLES[table]}“{summary.name}”的{label}表上为 {fmt_plain(shown)}，"
                                  f"各机构行合计为 {fmt_plain(sum_) if sum_ is not None else '（空）'}；汇总行按各机构行"
                                  f"计算，表上的数未导入，请核对")

    # 三、自评情况
    def evaluation(self, start: int, end: int) -> None:
        goals_label = norm(spec_of(ComprehensiveForm, "goals").label)
        table_label = norm(spec_of(ComprehensiveForm, "indicators").label)
        columns = {name: norm(label_of(QuantitativeRow, name)) for name in ("level1", "level2", "name", "target",
                                                                              "actual")}
        index = start + 1
        while index < end:
            row = self.rows[index]
            self.segment.use(*[c for c in row.cells if c.key in (goals_label, table_label)])
            expected, actual = row.find("预期目标"), row.find("实际完成", "实际完成情况")
            if expected is not None and actual is not None and index + 1 < end:
                self.segment.use(expected, actual)
                values = self.rows[index + 1]
                for name, header in (("expected", expected), ("actual", actual)):
                    cell = values.under(header)
                    if cell is not None and cell is not header and cell.first:
                        setattr(self.form.goals, name, clean(cell.text))
                        self.segment.use(cell)
                self.segment.use(*[c for c in values.cells if c.key == goals_label])
                index += 2
                continue
            if all(row.find(text) is not None for text in columns.values()):
                index = self.indicators(index, end, {n: row.find(t) for n, t in columns.items()})
                continue
            for cell in row.nonempty():
                if cell.key == norm(spec_of(ComprehensiveForm, "score").label):
                    value = row.right_of(cell)
                    self.segment.use(cell)
                    self.form.score = self.figure(row, value, FieldKind.POINTS, "绩效自评综合得分")
                elif cell.key == norm(spec_of(ComprehensiveForm, "grade").label):
                    value = row.right_of(cell)
                    self.segment.use(cell, value)
                    self.form.grade = clean(value.text) if value is not None else ""
            index += 1

    def indicators(self, at: int, end: int, header: dict[str, RowCell]) -> int:
        self.segment.use(*header.values())
        level1 = level2 = ""
        index = at + 1
        while index < end:
            row = self.rows[index]
            if any(c.key == norm(spec_of(ComprehensiveForm, "score").label) for c in row.nonempty()):
                break
            if row.find("一级指标") is not None and row.find("三级指标") is not None:
                self.segment.use(*row.nonempty())  # the header repeated on a continuation page
                index += 1
                continue
            cells = {name: row.under(cell) for name, cell in header.items()}
            self.segment.use(*[c for c in row.cells if not c.first or c.key == norm(
                spec_of(ComprehensiveForm, "indicators").label)])
            texts = {}
            for name, cell in cells.items():
                self.segment.use(cell)
                texts[name] = clean(cell.text) if cell is not None else ""
                if name in ("level1", "level2"):  # a label the print broke over lines (产出\n指标) is one word
                    texts[name] = re.sub(r"[\s\u3000]+", "", texts[name])
            level1 = texts["level1"] or level1  # carried down through merged or blank cells
            level2 = texts["level2"] or level2
            if not (level1 or level2 or texts["name"] or texts["target"] or texts["actual"]):
                index += 1
                continue
            self.form.indicators.append(QuantitativeRow("", level1, level2, texts["name"], texts["target"],
                                                        texts["actual"]))
            index += 1
        return index

    # 四、评价人员 and the signatures
    def evaluators(self, start: int, end: int) -> None:
        header_at = next((i for i in range(start + 1, end) if self.rows[i].find("姓名") is not None), None)
        signature_at = next((i for i in range(start + 1, end) if self.signature(self.rows[i]) is not None), end)
        if header_at is not None:
            header_row = self.rows[header_at]
            columns = {name: header_row.find(label_of(Evaluator, name)) for name in ("name", "title", "unit")}
            columns = {name: cell for name, cell in columns.items() if cell is not None}
            self.segment.use(*header_row.nonempty())
            for row in self.rows[header_at + 1:signature_at]:
                texts = {name: clean(row.under(cell).text) if row.under(cell) is not None else ""
                         for name, cell in columns.items()}
                self.segment.use(*row.cells)
                if any(texts.values()):
                    self.form.evaluators.append(Evaluator("", texts.get("name", ""), texts.get("title", ""),
                                                          texts.get("unit", "")))
        blocks: dict[str, tuple[Row, list[RowCell], list[RowCell]]] = {}
        for row in self.rows[signature_at:end]:
            found = self.signature(row)
            if found is None:
                continue
            which, label = found
            _, labels, others = blocks.setdefault(which, (row, [], []))
            if label.first:  # the label again where a page break cut its merged cell: the same block
                labels.append(label)
            for cell in row.cells:
                if cell is not label and cell.first and all(cell is not other for other in others):
                    others.append(cell)
        for which, (row, labels, others) in blocks.items():
            self.signature_block(which, row, labels, others)

    def signature(self, row: Row) -> Optional[tuple[str, RowCell]]:
        for cell in row.cells:
            for which, text in SIGNATURES:
                if cell.key.startswith(norm(text)):
                    return which, cell
        return None

    def signature_block(self, which: str, row: Row, labels: list[RowCell], others: list[RowCell]) -> None:
        """The opinion, the signer's line and the date: in the label's own cell (seed 001) or beside it."""
        self.segment.use(*labels, *others)
        lines: list[str] = []
        for label in labels:
            first, *rest = label.text.split("\n")
            colon = re.search(r"[:：]", first)
            lines += ([first[colon.end():]] if colon else []) + rest
        for cell in others:
            if "负责人(签章)" not in norm(cell.text):  # the signer's line (however it breaks) is printed text
                lines += cell.text.split("\n")
        opinion, date = [], ""
        for line in lines:
            key = norm(line)
            if not key or "负责人(签章)" in key or key in ("签字", "签章"):
                continue
            if _DATE.match(key):
                date = clean(line) if key[:1].isdigit() else ""  # 年 月 日 left blank: no date
            else:
                opinion.append(clean(line))
        setattr(self.form, f"{which}_date", date)
        if which != "leader":
            setattr(self.form, f"{which}_opinion", "\n".join(opinion))
        elif opinion:
            self.problem(row, f"评价组组长签字栏中的文字未导入：{'；'.join(opinion)[:60]}")

    # 五、评价报告综述
    def summary(self, start: int, end: int) -> None:
        heading = next(c for c in self.rows[start].nonempty())
        lines = heading.text.split("\n")[1:]
        for row in self.rows[start + 1:end]:
            cells = [c for c in row.nonempty() if c.first]
            if any("填报人" in c.text and "联系电话" in c.text for c in cells):
                continue
            for cell in cells:
                lines += cell.text.split("\n")
            self.segment.use(*row.nonempty())
        text = [line.rstrip().replace("\u3000", " ").rstrip() for line in lines]
        while text and not text[0].strip():
            text.pop(0)
        while text and not text[-1].strip():
            text.pop()
        self.form.report_summary = "\n".join(text)


def read_comprehensive(segment: Segment) -> ComprehensiveRead:
    return ComprehensiveReader(segment).run()
