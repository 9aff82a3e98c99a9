"""The blank 怀化 comprehensive form as a bureau hands it out: its 机构 rows and indicator categories.

Data, not code (resources/frameworks/comprehensive/*.json): the 一级/二级指标 the form prints, how many
blank rows each 二级指标 starts with, and the 机构 rows (局机关, 二级机构1 …). A new form is made from it
(model.factory) and the window offers its categories when a row is added; a document itself keeps its
rows' own 一级/二级 texts, so a file prints the same whatever the template says later.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .jsonread import FormatError, Reader
from .resources import resource_dir

DEFAULT_TEMPLATE = "huaihua"


@dataclass(frozen=True, slots=True)
class Category:
    """一级指标 and its 二级指标, each with the number of blank rows a new form starts with."""

    level1: str
    level2: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    name: str
    organisations: tuple[str, ...]  # 机构 rows of a new form
    categories: tuple[Category, ...]

    def order(self) -> list[tuple[str, str]]:
        """(一级, 二级) in print order."""
        return [(c.level1, name) for c in self.categories for name, _ in c.level2]


def template_from_reader(reader: Reader) -> Template:
    reader.obj()
    ident = reader.field("id", "编号").text(allow_empty=False)
    name = reader.field("name", "名称").text(allow_empty=False)
    organisations = tuple(item.text(allow_empty=False) for item in reader.field("organisations", "机构").items("项"))
    categories = []
    for item in reader.field("indicator_categories", "指标类别").items("个一级指标"):
        item.obj()
        level1 = item.field("name", "名称").text(allow_empty=False)
        level2 = []
        for sub in item.field("level2", "二级指标").items("个二级指标"):
            sub.obj()
            level2.append((sub.field("name", "名称").text(allow_empty=False),
                           sub.field("rows", "空白行数", 1).integer(minimum=0, maximum=50)))
            sub.no_unknown_fields()
        item.no_unknown_fields()
        if not level2:
            item.fail("至少要有一个二级指标")
        categories.append(Category(level1, tuple(level2)))
    reader.no_unknown_fields()
    if not organisations:
        reader.fail("至少要有一个机构")
    return Template(ident, name, organisations, tuple(categories))


@lru_cache(maxsize=None)
def builtin_template(ident: str = DEFAULT_TEMPLATE) -> Template:
    path = Path(resource_dir("frameworks", "comprehensive")) / f"{ident}.json"
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise FormatError(f"找不到综合自评表模板“{ident}”") from None
    return template_from_reader(Reader(data, f"综合自评表模板 {path.name}"))
