"""Format upgrades: a file written by an older version brought, as data, to the current format.

Each step takes the parsed JSON of version N and returns that of version N+1; ``upgrade`` runs them in
turn. A step only rearranges what it recognises: anything malformed is left for the strict reader, which
names the problem. The file on disk is never touched (it is rewritten in the current format on save).
"""
from __future__ import annotations

from typing import Any, Callable

CURRENT = 4


def _v1_to_v2(data: dict) -> dict:
    """Version 2 (issue 7): printed labels per document (``labels``), 部门职责 as a row that may be absent,
    new optional fields (单位编码, 项目编码, 表上数, closing texts) that simply default.

    * ``basic_data.special_label`` (本级专项资金 / 区级专项资金) moves to ``labels.special``;
    * an empty ``overall.duties`` meant "no 部门职责 row": it becomes null.
    """
    data = dict(data)
    labels: dict[str, Any] = {}
    basic = data.get("basic_data")
    if isinstance(basic, dict) and "special_label" in basic:
        basic = dict(basic)
        labels["special"] = basic.pop("special_label")
        data["basic_data"] = basic
    overall = data.get("overall")
    if isinstance(overall, dict) and isinstance(overall.get("duties"), str) and not overall["duties"].strip():
        overall = dict(overall)
        overall["duties"] = None
        data["overall"] = overall
    data.setdefault("labels", labels)
    data["version"] = 2
    return data


def _v2_to_v3(data: dict) -> dict:
    """Version 3 (issue 11): the 怀化 comprehensive form (``comprehensive``, absent: none) and
    ``labels.funding_as_totals`` (absent: the usual 年度预算申请 block). Nothing moves; the version
    changes so that an older program refuses a file it cannot read with 请升级程序."""
    data = dict(data)
    data["version"] = 3
    return data


def _v3_to_v4(data: dict) -> dict:
    """Version 4 (issue 13): ``carried``, the texts a 新年度 took over from last year (absent: none). Nothing
    moves; the version changes so that an older program refuses the file with 请升级程序 rather than
    "有无法识别的字段 carried"."""
    data = dict(data)
    data["version"] = 4
    return data


STEPS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def upgrade(data: dict, version: int) -> dict:
    """``data`` of format ``version`` (≤ CURRENT) as data of the current version."""
    while version < CURRENT:
        data = STEPS[version](data)
        version += 1
    return data
