"""The main window: navigation beside the page being edited, a findings dock, menus, status bar.

It only wires things: each page is its own widget, file/export work lives in controllers, and
every change goes through the session.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (QApplication, QDockWidget, QInputDialog, QLabel, QLineEdit, QMainWindow, QPlainTextEdit,
                               QSplitter, QStackedWidget, QWidget)

from .export_ops import ExportController
from .failures import report
from .file_ops import FileController
from .menus import build_menus
from .nav import FORM_BASIC, FORM_OVERALL, PAGE_FINDINGS, PAGE_UNIT, NavPanel
from .settings import Settings

# The domain model and the pages are imported when a document is opened, not before the first
# paint: the window appears as fast as a bare Qt window and fills a moment later.

APP_TITLE = "绩效自评填报"


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, config: Path, *, quiet: bool = False):
        super().__init__()
        self.settings = settings
        self.quiet = quiet  # no modal questions (screenshots, tests)
        self.session = None  # ui.session.Session
        self.example_name: Optional[str] = None
        self.pages: dict[str, QWidget] = {}
        self.undo_group = QUndoGroup(self)  # undo/redo actions follow the open document's stack
        self.files = FileController(self)
        self.exports = ExportController(self)
        self.config = config
        self.autosaver = None  # made with the first document

        self.nav = NavPanel()
        self.nav.pageChosen.connect(self.show_page)
        self.nav.projectCommand.connect(self.project_command)
        self.stack = QStackedWidget()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 1100])
        self.setCentralWidget(splitter)
        self.dock = QDockWidget("审核", self)
        self.dock.setObjectName("findingsDock")
        self.dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.score_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.score_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.actions_: dict[str, QAction] = build_menus(self)
        self.resize(1400, 900)
        self.resizeDocks([self.dock], [170], Qt.Orientation.Vertical)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        if settings.window_state is not None:
            self.restoreState(settings.window_state)

    # --- edits in progress ---
    def commit_pending_edit(self) -> bool:
        """Store what is being typed anywhere in the window before a command runs.

        False when the grid refused the typed text (its editor stays open to be corrected).
        """
        page = self.current_form_page()
        if page is not None and not page.view.commit_editing():
            return False
        focus = QApplication.focusWidget()
        if isinstance(focus, (QLineEdit, QPlainTextEdit)) and self.isAncestorOf(focus):
            focus.clearFocus()  # its editingFinished stores the value (单位信息, 表上总分)
        return True

    def undo(self) -> None:
        if self.session is not None and self.commit_pending_edit():
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is not None and self.commit_pending_edit():
            self.session.undo_stack.redo()

    def reveal(self, path: str) -> None:
        """After undo/redo: show the form and the cell that changed, so nothing changes unseen."""
        form = path.split(".", 1)[0]
        if form == "unit":
            self.show_page(PAGE_UNIT)
            return
        if form == "projects" or form not in [k for k, _ in self._page_keys()]:
            return
        self.show_page(form)
        page = self.pages.get(form)
        if hasattr(page, "select_path"):
            page.select_path(path)

    def _page_keys(self):
        from .nav import page_titles
        return page_titles(self.session.doc)

    # --- the document ---
    def set_session(self, session, example_name: Optional[str] = None) -> None:
        from .findings import FindingsView
        if self.autosaver is None:
            from .autosave import Autosaver
            self.autosaver = Autosaver(self.config, self)
            self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        old = self.session
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.session = session
        self.example_name = example_name
        session.setParent(self)
        session.documentChanged.connect(self._document_changed)
        session.structureChanged.connect(self._structure_changed)
        session.modifiedChanged.connect(lambda _m: self._update_title())
        session.pathChanged.connect(self._path_changed)
        session.inputRefused.connect(lambda _path, message: self.statusBar().showMessage(message, 8000))
        session.revealed.connect(self.reveal)
        session.failed.connect(lambda what, error: report(self, f"{what}没有完成", error, "文档保持原样。"))
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        findings = FindingsView(session)
        findings.activated.connect(self.jump_to)
        old_dock = self.dock.widget()
        self.dock.setWidget(findings)
        if old_dock is not None:
            old_dock.deleteLater()
        self.autosaver.attach(session)
        if old is not None:
            old.release()
            old.deleteLater()
        start = FORM_OVERALL if session.doc.overall is not None else PAGE_UNIT
        self.nav.rebuild(session.doc, session.evaluation, start)
        self.show_page(self.nav.current_key() or PAGE_UNIT)
        self._update_title()
        self._update_status()

    def _path_changed(self) -> None:
        self.example_name = None
        self._update_title()

    def _document_changed(self, _forms) -> None:
        self.nav.update_marks(self.session.evaluation)
        self._update_status()

    def _structure_changed(self) -> None:
        doc = self.session.doc
        keys = {PAGE_UNIT, PAGE_FINDINGS} | ({FORM_BASIC} if doc.basic else set()) | (
            {FORM_OVERALL} if doc.overall else set()) | {f"projects[{p.id}]" for p in doc.projects}
        for key in [k for k in self.pages if k not in keys]:
            page = self.pages.pop(key)
            self.stack.removeWidget(page)
            page.deleteLater()
        current = self.nav.current_key()
        self.nav.rebuild(doc, self.session.evaluation, current)
        self._update_title()

    # --- pages ---
    def page(self, key: str) -> QWidget:
        from .findings import FindingsView
        from .form_page import FormPage
        from .unit_page import UnitPage
        if key not in self.pages:
            if key == PAGE_UNIT:
                page = UnitPage(self.session)
            elif key == PAGE_FINDINGS:
                page = FindingsView(self.session)
                page.activated.connect(self.jump_to)
            else:
                page = FormPage(self.session, key)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def current_page(self) -> Optional[QWidget]:
        return self.stack.currentWidget()

    def current_form_page(self):
        page = self.current_page()
        return page if hasattr(page, "run") and hasattr(page, "view") else None

    def show_page(self, key: str) -> None:
        if self.session is None or not key or key not in [k for k, _ in self._page_keys()]:
            return
        if self.nav.current_key() != key:
            self.nav.select(key)  # comes back here through pageChosen
            if self.nav.current_key() == key:
                return
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self._update_status()

    def jump_to(self, finding) -> None:
        self.show_page(finding.form)
        page = self.pages.get(finding.form)
        if hasattr(page, "select_path"):
            page.select_path(finding.path)

    def next_finding(self, step: int = 1) -> None:
        findings = self.session.evaluation.findings if self.session else []
        if not findings:
            self.statusBar().showMessage("审核通过，没有问题", 5000)
            return
        self._finding_index = (getattr(self, "_finding_index", -1) + step) % len(findings)
        finding = findings[self._finding_index]
        self.jump_to(finding)
        self.statusBar().showMessage(finding.message, 15000)

    # --- status and title ---
    def _update_status(self) -> None:
        if self.session is None:
            return
        evaluation = self.session.evaluation
        errors, warnings = evaluation.counts()
        self.count_label.setText(f"  错误 {errors}　提示 {warnings}  ")
        self.count_label.setStyleSheet("color: #c5221f" if errors else "")
        key = self.nav.current_key()
        result = evaluation.forms.get(key or "")
        self.score_label.setText(f"  总分 {result.total:.2f}　等次 {result.grade}  " if result else "")

    def _update_title(self) -> None:
        session = self.session
        if session is None:
            self.setWindowTitle(APP_TITLE)
            return
        unit = session.doc.unit
        name = f"示例：{self.example_name}" if self.example_name else session.display_name
        if session.read_only:
            name += "（只读：已在另一个窗口中打开）"
        self.setWindowTitle(f"{name}[*] — {unit.name or '未命名单位'} {unit.year}年度 — {APP_TITLE}")
        self.setWindowModified(session.modified)

    # --- projects ---
    def _current_project_id(self) -> Optional[str]:
        key = self.nav.current_key() or ""
        return key[len("projects["):-1] if key.startswith("projects[") else None

    def project_command(self, name: str) -> None:
        from model import edits
        session = self.session
        if session is None or not self.commit_pending_edit():
            return
        ident = self._current_project_id()
        if name == "add":
            index = len(session.doc.projects)
            if ident is not None:
                index = [p.id for p in session.doc.projects].index(ident) + 1
            text, ok = (("", True) if self.quiet else
                        QInputDialog.getText(self, "添加项目", "项目支出名称（一个一级项目一张表）："))
            if not ok:
                return
            try:
                edit = edits.add_project(session.doc, text, index=index)
            except edits.EditError as error:
                self.statusBar().showMessage(str(error), 10000)
                return
            session.apply(edit)
            self.show_page(f"projects[{edit.item.id}]")
            return
        if ident is None:
            self.statusBar().showMessage("请先在左侧选中一个项目", 5000)
            return
        if name == "rename":
            project = session.doc.project(ident)
            text, ok = QInputDialog.getText(self, "项目改名", "项目支出名称：", text=project.name)
            if ok and text.strip() and text.strip() != project.name:
                session.set_text(f"projects[{ident}].name", text.strip())
        elif name == "closing":
            if session.try_edit(edits.toggle_closing, ident):
                project = session.doc.project(ident)
                self.show_page(f"projects[{ident}]")
                if project.closing is not None:
                    self.pages[f"projects[{ident}]"].select_path(f"projects[{ident}].closing.conclusion")
        elif name == "duplicate":
            edit = edits.duplicate_project(session.doc, ident)
            session.apply(edit)
            self.show_page(f"projects[{edit.item.id}]")
        elif name in ("up", "down"):
            if session.try_edit(edits.move_project, ident, -1 if name == "up" else 1):
                self.show_page(f"projects[{ident}]")
        elif name == "delete":
            project = session.doc.project(ident)
            ids = [p.id for p in session.doc.projects]
            position = ids.index(ident)
            neighbour = ids[position + 1] if position + 1 < len(ids) else (ids[position - 1] if position else None)
            if session.try_edit(edits.remove_project, ident):
                fallback = FORM_OVERALL if session.doc.overall is not None else PAGE_UNIT
                self.show_page(f"projects[{neighbour}]" if neighbour else fallback)
                self.statusBar().showMessage(f"已删除项目“{project.name}”，按 Ctrl+Z 可撤销", 8000)

    # --- closing ---
    def close_unattended(self) -> None:
        """Close with nobody there to ask (SIGTERM without a display): unsaved work stays in the autosave,
        which the next start offers back."""
        self.commit_pending_edit()
        if self.autosaver is not None and self.session is not None and self.session.modified:
            self.autosaver.save_now()
            self.autosaver.keep = True
        self.quiet = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.commit_pending_edit() or (not self.quiet and not self.files.maybe_save()):
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        if self.autosaver is not None:
            self.autosaver.close()
        if self.session is not None:
            self.session.release()
        event.accept()
