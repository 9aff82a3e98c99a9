"""Start-up order: the window paints before the model is imported, the form before the findings list; what a
start does not need (dialogs, exports, edits) is not imported by it. Speed itself: benchmarks/bench_ui.py."""
import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("PySide6")

from tests.conftest import ROOT, example_path  # noqa: E402
from tests.test_ui import page_of, window  # noqa: E402,F401 - the window fixture

PROBE = """
import json, sys
sys.path.insert(0, {root!r})
from ui.app import create_app, load_first_document
from ui.main_window import MainWindow
from ui.settings import Settings, config_dir
app = create_app()
window = MainWindow(Settings(config_dir()), config_dir(), quiet=True)
before = set(sys.modules)
load_first_document(window, None, window.config)
print(json.dumps({{"window": sorted(before), "document": sorted(set(sys.modules)), "example": window.example_name}}))
"""


def modules_at_start(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JXZP_CONFIG_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", PROBE.format(root=str(ROOT))], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_the_window_is_built_without_the_model_and_the_example_opens_without_dialogs_or_exports(tmp_path):
    found = modules_at_start(tmp_path)
    assert found["example"] == "tianyuan-2024.jxzp"
    window = set(found["window"])
    for name in ("model.document", "model.storage", "model.evaluation", "ui.session", "ui.form_page",
                 "ui.file_ops", "ui.dialogs", "ui.failures", "ui.export_ops", "ui.year_ops", "ui.framework_ops"):
        assert name not in window, f"{name} is imported before the window's first paint"
    document = set(found["document"])
    assert {"model.storage", "model.evaluation", "ui.form_page"} <= document
    for name in ("ui.dialogs", "ui.failures", "ui.export_ops", "ui.printing", "ui.unit_page", "model.edits",
                 "exporters", "openpyxl", "docx", "reportlab"):
        assert name not in document, f"{name} is imported to open the example"


def open_hidden(qtbot, tmp_path):
    from ui.main_window import MainWindow
    from ui.settings import Settings
    win = MainWindow(Settings(tmp_path), tmp_path, quiet=True)
    qtbot.addWidget(win)
    assert win.files.open_path(example_path("tianyuan-2024"))
    return win


def test_the_findings_list_is_built_after_the_form_is_painted(qtbot, tmp_path):
    from ui.findings import FindingsView
    win = open_hidden(qtbot, tmp_path)
    assert win.dock.widget() is None  # nothing painted yet: the list waits
    win.resize(1400, 900)
    win.show()
    qtbot.waitUntil(lambda: isinstance(win.dock.widget(), FindingsView))
    listed = win.dock.widget().model.findings
    assert listed and sorted(map(id, listed)) == sorted(map(id, win.session.evaluation.findings))
    win.session.undo_stack.setClean()
    win.close()


def test_the_findings_list_is_built_when_asked_for_first(qtbot, tmp_path):
    from ui.findings import FindingsView
    win = open_hidden(qtbot, tmp_path)
    view = win.findings_view()
    assert isinstance(view, FindingsView) and win.dock.widget() is view and view.model.findings
    assert win.findings_view() is view  # once per document
    assert win.files.open_path(example_path("yueyanglou-2023"))  # another document: its own list, later
    assert win.dock.widget() is None and win.findings_view() is not view


def test_a_form_page_measures_its_rows_once_when_it_first_shows(qtbot, tmp_path, monkeypatch):
    from ui.form_view import FormView
    measured = []
    original = FormView.fit_rows
    monkeypatch.setattr(FormView, "fit_rows", lambda view, rows=None: (measured.append(rows), original(view, rows)))
    win = open_hidden(qtbot, tmp_path)
    assert measured == []  # built and zoomed while hidden: nothing measured yet
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    page = win.pages["overall"]
    qtbot.waitUntil(lambda: bool(measured))
    qtbot.wait(50)  # and nothing more once it has settled
    assert measured == [None]  # one full measurement, at the zoom the window's width gives
    row = page.model.layout.bound(f"overall.indicators[{win.session.doc.overall.indicators[0].id}].target").row
    assert page.view.rowHeight(row) > page.view.fontMetrics().height()
    win.session.undo_stack.setClean()
    win.close()


def test_what_the_grid_paints_is_what_the_model_says(window):
    from PySide6.QtCore import Qt

    from model import edits
    from ui.form_model import CellRole, SeverityRole, TableRole
    role = Qt.ItemDataRole

    def as_data(model, row, col):
        index = model.index(row, col)
        brush, foreground = model.data(index, role.BackgroundRole), model.data(index, role.ForegroundRole)
        cell = model.data(index, CellRole)
        return (cell, model.data(index, TableRole), brush.color() if brush is not None else None,
                foreground.color() if foreground is not None else None, model.data(index, role.FontRole),
                model.data(index, role.DisplayRole) or "", model.data(index, role.TextAlignmentRole) or 0,
                model.data(index, SeverityRole))

    def check(page):
        model = page.model
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                assert model.look(row, col) == as_data(model, row, col), (page.key, row, col)

    project = window.session.doc.projects[0]
    for key in ("overall", "basic", f"projects[{project.id}]"):
        check(page_of(window, key))
    page = page_of(window, "overall")
    doc = window.session.doc
    first, second = doc.overall.indicators[0], doc.overall.indicators[1]
    assert window.session.set_text(f"overall.indicators[{first.id}].score", "")  # a finding appears, the total moves
    window.session.apply(edits.set_value(doc, f"overall.indicators[{second.id}].not_applicable", True, "标记不适用"))
    assert any(look[3] is not None for look in (page.model.look(r, c) for r in range(page.model.rowCount())
                                                  for c in range(page.model.columnCount())))  # a greyed row
    check(page)
    page.view.set_zoom_choice(150)  # titles and headers in a larger font
    check(page)
