"""The PDF export, read back with poppler (pdffonts, pdfinfo, pdftotext) as a reader's viewer would."""
import re
import subprocess
from pathlib import Path

import pytest

from exporters import ExportError, fonts
from exporters.pdf import write_pdf
from model.layout import build_layouts
from tests.conftest import EXAMPLE_NAMES

A4_PORTRAIT, A4_LANDSCAPE = (595.28, 841.89), (841.89, 595.28)


def run(*args) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, encoding="utf-8",
                          check=True, timeout=60).stdout


def text(pdf: Path, page: int | None = None, layout: bool = False) -> str:
    pages = ["-f", page, "-l", page] if page else []
    return run("pdftotext", *pages, *(["-layout"] if layout else []), pdf, "-")


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = run("pdfinfo", "-f", 1, "-l", 9999, pdf)
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def top_line(pdf: Path, page: int) -> str:
    return next(line for line in text(pdf, page, layout=True).splitlines() if line.strip())


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Each example exported once for the whole module: name → (document, pdf path)."""
    from model import storage
    from tests.conftest import example_path
    folder = tmp_path_factory.mktemp("pdf")
    result = {}
    for name in EXAMPLE_NAMES:
        doc = storage.load(example_path(name))
        result[name] = (doc, write_pdf(doc, folder / f"{name}.pdf"))
    return result


@pytest.fixture
def clean_font_search():
    fonts.reset()
    yield
    fonts.reset()  # the next test finds the real fonts again


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_exports_with_embedded_truetype_fonts_only(exported, name):
    _, pdf = exported[name]
    assert pdf.read_bytes().startswith(b"%PDF")
    rows = run("pdffonts", pdf).splitlines()[2:]
    assert rows, "no font at all"
    body_face = pdfmetrics_face_name(fonts.font_set().body)
    for row in rows:
        emb = row.split()[-5]  # name type encoding emb sub uni object ID
        assert emb == "yes", row
        assert "TrueType" in row and "CID Type 0" not in row, row
    assert any(body_face in row for row in rows), "the Chinese face is not in the PDF"


def pdfmetrics_face_name(registered: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    return pdfmetrics.getFont(registered).face.name.decode("latin-1")


def test_chinese_labels_numbers_and_page_numbers_are_text(exported):
    doc, pdf = exported["tianyuan-2024"]
    content = text(pdf)
    for expected in ("部门（单位）整体支出绩效自评表", "项目支出绩效自评表", "整体支出绩效评价基础数据表", "99.32%", "92.93",
                     "填报人：", "单位负责人签字：", "填报单位：（盖章）", "（2024年度）", "一级指标",
                     "偏差原因分析及改进措施", "株洲市天元区征地工作协调服务中心"):
        assert expected in content, expected
    assert re.search(r"^绩\s*\n效\s*\n指\s*\n标\s*$", content, re.M), "绩效指标 is not stacked top to bottom"
    total = len(page_sizes(pdf))
    for page in range(1, total + 1):
        assert re.search(rf"第\s*{page}\s*页\s*共\s*{total}\s*页", text(pdf, page)), page


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_each_form_starts_a_page_in_its_orientation(exported, name):
    doc, pdf = exported[name]
    sizes = page_sizes(pdf)
    layouts = build_layouts(doc)
    starts = [page for page in range(1, len(sizes) + 1)
              if re.search(r"附件\s*\d|绩效自评表$|基础数据表$", top_line(pdf, page))]  # 附件N or its title
    assert len(starts) == len(layouts)
    for layout, start, end in zip(layouts, starts, starts[1:] + [len(sizes) + 1]):
        expected = A4_LANDSCAPE if layout.landscape else A4_PORTRAIT
        for page in range(start, end):
            assert sizes[page - 1] == pytest.approx(expected, abs=0.5), (layout.key, page)
    if doc.basic is not None:
        assert sizes[0] == pytest.approx(A4_PORTRAIT, abs=0.5)  # the 基础数据表 is portrait


def test_document_properties(exported):
    doc, pdf = exported["tianyuan-2024"]
    info = run("pdfinfo", pdf)
    assert re.search(r"Title:\s+株洲市天元区征地工作协调服务中心 2024年度", info)
    assert re.search(r"Author:\s+绩效自评填报", info) and re.search(r"Creator:\s+绩效自评填报", info)


def test_header_row_repeats_on_each_page_of_a_long_project_form(tmp_path):
    from benchmarks.large_document import build
    doc = build(projects=1, rows=60)
    pdf = write_pdf(doc, tmp_path / "long.pdf")
    pages = len(page_sizes(pdf))
    first = next(p for p in range(1, pages + 1) if "项目支出绩效自评表" in text(pdf, p))
    assert pages - first >= 2, "60 indicators should need more than two pages"
    for page in range(first + 1, pages + 1):
        assert re.search(r"一级指标\s+二级指标\s+三级指标\s+年度指标值", top_line(pdf, page)), page
    content = text(pdf)
    for row in doc.projects[0].indicators:  # no row lost at a page break
        assert row.name.split("：")[0] in content


def test_basic_data_form_of_fifty_projects_repeats_its_header(tmp_path):
    from benchmarks.large_document import build
    doc = build()
    pdf = write_pdf(doc, tmp_path / "large.pdf")
    assert "基础数据表" in text(pdf, 1) and "附件1" not in text(pdf, 2)  # the form runs over two pages
    assert re.search(r"经费控制情况（万元）\s+2023年决算数\s+2024年预算数\s+2024年决算数", top_line(pdf, 2))
    assert "专项资金50" in text(pdf, 2)


def test_a_row_taller_than_a_page_is_split_not_cut(tmp_path, tianyuan):
    tianyuan.overall.goals.actual = ("鑫" * 20 + "，") * 90 + "全文结束。"  # 1900 characters in one cell
    pdf = write_pdf(tianyuan, tmp_path / "tall.pdf")
    per_page = [text(pdf, page).count("鑫") for page in range(1, len(page_sizes(pdf)) + 1)]
    assert sum(per_page) == 1800  # every character printed, none cut off at a page's edge
    assert len([n for n in per_page if n]) >= 2  # the cell went on over a page break
    assert "全文结束。" in re.sub(r"\s", "", text(pdf))


def test_the_footer_never_stands_alone(exported):
    for name in EXAMPLE_NAMES:
        _, pdf = exported[name]
        for page in range(1, len(page_sizes(pdf)) + 1):
            assert not top_line(pdf, page).lstrip().startswith(("填报人", "单位负责人签字", "备注", "说明")), (name, page)


def test_no_chinese_font_is_an_error_and_no_file(tmp_path, monkeypatch, tianyuan, clean_font_search):
    monkeypatch.setattr(fonts, "windows_font_dir", lambda: None)
    monkeypatch.setattr(fonts, "bundled_font_files", lambda: [])
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font" * 100)
    import reportlab
    latin_only = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # TrueType, but no Chinese glyphs
    monkeypatch.setattr(fonts, "system_font_files", lambda: [broken, latin_only, tmp_path / "missing.ttc"])
    target = tmp_path / "out.pdf"
    with pytest.raises(ExportError, match="中文 TrueType 字体"):
        write_pdf(tianyuan, target)
    assert not target.exists()


UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")  # scripts/bootstrap.sh installs both
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def test_font_search_skips_unusable_files(tmp_path, monkeypatch, clean_font_search):
    monkeypatch.setattr(fonts, "windows_font_dir", lambda: None)
    monkeypatch.setattr(fonts, "bundled_font_files", lambda: [])
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"\0" * 64)
    monkeypatch.setattr(fonts, "system_font_files", lambda: [broken, WQY])
    found = fonts.font_set()
    assert found.body == found.bold == found.title  # one face serves all when only one is installed
    assert pdfmetrics_face_name(found.body) == "WenQuanYiMicroHei"


def test_a_serif_face_is_preferred_and_headers_take_a_sans_one(monkeypatch, clean_font_search):
    """Without the Windows fonts: AR PL UMing (明体, like 仿宋/宋体 a serif) for the text and titles,
    WenQuanYi (sans-serif, like 黑体) for the bold headers, whatever order the files are found in."""
    monkeypatch.setattr(fonts, "windows_font_dir", lambda: None)
    monkeypatch.setattr(fonts, "system_font_files", lambda: [WQY, UMING])
    found = fonts.font_set()
    assert pdfmetrics_face_name(found.body) == pdfmetrics_face_name(found.title) == "UMingCN"
    assert pdfmetrics_face_name(found.bold) == "WenQuanYiMicroHei"
    assert [p for p in fonts.SYSTEM_FILES if "uming" in p or "wqy" in p][0].endswith("uming.ttc")


def test_windows_fonts_come_first(tmp_path, monkeypatch, clean_font_search):
    wqy = next(p for p in fonts.system_font_files() if p.is_file())  # stands in for C:\Windows\Fonts\simfang
    windows = tmp_path / "Windows" / "Fonts"
    windows.mkdir(parents=True)
    (windows / "simfang.ttf").write_bytes(wqy.read_bytes())
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    found = fonts.font_set()
    assert found.body == fonts._registered[windows / "simfang.ttf"]


def test_missing_folder_is_an_error_and_leaves_nothing(tmp_path, tianyuan):
    target = tmp_path / "no-such-folder" / "out.pdf"
    with pytest.raises(ExportError, match="文件夹"):
        write_pdf(tianyuan, target)
    assert not target.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_span_across_the_repeated_header_is_refused(tianyuan):
    from model.layout import Cell, Layout, Role
    from model.layout.paging import plan_pages
    layout = build_layouts(tianyuan)[1]
    header = layout.header_rows.start
    cells = [c for c in layout.cells if not (c.col == 0 and c.row <= header + 1 and c.last_row >= header - 1)]
    cells.append(Cell(header - 1, 0, "跨行", Role.LABEL, rowspan=3))
    broken = Layout(layout.key, layout.kind, layout.title, layout.sheet_name, True, layout.column_widths_mm, cells,
                    layout.n_rows, layout.table_rows, layout.header_rows)
    with pytest.raises(ValueError, match="spans across the header"):
        plan_pages(broken, 180.0)


def test_yuelu_overall_form_takes_fewer_pages_and_keeps_figures_whole(exported):
    """Issue 9: its 整体表 took four pages with 591.5人 broken as 591./5人 in a narrow 实际完成值 column."""
    _, pdf = exported["yuelu-2021"]
    assert len(page_sizes(pdf)) == 3
    assert any("591.5人" in line for line in text(pdf, layout=True).splitlines())


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_printed_line_starts_with_closing_punctuation(exported, name):
    from model.layout.linebreak import CLOSING, OPENING
    _, pdf = exported[name]
    for line in text(pdf, layout=True).splitlines():
        for piece in re.split(r"\s{2,}", line.strip()):  # the cells side by side on one text line
            if piece:
                assert piece[0] not in CLOSING, (name, line)
                assert piece[-1] not in OPENING, (name, line)


@pytest.mark.parametrize("path", [UMING, WQY, Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")])
def test_fonts_are_read_as_reportlab_reads_them(path):
    """exporters/font_faces.py reads the per-glyph tables in bulk: the same tables as reportlab's reading."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    from exporters.font_faces import FastFace
    if not path.is_file():
        pytest.skip(f"{path} is not installed")
    ours, theirs = FastFace(str(path)), TTFontFace(str(path))
    for name in ("charToGlyph", "glyphToChar", "charWidths", "defaultWidth", "glyphPos", "name", "ascent", "descent",
                 "numGlyphs", "flags"):
        assert getattr(ours, name) == getattr(theirs, name), name
    assert list(ours.hmetrics) == theirs.hmetrics
    assert ours.makeSubset(list(range(32, 127)) + [ord(c) for c in "绩效自评表"]) == \
        theirs.makeSubset(list(range(32, 127)) + [ord(c) for c in "绩效自评表"])


def test_forms_and_reports_load_each_font_once(tianyuan, tmp_path, monkeypatch):
    from reportlab.pdfbase import ttfonts

    from exporters import export, report_fonts
    loaded = []
    original = ttfonts.TTFontFace.__init__  # reportlab's face, and ours (exporters/font_faces.py)

    def counted(self, filename, *args, **kwargs):
        loaded.append(filename)
        original(self, filename, *args, **kwargs)
    monkeypatch.setattr(ttfonts.TTFontFace, "__init__", counted)
    fonts.reset()
    report_fonts.reset()
    monkeypatch.setattr(fonts, "_registered", {})
    written = export(tianyuan, ["pdf"], tmp_path)
    assert len(written) == 2  # the forms and the 整体 report
    assert len(loaded) == len(set(loaded)) >= 1
    fonts.reset()
    report_fonts.reset()


def test_a_character_the_main_face_lacks_is_set_in_a_face_that_has_it(tianyuan, tmp_path):
    if not (UMING.is_file() and WQY.is_file()):
        pytest.skip("needs AR PL UMing and WenQuanYi")
    from reportlab.pdfbase import pdfmetrics
    found = fonts.font_set()
    if ord("™") in pdfmetrics.getFont(found.body).face.charToGlyph:
        pytest.skip("the body face has ™")
    tianyuan.overall.goals.expected = "注册商标™标志" * 3
    pdf = write_pdf(tianyuan, tmp_path / "tm.pdf")
    assert re.search(r"注\s*册\s*商\s*标\s*™\s*标\s*志", text(pdf))  # in its place, between the others
