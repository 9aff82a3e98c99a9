"""A large, realistic document for the benchmarks: a full 基础数据表, 50 projects × 20 indicators."""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.document import Document, FundingLine, IndicatorRow, NamedExpenseLine, ProjectForm  # noqa: E402
from model.factory import new_document  # noqa: E402

TARGETS = ("≥98%", "17宗", "≤5%", "1462.248亩", "2024年12月前", "≤1832.63万", "效果明显", "90%", "300户及以上", "1年")
ACTUALS = ("98%", "10宗", "4%", "1128亩", "12月发放", "1820.23万", "效果明显", "85%", "320户", "1年")


def _rows(prefix: str, count: int, framework, seed: int) -> list[IndicatorRow]:
    groups = [(g.name, l2) for g in framework.level1 for l2 in g.level2]
    rows = []
    for i in range(count):
        level1, level2 = groups[i % len(groups)]
        k = (i + seed) % len(TARGETS)
        rows.append(IndicatorRow(f"{prefix}r{i + 1}", level1, level2, f"三级指标{seed}-{i + 1}：指标说明文字较长的一行",
                                 TARGETS[k], ACTUALS[k], Decimal(5), Decimal(4 + (i + seed) % 2),
                                 "原因：资金到位较晚。措施：加强调度。" if (i + seed) % 3 == 0 else ""))
    rows.sort(key=lambda r: groups.index((r.level1, r.level2)))
    return rows


def build(projects: int = 50, rows: int = 20, year: int = 2024) -> Document:
    doc = new_document("大型测试单位征地工作协调服务中心", year, "hunan-2024")
    fw = doc.frameworks["hunan-2024"]
    b = doc.basic
    b.staff_authorized, b.staff_actual = Decimal(120), Decimal(118)
    for name in ("three_public", "vehicles", "vehicle_operation", "public_total", "office", "utilities_travel",
                 "meetings_training", "procurement", "basic_adjustment"):
        line = b.line(name)
        line.prior, line.budget, line.final = Decimal("12.34"), Decimal("13.5"), Decimal("12.99")
    b.special_rows = [NamedExpenseLine(f"s{i}", f"专项资金{i}", Decimal(i), Decimal(i + 10), Decimal(i + 9))
                      for i in range(1, projects + 1)]
    b.transfer_rows = [NamedExpenseLine(f"t{i}", f"上级转移支付{i}", None, Decimal(5), Decimal("4.5"))
                       for i in range(1, 6)]
    b.thrift_measures = "严格执行中央八项规定精神，压减一般性支出。" * 5
    o = doc.overall
    o.funding = FundingLine(Decimal("417.34"), Decimal("1832.63"), Decimal("1820.23"))
    o.income.general_budget = Decimal("1832.63")
    o.expense.basic, o.expense.project = Decimal("365.67"), Decimal("1454.56")
    o.goals.expected = o.goals.actual = "计划完成集体土地征拆项目17宗、1462.248亩；" * 10
    o.indicators = _rows("o", rows, fw, 0)
    for p in range(1, projects + 1):
        project = ProjectForm(f"p{p}", fw.id, name=f"专项资金{p}", department=doc.unit.name, implementer=doc.unit.name,
                              current=FundingLine(Decimal(0), Decimal(p + 10), Decimal(p + 9)))
        project.goals.expected = project.goals.actual = "保障项目顺利实施，按期完成年度任务。" * 4
        project.indicators = _rows(f"p{p}", rows, fw, p)
        doc.projects.append(project)
    return doc
