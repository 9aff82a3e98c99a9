"""`python main.py check` as a person or a script uses it."""
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, example_path


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=60)


def test_check_json_reproduces_seed_003():
    result = run("check", "--json", example_path("tianyuan-2024"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    forms = data["forms"]
    assert forms[0]["form"] == "basic_data" and forms[0]["control_rate"] == "145.00"
    overall = forms[1]
    assert (overall["form"], overall["execution_rate"], overall["funding_score"], overall["total_score"],
            overall["grade"]) == ("overall", "99.32", "9.93", "92.93", "优")
    assert overall["subtotals"] == {"产出指标": "34.00", "效益指标": "20.00", "满意度指标": "9.00", "成本指标": "20.00"}
    assert overall["framework"] == "hunan-2024" and overall["framework_name"].startswith("2024版")
    assert [f["total_score"] for f in forms if f["form"] == "project"] == [
        "100.00", "94.97", "90.92", "100.00", "100.00"]
    for finding in data["findings"]:
        assert set(finding) >= {"severity", "code", "message", "form", "location"}
        assert finding["severity"] in ("error", "warning")


def test_check_several_files_one_json_line_each():
    result = run("check", "--json", example_path("lukou-2023"), example_path("yuelu-2021"))
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert [f["total_score"] for f in json.loads(lines[0])["forms"]] == ["99.00", "98.00"]
    assert json.loads(lines[1])["forms"][0]["total_score"] == "96.00"
    assert result.returncode == 0


def test_errors_give_exit_code_1_and_text_report():
    result = run("check", example_path("yueyanglou-2023"))
    assert result.returncode == 1
    assert "总分 93.00" in result.stdout and "3 个错误" in result.stdout
    assert "[错误] 部门整体支出绩效自评表：效益指标各行分值合计 24 分" in result.stdout


@pytest.mark.parametrize("content", [b'{"format": "jxzp", "version": 1, "unit": {"na', b'{"format": "jxzp"}'])
def test_broken_file_gives_exit_code_2_and_chinese_message(tmp_path, content):
    path = tmp_path / "broken.jxzp"
    path.write_bytes(content)
    result = run("check", "--json", path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "无法读取" in result.stderr and "Traceback" not in result.stderr


def test_unreadable_among_good_files_still_reports_the_good_ones(tmp_path):
    result = run("check", "--json", example_path("lukou-2023"), tmp_path / "missing.jxzp")
    assert result.returncode == 2
    assert len(result.stdout.splitlines()) == 1 and "找不到" in result.stderr


def test_usage_errors_are_chinese():
    result = run("check")
    assert result.returncode == 2 and "缺少参数" in result.stderr


def saved_copy(tmp_path, change, name="tianyuan-2024"):
    """A copy of an example with ``change(doc)`` applied, saved as the program saves."""
    from model import storage
    doc = storage.load(example_path(name))
    change(doc)
    path = tmp_path / f"{name}-changed.jxzp"
    storage.save(doc, path)
    return path


def test_check_json_lists_indicator_rows_with_suggestions(tmp_path):
    from decimal import Decimal

    def petitions(doc):
        row = doc.overall.indicators[0]
        row.name, row.target, row.actual, row.points, row.score = "办结信访案件", "168起", "150起", Decimal(10), Decimal(9)
        row.deviation = "部分案件跨年办理"
        doc.overall.stated_total = None  # the printed 92.93 no longer applies

    result = run("check", "--json", saved_copy(tmp_path, petitions))
    assert result.returncode == 0, result.stderr
    overall = json.loads(result.stdout)["forms"][1]
    row = overall["indicators"][0]
    assert {k: row[k] for k in ("path", "name", "points", "score", "suggested", "rule")} == {
        "path": "overall.indicators[r1]", "name": "办结信访案件", "points": "10", "score": "9",
        "suggested": "8.93", "rule": "positive"}
    assert "“办结”" in row["explanation"]
    na = [r for r in json.loads(run("check", "--json", example_path("lukou-2023")).stdout)["forms"][1]["indicators"]
          if r["not_applicable"]][0]
    assert na["points"] is None and na["score"] is None and na["suggested"] is None and na["rule"] == "not_applicable"


def test_an_empty_actual_fails_the_check_under_submission(tmp_path):
    def clear(doc):
        doc.overall.indicators[1].actual = ""

    path = saved_copy(tmp_path, clear)
    result = run("check", path)
    assert result.returncode == 1
    assert "提交前检查：尚有 1 处需处理" in result.stdout and "【提交前检查】1 处" in result.stdout
    assert "[错误] 部门整体支出绩效自评表：绩效指标第2行“集体项目交地面积”未填写实际完成值" in result.stdout
    data = json.loads(run("check", "--json", path).stdout)
    finding = [f for f in data["findings"] if f["code"] == "indicator.actual_empty"][0]
    assert finding["severity"] == "error" and finding["group"] == "submission"
    assert finding["location"] == "overall.indicators[r2].actual"
    assert data["submission"] == {"ready": False, "open_items": 1, "submission_items": 1, "status": "尚有 1 处需处理"}


def test_a_plan_in_the_deviation_is_no_year_finding(tmp_path):
    def plan(doc):
        doc.overall.indicators[0].deviation = "原因：征拆资金压力巨大。剩余7宗顺延至2025年完成。"

    data = json.loads(run("check", "--json", saved_copy(tmp_path, plan)).stdout)
    years = [f["location"] for f in data["findings"] if f["code"] == "text.future_year"]
    assert years == ["projects[p1].goals.actual"]  # seed 003's 2027年 only


def test_provisional_totals_are_marked(tmp_path):
    text = run("check", example_path("yueyanglou-2023")).stdout
    assert "总分 93.00（待核）　等次 优（待核）" in text and "总分与等次待核" in text
    data = json.loads(run("check", "--json", example_path("yueyanglou-2023")).stdout)
    overall = data["forms"][1]
    assert overall["provisional"] is True and overall["total_score"] == "93.00" and overall["grade"] == "优"
    assert len(overall["provisional_reasons"]) == 2 and "效益指标各行分值合计 24 分" in overall["provisional_reasons"][0]
    clean = json.loads(run("check", "--json", example_path("tianyuan-2024")).stdout)
    assert all(form["provisional"] is False for form in clean["forms"])
    assert "（待核）" not in run("check", example_path("tianyuan-2024")).stdout
    assert "提交前检查：可以提交" in run("check", example_path("tianyuan-2024")).stdout

    def above(doc):
        doc.projects[0].indicators[0].score = doc.projects[0].indicators[0].points + 1

    project = json.loads(run("check", "--json", saved_copy(tmp_path, above)).stdout)["forms"][2]
    assert project["provisional"] is True and "超过分值" in project["provisional_reasons"][0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop's DISPLAY")
@pytest.mark.parametrize("argv", [[], ["某单位.jxzp"], ["frobnicate"]])
def test_the_window_without_a_display_says_so_in_chinese(argv):
    import os
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True,
                            encoding="utf-8", cwd=ROOT, timeout=60, env=env)
    assert result.returncode == 2 and "没有图形界面" in result.stderr and "check" in result.stderr
    assert "qt.qpa" not in result.stderr and "Aborted" not in result.stderr


@pytest.mark.parametrize("command, option, name", [
    ("import", "--out", "z.txt"), ("new-year", "--out", "新年度.md"), ("print", "--pdf", "打印.docx"),
    ("summary", "--out", "汇总.csv")])
def test_an_output_of_the_wrong_kind_is_a_wrong_argument(tmp_path, command, option, name):
    source = example_path("lukou-2023") if command != "summary" else example_path("lukou-2023").parent
    if command == "import":
        source = ROOT / "tests" / "fixtures" / "import" / "seed003-tianyuan-2024.xlsx"
    result = run(command, source, option, tmp_path / name)
    assert result.returncode == 2 and f"{option} 应为" in result.stderr, result.stderr
    assert not (tmp_path / name).exists()
