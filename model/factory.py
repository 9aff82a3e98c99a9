"""Making new documents, projects and rows with sensible defaults (新建)."""
from __future__ import annotations

from .comprehensive import ComprehensiveForm, Organisation, QuantitativeRow
from .comprehensive_template import Template, builtin_template
from .document import BasicDataForm, Document, IdAllocator, IndicatorRow, OverallForm, ProjectForm, UnitInfo
from .framework import Framework, builtin_framework

DEFAULT_FRAMEWORK = "hunan-2024"


def new_document(name: str = "", year: int = 2024, framework: str | Framework = DEFAULT_FRAMEWORK, *,
                 department: str = "", with_basic: bool = True, with_overall: bool = True,
                 starter_rows: bool = False, with_comprehensive: bool = False) -> Document:
    """An empty set for one unit and year; ``starter_rows`` gives one blank row per 二级指标.

    ``with_comprehensive``: the 怀化 form (its blank rows as the bureau's template has them) — usually
    instead of the basic-data and overall forms; ``framework`` then gives the 评价等次 bands (and is the
    one project forms use).
    """
    fw = builtin_framework(framework) if isinstance(framework, str) else framework
    doc = Document(UnitInfo(name=name, department=department, year=year), {fw.id: fw})
    if with_comprehensive:
        doc.comprehensive = new_comprehensive(doc, fw.id)
    if with_basic:
        doc.basic = BasicDataForm()
    if with_overall:
        doc.overall = OverallForm(framework_id=fw.id)
        if starter_rows:
            add_starter_rows(doc, doc.overall)
    return doc


def add_starter_rows(doc: Document, form) -> None:
    """One empty 三级指标 row under each 二级指标 of the form's framework."""
    framework = doc.framework_for(form)
    for group in framework.level1:
        for level2 in group.level2:
            form.indicators.append(IndicatorRow(doc.new_id("r"), group.name, level2))


def new_project(doc: Document, name: str = "", framework_id: str | None = None, *,
                starter_rows: bool = False) -> ProjectForm:
    """A project form for this unit (not yet added to the document)."""
    if framework_id is None:
        framework_id = doc.overall.framework_id if doc.overall else next(iter(doc.frameworks))
    project = ProjectForm(id=doc.new_id("p"), framework_id=framework_id, name=name,
                          department=doc.unit.department or doc.unit.name, implementer=doc.unit.name)
    if starter_rows:
        # ids must not clash with rows added before the project joins the document
        framework = doc.frameworks[framework_id]
        ids = IdAllocator(doc.all_ids() | {project.id})
        for group in framework.level1:
            for level2 in group.level2:
                project.indicators.append(IndicatorRow(ids("r"), group.name, level2))
    return project


def new_comprehensive(doc: Document, framework_id: str, template: Template | None = None) -> ComprehensiveForm:
    """A blank 怀化 form for ``doc`` (not yet added to it): the template's 机构 rows and blank indicator rows."""
    template = template or builtin_template()
    used = doc.all_ids()
    counter = [len(used)]

    def fresh(prefix: str) -> str:
        number = counter[0] + 1
        while f"{prefix}{number}" in used:
            number += 1
        used.add(f"{prefix}{number}")
        counter[0] = number
        return f"{prefix}{number}"

    form = ComprehensiveForm(framework_id=framework_id)
    form.organisations = [Organisation(fresh("o"), name) for name in template.organisations]
    form.indicators = [QuantitativeRow(fresh("r"), category.level1, level2)
                       for category in template.categories for level2, count in category.level2
                       for _ in range(count)]
    return form
