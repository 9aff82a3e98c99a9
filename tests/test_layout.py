"""Form layouts: spans, labels in the seeds' order, bindings, and rows as many as the document has."""
import pytest

from model import paths
from model.evaluation import evaluate
from model.factory import add_starter_rows, new_document, new_project
from model.framework import builtin_frameworks
from model.layout import Fmt, Role, build_layout, build_layouts
from model.layout.comprehensive import EMPTY_DATE
from model.layout.values import format_value
from tests.conftest import EXAMPLE_NAMES


def texts(layout, roles=(Role.LABEL, Role.HEADER, Role.VERTICAL, Role.TITLE, Role.SUBTITLE, Role.NOTE,
                         Role.SIGNATURE)):
    return [c.text for row in range(layout.n_rows) for c in layout.cells_in_row(row) if c.role in roles and c.text]


def test_overall_form_of_seed_003(tianyuan):
    layout = build_layout(tianyuan, "overall")
    assert layout.landscape and layout.sheet_name == "附件2 整体自评表"
    labels = texts(layout)
    expected_order = ["附件2", "部门（单位）整体支出绩效自评表", "填报单位：（盖章）", "（2024年度）", "区级预算部门名称",
                      "年度预算申请（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
                      "年度资金总额", "按收入性质分：", "按支出性质分：", "其中：一般公共预算：", "其中：基本支出：",
                      "政府性基金拨款：", "项目支出：", "纳入专户管理的非税收入拨款：", "其他资金：", "年度总体目标",
                      "预期目标", "实际完成情况", "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值",
                      "实际完成值", "分值", "得分", "偏差原因分析及改进措施", "产出指标\n(40分)", "数量指标", "质量指标",
                      "时效指标", "效益指标\n(20分)", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
                      "满意度指标\n(10分)", "服务对象满意度指标", "成本指标\n(20分)", "经济成本指标", "社会成本指标", "总分",
                      "填报人：", "联系电话：", "填报日期：", "单位负责人签字："]
    assert labels == expected_order
    side = next(c for c in layout.cells if c.text == "年度预算申请（万元）")
    assert (side.col, side.rowspan) == (0, 7)
    vertical = next(c for c in layout.cells if c.text == "绩效指标")
    assert vertical.role is Role.VERTICAL and vertical.rowspan == 1 + len(tianyuan.overall.indicators)
    assert layout.header_rows == range(vertical.row, vertical.row + 1)
    output = next(c for c in layout.cells if c.text == "产出指标\n(40分)")
    assert output.rowspan == 4 and output.binding == "overall.level1[产出指标].points"
    assert next(c for c in layout.cells if c.text == "数量指标").rowspan == 2
    assert layout.bound("overall.funding.rate").text == "99.32%"
    assert layout.bound("overall.funding.score").text == "9.93"
    assert layout.bound("overall.total.score").text == "92.93"
    assert layout.bound("overall.total.points").text == "100"
    total = next(c for c in layout.cells if c.text == "总分")
    assert total.colspan == 6 and total.row == layout.table_rows.stop - 1


def test_project_form_layout(tianyuan):
    layout = build_layout(tianyuan, "projects[p2]")
    labels = texts(layout)
    assert labels[:8] == ["附件3", "项目支出绩效自评表", "填报单位：（盖章）", "（2024年度）", "项目支出名称", "主管部门",
                          "实施单位", "项目资金（万元）"]
    assert labels.index("年度资金总额") < labels.index("其中：当年财政拨款") < labels.index("上年结转金额") < labels.index("其它资金")
    assert "备注：一个一级项目支出一张表。" in labels
    assert labels.index("备注：一个一级项目支出一张表。") < labels.index("填报人：")
    assert layout.sheet_name == "附件3-2 机关干部进小区工作队工作经费"
    funding_total = layout.bound("projects[p2].funding.annual")
    assert funding_total.role is Role.COMPUTED and funding_total.text == "3.00"
    assert layout.bound("projects[p2].current.annual").editable
    assert layout.bound("projects[p2].total.score").text == "94.97"
    rows = [layout.indicator_row_id(r) for r in range(layout.n_rows)]
    assert [r for r in rows if r] == [row.id for row in tianyuan.project("p2").indicators]


def test_basic_data_layout(tianyuan, load_example):
    layout = build_layout(tianyuan, "basic")
    assert not layout.landscape and layout.title == "2024年度部门（单位）整体支出绩效评价基础数据表"
    labels = texts(layout)
    assert labels[:6] == ["附件1", "2024年度部门（单位）整体支出绩效评价基础数据表", "财政供养人员情况（人）", "编制数",
                          "2024年实际在职人数", "控制率"]
    assert labels[-4:] == ["单位负责人签字：", "填表人：", "联系电话：", "填报日期："]
    assert labels[-5].startswith("说明：“项目支出”需要填报基本支出以外的所有项目支出情况")
    assert layout.bound("basic.staff.control_rate").text == "145.00%"
    special = [c for c in layout.cells if c.binding and c.binding.startswith("basic.special_rows[") and c.col == 0]
    assert [c.text for c in special] == [r.name for r in tianyuan.basic.special_rows]
    special_total = next(c for c in layout.cells if c.text.startswith("3、本级专项资金"))
    assert special[0].row == special_total.row + 1
    seed4 = build_layout(load_example("yueyanglou-2023"), "basic")
    assert "预算单位名称" in texts(seed4) and any(t.startswith("3、区级专项资金") for t in texts(seed4))


def test_unscored_funding_variant(load_example):
    doc = load_example("yuelu-2021")
    layout = build_layout(doc, "overall")
    labels = texts(layout)
    assert "部门职责" in labels and "产出指标" in labels and "产出指标\n(60分)" not in labels
    # seed 002 prints 合计 and （2）项目支出 where other forms print the 年度预算申请 block
    assert labels[labels.index("部门职责") + 1:labels.index("部门职责") + 3] == ["合计", "（2）项目支出"]
    assert "年度预算申请（万元）" not in labels and "按收入性质分：" not in labels
    for label, path, shown in (("合计", "overall.funding.executed", "423.25"),
                               ("（2）项目支出", "overall.expense.project", "129.69")):
        cell = layout.bound(path)
        [row_label] = [c for c in layout.cells_in_row(cell.row) if c.col == 0]
        assert row_label.text == label and cell.text == shown and cell.editable
    assert layout.bound("overall.funding.score") is None
    doc.labels.funding_as_totals = False  # the same document printed in the usual style
    layout = build_layout(doc, "overall")
    assert "年度预算申请（万元）" in texts(layout) and "合计" not in texts(layout)
    assert layout.bound("overall.funding.score").text == "—"
    assert layout.bound("overall.funding.rate").text == "—"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_bindings_show_the_document(name, load_example):
    doc = load_example(name)
    for layout in build_layouts(doc):
        assert layout.width_mm <= (267 if layout.landscape else 174)
        for cell in layout.cells:
            assert 0 <= cell.col and cell.last_col < layout.n_cols and cell.last_row < layout.n_rows
            if cell.role is Role.INPUT:
                value = paths.get(doc, cell.binding)
                assert cell.value == value
                shown = format_value(cell.fmt, value)  # a 机构 prints its number (2、二级机构1), an empty
                assert cell.text in (shown, EMPTY_DATE) or cell.text.endswith(f"、{shown}")  # date its blanks
                if value is not None:
                    assert cell.fmt.numeric == (not isinstance(value, str))
            if cell.role in (Role.TITLE, Role.SUBTITLE, Role.NOTE, Role.SIGNATURE):
                assert cell.row not in layout.table_rows


def test_layout_grows_with_the_document(tianyuan):
    before = build_layout(tianyuan, "projects[p1]")
    project = tianyuan.project("p1")
    add_starter_rows(tianyuan, project)
    after = build_layout(tianyuan, "projects[p1]")
    assert after.n_rows == before.n_rows + 11
    assert build_layout(tianyuan, "basic").n_rows == 31  # seed 003 prints no 4、上级转移支付 row
    tianyuan.basic.transfer_rows.append(tianyuan.basic.special_rows[0])
    assert build_layout(tianyuan, "basic").n_rows == 33  # the row and its item, now that it holds one


@pytest.mark.parametrize("framework", sorted(builtin_frameworks()))
def test_every_framework_has_a_layout(framework):
    doc = new_document("测试单位", 2024, framework, starter_rows=True)
    doc.projects.append(new_project(doc, "项目", starter_rows=True))
    layouts = build_layouts(doc, evaluate(doc))
    assert [l.kind for l in layouts] == ["basic_data", "overall", "project"]
    fw = doc.frameworks[framework]
    overall = layouts[1]
    for group in fw.level1:
        label = group.label(fw.label_points, "\n")
        assert any(c.text == label for c in overall.cells)
    assert overall.bound("overall.funding.points").text == format_value(Fmt.POINTS, fw.funding_points)
