"""Robustness in bulk (issue 8): generated cell inputs and mutated files, counting what escapes.

* 10,000 cell inputs (tests/hostile.py: odd digits, units, surrogates, control characters, formulas …)
  typed into random input cells of every form through the grid's setData, as the editor commits them:
  each is refused (the document must then be exactly as before) or accepted (the document must then
  save and read back exactly).
* 1,000 mutated files (truncations, byte flips, syntax mutations, deleted/duplicated spans of the
  examples, and valid JSON with one odd value) through storage.load, `main.py check` (in this process),
  an export to .xlsx of those that load, and the window's open path.

A "traceback" is any exception that escapes one of those paths. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/robustness.py [--inputs N] [--files N]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model import storage  # noqa: E402
from tests import hostile  # noqa: E402
from tests.conftest import example_path  # noqa: E402


class Tally:
    def __init__(self):
        self.counts: dict[str, int] = {}
        self.examples: dict[str, str] = {}

    def add(self, key: str, example: str = "") -> None:
        self.counts[key] = self.counts.get(key, 0) + 1
        if example and key not in self.examples:
            self.examples[key] = example

    def __getitem__(self, key: str) -> int:
        return self.counts.get(key, 0)


def _window(config: Path):
    from ui.app import create_app
    from ui.main_window import MainWindow
    from ui.settings import Settings
    create_app()
    window = MainWindow(Settings(config), config, quiet=True)
    window.resize(1400, 900)
    return window


def cell_inputs(count: int, folder: Path, tally: Tally) -> float:
    from PySide6.QtCore import Qt
    window = _window(folder / "config")
    path = folder / "work.jxzp"
    shutil.copy(example_path("tianyuan-2024"), path)
    window.files.open_path(path)
    window.show()
    rng = random.Random(8)
    keys = []
    for key, _title in window._page_keys():  # the pages that are grids of cells (not 单位信息, 审核结果 …)
        window.show_page(key)
        if hasattr(getattr(window.pages.get(key), "model", None), "layout"):
            keys.append(key)
    start = time.perf_counter()
    for number, text in enumerate(hostile.cell_inputs(count)):
        key = rng.choice(keys)
        window.show_page(key)
        page = window.pages[key]
        cells = [c for c in page.model.layout.cells if c.editable]
        cell = rng.choice(cells)
        session = window.session
        before = storage.to_dict(session.doc)
        try:
            accepted = page.model.setData(page.model.index(cell.row, cell.col), text, Qt.ItemDataRole.EditRole)
            if accepted:
                tally.add("accepted")
                again = storage.loads(storage.encode(session.doc).decode("utf-8"))
                if again != session.doc:
                    tally.add("accepted but not saved exactly", f"{cell.binding} ← {text!r}")
            else:
                tally.add("refused")
                if storage.to_dict(session.doc) != before:
                    tally.add("document changed by a refusal", f"{cell.binding} ← {text!r}")
        except Exception:  # noqa: BLE001 - what we count
            tally.add("tracebacks", f"{cell.binding} ← {text!r}\n{traceback.format_exc()}")
        if number % 500 == 499:  # keep the undo stack and the document from growing without end
            session.undo_stack.setClean()
            window.files.open_path(path)
    elapsed = time.perf_counter() - start
    window.session.undo_stack.setClean()
    window.close()
    return elapsed


def _check(path: Path) -> tuple[int, str]:
    from cli.app import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):  # the commands look their streams up
        code = main(["check", "--json", str(path)])
    return code, err.getvalue()


def mutated_files(count: int, folder: Path, tally: Tally) -> float:
    from exporters import ExportError
    from exporters.xlsx import write_xlsx
    window = _window(folder / "config2")
    raw_mutants = list(hostile.mutants(count * 3 // 4, seed=88))
    odd_values = [(label, json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"))
                  for label, data in hostile.semantic_mutants(count - len(raw_mutants), seed=89)]
    path = folder / "mutant.jxzp"
    start = time.perf_counter()
    for label, raw in raw_mutants + odd_values:
        path.write_bytes(raw)
        try:
            try:
                storage.load(path)
                tally.add("files that load")
                try:
                    write_xlsx(storage.load(path), folder / "out.xlsx")
                except ExportError:
                    tally.add("exports refused with a message")
            except storage.DocumentError:
                tally.add("files refused with a message")
            code, err = _check(path)
            if "Traceback" in err or code not in (0, 1, 2):
                tally.add("tracebacks", f"check {label}: {err[-300:]}")
            window.files.open_path(path, quiet=True)
            if window.session is not None:
                window.session.undo_stack.setClean()
        except Exception:  # noqa: BLE001 - what we count
            tally.add("tracebacks", f"{label}\n{traceback.format_exc()}")
        if path.read_bytes() != raw:
            tally.add("files changed", label)
    elapsed = time.perf_counter() - start
    window.close()
    return elapsed


def autosave_latency(folder: Path, rounds: int = 10) -> dict[str, float]:
    """Seconds from an edit to its autosave on disk (the most a kill -9 can lose), per document size."""
    from PySide6.QtCore import QEventLoop, QTimer

    from benchmarks.large_document import build
    from ui.session import Session
    window = _window(folder / "config3")
    window.show()
    results = {}
    large = folder / "large.jxzp"
    storage.save(build(), large)
    for label, source in (("示例文档", example_path("tianyuan-2024")), ("50 个项目", large)):
        path = folder / f"latency-{source.name}"
        shutil.copy(source, path)
        window.set_session(Session(storage.load(path), path))
        samples = []
        for number in range(rounds):
            loop = QEventLoop()
            window.autosaver.saved.connect(loop.quit)
            QTimer.singleShot(10000, loop.quit)
            start = time.perf_counter()
            window.session.set_text("unit.phone", str(1000 + number))
            loop.exec()
            samples.append(time.perf_counter() - start)
            window.autosaver.saved.disconnect(loop.quit)
        results[label] = max(samples)
        window.session.undo_stack.setClean()
    window.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10000)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        os.environ["JXZP_CONFIG_DIR"] = str(folder / "config")
        inputs, files = Tally(), Tally()
        input_time = cell_inputs(args.inputs, folder, inputs)
        file_time = mutated_files(args.files, folder, files)
        latency = autosave_latency(folder)
    print(f"cell inputs: {args.inputs} in {input_time:.1f} s — accepted {inputs['accepted']}, refused "
          f"{inputs['refused']}, tracebacks {inputs['tracebacks']}, documents changed by a refusal "
          f"{inputs['document changed by a refusal']}, accepted but not saved exactly "
          f"{inputs['accepted but not saved exactly']}")
    print(f"mutated files: {args.files} in {file_time:.1f} s — refused with a message "
          f"{files['files refused with a message']}, still a document {files['files that load']} (exports refused "
          f"with a message {files['exports refused with a message']}), tracebacks {files['tracebacks']}, "
          f"files changed {files['files changed']}")
    print("autosave, longest of 10 edits from the edit to the file on disk: "
          + "；".join(f"{label} {seconds:.2f} s" for label, seconds in latency.items()))
    for tally in (inputs, files):
        for key, example in tally.examples.items():
            print(f"\n[{key}] first case:\n{example}")
    bad = inputs["tracebacks"] + inputs["document changed by a refusal"] + inputs["accepted but not saved exactly"]
    bad += files["tracebacks"] + files["files changed"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
