"""Printing paints the same pages as the PDF; screenshots and the default command open the window."""
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, example_path


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def test_print_renderer_paginates_like_the_pdf(qtbot, tmp_path):
    from PySide6.QtGui import QPdfWriter

    from exporters.pdf import write_pdf
    from model import storage
    from model.layout import build_layouts
    from ui.printing import paint_layouts
    doc = storage.load(example_path("tianyuan-2024"))
    target = tmp_path / "printed.pdf"
    writer = QPdfWriter(str(target))
    writer.setResolution(300)
    pages = paint_layouts(writer, build_layouts(doc))
    del writer  # finishes the file
    assert pdf_pages(target) == pages == pdf_pages(write_pdf(doc, tmp_path / "exported.pdf"))
    text = "".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout.split())
    assert "部门（单位）整体支出绩效自评表" in text and "第1页共8页" in text and "92.93" in text
    sizes = subprocess.run(["pdfinfo", "-f", "1", "-l", "2", str(target)], capture_output=True, text=True).stdout
    assert "595" in sizes.split("Page    1 size:")[1].split("pts")[0].split("x")[0]  # 基础数据表 portrait
    assert "842" in sizes.split("Page    2 size:")[1].split("pts")[0].split("x")[0]  # 整体表 landscape


def test_long_form_repeats_the_header_row_on_each_page(qtbot, tmp_path):
    from PySide6.QtGui import QPdfWriter

    from exporters.style import plan_form
    from model import storage
    from model.factory import add_starter_rows
    from model.layout import build_layout
    from ui.printing import print_sheets
    doc = storage.load(example_path("tianyuan-2024"))
    project = doc.project("p1")
    for _ in range(6):
        add_starter_rows(doc, project)
    layout = build_layout(doc, "projects[p1]")
    writer = QPdfWriter(str(tmp_path / "long.pdf"))
    sheets = print_sheets(writer, [layout])
    del writer
    header = layout.header_rows.start
    assert len(sheets) >= 3 and [s.page.rows for s in sheets] == [p.rows for p in plan_form(layout)]
    for sheet in sheets[1:]:
        assert sheet.page.rows[0] == header and sheet.page.slots[0].repeated  # 一级指标 / 二级指标 … again
    assert sheets[-1].page.rows[-1] == layout.n_rows - 1  # the signature footer is printed, on the last page
    assert all(s.landscape and not s.turned for s in sheets)


def test_preview_turns_pages_it_cannot_print_in_their_orientation(qtbot):
    """The preview (like some native printers) cannot change orientation once printing has begun: the
    job takes the orientation of most pages and the 基础数据表 is drawn turned on its sheet, so nothing
    runs off the paper; a PDF device gets each page in its own orientation."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    from model import storage
    from model.layout import build_layouts
    from ui.printing import print_sheets
    layouts = build_layouts(storage.load(example_path("tianyuan-2024")))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview = QPrintPreviewWidget(printer)
    qtbot.addWidget(preview)
    printed = []
    preview.paintRequested.connect(lambda device: printed.extend(print_sheets(device, layouts)))
    preview.updatePreview()
    assert printed and preview.pageCount() == len(printed)
    assert all(sheet.landscape for sheet in printed)  # 7 of the 8 pages are landscape
    assert [s.turned for s in printed] == [not s.page.layout.landscape for s in printed]
    assert printed[0].turned and printed[0].page.layout.kind == "basic_data"


def test_screenshot_command_renders_every_page(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JXZP_CONFIG_DIR=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "screenshot", str(example_path("tianyuan-2024")),
                             "--out", str(tmp_path / "shots")], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    shots = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    assert len(shots) == 10 and shots[0] == "01-单位信息.png" and shots[-1] == "10-审核结果.png"
    assert "09-整体支出绩效自评报告.png" in shots
    assert all((tmp_path / "shots" / name).stat().st_size > 20000 for name in shots)


def test_screenshot_size_is_a_screen_the_window_fills(tmp_path):
    from PySide6.QtGui import QImage
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JXZP_CONFIG_DIR=str(tmp_path / "config"))
    command = [sys.executable, str(ROOT / "main.py"), "screenshot", str(example_path("lukou-2023")), "--out",
               str(tmp_path / "shots")]
    result = subprocess.run(command + ["--size", "1366x768"], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    image = QImage(str(sorted((tmp_path / "shots").glob("*.png"))[0]))
    assert (image.width(), image.height()) == (1366, 768)
    result = subprocess.run(command + ["--size", "大"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2 and "宽x高" in result.stderr and "Traceback" not in result.stderr


def test_screenshot_that_cannot_be_written_exits_3_and_says_why(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JXZP_CONFIG_DIR=str(tmp_path / "config"))
    shots = tmp_path / "shots"
    (shots / "01-单位信息.png").mkdir(parents=True)  # the first page's file cannot be written
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "screenshot", str(example_path("lukou-2023")),
                             "--out", str(shots)], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 3 and "01-单位信息.png" in result.stderr and "Traceback" not in result.stderr
    assert "This plugin" not in result.stderr and "开发者" not in result.stderr  # no Qt noise, not a program bug
    (tmp_path / "file").write_text("x")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "screenshot", str(example_path("lukou-2023")),
                             "--out", str(tmp_path / "file" / "shots")], capture_output=True, text=True, env=env,
                            timeout=180)
    assert result.returncode == 3 and "无法建立文件夹" in result.stderr


@pytest.mark.parametrize("arguments", [[], [str(example_path("lukou-2023"))]])
def test_main_without_a_command_opens_the_window(tmp_path, arguments):
    stamps = tmp_path / "stamps.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JXZP_CONFIG_DIR=str(tmp_path), JXZP_STARTUP_STAMPS=str(stamps))
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *arguments], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    labels = [line.split()[0] for line in stamps.read_text(encoding="utf-8").splitlines()]
    assert labels == ["window", "document"]  # the window paints, then shows the document
