"""The field registry: every stored field declared once, found by path, typed text read by its kind."""
import dataclasses
import inspect
from decimal import Decimal

import pytest

from model import carried, comprehensive, document, report
from model.fields import field_kind, field_label, parse_field, spec_for
from model.parsing import ParseError
from model.registry import FieldKind, specs

D = Decimal
RECORDS = [cls for module in (document, comprehensive, report, carried) for _, cls in inspect.getmembers(module, inspect.isclass)
           if dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__
           and any("spec" in f.metadata for f in dataclasses.fields(cls))]  # stored records, not results


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_every_stored_field_is_declared(cls):
    declared = {name for name, _ in specs(cls)}
    plain = {f.name for f in dataclasses.fields(cls)} - declared
    assert plain <= {"frameworks"}  # the document's frameworks are read and written by storage itself
    for name, spec in specs(cls):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in spec.label), name  # a Chinese label for messages
        if spec.kind in (FieldKind.RECORD, FieldKind.RECORDS):
            assert spec.record in RECORDS


@pytest.mark.parametrize("path, kind, label", [
    ("unit.name", FieldKind.TEXT, "单位名称"),
    ("unit.code", FieldKind.TEXT, "单位编码"),
    ("projects[p3].name", FieldKind.TEXT, "项目支出名称"),
    ("projects[p3].code", FieldKind.TEXT, "项目编码"),
    ("overall.indicators[r12].name", FieldKind.TEXT, "三级指标"),
    ("overall.indicators[r12].actual", FieldKind.TEXT, "实际完成值"),
    ("projects[p1].goals.actual", FieldKind.LONG_TEXT, "实际完成情况"),
    ("projects[p1].current.annual", FieldKind.AMOUNT, "全年预算数"),
    ("basic.special_rows[s2].final", FieldKind.AMOUNT, "本年决算数"),
    ("basic.staff_actual", FieldKind.COUNT, "实际在职人数"),
    ("overall.stated_rate", FieldKind.RATE, "表上执行率"),
    ("projects[p1].stated_funding.executed", FieldKind.AMOUNT, "全年执行数"),
    ("projects[p1].closing.conclusion", FieldKind.LONG_TEXT, "评价结论"),
    ("overall.duties", FieldKind.LONG_TEXT, "部门职责"),
    ("labels.unit_name", FieldKind.TEXT, "单位名称行"),
    ("labels.attachment_project", FieldKind.INTEGER, "项目自评表附件号"),
])
def test_paths_resolve_to_their_declaration(path, kind, label):
    assert field_kind(path) is kind and field_label(path) == label


def test_computed_keys_are_not_fields():
    for key in ("overall.funding.rate", "overall.total.score", "basic.staff.control_rate", "nonsense.path"):
        with pytest.raises(KeyError):
            spec_for(key)
        with pytest.raises(ParseError, match="不能直接填写"):
            parse_field(key, "1")


def test_label_variants_are_offered_and_any_text_accepted():
    spec = spec_for("labels.unit_name")
    assert list(spec.choices) == ["预算部门名称", "预算单位名称", "区级预算部门名称"]
    assert parse_field("labels.unit_name", "乡镇预算单位名称") == "乡镇预算单位名称"
    with pytest.raises(ParseError, match="不能为空"):
        parse_field("labels.score", "  ")
    with pytest.raises(ParseError, match="过长"):
        parse_field("labels.score", "得" * 41)


@pytest.mark.parametrize("path, text, expected", [
    ("overall.stated_rate", "99.32%", D("99.32")),
    ("overall.stated_rate", "100", D(100)),
    ("overall.stated_funding_score", "9.93", D("9.93")),
    ("labels.attachment_basic", "3", 3),
    ("labels.attachment_basic", "", None),
    ("labels.attachment_basic", "0", 0),
    ("unit.year", "２０２４", 2024),
    ("unit.year", "2025年", 2025),
    ("labels.show_codes", "是", True),
])
def test_typed_text_is_read_by_kind(path, text, expected):
    assert parse_field(path, text) == expected


@pytest.mark.parametrize("path, text, message", [
    ("labels.attachment_basic", "100", "不在 0—99 之间"),
    ("labels.attachment_basic", "二", "应为整数"),
    ("unit.year", "٢٠٢٤", "应为整数"),
    ("unit.year", "1800", "不在 1990—2100 之间"),
    ("overall.stated_rate", "99.32万元", "单位“万元”不适用于比率"),
    ("overall.stated_rate", "-5%", "不能为负数"),
])
def test_bad_typed_text_is_refused(path, text, message):
    with pytest.raises(ParseError, match=message):
        parse_field(path, text)
