"""The main window: navigation beside the page being edited, a findings dock, menus, status bar.

It only wires things: each page is its own widget, file/export work lives in controllers, and
every change goes through the session.
"""
from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QSplitter, QStackedWidget, QWidget

from .after_paint import AfterPaint
from .menus import build_menus
from .nav import FORM_COMPREHENSIVE, FORM_OVERALL, PAGE_FINDINGS, PAGE_NEW_REPORT, PAGE_UNIT, NavPanel
from .settings import Settings
from .view_ops import ViewController, screen_size, short_screen

# The domain model, the pages and the controllers of files, exports, years and frameworks (with the
# dialogs they use) are imported when first needed, not before the first paint: the window appears
# as soon as Qt can paint it and fills a moment later.

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
        self.config = config
        self.autosaver = None  # made with the first document
        self._findings_pending = False  # the dock's list waits for the document's first paint
        self._last_jump = None  # (finding, position) of the last F8 jump

        self.nav = NavPanel()
        self.nav.pageChosen.connect(self.show_page)
        self.nav.sectionChosen.connect(self.show_section)
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
        self.views = ViewController(self)  # 视图: zoom and the side panel
        self.stack.currentChanged.connect(self.views.page_shown)
        self.actions_: dict[str, QAction] = build_menus(self)
        from .project_flow import ProjectFlow
        self.project_flow = ProjectFlow(self)  # a project's 本级专项资金 row follows it
        width, height = screen_size(self)
        self.resize(min(1400, width - 16), min(900, height - 40))  # a first start fits the screen (frame, title)
        self.resizeDocks([self.dock], [100 if short_screen(self) else 170], Qt.Orientation.Vertical)  # room for the form
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        if settings.window_state is not None:
            self.restoreState(settings.window_state)

    # --- the controllers, made on first use ---
    @cached_property
    def files(self):
        from .file_ops import FileController
        return FileController(self)

    @cached_property
    def exports(self):
        from .export_ops import ExportController
        return ExportController(self)

    @cached_property
    def years(self):  # 导入, 新建下一年度
        from .year_ops import YearController
        return YearController(self)

    @cached_property
    def frameworks(self):
        from .framework_ops import FrameworkController
        return FrameworkController(self)

    # --- edits in progress ---
    def commit_pending_edit(self) -> bool:
        """Store what is being typed anywhere in the window before a command runs.

        False when the grid refused the typed text (its editor stays open to be corrected).
        """
        page = self.current_form_page()
        if page is not None and not page.view.commit_editing():
            return False
        current = self.current_page()
        if hasattr(current, "commit_all") and not current.commit_all():  # a report page's section texts
            return False
        from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
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
        session.failed.connect(self._edit_failed)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self._last_jump = None
        old_dock = self.dock.widget()
        if old_dock is not None:  # the old document's list goes now; the new one's comes after the form
            self.dock.setWidget(None)
            old_dock.deleteLater()
        self._findings_pending = True
        self.autosaver.attach(session)
        self.project_flow.attach(session)
        if old is not None:
            old.release()
            old.deleteLater()
        start = self._first_form()
        self.nav.rebuild(session.doc, session.evaluation, start)
        self.show_page(self.nav.current_key() or PAGE_UNIT)
        self._update_title()
        self._update_status()
        AfterPaint(self, self.painted_next(), self.findings_view)

    def painted_next(self) -> list:
        """What paints in the next frame with the page shown: the window, its pages, that page and, on a form
        page, its grid (the view, not its viewport: asking for that makes PySide load every widget class)."""
        page = self.current_page()
        return [self, self.stack, page, getattr(page, "view", None)]

    def findings_view(self):
        """The 审核 dock's list of findings (ui.findings.FindingsView) of the open document.

        Built right after the document's first page has been painted (or when asked for before): the
        form is what the user waits for, the list (a table sized to its contents) comes a frame later.
        """
        if self._findings_pending and self.session is not None:
            self._findings_pending = False
            self.dock.setWidget(self._new_findings_view())
        return self.dock.widget()

    def _new_findings_view(self):
        """A list of the findings (the dock's, or the 审核结果 page) that jumps, steps and explains."""
        from .findings import FindingsView
        view = FindingsView(self.session)
        view.activated.connect(self.jump_to)
        view.stepRequested.connect(self.next_finding)
        view.helpRequested.connect(lambda code: self.show_help(f"code-{code}"))
        return view

    def _edit_failed(self, what: str, error: Exception) -> None:
        from .failures import report
        report(self, f"{what}没有完成", error, "文档保持原样。")

    def _path_changed(self) -> None:
        self.example_name = None
        self._update_title()

    def _document_changed(self, _forms) -> None:
        self.nav.update_marks(self.session.evaluation)
        self._update_status()

    def _structure_changed(self) -> None:
        doc = self.session.doc
        keys = {key for key, _ in self._page_keys()}
        for key in [k for k in self.pages if k not in keys]:
            page = self.pages.pop(key)
            self.stack.removeWidget(page)
            page.deleteLater()
        current = self.nav.current_key()
        self.nav.rebuild(doc, self.session.evaluation, current)
        self._update_title()

    def _first_form(self) -> str:
        """The page a document opens on: its main form (整体自评表 or the 怀化 form), else 单位信息."""
        doc = self.session.doc
        if doc.overall is not None:
            return FORM_OVERALL
        return FORM_COMPREHENSIVE if doc.comprehensive is not None else PAGE_UNIT

    # --- pages ---
    def page(self, key: str) -> QWidget:
        if key not in self.pages:  # each kind's module is imported when a page of it is first made
            if key == PAGE_UNIT:
                from .unit_page import UnitPage
                page = UnitPage(self.session)
            elif key == PAGE_FINDINGS:
                page = self._new_findings_view()
            elif key == FORM_COMPREHENSIVE:
                from .comprehensive_page import ComprehensivePage
                page = ComprehensivePage(self.session, key)
            elif key == PAGE_NEW_REPORT:
                page = self._report_start_page()
            elif key.startswith("reports["):
                from .report_page import ReportPage
                page = ReportPage(self.session, key, quiet=self.quiet)
            else:
                from .form_page import FormPage
                page = FormPage(self.session, key)
            if hasattr(page, "view"):
                self.views.attach(page)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def _report_start_page(self) -> QWidget:
        from model.jsonread import FormatError
        from model.outline import outlines_for
        from .report_widgets import ReportStartPage
        try:
            overall, project, problem = outlines_for("overall"), outlines_for("project"), ""
        except FormatError as error:  # a broken outline file: say so instead of offering nothing
            overall, project, problem = [], [], str(error)
        page = ReportStartPage([(o.id, o.name) for o in overall], [(o.id, o.name) for o in project],
                               bool(self.session.doc.projects), problem)
        page.create.connect(self.create_reports)
        return page

    def create_reports(self, outline: str, project_outline: str, with_projects: bool, draft: bool) -> None:
        """Make the 整体 report (and the projects' reports), drafted from the forms: two undo steps."""
        from model.report import overall_report
        from model.report_draft import create_reports, draft_all
        session = self.session
        if not session.try_edit(lambda doc: create_reports(doc, session.evaluation, projects=with_projects,
                                                           outline=outline or None,
                                                           project_outline=project_outline or None)):
            return
        if draft:
            result = draft_all(session.doc, session.evaluation)
            if result.edit is not None:
                session.apply(result.edit)
        report = overall_report(session.doc)
        if report is not None:
            self.show_page(f"reports[{report.id}]")

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

    def show_section(self, path: str) -> None:
        """A section of the 怀化 form chosen in the navigation: its page, scrolled to the section."""
        self.show_page(FORM_COMPREHENSIVE)
        page = self.pages.get(FORM_COMPREHENSIVE)
        if page is not None:
            page.select_path(path)

    def jump_to(self, finding) -> None:
        self.show_page(finding.form)
        page = self.pages.get(finding.form)
        if hasattr(page, "select_finding"):  # a report page goes to the finding's paragraph
            page.select_finding(finding)
        elif hasattr(page, "select_path"):
            page.select_path(finding.path)

    def next_finding(self, step: int = 1) -> None:
        """F8 / Shift+F8: the next (previous) item to deal with: the errors, or when none the warnings.

        Steps from the last item jumped to; when that one was fixed meanwhile, the item that took
        its place comes next, so fixing as you go skips nothing.
        """
        if self.session is None:
            return
        evaluation = self.session.evaluation
        errors = evaluation.to_fix()
        items = errors or [f for _, group in evaluation.grouped() for f in group]
        if not items:
            self.statusBar().showMessage("可以提交：审核通过，没有问题", 5000)
            return
        last = self._last_jump
        if last is not None and last[0] in items:
            index = items.index(last[0]) + step
        elif last is not None:
            index = last[1] if step > 0 else last[1] - 1
        else:
            index = 0 if step > 0 else -1
        index %= len(items)
        finding = items[index]
        self._last_jump = (finding, index)
        self.jump_to(finding)
        what = "处需处理" if errors else "个提示（已可以提交）"
        self.statusBar().showMessage(f"第 {index + 1}/{len(items)} {what}：{finding.message}", 15000)

    # --- status and title ---
    def _update_status(self) -> None:
        if self.session is None:
            return
        evaluation = self.session.evaluation
        errors, warnings = evaluation.counts()
        self.count_label.setText(f"  {evaluation.ready_text()}　提示 {warnings}  ")
        self.count_label.setStyleSheet("color: #c5221f" if errors else "color: #1e7e34")
        self.count_label.setToolTip(f"错误 {errors} 个（提交前必须处理），提示 {warnings} 个（请核对）；F8 逐一跳转")
        key = self.nav.current_key() or ""
        form = self.session.doc.comprehensive
        if key == FORM_COMPREHENSIVE and form is not None and form.score is not None:
            self.score_label.setText(f"  综合得分 {form.score.normalize():f}　等次 {evaluation.comprehensive.grade}  ")
            self.score_label.setStyleSheet("")
            self.score_label.setToolTip("")
            return
        if key not in evaluation.forms:
            self.score_label.setText("")
            self.score_label.setToolTip("")
            return
        self.score_label.setText(f"  总分 {evaluation.total_text(key)}　等次 {evaluation.grade_text(key)}  ")
        provisional = evaluation.provisional(key)
        self.score_label.setStyleSheet("color: #c5221f" if provisional else "")
        self.score_label.setToolTip("总分与等次待核，先改正：\n" + "\n".join(f.message for f in provisional)
                                    if provisional else "")

    def document_name(self) -> str:
        """The open document as the title bar and the questions name it (示例：… for an example)."""
        return f"示例：{self.example_name}" if self.example_name else self.session.display_name

    def _update_title(self) -> None:
        session = self.session
        if session is None:
            self.setWindowTitle(APP_TITLE)
            return
        unit = session.doc.unit
        name = self.document_name()
        if session.read_only:
            name += "（只读：已在另一个窗口中打开）"
        self.setWindowTitle(f"{name}[*] — {unit.name or '未命名单位'} {unit.year}年度 — {APP_TITLE}")
        self.setWindowModified(session.modified)

    # --- projects ---
    def _current_project_id(self) -> Optional[str]:
        key = self.nav.current_key() or ""
        return key[len("projects["):-1] if key.startswith("projects[") else None

    def project_command(self, name: str) -> None:
        from PySide6.QtWidgets import QInputDialog

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
                fallback = self._first_form()
                self.show_page(f"projects[{neighbour}]" if neighbour else fallback)
                self.statusBar().showMessage(f"已删除项目“{project.name}”，按 Ctrl+Z 可撤销", 8000)

    def show_help(self, anchor: str = "") -> None:
        """帮助 on ``anchor``; F1 opens it on the form being edited."""
        from model.document import form_kind
        from .help_window import HelpWindow
        if getattr(self, "help_window", None) is None:
            self.help_window = HelpWindow(self)
        if not anchor:
            key = self.nav.current_key() or ""
            try:
                anchor = f"form-{'report' if key.startswith('reports[') else form_kind(key)}" if key and key not in (
                    PAGE_UNIT, PAGE_FINDINGS) else ""
            except KeyError:
                anchor = ""
        self.help_window.show_at(anchor or None)

    def fill_special_rows(self) -> None:
        """One 本级专项资金 row for each project not yet listed (项目 menu and the 基础数据表's context menu)."""
        from model import edits
        if self.session is not None and self.commit_pending_edit():
            if self.session.try_edit(edits.fill_special_rows):
                self.show_page("basic")

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
