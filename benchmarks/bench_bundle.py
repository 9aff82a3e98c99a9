"""Start-up of the bundled command line: `jxzp check` vs `python main.py check`, same run.

Run after building the bundle (bash scripts/package.sh, or pyinstaller build.spec):
    .venv/bin/python benchmarks/bench_bundle.py [dist/绩效自评填报]
Aim (issue 14): the bundled `jxzp check` within 1.4× of `python main.py check`. Whole-process
wall time of `check --json` on the example, the two launched alternately (so that whatever else the
machine does affects both alike), 21 times each after a warm-up, medians reported; `jxzp --version`
and a bare `python -c pass` are shown beside them for scale. The project is byte-compiled first,
as the bundle is.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_core import alternating_medians, byte_compile, machine  # noqa: E402
from cli.bundle import CLI_PROGRAM, WINDOW_PROGRAM  # noqa: E402

EXAMPLE = ROOT / "resources" / "examples" / "tianyuan-2024.jxzp"
AIM = 1.4


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / WINDOW_PROGRAM).resolve()
    jxzp = bundle / (CLI_PROGRAM + (".exe" if sys.platform == "win32" else ""))
    if not jxzp.is_file():
        print(f"{jxzp} not found: build the bundle first (bash scripts/package.sh)", file=sys.stderr)
        return 2
    byte_compile()
    env_python = [sys.executable, str(ROOT / "main.py")]
    result = alternating_medians({
        "python main.py check": env_python + ["check", "--json", str(EXAMPLE)],
        "jxzp check": [str(jxzp), "check", "--json", str(EXAMPLE)],
        "python main.py --version": env_python + ["--version"],
        "jxzp --version": [str(jxzp), "--version"],
        "python -c pass": [sys.executable, "-c", "pass"],
    }, runs=21, check=False)  # check exits 1 on the example's findings
    print(f"machine: {machine()}")
    for label, value in result.items():
        print(f"{label:28s} {value:7.1f} ms")
    ratio = result["jxzp check"] / result["python main.py check"]
    print(f"jxzp check / python main.py check = {ratio:.2f}× (aim ≤ {AIM}×) {'met' if ratio <= AIM else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
