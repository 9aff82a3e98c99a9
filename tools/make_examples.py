"""Write resources/examples/*.jxzp: the seed forms entered as documents, figures and texts as printed.

Run `python tools/make_examples.py` after changing the file format; the tests compare the files
with what this script produces, so the examples can never drift from their source.
Sources are the seeds in ../shared/seeds (see docs/examples.md for what each holds and the few
places where the printed form is ambiguous).
"""
from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model import storage  # noqa: E402
from model.document import (BasicDataForm, ExpenseLine, FundingLine, Goals, IndicatorRow,  # noqa: E402
                            NamedExpenseLine, ProjectForm)
from model.factory import new_document  # noqa: E402
from model.outline import builtin_outlines  # noqa: E402
from model.report import Report, ReportSection  # noqa: E402

from example_jingzhou import jingzhou_2023 as _jingzhou  # noqa: E402  (tools/: seed 001, the 怀化 form)

EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "examples"
SEED_REPORTS = Path(__file__).resolve().parent / "seed_reports"  # the seeds' report texts, section by section

# Level-2 short names used below → the framework's names.
L2 = {"数量": "数量指标", "质量": "质量指标", "时效": "时效指标", "成本": "成本指标",
      "经济": "经济效益指标", "社会": "社会效益指标", "生态": "生态效益指标", "可持续": "可持续影响指标",
      "满意": "服务对象满意度指标", "经济成本": "经济成本指标", "社会成本": "社会成本指标"}
L1 = {"数量": "产出指标", "质量": "产出指标", "时效": "产出指标", "成本": "产出指标",
      "经济": "效益指标", "社会": "效益指标", "生态": "效益指标", "可持续": "效益指标",
      "满意": "满意度指标", "经济成本": "成本指标", "社会成本": "成本指标"}


def d(text):
    return None if text is None else Decimal(str(text))


class Ids:
    def __init__(self):
        self.counts = {}

    def __call__(self, prefix):
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"


def rows(ids, table, level1_2024=True):
    """table: (group, name, target, actual, points, score[, deviation][, 'na'])."""
    result = []
    for entry in table:
        group, name, target, actual, points, score, *rest = entry
        deviation = next((r for r in rest if r != "na"), "")
        level1 = L1[group]
        if not level1_2024 and level1 == "成本指标":  # 2023 frameworks keep 成本 under 产出
            level1 = "产出指标"
        result.append(IndicatorRow(ids("r"), level1, L2[group], name, target, actual, d(points), d(score),
                                   deviation, not_applicable="na" in rest))
    return result


def seed_report(doc, ids, name, project=None):
    """The report transcribed in seed_reports/<name>.json, by the outline the seed uses.

    Each section there: level, outline key ("" for one the unit added), heading as printed without its
    number (numbers follow from the order), paragraphs as printed.
    """
    data = json.loads((SEED_REPORTS / f"{name}.json").read_text(encoding="utf-8"))
    outline = builtin_outlines()[data["outline"]]
    report = Report(ids("rp"), outline.kind, project.id if project else "", outline.id, data["title"],
                    data["subtitle"], data["attachment"])
    for part in data["sections"]:
        known = outline.section(part["key"]) if part["key"] else None
        assert known is not None or not part["key"], f"{name}: {part['key']} is not in {outline.id}"
        report.sections.append(ReportSection(ids("h"), part["level"], known.numbered if known else True,
                                             part["heading"], part["key"], "\n".join(part["text"])))
    doc.reports.append(report)


def line(prior=None, budget=None, final=None):
    return ExpenseLine(d(prior), d(budget), d(final))


def funding(initial=None, annual=None, executed=None):
    return FundingLine(d(initial), d(annual), d(executed))


# --- seed 000: 株洲市渌口区 2023 (整体表 + 项目表) -----------------------------------------------

def lukou_2023():
    ids = Ids()
    doc = new_document("株洲市渌口区征地工作协调服务中心", 2023, "hunan-2023", with_basic=False)
    doc.labels.attachment_project = 3  # 附件1 整体表, 附件2 its report, 附件3 项目表, 附件4 its report
    o = doc.overall
    o.funding = funding("184.99", "1216.62", "1216.62")
    o.income.general_budget, o.income.gov_fund, o.income.other = d("188.91"), d("829.99"), d("197.72")
    o.expense.basic, o.expense.project = d("386.63"), d("829.99")
    o.goals = Goals("围绕全区工作重点，完成各项工作任务", "完成集体征拆项目24个，征拆土地面积2998亩，征拆房屋71栋")
    o.indicators = rows(ids, [
        ("数量", "重要文稿撰写", "15篇", "18", 10, 10),
        ("质量", "征拆项目完成", "20个", "24个", 20, 20),
        ("时效", "征拆面积", "2840亩", "2998亩", 10, 10),
        ("成本", "征拆成本", "829.99万元", "829.99万元", 10, 10),
        ("经济", "充分发挥协调各方的“枢纽”职能和作用，以顺畅的工作机制提升协调水平、提升服务质量和经济效益",
         "≧98%", "98%", 10, 10),
        ("社会", "围绕全区重大工作安排，充分发挥党委决策议事协调机构顶层设计、总体布局、统筹协调和整体推进四大功能，"
                 "提升社会效益。", "≧98%", "98%", 10, 10),
        ("生态", "紧贴工作实际和需求，切实加强服务保障工作，实行精细化管理，为党委工作运转提供强有力的支撑。",
         "≧98%", "98%", 5, 5),
        ("可持续", "加强政治建设，坚决做到“两个维护”；加强意识形态工作，筑牢思想防线；加强机关建设，着力提升组织力；"
                   "加强党风廉政建设，持之以恒正风肃纪，提升可持续影响。", "≧98%", "98%", 5, 5),
        ("满意", "以强烈的责任感和使命感，以优良的作风，拼搏进取、务实担当，为全面融城、全面发展，加快赶超、走在前列做出贡献，"
                 "提升社会公众满意度。", "≧95%", "98%", 10, 9),
    ], level1_2024=False)
    o.stated_total = d(99)
    project = ProjectForm(ids("p"), "hunan-2023", name="株洲市渌口区征地工作协调服务中心")
    project.current = funding(0, "829.99", "829.99")  # 年度资金总额 prints 年初预算数 0
    project.goals = Goals("加快项目推进，保障项目用地需求", "全面完成区委、区政府交办的征拆任务工作")
    project.indicators = rows(ids, [
        ("数量", "土地征收", "2840亩", "2998亩", 10, 10),
        ("数量", "房屋拆除", "71栋", "71栋", 10, 10),
        ("质量", "保障项目进度用地进程", "100%", "100%", 10, 10),
        ("时效", "征拆资金补偿拨付及时率", "100%", "100%", 10, 9),
        ("成本", "征拆投入", "829.99万元", "829.99万元", 10, 10),
        ("经济", "税收递增", "5%", "5%", 10, 9),
        ("社会", "当地经济发展增长", "≧15%", "≧15%", 10, 10),
        ("生态", "无", "", "", None, None, "na"),
        ("可持续", "增加就业率", "≧20%", "≧20%", 10, 10),
        ("满意", "拆迁对象满意度", "100%", "100%", 10, 10),
    ], level1_2024=False)
    project.stated_total = d(98)
    doc.projects.append(project)
    seed_report(doc, ids, "lukou-overall")  # 附件2
    seed_report(doc, ids, "lukou-project", project)  # 附件4
    return doc


# --- seed 003: 株洲市天元区 2024 (基础数据表 + 整体表 + 五张项目表) -----------------------------

TIANYUAN = "株洲市天元区征地工作协调服务中心"


def tianyuan_project(ids, name, current, carryover, goals, table, stated):
    project = ProjectForm(ids("p"), "hunan-2024", name=name, department=TIANYUAN, implementer=TIANYUAN)
    project.current, project.carryover, project.other = current, carryover, funding(0, 0, 0)
    project.goals = Goals(*goals)
    project.indicators = rows(ids, table)
    project.stated_total = d(stated)
    return project


def tianyuan_2024():
    ids = Ids()
    doc = new_document(TIANYUAN, 2024, "hunan-2024")
    labels = doc.labels  # seed 003's wording; its 基础数据表 has no 4、上级转移支付 row
    labels.unit_name, labels.overall_title = "区级预算部门名称", "部门（单位）整体支出绩效自评表"
    labels.source_carryover, labels.source_other = "上年结转金额", "其它资金"
    labels.show_empty_transfer = False
    b = doc.basic
    b.staff_authorized, b.staff_actual = d(20), d(29)
    b.three_public = line(4, "3.5", "3.49")
    b.vehicles = line(4, "3.5", "3.49")
    b.vehicle_operation = line(4, "3.5", "3.49")
    b.project_total = line("87.93", "1459.11", "1454.55")
    b.special_total = line("87.93", "1459.11", "1454.55")
    b.special_rows = [NamedExpenseLine(ids("s"), name, d(p), d(bu), d(f)) for name, p, bu, f in (
        ("机关干部进小区工作队工作经费", "1.23", 3, "2.99"),
        ("拆违治违经费", "86.7", 44, "43.99"),
        ("双碳资金", 0, 5, "0.46"),
        ("城镇独生子女父母奖励", 0, "0.11", "0.11"),
        ("2020年建宁大桥南北辅道项目", 0, 1407, 1407))]
    b.office = line("54.92", "133.79", "131.12")
    b.utilities_travel = line("0.11", 0, "0.13")
    b.meetings_training = line("0.53", "0.24", "0.02")
    b.procurement = line("39.5", "33.31", "30.78")
    b.basic_adjustment = line("385.69", "373.52", "365.67")
    b.building.approved_area = b.building.actual_area = d("0.00")
    b.building.budget_investment = b.building.actual_investment = d("0.00")

    o = doc.overall
    o.funding = funding("417.34", "1832.63", "1820.23")
    o.income.general_budget, o.income.gov_fund = d("1832.63"), d(0)
    o.income.special_account, o.income.other = d(0), d(0)
    o.expense.basic, o.expense.project = d("365.67"), d("1454.56")
    o.goals = Goals(
        "计划完成集体土地征拆项目17宗、1462.248亩；科学统筹力保证项目资金及时到位；压实责任强势推进项目清零扫尾；"
        "依法依规用好法治手段破解征拆难题；推进落实全区征拆体制改革。",
        "计划任务完成情况良好，完成了集体土地征拆项目10宗、1128亩，完成了500千伏、220千伏线路等省市“双碳电建”重点项目，"
        "啃下了醴陵高速、高端安防项目等硬骨头；加大了征拆项目资金统筹力度；推进了项目清零扫尾；司法手段卓有成效；"
        "构建完善了征拆体系。")
    o.indicators = rows(ids, [
        ("数量", "集体项目交地宗数", "17宗", "10宗", 10, 6, "原因：征拆资金压力巨大。 措施：加强资金协调。"),
        ("数量", "集体项目交地面积", "1462.248亩", "1128亩", 10, 8),
        ("质量", "征拆征收工作质量提升度", "90%", "95%", 10, 10),
        ("时效", "各项工作完成时间", "1年", "1年", 10, 10),
        ("经济", "促进地区经济增长有效性", "100%", "100%", 5, 5),
        ("社会", "促进社会稳定有效性", "100%", "100%", 5, 5),
        ("生态", "促进生态发展有效性", "100%", "100%", 5, 5),
        ("可持续", "长期效益产生率", "100%", "100%", 5, 5),
        ("满意", "用地单位满意指数", "90%", "85%", 10, 9),
        ("经济成本", "支出预算成本", "≤1832.63万", "1820.23万", 10, 10),
        ("社会成本", "信访增长率", "≤5%", "4%", 10, 10),
    ])
    o.stated_total = d("92.93")

    doc.projects = [
        tianyuan_project(ids, "拆违治违经费", funding(44, 44, "43.99"), funding(0, 0, 0),
                         ("2024年劳务派遣7人按时发放工资缴纳社保。", "2027年劳务派遣人员按时发放工资缴纳社保。"), [
                             ("数量", "员工人数", "7人", "7人", 10, 10),
                             ("数量", "经费保障月份数", "12个月", "12个月", 10, 10),
                             ("质量", "工作考核合格率", "100%", "100%", 10, 10),
                             ("时效", "是否按时支付工资社保", "是", "是", 10, 10),
                             ("经济", "促进经济发展有效性", "100%", "100%", 10, 10),
                             ("可持续", "促进工作持续开展有效性", "100%", "100%", 10, 10),
                             ("满意", "职工满意指数", "100%", "100%", 10, 10),
                             ("经济成本", "全年劳务派遣开支", "44万", "43.99万", 20, 20),
                         ], 100),
        tianyuan_project(ids, "机关干部进小区工作队工作经费", funding(0, 3, "2.99"), funding(0, 0, 0),
                         ("保障机关干部进小区工作队常态化运行, 提升社区治理效能。",
                          "资金执行率99.67%, 支持高塘小区工作队完成了捐赠垃圾桶、慰问群众、改造小区宣传栏等各项社区服务活动。"), [
                             ("数量", "服务小区个数", "1个", "1个", 10, 10),
                             ("质量", "活动任务完成率", "100%", "100%", 15, 15),
                             ("时效", "小区问题解决及时性", "90%", "80%", 15, 13,
                              "原因: 小区情况复杂, 历史问题多。 措施: 与有关部门加强协调"),
                             ("社会", "群众幸福感提升度", "90%", "95%", 10, 10),
                             ("可持续", "小区自治能力提升度", "90%", "80%", 10, 8),
                             ("满意", "居民满意度", "90%", "85%", 10, 9),
                             ("经济成本", "工作经费", "3万", "2.99万", 20, 20),
                         ], "94.97"),
        tianyuan_project(ids, "双碳资金", funding(0, 5, "0.46"), funding(0, 0, 0),
                         ("保障500千伏线路、220千伏线路等项目征拆工作按期完成, 支持\"双碳电建\"项目落地。",
                          "500千伏线路项目在5月底前完成了算账签字、拆房工作, 220千伏线路项目在一个月时间内完成了永久占地、"
                          "施工临时用地及青苗补偿等工作。"), [
                             ("数量", "500千伏线路项目完成征拆房屋编号数", "29个", "29个", 10, 10),
                             ("数量", "220千伏线路项目完成塔基个数", "148个", "148个", 10, 10),
                             ("时效", "500千伏线路项目完成时限", "5月", "5月", 10, 10),
                             ("时效", "220千伏线路项目完成时限", "10月", "10月", 10, 10),
                             ("社会", "征拆纠纷发生率", "5%", "2%", 10, 10),
                             ("生态", "清洁能源项目落地支持率", "100%", "100%", 10, 10),
                             ("满意", "被征拆户满意度", "95%", "95%", 10, 10),
                             ("经济成本", "工作经费成本", "5万", "4647元", 20, 20),
                         ], "90.92"),
        tianyuan_project(ids, "城镇独生子女父母奖励", funding(0, "0.11", "0.11"), funding(0, 0, 0),
                         ("为符合条件的城镇独生子女父母发放奖励金, 落实计划生育奖励政策。",
                          "向1名退休人员足额发放2024年度奖励金1120元, 资金执行率100%。"), [
                             ("数量", "奖励金发放人数", "1人", "1人", 15, 15),
                             ("质量", "资金发放标准合规率", "100%", "100%", 15, 15),
                             ("时效", "奖励金发放及时性", "2024年12月前", "12月发放", 10, 10),
                             ("社会", "政策覆盖率", "100%", "100%", 10, 10),
                             ("可持续", "独生子女家庭保障稳定性", "100%", "100%", 10, 10),
                             ("满意", "受奖励对象满意度", "100%", "100%", 10, 10),
                             ("经济成本", "奖励金成本", "1120元", "1120元", 20, 20),
                         ], 100),
        tianyuan_project(ids, "2020年建宁大桥南北辅道项目", funding(0, 0, 0), funding(0, 1407, 1407),
                         ("完成建宁大桥南北辅道A、B段26户限时连片腾房奖的拨付发放工作，保障项目施工进度。",
                          "全额拨付限时腾房奖励至浅塘社区并发放到位，26户全部按期签约腾房，完成率100%。"), [
                             ("数量", "完成征拆户数", "26户", "26户", 10, 10),
                             ("质量", "补偿协议合规率", "100%", "100%", 15, 15),
                             ("时效", "资金拨付完成时限", "2月", "2月", 15, 15),
                             ("经济", "项目施工保障率", "100%", "100%", 10, 10),
                             ("社会", "社会发展促进率", "100%", "100%", 10, 10),
                             ("满意", "被征拆户满意度", "90%", "95%", 10, 10),
                             ("经济成本", "补偿金额", "1407万", "1407万", 20, 20),
                         ], 100),
    ]
    seed_report(doc, ids, "tianyuan-overall")
    return doc


# --- seed 004: 岳阳市岳阳楼区 2023 (基础数据表 + 整体表; the 项目表 is a blank template) ---------

def yueyanglou_2023():
    ids = Ids()
    doc = new_document("岳阳市洞庭新城项目建设岳阳楼区工作部", 2023, "hunan-2023")
    b: BasicDataForm = doc.basic
    labels = doc.labels  # seed 004's wording
    labels.special, labels.unit_name, labels.score = "区级专项资金", "预算单位名称", "自评得分"
    labels.basic_title, labels.overall_title = "预算单位整体支出绩效评价基础数据表", "预算单位整体支出绩效自评表"
    b.show_unit_name = True
    b.staff_authorized, b.staff_actual = d(10), d(9)
    b.three_public = line(0, 0, 0)
    b.project_total = line(0, 0, "49.55")
    b.special_total = line(None, None, "49.55")
    b.special_rows = [NamedExpenseLine(ids("s"), name, None, None, d(final)) for name, final in (
        ("城乡社区支出", "42.47"), ("应急工作专项", "5.00"), ("医疗保险", "0.71"),
        ("事业单位基本养老保险", "0.67"), ("公积金支出", "0.54"), ("工伤保险", "0.17"))]
    b.public_total = line("16.17", "16.2", "18.47")
    b.office = line("3.1", "1.50", "3.41")
    b.utilities_travel = line("2.3", "1.35", "1.35")
    b.meetings_training = line("0.3")
    b.procurement = line(150, "2.05", "15.77")

    o = doc.overall
    o.funding = funding("142.64", "203.54", "203.54")
    o.income.general_budget, o.income.other = d("182.26"), d("21.28")
    o.expense.basic, o.expense.project = d("132.71"), d("70.83")
    o.goals = Goals(
        "1、 完成32户门面回购和置换工作；\n2、 完成颜氏旧改项目54户私房征收及后续的安置维稳等工作；\n"
        "3、 引进1000万元招商投资项目；\n4、 党建学习教育进行三次专题讨论。",
        "1、全面完成了32户门面回购和置换工作，同时妥善处置了门面交付所发生的各类矛盾纠纷；2、全面完成颜氏旧改项目54户"
        "私房征收及后续的安置维稳等工作。同时完成了该小区安置户的办证相关手续，办证工作已接近尾声；3、通过多渠道、"
        "全方位的跟进，成功引进利都中环名座幼儿园420万元、欢悦玩国娱乐有限公司800万元的投资项目，超额完成今年1000万"
        "招商引资工作任务。4、坚持一把手、党支部书记讲党课、党员同志带头学等形式进行学习教育，进行了三次专题讨论，"
        "使党员干部政治意识、责任意识、纪律意识不断提升和增强。")
    o.indicators = rows(ids, [
        ("数量", "门面回购和置换工作", "32户", "32户", 6, 6),
        ("数量", "颜氏旧改项目，私房征收及后续的安置维稳户数", "54户", "54户", 6, 6),
        ("数量", "党建学习教育专题会议次数", "三次", "三次", 6, 6),
        ("质量", "门面教育矛盾纠纷发生率", "0%", "0%", 6, 6),
        ("质量", "党建学习教育专题会议职工参与率", "100%", "100%", 6, 6),
        ("时效", "2023年度完成招商投资工作", "2023年度完成", "已完成", 7, 7),
        ("时效", "2023年度完成重点项目协调工作", "2023年度完成", "已完成", 7, 7),
        ("成本", "总成本控制", "不超过年初预算投入", "203.54万元", 6, 5,
         "因为年初预算没有包含单位临聘人员经费和单位其他资金预算。"),
        ("经济", "引进招商投资项目", "1000万元", "1220万元", 6, 6),
        ("社会", "项目遗留问题处理", "重点加强", "通过努力成功协调处理徐新辉、罗建强两件类似的诉讼案", 6, 6),
        ("生态", "不适用", "不适用", "不适用", None, None, "na"),
        ("可持续", "党员干部政治意识、责任意识、纪律意识", "显著提升和增强", "显著提升和增强", 6, 6),
        ("可持续", "居民爱护、自治环境卫生的责任意识", "显著提高", "显著提高", 6, 6),
        ("满意", "群众满意度", "≥95%", "98%", 5, 5),
        ("满意", "职工满意度", "≥95%", "98%", 5, 5),
    ], level1_2024=False)
    o.stated_total = d(99)
    seed_report(doc, ids, "yueyanglou-overall")
    return doc


# --- seed 002: 长沙市岳麓区 2021 (整体表; the funding row carries no points) -------------------

YUELU_DUTIES = "\n".join([
    "负责岳麓区范围内征地补偿工作的实施、组织、协调、监督和管理；",
    "组织编制征地补偿安置工作年度计划，拟订征地方案；",
    "审批征地补偿安置方案，经区人民政府批准后发布征地公告，并报市人民政府征地办公室备案；",
    "审核拆迁人员的安置资格，按政策规定发放货币安置资金，对选择住房安置的人员，会同项目所在街道办事处共同办理选房等相关工作；",
    "会同街道办事处、长沙市自然资源和规划局岳麓区分局、区人社局办理审核被征地农民纳入社会保障体系人员名单，报区人民政府批准；",
    "根据政策规定和区人民政府安排，协调处理涉及本部门的信访接待、遗留问题处理；",
    "对集体土地拆迁工作提供业务指导，对各项目指挥部、街道办事处的拆迁干部进行业务培训；",
    "根据政策规定，具体办理区域内集体土地拆迁项目安置用地和社保融资用地的申报、划拨等相关工作；",
    "法律、法规、规章规定的和领导交办的其他征地补偿安置工作。",
])


def yuelu_2021():
    ids = Ids()
    doc = new_document("长沙市岳麓区征地服务中心", 2021, "unscored-funding", with_basic=False)
    doc.labels.attachment_overall = 0  # seed 002 prints no 附件 line
    doc.labels.funding_as_totals = True  # 合计 and （2）项目支出 in place of 年度预算申请
    o = doc.overall
    o.duties = YUELU_DUTIES
    o.funding = funding(None, None, "423.25")  # 合计 (决算支出)
    o.expense.basic = d("293.56")  # not legible on the form; the seed's report: 基本支出293.56万元
    o.expense.project = d("129.69")  # （2）项目支出
    o.goals = Goals(
        "坚持思想引领，不断加强党的政治建设；2、持续强化“两个维护”，有力推动决策部署落地见效；把“两个维护”作为最根本的"
        "政治纪律和政治规矩，落实到执行区委、区政府决策部署的实际行动中。对照市级新拆迁政策、新条例、实施办法出台我区拆迁"
        "新规程，高标准开展好培训、推行等一系列工作。3、坚持破除“四风”陋习，持续构建清正清廉政治生态；4、始终牢记使命担当，"
        "从严从实打造拆迁铁军。",
        "2021年，在区委、区政府的正确领导下，我中心领导班子在政治建设、意识形态、拆迁安置、廉政建设等工作中科学谋划、"
        "严抓实抓，党的领导坚强有力、项目拆迁连创佳绩、从严治党全面落实。坚持依法依规、和谐高效、阳光拆迁，全年共实施"
        "项目55个（含扫尾12个），征地面积11690亩（含扫尾2508亩），清零21个（含扫尾4个），腾地面积6229亩（含扫尾2397亩）。"
        "启动签约的新拆项目26个，涉及1831户，签约率100%，创历年新高。")
    o.indicators = rows(ids, [
        ("数量", "指标1：结合党组中心组学习、支部主题党日活动，开展“学史明理”“学史增信”等专题学习研讨次数；利用红色资源增强"
                 "党员向心力、凝聚力。", "20次以上", "全年开展研讨活动20次；组织参观郭亮纪念园等红色教育基地4次。", 10, 10),
        ("数量", "指标2：庆建党百年征文上稿篇数", "20篇以上", "在区级以上网站等平台上稿庆建党百年征文21篇。", 10, 10),
        ("数量", "指标3：走访慰问、扶助困难群众户数", "300户及以上",
         "走访慰问网格困难群众13户、点对点拨付拆迁群众大病补助、困难救助500余户", 10, 10),
        ("质量", "指标1：扫尾项目成效", "针对未签约、未拆除户", "全年扫尾任务创“103号令”实施以来新低", 5, 5),
        ("质量", "指标2：新拆项目签约率", "99%以上", "100%", 5, 5),
        ("时效", "指标1：年度拆迁项目任务完成情况", "各项工作任务年底前基本完成", "拆迁项目基本按工作进度时间要求进行",
         10, 9, "通过强督促、强指导、强业务、强服务，推动各项任务高效完成"),
        ("成本", "指标1：精简机关运行经费，严格按预算执行", "用预算控制支出",
         "用预算控制支出，2021年“三公经费”支出为零，低于上年度", 5, 5),
        ("成本", "指标2：有效合理使用各类专项资金，无超出规定用途的支出", "100%", "100%", 5, 5),
        ("经济", "指标1：保障社保资金足额到位", "保障社保资金足额到位，发挥社保资金保障作用",
         "已收缴社保资金5.85亿元，累计收缴83.5亿元，社保资金足额到位。", 10, 10),
        ("社会", "指标1：落实安置社保政策", "以“拆安同步”为目标，加强机制保障，实现最优安置",
         "全年审批货币补贴安置指标591.5人、保障住房安置指标6774.5人；社保报批项目51批次3757人；因涉及社保政策调整，"
         "根据人社部相关文件要求，造成部分符合货币安置条件的人员无法纳入社保和医保的现象。", 10, 8,
         "已提前完成审批工作，待新社保政策明确后，可迅速完成纳入工作。"),
        ("可持续", "指标1：改善全区各街道（镇）拆迁群众生活质量，解决拆迁安置问题，促进经济、社会的可持续发展，维护政府公信力",
         "推动项目拆迁工作开展，改善全区居民生活环境",
         "为建设岳麓区宜居环境提供有力保障，以实际行动为我区描绘美好蓝图贡献新的智慧和力量。但受各种因素影响，部分保障住房"
         "小区无法按照预期建设要求，在拆除腾房后2年左右时间交付分房，延期过渡率48%。", 10, 9,
         "请求区政府进一步加强调度，加快安置房建设，统筹推进安置房报建、验收及分房等一系列工作"),
        ("满意", "指标1：群众对征地拆迁安置等相关工作满意程度", "满意",
         "认真办理“12345”政务热线工单，积极解答群众疑问，共办结工单24条，按时办结率100%，群众满意度100%", 10, 10),
    ], level1_2024=False)
    o.stated_total = d(96)
    seed_report(doc, ids, "yuelu-overall")
    return doc


def jingzhou_2023():
    return _jingzhou(Ids())


BUILDERS = {"lukou-2023": lukou_2023, "tianyuan-2024": tianyuan_2024,
            "yueyanglou-2023": yueyanglou_2023, "yuelu-2021": yuelu_2021, "jingzhou-2023": jingzhou_2023}


def main() -> None:
    EXAMPLES.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        path = EXAMPLES / f"{name}{storage.EXTENSION}"
        storage.save(build(), path)
        print(path)


if __name__ == "__main__":
    main()
