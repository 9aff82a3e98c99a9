"""Build the layouts of a document's forms, in print order."""
from __future__ import annotations

from typing import Optional

from ..document import FORM_BASIC, FORM_COMPREHENSIVE, Document
from ..evaluation import Evaluation, evaluate
from .basic import basic_layout
from .comprehensive import comprehensive_layout
from .grid import Layout
from .scored import scored_layout
from .widths import fit_widths


def build_layout(doc: Document, key: str, evaluation: Optional[Evaluation] = None) -> Layout:
    evaluation = evaluation or evaluate(doc)
    if key == FORM_BASIC:
        if doc.basic is None or evaluation.basic is None:
            raise KeyError(key)
        layout = basic_layout(doc, evaluation.basic)
    elif key == FORM_COMPREHENSIVE:
        if doc.comprehensive is None or evaluation.comprehensive is None:
            raise KeyError(key)
        layout = comprehensive_layout(doc, evaluation.comprehensive)
    else:
        numbers = {f"projects[{p.id}]": i for i, p in enumerate(doc.projects, start=1)}
        layout = scored_layout(doc, key, doc.form(key), evaluation.forms[key], numbers.get(key, 0))
    layout.column_widths_mm = fit_widths(layout)  # the form's design widths, fitted to what it holds
    return layout


def build_layouts(doc: Document, evaluation: Optional[Evaluation] = None) -> list[Layout]:
    """基础数据表 (if any), the overall form or the 怀化 comprehensive form (if any), then one layout per
    project."""
    evaluation = evaluation or evaluate(doc)
    keys = ([FORM_BASIC] if doc.basic is not None else []) + (
        [FORM_COMPREHENSIVE] if doc.comprehensive is not None else []) + list(evaluation.forms)
    return [build_layout(doc, key, evaluation) for key in keys]
