"""The .jxzp file: round trip, atomic save, and refusal of bad files with a Chinese message."""
import json
import os
from decimal import Decimal

import pytest

from model import storage
from model.document import IndicatorRow
from model.factory import new_document, new_project
from tests.conftest import EXAMPLE_NAMES, example_path


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_round_trip_is_identical(name, tmp_path):
    doc = storage.load(example_path(name))
    target = tmp_path / f"copy{storage.EXTENSION}"
    storage.save(doc, target)
    again = storage.load(target)
    assert again == doc
    assert target.read_bytes() == example_path(name).read_bytes()  # byte for byte, stable output


def test_amounts_are_exact_strings_not_floats(tmp_path):
    doc = new_document("测试单位", 2024)
    doc.overall.funding.executed = Decimal("0.1") + Decimal("0.2")
    data = storage.to_dict(doc)
    assert data["overall"]["funding"]["executed"] == "0.3"
    text = storage.dumps(doc)
    assert '"executed": "0.3"' in text and "测试单位" in text  # UTF-8, not \u escapes


def test_new_document_round_trips(tmp_path):
    doc = new_document("某某单位", 2025, "hunan-2023", starter_rows=True)
    doc.projects.append(new_project(doc, "项目甲", starter_rows=True))
    path = tmp_path / "new.jxzp"
    storage.save(doc, path)
    assert storage.load(path) == doc
    assert len({r.id for r in doc.overall.indicators + doc.projects[0].indicators}) == 2 * 9


def test_rows_are_regrouped_in_framework_order_on_load(tmp_path):
    doc = new_document("单位", 2024)
    doc.overall.indicators = [IndicatorRow("r1", "成本指标", "经济成本指标", "后"),
                              IndicatorRow("r2", "产出指标", "数量指标", "先")]
    storage.save(doc, tmp_path / "a.jxzp")
    assert [r.name for r in storage.load(tmp_path / "a.jxzp").overall.indicators] == ["先", "后"]


def test_save_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "doc.jxzp"
    doc = new_document("原单位", 2024)
    storage.save(doc, path)
    original = path.read_bytes()
    doc.unit.name = "新单位"

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(storage.DocumentError) as caught:
        storage.save(doc, path)
    assert "原文件未改动" in str(caught.value)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["doc.jxzp"]  # no temporary file left behind


def test_save_into_missing_or_readonly_folder(tmp_path):
    doc = new_document("单位", 2024)
    with pytest.raises(storage.DocumentError, match="不存在"):
        storage.save(doc, tmp_path / "nope" / "a.jxzp")
    readonly = tmp_path / "ro"
    readonly.mkdir()
    readonly.chmod(0o500)
    try:
        if os.access(readonly, os.W_OK):  # root ignores folder permissions, but not a read-only file
            (readonly / "a.jxzp").write_text("old")
            (readonly / "a.jxzp").chmod(0o444)
            with pytest.raises(storage.DocumentError, match="只读"):
                storage.save(doc, readonly / "a.jxzp")
            assert (readonly / "a.jxzp").read_text() == "old"
        else:
            with pytest.raises(storage.DocumentError, match="权限"):
                storage.save(doc, readonly / "a.jxzp")
        assert [p.name for p in readonly.iterdir() if p.name.endswith(".tmp")] == []
    finally:
        readonly.chmod(0o700)


def broken(tmp_path, mutate):
    data = json.loads(example_path("tianyuan-2024").read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "broken.jxzp"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _set(path, value):
    def mutate(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return mutate


@pytest.mark.parametrize("mutate, fragments", [
    (_set(["projects", 2, "indicators", 0, "score"], "九"),
     ["项目支出绩效自评表", "第3张项目表（双碳资金）", "第1行", "得分", "应为数字", "九"]),
    (_set(["overall", "funding", "executed"], "1,820.23"), ["年度资金总额", "全年执行数", "应为数字"]),
    (_set(["unit", "year"], "2024"), ["年度", "应为整数"]),
    (_set(["unit", "year"], 3024), ["年度", "1990 到 2100"]),
    (_set(["version"], 7), ["版本为 7", "请升级程序"]),
    (_set(["format"], "other"), ["不是绩效自评填报的文档"]),
    (_set(["overall", "framework"], "nope"), ["指标体系“nope”不在文件"]),
    (_set(["overall", "indicators", 0, "scroe"], "6"), ["无法识别的字段 scroe"]),
    (_set(["overall", "indicators", 1, "id"], "r1"), ["编号“r1”重复"]),
    (_set(["overall", "indicators", 0, "rule"], "magic"), ["评分规则", "magic"]),
    (_set(["overall", "indicators", 0, "not_applicable"], "否"), ["不适用", "true 或 false"]),
    (_set(["projects"], {}), ["项目支出绩效自评表", "应为列表"]),
    (_set(["frameworks", 0, "level1", 0, "points"], "四十"), ["指标体系", "分值", "应为数字"]),
    (_set(["basic_data", "lines", "three_public", "final"], True), ["三公经费", "本年决算数", "应为数字"]),
    (lambda data: data["unit"].pop("year"), ["缺少“年度”"]),
])
def test_bad_files_are_refused_with_a_clear_message(tmp_path, mutate, fragments):
    path = broken(tmp_path, mutate)
    before = path.read_bytes()
    with pytest.raises(storage.DocumentError) as caught:
        storage.load(path)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, message
    assert path.read_bytes() == before  # never modified


@pytest.mark.parametrize("content, fragment", [
    (b"", "是空的"),
    (b'{"format": "jxzp", "version": 1, "unit": {"name": "a', "不完整或已损坏"),
    ("\u7ee9\u6548".encode("gbk"), "不是 UTF-8"),
    (b"PK\x03\x04binary", "办公文件"),
    (b"[1, 2, 3]", "不是绩效自评填报的文档"),
    (b"hello", "不是绩效自评填报的文档"),
])
def test_unreadable_files(tmp_path, content, fragment):
    path = tmp_path / "x.jxzp"
    path.write_bytes(content)
    with pytest.raises(storage.DocumentError, match=fragment):
        storage.load(path)


def test_truncated_example_is_refused(tmp_path):
    raw = example_path("lukou-2023").read_bytes()
    for cut in (10, len(raw) // 3, len(raw) // 2, len(raw) - 5):
        path = tmp_path / "cut.jxzp"
        path.write_bytes(raw[:cut])
        with pytest.raises(storage.DocumentError) as caught:
            storage.load(path)
        assert "不完整或已损坏" in str(caught.value) or "缺少" in str(caught.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(storage.DocumentError, match="找不到"):
        storage.load(tmp_path / "none.jxzp")
    with pytest.raises(storage.DocumentError, match="是文件夹"):
        storage.load(tmp_path)
