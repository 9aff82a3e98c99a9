"""Places in words (model/places.py): every finding of every example named as the accountant finds the cell."""
from hypothesis import given, strategies as st

from model import storage
from model.evaluation import evaluate
from model.places import place_of
from tests.conftest import EXAMPLE_NAMES, example_path


def test_places_of_rows_records_and_computed_figures():
    doc = storage.load(example_path("tianyuan-2024"))
    assert place_of(doc, "overall.indicators[r2].deviation") == "绩效指标第2行“集体项目交地面积” → 偏差原因分析及改进措施"
    assert place_of(doc, "basic.special_rows[s3].final") == "专项资金明细第3行“双碳资金” → 本年决算数"
    assert place_of(doc, "projects[p1].funding.initial") == "年度资金总额 → 年初预算数"  # worked out, not stored
    assert place_of(doc, "overall.level1[效益指标].points") == "一级指标“效益指标” → 分值"
    assert place_of(doc, "overall.total.score") == "总分行 → 得分"
    assert place_of(doc, "basic.special_total.final") == "本级专项资金（一个专项一行） → 本年决算数"  # no “3、”
    report = doc.reports[0]
    section = report.sections[3]
    assert place_of(doc, f"reports[{report.id}].sections[{section.id}].text") == f"第4节“{section.heading}” → 正文"


def test_every_finding_of_every_example_has_a_place_in_words():
    for name in EXAMPLE_NAMES:
        doc = storage.load(example_path(name))
        for finding in evaluate(doc).findings:
            place = place_of(doc, finding.path)
            assert place and "[" not in place and "." not in place.replace("…", ""), (name, finding.path, place)


@given(st.text())
def test_any_path_gives_words_or_itself(path):
    doc = storage.load(example_path("lukou-2023"))
    assert isinstance(place_of(doc, path), str)
