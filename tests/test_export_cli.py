"""`python main.py export`: files named after unit and year, clear failures, nothing half-written."""
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE_NAMES, ROOT, example_path

STEM = "株洲市天元区征地工作协调服务中心-2024年度绩效自评"


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def test_export_all_three(tmp_path):
    result = run("export", example_path("tianyuan-2024"), "--format", "xlsx,docx,pdf", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    printed = result.stdout.splitlines()
    report = STEM.replace("绩效自评", "整体支出绩效自评报告")  # the example carries seed 003's report
    assert [p.rsplit("/", 1)[-1] for p in printed] == [f"{STEM}.xlsx", f"{STEM}.docx", f"{STEM}.pdf",
                                                       f"{report}.docx", f"{report}.pdf"]
    for line in printed:
        path = tmp_path / "out" / line.rsplit("/", 1)[-1]
        assert path.stat().st_size > 1000
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.rsplit("/", 1)[-1] for p in printed)


def test_export_one_format_defaults_to_the_documents_folder(tmp_path):
    source = tmp_path / "doc.jxzp"
    source.write_bytes(example_path("lukou-2023").read_bytes())
    result = run("export", source, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "株洲市渌口区征地工作协调服务中心-2023年度绩效自评.pdf").exists()


def test_bad_document_and_bad_format(tmp_path):
    broken = tmp_path / "b.jxzp"
    broken.write_text('{"format": "jxzp", "vers', encoding="utf-8")
    result = run("export", broken, "--out", tmp_path)
    assert result.returncode == 2 and "无法读取" in result.stderr and "Traceback" not in result.stderr
    result = run("export", example_path("lukou-2023"), "--format", "xls,odt", "--out", tmp_path)
    assert result.returncode == 2 and "无法识别的导出格式：xls、odt" in result.stderr


def test_unwritable_output_leaves_nothing_half_written(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run("export", example_path("lukou-2023"), "--out", blocker / "sub")
    assert result.returncode == 3 and "无法创建导出文件夹" in result.stderr and "路径中有一段不是文件夹" in result.stderr
    assert "Not a directory" not in result.stderr  # the system's English stays out
    result = run("export", example_path("lukou-2023"), "--out", blocker)
    assert result.returncode == 3 and "是一个文件，不是文件夹" in result.stderr and "File exists" not in result.stderr
    out = tmp_path / "out"
    out.mkdir()
    (out / "株洲市渌口区征地工作协调服务中心-2023年度绩效自评.docx").mkdir()  # the target is taken (as if locked)
    result = run("export", example_path("lukou-2023"), "--format", "xlsx,docx,pdf", "--out", out)
    assert result.returncode == 3 and "导出失败" in result.stderr and "Traceback" not in result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith(".tmp")]  # no temporary file left behind
    assert "株洲市渌口区征地工作协调服务中心-2023年度绩效自评.xlsx" in names  # what was written is complete


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_an_export_prints_the_scores_without_working_out_the_checks(load_example, name):
    """exporters.export lays the forms out from model.evaluation.scores: the same layouts as from a full
    evaluation (the forms print no findings)."""
    from model.evaluation import evaluate, scores
    from model.layout import build_layouts
    doc = load_example(name)
    full, printed = build_layouts(doc, evaluate(doc)), build_layouts(doc, scores(doc))
    assert [layout.signature() for layout in full] == [layout.signature() for layout in printed]
    assert ([[(c.binding, c.value, c.align) for c in layout.cells] for layout in full]
            == [[(c.binding, c.value, c.align) for c in layout.cells] for layout in printed])
    assert scores(doc).form_findings == {}
