"""视图 in the window: zoom by menu, keys, wheel and box; remembered per kind of form; the side panel."""
import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.test_ui import page_of, window  # noqa: E402,F401 - the window fixture
from ui import zoom  # noqa: E402


def indicator_row(page):
    row = page.session.doc.form(page.key).indicators[0]
    return page.model.layout.bound(f"{page.key}.indicators[{row.id}].target").row


def wheel(view, steps, modifiers=Qt.KeyboardModifier.ControlModifier):
    event = QWheelEvent(QPointF(20, 20), QPointF(view.mapToGlobal(QPoint(20, 20))), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(view.viewport(), event)


def test_zoom_scales_rows_columns_and_fonts(window):
    page = page_of(window, "overall")
    view = page.view
    page.view.set_zoom_choice(100)
    row = indicator_row(page)
    height, width, size = view.rowHeight(row), view.columnWidth(3), view.font().pointSizeF()
    window.actions_["zoom_in"].trigger()
    assert view.zoom == 110 and window.views.box.currentText() == "110%"
    assert view.rowHeight(row) > height and abs(view.columnWidth(3) - width * 1.1) <= 1
    assert view.font().pointSizeF() == pytest.approx(size * 1.1)
    window.actions_["zoom_out"].trigger()
    window.actions_["zoom_out"].trigger()
    assert view.zoom == 90 and view.rowHeight(row) < height
    window.actions_["zoom_100"].trigger()
    assert view.zoom == 100 and view.rowHeight(row) == height and view.columnWidth(3) == width


def test_excel_keys_zoom_and_ctrl_minus_still_deletes_a_row(window):
    shortcuts = {name: [s.toString() for s in window.actions_[name].shortcuts()] for name in ("zoom_in", "zoom_out")}
    assert "Ctrl+Alt+=" in shortcuts["zoom_in"] and "Ctrl+Alt+-" in shortcuts["zoom_out"]
    page = page_of(window, "overall")
    page.view.set_zoom_choice(100)
    page.view.setFocus()
    from PySide6.QtTest import QTest
    QTest.keyClick(page.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert page.view.zoom == 110
    QTest.keyClick(page.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert page.view.zoom == 100
    rows = len(window.session.doc.overall.indicators)
    cell = page.model.layout.bound(f"overall.indicators[{window.session.doc.overall.indicators[0].id}].target")
    page.view.setCurrentIndex(page.model.index(cell.row, cell.col))
    QTest.keyClick(page.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert len(window.session.doc.overall.indicators) == rows - 1 and page.view.zoom == 100


def test_ctrl_wheel_zooms_and_a_plain_wheel_scrolls(window):
    window.resize(1400, 600)  # the form taller than the window
    page = page_of(window, "overall")
    page.view.set_zoom_choice(100)
    wheel(page.view, 1)
    assert page.view.zoom == 110
    wheel(page.view, -2)
    assert page.view.zoom == 90
    scroll = page.view.verticalScrollBar().value()
    wheel(page.view, -1, Qt.KeyboardModifier.NoModifier)
    assert page.view.zoom == 90 and page.view.verticalScrollBar().value() > scroll


def test_the_box_takes_a_typed_percentage_and_ignores_words(window, qtbot):
    page = page_of(window, "overall")
    box = window.views.box
    box.lineEdit().setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "150")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert page.view.zoom == 150
    box.lineEdit().setText("大一点")  # QTest types ASCII only
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert page.view.zoom == 150
    box.textActivated.emit("适合宽度")
    assert page.view.zoom_choice == zoom.FIT


def test_fit_width_leaves_no_horizontal_scroll(window, qtbot):
    page = page_of(window, "overall")
    for width in (1400, 1000, 1800):
        window.resize(width, 900)
        QApplication.processEvents()
        window.actions_["zoom_fit"].trigger()
        QApplication.processEvents()
        view = page.view
        assert view.zoom == zoom.fitted(view.content_width(), view.available_width())
        assert view.horizontalScrollBar().maximum() == 0
        assert sum(view.columnWidth(c) for c in range(page.model.columnCount())) <= view.viewport().width()


def test_zoom_is_per_kind_of_form_and_restored_after_restart(window, qtbot, tmp_path):
    first = window.session.doc.projects[0].id
    project = page_of(window, f"projects[{first}]")
    window.views.choose(125)
    second = page_of(window, f"projects[{window.session.doc.projects[1].id}]")
    assert second.view.zoom == 125 and project.view.zoom == 125  # all project forms alike
    overall = page_of(window, "overall")
    window.views.choose(80)
    assert overall.view.zoom == 80 and project.view.zoom == 125
    height = overall.view.rowHeight(indicator_row(overall))
    path = window.session.path
    window.close()
    window.settings.sync()
    from ui.main_window import MainWindow
    from ui.settings import Settings, config_dir
    again = MainWindow(Settings(config_dir()), config_dir(), quiet=True)
    qtbot.addWidget(again)
    assert again.files.open_path(path)
    again.resize(1400, 900)
    again.show()
    page = page_of(again, "overall")
    assert page.view.zoom == 80 and page.view.rowHeight(indicator_row(page)) == height
    assert page_of(again, f"projects[{first}]").view.zoom == 125
    again.close()


def test_the_side_panel_can_be_hidden_and_stays_so(window, qtbot):
    page = page_of(window, "overall")
    window.actions_["side_panel"].setChecked(True)
    window.actions_["side_panel"].trigger()  # unchecks: hide
    assert window.settings.side_panel is False and not page.panel.isVisible()
    project = page_of(window, f"projects[{window.session.doc.projects[0].id}]")
    assert not project.panel.isVisible()  # pages made later start as chosen
    window.actions_["side_panel"].trigger()
    assert window.settings.side_panel is True and project.panel.isVisible()


def test_a_1366x768_laptop_sees_the_funding_block_and_eight_indicator_rows(qtbot, tmp_path, monkeypatch):
    """Issue 10: with the 审核 dock docked and the default zoom, no horizontal scrolling."""
    import json
    import subprocess
    import sys
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    probe = (
        "import sys, shutil; from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.app import create_app; from ui.main_window import MainWindow; from ui.settings import Settings, config_dir\n"
        "from tests.conftest import example_path\n"
        "create_app(); w = MainWindow(Settings(config_dir()), config_dir(), quiet=True)\n"
        "w.files.open_path(example_path('tianyuan-2024'), quiet=True); w.resize(1366, 768); w.show()\n"
        "[QApplication.processEvents() for _ in range(5)]\n"
        "p = w.pages['overall']; v = p.view; doc = w.session.doc\n"
        "h = v.viewport().height()\n"
        "def shown(path):\n"
        "    c = p.model.layout.bound(path); r = v.visualRect(p.model.index(c.row, c.col)); return r.top() >= 0 and r.bottom() <= h\n"
        "funding = all(shown(f'overall.funding.{n}') for n in ('initial', 'annual', 'executed', 'score')) and shown('overall.expense.project')\n"
        "rows = sum(shown(f'overall.indicators[{r.id}].score') for r in doc.overall.indicators)\n"
        "print(v.horizontalScrollBar().maximum(), funding, rows, w.dock.isVisible() and not w.dock.isFloating())\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "JXZP_CONFIG_DIR": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    assert out.returncode == 0, out.stderr
    hscroll, funding, rows, docked = out.stdout.split()
    assert hscroll == "0" and funding == "True" and int(rows) >= 8 and docked == "True"
