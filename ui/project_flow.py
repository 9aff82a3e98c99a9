"""Projects flow into the 基础数据表: after a project is added, renamed or removed the window offers the matching
本级专项资金 row (a small question in the status bar, never a modal dialog), or makes it at once when the user
chose so in the 项目 menu. Each is an undo step of its own (model.basic_rows)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

class ProjectFlow:
    def __init__(self, window: "MainWindow"):
        self.window = window
        self.pending: Optional[tuple[Optional[str], Optional[str]]] = None  # (old name, project id)
        self.question = QLabel()
        self.bar = QWidget()
        layout = QHBoxLayout(self.bar)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.question)
        for text, slot in (("同步", self.accept), ("不用", self.dismiss)):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            layout.addWidget(button)
        window.statusBar().addPermanentWidget(self.bar)  # permanent: a status message never hides it
        self.bar.hide()

    @property
    def automatic(self) -> bool:
        return self.window.settings.auto_special_rows

    def attach(self, session) -> None:
        self.dismiss()
        session.projectChanged.connect(self.changed)

    def _edit(self):
        from model.basic_rows import follow_project
        session = self.window.session
        if session is None or self.pending is None:
            return None
        old_name, project_id = self.pending
        project = next((p for p in session.doc.projects if p.id == project_id), None) if project_id else None
        if project_id and project is None:
            return None  # the project went away meanwhile
        return follow_project(session.doc, old_name, project)

    def changed(self, old_name, project) -> None:
        self.pending = (old_name, project.id if project is not None else None)
        found = self._edit()
        if found is None:
            self.dismiss()
            return
        edit, question = found
        if self.automatic:
            self.pending = None
            self.window.session.apply(edit)
            self.window.statusBar().showMessage(f"已{edit.label}（基础数据表，可撤销）", 8000)
            return
        self.question.setText(question)
        self.bar.show()

    def accept(self) -> None:
        found = self._edit()
        self.dismiss()
        if found is not None:
            edit, _ = found
            self.window.session.apply(edit)
            self.window.statusBar().showMessage(f"已{edit.label}（基础数据表，可撤销）", 8000)

    def dismiss(self) -> None:
        self.pending = None
        self.bar.hide()
