"""Import by labels: our own exports come back as the same document; the seeds' Office files to their scores."""
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from cli.summary import summarize
from importers import ImportRefused
from importers.assemble import import_files
from model import storage
from model.evaluation import evaluate
from model.records import record_out
from tests.conftest import EXAMPLE_NAMES, ROOT, example_path

FIXTURES = Path(__file__).parent / "fixtures" / "import"
D = Decimal


def outcome(doc):
    summary = summarize(doc, evaluate(doc), "x")
    return ([(f["form"], f["total_score"], f["grade"]) for f in summary["forms"]],
            sorted((f["code"], f["message"]) for f in summary["findings"]))


def contents(doc):
    rows = []
    for _, form in doc.scored_forms():
        rows.append((form.goals.expected, form.goals.actual))
        rows += [(r.level1, r.level2, r.name, r.target, r.actual, r.points, r.score, r.deviation, r.not_applicable)
                 for r in form.indicators]
    return rows


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from exporters import export
    result = {}
    for name in EXAMPLE_NAMES:
        folder = tmp_path_factory.mktemp(name)
        result[name] = export(storage.load(example_path(name)), ["xlsx", "docx"], folder)  # forms and 自评报告 files
    return result


def report_texts(doc):
    return [(r.kind, r.title, r.subtitle, r.attachment, [p.name for p in doc.projects if p.id == r.project],
             [(s.level, s.numbered, s.heading, s.text, s.draft) for s in r.sections]) for r in doc.reports]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_our_exports_import_as_the_same_document(exports, name, suffix):
    original = storage.load(example_path(name))
    [path] = [p for p in exports[name] if p.suffix == suffix and "自评报告" not in p.name]
    reports = [p for p in exports[name] if "自评报告" in p.name]
    assert len(reports) == len({r.kind for r in original.reports})  # one file per kind of report
    doc, report = import_files([path, *reports])
    assert report.complete, report.not_understood
    forms, findings = outcome(doc)
    expected_forms, expected_findings = outcome(original)
    assert forms == expected_forms
    # A 表上总分 typed beside the form is not printed (the paper shows the computed 总分), so it cannot come back
    unprinted = {f for f in expected_findings if f[0] == "total.stated_mismatch"}
    assert findings == sorted(set(expected_findings) - unprinted)
    assert contents(doc) == contents(original)
    assert report_texts(doc) == report_texts(original)
    assert [[s.key for s in r.sections] for r in doc.reports] == [[s.key for s in r.sections] for r in original.reports]
    unit = record_out(original.unit)
    if original.comprehensive is not None:  # the 怀化 form prints no 填报日期 (its dates are the signatures')
        unit["fill_date"] = ""
        assert comprehensive_without_ids(doc) == comprehensive_without_ids(original)  # figures as numbers
    assert record_out(doc.unit) == unit
    assert record_out(doc.labels) == record_out(original.labels)
    assert [p.name for p in doc.projects] == [p.name for p in original.projects]
    if original.basic is not None:
        assert without_ids(doc.basic) == without_ids(original.basic)  # figures compared as numbers (0 = 0.00)


def comprehensive_without_ids(doc):
    import dataclasses
    form = doc.comprehensive
    rows = {name: [dataclasses.replace(row, id="") for row in getattr(form, name)]
            for name in ("organisations", "indicators", "evaluators")}
    return dataclasses.replace(form, **rows)


def without_ids(basic):
    import dataclasses
    rows = {name: [dataclasses.replace(row, id="") for row in getattr(basic, name)]
            for name in ("special_rows", "transfer_rows")}
    return dataclasses.replace(basic, **rows)


@pytest.mark.parametrize("fixture, totals", [
    ("seed000-lukou-2023.docx", ["99.00", "98.00"]),
    ("seed002-yuelu-2021.docx", ["96.00"]),
    ("seed003-tianyuan-2024.xlsx", ["92.93", "100.00", "94.97", "90.92", "100.00", "100.00"]),
    ("seed004-yueyanglou-2023.docx", ["93.00"]),
    ("seed004-yueyanglou-2023-libreoffice.docx", ["93.00"]),
])
def test_the_seeds_office_files_import_to_their_printed_scores(fixture, totals):
    doc, report = import_files([FIXTURES / fixture])
    assert report.complete, report.not_understood
    assert [f[1] for f in outcome(doc)[0] if f[0] != "basic_data"] == totals


def test_seed_004_keeps_its_printed_99_and_wording():
    doc, report = import_files([FIXTURES / "seed004-yueyanglou-2023.docx"])
    assert doc.overall.stated_total == D(99)
    codes = [f[0] for f in outcome(doc)[1]]
    assert "total.stated_mismatch" in codes and "points.total_not_100" in codes
    assert (doc.labels.unit_name, doc.labels.score, doc.labels.special) == ("预算单位名称", "自评得分", "区级专项资金")
    assert doc.unit.year == 2023 and doc.basic.show_unit_name
    assert [r.name for r in doc.basic.special_rows][:2] == ["城乡社区支出", "应急工作专项"]
    assert any("空白模板" in note for note in report.notes)  # its blank 项目表 is not made a project


def test_seed_003_flattened_excel_reads_its_basic_data_and_projects():
    doc, _ = import_files([FIXTURES / "seed003-tianyuan-2024.xlsx"])
    basic = doc.basic
    assert (basic.staff_authorized, basic.staff_actual) == (D(20), D(29))
    assert basic.three_public.values() == (D(4), D("3.5"), D("3.49"))
    assert [(r.name, r.final) for r in basic.special_rows][2] == ("双碳资金", D("0.46"))
    assert [p.name for p in doc.projects] == ["拆违治违经费", "机关干部进小区工作队工作经费", "双碳资金",
                                              "城镇独生子女父母奖励", "2020年建宁大桥南北辅道项目"]
    assert doc.projects[4].carryover.annual == D(1407)
    assert doc.labels.source_carryover == "上年结转金额" and not doc.labels.show_empty_transfer


def test_seed_000_reads_figures_written_inside_labels():
    doc, _ = import_files([FIXTURES / "seed000-lukou-2023.docx"])
    overall = doc.overall
    assert (overall.income.general_budget, overall.income.gov_fund, overall.income.other) == (
        D("188.91"), D("829.99"), D("197.72"))
    assert overall.expense.basic == D("386.63") and overall.stated_rate == D(100)
    assert overall.indicators[0].points == D(10) and overall.indicators[0].target == "15篇"
    assert doc.labels.attachment_project == 3  # 附件1 整体表, 附件3 项目表
    assert doc.projects[0].indicators[7].not_applicable  # 生态效益指标 “无”, nothing else on the row


def test_cells_nobody_understands_are_listed(tmp_path):
    import docx
    document = docx.Document(str(FIXTURES / "seed000-lukou-2023.docx"))
    table = document.tables[0]
    row = table.add_row()
    row.cells[0].text = "神秘栏目"
    row.cells[1].text = "42"
    path = tmp_path / "extra.docx"
    document.save(str(path))
    doc, report = import_files([path])
    assert not report.complete
    assert any("神秘栏目" in text for _, text in report.not_understood)


def run_cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "import", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_cli_import_writes_a_document_and_reports(tmp_path):
    out = tmp_path / "渌口.jxzp"
    result = run_cli(FIXTURES / "seed000-lukou-2023.docx", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "导入报告" in result.stdout and "所有内容均已识别" in result.stdout
    assert [r.total for r in evaluate(storage.load(out)).forms.values()] == [D("99.00"), D("98.00")]
    again = run_cli(FIXTURES / "seed000-lukou-2023.docx", "--out", out)
    assert again.returncode == 3 and "已存在" in again.stderr  # never replaced without asking
    forced = run_cli(FIXTURES / "seed000-lukou-2023.docx", "--out", out, "--force", "--json")
    data = json.loads(forced.stdout)
    assert forced.returncode == 0 and data["not_understood"] == [] and data["errors"] == 0


def test_cli_refuses_what_it_cannot_read_and_writes_nothing(tmp_path):
    picture = tmp_path / "表.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    out = tmp_path / "new.jxzp"
    result = run_cli(picture, "--out", out)
    assert result.returncode == 2 and "不是 Excel" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    empty = tmp_path / "无表.docx"
    import docx
    docx.Document().save(str(empty))
    result = run_cli(empty, "--out", out)
    assert result.returncode == 2 and "没有找到绩效自评表" in result.stderr and not out.exists()


def test_a_source_that_cannot_be_read_is_refused():
    with pytest.raises(ImportRefused):
        import_files([FIXTURES / "does-not-exist.docx"])


def test_seed_001_the_comprehensive_form_imports_to_94_and_its_figures():
    doc, report = import_files([FIXTURES / "seed001-jingzhou-2023.docx"])
    assert report.complete, report.not_understood
    assert any("按文件名" in note and "2023" in note for note in report.notes)  # seed 001 prints no year
    assert doc.unit.year == 2023 and (doc.unit.preparer, doc.unit.phone) == ("蒋婷婷", "13974507905")
    assert outcome(doc)[0] == [("comprehensive", "94.00", "优")]
    form = doc.comprehensive
    assert (form.contact, form.contact_phone, form.staff_authorized, form.staff_actual) == (
        "周军", "15074522713", D(37), D(22))
    assert form.main_work.split("\n")[0] == "任务1：整章建制，实现规范化管理。"
    assert [o.name for o in form.organisations] == ["局机关", "二级机构1", "二级机构2"]  # the 汇总 row is computed
    office = form.organisations[0]
    assert (office.income.total, office.income.public_finance) == (D("6688.63"), D("6688.63"))
    assert (office.expense.total, office.expense.basic, office.expense.project) == (
        D("6688.63"), D("376.54"), D("6312.09"))  # 6688.63 = 376.54 + 6312.09
    assert (office.expense.personnel, office.expense.public) == (D("267.31"), D("109.23"))  # 376.54
    assert office.three_public.total == D(0) and (office.assets.total, office.assets.in_use) == (D("16.56"),
                                                                                                  D("16.56"))
    assert form.organisations[1].income.total is None
    rows = [(r.level1, r.level2, r.name, r.target, r.actual) for r in form.indicators]
    assert len(rows) == 17 and rows[0] == ("产出指标", "数量指标", "党风廉政建设工作完成率", "100%", "已完成")
    assert rows[4] == ("产出指标", "质量指标", "", "", "")  # blank rows kept, 一级/二级 carried down
    assert rows[-1] == ("满意度指标", "社会公众或服务对象满意度", "被征收土地和房屋所有权人满意度", "≥98%", "≥98%")
    assert (form.score, form.grade) == (D(94), "优")
    assert [(e.name, e.title) for e in form.evaluators][:2] == [("周军", "主任"), ("许晓波", "副主任")]
    assert (form.leader_date, form.department_date, form.finance_date) == ("2024 年 4 月 15 日",) * 2 + ("",)
    assert (form.department_opinion, form.finance_opinion) == ("", "")
    assert form.goals.expected.startswith("目标1：整章建制") and form.goals.actual.startswith("1. 我中心始终坚持")
    assert form.report_summary.startswith("一、部门（单位）概况\n（一）部门（单位）基本情况")
    assert form.report_summary.endswith("将结果作为改进预算管理和安排以后年度预算的重要依据。")
    assert doc.frameworks[form.framework_id].id == "hunan-2023"  # the grade bands of its year


def test_a_printed_summary_row_that_disagrees_is_listed_not_imported(tmp_path):
    import docx
    document = docx.Document(str(FIXTURES / "seed001-jingzhou-2023.docx"))
    table = document.tables[0]
    row = next(r for r in table.rows if r.cells[0].text == "局机关及二级机构汇总")
    row.cells[1].text = "6700.00"
    path = tmp_path / "汇总不符.docx"
    document.save(str(path))
    doc, report = import_files([path])
    assert doc.comprehensive.organisations[0].income.total == D("6688.63")
    [message] = [text for _, text in report.not_understood]
    assert "收入合计表上为 6700" in message and "各机构行合计为 6688.63" in message


def test_cells_of_the_comprehensive_form_nobody_understands_are_listed(tmp_path):
    import docx
    document = docx.Document(str(FIXTURES / "seed001-jingzhou-2023.docx"))
    row = document.tables[0].add_row()  # after the signatures, in 四、评价人员
    row.cells[0].text, row.cells[3].text = "神秘栏目", "42"
    path = tmp_path / "extra.docx"
    document.save(str(path))
    _, report = import_files([path])
    assert {text for _, text in report.not_understood} == {"神秘栏目", "42"}
