"""Export speed: the 50-project document to each format, and LibreOffice converting our .docx to
PDF as the reference, in the same run.

Every run starts cold, as the first export after an edit: the column widths, line breaks and page plans
the layouts remember by their content (model.layout.forget_remembered) are forgotten first. In "all
three" the second and third writers reuse what the first worked out, as an export of all three does.

Run: .venv/bin/python benchmarks/bench_export.py
Aims: all three formats together < 3 s; our PDF at least 5x faster than LibreOffice's conversion.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_core import machine, timed  # noqa: E402
from benchmarks.large_document import build  # noqa: E402
from exporters.docx import write_docx  # noqa: E402
from exporters.pdf import write_pdf  # noqa: E402
from exporters.xlsx import write_xlsx  # noqa: E402
from model.evaluation import evaluate  # noqa: E402
from model.layout import forget_remembered  # noqa: E402


def median_ms(function, repeat: int = 3) -> float:
    def cold():
        forget_remembered()
        function()
    return timed(cold, repeat)


def main() -> None:
    doc = build()
    evaluation = evaluate(doc)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        results = {
            "xlsx": median_ms(lambda: write_xlsx(doc, out / "large.xlsx", evaluation)),
            "docx": median_ms(lambda: write_docx(doc, out / "large.docx", evaluation)),
            "pdf": median_ms(lambda: write_pdf(doc, out / "large.pdf", evaluation)),
        }
        results["all three (incl. evaluation)"] = median_ms(lambda: (
            write_xlsx(doc, out / "a.xlsx", evaluate(doc)), write_docx(doc, out / "a.docx", evaluate(doc)),
            write_pdf(doc, out / "a.pdf", evaluate(doc))))
        soffice = shutil.which("soffice")
        if soffice:
            profile = out / "profile"
            convert = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                       "--outdir", str(out / "lo"), str(out / "large.docx")]
            subprocess.run(convert, check=True, capture_output=True)  # first start creates the profile
            results["LibreOffice docx→pdf (reference)"] = median_ms(
                lambda: subprocess.run(convert, check=True, capture_output=True))
        pages = subprocess.run(["pdfinfo", str(out / "large.pdf")], capture_output=True, text=True).stdout
    print(f"machine: {machine()}")
    print(f"document: {len(doc.projects)} projects × {len(doc.projects[0].indicators)} indicators; "
          f"PDF {next((l.split()[-1] for l in pages.splitlines() if l.startswith('Pages')), '?')} pages")
    for name, value in results.items():
        print(f"{name:40s} {value:9.1f} ms")
    if "LibreOffice docx→pdf (reference)" in results:
        print(f"our PDF is {results['LibreOffice docx→pdf (reference)'] / results['pdf']:.1f}× faster than LibreOffice")


if __name__ == "__main__":
    main()
