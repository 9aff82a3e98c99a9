"""A corpus of hostile files through load, check and export: a Chinese message and exit 2, the file untouched.

The window's open path takes the same corpus in tests/test_ui_robust.py.
"""
import json
import os
import re
import sys
import threading

import pytest

from cli.app import main
from model import storage
from model.evaluation import evaluate
from model.layout import build_layouts
from tests import hostile

CHINESE = re.compile("[\u4e00-\u9fff]")


def _current_streams(function) -> tuple:
    """The defaults of ``function`` with any stream bound at import time replaced by today's."""
    code, defaults = function.__code__, function.__defaults__ or ()
    names = code.co_varnames[code.co_argcount - len(defaults):code.co_argcount]
    streams = {"out": sys.stdout, "stdout": sys.stdout, "err": sys.stderr, "stderr": sys.stderr}
    return tuple(streams[name] if name in streams and hasattr(value, "write") else value
                 for name, value in zip(names, defaults))


def run_cli(capsys, *args):
    """main() in this process, its output captured (a command binding sys.stdout at import would write
    to an earlier test's stream, so such defaults are pointed at this test's)."""
    from cli import check, export
    saved = check.run.__defaults__, export.run.__defaults__
    check.run.__defaults__, export.run.__defaults__ = _current_streams(check.run), _current_streams(export.run)
    try:
        code = main([str(arg) for arg in args])
    finally:
        check.run.__defaults__, export.run.__defaults__ = saved
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused_cleanly(code, err, expected=2):
    assert code == expected, err
    assert "Traceback" not in err and CHINESE.search(err), err
    err.encode("utf-8")


@pytest.mark.parametrize("name", sorted(hostile.CASES))
def test_each_hostile_file_is_refused_with_a_message(tmp_path, capsys, name):
    path = hostile.write_case(tmp_path, name)
    before = path.read_bytes()
    with pytest.raises(storage.DocumentError) as caught:
        storage.load(path)
    message = str(caught.value)
    assert CHINESE.search(message) and len(message) < 400, message
    message.encode("utf-8")
    assert_refused_cleanly(*run_cli(capsys, "check", path)[::2])
    assert_refused_cleanly(*run_cli(capsys, "check", "--json", path)[::2])
    assert_refused_cleanly(*run_cli(capsys, "export", path, "--format", "xlsx", "--out", tmp_path / "out")[::2])
    assert path.read_bytes() == before
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize("name, fragment", [
    ("amount-30-digits", "数值过大"), ("amount-1e999", "科学计数法"), ("amount-5000-digit-integer", "数值过大"),
    ("rule-list", "评分规则"), ("surrogate-in-unit-name", "残缺的字符"), ("control-char-in-unit-name", "控制字符"),
    ("fffe-in-a-cell", "U+FFFE"), ("id-with-newline", "编号"), ("duplicate-key", "出现了不止一次"),
    ("duplicate-key-in-row", "绩效指标"), ("amount-tiny", "小数位数过多"), ("points-negative", "不能为负数"),
    ("amount-nan", "不是有效的数字"), ("year-huge", "1990 到 2100"), ("deep-nesting", "嵌套过深"),
])
def test_the_message_names_the_problem(tmp_path, name, fragment):
    with pytest.raises(storage.DocumentError) as caught:
        storage.load(hostile.write_case(tmp_path, name))
    assert fragment in str(caught.value), str(caught.value)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX devices")
def test_a_device_is_not_read(capsys):
    assert_refused_cleanly(*run_cli(capsys, "check", "/dev/zero")[::2])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_does_not_block(tmp_path, capsys):
    fifo = tmp_path / "pipe.jxzp"
    os.mkfifo(fifo)
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault("run", run_cli(capsys, "check", fifo)), daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("check blocked on a FIFO")
    code, _out, err = result["run"]
    assert_refused_cleanly(code, err)
    assert "不是普通文件" in err


def test_a_file_over_the_size_limit_is_not_read(tmp_path, capsys):
    path = tmp_path / "huge.jxzp"
    with open(path, "wb") as handle:
        handle.truncate(storage.MAX_FILE_BYTES + 1)  # sparse: costs nothing
    code, _out, err = run_cli(capsys, "check", path)
    assert_refused_cleanly(code, err)
    assert "过大" in err


def test_unknown_level2_rows_are_kept_listed_and_exported(tmp_path, capsys):
    path = hostile.unknown_level2(tmp_path)
    doc = storage.load(path)
    evaluation = evaluate(doc)
    unknown = [f for f in evaluation.findings if f.code == "indicator.unknown_group"]
    assert len(unknown) == 3
    for layout in build_layouts(doc, evaluation):
        layout.at(0, 0)  # built without "overlapping cells"
    overall = next(l for l in build_layouts(doc, evaluation) if l.key == "overall")
    names = [c.text for c in overall.cells if c.col == 2]
    assert names.index("不存在的二级指标") > names.index("经济成本指标")  # a group of its own, at the end
    code, out, err = run_cli(capsys, "check", path)
    assert code == 1 and "不属于指标体系" in out
    code, out, err = run_cli(capsys, "export", path, "--format", "xlsx,docx,pdf", "--out", tmp_path / "out")
    assert code == 0, err
    written = {p.suffix for p in (tmp_path / "out").iterdir() if p.stem.endswith("年度绩效自评")}
    assert written == {".xlsx", ".docx", ".pdf"}


def _survives(raw: bytes, tmp_path, capsys, label: str) -> None:
    path = tmp_path / "mutant.jxzp"
    path.write_bytes(raw)
    try:
        doc = storage.load(path)
    except storage.DocumentError as error:
        str(error).encode("utf-8")
        assert CHINESE.search(str(error)), label
    else:  # still a document: everything downstream must cope
        evaluation = evaluate(doc)
        build_layouts(doc, evaluation)
        assert storage.loads(storage.dumps(doc)) == doc, label
    code, _out, err = run_cli(capsys, "check", "--json", path)
    assert code in (0, 1, 2) and "Traceback" not in err, (label, err)
    assert path.read_bytes() == raw, label


def test_random_truncations_and_byte_flips(tmp_path, capsys):
    for label, raw in hostile.mutants(300):
        _survives(raw, tmp_path, capsys, label)


def test_valid_json_with_odd_values(tmp_path, capsys):
    for label, data in hostile.semantic_mutants(300):
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8", errors="surrogatepass")
        _survives(raw, tmp_path, capsys, label)


def test_an_unforeseen_failure_is_a_message_and_exit_2(monkeypatch, capsys):
    def boom(_doc):
        raise ZeroDivisionError("division by zero")
    monkeypatch.setattr("cli.check.evaluate", boom)
    code, _out, err = run_cli(capsys, "check", hostile.example_path("lukou-2023"))
    assert_refused_cleanly(code, err)
    assert "内部错误（ZeroDivisionError）" in err and "发给开发者" in err
    code, _out, err = run_cli(capsys, "check", "--debug", hostile.example_path("lukou-2023"))
    assert code == 2 and "Traceback" in err and "ZeroDivisionError" in err


def test_an_unforeseen_failure_while_writing_is_exit_3(monkeypatch, capsys, tmp_path):
    def boom(*_args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("exporters.xlsx.write_xlsx", boom)
    code, _out, err = run_cli(capsys, "export", hostile.example_path("lukou-2023"), "--format", "xlsx",
                              "--out", tmp_path)
    assert_refused_cleanly(code, err, expected=3)
    assert "磁盘空间不足" in err


def test_a_closed_output_pipe_is_not_a_traceback(monkeypatch, capsys):
    class Closed:
        def write(self, _text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass
    monkeypatch.setattr("cli.errors._quiet_stdout", lambda: None)
    monkeypatch.setattr(sys, "stdout", Closed())
    from cli import check
    monkeypatch.setattr(check.run, "__defaults__", _current_streams(check.run))
    code = main(["check", str(hostile.example_path("lukou-2023"))])
    assert code == 3 and "Traceback" not in capsys.readouterr().err


def test_exporters_write_only_what_a_file_can_hold(tmp_path):
    """Defence in depth: text that slipped past the input rules (built in code) still exports cleanly."""
    from openpyxl import load_workbook

    from exporters import export
    doc = storage.load(hostile.example_path("tianyuan-2024"))
    doc.unit.name = "株洲\x01市\ud800天元\ufffe区"
    doc.overall.indicators[0].name = "\t=1+1"
    doc.overall.indicators[1].name = "\r=HYPERLINK(1)"
    doc.projects[0].name = "项目\uffff一"
    paths = export(doc, ["xlsx", "docx", "pdf"], tmp_path)
    assert [p.name for p in paths][0] == "株洲市天元区-2024年度绩效自评.xlsx"
    book = load_workbook(paths[0])
    assert book.properties.title.startswith("株洲市天元区") and "附件3-1 项目一" in book.sheetnames
    quoted = {c.value: c.quotePrefix for ws in book for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and "=" in c.value}
    assert quoted["\t=1+1"] and quoted["\r=HYPERLINK(1)"]  # kept as text, and marked so in Excel


def test_a_read_only_export_target_is_not_replaced(tmp_path, capsys):
    source = hostile.example_path("lukou-2023")
    code, out, err = run_cli(capsys, "export", source, "--format", "xlsx", "--out", tmp_path)
    target = tmp_path / out.strip().rsplit("/", 1)[-1]
    target.write_bytes(b"kept")
    target.chmod(0o444)
    try:
        code, _out, err = run_cli(capsys, "export", source, "--format", "xlsx", "--out", tmp_path)
        assert_refused_cleanly(code, err, expected=3)
        assert "只读" in err and target.read_bytes() == b"kept"
    finally:
        target.chmod(0o644)
