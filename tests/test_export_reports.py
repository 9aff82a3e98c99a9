"""The reports exported as official documents, read back: the docx XML and the PDF through poppler."""
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from exporters import export
from exporters.report_layout import (CHARS_PER_LINE, NO_LINE_END, NO_LINE_START, TITLE_CELLS, cell_width,
                                     grid_lines, justify, report_blocks, title_lines)
from tests.test_reports import drafted

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TIANYUAN_HEADINGS = ["一、预算单位基本情况", "二、一般公共预算支出情况", "三、政府性基金预算支出情况",
                     "四、国有资本经营预算支出情况", "五、社会保险基金预算支出情况",
                     "六、资金使用及绩效情况（包含单位管理的公共专项）", "七、存在的问题及原因分析", "八、下一步改进措施",
                     "九、部门整体支出绩效自评结果拟应用和公开情况", "十、其他需要说明的情况"]
LUKOU_PROJECT_HEADINGS = ["一、绩效自评工作开展情况", "二、绩效目标自评完成情况分析", "三、偏离绩效目标的原因和下一步改进措施。",
                          "四、绩效自评结果拟应用和公开情况"]


def xml(docx: Path, part: str) -> str:
    with zipfile.ZipFile(docx) as archive:
        return archive.read(part).decode("utf-8")


def paragraphs(docx: Path, style: str) -> list[str]:
    document = xml(docx, "word/document.xml")
    found = []
    for p in re.findall(r"<w:p [^>]*>.*?</w:p>|<w:p>.*?</w:p>", document, re.S):
        if f'w:pStyle w:val="{style}"' in p:
            found.append("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)))
    return found


def style(docx: Path, style_id: str) -> str:
    styles = xml(docx, "word/styles.xml")
    return re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles, re.S).group(0)


def pdftext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, encoding="utf-8",
                          check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    from model import storage
    from tests.conftest import example_path
    folder = tmp_path_factory.mktemp("reports")
    written = {}
    for name in ("tianyuan-2024", "lukou-2023"):
        paths = export(storage.load(example_path(name)), ["docx", "pdf"], folder / name)
        written[name] = {p.name: p for p in paths}
    return written


def test_export_writes_the_report_files_beside_the_forms(files):
    assert sorted(files["tianyuan-2024"]) == sorted([
        "株洲市天元区征地工作协调服务中心-2024年度绩效自评.docx", "株洲市天元区征地工作协调服务中心-2024年度绩效自评.pdf",
        "株洲市天元区征地工作协调服务中心-2024年度整体支出绩效自评报告.docx",
        "株洲市天元区征地工作协调服务中心-2024年度整体支出绩效自评报告.pdf"])
    assert "株洲市渌口区征地工作协调服务中心-2023年度项目支出绩效自评报告.pdf" in files["lukou-2023"]


def overall_docx(files) -> Path:
    return files["tianyuan-2024"]["株洲市天元区征地工作协调服务中心-2024年度整体支出绩效自评报告.docx"]


def test_the_docx_holds_the_ten_headings_and_the_seeds_text(files):
    docx = overall_docx(files)
    assert paragraphs(docx, "ReportHeading1") == TIANYUAN_HEADINGS
    assert paragraphs(docx, "ReportHeading2")[:2] == ["（一）基本支出情况", "（二）项目支出情况"]
    body = "".join(paragraphs(docx, "ReportBody"))
    for figure in ("365.67", "1820.23", "1454.55"):
        assert figure in body
    # one title paragraph, turned by line breaks where its words turn (never inside 服务中心)
    assert paragraphs(docx, "ReportTitle") == ["2024 年度株洲市天元区征地工作协调服务中心 整体支出绩效自评报告"]
    title = next(p for p in re.findall(r"<w:p>.*?</w:p>", xml(docx, "word/document.xml"), re.S) if "ReportTitle" in p)
    assert [t for t in re.findall(r"<w:t[^>]*>([^<]*)</w:t>|(<w:br/>)", title)] == [
        ("2024 年度株洲市天元区", ""), ("", "<w:br/>"), ("征地工作协调服务中心 ", ""), ("", "<w:br/>"),
        ("整体支出绩效自评报告", "")]


def test_the_docx_sets_east_asian_fonts_sizes_and_spacing(files):
    docx = overall_docx(files)
    body = style(docx, "ReportBody")
    assert 'w:eastAsia="仿宋_GB2312"' in body and 'w:ascii="Times New Roman"' in body
    assert '<w:sz w:val="32"/>' in body  # 三号
    assert 'w:line="560" w:lineRule="exact"' in body  # fixed 28 pt
    assert 'w:firstLineChars="200"' in body and 'w:jc w:val="both"' in body
    assert 'w:spacing w:val="-5"' in body  # 28 characters to the 156 mm line
    assert 'w:eastAsia="黑体"' in style(docx, "ReportHeading1")
    assert 'w:eastAsia="楷体_GB2312"' in style(docx, "ReportHeading2")
    third = style(docx, "ReportHeading3")
    assert 'w:eastAsia="仿宋_GB2312"' in third and "<w:b/>" in third
    title = style(docx, "ReportTitle")
    assert 'w:eastAsia="方正小标宋简体"' in title and '<w:sz w:val="44"/>' in title and 'w:jc w:val="center"' in title
    for heading in ("ReportHeading1", "ReportHeading2", "ReportHeading3"):
        assert "<w:keepNext/>" in style(docx, heading)
    assert "eastAsiaTheme" not in xml(docx, "word/styles.xml")


def test_the_docx_names_a_fallback_for_each_gb2312_font(files):
    table = xml(overall_docx(files), "word/fontTable.xml")
    assert re.search(r'w:name="仿宋_GB2312"><w:altName w:val="仿宋,', table)
    assert re.search(r'w:name="楷体_GB2312"><w:altName w:val="楷体,', table)
    assert re.search(r'w:name="方正小标宋简体"><w:altName w:val="[^"]*宋体', table)


def test_the_docx_page_margins_and_numbers(files):
    docx = overall_docx(files)
    document = xml(docx, "word/document.xml")
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in document  # A4
    margins = re.search(r"<w:pgMar [^>]*/>", document).group(0)
    for side, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        assert f'w:{side}="{round(mm * 1440 / 25.4)}"' in margins
    assert '<w:docGrid w:type="lines" w:linePitch="560"/>' in document
    assert '<w:footerReference w:type="default"' in document and '<w:footerReference w:type="even"' in document
    assert "<w:evenAndOddHeaders/>" in xml(docx, "word/settings.xml")
    footers = [xml(docx, name) for name in zipfile.ZipFile(docx).namelist() if name.startswith("word/footer")]
    assert len(footers) == 2
    assert all('w:instr=" PAGE "' in f and "— " in f and " —" in f for f in footers)
    assert sorted(re.search(r'<w:jc w:val="(\w+)"/>', f).group(1) for f in footers) == ["left", "right"]
    assert 'w:eastAsia="宋体"' in style(docx, "ReportPageNumber") and '<w:sz w:val="28"/>' in style(docx, "ReportPageNumber")


def test_the_lukou_project_report_has_seed_000s_four_headings(files):
    docx = files["lukou-2023"]["株洲市渌口区征地工作协调服务中心-2023年度项目支出绩效自评报告.docx"]
    assert paragraphs(docx, "ReportHeading1") == LUKOU_PROJECT_HEADINGS
    assert paragraphs(docx, "ReportHeading3")[0] == "1.项目资金到位情况分析。"
    assert paragraphs(docx, "ReportAttachment") == ["附件4"]
    assert paragraphs(docx, "ReportSubtitle") == ["株洲市渌口区征地工作协调服务中心"]


def test_project_reports_share_one_file_each_from_a_new_page(load_example, tmp_path):
    doc = drafted(load_example("tianyuan-2024"))
    paths = export(doc, ["docx"], tmp_path)
    docx = next(p for p in paths if p.name.endswith("项目支出绩效自评报告.docx"))
    titles = paragraphs(docx, "ReportTitle")
    assert titles == [f"{p.name}项目支出绩效自评报告" for p in doc.projects]
    assert title_lines(titles[1]) == ["机关干部进小区工作队工作经费", "项目支出绩效自评报告"]
    assert xml(docx, "word/document.xml").count("<w:pageBreakBefore/>") == len(doc.projects) - 1


@pytest.mark.parametrize("name, file", [
    ("tianyuan-2024", "株洲市天元区征地工作协调服务中心-2024年度整体支出绩效自评报告.pdf"),
    ("lukou-2023", "株洲市渌口区征地工作协调服务中心-2023年度项目支出绩效自评报告.pdf"),
])
def test_the_pdf_embeds_its_fonts_and_holds_the_text(files, name, file):
    pdf = files[name][file]
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows  # the emb column
    text = re.sub(r"\s+", "", pdftext(pdf))
    headings = TIANYUAN_HEADINGS if name == "tianyuan-2024" else LUKOU_PROJECT_HEADINGS
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    if name == "tianyuan-2024":
        for figure in ("365.67", "1820.23", "1454.55"):
            assert figure in text
    assert "—1—" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", info)


def test_no_report_files_without_report_text_or_for_xlsx(load_example, tmp_path):
    doc = load_example("tianyuan-2024")
    assert [p.suffix for p in export(doc, ["xlsx"], tmp_path / "x")] == [".xlsx"]  # the xlsx holds no report
    for section in doc.reports[0].sections:
        section.text = ""
    assert len(export(doc, ["docx", "pdf"], tmp_path / "y")) == 2  # the forms only


def test_orphan_project_reports_are_not_printed(load_example):
    from exporters.report_layout import file_kinds
    doc = load_example("lukou-2023")
    assert file_kinds(doc) == ["overall", "project"]
    doc.projects = []
    assert file_kinds(doc) == ["overall"]


def test_blocks_of_a_report(load_example):
    doc = load_example("lukou-2023")
    blocks = report_blocks([doc.reports[1]])
    assert [(b.kind, b.text) for b in blocks[:4]] == [("attachment", "附件4"), ("title", "项目支出绩效自评报告"),
                                                      ("subtitle", "株洲市渌口区征地工作协调服务中心"),
                                                      ("heading", "一、绩效自评工作开展情况")]
    assert [b.level for b in blocks if b.kind == "heading"][:5] == [1, 1, 2, 3, 3]


# --- the grid of the PDF ----------------------------------------------------------------------

PARAGRAPH = ("2024 年项目支出 1454.55 万元，包括机关干部进小区工作队工作经费、拆违治违经费、双碳资金、2020 年建宁大桥"
             "南北辅道项目、城镇独生子女父母奖励 5 个项目。“双碳电建”项目（线路）于 5 月底前完成，执行率 99.32%。")


def test_grid_lines_fill_28_cells_and_keep_punctuation_rules():
    lines = grid_lines(PARAGRAPH * 3)
    assert lines[0].chars[0][1] == 2  # first-line indent of two characters
    for line in lines:
        text = "".join(c for c, _ in line.chars)
        last_char, last_x = line.chars[-1]
        assert last_x + cell_width(last_char) <= CHARS_PER_LINE
        assert text[0] not in NO_LINE_START and text[-1] not in NO_LINE_END and not text[0].isspace()
    assert "".join("".join(c for c, _ in line.chars) for line in lines).replace(" ", "") == (PARAGRAPH * 3).replace(" ", "")
    numbers = re.findall(r"\d[\d.%]*", PARAGRAPH)
    joined = ["".join(c for c, _ in line.chars) for line in lines]
    assert all(any(n in j for j in joined) for n in numbers)  # a figure is never broken over two lines


def test_justified_lines_reach_the_right_edge():
    line = grid_lines("测试" * 20 + "1.5")[0]
    spread = justify(line)
    last_char, last_x = spread[-1]
    assert abs(last_x + cell_width(last_char) - CHARS_PER_LINE) < 1e-9
    assert not grid_lines("短句。")[-1].justified


@pytest.mark.parametrize("title, lines", [
    ("2024年度株洲市天元区征地工作协调服务中心整体支出绩效自评报告",
     ["2024年度株洲市天元区征地工作协调服务中心", "整体支出绩效自评报告"]),
    ("2023年度靖州苗族侗族自治县土地和房屋征收服务中心整体支出绩效自评报告",
     ["2023年度靖州苗族侗族自治县", "土地和房屋征收服务中心", "整体支出绩效自评报告"]),
    ("2024年度拆违治违经费项目支出绩效自评报告", ["2024年度拆违治违经费项目支出绩效自评报告"]),  # one line: as is
    ("株洲市渌口区征地工作协调服务中心2023年度部门整体支出绩效自评报告",
     ["株洲市渌口区征地工作协调服务中心2023年度", "部门整体支出绩效自评报告"]),
])
def test_a_long_title_turns_where_its_words_do(title, lines):
    """GB/T 9704: 标题回行时要做到词意完整 — never 服务中 / 心."""
    assert title_lines(title) == lines
    assert all(sum(cell_width(c) for c in line) <= TITLE_CELLS for line in lines)


@given(st.text(min_size=1, max_size=80))
def test_turning_a_title_keeps_every_character(title):
    assert "".join(title_lines(title)) == title
