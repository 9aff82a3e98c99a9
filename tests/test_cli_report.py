"""`python main.py report FILE [--draft] [--out NEW.jxzp]`: the reports headless."""
import io
import subprocess
import sys

import pytest

from cli import report
from model import storage
from model.evaluation import evaluate
from model.report import overall_report, project_report
from tests.conftest import REPORT_EXAMPLES, ROOT, example_path


def without_reports(name, folder):
    doc = storage.load(example_path(name))
    doc.reports = []
    path = folder / f"{name}.jxzp"
    storage.save(doc, path)
    return path


def call(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    code = report.run(*args, stdout=out, stderr=err, **options)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", REPORT_EXAMPLES)
def test_draft_on_a_document_with_forms_but_no_report_text(tmp_path, name):
    source = without_reports(name, tmp_path)
    before = source.read_bytes()
    code, out, err = call(str(source), True, str(tmp_path / "new.jxzp"))
    assert code == 0, err
    assert source.read_bytes() == before  # --out leaves the original alone
    doc = storage.load(tmp_path / "new.jxzp")
    evaluation = evaluate(doc)
    text = "\n".join(s.text for s in overall_report(doc).sections)
    o = doc.overall
    assert f"全年执行数{o.funding.executed:.2f}万元" in text
    assert f"基本支出{o.expense.basic:.2f}万元" in text and f"项目支出{o.expense.project:.2f}万元" in text
    rate = evaluation.forms["overall"].rate
    assert rate is None or f"执行率{rate * 100:.2f}%" in text
    for project in doc.projects:
        line = project.annual_funding
        assert f"“{project.name}”，全年预算数{line.annual:.2f}万元，全年执行数{line.executed:.2f}万元" in text
        assert project_report(doc, project.id) is not None
    assert f"新建报告 {1 + len(doc.projects)} 份" in out and "保存到" in out


def test_draft_again_keeps_what_the_user_wrote(tmp_path):
    source = without_reports("lukou-2023", tmp_path)
    assert call(str(source), True, None)[0] == 0  # in place
    doc = storage.load(source)
    section = overall_report(doc).sections[0]
    section.text, section.draft = "自己写的职责。", False
    storage.save(doc, source)
    code, out, _ = call(str(source), True, None)
    assert code == 0 and "新建报告 0 份" in out and "保留已有文字 1 节" in out
    assert overall_report(storage.load(source)).sections[0].text == "自己写的职责。"


def test_report_prints_the_texts(tmp_path):
    code, out, _ = call(str(example_path("lukou-2023")), False, None)
    assert code == 0
    assert "【整体支出绩效自评报告】\n附件2\n2023年部门整体支出绩效自评报告\n株洲市渌口区征地协调服务中心\n一、预算单位基本情况" in out
    assert "【项目支出绩效自评报告（株洲市渌口区征地工作协调服务中心）】" in out
    code, out, _ = call(str(without_reports("yuelu-2021", tmp_path)), False, None)
    assert code == 0 and "还没有自评报告" in out


def test_outlines_can_be_chosen_and_listed(tmp_path):
    source = without_reports("yuelu-2021", tmp_path)
    assert call(str(source), True, None, outline="older-overall")[0] == 0
    assert storage.load(source).reports[0].outline == "older-overall"
    code, out, _ = call(None, False, None, list_outlines=True)
    assert code == 0 and out.splitlines()[0].startswith("hunan-overall\t整体支出绩效自评报告\t")


@pytest.mark.parametrize("args, options, code, message", [
    (("missing.jxzp", True, None), {}, 2, "无法读取"),
    (("SOURCE", True, None), {"outline": "nope"}, 2, "找不到报告提纲“nope”"),
    (("SOURCE", True, None), {"project_outline": "hunan-overall"}, 2, "不能用于项目支出绩效自评报告"),
    (("SOURCE", True, "NOFOLDER/x.jxzp"), {}, 3, "保存失败"),
])
def test_failures_have_messages_and_exit_codes(tmp_path, args, options, code, message):
    source = without_reports("tianyuan-2024", tmp_path)
    args = tuple(str(source) if a == "SOURCE" else (str(tmp_path / a) if isinstance(a, str) and "/" in a else a)
                 for a in args)
    result = call(*args, **options)
    assert result[0] == code and message in result[2]


def test_a_named_outline_is_checked_even_when_the_reports_exist(tmp_path):
    target = tmp_path / "r.jxzp"
    code, _, err = call(str(example_path("tianyuan-2024")), True, str(target), outline="nonsense")
    assert code == 2 and "找不到报告提纲“nonsense”" in err and not target.exists()


def test_the_huaihua_form_is_not_told_to_draft_what_cannot_be_drafted():
    code, out, _ = call(str(example_path("jingzhou-2023")), False, None)
    assert code == 0 and "--draft" not in out and "评价报告综述在表内填写" in out


def test_a_document_without_forms_has_nothing_to_draft(tmp_path):
    from model.document import Document, UnitInfo
    path = tmp_path / "empty.jxzp"
    storage.save(Document(UnitInfo(name="某单位")), path)
    code, out, _ = call(str(path), True, None)
    assert code == 0 and "没有可起草的报告" in out


def test_main_lists_and_runs_the_command(tmp_path):
    source = without_reports("lukou-2023", tmp_path)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "report", str(source), "--draft", "--out",
                             str(tmp_path / "new.jxzp")], capture_output=True, text=True, encoding="utf-8",
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert len(storage.load(tmp_path / "new.jxzp").reports) == 2
    helped = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], capture_output=True, text=True,
                            encoding="utf-8", cwd=ROOT, timeout=60)
    assert "report" in helped.stdout
