"""Editors bound to one field of the document, made from the field's declaration (model.registry).

A text field with variants becomes an editable drop-down (预算部门名称 / 预算单位名称 …), a yes/no field a
check box, anything else a line. Each editor writes through the session on editingFinished (so every
change is one undo step and refused input gets the session's message) and follows the document in
``refresh``, never while the user is typing in it.
"""
from __future__ import annotations

from typing import Callable, Union

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from model import paths  # model.edits when a box is ticked: a page with fields opens without it
from model.fields import FieldKind, spec_for
from model.money import fmt_plain

from .session import Session

Editor = Union[QLineEdit, QComboBox, QCheckBox]


def shown(value) -> str:
    """A field's value as its editor shows it."""
    if value is None:
        return ""
    if hasattr(value, "as_tuple"):  # Decimal
        return fmt_plain(value)
    return str(value)


class BoundField:
    """One editor and the path it edits."""

    def __init__(self, session: Session, path: str, placeholder: str = ""):
        self.session, self.path = session, path
        spec = spec_for(path)
        self.spec = spec
        if spec.kind is FieldKind.BOOL:
            self.widget: Editor = QCheckBox(spec.label)
            self.widget.clicked.connect(self._toggled)
        elif spec.kind.text and spec.choices:
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(list(spec.choices))
            combo.lineEdit().editingFinished.connect(self._edited)
            combo.activated.connect(lambda _index: self._edited())
            self.widget = combo
        else:
            self.widget = QLineEdit()
            self.widget.setPlaceholderText(placeholder or spec.hint)
            self.widget.editingFinished.connect(self._edited)
        self.refresh()

    def _line(self) -> QLineEdit:
        return self.widget.lineEdit() if isinstance(self.widget, QComboBox) else self.widget

    def current(self):
        return paths.get(self.session.doc, self.path)

    def alive(self) -> bool:
        """False once the field's form is gone (a deleted project's page waits to be dropped)."""
        try:
            self.current()
        except paths.PathError:
            return False
        return True

    def refresh(self) -> None:
        if not self.alive():
            return
        value = self.current()
        if isinstance(self.widget, QCheckBox):
            self.widget.setChecked(bool(value))
            return
        line = self._line()
        if line.text() != shown(value) and not line.isModified() and not line.hasFocus():
            line.setText(shown(value))

    def _edited(self) -> None:
        line = self._line()
        line.setModified(False)
        if not self.alive() or line.text() == shown(self.current()):
            return
        if not self.session.set_text(self.path, line.text()):
            line.setText(shown(self.current()))

    def _toggled(self, checked: bool) -> None:
        from model import edits
        if self.alive() and bool(self.current()) != checked:
            self.session.apply(edits.set_value(self.session.doc, self.path, checked,
                                               f"{'勾选' if checked else '取消'}“{self.spec.label}”"))


def bound_fields(session: Session, paths_: list[str], add: Callable[[str, QWidget], None]) -> dict[str, BoundField]:
    """Editors for ``paths_``, each handed to ``add(label, widget)``; keyed by path."""
    result = {}
    for path in paths_:
        field = BoundField(session, path)
        add("" if isinstance(field.widget, QCheckBox) else f"{field.spec.label}：", field.widget)
        result[path] = field
    return result
