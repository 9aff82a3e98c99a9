"""Crash recovery: a window is killed with SIGKILL after an edit; the next start offers the work back."""
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from decimal import Decimal

import pytest

from tests.conftest import ROOT, example_path

CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from ui.app import create_app
    from ui.main_window import MainWindow
    from ui.settings import Settings, config_dir
    app = create_app()
    config = config_dir()
    window = MainWindow(Settings(config), config, quiet=True)
    window.files.open_path(Path({doc!r}))
    window.show()
    window.autosaver.saved.connect(lambda path: print("SAVED", path, flush=True))
    window.session.set_text("overall.funding.executed", "1500")
    print("EDITED", flush=True)
    app.exec()
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_autosave_is_recovered_after_the_process_is_killed(tmp_path, qtbot, monkeypatch):
    config = tmp_path / "config"
    doc_path = tmp_path / "work.jxzp"
    shutil.copy(example_path("tianyuan-2024"), doc_path)
    env = dict(os.environ, JXZP_CONFIG_DIR=str(config), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", CHILD.format(root=str(ROOT), doc=str(doc_path))], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        edited_at = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if line.startswith("EDITED"):
                edited_at = time.monotonic()
            if line.startswith("SAVED"):
                break
        else:
            pytest.fail("the child never autosaved")
        assert time.monotonic() - edited_at < 6  # autosaved within seconds of the change
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    from model import storage
    assert storage.load(doc_path).overall.funding.executed == Decimal("1820.23")  # the file itself is untouched

    monkeypatch.setenv("JXZP_CONFIG_DIR", str(config))
    from ui.autosave import find_recoverable
    found = find_recoverable(config)
    assert len(found) == 1 and found[0].original == str(doc_path)
    assert "株洲市天元区征地工作协调服务中心 2024年度" in found[0].describe()

    from ui.app import offer_recovery
    from ui.main_window import MainWindow
    from ui.settings import Settings
    window = MainWindow(Settings(config), config, quiet=True)
    qtbot.addWidget(window)
    monkeypatch.setattr("ui.app.ask_recovery", lambda *_: "later")  # Esc: kept for next time
    assert not offer_recovery(window, config) and len(find_recoverable(config)) == 1
    monkeypatch.setattr("ui.app.ask_recovery", lambda *_: "restore")
    assert offer_recovery(window, config)
    session = window.session
    assert session.doc.overall.funding.executed == Decimal("1500")
    assert session.modified and session.path == doc_path  # unsaved work, belonging to the original file
    assert find_recoverable(config) == []  # offered once
    window.autosaver.save_now()  # the recovered work is backed up again …
    session.set_text("unit.phone", "1")
    session.undo_stack.undo()  # … and stays backed up: it is still unsaved after an undo
    assert session.modified and window.autosaver.document.exists()
    window.close()


def test_a_running_window_is_not_offered_for_recovery(tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("JXZP_CONFIG_DIR", str(tmp_path))
    from ui.autosave import find_recoverable
    from ui.main_window import MainWindow
    from ui.settings import Settings
    window = MainWindow(Settings(tmp_path), tmp_path, quiet=True)
    qtbot.addWidget(window)
    window.files.open_path(example_path("lukou-2023"))
    window.session.set_text("unit.phone", "123")
    window.autosaver.save_now()
    assert window.autosaver.document.exists()
    assert find_recoverable(tmp_path) == []  # its lock is held: still open, not a crash
    window.session.undo_stack.setClean()  # the user saved: the autosave goes
    assert not window.autosaver.document.exists()
    window.close()
