"""The in-app help (帮助), offline and in Chinese, built from what the program really does (no Qt).

The check entries come from docs/checks.md (one table row per code, the same file the bureau reads), the
scoring rules from the framework the form uses (its points, grade bands, direction words, qualitative
bands), so the help never says something the program does not do. The window adds the keys from its own
actions. Everything is HTML with anchors: ``form-<kind>`` for each form, ``code-<code>`` for each check.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .framework import Framework
from .money import fmt_plain
from .resources import app_root

CHECKS_FILE = ("docs", "checks.md")
SEVERITY = {"error": "错误", "warning": "提示"}

FORMS = {
    "basic_data": ("整体支出绩效评价基础数据表",
                   "财政供养人员（编制数、实际在职人数，控制率自动计算）、经费控制情况（三公经费、项目支出、公用经费等，"
                   "上年决算数／本年预算数／本年决算数三列）、楼堂馆所控制情况和厉行节约保障措施。"
                   "“本级专项资金”下每个项目一行，可在“项目”菜单中按项目表一次填入；明细与合计不符时审核会提示。"),
    "overall": ("部门整体支出绩效自评表",
                "上部是年度预算申请：填年初预算数、全年预算数、全年执行数，执行率和资金执行得分自动计算；"
                "按收入性质分、按支出性质分的各项应分别等于全年预算数和全年执行数。中部是年度总体目标。"
                "下部是绩效指标：一级、二级指标来自指标体系，三级指标、年度指标值、实际完成值、分值、得分和偏差原因由单位填写，"
                "一级指标小计、总分和评价等次自动计算。"),
    "project": ("项目支出绩效自评表",
                "一个一级项目一张表。项目资金的年度资金总额由当年财政拨款、上年结转资金、其他资金各行相加（灰色格，不能直接填），"
                "请在下方各行填写；其余与整体自评表相同。"),
    "comprehensive": ("部门（单位）整体支出绩效自评表（怀化）",
                      "怀化各单位用的一张长表：基本概况、四张收支表（每个机构一行，局机关及二级机构汇总自动合计）、"
                      "定性和定量目标完成情况、绩效自评综合得分和评价等次、评价人员和签字栏、评价报告综述。"),
    "report": ("自评报告",
               "按提纲分节的文字报告。“起草本节”“全部起草”按各表数字写出草稿（标为草稿，修改后即成为正式文字）；"
               "报告中的金额、比率、总分与表中数字不符时审核会指出。"),
}
COLOURS = (("白色", "可以填写的格"), ("浅灰色", "自动计算的格（执行率、得分、合计等），不能直接修改"),
           ("米色", "表格中固定的栏目名"), ("黄色", "有“提示”：请核对，需要时在偏差原因中说明"),
           ("红色", "有“错误”：提交前必须改正"), ("灰色文字", "标记为“不适用”的指标行，不计分"))


@dataclass(frozen=True)
class CheckEntry:
    code: str
    severity: str
    group: str
    meaning: str
    example: str


def _checks_path() -> Path:
    return app_root().joinpath(*CHECKS_FILE)


@lru_cache(maxsize=1)
def check_entries() -> dict[str, CheckEntry]:
    """Every check documented in docs/checks.md, by code (the table rows `| `code` | severity | group | … |`)."""
    try:
        text = _checks_path().read_text(encoding="utf-8")
    except OSError:
        return {}
    entries = {}
    for line in text.splitlines():
        match = re.match(r"^\|\s*`([a-z0-9_]+\.[a-z0-9_.]+)`\s*\|(.*)\|\s*$", line)
        if not match:
            continue
        cells = [cell.strip() for cell in match.group(2).split("|")]
        if len(cells) < 4:
            continue
        entries[match.group(1)] = CheckEntry(match.group(1), cells[0], cells[1], cells[2], cells[3])
    return entries


def _plain(text: str) -> str:
    """A docs table cell as help text: markdown code and emphasis marks taken off, escaped."""
    return html.escape(re.sub(r"[`*]", "", text))


def _severity(text: str) -> str:
    words = [SEVERITY.get(word, word) for word in re.findall(r"error|warning", text)]
    if "≤ 0.01" in text:
        return f"{words[0]}（相差不超过 0.01 时为提示）" if words else text
    return words[0] if words else html.escape(text)


def check_html(code: str) -> str:
    entry = check_entries().get(code)
    if entry is None:
        return f"<p>（没有“{html.escape(code)}”的说明）</p>"
    example = f"<br>例：{_plain(entry.example)}" if entry.example else ""
    return (f'<h3 id="code-{entry.code}"><a name="code-{entry.code}"></a>{_plain(entry.meaning).split("（")[0]}</h3>'
            f"<p>{_plain(entry.meaning)}<br>级别：{_severity(entry.severity)}　类别：{html.escape(entry.group)}"
            f"　代码：<code>{entry.code}</code>{example}</p>")


def scoring_html(framework: Optional[Framework]) -> str:
    parts = ["<p>执行率 = 全年执行数 ÷ 全年预算数（两位小数的百分数）；资金执行得分 = 分值 × 执行率（最多按 100% 计，四舍五入到分）。"
             "总分 = 资金执行得分 + 各指标得分之和。得分始终由单位自己填写，程序只给出“建议得分”及其算法。</p>",
             "<ul><li><b>正向指标</b>（越多越好：完成数、完成率、覆盖率、满意度……）：达到指标值得满分，否则 完成值 ÷ 指标值 × 分值。</li>"
             "<li><b>反向指标</b>（越低越好：发生率、投诉率、成本上限 ≤…万元、时限……）：未超过指标值得满分，否则 指标值 ÷ 完成值 × 分值。</li>"
             "<li><b>定性指标</b>（指标值或完成值是文字）：按完成情况的文字落入“达成／部分达成／未达成”档。</li>"
             "<li>方向先看指标值的符号（≥ 为下限，≤ 为上限），再看三级指标名称中衡量的是什么；“信访”“投诉”等只是事项，不决定方向。"
             "每行右侧写明用了哪条规则和原因，也可以在右侧改选规则。</li></ul>"]
    if framework is not None:
        groups = "、".join(f"{g.name}{'' if g.points is None else f' {fmt_plain(g.points)} 分'}"
                          for g in framework.level1)
        bands = "，".join(f"{b.grade} ≥ {fmt_plain(b.minimum)}" for b in framework.grades)
        parts.append(f"<p>本表的指标体系“{html.escape(framework.name)}”：资金执行 {fmt_plain(framework.funding_points)} 分；"
                     f"{html.escape(groups)}。评价等次：{html.escape(bands)}。</p>")
        if framework.positive_keywords or framework.reverse_keywords:
            parts.append(f"<p>判断方向用的词：正向——{html.escape('、'.join(framework.positive_keywords))}；"
                         f"反向——{html.escape('、'.join(framework.reverse_keywords))}。</p>")
    return "".join(parts)


def help_html(framework: Optional[Framework] = None, keys: tuple[tuple[str, str], ...] = ()) -> str:
    """The whole help: the forms, the colours, the keys, the scoring rules and every check."""
    out = ["<h1>绩效自评填报 使用帮助</h1>", "<h2>各张表</h2>"]
    for kind, (title, text) in FORMS.items():
        out.append(f'<h3 id="form-{kind}"><a name="form-{kind}"></a>{title}</h3><p>{text}</p>')
    out.append("<h2>颜色</h2><ul>" + "".join(f"<li><b>{c}</b>：{t}</li>" for c, t in COLOURS) + "</ul>")
    if keys:
        out.append("<h2>快捷键</h2><table>" + "".join(
            f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(t)}</td></tr>" for k, t in keys) + "</table>")
    out.append('<h2 id="scoring"><a name="scoring"></a>计分与建议得分</h2>' + scoring_html(framework))
    out.append("<h2>审核规则</h2><p>“错误”必须在提交前改正；“提示”请核对。相差不超过 0.01 万元的合计差异是尾数误差，只作提示。"
               "在审核窗格中双击一条即跳到对应的单元格；右键“这条提示是什么意思”可打开这里的说明。</p>")
    groups: dict[str, list[str]] = {}
    for code, entry in check_entries().items():
        groups.setdefault(entry.group or "审核", []).append(check_html(code))
    for group, items in groups.items():
        out.append(f"<h2>{html.escape(group)}</h2>" + "".join(items))
    return "".join(out)
