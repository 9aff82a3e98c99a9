"""Figures and indicator values as people type them (RULES.md §5)."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.registry import FieldKind as NumberKind
from model.parsing import (ParseError, ValueKind, comparable, parse_indicator,
                           parse_number)

D = Decimal


@pytest.mark.parametrize("text, expected", [
    ("1832.63", "1832.63"), ("1,832.63", "1832.63"), ("１８３２．６３", "1832.63"), ("1832.63万元", "1832.63"),
    ("1832.63万", "1832.63"), (" 1832.63 ", "1832.63"), ("\u30001832.63\u3000", "1832.63"),
    ("４６４７元", "0.4647"), ("0.5亿元", "5000.0"), ("-12.5", "-12.5"), ("(12.00)", "-12.00"),
    ("（1,000）", "-1000"), (".5", "0.5"), ("0", "0"), ("１，２３４，５６７．８９", "1234567.89"),
])
def test_amounts_as_typed(text, expected):
    assert parse_number(text, NumberKind.AMOUNT) == D(expected)


@pytest.mark.parametrize("text", ["", "  ", "/", "—", "-", "无", None])
def test_blank_marks_are_empty(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, kind, fragment", [
    ("abc", NumberKind.AMOUNT, "不是有效的金额"),
    ("12.3.4", NumberKind.AMOUNT, "不是有效的金额"),
    ("18,32.63", NumberKind.AMOUNT, "不是有效的金额"),
    ("98%", NumberKind.AMOUNT, "单位“%”不适用于金额"),
    ("10亩", NumberKind.POINTS, "单位“亩”不适用于分值"),
    ("十", NumberKind.POINTS, "不是有效的分值"),
    ("1e5", NumberKind.AMOUNT, "不是有效的金额"),
    ("5公斤", NumberKind.AMOUNT, "单位“公斤”不适用于金额"),
])
def test_bad_figures_are_refused_in_chinese(text, kind, fragment):
    with pytest.raises(ParseError) as caught:
        parse_number(text, kind)
    assert fragment in str(caught.value)


def test_points_accept_fen():
    assert parse_number("10分", NumberKind.POINTS) == D(10)
    assert parse_number("9.5", NumberKind.POINTS) == D("9.5")


@pytest.mark.parametrize("text, op, number, unit", [
    ("≥98%", ">=", "98", "%"), ("≧98%", ">=", "98", "%"), ("≦5%", "<=", "5", "%"),
    ("≤1832.63万", "<=", "1832.63", "万"), ("20次以上", ">=", "20", "次"), ("300户及以上", ">=", "300", "户"),
    ("2840亩", None, "2840", "亩"), ("15篇", None, "15", "篇"), ("1年", None, "1", "年"),
    ("＞９０％", ">", "90", "%"), ("不超过5万元", "<=", "5", "万元"), ("3天以内", "<=", "3", "天"),
    ("1,128亩", None, "1128", "亩"), ("99%以上", ">=", "99", "%"), ("18", None, "18", ""),
])
def test_quantitative_values(text, op, number, unit):
    value = parse_indicator(text)
    assert value.kind is ValueKind.QUANTITATIVE
    assert (value.op, value.number, value.unit) == (op, D(number), unit)
    assert value.text == text  # kept exactly as typed


@pytest.mark.parametrize("text, kind", [
    ("2024年12月前", ValueKind.QUALITATIVE), ("已完成", ValueKind.QUALITATIVE), ("效果明显", ValueKind.QUALITATIVE),
    ("显著提升和增强", ValueKind.QUALITATIVE), ("不适用", ValueKind.NOT_APPLICABLE), ("无", ValueKind.EMPTY),
    ("", ValueKind.EMPTY), ("三次", ValueKind.QUALITATIVE), ("不超过年初预算投入", ValueKind.QUALITATIVE),
])
def test_other_values(text, kind):
    assert parse_indicator(text).kind is kind


def test_units_convert_before_comparing():
    assert comparable(parse_indicator("5万"), parse_indicator("4647元")) == (D(50000), D(4647))
    assert comparable(parse_indicator("15篇"), parse_indicator("18")) == (D(15), D(18))
    assert comparable(parse_indicator("2840亩"), parse_indicator("26户")) is None
    assert comparable(parse_indicator("2万人"), parse_indicator("15000人")) == (D(20000), D(15000))


# --- properties ------------------------------------------------------------------------------

amounts = st.decimals(min_value=D("-999999999.99"), max_value=D("999999999.99"), places=2,
                      allow_nan=False, allow_infinity=False)
FULL_WIDTH = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


def grouped(value: Decimal) -> str:
    return f"{value:,.2f}"


@given(amounts, st.sampled_from(["", "万元", "万"]), st.booleans(), st.booleans(), st.sampled_from(["", " ", "\u3000"]))
def test_any_amount_round_trips_through_any_typing(value, unit, thousands, full_width, pad):
    text = (grouped(value) if thousands else f"{value:.2f}") + unit
    if full_width:
        text = text.translate(FULL_WIDTH)
    assert parse_number(pad + text + pad) == value


@given(amounts)
def test_yuan_are_ten_thousandths_of_wanyuan(value):
    assert parse_number(f"{value:.2f}元") == value / 10000


@given(st.text(max_size=30))
def test_parse_indicator_never_raises_and_keeps_text(text):
    value = parse_indicator(text)
    assert value.text == text
    if value.kind is ValueKind.QUANTITATIVE:
        assert value.number is not None and value.number >= 0


@given(st.text(max_size=20))
def test_parse_number_raises_only_parse_error(text):
    try:
        result = parse_number(text)
    except ParseError as error:
        assert str(error)  # a message for the user
    else:
        assert result is None or isinstance(result, Decimal)


@given(st.sampled_from(["≥", "≧", "≤", "≦", ">", "<", ""]), st.decimals(min_value=0, max_value=10 ** 6, places=3),
       st.sampled_from(["%", "亩", "户", "万元", "次", "个", ""]))
def test_operator_number_unit_round_trip(op, number, unit):
    value = parse_indicator(f"{op}{number}{unit}")
    assert value.kind is ValueKind.QUANTITATIVE
    assert value.number == number and value.unit == unit
    assert value.op == {"≥": ">=", "≧": ">=", "≤": "<=", "≦": "<=", ">": ">", "<": "<", "": None}[op]
