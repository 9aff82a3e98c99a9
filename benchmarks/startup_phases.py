"""Where the window's start-up goes: one whole start (as `python main.py` with the example), timed by phase.

Run by `benchmarks/bench_ui.py --phases` (which launches it several times and prints medians), or alone:
    JXZP_LAUNCHED=$(date +%s.%N) QT_QPA_PLATFORM=offscreen JXZP_CONFIG_DIR=/tmp/x JXZP_STARTUP_STAMPS=/tmp/x/s \
        .venv/bin/python benchmarks/startup_phases.py
It prints one JSON object: {"phases": [[label, depth, start_ms, duration_ms, import_ms], ...]} where times
count from the process launch (JXZP_LAUNCHED, wall clock) and import_ms is the part of a phase spent
executing modules (imports nested in it). Nothing of the app is changed: functions are wrapped as their
modules are imported, through a finder on sys.meta_path, so imports still happen where they happen.
"""
from __future__ import annotations

import importlib.abc
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LAUNCHED = float(os.environ.get("JXZP_LAUNCHED", time.time()))
_offset = time.time() - time.perf_counter()  # perf_counter → wall clock


def now_ms() -> float:
    return (time.perf_counter() + _offset - LAUNCHED) * 1000


# module → functions (dotted inside the module) to time when called
WATCHED = {
    "ui.app": ["create_app", "load_first_document", "offer_recovery"],
    "ui.main_window": ["MainWindow.__init__", "MainWindow.set_session", "MainWindow.page", "MainWindow.show_page",
                       "MainWindow._update_status"],
    "ui.menus": ["build_menus"],
    "ui.file_ops": ["FileController.open_path"],
    "model.storage": ["load_stamped"],
    "ui.session": ["Session.__init__"],
    "model.evaluation": ["Evaluator.__init__"],
    "ui.findings": ["FindingsView.__init__"],
    "ui.nav": ["NavPanel.rebuild", "NavPanel.__init__"],
    "ui.form_page": ["FormPage.__init__"],
    "ui.form_view": ["FormView.__init__", "FormView.apply_layout", "FormView.fit_rows", "FormView.set_zoom_choice",
                     "FormView._apply_zoom", "FormView.resizeEvent"],
    "ui.form_model": ["FormTableModel.__init__", "FormTableModel.data*"],
    "ui.delegates": ["CellDelegate.paint*"],
    "ui.view_ops": ["ViewController.__init__", "ViewController.attach", "ViewController.page_shown"],
    "ui.project_flow": ["ProjectFlow.__init__"],
    "ui.row_panel": ["RowPanel.__init__"],
    "ui.cell_note": ["CellNote.__init__", "CellNote.eventFilter*"],
    "model.layout.build": ["build_layout"],
    "ui.autosave": ["Autosaver.__init__", "Autosaver.attach", "find_recoverable"],
    "ui.settings": ["Settings.__init__"],
}

phases: list[list] = []  # [label, depth, start, duration, import_ms]
_stack: list[list] = []
_import_ms = [0.0]  # total time executing modules so far (outermost imports only)
_import_depth = [0]


_totals: dict[str, list] = {}  # label → [calls, total ms, first call at] of functions called often


def counted(label, function):
    """A function called many times (a paint, data()): one line with its calls and total time."""
    def wrapper(*args, **kwargs):
        start = now_ms()
        try:
            return function(*args, **kwargs)
        finally:
            entry = _totals.setdefault(label, [0, 0.0, start])
            entry[0] += 1
            entry[1] += now_ms() - start
    wrapper.__wrapped__ = function
    return wrapper


def timed(label, function):
    def wrapper(*args, **kwargs):
        entry = [label, len(_stack), now_ms(), 0.0, _import_ms[0]]
        phases.append(entry)
        _stack.append(entry)
        try:
            return function(*args, **kwargs)
        finally:
            _stack.pop()
            entry[3] = now_ms() - entry[2]
            entry[4] = _import_ms[0] - entry[4]
    wrapper.__wrapped__ = function
    return wrapper


def patch(module) -> None:
    for dotted in WATCHED.get(module.__name__, ()):
        many = dotted.endswith("*")
        dotted = dotted.rstrip("*")
        owner, name = module, dotted
        if "." in dotted:
            cls, name = dotted.split(".")
            owner = getattr(module, cls, None)
            if owner is None:
                continue
        function = getattr(owner, name, None)
        if function is None or hasattr(function, "__wrapped__"):
            continue
        label = f"{module.__name__.split('.')[-1]}.{dotted}"
        setattr(owner, name, counted(label, function) if many else timed(label, function))


class _TimedLoader(importlib.abc.Loader):
    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        start = time.perf_counter()
        _import_depth[0] += 1
        try:
            self.loader.exec_module(module)
        finally:
            _import_depth[0] -= 1
            if _import_depth[0] == 0:
                _import_ms[0] += (time.perf_counter() - start) * 1000
        patch(module)

    def __getattr__(self, name):
        return getattr(self.loader, name)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _TimedLoader(spec.loader)
                return spec
        return None


def main() -> None:
    phases.append(["interpreter ready", 0, now_ms(), 0.0, 0.0])
    sys.meta_path.insert(0, _Finder())
    start = now_ms()
    base = _import_ms[0]
    import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets  # noqa: E401,F401 - what the bare window imports too
    phases.append(["import PySide6 QtCore/QtGui/QtWidgets", 0, start, now_ms() - start, _import_ms[0] - base])
    start, base = now_ms(), _import_ms[0]
    import ui.app
    phases.append(["import ui.app (ours and the rest)", 0, start, now_ms() - start, _import_ms[0] - base])
    code = timed("app.run", ui.app.run)()
    for line in Path(os.environ["JXZP_STARTUP_STAMPS"]).read_text(encoding="utf-8").splitlines():
        label, moment = line.split()
        phases.append([f"stamp: {label} painted", 0, (float(moment) - LAUNCHED) * 1000, 0.0, 0.0])
    phases.append(["exit", 0, now_ms(), 0.0, 0.0])
    for label, (calls, total, first) in _totals.items():
        phases.append([f"{label} × {calls} (all calls)", 0, first, total, 0.0])
    phases.sort(key=lambda phase: phase[2])
    print(json.dumps({"phases": phases}))
    sys.exit(code)


if __name__ == "__main__":
    main()
