"""Smoke test of a built bundle: proves that trimming dropped nothing the programs need.

    .venv/bin/python tools/smoke_bundle.py dist/绩效自评填报      (package.sh and package.ps1 run it)

Copies the bundle into a folder whose path has Chinese characters and spaces and runs the programs
there as a user would, on a copy of the examples in another such folder: `jxzp --version`; `jxzp check --json` on every example, compared
line by line with `python main.py check --json` from this checkout (tianyuan-2024 must total
92.93); `jxzp export` to xlsx, docx and pdf, each read back; `jxzp screenshot` (PNG pages that are
not blank, offscreen and under xvfb-run when it is installed); `jxzp import` (compared with
`python main.py import`) and `jxzp print --pdf` when those commands exist. Exits non-zero on the
first failure.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cli.bundle import CLI_PROGRAM, WINDOW_PROGRAM  # noqa: E402
from model.version import VERSION  # noqa: E402

EXAMPLES = ROOT / "resources" / "examples"


class SmokeFailure(Exception):
    pass


def program(bundle: Path, name: str) -> Path:
    return bundle / (name + (".exe" if sys.platform == "win32" else ""))


def run(command: list, cwd: Path, env: dict, expect: tuple = (0,)) -> subprocess.CompletedProcess:
    started = time.perf_counter()
    result = subprocess.run([str(part) for part in command], capture_output=True, cwd=cwd, env=env, timeout=300)
    took = time.perf_counter() - started
    shown = " ".join(Path(str(part)).name if i == 0 else str(part) for i, part in enumerate(command))
    print(f"  {shown}  → {result.returncode} ({took:.2f} s)")
    if result.returncode not in expect:
        raise SmokeFailure(f"{shown}: exit code {result.returncode}\n{result.stdout.decode('utf-8', 'replace')}"
                           f"\n{result.stderr.decode('utf-8', 'replace')}")
    return result


def check_exports(folder: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    files = {path.suffix: path for path in folder.iterdir()}
    if set(files) != {".xlsx", ".docx", ".pdf"}:
        raise SmokeFailure(f"export wrote {sorted(p.name for p in folder.iterdir())}")
    sheets = load_workbook(files[".xlsx"]).sheetnames
    tables = Document(str(files[".docx"])).tables
    pdf = files[".pdf"].read_bytes()
    if len(sheets) < 3 or len(tables) < 3 or not pdf.startswith(b"%PDF") or b"/FontFile2" not in pdf:
        raise SmokeFailure(f"exports look wrong: {len(sheets)} sheets, {len(tables)} tables, "
                           f"pdf {len(pdf)} bytes, embedded TrueType font: {b'/FontFile2' in pdf}")
    print(f"    xlsx {len(sheets)} sheets, docx {len(tables)} tables, pdf {len(pdf) // 1024} KiB with embedded font")


def check_pngs(folder: Path, at_least: int) -> None:
    from PIL import Image

    pages = sorted(folder.glob("*.png"))
    if len(pages) < at_least:
        raise SmokeFailure(f"screenshot wrote {len(pages)} pages, expected {at_least}")
    for page in pages:
        with Image.open(page) as image:
            colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
            if image.width < 800 or (colours is not None and len(colours) < 16):
                raise SmokeFailure(f"{page.name} looks blank ({image.size}, {len(colours or [])} colours)")
    print(f"    {len(pages)} PNG pages")


def check_cli_has_no_qt(jxzp: Path) -> None:
    """jxzp's own module archive holds no Qt and no window code (read with PyInstaller's reader)."""
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        print("    (PyInstaller not installed here: jxzp's archive not inspected)")
        return
    modules = list(CArchiveReader(str(jxzp)).open_embedded_archive("PYZ.pyz").toc)
    qt = [name for name in modules if name.split(".")[0] in ("PySide6", "shiboken6", "ui")]
    if qt or "cli.check" not in modules:
        raise SmokeFailure(f"jxzp's archive: Qt/window modules {qt[:5]}, cli.check present: {'cli.check' in modules}")
    print(f"    jxzp: {len(modules)} modules, none of Qt or the window")


def smoke_import(jxzp: Path, seed: Path, work: Path, env: dict) -> None:
    """A seed spreadsheet imported by the bundle gives the same document as `python main.py import`."""
    folder = work / "导入 结果"
    folder.mkdir()
    ours, source = folder / "bundle.jxzp", folder / "source.jxzp"
    run([jxzp, "import", seed, "--out", ours], work, env, expect=(0, 1))
    subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(seed), "--out", str(source)], cwd=work,
                   capture_output=True, env=env)
    checked = [json.loads(run([jxzp, "check", "--json", path.name], folder, env, expect=(0, 1)).stdout)
               for path in (ours, source)]
    for summary in checked:
        summary.pop("file")
    if checked[0] != checked[1]:
        raise SmokeFailure("the bundle's import differs from python main.py import")
    print(f"    import: {seed.name} → same document as python main.py import")


def smoke(built: Path) -> None:
    for exe in (program(built, CLI_PROGRAM), program(built, WINDOW_PROGRAM)):
        if not exe.is_file():
            raise SmokeFailure(f"missing {exe}")
    work = Path(tempfile.mkdtemp(prefix="jxzp smoke 冒烟测试 "))
    try:
        # As a unit installs it: the folder copied somewhere else, into a path with Chinese and spaces.
        bundle = work / "程序 文件夹" / built.name
        shutil.copytree(built, bundle, symlinks=True)
        jxzp = program(bundle, CLI_PROGRAM)
        print(f"  copied to {bundle}")
        docs = work / "单位 文档"
        shutil.copytree(EXAMPLES, docs)
        env = dict(os.environ, JXZP_CONFIG_DIR=str(work / "配置 目录"))
        if sys.platform != "win32" and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"

        check_cli_has_no_qt(jxzp)
        version = run([jxzp, "--version"], work, env).stdout.decode("utf-8").strip()
        if VERSION not in version:
            raise SmokeFailure(f"--version printed {version!r}, expected {VERSION}")
        print(f"    {version}")

        names = sorted(p.name for p in docs.glob("*.jxzp"))
        ours = run([jxzp, "check", "--json", *names], docs, env, expect=(0, 1)).stdout.decode("utf-8").splitlines()
        source = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", "--json", *names], cwd=docs,
                                capture_output=True, env=env).stdout.decode("utf-8").splitlines()
        if ours != source:
            raise SmokeFailure("bundled check --json differs from python main.py check --json")
        totals = {summary["file"]: form["total_score"] for summary in map(json.loads, ours)
                  for form in summary["forms"] if form["form"] == "overall"}
        if totals.get("tianyuan-2024.jxzp") != "92.93":
            raise SmokeFailure(f"tianyuan-2024 total {totals.get('tianyuan-2024.jxzp')}, expected 92.93")
        print(f"    {len(ours)} documents, same as python main.py; tianyuan-2024 total 92.93")

        out = work / "导出 结果"
        run([jxzp, "export", "tianyuan-2024.jxzp", "--format", "xlsx,docx,pdf", "--out", out], docs, env)
        check_exports(out)

        shots = work / "截图 页面"
        run([jxzp, "screenshot", "tianyuan-2024.jxzp", "--out", shots], docs, env)
        check_pngs(shots, at_least=9)

        xvfb = shutil.which("xvfb-run") if sys.platform.startswith("linux") else None
        if xvfb and "QT_QPA_PLATFORM" in env:  # also on a real X server: the xcb plugin and its libraries
            x_env = {key: value for key, value in env.items() if key != "QT_QPA_PLATFORM"}
            x_shots = work / "截图 X11"
            run([xvfb, "-a", "-s", "-screen 0 1600x1000x24", jxzp, "screenshot", "tianyuan-2024.jxzp", "--out", x_shots],
                docs, x_env)
            check_pngs(x_shots, at_least=9)

        help_text = run([jxzp, "--help"], work, env).stdout.decode("utf-8")
        commands = help_text.split("命令", 1)[-1]
        seed = ROOT / "tests" / "fixtures" / "import" / "seed003-tianyuan-2024.xlsx"
        if "import" in commands and seed.is_file():
            smoke_import(jxzp, seed, work, env)
        else:
            print("    import: no import command (or seed file) in this version (skipped)")
        if "print" in commands:
            pdf = work / "打印 输出" / "天元区.pdf"
            pdf.parent.mkdir()
            run([jxzp, "print", "tianyuan-2024.jxzp", "--pdf", pdf], docs, env)
            if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
                raise SmokeFailure("print --pdf wrote no PDF")
            print(f"    print: {pdf.stat().st_size // 1024} KiB PDF")
        else:
            print("    print: no print command in this version (skipped)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / WINDOW_PROGRAM).resolve()
    sys.stdout.reconfigure(line_buffering=True)
    print(f"smoke test of {bundle}")
    try:
        smoke(bundle)
    except (SmokeFailure, subprocess.TimeoutExpired) as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
