"""提交前检查: each completeness error fires on a true case and stays quiet on a false one."""
from decimal import Decimal

import pytest

from model.document import IndicatorRow, NamedExpenseLine
from model.evaluation import evaluate
from model.factory import new_document
from model.findings import ERROR, GROUP_SUBMISSION, SUBMISSION_CODES
from model.submission import template_prompt
from tests.conftest import EXAMPLE_NAMES

D = Decimal


def submission(doc, code=None):
    return [f for f in evaluate(doc).findings if f.group == GROUP_SUBMISSION and (code is None or f.code == code)]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_examples_are_ready_to_submit_as_far_as_cells_go(load_example, name):
    assert submission(load_example(name)) == []


def test_every_submission_finding_is_an_error_of_its_group(tianyuan):
    row = tianyuan.overall.indicators[0]
    row.actual = row.target = ""
    row.score = None
    tianyuan.overall.goals.actual = ""
    found = submission(tianyuan)
    assert {f.code for f in found} == {"indicator.actual_empty", "indicator.target_empty", "score.missing",
                                       "goals.empty"}
    assert all(f.severity == ERROR and f.code in SUBMISSION_CODES for f in found)


def test_an_empty_actual_names_the_column_and_the_row(tianyuan):
    row = tianyuan.overall.indicators[1]
    row.actual = " "
    finding = submission(tianyuan, "indicator.actual_empty")[0]
    assert finding.path == f"overall.indicators[{row.id}].actual"
    assert "实际完成值" in finding.message and "第2行“集体项目交地面积”" in finding.message
    assert evaluate(tianyuan).ready_text() == "尚有 1 处需处理"


def test_ready_text(tianyuan):
    assert evaluate(tianyuan).ready_text() == "可以提交"


def test_not_applicable_rows_need_nothing(tianyuan):
    row = tianyuan.overall.indicators[6]  # 生态效益: mark it 不适用 and empty it
    row.not_applicable, row.actual, row.target, row.points, row.score = True, "", "", None, None
    assert submission(tianyuan) == []
    row.not_applicable = False
    assert {f.code for f in submission(tianyuan)} == {"indicator.actual_empty", "indicator.target_empty",
                                                      "points.missing"}


def test_a_blank_row_is_one_finding(tianyuan):
    tianyuan.overall.indicators.append(IndicatorRow("r99", "产出指标", "数量指标"))
    found = submission(tianyuan)
    assert [f.code for f in found] == ["indicator.row_empty"]
    assert found[0].path == "overall.indicators[r99].name" and "数量指标" in found[0].message


def test_name_points_and_score(tianyuan):
    row = tianyuan.overall.indicators[2]
    row.name = ""
    assert submission(tianyuan, "indicator.name_empty")[0].path == f"overall.indicators[{row.id}].name"
    row.name, row.points, row.score = "质量", D(0), None
    assert submission(tianyuan) == []  # a row of 0 points needs no score
    row.points = None
    assert submission(tianyuan, "points.missing")
    row.points = D(10)
    assert submission(tianyuan, "score.missing")[0].path == f"overall.indicators[{row.id}].score"


def test_executed_amount(tianyuan, load_example):
    tianyuan.overall.funding.executed = None
    assert submission(tianyuan, "funding.executed_empty")[0].path == "overall.funding.executed"
    project = tianyuan.projects[0]
    project.current.executed = project.carryover.executed = project.other.executed = None
    assert any(f.path == "projects[p1].current.executed" for f in submission(tianyuan, "funding.executed_empty"))
    yuelu = load_example("yuelu-2021")  # funding not scored, no 全年预算数: nothing to execute against
    yuelu.overall.funding.executed = None
    assert submission(yuelu, "funding.executed_empty") == []


def test_goals(tianyuan):
    tianyuan.projects[1].goals.expected = "  "
    finding = submission(tianyuan, "goals.empty")[0]
    assert finding.path == "projects[p2].goals.expected" and "预期目标" in finding.message


@pytest.mark.parametrize("text, found", [
    ("……", "……"), ("请填写指标名称", "请填写"), ("指标1：", "指标1："), ("原因：　措施：", "原因：　措施："),
    ("XXX工作完成率", "XXX"),
    ("指标1：庆建党百年征文上稿篇数", None), ("原因：征拆资金压力巨大。 措施：加强资金协调。", None),
    ("全面完成了32户门面回购", None), ("", None),
])
def test_template_prompt(text, found):
    assert template_prompt(text, ("……", "请填写", "请输入", "XXX")) == found


def test_template_text_left_in_a_form(tianyuan):
    row = tianyuan.projects[0].indicators[0]
    row.name = "指标1："
    row.deviation = "原因：　措施："
    paths = {f.path for f in submission(tianyuan, "text.template_prompt")}
    assert paths == {f"projects[p1].indicators[{row.id}].name", f"projects[p1].indicators[{row.id}].deviation"}
    tianyuan.basic.special_rows[0].name = "……"
    assert any(f.form == "basic" for f in submission(tianyuan, "text.template_prompt"))


def test_basic_data_parts_left_blank_under_a_total(tianyuan):
    basic = tianyuan.basic
    basic.vehicle_operation.final = None  # 公务用车 3.49 with neither of its parts
    finding = submission(tianyuan, "basic.parts_empty")[0]
    assert finding.path == "basic.vehicles.final" and "3.49" in finding.message and "2024年决算数" in finding.message
    basic.vehicle_purchase.final = D(0)  # one part filled (even with 0) is enough
    assert submission(tianyuan, "basic.parts_empty") == []
    basic.transfer_total.final = D(5)  # a transfer total with no item rows
    assert submission(tianyuan, "basic.parts_empty")[0].path == "basic.transfer_total.final"
    basic.transfer_rows.append(NamedExpenseLine("t1", "省级补助", None, None, D(5)))
    assert submission(tianyuan, "basic.parts_empty") == []


def test_a_new_document_lists_what_is_left_to_fill():
    doc = new_document("某单位", 2024, starter_rows=True)
    codes = {f.code for f in submission(doc)}
    assert codes == {"indicator.row_empty", "goals.empty", "funding.executed_empty"}
    assert len(submission(doc, "indicator.row_empty")) == len(doc.overall.indicators) == 11  # one a row
    assert evaluate(doc).ready_text().startswith("尚有")


def test_exports_print_a_provisional_total_as_computed(load_example, tmp_path):
    """The paper is the unit's: the 总分 cell of a provisional form prints its figure, no 待核."""
    import openpyxl

    from exporters.xlsx import write_xlsx
    book = openpyxl.load_workbook(write_xlsx(load_example("yueyanglou-2023"), tmp_path / "y.xlsx"))
    values = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [v for v in values if "待核" in v]
    assert any(v in ("93.00", "93") for v in values)
