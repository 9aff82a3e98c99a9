"""Core speed: load, full recompute, checks and save of the 50-project document; one edit's recompute.

Run: .venv/bin/python benchmarks/bench_core.py      (aims: load+score+check < 50 ms, one edit < 1 ms)
"""
from __future__ import annotations

import platform
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.large_document import build  # noqa: E402
from model import storage  # noqa: E402
from model.checks import check_basic, check_cross, check_scored_form  # noqa: E402
from model.evaluation import Evaluator, evaluate  # noqa: E402
from model.scoring import score_form  # noqa: E402


def timed(function, repeat: int) -> float:
    """Median wall time in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def byte_compile(root: Path = ROOT) -> None:
    """As installed (and as PyInstaller bundles it): the project's modules are byte-compiled.

    Machines that set PYTHONDONTWRITEBYTECODE would otherwise recompile every module at every
    start, while PySide6 itself was compiled when pip installed it.
    """
    import compileall
    for folder in ("model", "ui", "exporters", "cli", "importers"):
        if (root / folder).is_dir():  # an earlier revision (tree_at) may not have it yet
            compileall.compile_dir(str(root / folder), quiet=1)
    compileall.compile_file(str(root / "main.py"), quiet=1)


def tree_at(revision: str, folder: Path) -> Path:
    """The project as of ``revision`` (git archive) in ``folder``, byte-compiled, to measure against in the same run."""
    import io
    import subprocess
    import tarfile
    data = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(folder, filter="data")
    byte_compile(folder)
    return folder


def alternating_medians(commands: dict[str, list[str]], runs: int, check: bool = True) -> dict[str, float]:
    """Median wall time (ms) of each whole command over ``runs``, the commands launched in turn so that a busy
    moment of the machine falls on all of them alike; one warm-up run of each first (the file cache)."""
    import subprocess
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
            if round_:
                samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> dict[str, float]:
    doc = build()
    rows = sum(len(f.indicators) for _, f in doc.scored_forms())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.jxzp"
        storage.save(doc, path)
        size = path.stat().st_size
        results = {
            "load": timed(lambda: storage.load(path), 15),
            "score (all forms)": timed(lambda: [score_form(f, doc.framework_for(f)) for _, f in doc.scored_forms()], 15),
        }
        scored = {k: score_form(f, doc.framework_for(f)) for k, f in doc.scored_forms()}
        results["checks (all forms)"] = timed(lambda: ([check_scored_form(doc, k, f, scored[k])
                                                        for k, f in doc.scored_forms()],
                                                       check_basic(doc), check_cross(doc, scored)), 15)
        results["load + score + check"] = timed(lambda: evaluate(storage.load(path)), 15)
        results["save"] = timed(lambda: storage.save(doc, path), 15)
    evaluator = Evaluator(doc)
    row = doc.projects[24].indicators[7]

    def one_edit():
        row.score = Decimal(3) if row.score != 3 else Decimal(4)
        evaluator.refresh(changed=["projects[p25]"])

    results["one edit's recompute (form + cross checks)"] = timed(one_edit, 200)
    results["one edit's score only (one form)"] = timed(
        lambda: score_form(doc.projects[24], doc.framework_for(doc.projects[24])), 200)
    big = build(projects=500)  # a bureau-sized set: the cross-form checks must stay linear in projects
    big_evaluator = Evaluator(big)
    big_row, big_key = big.projects[250].indicators[7], f"projects[{big.projects[250].id}]"

    def one_big_edit():
        big_row.score = Decimal(3) if big_row.score != 3 else Decimal(4)
        big_evaluator.refresh(changed=[big_key])

    results["one edit's recompute, 500 projects (aim < 2 ms)"] = timed(one_big_edit, 200)
    print(f"machine: {machine()}")
    print(f"document: {len(doc.projects)} projects, {rows} indicator rows, {size / 1024:.0f} KiB")
    for name, value in results.items():
        print(f"{name:45s} {value:8.2f} ms")
    return results


if __name__ == "__main__":
    main()
