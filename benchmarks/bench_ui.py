"""Window speed and memory: start-up to the first painted window (vs a bare PySide6 window and a window
of our shape without our code, same run), edit to refreshed grid on the 50-project document, and peak memory.

Run: .venv/bin/python benchmarks/bench_ui.py
     .venv/bin/python benchmarks/bench_ui.py --phases [RUNS]   where the start-up goes (benchmarks/startup_phases.py)
     .venv/bin/python benchmarks/bench_ui.py --against REV     start-up of REV (e.g. main) and this tree, alternately
Aims: start-up ≤ 1.3× the bare window; edit → refreshed grid < 16 ms; peak memory ≤ bare + 60 MB.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_core import byte_compile, machine, tree_at  # noqa: E402
from benchmarks.large_document import build  # noqa: E402
from model import storage  # noqa: E402

RSS_PROBE = """
import os, resource, sys
sys.path.insert(0, {root!r})
from ui.app import run
code = run({doc!r})
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def env(config: str, stamps: str) -> dict:
    return dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), JXZP_CONFIG_DIR=config,
                JXZP_STARTUP_STAMPS=stamps)


def milestones(command: list[str], config: str) -> dict[str, float]:
    """ms from launching the process to each milestone it stamps (window, document)."""
    stamps = Path(config) / "stamps.txt"
    stamps.unlink(missing_ok=True)
    launched = time.time()
    subprocess.run(command, env=env(config, str(stamps)), check=True, capture_output=True)
    result = {}
    for line in stamps.read_text(encoding="utf-8").splitlines():
        label, moment = line.split()
        result[label] = (float(moment) - launched) * 1000
    return result


def startup(config: str, runs: int = 15, roots: tuple[Path, ...] = (ROOT,)) -> tuple[list[tuple[float, float]], float,
                                                                                      float]:
    """Medians of (our window painted, the example painted) for each copy of the program in ``roots`` (this
    one; with --against also an earlier revision), of a bare PySide6 window painted, and of a window of our
    shape without our code (benchmarks/shaped_window.py).

    The copies and the reference windows are launched in turn, so that whatever else the machine does
    affects all alike; the references' medians are taken over all their runs.
    """
    python = sys.executable
    commands = [[python, str(root / "main.py")] for root in roots]
    bare_command = [python, str(ROOT / "benchmarks" / "bare_window.py")]
    shaped_command = [python, str(ROOT / "benchmarks" / "shaped_window.py")]
    for command in commands + [bare_command, shaped_command]:
        milestones(command, config)  # warm the file cache
    window = [[] for _ in roots]
    document = [[] for _ in roots]
    bare, shaped = [], []
    for _ in range(runs):
        for index, command in enumerate(commands):
            ours = milestones(command, config)
            window[index].append(ours["window"])
            document[index].append(ours["document"])
            bare.append(milestones(bare_command, config)["window"])
        shaped.append(milestones(shaped_command, config)["window"])
    return ([(statistics.median(w), statistics.median(d)) for w, d in zip(window, document)],
            statistics.median(bare), statistics.median(shaped))


def peak_rss_mb(config: str, doc: Path) -> tuple[float, float]:
    stamps = str(Path(config) / "rss-stamps.txt")
    app = subprocess.run([sys.executable, "-c", RSS_PROBE.format(root=str(ROOT), doc=str(doc))],
                         env=env(config, stamps), check=True, capture_output=True, text=True).stdout.split()[-1]
    bare = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bare_window.py"), "--rss"],
                          env=env(config, stamps), check=True, capture_output=True, text=True).stdout.split()[-1]
    return int(app) / 1024, int(bare) / 1024


def edit_to_refresh(doc_path: Path, config: str, edits: int = 60) -> dict[str, float]:
    """In this process: open the document, show a page, time set_text + the repaint it causes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["JXZP_CONFIG_DIR"] = config
    from PySide6.QtWidgets import QApplication

    from ui.app import create_app
    from ui.main_window import MainWindow
    from ui.settings import Settings
    app = create_app()
    window = MainWindow(Settings(Path(config)), Path(config), quiet=True)
    window.files.open_path(doc_path)
    window.show()
    results = {}
    for key, path_of in (("projects[p25]", lambda i: f"projects[p25].indicators[p25r{i % 20 + 1}].score"),
                         ("overall", lambda i: f"overall.indicators[or{i % 20 + 1}].score"),
                         ("basic", lambda i: f"basic.special_rows[s{i % 50 + 1}].final")):
        window.show_page(key)
        for _ in range(5):
            app.processEvents()
        samples = []
        for i in range(edits):
            value = str(Decimal(3 + i % 2))
            start = time.perf_counter()
            window.session.set_text(path_of(i), value)
            app.processEvents()  # the model's dataChanged → repaint of the changed cells
            window.pages[key].view.viewport().repaint()
            samples.append((time.perf_counter() - start) * 1000)
        results[key] = statistics.median(samples)
    window.session.undo_stack.setClean()
    window.close()
    return results


def phases(runs: int = 9) -> None:
    """Medians over ``runs`` whole starts of each timed phase (start, duration, imports in it; ms from launch)."""
    import json
    byte_compile()
    table: dict[tuple[str, int], list] = {}
    order: list[tuple[str, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        stamps = str(Path(folder) / "stamps.txt")
        for run in range(runs + 1):  # the first warms the file cache
            Path(stamps).unlink(missing_ok=True)
            launched = time.time()
            output = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "startup_phases.py")],
                                    env=dict(env(folder, stamps), JXZP_LAUNCHED=repr(launched)), check=True,
                                    capture_output=True, text=True).stdout
            seen: dict[str, int] = {}
            for label, depth, start, duration, imports in json.loads(output.splitlines()[-1])["phases"]:
                key = (label, seen.get(label, 0))
                seen[label] = key[1] + 1
                if run == 0:
                    continue
                if key not in table:
                    table[key] = [depth, [], [], []]
                    order.append(key)
                for column, value in zip(table[key][1:], (start, duration, imports)):
                    column.append(value)
    print(f"machine: {machine()}; medians of {runs} starts; ms from launching the process")
    print(f"{'at':>7} {'takes':>7} {'imports':>7}  phase")
    for key in sorted(order, key=lambda k: statistics.median(table[k][1])):
        depth, starts, durations, imports = table[key]
        print(f"{statistics.median(starts):7.1f} {statistics.median(durations):7.1f} {statistics.median(imports):7.1f}  "
              f"{'  ' * depth}{key[0]}")


def main() -> None:
    if "--phases" in sys.argv:
        rest = sys.argv[sys.argv.index("--phases") + 1:]
        phases(int(rest[0]) if rest and rest[0].isdigit() else 9)
        return
    byte_compile()
    against = sys.argv[sys.argv.index("--against") + 1] if "--against" in sys.argv else None
    print(f"machine: {machine()}, QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")
    with tempfile.TemporaryDirectory() as folder:
        doc_path = Path(folder) / "large.jxzp"
        storage.save(build(), doc_path)
        if against:
            old_root = tree_at(against, Path(folder) / "against")
            results, bare_ms, shaped_ms = startup(folder, roots=(old_root, ROOT))
            print(f"start-up measured alternately: {against} and this working tree; bare window {bare_ms:.0f} ms, "
                  f"a window of our shape without our code {shaped_ms:.0f} ms ({shaped_ms / bare_ms:.2f}×)")
            for name, (window_ms, example_ms) in zip((against, "this tree"), results):
                print(f"  {name:>10}: our window {window_ms:.0f} ms ({window_ms / bare_ms:.2f}×), "
                      f"example painted {example_ms:.0f} ms ({example_ms / bare_ms:.2f}×)")
            return
        [(window_ms, example_ms)], bare_ms, shaped_ms = startup(folder)
        app_mb, bare_mb = peak_rss_mb(folder, doc_path)
        refresh = edit_to_refresh(doc_path, folder)
    print(f"start-up, bare PySide6 window painted: {bare_ms:.0f} ms")
    print(f"start-up, a window of our shape, none of our code: {shaped_ms:.0f} ms  ({shaped_ms / bare_ms:.2f}× bare)")
    print(f"start-up, our window painted:          {window_ms:.0f} ms  ({window_ms / bare_ms:.2f}× bare)")
    print(f"start-up, example form painted:        {example_ms:.0f} ms  ({example_ms / bare_ms:.2f}× bare)")
    print(f"peak memory: app with the 50-project document {app_mb:.0f} MB, bare window {bare_mb:.0f} MB, "
          f"difference {app_mb - bare_mb:.0f} MB")
    for key, value in refresh.items():
        print(f"edit → refreshed grid ({key}): {value:.2f} ms")


if __name__ == "__main__":
    main()
