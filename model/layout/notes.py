"""What a cell that cannot be typed into says when the user tries (a protected cell speaks, as in Excel).

A computed cell says what it is computed from and where to type instead; a printed label says it is a
label. The texts use the unit's own wording (Labels), so they name the rows the unit sees.
"""
from __future__ import annotations

import re
from typing import Optional

from ..document import Document
from .grid import Cell, Role

_RATE_NOTES = {
    "basic.staff.control_rate": "控制率自动计算（＝实际在职人数 ÷ 编制数），请填写编制数和实际在职人数",
    "basic.building.scale_rate": "规模控制率自动计算（＝实际规模 ÷ 批复规模）",
    "basic.building.investment_rate": "投资概算控制率自动计算（＝实际投资 ÷ 预算投资）",
}


def protected_note(doc: Document, cell: Optional[Cell]) -> str:
    """The sentence shown where the user typed into ``cell`` (a computed cell or a fixed label)."""
    if cell is None:
        return "这里不能填写，请用方向键或 Tab 移到白色的格子"
    if cell.role is not Role.COMPUTED:
        return f"“{(cell.text or '这一格').strip()[:20]}”是表格的栏目名，不能填写；请用方向键或 Tab 移到白色的格子"
    binding = cell.binding or ""
    if binding in _RATE_NOTES:
        return _RATE_NOTES[binding]
    labels = doc.labels
    if re.match(r"^projects\[[^\]]+\]\.funding\.(initial|annual|executed)$", binding):
        sources = "＋".join((labels.source_current, labels.source_carryover, labels.source_other))
        return f"此格自动计算（＝{sources}），请在下方各行填写"
    if binding.startswith("comprehensive.summary."):
        return "局机关及二级机构汇总自动计算（＝下面各机构行之和），请在各机构行填写"
    if binding.endswith(".funding.rate"):
        return "执行率自动计算（＝全年执行数 ÷ 全年预算数），请填写全年预算数和全年执行数"
    if binding.endswith(".funding.score"):
        return "资金执行得分自动计算（＝分值 × 执行率，执行率最多按 100% 计）"
    if binding.endswith(".funding.points"):
        return "资金执行的分值来自指标体系；要改，请用“指标体系”菜单编辑本表的指标体系"
    if binding.endswith(".total.score"):
        return "总分自动计算（＝资金执行得分＋各指标得分）；抄录纸质表时，表上印的总分填在右侧“表上总分”"
    if binding.endswith(".total.points"):
        return "分值合计自动计算（资金执行分值＋各指标分值，应为 100）"
    return f"“{(cell.text or '这一格').strip()[:20]}”是自动计算的，不能直接修改"
