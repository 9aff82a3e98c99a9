"""The in-app help: every check explained (from docs/checks.md), the scoring of the form's framework, F1."""
import re

import pytest

from model.findings import CODES
from model.help import check_entries, help_html, scoring_html


def test_every_check_code_has_a_help_entry():
    entries = check_entries()
    assert set(CODES) <= set(entries), sorted(set(CODES) - set(entries))
    page = help_html()
    for code in CODES:
        assert f'name="code-{code}"' in page
    from model.help import _checks_path
    documented = set(re.findall(r"^\| `([a-z0-9_]+\.[a-z0-9_.]+)`", _checks_path().read_text(encoding="utf-8"), re.M))
    assert documented == set(entries)


def test_an_entry_reads_as_plain_chinese():
    page = help_html()
    entry = page[page.index('name="code-points.total_not_100"'):][:400]
    assert "应为" in entry or "100" in entry
    assert "`" not in entry and "*" not in entry and "级别：错误" in entry


def test_scoring_names_the_forms_framework(tianyuan):
    text = scoring_html(tianyuan.framework_for(tianyuan.overall))
    assert "资金执行 10 分" in text and "产出指标 40 分" in text and "优 ≥ 90" in text and "办结" in text


pytest.importorskip("PySide6")
from tests.test_ui import page_of, window  # noqa: E402,F401 - the shared window fixture


def test_f1_opens_the_help_on_the_current_form(window, qtbot):
    page_of(window, "projects[p1]")
    window.actions_["help"].trigger()
    browser = window.help_window.browser
    assert window.help_window.isVisible() and "项目支出绩效自评表" in browser.toPlainText()
    assert browser.verticalScrollBar().value() > 0  # scrolled to the project form's part, not the top
    keys = browser.toPlainText()
    assert "Ctrl+Z" in keys or "撤销" in keys  # the window's own shortcuts are listed
    window.help_window.close()


def test_a_finding_opens_its_explanation(window):
    dock = window.findings_view()
    finding = dock.finding_at(0)
    dock.helpRequested.emit(finding.code)
    text = window.help_window.browser.toPlainText()
    assert finding.code in text
    window.help_window.close()
