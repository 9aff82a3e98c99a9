"""Every way of quitting ends cleanly: the question about unsaved changes when there is someone to ask,
nothing lost, no traceback (issue 10 item 7). Drives the real start-up in a subprocess."""
import os
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("PySide6")
from tests.conftest import ROOT, example_path  # noqa: E402

QT_NOISE = ("This plugin does not support",)  # the offscreen platform's own remarks


def drive(tmp_path, mode, answers=""):
    path = tmp_path / "文档.jxzp"
    shutil.copy(example_path("lukou-2023"), path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JXZP_CONFIG_DIR=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "quit_driver.py"), mode, str(path), answers],
                          capture_output=True, text=True, env=env, timeout=60)
    errors = [line for line in done.stderr.splitlines() if line.strip() and not line.startswith(QT_NOISE)]
    assert errors == [], done.stderr
    assert "HUNG" not in done.stdout and done.returncode == 0, done.stdout
    return done.stdout, path


def recoverable(tmp_path):
    from ui.autosave import find_recoverable
    return list(find_recoverable(tmp_path / "config"))


@pytest.mark.parametrize("mode", ["quit", "close", "ctrl-q-after-menu"])
def test_quitting_asks_about_unsaved_changes_and_ends_cleanly(tmp_path, mode):
    before = example_path("lukou-2023").read_bytes()
    out, path = drive(tmp_path, mode, "不保存")
    assert out.count("BOX") == 1 and "尚未保存的修改" in out and "RC 0" in out
    assert path.read_bytes() == before and recoverable(tmp_path) == []


def test_cancelling_the_question_keeps_the_window(tmp_path):
    out, _ = drive(tmp_path, "quit", "取消,保存")
    assert out.count("BOX") == 2 and "STILL RUNNING" in out  # 取消 stopped the quit; the later close saved
    from model import storage
    assert storage.load(tmp_path / "文档.jxzp").unit.name == "改过的单位"


def test_an_exit_past_the_window_keeps_the_work_for_the_next_start(tmp_path):
    out, path = drive(tmp_path, "exit")
    assert "BOX" not in out and "RC 0" in out  # nobody asked: Qt's exit does not close the window first
    [kept] = recoverable(tmp_path)
    from model import storage
    assert storage.load(kept.document).unit.name == "改过的单位"
