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
