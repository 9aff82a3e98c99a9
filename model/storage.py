"""The document file (.jxzp): versioned UTF-8 JSON, documented in docs/file-format.md.

* Amounts are exact decimal strings ("1820.23"), never JSON floats; empty cells are null.
* ``save`` writes a temporary file beside the target, flushes it to disk and then replaces the
  target in one step: a crash or a full disk never leaves a half-written file.
* ``load`` checks everything and refuses a bad file with ``DocumentError`` whose message says
  which field is wrong and how; the file itself is never touched.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from .document import (EXPENSE_LINES, SCORING_RULES, BasicDataForm, Building, Document,
                       ExpenseLine, ExpenseParts, FundingLine, Goals, IncomeParts, IndicatorRow,
                       NamedExpenseLine, OverallForm, ProjectForm, UnitInfo, ordered_indicators)
from .fields import MAX_UNIT_TEXT
from .framework import framework_from_reader
from .jsonread import DECIMAL_TEXT, FormatError, Reader, dec_text

FORMAT_NAME = "jxzp"
FORMAT_VERSION = 1
EXTENSION = ".jxzp"
MAX_FILE_BYTES = 64 * 1024 * 1024
_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


class DocumentError(Exception):
    """A file that cannot be read or written; ``str(error)`` is the Chinese explanation."""


# --- field tables: (attribute, Chinese label) --------------------------------------------

_UNIT_TEXTS = (("name", "单位名称"), ("department", "主管部门"), ("preparer", "填报人"),
               ("phone", "联系电话"), ("fill_date", "填报日期"), ("head", "单位负责人"))
_FUNDING = (("initial", "年初预算数"), ("annual", "全年预算数"), ("executed", "全年执行数"))
_INCOME = (("general_budget", "一般公共预算"), ("gov_fund", "政府性基金拨款"),
           ("special_account", "纳入专户管理的非税收入拨款"), ("other", "其他资金"))
_EXPENSE = (("basic", "基本支出"), ("project", "项目支出"))
_LINE = (("prior", "上年决算数"), ("budget", "本年预算数"), ("final", "本年决算数"))
_BUILDING = (("approved_area", "批复规模"), ("actual_area", "实际规模"),
             ("budget_investment", "预算投资"), ("actual_investment", "实际投资"))
_ROW_TEXTS = (("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"), ("target", "年度指标值"),
              ("actual", "实际完成值"), ("deviation", "偏差原因分析及改进措施"))


def _amounts_out(obj: Any, fields) -> dict:
    return {name: dec_text(getattr(obj, name)) for name, _ in fields}


def _amounts_in(reader: Reader, factory: Callable, fields, **extra) -> Any:
    reader.obj()
    values = {name: reader.field(name, label, None).decimal() for name, label in fields}
    reader.no_unknown_fields()
    return factory(**extra, **values)


def _ident(reader: Reader, seen: set[str]) -> str:
    ident = reader.text(allow_empty=False)
    if not _ID.match(ident):
        reader.fail(f"编号“{ident}”只能由字母、数字、-、_ 组成")
    if ident in seen:
        reader.fail(f"编号“{ident}”重复")
    seen.add(ident)
    return ident


# --- writing -------------------------------------------------------------------------------

def _rows_out(rows: list[IndicatorRow]) -> list[dict]:
    return [{"id": r.id, "level1": r.level1, "level2": r.level2, "name": r.name, "target": r.target,
             "actual": r.actual, "points": dec_text(r.points), "score": dec_text(r.score),
             "deviation": r.deviation, "not_applicable": r.not_applicable, "rule": r.rule} for r in rows]


def _goals_out(goals: Goals) -> dict:
    return {"expected": goals.expected, "actual": goals.actual}


def _named_out(rows: list[NamedExpenseLine]) -> list[dict]:
    return [{"id": r.id, "name": r.name} | _amounts_out(r, _LINE) for r in rows]


def to_dict(doc: Document) -> dict:
    unit = doc.unit
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "unit": {name: getattr(unit, name) for name, _ in _UNIT_TEXTS} | {"year": unit.year},
        "frameworks": [fw.to_dict() for fw in doc.frameworks.values()],
        "basic_data": None,
        "overall": None,
        "projects": [],
    }
    if doc.basic is not None:
        b = doc.basic
        data["basic_data"] = {
            "staff_authorized": dec_text(b.staff_authorized),
            "staff_actual": dec_text(b.staff_actual),
            "lines": {name: _amounts_out(b.line(name), _LINE) for name, _, _ in EXPENSE_LINES},
            "special_rows": _named_out(b.special_rows),
            "transfer_rows": _named_out(b.transfer_rows),
            "building": _amounts_out(b.building, _BUILDING),
            "thrift_measures": b.thrift_measures,
            "special_label": b.special_label,
            "show_unit_name": b.show_unit_name,
        }
    if doc.overall is not None:
        o = doc.overall
        data["overall"] = {
            "framework": o.framework_id,
            "funding": _amounts_out(o.funding, _FUNDING),
            "income": _amounts_out(o.income, _INCOME),
            "expense": _amounts_out(o.expense, _EXPENSE),
            "goals": _goals_out(o.goals),
            "duties": o.duties,
            "indicators": _rows_out(o.indicators),
            "stated_total": dec_text(o.stated_total),
        }
    for p in doc.projects:
        data["projects"].append({
            "id": p.id, "framework": p.framework_id, "name": p.name, "department": p.department,
            "implementer": p.implementer,
            "current": _amounts_out(p.current, _FUNDING),
            "carryover": _amounts_out(p.carryover, _FUNDING),
            "other": _amounts_out(p.other, _FUNDING),
            "goals": _goals_out(p.goals),
            "indicators": _rows_out(p.indicators),
            "stated_total": dec_text(p.stated_total),
        })
    return data


def dumps(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=1) + "\n"


def write_atomic(path: str | os.PathLike, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that the file is either the old one or the new one."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    except FileNotFoundError:
        raise DocumentError(f"无法保存：文件夹“{folder}”不存在") from None
    except PermissionError:
        raise DocumentError(f"无法保存：没有在文件夹“{folder}”中写入的权限") from None
    except OSError as error:
        raise DocumentError(f"无法保存到文件夹“{folder}”：{error.strerror or error}") from None
    temp_path = handle.name
    try:
        with handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_path, target)
    except PermissionError:
        _remove_quietly(temp_path)
        raise DocumentError(f"无法保存“{target.name}”：文件正被其他程序打开或为只读，请关闭后重试") from None
    except OSError as error:
        _remove_quietly(temp_path)
        raise DocumentError(f"无法保存“{target.name}”：{error.strerror or error}（原文件未改动）") from None
    except BaseException:
        _remove_quietly(temp_path)
        raise


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def save(doc: Document, path: str | os.PathLike) -> None:
    write_atomic(path, dumps(doc).encode("utf-8"))


# --- reading -------------------------------------------------------------------------------

_ROW_KEYS = frozenset({"id", "points", "score", "not_applicable", "rule"} | {name for name, _ in _ROW_TEXTS})
_MISSING = object()


def _decimal_fast(value: Any) -> Any:
    """The Decimal of a well-formed stored amount, or _MISSING when the strict reader must judge."""
    if value is None:
        return None
    if type(value) is str and DECIMAL_TEXT.match(value):
        return Decimal(value)
    return _MISSING


def _row_fast(value: Any, seen: set[str]) -> IndicatorRow | None:
    """A row read without the strict reader's bookkeeping; None if anything needs a closer look."""
    if type(value) is not dict or not value.keys() <= _ROW_KEYS:
        return None
    ident = value.get("id")
    if type(ident) is not str or ident in seen or not _ID.match(ident):
        return None
    texts = {}
    for name, _ in _ROW_TEXTS:
        text = value.get(name, "")
        if text is None:
            text = ""
        if type(text) is not str or len(text) > 20000:
            return None
        texts[name] = text
    points, score = _decimal_fast(value.get("points")), _decimal_fast(value.get("score"))
    not_applicable, rule = value.get("not_applicable", False), value.get("rule", "auto")
    if (points is _MISSING or score is _MISSING or type(not_applicable) is not bool or rule not in SCORING_RULES
            or not texts["level1"].strip() or not texts["level2"].strip()):
        return None
    seen.add(ident)
    return IndicatorRow(ident, points=points, score=score, not_applicable=not_applicable, rule=rule, **texts)


def _rows_in(reader: Reader, seen: set[str]) -> list[IndicatorRow]:
    rows = []
    if isinstance(reader.value, list):
        for value in reader.value:
            row = _row_fast(value, seen)
            if row is None:
                break
            rows.append(row)
        else:
            return rows
        seen.difference_update(row.id for row in rows)  # read again strictly to name the problem
        rows = []
    for item in reader.items("行"):
        item.obj()
        row = IndicatorRow(
            id=_ident(item.field("id", "编号"), seen),
            **{name: item.field(name, label, "").text() for name, label in _ROW_TEXTS},
            points=item.field("points", "分值", None).decimal(),
            score=item.field("score", "得分", None).decimal(),
            not_applicable=item.field("not_applicable", "不适用", False).boolean(),
            rule=item.field("rule", "评分规则", "auto").choice(SCORING_RULES),
        )
        if not row.level1.strip() or not row.level2.strip():
            item.fail("一级指标和二级指标不能为空")
        item.no_unknown_fields()
        rows.append(row)
    return rows


def _goals_in(reader: Reader) -> Goals:
    reader.obj()
    goals = Goals(reader.field("expected", "预期目标", "").text(), reader.field("actual", "实际完成情况", "").text())
    reader.no_unknown_fields()
    return goals


def _framework_ref(reader: Reader, known: set[str]) -> str:
    ident = reader.text(allow_empty=False)
    if ident not in known:
        reader.fail(f"引用的指标体系“{ident}”不在文件的指标体系列表中")
    return ident


def _named_in(reader: Reader, seen: set[str]) -> list[NamedExpenseLine]:
    rows = []
    for item in reader.items("行"):
        item.obj()
        ident = _ident(item.field("id", "编号"), seen)
        name = item.field("name", "名称", "").text()
        values = {field: item.field(field, label, None).decimal() for field, label in _LINE}
        item.no_unknown_fields()
        rows.append(NamedExpenseLine(ident, name, **values))
    return rows


def _basic_in(reader: Reader, seen: set[str]) -> BasicDataForm:
    reader.obj()
    basic = BasicDataForm(
        staff_authorized=reader.field("staff_authorized", "编制数", None).decimal(minimum=Decimal(0)),
        staff_actual=reader.field("staff_actual", "实际在职人数", None).decimal(minimum=Decimal(0)),
        thrift_measures=reader.field("thrift_measures", "厉行节约保障措施", "").text(),
        special_label=reader.field("special_label", "专项资金行名称", "本级专项资金").text(allow_empty=False),
        show_unit_name=reader.field("show_unit_name", "显示预算单位名称行", False).boolean(),
    )
    lines = reader.field("lines", "经费控制情况", {}).obj()
    for name, label, _ in EXPENSE_LINES:
        setattr(basic, name, _amounts_in(lines.field(name, label.format(special=basic.special_label), {}),
                                         ExpenseLine, _LINE))
    lines.no_unknown_fields()
    basic.special_rows = _named_in(reader.field("special_rows", "专项资金明细", []), seen)
    basic.transfer_rows = _named_in(reader.field("transfer_rows", "上级转移支付明细", []), seen)
    basic.building = _amounts_in(reader.field("building", "楼堂馆所控制情况", {}), Building, _BUILDING)
    reader.no_unknown_fields()
    return basic


def _overall_in(reader: Reader, known: set[str], seen: set[str]) -> OverallForm:
    reader.obj()
    form = OverallForm(
        framework_id=_framework_ref(reader.field("framework", "指标体系"), known),
        funding=_amounts_in(reader.field("funding", "年度资金总额", {}), FundingLine, _FUNDING),
        income=_amounts_in(reader.field("income", "按收入性质分", {}), IncomeParts, _INCOME),
        expense=_amounts_in(reader.field("expense", "按支出性质分", {}), ExpenseParts, _EXPENSE),
        goals=_goals_in(reader.field("goals", "年度总体目标", {})),
        duties=reader.field("duties", "部门职责", "").text(),
        indicators=_rows_in(reader.field("indicators", "绩效指标", []), seen),
        stated_total=reader.field("stated_total", "表上总分", None).decimal(),
    )
    reader.no_unknown_fields()
    return form


def _project_in(reader: Reader, known: set[str], seen: set[str]) -> ProjectForm:
    reader.obj()
    name = reader.field("name", "项目支出名称", "").text()
    if name:
        reader.where = f"{reader.where}（{name}）"
    form = ProjectForm(
        id=_ident(reader.field("id", "编号"), seen),
        framework_id=_framework_ref(reader.field("framework", "指标体系"), known),
        name=name,
        department=reader.field("department", "主管部门", "").text(),
        implementer=reader.field("implementer", "实施单位", "").text(),
        current=_amounts_in(reader.field("current", "当年财政拨款", {}), FundingLine, _FUNDING),
        carryover=_amounts_in(reader.field("carryover", "上年结转资金", {}), FundingLine, _FUNDING),
        other=_amounts_in(reader.field("other", "其他资金", {}), FundingLine, _FUNDING),
        goals=_goals_in(reader.field("goals", "年度总体目标", {})),
        indicators=_rows_in(reader.field("indicators", "绩效指标", []), seen),
        stated_total=reader.field("stated_total", "表上总分", None).decimal(),
    )
    reader.no_unknown_fields()
    return form


def from_dict(data: Any, where: str = "文件") -> Document:
    """Build a Document from parsed JSON; DocumentError names the first problem found."""
    try:
        return _from_dict(Reader(data, where))
    except FormatError as error:
        raise DocumentError(str(error)) from None


def _from_dict(root: Reader) -> Document:
    root.obj()
    if root.value.get("format") != FORMAT_NAME:
        root.fail("这不是绩效自评填报的文档（缺少格式标记 \"format\": \"jxzp\"）")
    root.field("format", "格式")
    version = root.field("version", "格式版本").integer(minimum=1, maximum=10 ** 6)
    if version > FORMAT_VERSION:
        root.fail(f"文件格式版本为 {version}，由更新版本的程序保存，本程序只能读取版本 {FORMAT_VERSION}，请升级程序")
    unit_reader = root.field("unit", "单位信息").obj()
    unit = UnitInfo(**{name: unit_reader.field(name, label, "").text(max_length=MAX_UNIT_TEXT) for name, label in _UNIT_TEXTS},
                    year=unit_reader.field("year", "年度").integer(minimum=1990, maximum=2100))
    unit_reader.no_unknown_fields()
    frameworks = {}
    for item in root.field("frameworks", "指标体系").items("个指标体系"):
        framework = framework_from_reader(item)
        if framework.id in frameworks:
            item.fail(f"指标体系编号“{framework.id}”重复")
        frameworks[framework.id] = framework
    known = set(frameworks)
    seen: set[str] = set()
    basic_reader = root.field("basic_data", "整体支出绩效评价基础数据表", None)
    overall_reader = root.field("overall", "部门整体支出绩效自评表", None)
    basic = None if basic_reader.value is None else _basic_in(basic_reader, seen)
    overall = None if overall_reader.value is None else _overall_in(overall_reader, known, seen)
    projects = [_project_in(item, known, seen)
                for item in root.field("projects", "项目支出绩效自评表", []).items("张项目表")]
    root.no_unknown_fields()
    doc = Document(unit, frameworks, basic, overall, projects)
    for _, form in doc.scored_forms():  # rows are kept grouped in the framework's order
        form.indicators = ordered_indicators(form, doc.framework_for(form))
    return doc


def loads(text: str, where: str = "文件") -> Document:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise DocumentError(f"{where}内容不完整或已损坏（第 {error.lineno} 行第 {error.colno} 列附近：{_json_reason(error)}），"
                            f"可能是保存时被中断或被其他程序改动") from None
    except RecursionError:
        raise DocumentError(f"{where}内容嵌套过深，不是有效的文档") from None
    return from_dict(data, where)


def _json_reason(error: json.JSONDecodeError) -> str:
    reasons = {"Expecting value": "缺少数值", "Unterminated string": "文字没有结束",
               "Expecting ',' delimiter": "缺少逗号", "Expecting property name": "缺少字段名",
               "Extra data": "结尾有多余内容", "Invalid control character": "含有非法控制字符"}
    for english, chinese in reasons.items():
        if error.msg.startswith(english):
            return chinese
    return error.msg


def load(path: str | os.PathLike) -> Document:
    target = Path(path)
    name = f"文件“{target.name}”"
    try:
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(f"{name}过大（{size // 1024 // 1024} MB），不是有效的文档")
        raw = target.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"找不到{name}（{target}）") from None
    except IsADirectoryError:
        raise DocumentError(f"“{target}”是文件夹，不是文档") from None
    except PermissionError:
        raise DocumentError(f"没有读取{name}的权限") from None
    except OSError as error:
        raise DocumentError(f"无法读取{name}：{error.strerror or error}") from None
    if not raw.strip():
        raise DocumentError(f"{name}是空的，可能是保存时被中断")
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DocumentError(f"{name}是 Excel／Word 等办公文件，不是绩效自评填报的文档，请用相应程序打开")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start >= len(raw) - 3:  # cut in the middle of the last character
            raise DocumentError(f"{name}内容不完整或已损坏（文件末尾被截断），可能是保存时被中断") from None
        raise DocumentError(f"{name}不是 UTF-8 文本，不是本程序保存的文档") from None
    if not text.lstrip().startswith("{"):
        raise DocumentError(f"{name}不是绩效自评填报的文档（内容不是本程序的格式）")
    return loads(text, name)
