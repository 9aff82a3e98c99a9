"""Files of older format versions (the examples as committed before each change) keep opening and scoring alike."""
import json
from decimal import Decimal
from pathlib import Path

import pytest

from model import storage
from model.document import ClosingTexts
from model.evaluation import evaluate
from model.factory import new_document, new_project
from tests.conftest import example_path

FIXTURES = Path(__file__).parent / "fixtures"
V1 = FIXTURES / "v1"
OLD_FILES = [(version, path.stem) for version in (1, 2, 3)  # the examples that existed in each version
             for path in sorted((FIXTURES / f"v{version}").glob("*.jxzp"))]
D = Decimal


def outcome(doc):
    evaluation = evaluate(doc)
    return ([(key, r.total, r.grade, r.funding_score) for key, r in evaluation.forms.items()],
            sorted((f.severity, f.code, f.path, f.message) for f in evaluation.findings))


@pytest.mark.parametrize("version, name", OLD_FILES)
def test_older_files_open_with_the_same_scores_and_findings(version, name):
    path = FIXTURES / f"v{version}" / f"{name}.jxzp"
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == version  # really the old format
    old = storage.load(path)
    assert old.carried == []  # no file before version 4 had last year's texts marked
    current = storage.load(example_path(name))
    if version < 3:
        assert old.reports == []  # older files had no reports: the field takes its default
        current.reports = []  # the examples have since gained their seeds' reports (and the reports' findings)
    assert outcome(old) == outcome(current)


def test_upgrade_moves_the_special_label_and_absent_duties():
    yueyanglou = storage.load(V1 / "yueyanglou-2023.jxzp")
    assert yueyanglou.labels.special == "区级专项资金"
    assert yueyanglou.basic.show_unit_name
    assert storage.load(V1 / "lukou-2023.jxzp").overall.duties is None  # "" meant: no 部门职责 row
    assert storage.load(V1 / "yuelu-2021.jxzp").overall.duties.startswith("负责岳麓区范围内征地补偿工作")


def test_a_version_1_file_is_saved_in_the_current_format(tmp_path):
    doc = storage.load(V1 / "tianyuan-2024.jxzp")
    storage.save(doc, tmp_path / "new.jxzp")
    data = json.loads((tmp_path / "new.jxzp").read_text(encoding="utf-8"))
    assert data["version"] == storage.FORMAT_VERSION == 4
    assert list(data)[:5] == ["format", "version", "unit", "labels", "frameworks"]
    assert "special_label" not in data["basic_data"]
    assert storage.load(tmp_path / "new.jxzp") == doc
    assert (V1 / "tianyuan-2024.jxzp").read_text(encoding="utf-8").count('"version": 1') == 1  # untouched


def test_new_fields_round_trip(tmp_path):
    doc = new_document("单位", 2024, starter_rows=True)
    doc.unit.code = "430211001"
    doc.labels.unit_name, doc.labels.score, doc.labels.attachment_project = "预算单位名称", "自评得分", 3
    doc.labels.show_special_account = True
    doc.overall.duties = ""
    doc.overall.stated_rate, doc.overall.stated_funding_score = D("99.32"), D("9.93")
    project = new_project(doc, "项目甲", starter_rows=True)
    project.code = "P-01"
    project.closing = ClosingTexts("良好", "进度偏慢", "加强调度")
    project.special_account.annual = D("1.5")
    project.stated_funding.executed = D("2")
    doc.projects.append(project)
    storage.save(doc, tmp_path / "a.jxzp")
    again = storage.load(tmp_path / "a.jxzp")
    assert again == doc
    assert again.overall.duties == ""  # an empty 部门职责 row stays a row


def test_a_file_of_a_newer_version_is_refused(tmp_path):
    data = json.loads(example_path("lukou-2023").read_text(encoding="utf-8"))
    data["version"] = storage.FORMAT_VERSION + 1
    path = tmp_path / "future.jxzp"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(storage.DocumentError, match="请升级程序"):
        storage.load(path)


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d["labels"].__setitem__("unit_name", ""), "单位名称行：不能为空"),
    (lambda d: d["labels"].__setitem__("attachment_basic", 100), "基础数据表附件号：应在 0 到 99 之间"),
    (lambda d: d["labels"].__setitem__("colour", "red"), "无法识别的字段 colour"),
    (lambda d: d["overall"].__setitem__("duties", 5), "部门职责：应为文字"),
    (lambda d: d["projects"][0].__setitem__("closing", "好"), "评价结论等：应为一组字段"),
    (lambda d: d["projects"][0]["stated_funding"].__setitem__("annual", "x"), "表上年度资金总额 → 全年预算数：应为数字"),
])
def test_bad_new_fields_are_refused(tmp_path, mutate, fragment):
    data = json.loads(example_path("tianyuan-2024").read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "bad.jxzp"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(storage.DocumentError, match=fragment):
        storage.load(path)


def test_version_1_upgrade_tolerates_malformed_data():
    """The upgrade step only rearranges what it recognises; the strict reader names the problem."""
    for bad in ({"format": "jxzp", "version": 1, "unit": {"name": "x", "year": 2024}, "frameworks": [],
                 "basic_data": "oops"},
                {"format": "jxzp", "version": 1, "unit": {"name": "x", "year": 2024}, "frameworks": [],
                 "overall": {"duties": 3}}):
        with pytest.raises(storage.DocumentError):
            storage.from_dict(bad)
