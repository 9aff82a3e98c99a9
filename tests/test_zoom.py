"""缩放 choices, pure: steps, fitting, what a stored or typed choice means."""
from hypothesis import given, strategies as st

from ui import zoom


def test_steps_walk_the_list_and_stop_at_the_ends():
    assert zoom.step(100, 1) == 110 and zoom.step(100, -1) == 90
    assert zoom.step(87, 1) == 90 and zoom.step(87, -1) == 80  # from a fitted zoom to the nearest step
    assert zoom.step(200, 1) == 200 and zoom.step(50, -1) == 50


def test_fitting_rounds_down_and_stays_in_range():
    assert zoom.fitted(1000, 870) == 87
    assert zoom.fitted(1000, 100) == zoom.MIN and zoom.fitted(100, 1000) == zoom.MAX
    assert zoom.resolve(zoom.FIT, 1000, 1200) == 120
    assert zoom.resolve(zoom.AUTO, 1000, 1200) == 100  # the automatic choice never enlarges
    assert zoom.resolve(zoom.AUTO, 1000, 870) == 87
    assert zoom.resolve(130, 1000, 870) == 130 and zoom.resolve(900, 1, 1) == zoom.MAX


def test_choices_read_from_settings_or_the_box():
    assert zoom.parse("fit") == zoom.FIT and zoom.parse("适合宽度") == zoom.FIT
    assert zoom.parse("120") == 120 and zoom.parse(" 120% ") == 120 and zoom.parse("１２０％") == 120
    assert zoom.parse("²") == zoom.AUTO and zoom.parse("9" * 400) == zoom.MAX
    assert zoom.parse("30") == zoom.MIN and zoom.parse("") == zoom.AUTO and zoom.parse(None) == zoom.AUTO
    assert zoom.kind_of("projects[p3]") == "project" and zoom.kind_of("overall") == "overall"


@given(st.text())
def test_any_text_is_a_valid_choice(text):
    choice = zoom.parse(text)
    assert choice in (zoom.FIT, zoom.AUTO) or zoom.MIN <= choice <= zoom.MAX
    assert zoom.MIN <= zoom.resolve(choice, 998, 850) <= zoom.MAX
