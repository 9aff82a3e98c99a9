"""Look at the exports as a person would: write .xlsx, .docx and .pdf, then turn each into PNG pages.

Usage: .venv/bin/python tools/render.py FILE.jxzp [--out DIR] [--dpi 60] [--formats xlsx,docx,pdf]

LibreOffice (headless) converts the .xlsx and .docx to PDF; pdftoppm turns every PDF into PNG
pages named <stem>-<format>-<page>.png. Needs libreoffice-writer-nogui, libreoffice-calc-nogui and
poppler-utils (`scripts/bootstrap.sh render` installs them).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exporters import export, parse_formats  # noqa: E402
from model import storage  # noqa: E402


def office_to_pdf(source: Path, target: Path) -> Path:
    """Convert with LibreOffice in a private profile; the result is moved to ``target``."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("需要 LibreOffice：scripts/bootstrap.sh render")
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", work, str(source)], check=True, capture_output=True, timeout=180)
        shutil.move(str(Path(work) / f"{source.stem}.pdf"), target)
    return target


def to_png(pdf: Path, prefix: Path, dpi: int) -> list[Path]:
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True, timeout=180)
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--out", default="out/render")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--formats", default="xlsx,docx,pdf")
    args = parser.parse_args()
    doc = storage.load(args.file)
    out = Path(args.out) / Path(args.file).stem
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    written = export(doc, parse_formats(args.formats), out)
    for path in written:
        fmt = path.suffix.lstrip(".")
        # the forms: <stem>-<fmt>-N.png; the reports: <stem>-overall-report-<fmt>-N.png, …-project-report-…
        kind = ("overall-report-" if path.stem.endswith("整体支出绩效自评报告") else
                "project-report-" if path.stem.endswith("项目支出绩效自评报告") else "")
        name = f"{Path(args.file).stem}-{kind}{fmt}"
        pdf = path if fmt == "pdf" else office_to_pdf(path, out / f"{name}.pdf")
        for png in to_png(pdf, out / name, args.dpi):
            print(png)


if __name__ == "__main__":
    main()
