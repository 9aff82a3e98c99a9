"""Changing the framework a form is scored with (更换指标体系), and moving a row to another 类别.

``change_framework`` builds one undoable edit for one or several forms: the document takes the new
framework (and drops a framework no form uses any more), and each indicator row is re-mapped by its
一级/二级 name. A row whose names the new framework does not know is kept as it is, at the end of the
table, and listed as an error (indicator.unknown_group) until it is moved with ``move_to_group``:
nothing typed is ever lost. Rows with nothing typed in them that do not fit are dropped, and a form
whose indicator table is still blank (as 新建 makes it) gets the new framework's blank rows instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from .document import FORM_BASIC, Document, IdAllocator, IndicatorRow, ScoredForm
from .edits import Compound, EditError, MoveItem, SetField, category_end, check_category, row_index, scored_form
from .framework import Framework
from .paths import form_of
from .registry import FieldKind, specs

Key = tuple[str, str]  # (一级指标, 二级指标)


def _plain(name: str) -> str:
    """数量 and 数量指标 name the same 二级指标 (forms print both)."""
    return name.strip().removesuffix("指标")


def fitted_group(framework: Framework, level1: str, level2: str) -> Optional[Key]:
    """Where a row of (level1, level2) belongs in ``framework``, or None when it does not fit.

    The same names fit; otherwise a 二级指标 that only one 一级指标 of the framework has (2024 → a
    framework of one group 绩效指标 keeps 数量指标), or a former 一级指标 that is one 二级指标 there
    (2024's 成本指标 group → 2023's 产出指标／成本指标). Nothing is guessed between several candidates.
    """
    group = framework.group(level1)
    if group is not None:
        for name in group.level2:
            if _plain(name) == _plain(level2):
                return group.name, name
    for wanted in (level2, level1):
        owners = [(g.name, name) for g in framework.level1 for name in g.level2 if _plain(name) == _plain(wanted)]
        if len(owners) == 1:
            return owners[0]
    return None


def is_blank(row: IndicatorRow) -> bool:
    """Nothing typed in the row (a starter row of 新建)."""
    return not (row.name.strip() or row.target.strip() or row.actual.strip() or row.deviation.strip()
                or row.points is not None or row.score is not None or row.not_applicable or row.rule != "auto")


@dataclass(frozen=True)
class Remap:
    """What re-mapping one form's rows does: rows regrouped, rows that do not fit, rows dropped or added."""

    form_key: str
    order: tuple[IndicatorRow, ...]  # the rows after the change, in print order
    regrouped: tuple[tuple[IndicatorRow, Key, Key], ...]  # (row, old key, new key)
    unfit: tuple[IndicatorRow, ...]  # kept with their names, listed as errors until moved
    dropped: int  # blank rows that did not fit
    added: int  # blank rows of the new framework (a blank form)


def _print_order(items: list[tuple[IndicatorRow, Key]], framework: Framework) -> tuple[IndicatorRow, ...]:
    """Rows grouped in the framework's order; groups it does not know last (as indicator_groups does)."""
    buckets: dict[Key, list[IndicatorRow]] = {(g.name, l2): [] for g in framework.level1 for l2 in g.level2}
    for row, key in items:
        buckets.setdefault(key, []).append(row)
    return tuple(row for rows in buckets.values() for row in rows)


def remap(doc: Document, form_key: str, framework: Framework, ids: IdAllocator) -> Remap:
    form: ScoredForm = doc.form(form_key)
    if all(is_blank(row) for row in form.indicators):
        rows = tuple(IndicatorRow(ids("r"), g.name, l2) for g in framework.level1 for l2 in g.level2)
        return Remap(form_key, rows, (), (), len(form.indicators), len(rows))
    items, regrouped, unfit, dropped = [], [], [], 0
    for row in form.indicators:
        old = (row.level1, row.level2)
        new = fitted_group(framework, *old)
        if new is None and is_blank(row):
            dropped += 1
            continue
        if new is None:
            unfit.append(row)
            new = old
        elif new != old:
            regrouped.append((row, old, new))
        items.append((row, new))
    return Remap(form_key, _print_order(items, framework), tuple(regrouped), tuple(unfit), dropped, 0)


@dataclass(frozen=True, eq=False)
class ChangeFramework:
    """The forms ``form_keys`` scored with ``framework_id`` from ``new_frameworks`` (one undo step)."""

    form_keys: tuple[str, ...]
    old_ids: tuple[str, ...]  # each form's framework before
    framework_id: str
    old_frameworks: dict
    new_frameworks: dict
    old_orders: tuple[tuple[IndicatorRow, ...], ...]
    remaps: tuple[Remap, ...]
    label: str

    @property
    def path(self) -> str:
        """The cell shown after undo/redo: the first form's indicator table."""
        return f"{self.form_keys[0]}.indicators"

    def apply(self, doc: Document) -> None:
        doc.frameworks = dict(self.new_frameworks)
        for key, remapped in zip(self.form_keys, self.remaps):
            form = doc.form(key)
            form.framework_id = self.framework_id
            for row, _old, (level1, level2) in remapped.regrouped:
                row.level1, row.level2 = level1, level2
            form.indicators = list(remapped.order)

    def revert(self, doc: Document) -> None:
        for key, old_id, order, remapped in zip(self.form_keys, self.old_ids, self.old_orders, self.remaps):
            form = doc.form(key)
            for row, (level1, level2), _new in remapped.regrouped:
                row.level1, row.level2 = level1, level2
            form.indicators = list(order)
            form.framework_id = old_id
        doc.frameworks = dict(self.old_frameworks)

    def forms(self) -> Optional[set[str]]:
        return set(self.form_keys) | {FORM_BASIC}  # the 基础数据表 is checked with the options of the first form

    @property
    def unfit(self) -> int:
        return sum(len(r.unfit) for r in self.remaps)

    def summary(self) -> str:
        """What the change does, for the dialog and the status bar."""
        regrouped = sum(len(r.regrouped) for r in self.remaps)
        kept = sum(len(r.order) for r in self.remaps) - sum(r.added for r in self.remaps)
        parts = [f"{kept} 行指标按一级／二级指标名称对应" + (f"（其中 {regrouped} 行改到新的类别）" if regrouped else "")]
        if self.unfit:
            parts.append(f"{self.unfit} 行不属于新的指标体系：原样保留并列为错误，请移到合适的类别")
        added = sum(r.added for r in self.remaps)
        if added:
            parts.append(f"空白的指标表换成新指标体系的 {added} 行空白指标")
        dropped = sum(r.dropped for r in self.remaps)
        if dropped and not added:
            parts.append(f"{dropped} 行未填写任何内容的空白指标不再需要，已去掉")
        return "；".join(parts)


def unique_framework(frameworks: dict, framework: Framework) -> Framework:
    """``framework`` with an id no other framework in ``frameworks`` holds (the same one may keep it)."""
    if frameworks.get(framework.id, framework) == framework:
        return framework
    number = 2
    while f"{framework.id}-{number}" in frameworks and frameworks[f"{framework.id}-{number}"] != \
            framework.replace(id=f"{framework.id}-{number}"):
        number += 1
    return framework.replace(id=f"{framework.id}-{number}")


def scored_keys(doc: Document) -> list[str]:
    return [key for key, _ in doc.scored_forms()]


def framework_references(obj, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(path, framework id) of every framework reference in the document, found through the field registry,
    so that a form added later that names a framework (not only the scored forms) keeps its own."""
    for name, spec in specs(type(obj)):
        value = getattr(obj, name)
        path = f"{prefix}.{name}" if prefix else name
        if spec.kind is FieldKind.FRAMEWORK:
            yield path, value
        elif spec.kind is FieldKind.RECORD and value is not None:
            yield from framework_references(value, path)
        elif spec.kind is FieldKind.RECORDS:
            for item in value:
                yield from framework_references(item, f"{path}[{item.id}]")


def change_framework(doc: Document, form_keys: list[str], framework: Framework) -> ChangeFramework:
    """Score the forms ``form_keys`` with ``framework`` (EditError when nothing would change)."""
    if not form_keys:
        raise EditError("请选择要更换指标体系的表")
    for key in form_keys:
        scored_form(doc, key)  # EditError when there is no such form
    keep = {ident for path, ident in framework_references(doc) if form_of(path) not in form_keys}
    frameworks = {ident: fw for ident, fw in doc.frameworks.items() if ident in keep}
    chosen = unique_framework(frameworks, framework)
    if all(doc.framework_for(doc.form(key)) == chosen and doc.form(key).framework_id == chosen.id
           for key in form_keys):
        raise EditError(f"所选的表已经使用指标体系“{framework.name}”")
    frameworks[chosen.id] = chosen
    ids = IdAllocator(doc.all_ids())
    remaps = tuple(remap(doc, key, chosen, ids) for key in form_keys)
    old_orders = tuple(tuple(doc.form(key).indicators) for key in form_keys)
    return ChangeFramework(tuple(form_keys), tuple(doc.form(key).framework_id for key in form_keys), chosen.id,
                           dict(doc.frameworks), frameworks, old_orders, remaps, f"更换指标体系为“{chosen.name}”")


# --- moving a row to another 类别 (a row that no longer fits, or one typed in the wrong group) ---------------

def move_to_group(doc: Document, form_key: str, row_id: str, level1: str, level2: str) -> Compound:
    """The row under (level1, level2) of its form's framework, at the end of that group (one undo step)."""
    form = scored_form(doc, form_key)
    framework = doc.framework_for(form)
    check_category(framework, level1, level2)
    index = row_index(form, row_id)
    row = form.indicators[index]
    if (row.level1, row.level2) == (level1, level2):
        raise EditError(f"这一行已在“{level1}／{level2}”中")
    target = category_end(framework, [r for r in form.indicators if r is not row], level1, level2)
    base = f"{form_key}.indicators[{row_id}]"
    name = row.name.strip() or "该行"
    parts: list = [SetField(f"{base}.level1", row.level1, level1, "改一级指标"),
                   SetField(f"{base}.level2", row.level2, level2, "改二级指标")]
    if target != index:
        parts.append(MoveItem(f"{form_key}.indicators", index, target, "移动指标行"))
    return Compound(tuple(parts), f"把“{name}”移到“{level1}／{level2}”")
