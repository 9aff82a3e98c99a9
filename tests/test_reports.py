"""The reports in the document: outlines as data, numbering, drafting from the forms, section edits."""
import copy
import json
from decimal import Decimal

import pytest

from model import storage
from model.edits import EditError
from model.evaluation import evaluate
from model.jsonread import FormatError
from model.outline import builtin_outlines, default_outline, outline_from_dict
from model.report import (OVERALL, PROJECT, Report, ReportSection, chinese_number, overall_report, paragraphs,
                          project_report, section_numbers, word_count)
from model.report_draft import create_reports, draft_all, draft_section, remove_report
from model.report_edits import add_section, change_level, move_section, remove_section, set_section_text
from model.report_facts import facts
from model.report_template import fill
from tests.conftest import REPORT_EXAMPLES

HUNAN_TEN = ["预算单位基本情况", "一般公共预算支出情况", "政府性基金预算支出情况", "国有资本经营预算支出情况",
             "社会保险基金预算支出情况", "部门整体支出绩效情况（含项目支出绩效情况）", "存在的问题及原因分析",
             "下一步改进措施", "部门整体支出绩效自评结果拟应用和公开情况", "其他需要说明的情况"]


def drafted(doc):
    """``doc`` with its reports replaced by freshly drafted ones."""
    doc.reports = []
    create_reports(doc, evaluate(doc)).apply(doc)
    result = draft_all(doc, evaluate(doc))
    result.edit.apply(doc)
    return doc


def text_of(report):
    return "\n".join(s.text for s in report.sections)


# --- outlines -----------------------------------------------------------------------------------

def test_the_shipped_outlines_are_the_seeds_outlines():
    outlines = builtin_outlines()
    assert set(outlines) == {"hunan-overall", "hunan-overall-six", "older-overall", "huaihua-summary", "hunan-project"}
    hunan = outlines["hunan-overall"]
    assert [s.heading for s in hunan.sections if s.level == 1] == HUNAN_TEN
    assert [s.heading for s in hunan.sections if s.level == 2][:2] == ["基本支出情况", "项目支出情况"]
    project = outlines["hunan-project"]
    assert project.kind == PROJECT and default_outline(PROJECT) is project
    assert [s.heading for s in project.sections if s.level == 1] == [
        "绩效自评工作开展情况", "绩效目标自评完成情况分析", "偏离绩效目标的原因和下一步改进措施", "绩效自评结果拟应用和公开情况"]
    assert [s.heading for s in project.sections if s.level == 3] == [
        "项目资金到位情况分析", "项目资金执行情况分析", "项目资金管理情况分析",
        "产出指标完成情况分析", "效益指标完成情况分析", "满意度指标完成情况分析"]
    older = outlines["older-overall"]
    assert older.sections[-1].heading == "其他需要说明的情况" and not older.sections[-1].numbered  # seed 002
    summary = outlines["huaihua-summary"]  # seed 001's 五、评价报告综述
    assert [s.heading for s in summary.sections if s.level == 1][-1] == "改进措施和有关建议"
    assert default_outline(OVERALL) is hunan


def minimal(**section):
    return {"id": "x", "name": "测试", "kind": "overall", "title": "{年度}年度{单位}报告",
            "sections": [{"key": "a", "heading": "一节", **section}]}


@pytest.mark.parametrize("section, message", [
    ({"template": ["基本支出{基本之处}万元"]}, "占位符“{基本之处}”不认识"),
    ({"template": ["[[少了一半{基本支出}"]}, "不成对"),
    ({"template": ["{基本支出"]}, "花括号"),
    ({"template": [{"each": "部门", "text": "x"}]}, "循环“部门”不认识"),
    ({"template": [{"each": "指标", "text": "x", "where": "优秀"}]}, "筛选“优秀”不认识"),
    ({"template": [{"text": "{指标名称}"}]}, "占位符“{指标名称}”不认识"),  # loop names outside a loop
    ({"template": [{"if": "不存在", "text": "x"}]}, "条件“不存在”"),
    ({"template": [{"text": "x", "join": "；"}]}, "只用于循环"),
    ({"template": [{"text": "x", "colour": "red"}]}, "无法识别的字段 colour"),
    ({"heading": ""}, "不能为空"),
])
def test_a_faulty_outline_is_refused_with_a_message_naming_the_place(section, message):
    with pytest.raises(FormatError) as error:
        outline_from_dict(minimal(**section), "报告提纲文件 x.json")
    assert message in str(error.value) and str(error.value).startswith("报告提纲文件 x.json")


def test_a_project_outline_knows_only_project_placeholders():
    data = minimal(template=["{项目支出}"])
    data["kind"] = "project"
    with pytest.raises(FormatError, match="项目支出"):
        outline_from_dict(data)


def test_duplicate_keys_and_too_deep_outlines_are_refused():
    data = minimal()
    data["sections"].append({"key": "a", "heading": "又一节"})
    with pytest.raises(FormatError, match="重复"):
        outline_from_dict(data)
    deep = {"key": "l1", "heading": "1", "sections": [{"key": "l2", "heading": "2", "sections": [
        {"key": "l3", "heading": "3", "sections": [{"key": "l4", "heading": "4", "sections": [
            {"key": "l5", "heading": "5"}]}]}]}]}
    with pytest.raises(FormatError, match="最多 4 层"):
        outline_from_dict({**minimal(), "sections": [deep]})


# --- numbering ------------------------------------------------------------------------------------

@pytest.mark.parametrize("n, text", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
                                     (99, "九十九"), (100, "100")])
def test_chinese_numbers(n, text):
    assert chinese_number(n) == text


def test_numbers_follow_levels_and_restart_under_each_parent():
    levels = [(1, True), (2, True), (2, True), (3, True), (3, True), (4, True), (1, True), (3, True), (2, True),
              (1, False), (1, True)]
    sections = [ReportSection(f"h{i}", level, numbered) for i, (level, numbered) in enumerate(levels)]
    assert section_numbers(sections) == ["一、", "（一）", "（二）", "1.", "2.", "（1）", "二、", "1.", "（一）", "", "三、"]


def test_paragraphs_and_word_count():
    assert paragraphs("  第一段\n\n第二段 \r\n") == ["第一段", "第二段"]
    assert word_count("2024 年 基本支出\n365.67 万元") == 17


# --- drafting ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", REPORT_EXAMPLES)
def test_a_draft_quotes_the_documents_own_figures(load_example, name):
    doc = drafted(load_example(name))
    evaluation = evaluate(doc)
    overall = overall_report(doc)
    text = text_of(overall)
    o = doc.overall
    result = evaluation.forms["overall"]
    assert f"{o.funding.executed:.2f}" in text  # 全年执行数
    assert f"基本支出{o.expense.basic:.2f}万元" in text and f"项目支出{o.expense.project:.2f}万元" in text
    if result.rate is not None:
        assert f"执行率{result.rate * 100:.2f}%" in text
    for project in doc.projects:  # every project, in the 整体 report and in its own
        key = f"projects[{project.id}]"
        line = project.annual_funding
        assert f"“{project.name}”，全年预算数{line.annual:.2f}万元，全年执行数{line.executed:.2f}万元" in text
        own = text_of(project_report(doc, project.id))
        assert f"全年执行数{line.executed:.2f}万元，执行率{evaluation.forms[key].rate * 100:.2f}%" in own
    assert f"总分{result.total:.2f}分，评价等次为“{result.grade}”" in text


@pytest.mark.parametrize("name", REPORT_EXAMPLES)
def test_drafts_agree_with_the_forms(load_example, name):
    """A draft never quotes a figure the checks would find wrong."""
    doc = drafted(load_example(name))
    codes = [f.code for f in evaluate(doc).report_findings]
    assert "report.figure_mismatch" not in codes
    assert "report.section_empty" not in codes and "report.draft_unedited" in codes


def test_the_tianyuan_draft_reads_like_the_seed(tianyuan):
    doc = drafted(tianyuan)
    report = overall_report(doc)
    by_key = {s.key: s.text for s in report.sections}
    assert by_key["basic"].startswith("2024年基本支出365.67万元，占全年执行数的20.09%")
    assert "“三公”经费支出3.49万元，预算3.50万元，比预算减少0.01万元，比上年减少0.51万元" in by_key["basic"]
    assert "包括拆违治违经费、机关干部进小区工作队工作经费、双碳资金、城镇独生子女父母奖励、2020年建宁大桥南北辅道项目5个项目" \
        in by_key["project"]
    assert "3.年中追加项目“双碳资金”，全年预算数5.00万元，全年执行数0.46万元，执行率9.20%" in by_key["project_performance"]
    assert by_key["gov_fund"] == "无。"  # 政府性基金拨款 0
    # the 偏差原因 typed in the forms, and the indicators not met
    assert "集体项目交地宗数未达到年度指标值（指标值17宗，完成值10宗）：原因：征拆资金压力巨大。 措施：加强资金协调。" \
        in by_key["problems"]
    assert "针对“集体项目交地宗数”" in by_key["measures"]
    assert "2025年度预算" in by_key["use"]
    assert report.title == "2024年度株洲市天元区征地工作协调服务中心整体支出绩效自评报告"
    project = project_report(doc, doc.projects[0].id)
    assert project.title == "拆违治违经费项目支出绩效自评报告" and project.subtitle == "株洲市天元区征地工作协调服务中心"
    output = next(s.text for s in project.sections if s.key == "output")
    assert output.startswith("产出指标方面：员工人数年度指标值7人，实际完成7人，已达成年度指标；")
    assert "全年劳务派遣开支" in output  # 成本指标 rows count as 产出 in the project outline


def test_template_pieces():
    from model.report_facts import Fact
    facts_ = {"a": Fact("1.00", True), "z": Fact("0.00", False)}
    assert fill("值{a}[[，其中{z}]][[，另{missing}]]。", facts_) == "值1.00。"
    assert fill("值{missing}", facts_) is None
    assert fill("[[{a}]]", facts_) == "1.00"


def test_each_where_join_and_else(tianyuan):
    from model.outline import Piece
    from model.report_template import draft_text
    context = facts(tianyuan, evaluate(tianyuan), OVERALL)
    missed = Piece("{指标名称}", each="指标", where="未达成", join="、", before="未达成：", after="。")
    assert draft_text([missed], context) == "未达成：集体项目交地宗数、集体项目交地面积、用地单位满意指数。"
    cost = Piece("{指标名称}", each="指标", level1=("成本指标",))
    assert draft_text([cost], context) == "支出预算成本\n信访增长率"
    nothing = Piece("{指标名称}", each="指标", where="未达成", level1=("效益指标",), otherwise="均已达成。")
    assert draft_text([nothing], context) == "均已达成。"
    projects = Piece("{序号}.{项目名称}", each="项目")
    assert draft_text([projects], context).splitlines()[0] == "1.拆违治违经费"


def test_draft_all_keeps_the_users_text_and_refreshes_unedited_drafts(tianyuan):
    doc = drafted(tianyuan)
    report = overall_report(doc)
    basic = next(s for s in report.sections if s.key == "basic")
    project = next(s for s in report.sections if s.key == "project")
    set_section_text(doc, report.id, basic.id, "我们自己写的。").apply(doc)
    assert not basic.draft and project.draft
    doc.overall.expense.project = Decimal("1454.55")  # a figure of the forms changes
    result = draft_all(doc, evaluate(doc))
    assert "基本支出情况" in result.kept and result.drafted == 1  # only the 项目支出 draft quotes it
    result.edit.apply(doc)
    assert basic.text == "我们自己写的。" and "项目支出1454.55万元" in project.text
    result.edit.revert(doc)
    assert "项目支出1454.56万元" in project.text
    assert draft_all(doc, evaluate(doc)).edit is not None


def test_drafting_one_section_is_undoable_and_marks_it(tianyuan):
    doc = drafted(tianyuan)
    report = overall_report(doc)
    section = next(s for s in report.sections if s.key == "problems")
    set_section_text(doc, report.id, section.id, "手写的问题").apply(doc)
    edit = draft_section(doc, evaluate(doc), report.id, section.id)
    edit.apply(doc)
    assert section.draft and "集体项目交地宗数" in section.text
    edit.revert(doc)
    assert section.text == "手写的问题" and not section.draft


def test_a_section_the_user_added_has_no_template(tianyuan):
    doc = drafted(tianyuan)
    report = overall_report(doc)
    edit = add_section(doc, report.id, report.sections[0].id, "自己加的一节")
    edit.apply(doc)
    with pytest.raises(EditError, match="没有起草模板"):
        draft_section(doc, evaluate(doc), report.id, edit.item.id)


def test_create_reports_once(tianyuan):
    tianyuan.reports = []
    edit = create_reports(tianyuan, evaluate(tianyuan))
    assert edit.forms() is None  # the navigation changes
    edit.apply(tianyuan)
    assert [r.kind for r in tianyuan.reports] == [OVERALL] + [PROJECT] * 5
    assert len(tianyuan.all_ids()) == len(set(tianyuan.all_ids()))
    with pytest.raises(EditError, match="都已建立"):
        create_reports(tianyuan, evaluate(tianyuan))
    with pytest.raises(EditError, match="不能用于"):
        tianyuan.reports = []
        create_reports(tianyuan, evaluate(tianyuan), outline="hunan-project")


# --- section edits --------------------------------------------------------------------------------

def snapshot(report):
    return [(s.id, s.level, s.heading, s.text) for s in report.sections]


def test_moving_a_section_takes_its_sub_sections_and_undoes(load_example):
    doc = load_example("tianyuan-2024")
    report = doc.reports[0]
    before = snapshot(report)
    general = next(s for s in report.sections if s.key == "general")
    edit = move_section(doc, report.id, general.id, -1)
    edit.apply(doc)
    assert [s.key for s in report.sections[:4]] == ["general", "basic", "project", "unit"]
    edit.revert(doc)
    assert snapshot(report) == before
    down = move_section(doc, report.id, report.sections[0].id, 1)
    down.apply(doc)
    assert [s.key for s in report.sections[:4]] == ["general", "basic", "project", "unit"]
    with pytest.raises(EditError, match="第一节"):
        move_section(doc, report.id, report.sections[0].id, -1)
    basic = next(s for s in report.sections if s.key == "basic")
    with pytest.raises(EditError, match="第一节"):
        move_section(doc, report.id, basic.id, -1)  # only among its siblings


def test_removing_adding_and_indenting_sections(load_example):
    doc = load_example("tianyuan-2024")
    report = doc.reports[0]
    before = snapshot(report)
    general = next(s for s in report.sections if s.key == "general")
    removal = remove_section(doc, report.id, general.id)
    removal.apply(doc)
    assert "basic" not in [s.key for s in report.sections]
    removal.revert(doc)
    assert snapshot(report) == before
    added = add_section(doc, report.id, general.id, "新的一节")
    added.apply(doc)
    assert report.sections[report.sections.index(added.item) - 1].key == "project"  # after the block
    indent = change_level(doc, report.id, added.item.id, 1)
    indent.apply(doc)
    assert added.item.level == 2 and section_numbers(report.sections)[report.sections.index(added.item)] == "（三）"
    with pytest.raises(EditError):
        change_level(doc, report.id, report.sections[0].id, 1)
    with pytest.raises(EditError, match="第一层"):
        change_level(doc, report.id, report.sections[0].id, -1)
    child = add_section(doc, report.id, general.id, child=True)
    assert child.index == report.sections.index(general) + 1 and child.item.level == 2


def test_typing_in_a_section_ends_its_draft_and_respects_the_length_limit(tianyuan):
    doc = drafted(tianyuan)
    report = overall_report(doc)
    section = report.sections[0]
    edit = set_section_text(doc, report.id, section.id, "新的文字")
    edit.apply(doc)
    assert section.text == "新的文字" and not section.draft
    edit.revert(doc)
    assert section.draft
    from model.parsing import ParseError
    with pytest.raises(ParseError, match="过长"):
        set_section_text(doc, report.id, section.id, "字" * 20001)


def test_removing_a_report_is_undoable(load_example):
    doc = load_example("lukou-2023")
    edit = remove_report(doc, doc.reports[1].id)
    edit.apply(doc)
    assert len(doc.reports) == 1 and edit.forms() is None
    edit.revert(doc)
    assert len(doc.reports) == 2


# --- the file ---------------------------------------------------------------------------------

def test_reports_round_trip_through_the_file(load_example):
    doc = drafted(load_example("tianyuan-2024"))
    again = storage.loads(storage.dumps(doc))
    assert storage.dumps(again) == storage.dumps(doc)
    assert again.reports[0].sections[1].draft


def test_version_2_files_without_reports_open(tmp_path, load_example):
    data = json.loads(storage.dumps(load_example("tianyuan-2024")))
    del data["reports"]
    assert storage.from_dict(data).reports == []


@pytest.mark.parametrize("change, message", [
    (lambda r: r.update(kind="weekly"), "报告类别"),
    (lambda r: r["sections"][1].update(id=r["sections"][0]["id"]), "重复"),
    (lambda r: r["sections"][0].update(level=9), "层级"),
    (lambda r: r["sections"][0].update(text=7), "正文"),
    (lambda r: r.update(extra=1), "无法识别的字段 extra"),
])
def test_a_malformed_report_is_refused(load_example, change, message):
    data = json.loads(storage.dumps(load_example("tianyuan-2024")))
    change(data["reports"][0])
    with pytest.raises(storage.DocumentError, match=message):
        storage.from_dict(copy.deepcopy(data))


def test_examples_carry_their_seeds_reports(load_example):
    lukou = load_example("lukou-2023")
    assert [(r.kind, r.outline, r.attachment) for r in lukou.reports] == [
        (OVERALL, "hunan-overall-six", 2), (PROJECT, "hunan-project", 4)]
    assert lukou.reports[1].project == lukou.projects[0].id
    tianyuan = load_example("tianyuan-2024")
    assert [r.outline for r in tianyuan.reports] == ["hunan-overall"]
    assert "2024 年项目支出 1454.55 万元" in text_of(tianyuan.reports[0])  # as printed, spaces included
    assert load_example("yuelu-2021").reports[0].outline == "older-overall"
    assert load_example("yueyanglou-2023").reports[0].outline == "hunan-overall"
    assert isinstance(tianyuan.reports[0], Report)


def test_every_placeholder_and_filter_is_documented():
    from pathlib import Path
    from model.report_facts import FILTERS, LOOPS, SCALARS
    text = (Path(__file__).parent.parent / "docs" / "reports.md").read_text(encoding="utf-8")
    names = {n for table in SCALARS.values() for n in table} | {n for loops in LOOPS.values() for t in loops.values()
                                                                for n in t}
    assert [n for n in names if f"`{{{n}}}`" not in text] == []
    assert all(f'"{name}"' in text for name in FILTERS)
    for outline in builtin_outlines().values():
        assert f"`{outline.id}`" in text


@pytest.fixture
def outline_folder(tmp_path, monkeypatch):
    """resources/outlines replaced by an empty folder of the test's own."""
    from model import outline
    folder = tmp_path / "resources" / "outlines"
    folder.mkdir(parents=True)
    monkeypatch.setattr(outline, "resource_dir", lambda *parts: tmp_path.joinpath("resources", *parts))
    outline.reset()
    yield folder
    outline.reset()


def test_a_broken_outline_file_is_named_and_nothing_crashes(outline_folder, load_example):
    from model.report_checks import check_reports
    (outline_folder / "9-bureau.json").write_text('{"id": "x", "name": ', encoding="utf-8")
    with pytest.raises(FormatError, match="9-bureau.json"):
        builtin_outlines()
    doc = load_example("tianyuan-2024")
    assert check_reports(doc, evaluate(doc).forms)  # checks still run, without the outline's flags
    doc.reports = []
    with pytest.raises(EditError, match="9-bureau.json"):
        create_reports(doc, evaluate(doc))


def test_a_bureau_adds_its_own_outline_as_a_file(outline_folder, tianyuan):
    (outline_folder / "1-bureau.json").write_text(json.dumps(minimal(template=["{年度}年基本支出{基本支出}万元。"])),
                                                  encoding="utf-8")
    tianyuan.reports = []
    create_reports(tianyuan, evaluate(tianyuan), projects=False).apply(tianyuan)
    draft_all(tianyuan, evaluate(tianyuan)).edit.apply(tianyuan)
    assert tianyuan.reports[0].title == "2024年度株洲市天元区征地工作协调服务中心报告"
    assert tianyuan.reports[0].sections[0].text == "2024年基本支出365.67万元。"


def test_a_comprehensive_form_alone_takes_no_separate_report(load_example):
    from model.edits import EditError
    from model.evaluation import evaluate
    from model.report_draft import create_reports
    doc = load_example("jingzhou-2023")
    with pytest.raises(EditError, match="评价报告综述"):
        create_reports(doc, evaluate(doc))
