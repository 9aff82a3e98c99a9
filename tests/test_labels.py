"""Rows and labels as the unit's paper prints them: per-document wording, optional rows, 附件 numbers."""
import re
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from model import edits
from model.document import ClosingTexts
from model.layout import build_layout
from model.layout.attachments import attachment_numbers

D = Decimal


def texts(layout):
    return [c.text for row in range(layout.n_rows) for c in layout.cells_in_row(row) if c.text]


def test_yueyanglou_prints_seed_004s_wording(load_example):
    doc = load_example("yueyanglou-2023")
    overall = texts(build_layout(doc, "overall"))
    assert "预算单位名称" in overall and "预算部门名称" not in overall
    assert overall.count("自评得分") == 2 and "得分" not in overall  # funding block and indicator header
    assert "预算单位整体支出绩效自评表" in overall
    basic = texts(build_layout(doc, "basic"))
    assert basic[:3] == ["附件1", "2023年度预算单位整体支出绩效评价基础数据表", "预算单位名称"]
    assert "3、区级专项资金（一个专项一行）" in basic


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "pdf"])
def test_yueyanglou_exports_print_its_wording(load_example, tmp_path, fmt):
    from exporters import export
    path = export(load_example("yueyanglou-2023"), [fmt], tmp_path)[0]  # the forms (its report follows)
    if fmt == "xlsx":
        book = openpyxl.load_workbook(path)
        content = "\n".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value)
    elif fmt == "docx":
        import docx
        document = docx.Document(str(path))
        content = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    else:
        content = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "预算单位名称" in content and "自评得分" in content and "预算部门名称" not in content


def test_attachment_numbers_follow_the_set(load_example, tianyuan):
    assert attachment_numbers(tianyuan) == {"basic": 1, "overall": 2, "projects": 3}
    lukou = load_example("lukou-2023")  # seed 000: 附件1 整体表, 附件3 项目表
    assert attachment_numbers(lukou) == {"overall": 1, "projects": 3}
    assert texts(build_layout(lukou, "projects[p1]"))[0] == "附件3"
    yuelu = load_example("yuelu-2021")  # seed 002 prints none
    assert attachment_numbers(yuelu) == {"overall": None}
    layout = build_layout(yuelu, "overall")
    assert not any(re.fullmatch(r"附件\d+", t) for t in texts(layout)) and layout.sheet_name == "整体自评表"
    tianyuan.basic = None  # the forms renumber
    assert attachment_numbers(tianyuan) == {"overall": 1, "projects": 2}
    tianyuan.labels.attachment_overall = 5
    assert attachment_numbers(tianyuan) == {"overall": 5, "projects": 6}


def test_optional_rows_appear_only_when_used(tianyuan):
    project = tianyuan.project("p1")
    layout = build_layout(tianyuan, "projects[p1]")
    assert "评价结论" not in texts(layout) and "项目编码" not in texts(layout)
    assert "财政专户管理资金" not in texts(layout)
    edit = edits.toggle_closing(tianyuan, "p1")
    edit.apply(tianyuan)
    project.closing.conclusion = "绩效良好"
    layout = build_layout(tianyuan, "projects[p1]")
    labels = texts(layout)
    assert labels.index("总分") < labels.index("评价结论") < labels.index("存在的问题") < labels.index("改进措施")
    assert layout.bound("projects[p1].closing.conclusion").text == "绩效良好"
    assert layout.bound("projects[p1].closing.measures").editable
    assert labels.index("改进措施") < labels.index("备注：一个一级项目支出一张表。")
    edit.revert(tianyuan)
    assert tianyuan.project("p1").closing is None
    tianyuan.labels.show_codes = True
    tianyuan.labels.show_special_account = True
    labels = texts(build_layout(tianyuan, "projects[p1]"))
    assert "项目编码" in labels and labels.index("其它资金") < labels.index("财政专户管理资金")
    assert "单位编码" in texts(build_layout(tianyuan, "overall"))


def test_special_account_source_adds_into_the_total(tianyuan):
    project = tianyuan.project("p2")
    project.special_account.annual = D(2)
    layout = build_layout(tianyuan, "projects[p2]")
    assert "财政专户管理资金" in texts(layout)  # shown because it holds a figure, whatever the setting
    assert layout.bound("projects[p2].funding.annual").text == "5.00"


def test_duties_row_is_added_and_removed(tianyuan):
    assert "部门职责" not in texts(build_layout(tianyuan, "overall"))
    add = edits.toggle_duties(tianyuan)
    add.apply(tianyuan)
    layout = build_layout(tianyuan, "overall")
    assert "部门职责" in texts(layout) and layout.bound("overall.duties").editable
    tianyuan.overall.duties = "负责征拆工作"
    remove = edits.toggle_duties(tianyuan)
    remove.apply(tianyuan)
    assert tianyuan.overall.duties is None
    remove.revert(tianyuan)  # undo brings the text back
    assert tianyuan.overall.duties == "负责征拆工作"


def test_wording_changes_reach_the_messages(load_example):
    doc = load_example("yueyanglou-2023")
    from model.evaluation import evaluate
    parts = [f for f in evaluate(doc).findings if f.code == "basic.parts_mismatch"]
    assert any("区级专项资金" in f.message for f in parts)


def test_basic_rows_follow_the_wording(tianyuan):
    tianyuan.labels.business, tianyuan.labels.basic_adjustment = "业务工作专项", "部门整体支出预算调整"
    labels = texts(build_layout(tianyuan, "basic"))
    assert "1、业务工作专项" in labels and "部门整体支出预算调整" in labels
    assert "4、上级转移支付（一个专项一行）" not in labels  # tianyuan (seed 003) prints no such row
    tianyuan.labels.show_empty_transfer = True
    assert "4、上级转移支付（一个专项一行）" in texts(build_layout(tianyuan, "basic"))
