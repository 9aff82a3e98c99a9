"""`main.py print FILE --pdf OUT.pdf`: the window's own 打印 (QPainter) into a PDF, page for page the
pages of the exported PDF (reportlab) and of the pagination plan."""
import re
import subprocess
import sys
from collections import Counter

import pytest

from exporters.pdf import write_pdf
from exporters.style import plan_form
from model import storage
from model.layout import build_layouts
from model.layout.heights import printed_text
from tests.conftest import EXAMPLE_NAMES, ROOT, example_path

A4_PORTRAIT, A4_LANDSCAPE = (595.28, 841.89), (841.89, 595.28)


def run(*args, env=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120, env=env)


def page_sizes(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def page_chars(pdf, page):
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                          text=True, encoding="utf-8").stdout
    return Counter(ch for ch in text if not ch.isspace())


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("print")
    result = {}
    for name in EXAMPLE_NAMES:
        target = folder / f"{name}-printed.pdf"
        done = run("print", example_path(name), "--pdf", target)
        assert done.returncode == 0, done.stderr
        doc = storage.load(example_path(name))
        result[name] = (doc, target, write_pdf(doc, folder / f"{name}-exported.pdf"))
    return result


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_print_gives_the_pages_of_the_export_and_the_plan(printed, name):
    doc, printed_pdf, exported_pdf = printed[name]
    planned = [page for layout in build_layouts(doc) for page in plan_form(layout)]
    sizes = page_sizes(printed_pdf)
    assert len(sizes) == len(page_sizes(exported_pdf)) == len(planned)
    for number, (page, size, exported) in enumerate(zip(planned, sizes, page_sizes(exported_pdf)), start=1):
        expected = A4_LANDSCAPE if page.layout.landscape else A4_PORTRAIT
        assert size == pytest.approx(expected, abs=1) and exported == pytest.approx(expected, abs=1)
        # each form in its own orientation: the scored forms landscape, the 基础数据表 and the 怀化 form portrait
        assert page.layout.landscape == (page.layout.kind in ("overall", "project"))
        # the same cells on the same page in both (labels cut by a break printed again, a row taller than a
        # page in its pieces), and the footer
        texts = "".join(printed_text(page.layout, cell, page.slots[first].lines)
                        for cell, first, _ in page.parts()) + f"第{number}页共{len(planned)}页"
        wanted = Counter(ch for ch in texts if not ch.isspace())
        assert page_chars(printed_pdf, number) == page_chars(exported_pdf, number) == wanted, (name, number)


def test_print_exit_codes_and_messages(tmp_path):
    broken = tmp_path / "broken.jxzp"
    broken.write_text('{"format": "jxzp", "vers', encoding="utf-8")
    result = run("print", broken, "--pdf", tmp_path / "out.pdf")
    assert result.returncode == 2 and "无法读取" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.pdf").exists()
    result = run("print", example_path("lukou-2023"), "--pdf", tmp_path / "no-such-folder" / "out.pdf")
    assert result.returncode == 3 and "打印失败" in result.stderr and "Traceback" not in result.stderr
    taken = tmp_path / "taken.pdf"
    taken.mkdir()  # the target cannot be replaced (as if open in a viewer that locks it)
    result = run("print", example_path("lukou-2023"), "--pdf", taken)
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    result = run("print", example_path("lukou-2023"))
    assert result.returncode == 2 and "--pdf" in result.stderr
