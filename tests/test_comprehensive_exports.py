"""The 怀化 form printed: every label of seed 001 in the seed's order, in the layout and in each export."""
import re
import subprocess
import zipfile
from collections import Counter

import openpyxl
import pytest
from lxml import etree

from exporters import export
from exporters.style import page_for
from model.layout import Role, build_layout

ORGANISATIONS = ("局机关及二级机构汇总", "1、局机关", "2、二级机构1", "3、二级机构2")
# The printed labels of seed 001 (../shared/seeds/001_*.txt) in order, line breaks inside a label removed.
SEED_001_LABELS = (
    "一、部门（单位）基本概况", "联系人", "联络电话", "人员编制", "实有人数", "职能职责概述", "年度主要工作内容",
    "年度部门（单位）总体运行情况及取得的成绩",
    "二、部门（单位）收支情况", "年度收入情况（万元）", "机构名称", "收入合计", "其中：", "上年结转", "公共财政拨款",
    "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入", *ORGANISATIONS,
    "部门（单位）年度支出和结余情况（万元）", "机构名称", "支出合计", "其中：", "结余", "基本支出", "其中：", "项目支出",
    "当年结余", "累计结余", "人员支出", "公用支出", *ORGANISATIONS,
    "机构名称", "三公经费合计", "其中：", "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费", *ORGANISATIONS,
    "机构名称", "固定资产合计", "其中：", "其他", "在用固定资产", "出租固定资产", *ORGANISATIONS,
    "三、部门（单位）整体支出绩效自评情况", "整体支出绩效定性目标及实施计划完成情况", "预期目标", "实际完成",
    "整体支出绩效定量目标及实施计划完成情况", "一级指标", "二级指标", "三级指标", "指标值", "完成情况",
    "产出指标", "数量指标", "质量指标", "时效指标", "成本指标", "效益指标", "经济效益指标", "社会效益指标", "生态效益指标",
    "可持续影响指标", "满意度指标", "社会公众或服务对象满意度", "绩效自评综合得分", "评价等次",
    "四、评价人员", "姓名", "职务/职称", "单位", "签字", "评价组组长（签字）：", "部门（单位）意见：",
    "部门（单位）负责人（签章）：", "财政部门归口业务科室意见：", "财政部门归口业务科室负责人（签章）：",
    "填报人（签名）：", "联系电话：", "五、评价报告综述（文字部分）",
)
SECTIONS = [label for label in SEED_001_LABELS if re.match("^[一二三四五]、", label)]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def assert_in_order(labels, texts):
    """Each label is one of ``texts`` (whitespace ignored), each found after the one before it."""
    texts = [squeeze(t) for t in texts]
    position = 0
    for label in labels:
        try:
            position = texts.index(label, position) + 1
        except ValueError:
            raise AssertionError(f"“{label}” missing or out of order (searching from {texts[position:position + 5]})")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    from model import storage
    from tests.conftest import example_path
    doc = storage.load(example_path("jingzhou-2023"))
    folder = tmp_path_factory.mktemp("jingzhou")
    return doc, {path.suffix[1:]: path for path in export(doc, ["xlsx", "docx", "pdf"], folder)}


def test_the_layout_prints_the_seeds_labels_in_its_order(files):
    doc, _ = files
    layout = build_layout(doc, "comprehensive")
    cells = sorted(layout.cells, key=lambda c: (c.row, c.col))
    assert_in_order(SEED_001_LABELS, [c.text for c in cells])
    assert not layout.landscape and layout.width_mm <= page_for(layout).body_width_mm + 1e-6
    header = [c.text for c in layout.cells_in_row(layout.header_rows.start)]
    assert header == ["整体支出绩效定量目标及实施计划完成情况", "一级指标", "二级指标", "三级指标", "指标值", "完成情况"]
    side = layout.at(layout.header_rows.start, 0)
    assert side.rowspan == 1 + len(doc.comprehensive.indicators)  # spans the whole indicator block
    for heading in SECTIONS:  # full-width rows
        [cell] = [c for c in layout.cells if c.text == heading]
        assert cell.colspan == layout.n_cols and cell.row in layout.table_rows
    merged = {c.text: (c.rowspan, c.colspan) for c in layout.cells if c.role is Role.LABEL}
    assert merged["产出指标"] == (12, 1) and merged["数量指标"] == (3, 1) and merged["质量指标"] == (3, 1)


def test_xlsx_carries_the_labels_in_order_on_one_portrait_page_width(files):
    doc, out = files
    sheet = openpyxl.load_workbook(out["xlsx"]).worksheets[0]
    values = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    # as in Word, the side label that starts in the header row is written below it (exporters/xlsx_pages.py)
    side = "整体支出绩效定量目标及实施计划完成情况"
    assert_in_order([label for label in SEED_001_LABELS if label != side], values)
    squeezed = [squeeze(v) for v in values]
    assert squeezed[squeezed.index("完成情况") + 1] == side
    assert sheet.page_setup.orientation == "portrait"
    layout = build_layout(doc, "comprehensive")  # one page wide at the sheet's fixed print scale
    assert layout.width_mm * sheet.page_setup.scale / 100 <= page_for(layout).body_width_mm
    # the indicator block ends before the last pages, where the PDF repeats no header: nor does Excel
    assert not sheet.print_title_rows


def test_docx_carries_the_labels_in_order(files):
    doc, out = files
    with zipfile.ZipFile(out["docx"]) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    cells = ["".join(t.text or "" for t in tc.iter(f"{w}t")) for tc in root.iter(f"{w}tc")]
    # Word repeats only a table's first rows: the side label that starts in the header row is written in the
    # row below it (exporters/docx_table.py), so it follows the header cells there.
    side = "整体支出绩效定量目标及实施计划完成情况"
    assert_in_order([label for label in SEED_001_LABELS if label != side], cells)
    squeezed = [squeeze(c) for c in cells]
    assert squeezed[squeezed.index("完成情况") + 1] == side
    body = "".join(squeeze(t.text) for t in root.iter(f"{w}t"))
    assert squeeze(doc.comprehensive.report_summary) in body  # 五、评价报告综述 in full


def test_pdf_carries_every_label_section_by_section(files):
    doc, out = files
    pages = subprocess.run(["pdftotext", "-raw", str(out["pdf"]), "-"], capture_output=True, text=True,
                           check=True, timeout=60).stdout.split("\f")
    texts = [squeeze(page) for page in pages]
    everything = "".join(texts)
    for label, count in Counter(SEED_001_LABELS).items():  # a wrapped label's lines stay together
        assert everything.count(label) >= count, label
    section_pages = [next(i for i, text in enumerate(texts) if heading in text) for heading in SECTIONS]
    assert section_pages == sorted(section_pages)
    assert squeeze(doc.comprehensive.report_summary)[-40:] in everything
    info = subprocess.run(["pdfinfo", str(out["pdf"])], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (595, 842)  # A4 portrait


def test_seed_002s_rows_print_in_every_format(tmp_path, load_example):
    doc = load_example("yuelu-2021")
    paths = {p.suffix[1:]: p for p in export(doc, ["xlsx", "docx"], tmp_path) if "报告" not in p.name}  # the forms
    values = [str(c.value) for row in openpyxl.load_workbook(paths["xlsx"]).worksheets[0].iter_rows() for c in row
              if c.value is not None]
    assert_in_order(["部门职责", "合计", "423.25", "（2）项目支出", "129.69", "年度总体目标"], values)
    assert "年度预算申请（万元）" not in values
    with zipfile.ZipFile(paths["docx"]) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert xml.index("合计") < xml.index("423.25") < xml.index("（2）项目支出") < xml.index("129.69")
