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
    findings = list(book["审核发现"].iter_rows(values_only=True))
    assert any(row[1] == "岳阳市洞庭新城项目建设岳阳楼区工作部" and row[6] == "overall.stated_total" for row in findings)
    forms = list(book["各表得分"].iter_rows(values_only=True))
    assert sum(1 for row in forms if row[0].endswith("tianyuan-2024.jxzp")) == 6


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
