"""One rule for figures and one for text, whether typed, pasted or read from a file (issue 8)."""
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model import storage
from model.fields import parse_field
from model.numbers import MAX_DECIMALS, decimals_of, number_problem
from model.parsing import ParseError, ValueKind, parse_indicator, parse_number
from model.registry import FieldKind
from model.sanitize import printable, shown, text_problem
from tests.conftest import example_path

D = Decimal
BUDGET = "overall.funding.annual"  # 全年预算数
UNIT = "unit.name"  # a one-line text
DEVIATION = "overall.indicators[r1].deviation"  # a long text


def refused(path, text):
    with pytest.raises(ParseError) as caught:
        parse_field(path, text)
    return str(caught.value)


# --- figures --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["٢٠٢٤", "③๒٩", "1٢", "๒", "Ⅻ", "½"])
def test_digits_other_than_ascii_and_full_width_are_not_figures(text):
    message = refused(BUDGET, text)
    assert "不是数字 0—9" in message and "全年预算数" in message
    with pytest.raises(ParseError):
        parse_field("unit.year", text)


def test_full_width_digits_and_square_metres_still_read():
    assert parse_field(BUDGET, "１８３２．６３") == D("1832.63")
    assert parse_field("unit.year", "２０２４") == 2024
    assert parse_number("1200m²", FieldKind.AREA) == D(1200)


@pytest.mark.parametrize("text, fragment", [
    ("0.0000000000000000000000000000001", "小数位数过多"),
    ("0.0000001", "小数位数过多"),
    ("1000000000000", "过大"),
    ("-99999999999999999999999999999999", "过大"),
    ("-1.0000000000000000000000000000001", "小数位数过多"),  # not silently rounded to -1
    ("1" * 100000, "过大"),
])
def test_figures_out_of_bounds_are_refused_not_rounded(text, fragment):
    assert fragment in refused(BUDGET, text)


def test_the_bounds_themselves_are_accepted():
    assert parse_field(BUDGET, "999999999999.999999") == D("999999999999.999999")
    assert parse_field(BUDGET, "0.000001") == D("0.000001")
    assert parse_field(BUDGET, "1.2300000000") == D("1.2300000000")  # trailing zeros carry no decimals
    assert parse_field(BUDGET, "1.23元") == D("0.000123")


@pytest.mark.parametrize("path, text", [
    (BUDGET, "-5"),  # 全年预算数 is declared minimum=0
    ("overall.indicators[r1].points", "-1"),
    ("overall.indicators[r1].score", "-1"),
    ("basic.staff_actual", "-3"),
])
def test_negative_where_a_field_cannot_be(path, text):
    assert "不能为负数" in refused(path, text)


def test_an_amount_that_may_be_negative_still_may():
    assert parse_field("basic.basic_adjustment.final", "-12.5") == D("-12.5")  # 部门基本支出预算调整


def test_a_refusal_quotes_at_most_forty_characters_of_the_input():
    for path in (BUDGET, "unit.year", "overall.indicators[r1].points"):
        message = refused(path, "九" * 100000)
        assert len(message) < 200 and "九" * 41 not in message


@given(st.decimals(allow_nan=True, allow_infinity=True), st.sampled_from([BUDGET, "basic.basic_adjustment.final",
                                                                           "overall.indicators[r1].points"]))
def test_typing_and_the_file_share_one_rule(value, path):
    """A figure is accepted when typed exactly when a file holding it opens."""
    text = format(value, "f") if value.is_finite() else str(value)
    try:
        typed = parse_field(path, text)
    except ParseError:
        typed = None
    data = json.loads(example_path("tianyuan-2024").read_text(encoding="utf-8"))
    node = data
    parts = {"overall.funding.annual": ["overall", "funding", "annual"],
             "basic.basic_adjustment.final": ["basic_data", "lines", "basic_adjustment", "final"],
             "overall.indicators[r1].points": ["overall", "indicators", 0, "points"]}[path]
    for key in parts[:-1]:
        node = node[key]
    node[parts[-1]] = text
    try:
        loaded = storage.loads(json.dumps(data, ensure_ascii=False))
    except storage.DocumentError:
        loaded = None
    assert (typed is None) == (loaded is None), text
    assert typed is None or typed == value


def test_number_problem_and_decimals():
    assert decimals_of(D("0.000")) == 0 and decimals_of(D("1.2300")) == 2 and decimals_of(D("1E+3")) == 0
    assert number_problem(D("1e999")) and number_problem(D("NaN")) and number_problem(D("-1"), 0)
    assert number_problem(D(10) ** 12 - 1) is None
    assert decimals_of(D("0." + "0" * (MAX_DECIMALS - 1) + "1")) == MAX_DECIMALS


@pytest.mark.parametrize("text", ["٢٠٢٤户", "③次", "1" * 5000, "0.0000000000000000001", "99999999999999999元"])
def test_indicator_values_out_of_bounds_are_read_as_text(text):
    assert parse_indicator(text).kind is ValueKind.QUALITATIVE


# --- text -----------------------------------------------------------------------------------

@pytest.mark.parametrize("char", ["\ud800", "\udfff", "\ufffe", "\uffff", "\x00", "\x01", "\x1b", "\x7f"])
def test_text_that_cannot_be_saved_never_enters(char):
    for path in (UNIT, DEVIATION, "overall.indicators[r1].name"):
        message = refused(path, f"株洲{char}市")
        assert "第 3 个字符" in message and "无法保存和打印" in message
        message.encode("utf-8")  # the message itself can be shown and written


def test_tabs_and_line_breaks_belong_in_long_texts_only():
    assert parse_field(DEVIATION, "第一\n第二\t说明\r\n") == "第一\n第二\t说明\r\n"
    assert "换行" in refused(UNIT, "株洲\n市")
    assert "制表符" in refused("overall.indicators[r1].name", "a\tb")


def test_printable_drops_only_what_no_format_holds():
    assert printable("a\x01b\ud800c\ufffed\uffff\te\nf\rg") == "abcd\te\nf\rg"
    assert printable("") == ""


def test_shown_quotes_briefly_and_safely():
    assert shown("九" * 50) == "九" * 40 + "…"
    assert shown("a\ud800b\nc") == "a\ufffdb c"
    assert text_problem("普通文字", multiline=False) is None
