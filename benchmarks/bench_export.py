"""Export speed: the 50-project document to each format, and LibreOffice converting our .docx to
PDF as the reference, in the same run.

Two measures (issue 14 item 5):
- whole process, as a user runs it: `python main.py export large.jxzp --out DIR` writing all three
  formats (start-up, imports, loading, evaluation and font loading included; the project byte-compiled
  first, as installed), against `soffice --headless --convert-to pdf large.docx` (LibreOffice's own
  start-up included, its profile made before). With ``--against REV`` the export of that revision of the
  project (extracted with git archive into a temporary folder, byte-compiled too) is run alternately
  with this one, so before and after come from the same run.
- in the process, each writer alone and all three: every run starts cold, as the first export after an
  edit: the column widths, line breaks and page plans the layouts remember by their content
  (model.layout.forget_remembered) are forgotten first; fonts stay loaded.

Run: .venv/bin/python benchmarks/bench_export.py [--against main] [--repeat 5]
Aim: all three formats, whole process, at least 5x faster than LibreOffice's conversion.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_core import alternating_medians, byte_compile, machine, timed, tree_at  # noqa: E402
from benchmarks.large_document import build  # noqa: E402
from exporters import export  # noqa: E402
from exporters.docx import write_docx  # noqa: E402
from exporters.pdf import write_pdf  # noqa: E402
from exporters.xlsx import write_xlsx  # noqa: E402
from model import storage  # noqa: E402
from model.evaluation import evaluate  # noqa: E402
from model.layout import forget_remembered  # noqa: E402

LIBREOFFICE = "LibreOffice docx→pdf (reference)"


def median_ms(function, repeat: int = 3) -> float:
    def cold():
        forget_remembered()
        function()
    return timed(cold, repeat)


def in_process(doc, out: Path, repeat: int) -> dict[str, float]:
    evaluation = evaluate(doc)
    return {
        "xlsx": median_ms(lambda: write_xlsx(doc, out / "large.xlsx", evaluation), repeat),
        "docx": median_ms(lambda: write_docx(doc, out / "large.docx", evaluation), repeat),
        "pdf": median_ms(lambda: write_pdf(doc, out / "large.pdf", evaluation), repeat),
        "all three (export(), incl. evaluation)": median_ms(lambda: export(doc, ["xlsx", "docx", "pdf"], out / "all"),
                                                           repeat),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REV", help="also time the export of this git revision, alternately")
    parser.add_argument("--repeat", type=int, default=5, help="whole-process runs of each command (median)")
    args = parser.parse_args()
    doc = build()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        doc_path = out / "large.jxzp"
        storage.save(doc, doc_path)
        results = in_process(doc, out, 3)
        byte_compile()
        trees = {"this tree": ROOT}
        if args.against:
            trees[args.against] = tree_at(args.against, out / f"tree-{args.against.replace('/', '_')}")
        commands = {}
        for name, tree in trees.items():
            commands[f"whole process: export all three ({name})"] = [
                sys.executable, str(tree / "main.py"), "export", str(doc_path), "--out", str(out / name)]
        soffice = shutil.which("soffice")
        if soffice:
            profile = out / "profile"
            convert = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                       "--outdir", str(out / "lo"), str(out / "large.docx")]
            subprocess.run(convert, check=True, capture_output=True)  # the first start creates the profile
            commands[LIBREOFFICE] = convert
        timings = alternating_medians(commands, args.repeat)
        pages = subprocess.run(["pdfinfo", str(out / "large.pdf")], capture_output=True, text=True).stdout
    print(f"machine: {machine()}")
    print(f"document: {len(doc.projects)} projects × {len(doc.projects[0].indicators)} indicators; "
          f"PDF {next((line.split()[-1] for line in pages.splitlines() if line.startswith('Pages')), '?')} pages")
    print("in the process, cold (medians of 3):")
    for name, value in results.items():
        print(f"  {name:50s} {value:9.1f} ms")
    print(f"whole process (medians of {args.repeat}):")
    for name, value in timings.items():
        print(f"  {name:50s} {value:9.1f} ms")
    if LIBREOFFICE in timings:
        reference = timings[LIBREOFFICE]
        for name, value in timings.items():
            if name != LIBREOFFICE:
                print(f"{name}: {reference / value:.1f}× faster than LibreOffice")


if __name__ == "__main__":
    main()
