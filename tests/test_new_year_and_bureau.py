"""新年度 from last year's file; a bureau's folder checked and summarised at once."""
import json
import shutil
import subprocess
import sys
from decimal import Decimal

import openpyxl
import pytest

from model import storage
from model.evaluation import evaluate
from model.new_year import next_year
from tests.conftest import EXAMPLE_NAMES, ROOT, example_path

D = Decimal


def cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


def test_next_year_of_tianyuan(tianyuan):
    before = storage.dumps(tianyuan)
    new = next_year(tianyuan)
    assert storage.dumps(tianyuan) == before  # last year's document is not touched
    assert new.unit.year == 2025 and new.unit.name == tianyuan.unit.name and new.labels == tianyuan.labels
    assert new.basic.three_public.values() == (D("3.49"), None, None)  # 本年决算数 → 上年决算数
    assert [(r.name, r.prior, r.budget, r.final) for r in new.basic.special_rows][1] == ("拆违治违经费", D("43.99"),
                                                                                          None, None)
    assert [p.name for p in new.projects] == [p.name for p in tianyuan.projects]
    for old_form, new_form in zip([tianyuan.overall, *tianyuan.projects], [new.overall, *new.projects]):
        assert [(r.name, r.target, r.points) for r in new_form.indicators] == \
            [(r.name, r.target, r.points) for r in old_form.indicators]
        assert all(r.actual == "" and r.score is None and r.deviation == "" for r in new_form.indicators)
        assert new_form.goals.expected == old_form.goals.expected and new_form.goals.actual == ""
        assert new_form.annual_funding.values() == (None, None, None) and new_form.stated_total is None
    assert new.overall.income.parts() == (None,) * 4


def test_next_year_can_take_the_framework_of_the_new_year(load_example):
    lukou = load_example("lukou-2023")
    from model.framework import builtin_framework
    new = next_year(lukou, builtin_framework("hunan-2024"))
    assert set(new.frameworks) == {"hunan-2024"} and new.overall.framework_id == "hunan-2024"
    rows = {(r.level1, r.level2) for r in new.overall.indicators}
    assert ("产出指标", "数量指标") in rows and ("满意度指标", "服务对象满意度指标") in rows
    codes = {f.code for f in evaluate(new).findings}
    assert "indicator.unknown_group" in codes  # 2023's 产出指标／成本指标 has no place in 2024: kept and listed
    assert len(new.overall.indicators) == len(lukou.overall.indicators)  # nothing is lost


def test_cli_new_year(tmp_path):
    out = tmp_path / "天元-2025.jxzp"
    result = cli("new-year", example_path("tianyuan-2024"), "--out", out)
    assert result.returncode == 0, result.stderr
    doc = storage.load(out)
    assert doc.unit.year == 2025 and len(doc.projects) == 5 and doc.basic.three_public.prior == D("3.49")
    assert cli("new-year", example_path("tianyuan-2024"), "--out", out).returncode == 3  # exists: not replaced
    fit = cli("new-year", example_path("lukou-2023"), "--out", tmp_path / "lukou.jxzp", "--framework", "fit")
    assert fit.returncode == 0 and storage.load(tmp_path / "lukou.jxzp").overall.framework_id == "hunan-2024"
    assert "改用指标体系“2024版" in fit.stdout and "2 行指标归不进新体系" in fit.stdout  # said, not only in check
    bad = cli("new-year", example_path("lukou-2023"), "--out", tmp_path / "x.jxzp", "--framework", "nope")
    assert bad.returncode == 2 and "找不到指标体系" in bad.stderr and not (tmp_path / "x.jxzp").exists()


@pytest.fixture
def bureau(tmp_path):
    folder = tmp_path / "各单位"
    (folder / "乡镇").mkdir(parents=True)
    for name in EXAMPLE_NAMES:
        shutil.copy(example_path(name), folder / f"{name}.jxzp")
    shutil.copy(example_path("tianyuan-2024"), folder / "乡镇" / "another.jxzp")
    (folder / "broken.jxzp").write_text("{not json", encoding="utf-8")
    (folder / "~$lock.jxzp").write_text("", encoding="utf-8")  # an office lock file is not a unit
    shutil.copy(ROOT / "tests" / "fixtures" / "import" / "seed000-lukou-2023.docx", folder / "渌口.docx")
    return folder


def test_check_accepts_folders(bureau):
    result = cli("check", "--json", bureau)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(EXAMPLE_NAMES) + 1 and result.returncode == 2 and "broken.jxzp" in result.stderr
    with_office = cli("check", "--json", "--import", bureau)
    assert len(with_office.stdout.splitlines()) == len(lines) + 1  # the Word file is imported and checked too


def test_summary_of_a_folder(bureau, tmp_path):
    out = tmp_path / "汇总.xlsx"
    result = cli("summary", bureau, "--out", out)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "各表得分", "审核发现"]
    units = list(book["汇总"].iter_rows(values_only=True))
    header, rows = units[0], units[1:]
    assert header[:5] == ("文件", "单位名称", "年度", "整体自评表总分", "整体自评表等次")
    by_file = {row[0].rsplit("/", 1)[-1]: row for row in rows}
    tianyuan = by_file["tianyuan-2024.jxzp"]
    assert tianyuan[1] == "株洲市天元区征地工作协调服务中心" and tianyuan[3] == 92.93 and tianyuan[4] == "优"
    assert tianyuan[5] == 5 and tianyuan[11] == "是"
    assert by_file["yueyanglou-2023.jxzp"][11] == "否" and by_file["yueyanglou-2023.jxzp"][12] == "是"
    assert by_file["broken.jxzp"][-1].startswith("无法读取")
    jingzhou = by_file["jingzhou-2023.jxzp"]  # the 怀化 form stands for the 整体自评表
    assert jingzhou[3] == 94 and jingzhou[4] == "优"
    findings = list(book["审核发现"].iter_rows(values_only=True))
    assert any(row[1] == "岳阳市洞庭新城项目建设岳阳楼区工作部" and row[6] == "表上总分" for row in findings)
    assert any(row[6] == "绩效指标第2行“集体项目交地面积” → 偏差原因分析及改进措施" for row in findings)
    assert {row[4] for row in findings[1:]} <= {"提交前检查", "审核", "合理性"}  # in words, not codes
    assert not any("[" in (row[6] or "") for row in findings[1:])  # places a reviewer can find, not paths
    forms = list(book["各表得分"].iter_rows(values_only=True))
    assert sum(1 for row in forms if row[0].endswith("tianyuan-2024.jxzp")) == 6
    assert {row[7] for row in forms[1:]} <= {"是", "否"}


def test_summary_with_nothing_to_read(tmp_path):
    assert cli("summary", tmp_path, "--out", tmp_path / "a.xlsx").returncode == 2


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_summary_opens_in_libreoffice(bureau, tmp_path):
    out = tmp_path / "汇总.xlsx"
    cli("summary", bureau, "--out", out)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",  # UTF-8
                    "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=120, check=True)
    text = (tmp_path / "汇总.csv").read_text(encoding="utf-8", errors="replace")
    assert "株洲市天元区征地工作协调服务中心" in text and "92.93" in text


# --- 新年度 of the reports and the 怀化 form -------------------------------------------------------

def carried_codes(doc):
    return [(f.path, f.message) for f in evaluate(doc).findings if f.code == "text.carried_unrevised"]


def test_next_year_keeps_the_reports_as_last_years_text_to_revise(load_example):
    from model.carried import carried_paths
    from model.report import section_path
    from model.report_edits import keep_section_text, set_section_text
    lukou = load_example("lukou-2023")
    new = next_year(lukou)
    assert [r.title for r in new.reports] == ["2024年部门整体支出绩效自评报告", "项目支出绩效自评报告"]
    assert [[s.text for s in r.sections] for r in new.reports] == \
        [[s.text for s in r.sections] for r in lukou.reports]  # the text is kept …
    assert [s.heading for s in new.reports[0].sections][1:3] == ["单位主要职责", "2024年主要工作任务"]  # 2023年
    overall = new.reports[0]
    with_text = [s for s in overall.sections if s.text.strip()]
    assert carried_paths(new) >= {section_path(overall.id, s.id) for s in with_text}  # … marked 上年文字
    assert not any(s.draft for r in new.reports for s in r.sections)
    messages = carried_codes(new)
    assert len(messages) == 2 and "9 节仍是上年的文字" in messages[0][1]  # one finding per report
    duties = overall.sections[1]
    edit = set_section_text(new, overall.id, duties.id, duties.text + "（2024年修订）")
    edit.apply(new)
    assert section_path(overall.id, duties.id) not in carried_paths(new)  # revised: no longer marked
    edit.revert(new)
    assert section_path(overall.id, duties.id) in carried_paths(new)  # undone: last year's text again
    keep = keep_section_text(new, overall.id, duties.id)  # 沿用: kept as it is, not marked
    keep.apply(new)
    assert section_path(overall.id, duties.id) not in carried_paths(new) and keep.forms() == {f"reports[{overall.id}]"}
    keep.revert(new)
    assert section_path(overall.id, duties.id) in carried_paths(new)
    again = storage.loads(storage.dumps(new))  # the marks are part of the file
    assert carried_paths(again) == carried_paths(new)
    assert not carried_codes(lukou) and not lukou.carried


def test_next_year_leaves_drafts_as_drafts_and_project_years_alone(tianyuan):
    from model.evaluation import evaluate as run
    from model.report_draft import create_reports, draft_all
    doc = copy_of(tianyuan)
    doc.projects[4].name = "2024年建宁大桥南北辅道项目"  # a project named with the form's own year
    create_reports(doc, run(doc), overall=False).apply(doc)
    draft_all(doc, run(doc)).edit.apply(doc)
    bridge = next(r for r in doc.reports if r.project == doc.projects[4].id)
    new = next_year(doc)
    moved = next(r for r in new.reports if r.id == bridge.id)
    assert moved.title == bridge.title == "2024年建宁大桥南北辅道项目项目支出绩效自评报告"
    assert next(r for r in new.reports if r.kind == "overall").title.startswith("2025 年度株洲市天元区")
    drafted = [s for s in moved.sections if s.draft]
    assert drafted and not {f"reports[{moved.id}].sections[{s.id}].text" for s in drafted} & {
        c.path for c in new.carried}  # 全部起草 will draft them again from the new year's forms


def copy_of(doc):
    import copy
    return copy.deepcopy(doc)


def test_next_year_of_the_comprehensive_form(load_example):
    from model.carried import carried_paths
    jingzhou = load_example("jingzhou-2023")
    new = next_year(jingzhou)
    old, form = jingzhou.comprehensive, new.comprehensive
    assert new.unit.year == 2024
    for name in ("contact", "contact_phone", "staff_authorized", "staff_actual", "duties", "main_work",
                 "achievements", "report_summary"):
        assert getattr(form, name) == getattr(old, name), name  # 一、基本概况 and the 综述 kept
    assert [o.name for o in form.organisations] == [o.name for o in old.organisations]
    assert all(getattr(getattr(o, table), f) is None for o in form.organisations
               for table in ("income", "expense", "three_public", "assets")
               for f in ("total",))  # this year's figures cleared
    assert form.organisations[0].expense.basic is None
    assert form.goals.expected == old.goals.expected and form.goals.actual == ""
    assert [(r.level1, r.level2, r.name, r.target) for r in form.indicators] == \
        [(r.level1, r.level2, r.name, r.target) for r in old.indicators]
    assert all(r.actual == "" for r in form.indicators)
    assert (form.score, form.grade, form.leader_date, form.department_date, form.department_opinion) == (
        None, "", "", "", "")
    assert [e.name for e in form.evaluators] == [e.name for e in old.evaluators]
    assert carried_paths(new) == {"comprehensive.main_work", "comprehensive.achievements",
                                  "comprehensive.report_summary"}
    assert [path for path, _ in carried_codes(new)] == ["comprehensive.main_work", "comprehensive.achievements",
                                                        "comprehensive.report_summary"]
    from model.edits import set_text
    set_text(new, "comprehensive.report_summary", "2024年综述").apply(new)
    assert "comprehensive.report_summary" not in carried_paths(new)


def test_cli_new_year_says_what_is_marked(tmp_path):
    result = cli("new-year", example_path("lukou-2023"), "--out", tmp_path / "lukou-2024.jxzp")
    assert result.returncode == 0 and "上年文字" in result.stdout
    assert len(storage.load(tmp_path / "lukou-2024.jxzp").carried) == 18


def test_check_imports_our_exports_with_their_report_files(tmp_path):
    from exporters import export
    folder = tmp_path / "各单位"
    folder.mkdir()
    written = export(storage.load(example_path("lukou-2023")), ["docx"], folder)
    assert len(written) == 3  # the forms and the two report files beside them
    result = cli("check", "--json", "--import", folder)
    [line] = [json.loads(text) for text in result.stdout.splitlines()]  # one unit, its reports read with it
    assert line["unit"] == "株洲市渌口区征地工作协调服务中心" and "report.unit_mismatch" in {
        f["code"] for f in line["findings"]}  # seed 000's report names the unit without 工作
