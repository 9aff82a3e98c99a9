"""Import of the 自评报告: headings by their numbering and the outline, paragraphs under them, the project named."""
from pathlib import Path

import docx
import pytest

from importers import ImportRefused
from importers.assemble import import_files
from importers.report_headings import heading_like, numbered, similarity
from model.registry import MAX_TEXT
from model.report import OVERALL, PROJECT

FIXTURES = Path(__file__).parent / "fixtures" / "import"


@pytest.mark.parametrize("line, levels, number, text", [
    ("一、预算单位基本情况", (1,), 1, "预算单位基本情况"),
    ("(一）单位主要职责", (2,), 1, "单位主要职责"),
    ("（二） 2023年主要工作任务", (2,), 2, "2023年主要工作任务"),
    ("（一）、党的领导坚强有力，党建工作扎实推进", (2,), 1, "党的领导坚强有力，党建工作扎实推进"),
    ("5、 下一步改进措施", (3, 1), 5, "下一步改进措施"),
    ("1.产出指标完成情况分析。", (3, 1), 1, "产出指标完成情况分析。"),
    ("⑶审批征地补偿安置方案", (4,), 3, "审批征地补偿安置方案"),
    ("（12）其他", (4,), 12, "其他"),
    ("十、 其他需要说明的情况", (1,), 10, "其他需要说明的情况"),
])
def test_heading_numbers_as_the_seeds_print_them(line, levels, number, text):
    mark = numbered(line)
    assert (mark.levels, mark.number, mark.text, mark.heading_like) == (levels, number, text, True)


@pytest.mark.parametrize("line", ["2023年项目支出829.99万元", "1.5万元用于培训", "一是征拆资金还存在支付不及时", "附件"])
def test_lines_that_carry_no_heading_number(line):
    assert numbered(line) is None


@pytest.mark.parametrize("line", [
    "1.聚焦目标任务，确保考核排名靠前。2023年，市对区考核项目共计25个",  # seed 000: a numbered paragraph
    "⑴负责岳麓区范围内征地补偿工作的实施、组织、协调、监督和管理；",  # seed 002: a list item
    "1、贯彻落实土地和房屋征收补偿安置的法律法规和政策，为征收拆迁工作提供服务保障。",
])
def test_numbered_paragraphs_do_not_read_as_headings(line):
    assert not heading_like(numbered(line).text)


def test_headings_match_the_outline_whatever_the_unit_word():
    assert similarity("单位整体支出绩效情况", "部门整体支出绩效情况（含项目支出绩效情况）") == 1.0
    assert similarity("单位基本情况", "预算单位基本情况") == 1.0
    assert similarity("工作开展情况", "存在的问题及原因分析") < 0.3


def headings(report):
    return [(s.level, s.heading) for s in report.sections]


def test_seed_000_gives_both_reports_with_their_headings():
    doc, report = import_files([FIXTURES / "seed000-lukou-2023.docx"])
    assert report.complete, report.not_understood
    overall, project = doc.reports
    assert (overall.kind, overall.outline, overall.title, overall.subtitle, overall.attachment) == (
        OVERALL, "hunan-overall-six", "2023年部门整体支出绩效自评报告", "株洲市渌口区征地协调服务中心", 2)
    assert headings(overall) == [
        (1, "预算单位基本情况"), (2, "单位主要职责"), (2, "2023年主要工作任务"), (2, "单位机构、人员情况"),
        (1, "一般公共预算支出情况"), (2, "基本支出情况"), (2, "项目支出情况"), (1, "部门整体支出绩效情况"),
        (1, "存在的问题及原因分析"), (1, "下一步改进措施"), (1, "绩效自评结果拟应用和公开情况")]  # 5、 is 五、
    performance = overall.sections[7].text.split("\n")
    assert len(performance) == 5 and performance[1].startswith("1.聚焦目标任务，确保考核排名靠前。2023年")
    assert (project.kind, project.project, project.attachment, project.subtitle) == (
        PROJECT, doc.projects[0].id, 4, "株洲市渌口区征地工作协调服务中心")
    assert [h for _, h in headings(project)][2:4] == ["资金投入情况分析。", "项目资金到位情况分析。"]
    assert [s.level for s in project.sections] == [1, 1, 2, 3, 3, 3, 2, 3, 3, 3, 1, 1]
    assert not any(s.draft for r in doc.reports for s in r.sections)
    assert all(s.key for r in doc.reports for s in r.sections)  # every heading found in its outline


def test_seed_002_keeps_the_unit_own_headings_and_the_unnumbered_last_one():
    doc, _ = import_files([FIXTURES / "seed002-yuelu-2021.docx"])
    [report] = doc.reports
    assert report.outline == "older-overall"
    assert [h for _, h in headings(report)][11:14] == ["部门（单位）整体支出绩效情况", "党的领导坚强有力，党建工作扎实推进",
                                                         "项目拆迁连创佳绩，各项保障全面到位"]
    assert report.sections[2].heading == "职能职责" and len(report.sections[2].text.split("\n")) == 9  # ⑴…⑼ are text
    last = report.sections[-1]
    assert (last.heading, last.numbered, last.key, last.text) == ("其他需要说明的情况", False, "other", "无")
    assert not report.sections[12].key  # a heading the outline lacks is a section of its own


def test_seed_004_numbering_slips_and_a_list_that_starts_over():
    doc, _ = import_files([FIXTURES / "seed004-yueyanglou-2023.docx"])
    [report] = doc.reports
    assert report.outline == "hunan-overall"
    assert headings(report) == [
        (1, "单位基本情况"), (2, "职能职责"), (2, "机构设置"), (1, "一般公共预算支出情况"), (2, "项目支出情况"),
        (1, "政府性基金预算支出情况"), (1, "国有资本经营预算支出情况"), (1, "社会保险基金预算支出情况"),
        (1, "单位整体支出绩效情况"), (1, "存在的问题及原因分析"), (1, "下一步改进措施"),
        (1, "单位整体支出绩效自评结果拟应用和公开情况"), (1, "其他需要说明的情况")]
    performance = report.sections[8].text.split("\n")
    assert len(performance) == 15 and performance[1] == "一、工作开展情况"  # 一、 inside 6、: text
    assert report.sections[11].text == "" and report.sections[11].key == "use"  # empty stays empty


def _report_file(path, title, lines, attachment=None):
    document = docx.Document()
    if attachment:
        document.add_paragraph(attachment)
    document.add_paragraph(title)
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_project_report_goes_to_the_project_it_names(tmp_path):
    forms = FIXTURES / "seed003-tianyuan-2024.xlsx"
    named = _report_file(tmp_path / "a.docx", "双碳资金项目支出绩效自评报告", ["一、绩效自评工作开展情况", "做了自评。"])
    unnamed = _report_file(tmp_path / "b.docx", "项目支出绩效自评报告", ["一、绩效自评工作开展情况", "也做了。"])
    doc, report = import_files([named, forms, unnamed])
    by_project = {p.name: [r for r in doc.reports if r.project == p.id] for p in doc.projects}
    assert by_project["双碳资金"][0].sections[0].text == "做了自评。"
    assert by_project["拆违治违经费"][0].sections[0].text == "也做了。"  # the first project without one
    assert any("按顺序对应到项目“拆违治违经费”" in note for note in report.notes)


def test_a_project_report_without_projects_is_listed(tmp_path):
    path = _report_file(tmp_path / "r.docx", "项目支出绩效自评报告", ["一、绩效自评工作开展情况", "文字"])
    doc, report = import_files([FIXTURES / "seed002-yuelu-2021.docx", path])
    assert [r.kind for r in doc.reports] == [OVERALL]
    assert any("没有项目支出绩效自评表" in text for _, text in report.not_understood) and not report.complete


def test_text_before_the_first_heading_and_very_long_sections_are_kept(tmp_path):
    long = "很长的一段。" * (MAX_TEXT // 6 + 10)
    path = _report_file(tmp_path / "r.docx", "2021年度某单位整体支出绩效自评报告",
                        ["为全面了解本单位整体支出情况，根据有关要求开展自评，现报告如下。", "一、部门（单位）概况", long])
    doc, _ = import_files([FIXTURES / "seed002-yuelu-2021.docx", path])
    assert doc.reports[0].title.startswith("2021年度长沙市")  # the seed's own came first: this one is not doubled
    doc, report_log = import_files([path, FIXTURES / "seed002-yuelu-2021.docx"])
    mine = doc.reports[0]
    assert mine.sections[0].heading == "" and not mine.sections[0].numbered  # printed as it is, without heading
    assert mine.sections[0].text.startswith("为全面了解")
    assert [s.heading for s in mine.sections[1:]] == ["部门（单位）概况", "部门（单位）概况（续）"]
    assert "".join(s.text for s in mine.sections[1:]) == long and all(len(s.text) <= MAX_TEXT for s in mine.sections)
    assert any("已有一份整体支出绩效自评报告" in text for _, text in report_log.not_understood)


def test_a_report_alone_is_refused_with_a_hint(tmp_path):
    path = _report_file(tmp_path / "r.docx", "2021年度某单位整体支出绩效自评报告", ["一、部门（单位）概况", "文字"])
    with pytest.raises(ImportRefused, match="只找到自评报告"):
        import_files([path])


def test_a_line_that_names_a_report_inside_the_text_does_not_start_one(tmp_path):
    path = _report_file(tmp_path / "r.docx", "2021年度某单位整体支出绩效自评报告",
                        ["一、部门（单位）概况", "详见附件：整体支出绩效自评报告", "二、部门（单位）整体支出管理及使用情况"])
    doc, report = import_files([path, FIXTURES / "seed002-yuelu-2021.docx"])
    mine = doc.reports[0]
    assert mine.title == "2021年度某单位整体支出绩效自评报告" and mine.sections[0].text == "详见附件：整体支出绩效自评报告"
    assert [s.heading for s in mine.sections] == ["部门（单位）概况", "部门（单位）整体支出管理及使用情况"]


def test_lines_past_the_limit_are_kept_as_text(tmp_path):
    from importers.read_report import MAX_LINES
    lines = ["一、部门（单位）概况"] + [f"第{i}段。" for i in range(MAX_LINES)] + ["二、部门（单位）整体支出管理及使用情况"]
    path = _report_file(tmp_path / "r.docx", "2021年度某单位整体支出绩效自评报告", lines)
    doc, _ = import_files([path, FIXTURES / "seed002-yuelu-2021.docx"])
    mine = doc.reports[0]
    assert {s.heading for s in mine.sections} == {"部门（单位）概况", "部门（单位）概况（续）"}  # no heading found late
    assert mine.sections[-1].text.split("\n")[-1] == "二、部门（单位）整体支出管理及使用情况"
