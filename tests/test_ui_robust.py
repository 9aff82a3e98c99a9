"""The window against hostile files and clumsy hands: open, type, save, a second window, autosave, signals."""
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from decimal import Decimal

import pytest

pytest.importorskip("PySide6")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from model import storage  # noqa: E402
from tests import hostile  # noqa: E402
from tests.conftest import ROOT, example_path  # noqa: E402
from tests.test_ui import page_of, window  # noqa: E402,F401 - the window fixture


@pytest.fixture
def errors(monkeypatch):
    """Messages the window would have shown in a box."""
    shown = []
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr("ui.file_ops.ask_save_changes", lambda *_: QMessageBox.StandardButton.Discard)  # closing
    monkeypatch.setattr("ui.dialogs.show_error", lambda _parent, title, text: shown.append((title, text)))
    monkeypatch.setattr("ui.file_ops.show_error", lambda _parent, title, text: shown.append((title, text)))
    return shown


def make_window(qtbot, config):
    from ui.main_window import MainWindow
    from ui.settings import Settings
    win = MainWindow(Settings(config), config, quiet=True)
    qtbot.addWidget(win)
    return win


def snapshot(doc):
    return storage.to_dict(doc)


# --- opening ----------------------------------------------------------------------------------

def test_hostile_files_through_the_open_path(window, tmp_path, errors):
    window.quiet = False  # the user is there: each refusal is a message box
    before = window.session
    for name in sorted(hostile.CASES):
        path = hostile.write_case(tmp_path, name)
        raw = path.read_bytes()
        assert window.files.open_path(path) is False, name
        assert window.session is before, name  # the open document stays
        assert path.read_bytes() == raw
    assert len(errors) == len(hostile.CASES)
    assert all(title == "无法打开" and "Traceback" not in text for title, text in errors)


def test_mutated_files_through_the_open_path(window, tmp_path, errors):
    window.quiet = False
    opened = 0
    for label, raw in hostile.mutants(80, seed=81):
        path = tmp_path / "mutant.jxzp"
        path.write_bytes(raw)
        if window.files.open_path(path):
            opened += 1
            for key, _title in window._page_keys():  # every page of whatever opened can be shown
                window.show_page(key)
        assert path.read_bytes() == raw, label
    assert len(errors) + opened == 80


def test_unknown_indicator_groups_open_and_are_listed(window, tmp_path):
    assert window.files.open_path(hostile.unknown_level2(tmp_path))
    page = page_of(window, "overall")
    cell = page.model.layout.bound(f"overall.indicators[{window.session.doc.overall.indicators[-1].id}].name")
    assert cell is not None
    codes = [f.code for f in window.session.evaluation.findings]
    assert codes.count("indicator.unknown_group") == 3


# --- typing -----------------------------------------------------------------------------------

HOSTILE_TEXT = st.text(st.one_of(st.characters(exclude_categories=()),
                                 st.sampled_from(list("\ud800\udfff\ufffe\uffff\x00\x01\x1b\x7f\t\n\r٢③½²０５.,-%元万"))),
                       max_size=40)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fuzzed_cell_input_is_refused_or_saveable(window, data):
    """Through the grid's setData, as the editor commits: a refusal changes nothing, an acceptance can be
    saved and read back exactly."""
    key = data.draw(st.sampled_from(["overall", "basic", f"projects[{window.session.doc.projects[0].id}]"]))
    page = page_of(window, key)
    cells = [c for c in page.model.layout.cells if c.editable]
    cell = data.draw(st.sampled_from(cells))
    text = data.draw(st.one_of(HOSTILE_TEXT, st.sampled_from(hostile.CELL_TEXTS)))
    session = window.session
    before, depth = snapshot(session.doc), session.undo_stack.count()
    accepted = page.model.setData(page.model.index(cell.row, cell.col), text, Qt.ItemDataRole.EditRole)
    if not accepted:
        assert snapshot(session.doc) == before
        assert session.undo_stack.count() == depth
        return
    payload = storage.encode(session.doc)
    assert storage.loads(payload.decode("utf-8")) == session.doc
    session.evaluation.findings  # noqa: B018 - evaluated without failing


def test_an_edit_whose_evaluation_fails_is_taken_back(window, monkeypatch, errors):
    session = window.session
    before, depth = snapshot(session.doc), session.undo_stack.count()

    def broken(_forms=None):
        raise ArithmeticError("boom")
    monkeypatch.setattr(session.evaluator, "refresh", broken)
    assert session.set_text("overall.funding.executed", "100") is False
    monkeypatch.undo()
    assert snapshot(session.doc) == before and session.undo_stack.count() == depth
    assert "程序内部错误（ArithmeticError）" in window.statusBar().currentMessage()


# --- saving -----------------------------------------------------------------------------------

def test_saving_over_a_read_only_file_asks(window, monkeypatch):
    path = window.session.path
    window.session.set_text("unit.phone", "123")
    path.chmod(0o444)
    before = path.read_bytes()
    try:
        monkeypatch.setattr("ui.file_ops.ask_overwrite", lambda *_: "cancel")
        assert window.files.save() is False and path.read_bytes() == before and window.session.modified
        monkeypatch.setattr("ui.file_ops.ask_overwrite", lambda *_: "overwrite")
        assert window.files.save() is True and storage.load(path).unit.phone == "123"
        assert not window.session.modified and not path.stat().st_mode & 0o222
    finally:
        path.chmod(0o644)


def test_a_file_changed_on_disk_is_not_overwritten_silently(window, monkeypatch):
    path = window.session.path
    window.session.set_text("unit.phone", "123")
    other = storage.load(path)
    other.unit.preparer = "别人"
    storage.save(other, path)
    asked = []
    monkeypatch.setattr("ui.file_ops.ask_overwrite", lambda _w, title, _text: asked.append(title) or "cancel")
    assert window.files.save() is False
    assert asked == ["文件已被修改"] and storage.load(path).unit.preparer == "别人"
    monkeypatch.setattr("ui.file_ops.ask_overwrite", lambda *_: "overwrite")
    assert window.files.save() is True and storage.load(path).unit.phone == "123"
    window.session.set_text("unit.phone", "456")  # our own save is not "changed by another program"
    monkeypatch.setattr("ui.file_ops.ask_overwrite", lambda *_: pytest.fail("asked after our own save"))
    assert window.files.save() is True


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_saving_a_symlinked_document_keeps_the_link(window, tmp_path):
    real = tmp_path / "real.jxzp"
    link = tmp_path / "link.jxzp"
    shutil.copy(example_path("lukou-2023"), real)
    link.symlink_to(real)
    assert window.files.open_path(link)
    window.session.set_text("unit.phone", "123")
    assert window.files.save()
    assert link.is_symlink() and storage.load(real).unit.phone == "123"


def test_a_save_failure_is_said_in_chinese_and_keeps_the_work(window, monkeypatch, errors):
    window.quiet = False
    window.session.set_text("unit.phone", "123")

    def full(_src, _dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", full)
    assert window.files.save() is False
    assert errors and errors[-1][0] == "保存失败" and "磁盘空间不足" in errors[-1][1]
    assert window.session.modified and window.session.doc.unit.phone == "123"


def test_a_second_window_opens_the_document_read_only(window, qtbot, monkeypatch, tmp_path):
    path = window.session.path
    second = make_window(qtbot, window.config)
    assert second.files.open_path(path)
    assert second.session.read_only and "只读" in second.windowTitle()
    second.session.set_text("unit.phone", "999")
    monkeypatch.setattr("ui.file_dialogs.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr("ui.file_ops.show_error", lambda *_: None)
    assert second.files.save() is False  # the same file again: refused, the first window's file is safe
    assert storage.load(path).unit.phone != "999"
    copy = tmp_path / "copy.jxzp"
    monkeypatch.setattr("ui.file_dialogs.QFileDialog.getSaveFileName", lambda *a, **k: (str(copy), ""))
    assert second.files.save() is True and storage.load(copy).unit.phone == "999"
    assert not second.session.read_only and "只读" not in second.windowTitle()
    second.session.undo_stack.setClean()
    second.close()
    window.session.set_text("unit.phone", "111")
    assert window.files.save() is True  # the first window was never disturbed


def test_the_lock_goes_with_the_window(window, qtbot):
    path = window.session.path
    window.session.undo_stack.setClean()
    window.close()
    second = make_window(qtbot, window.config)
    assert second.files.open_path(path) and not second.session.read_only
    assert window.files.open_path(path)  # reopened by the first window: now it is the read-only one
    assert window.session.read_only
    second.close()


# --- autosave and recovery --------------------------------------------------------------------

def test_autosave_follows_an_edit_within_a_second(window, qtbot):
    from ui.autosave import DELAY_MS
    assert DELAY_MS <= 1000
    window.session.set_text("unit.phone", "123")
    qtbot.waitUntil(window.autosaver.document.exists, timeout=5000)
    window.autosaver.wait()
    assert storage.load(window.autosaver.document).unit.phone == "123"


def test_a_corrupt_autosave_is_reported_once_and_moved_aside(tmp_path, qtbot):
    from ui.app import offer_recovery
    from ui.autosave import autosave_dir, find_recoverable
    config = tmp_path / "config"
    folder = autosave_dir(config)
    (folder / "dead.jxzp").write_text('{"format": "jxzp", "vers', encoding="utf-8")
    (folder / "dead.json").write_text("{not json", encoding="utf-8")
    win = make_window(qtbot, config)
    found = find_recoverable(config)
    assert len(found) == 1 and found[0].problem
    assert offer_recovery(win, config) is False
    assert "无法恢复" in win.statusBar().currentMessage()
    assert find_recoverable(config) == []  # never offered again
    assert len(list((folder / "damaged").iterdir())) == 2  # kept, out of the way
    win.close()


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from ui.app import close_on_signals, create_app
    from ui.main_window import MainWindow
    from ui.settings import Settings, config_dir
    app = create_app()
    config = config_dir()
    window = MainWindow(Settings(config), config)
    window.files.open_path(Path({doc!r}))
    close_on_signals(window)
    window.show()
    window.session.set_text("overall.funding.executed", "1500")
    print("EDITED", flush=True)
    sys.exit(app.exec())
""")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_without_a_display_closes_into_the_autosave(tmp_path, signum):
    config = tmp_path / "config"
    doc_path = tmp_path / "work.jxzp"
    shutil.copy(example_path("tianyuan-2024"), doc_path)
    env = dict(os.environ, JXZP_CONFIG_DIR=str(config), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", CHILD.format(root=str(ROOT), doc=str(doc_path))], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().startswith("EDITED")
        time.sleep(0.3)
        child.send_signal(signum)
        _out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0 and "Traceback" not in err, err
    assert storage.load(doc_path).overall.funding.executed == Decimal("1820.23")  # nothing saved unasked
    from ui.autosave import find_recoverable
    found = find_recoverable(config)
    assert len(found) == 1 and found[0].problem is None and found[0].original == str(doc_path)
    assert storage.load(found[0].document).overall.funding.executed == Decimal("1500")


# --- export and print -------------------------------------------------------------------------

def test_an_unforeseen_export_failure_is_a_message(window, monkeypatch, tmp_path, errors):
    window.quiet = False

    def broken(*_args, **_kwargs):
        raise ValueError("All strings must be XML compatible")
    monkeypatch.setattr("exporters.export", broken)
    before = snapshot(window.session.doc)
    assert window.exports.export(["xlsx"], str(tmp_path)) == []
    assert errors[-1][0] == "导出失败" and "程序内部错误（ValueError）" in errors[-1][1]
    assert snapshot(window.session.doc) == before
    assert (window.config / "errors.log").read_text(encoding="utf-8").count("ValueError") >= 1


def test_a_print_failure_is_a_message(window, monkeypatch, errors):
    window.quiet = False

    def broken(*_args):
        raise RuntimeError("无法开始打印：打印机不可用")
    monkeypatch.setattr("ui.printing.paint_layouts", broken)
    assert window.exports._paint(None, "打印失败") is False
    assert errors[-1] == ("打印失败", "无法开始打印：打印机不可用\n\n文档没有改动。")


def test_the_window_config_keeps_working_files_apart(window):
    locks = list((window.config / "locks").iterdir())
    assert len(locks) == 1 and json is not None  # one lock: the open document's, not beside the document
    assert not any(p.name.endswith(".lock") for p in window.session.path.parent.iterdir())
