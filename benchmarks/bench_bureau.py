"""A finance bureau's folder: `summary` and `check` over the examples plus N generated unit files.

Run: .venv/bin/python benchmarks/bench_bureau.py [N ...]   (default 50 200 500)
Aims: 200 units summarised in a few seconds; time per unit flat as the folder grows (linear).
Each generated unit is one of the examples with its own name, year and figures shifted, so that no two
files are alike; the commands run as a bureau runs them, whole process included.
"""
from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_core import machine  # noqa: E402
from model import storage  # noqa: E402
from tests.conftest import EXAMPLE_NAMES, example_path  # noqa: E402


def make_folder(folder: Path, units: int) -> None:
    bases = [storage.load(example_path(name)) for name in EXAMPLE_NAMES]
    for name in EXAMPLE_NAMES:
        (folder / f"{name}.jxzp").write_bytes(example_path(name).read_bytes())
    for number in range(units):
        doc = copy.deepcopy(bases[number % len(bases)])
        doc.unit.name = f"某县第{number + 1}征收服务中心"
        for _, form in doc.scored_forms():
            if form.annual_funding.executed is not None and hasattr(form, "funding"):
                form.funding.executed = form.funding.executed - Decimal(number % 7)
        storage.save(doc, folder / f"unit-{number + 1:03d}.jxzp")


def timed_command(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), *args], check=False, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [50, 200, 500]
    print(machine())
    print(f"{'units':>6} {'summary s':>10} {'ms/unit':>8} {'check s':>8} {'ms/unit':>8}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work) / "单位"
            folder.mkdir()
            make_folder(folder, size)
            total = size + len(EXAMPLE_NAMES)
            summary = timed_command("summary", str(folder), "--out", str(Path(work) / "汇总.xlsx"))
            check = timed_command("check", "--json", str(folder))
            print(f"{total:>6} {summary:>10.2f} {summary / total * 1000:>8.1f} {check:>8.2f} {check / total * 1000:>8.1f}")


if __name__ == "__main__":
    main()
