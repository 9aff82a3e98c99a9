"""The 怀化 comprehensive form (seed 001): figures as printed, sums, checks, storage and row edits."""
import io
import json
from decimal import Decimal

import pytest

from cli import check
from model import comprehensive_edits as rows
from model import paths, storage
from model.comprehensive import SUMS, summed
from model.edits import EditError
from model.evaluation import Evaluator, evaluate
from model.factory import new_document
from model.findings import CODES, ERROR, WARNING
from model.layout import build_layout, build_layouts
from tests.conftest import example_path

D = Decimal


@pytest.fixture
def jingzhou(load_example):
    return load_example("jingzhou-2023")


def findings(doc, code=None):
    return [f for f in evaluate(doc).findings if code is None or f.code == code]


def check_json(tmp_path, doc):
    path = tmp_path / "a.jxzp"
    storage.save(doc, path)
    out = io.StringIO()
    code = check.run([str(path)], as_json=True, out=out, err=io.StringIO())
    return code, json.loads(out.getvalue())


def test_seed_001_as_printed(jingzhou):
    form = jingzhou.comprehensive
    assert jingzhou.overall is None and jingzhou.basic is None and not jingzhou.projects
    assert (form.contact, form.contact_phone, form.staff_authorized, form.staff_actual) == ("周军", "15074522713", 37, 22)
    office = form.organisations[0]
    assert [o.name for o in form.organisations] == ["局机关", "二级机构1", "二级机构2"]
    assert office.expense.total == office.expense.basic + office.expense.project == D("6688.63")  # 376.54 + 6312.09
    assert office.expense.basic == office.expense.personnel + office.expense.public == D("376.54")  # 267.31 + 109.23
    assert office.income.total == office.income.public_finance == D("6688.63")
    assert (office.three_public.total, office.assets.total, office.assets.in_use) == (0, D("16.56"), D("16.56"))
    assert len(form.indicators) == 17 and sum(1 for r in form.indicators if not r.name) == 6  # blank rows kept
    assert [e.name for e in form.evaluators] == ["周军", "许晓波", "蒋婷婷", "瞿曼瑶"]
    assert form.report_summary.startswith("一、部门（单位）概况\n（一）部门（单位）基本情况")
    assert form.report_summary.endswith("将结果作为改进预算管理和安排以后年度预算的重要依据。")
    assert (form.score, form.grade, jingzhou.unit.preparer, jingzhou.unit.phone) == (94, "优", "蒋婷婷", "13974507905")


def test_check_json_lists_the_comprehensive_form(tmp_path, jingzhou):
    code, summary = check_json(tmp_path, jingzhou)
    assert code == check.EXIT_OK and summary["findings"] == []
    [form] = summary["forms"]
    assert form["form"] == "comprehensive" and form["key"] == "comprehensive"
    assert D(form["total_score"]) == 94 and form["grade"] == "优" and form["stated_grade"] == "优"
    assert form["control_rate"] == "59.46"  # 22 ÷ 37
    assert len(form["indicators"]) == 17 and form["indicators"][-1]["actual"] == "≥98%"


def test_a_wrong_project_expense_fails_the_check_naming_the_total(tmp_path, jingzhou):
    jingzhou.comprehensive.organisations[0].expense.project = D("6312.19")
    code, summary = check_json(tmp_path, jingzhou)
    assert code == check.EXIT_ERRORS
    [error] = [f for f in summary["findings"] if f["severity"] == ERROR]
    assert error["code"] == "comprehensive.expense_mismatch" and error["form"] == "comprehensive"
    assert error["location"] == "comprehensive.organisations[o1].expense.total"
    for text in ("支出合计 6688.63 万元", "基本支出 376.54", "项目支出 6312.19", "6688.73", "相差 0.10 万元", "1、局机关"):
        assert text in error["message"]


def test_every_total_against_its_parts(jingzhou):
    office = jingzhou.comprehensive.organisations[0]
    for check_ in SUMS:
        figures = getattr(office, check_.table)
        before = getattr(figures, check_.parts[0])
        setattr(figures, check_.parts[0], (before or 0) + D(5))
        [found] = [f for f in findings(jingzhou) if f.code not in ("complete.total_empty",)
                   and f.path.endswith(f"{check_.table}.{check_.total}")]
        assert found.code == check_.code and found.severity == ERROR, check_
        setattr(figures, check_.parts[0], (before or 0) + D("0.01"))
        [found] = [f for f in findings(jingzhou, check_.code)]
        assert found.severity == WARNING and "尾数误差" in found.message  # within 0.01
        setattr(figures, check_.parts[0], before)
    assert findings(jingzhou) == []


def test_the_summary_row_is_the_sum_of_the_organisation_rows(jingzhou):
    form = jingzhou.comprehensive
    form.organisations[1].expense.total, form.organisations[1].expense.project = D(10), D(10)
    summary = evaluate(jingzhou).comprehensive.summary
    assert summary.expense.total == D("6698.63") and summary.expense.project == D("6322.09")
    assert summary.expense.balance_year is None  # a column no row fills stays empty
    assert summary.three_public.total == 0
    assert summed([]).income.total is None
    layout = build_layout(jingzhou, "comprehensive")
    assert layout.bound("comprehensive.summary.expense.total").text == "6698.63"
    assert not layout.bound("comprehensive.summary.expense.total").editable


def test_total_left_empty_and_staff_above_the_establishment(jingzhou):
    form = jingzhou.comprehensive
    form.organisations[0].income.total = None
    [found] = findings(jingzhou, "complete.total_empty")
    assert found.severity == ERROR and "收入合计未填写" in found.message and "6688.63" in found.message
    form.staff_actual = D(40)
    [staff] = findings(jingzhou, "staff.control_rate_high")
    assert staff.severity == WARNING and "实有人数 40 人超过人员编制 37 人" in staff.message
    assert staff.path == "comprehensive.staff_actual"


@pytest.mark.parametrize("score, grade, codes", [
    (D(94), "优", []), (D(94), "良", ["comprehensive.grade_mismatch"]), (D(89.5), "良", []),
    (D(101), "优", ["comprehensive.score_out_of_range"]), (D(-1), "差", ["comprehensive.score_out_of_range"]),
    (D(59), "差", []), (D(59), "中", ["comprehensive.grade_mismatch"]),
])
def test_score_and_grade(jingzhou, score, grade, codes):
    jingzhou.comprehensive.score, jingzhou.comprehensive.grade = score, grade
    found = [f for f in findings(jingzhou) if f.severity == ERROR]
    assert [f.code for f in found] == codes
    if codes == ["comprehensive.grade_mismatch"]:
        assert f"“{grade}”" in found[0].message and found[0].path == "comprehensive.grade"


def test_empty_grade_is_incomplete_and_says_what_it_should_be(jingzhou):
    jingzhou.comprehensive.grade = ""
    [found] = findings(jingzhou)
    assert found.code == "complete.required_empty" and "按综合得分应为“优”" in found.message


def test_a_blank_form_lists_what_must_be_filled_before_handing_in():
    doc = new_document("单位", 2024, with_basic=False, with_overall=False, with_comprehensive=True)
    found = findings(doc)
    assert {f.code for f in found} == {"complete.required_empty"} and all(f.severity == ERROR for f in found)
    where = {f.path for f in found}
    for path in ("comprehensive.contact", "comprehensive.staff_actual", "comprehensive.score", "comprehensive.grade",
                 "comprehensive.evaluators", "comprehensive.indicators", "comprehensive.report_summary",
                 "unit.preparer", "comprehensive.organisations[o1].expense.total"):
        assert path in where
    layout = build_layout(doc, "comprehensive")
    for finding in found:  # every finding points at a cell of the form (or a heading of its rows)
        assert finding.code in CODES and finding.form == "comprehensive"
        paths.get(doc, finding.path)
        assert layout.anchor_for(finding.path) is not None, finding.path


def test_indicator_without_result_and_later_years(jingzhou):
    row = jingzhou.comprehensive.indicators[0]
    row.actual = ""
    [found] = findings(jingzhou)
    assert found.code == "complete.required_empty" and found.path == f"comprehensive.indicators[{row.id}].actual"
    assert "定量指标第1行的完成情况" in found.message
    row.actual, row.name = "已完成", ""
    assert [f.path for f in findings(jingzhou)] == [f"comprehensive.indicators[{row.id}].name"]
    row.name, row.target, row.actual = "", "", ""  # a blank row, as the template prints them: fine
    assert findings(jingzhou) == []
    row.name, row.target, row.actual = "党风廉政建设工作完成率", "100%", "已完成"
    jingzhou.comprehensive.report_summary += "\n2025年继续推进。"
    [found] = findings(jingzhou)
    assert found.code == "text.future_year" and "2025年" in found.message


def test_file_round_trip_and_strict_reading(tmp_path, jingzhou):
    assert storage.loads(storage.dumps(jingzhou)) == jingzhou
    data = json.loads(example_path("jingzhou-2023").read_text(encoding="utf-8"))
    assert data["version"] == storage.FORMAT_VERSION and data["comprehensive"]["organisations"][0]["expense"]["total"] == "6688.63"
    data["comprehensive"]["organisations"][0]["expense"]["total"] = "六千"
    with pytest.raises(storage.DocumentError, match="机构 → 第1行 → 年度支出和结余情况 → 支出合计：应为数字"):
        storage.from_dict(data)
    data = json.loads(example_path("jingzhou-2023").read_text(encoding="utf-8"))
    data["comprehensive"]["evaluators"][1]["id"] = "e1"
    with pytest.raises(storage.DocumentError, match="编号“e1”重复"):
        storage.from_dict(data)


def test_a_version_2_file_still_opens(tmp_path):
    data = json.loads(example_path("tianyuan-2024").read_text(encoding="utf-8"))
    data["version"] = 2
    del data["comprehensive"], data["labels"]["funding_as_totals"]  # what version 2 wrote
    doc = storage.from_dict(data)
    assert doc.comprehensive is None and not doc.labels.funding_as_totals
    assert evaluate(doc).forms["overall"].total == D("92.93")


def test_organisation_rows_added_renamed_moved_removed_with_undo(jingzhou):
    form = jingzhou.comprehensive
    edit = rows.insert_row(jingzhou, "organisations", after=form.organisations[-1].id)
    edit.apply(jingzhou)
    assert [o.name for o in form.organisations][-1] == "二级机构3" and edit.item.id not in ("o1", "o2", "o3")
    layout = build_layout(jingzhou, "comprehensive")
    assert [c.text for c in layout.cells if c.binding == f"comprehensive.organisations[{edit.item.id}].name"] == [
        "4、二级机构3"] * 4  # one row in each of the four tables
    rows.move_row(jingzhou, "organisations", edit.item.id, -1).apply(jingzhou)
    assert form.organisations[2].id == edit.item.id
    removal = rows.remove_row(jingzhou, "organisations", edit.item.id)
    removal.apply(jingzhou)
    assert len(form.organisations) == 3
    removal.revert(jingzhou)
    assert form.organisations[2] is edit.item
    for organisation in list(form.organisations[1:]):
        rows.remove_row(jingzhou, "organisations", organisation.id).apply(jingzhou)
    with pytest.raises(EditError, match="至少要保留一个机构行"):
        rows.remove_row(jingzhou, "organisations", form.organisations[0].id)


def test_indicator_and_evaluator_rows(jingzhou):
    form = jingzhou.comprehensive
    quality = next(r for r in form.indicators if r.level2 == "质量指标")
    edit = rows.insert_row(jingzhou, "indicators", before=quality.id)
    assert (edit.item.level1, edit.item.level2) == ("产出指标", "质量指标") and edit.index == 3
    with pytest.raises(EditError, match="只能在同一个二级指标内移动"):
        rows.move_row(jingzhou, "indicators", quality.id, -1)
    added = rows.insert_indicator(jingzhou, "效益指标", "社会效益指标")
    social = [i for i, r in enumerate(form.indicators) if r.level2 == "社会效益指标"]
    assert added.index == social[-1] + 1
    person = rows.insert_row(jingzhou, "evaluators")
    assert person.index == 4 and person.item.id.startswith("e")
    assert rows.row_of(f"comprehensive.evaluators[{person.item.id}].name") == ("evaluators", person.item.id)
    assert rows.list_of("comprehensive.indicators") == "indicators" and rows.row_of("comprehensive.score") is None


def test_evaluator_keeps_the_form_up_to_date_after_edits(jingzhou):
    evaluator = Evaluator(jingzhou)
    jingzhou.comprehensive.organisations[0].expense.project = D("6312.19")
    evaluator.refresh({"comprehensive"})
    assert [f.code for f in evaluator.evaluation.findings] == ["comprehensive.expense_mismatch"]
    evaluator.refresh({"projects[x]"})  # another form changed: the 怀化 form's findings are kept
    assert [f.code for f in evaluator.evaluation.findings] == ["comprehensive.expense_mismatch"]


def test_the_form_can_be_added_to_and_removed_from_a_set(tianyuan):
    edit = rows.toggle_form(tianyuan)
    edit.apply(tianyuan)
    form = tianyuan.comprehensive
    assert form.framework_id == "hunan-2024" and len(form.organisations) == 3
    assert not form.ids() & {p.id for p in tianyuan.projects}  # ids stay unique in the file
    assert [layout.key for layout in build_layouts(tianyuan)][:3] == ["basic", "comprehensive", "overall"]
    rows.toggle_form(tianyuan).apply(tianyuan)
    assert tianyuan.comprehensive is None
