"""A 自评报告 page: the outline at the side, every section's editor in one scrolling column, the commands.

Every change is a model edit applied through the session (model.report_edits, model.report_draft), so undo,
redo and autosave cover the reports as they cover the forms. Findings about the report are marked on their
paragraph; re-drafting a section the user wrote first shows the two texts side by side.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QScrollArea, QSplitter, QVBoxLayout, QWidget)

from model import edits
from model.carried import carried_paths
from model.outline import find_outline
from model.parsing import ParseError
from model.report import (PROJECT, find_report, level_of, project_report, report_id_of, section_numbers, section_path,
                          word_count)
from model.report_draft import create_reports, draft_all, draft_section, remove_report, section_draft
from model.report_edits import (add_section, change_level, keep_section_text, move_section, remove_section,
                                set_section_text)

from .banner import MessageBanner
from .field_editors import bound_fields
from .report_widgets import RedraftDialog, SectionEditor
from .row_panel import command_buttons
from .session import Session

IdRole = Qt.ItemDataRole.UserRole + 1
COMMANDS = (("draft_all", "全部起草", "按各表起草空白的和仍是草稿的章节；您写过的章节不变"),
            ("add", "添加一节", "在当前节（及其下级）之后添加同级的一节"),
            ("add_child", "添加下级", "在当前节下添加第一个下级节"),
            ("remove", "删除本节", "删除当前节及其下级（可撤销）"),
            ("up", "上移", "与上一个同级节交换位置"), ("down", "下移", "与下一个同级节交换位置"),
            ("outdent", "升级", "提升一级（（一）→ 一、）"), ("indent", "降级", "降低一级（一、→（一））"),
            ("project_reports", "建立项目报告", "为还没有报告的项目建立项目支出绩效自评报告"),
            ("remove_report", "删除报告", "删除整份报告（可撤销）"))


def _section_of(path: str) -> str:
    """The id of the section a path of the report is about; "" for its title or the report as a whole."""
    return path.split(".sections[", 1)[1].split("]", 1)[0] if ".sections[" in path else ""


class ReportPage(QWidget):
    def __init__(self, session: Session, key: str, parent=None, quiet: bool = False):
        super().__init__(parent)
        self.session, self.key, self.quiet = session, key, quiet
        self.report_id = report_id_of(key)
        self.stale = False
        self.current: Optional[str] = None  # section id the user is in
        self.editors: dict[str, SectionEditor] = {}
        self._shape: tuple = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.banner = MessageBanner()
        layout.addWidget(self.banner)
        header = QFormLayout()
        self.fields = bound_fields(session, [f"{key}.title", f"{key}.subtitle", f"{key}.attachment"], header.addRow)
        self.summary = QLabel()
        header.addRow("", self.summary)
        self.title_notes = QLabel()  # findings about the title (unit name, year) or the report as a whole
        self.title_notes.setWordWrap(True)
        self.title_notes.setStyleSheet("color: #8a6100;")
        header.addRow("", self.title_notes)
        layout.addLayout(header)
        bar = QHBoxLayout()
        self.buttons = command_buttons(COMMANDS, self.command, bar)
        bar.addStretch(1)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.outline = QListWidget()
        self.outline.setMinimumWidth(200)
        self.outline.itemClicked.connect(lambda item: self.select_section(item.data(IdRole)))
        splitter.addWidget(self.outline)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.column = QWidget()
        self.column_layout = QVBoxLayout(self.column)
        self.column_layout.addStretch(1)
        self.scroll.setWidget(self.column)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 900])
        layout.addWidget(splitter, 1)
        session.documentChanged.connect(self._document_changed)
        session.inputRefused.connect(self._refused)
        self.refresh()

    # --- the report ---
    def report(self):
        try:
            return find_report(self.session.doc, self.report_id)
        except KeyError:
            return None

    def _document_changed(self, _forms) -> None:
        if self.report() is None:
            return  # removed: the window drops this page
        if not self.isVisible():
            self.stale = True
            return
        self.refresh()

    def showEvent(self, event):
        if self.stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        report = self.report()
        if report is None:
            return
        self.stale = False
        for field in self.fields.values():
            field.refresh()
        shape = tuple((s.id, level_of(s)) for s in report.sections)
        if shape != self._shape:
            self._rebuild(report)
            self._shape = shape
        outline = find_outline(report.outline)
        numbers = section_numbers(report.sections)
        notes = self._notes()
        carried = carried_paths(self.session.doc)
        carried_count = 0
        general = notes.pop("", [])
        self.title_notes.setText("\n".join(f"⚠ {message}" for _, message in general))
        self.title_notes.setVisible(bool(general))
        self.outline.blockSignals(True)
        for row, (section, number) in enumerate(zip(report.sections, numbers)):
            editor = self.editors[section.id]
            can = outline is not None and outline.section(section.key) is not None and bool(
                outline.section(section.key).template)
            last_year = section_path(self.report_id, section.id) in carried
            carried_count += last_year
            editor.show_section(section, number, can, last_year)
            editor.mark(notes.get(section.id, []))
            item = self.outline.item(row)
            marks = ("　⚠" if notes.get(section.id) else "") + ("　草稿" if section.draft and section.text.strip() else "")
            marks += "　上年" if last_year else ""
            item.setText(f"{'　' * (level_of(section) - 1)}{number}{section.heading}{marks}")
            item.setForeground(QBrush(QColor("#8a6100" if notes.get(section.id) else "#202124")))
        self.outline.blockSignals(False)
        total = sum(word_count(s.text) for s in report.sections)
        drafts = sum(1 for s in report.sections if s.draft and s.text.strip())
        name = outline.name if outline else f"提纲“{report.outline}”（本机没有，不能起草）"
        self.summary.setText(f"提纲：{name}　全文 {total} 字" + (f"　草稿 {drafts} 节" if drafts else "")
                             + (f"　上年文字 {carried_count} 节" if carried_count else ""))
        doc = self.session.doc
        missing = [p for p in doc.projects if project_report(doc, p.id) is None]
        self.buttons["project_reports"].setVisible(report.kind != PROJECT and bool(missing))

    def _rebuild(self, report) -> None:
        for editor in self.editors.values():
            editor.setParent(None)
            editor.deleteLater()
        self.editors = {}
        self.outline.clear()
        for index, section in enumerate(report.sections):
            editor = SectionEditor(section)
            editor.textLeft.connect(self._text_left)
            editor.headingEdited.connect(self._heading_edited)
            editor.draftWanted.connect(self.draft_one)
            editor.keepWanted.connect(self.keep_one)
            editor.focused.connect(self._focused)
            self.column_layout.insertWidget(index, editor)
            self.editors[section.id] = editor
            item = QListWidgetItem()
            item.setData(IdRole, section.id)
            self.outline.addItem(item)

    def _notes(self) -> dict[str, list[tuple[Optional[int], str]]]:
        """Findings of this report by section id ("" for the title): (paragraph, message without the report's name)."""
        evaluation = self.session.evaluation
        result: dict[str, list] = {}
        for finding in evaluation.findings_for(self.key):
            section = _section_of(finding.path)
            message = finding.message.split("：", 1)[-1]
            result.setdefault(section, []).append((evaluation.report_paragraphs.get(finding), message))
        return result

    # --- typing ---
    def _focused(self, section_id: str) -> None:
        self.current = section_id
        for row in range(self.outline.count()):
            if self.outline.item(row).data(IdRole) == section_id:
                self.outline.setCurrentRow(row)

    def _text_left(self, section_id: str) -> None:
        self.commit(section_id)

    def commit(self, section_id: str) -> bool:
        """Store the text typed into a section (an undo step); False when refused (too long)."""
        report, editor = self.report(), self.editors.get(section_id)
        if report is None or editor is None:
            return True
        section = next((s for s in report.sections if s.id == section_id), None)
        if section is None or editor.typed() == section.text:
            return True
        try:
            edit = set_section_text(self.session.doc, self.report_id, section_id, editor.typed())
        except (ParseError, edits.EditError) as error:
            self.banner.show_message(str(error))
            return False
        self.session.apply(edit)
        return True

    def commit_all(self) -> bool:
        return all(self.commit(section_id) for section_id in list(self.editors))

    def _heading_edited(self, section_id: str, text: str) -> None:
        path = f"{self.key}.sections[{section_id}].heading"
        if self.report() is not None and any(s.id == section_id and s.heading != text for s in self.report().sections):
            self.session.set_text(path, text.strip())

    def _refused(self, path: str, message: str) -> None:
        if self.isVisible() and (not path or path.startswith(self.key)):
            self.banner.show_message(message)

    # --- where the user is ---
    def select_section(self, section_id: Optional[str], paragraph: Optional[int] = None) -> bool:
        editor = self.editors.get(section_id or "")
        if editor is None:
            return False
        self.scroll.ensureWidgetVisible(editor, 0, 40)
        editor.go_to_paragraph(paragraph)
        QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(editor, 0, 40))
        self._focused(section_id)
        return True

    def select_path(self, path: str) -> bool:
        """Go to the section a finding or an undo is about, on the finding's paragraph."""
        if self.stale:
            self.refresh()
        if ".sections[" not in path:
            self.fields[f"{self.key}.title"].widget.setFocus()
            return True
        section_id = _section_of(path)
        evaluation = self.session.evaluation
        paragraph = next((evaluation.report_paragraphs.get(f) for f in evaluation.findings_for(self.key)
                          if f.path == path and f in evaluation.report_paragraphs), None)
        return self.select_section(section_id, paragraph)

    def select_finding(self, finding) -> bool:
        if self.stale:
            self.refresh()
        if ".sections[" not in finding.path:
            return self.select_path(finding.path)
        return self.select_section(_section_of(finding.path), self.session.evaluation.report_paragraphs.get(finding))

    # --- commands ---
    def command(self, name: str) -> bool:
        if not self.commit_all():
            return False
        doc, current = self.session.doc, self.current
        if name == "draft_all":
            return self.draft_everything()
        if name == "project_reports":
            return self.session.try_edit(lambda d: create_reports(d, self.session.evaluation, overall=False))
        if name == "remove_report":
            if not self.quiet and QMessageBox.question(
                    self, "删除报告", "删除整份报告？删除后可用“撤销”恢复。") != QMessageBox.StandardButton.Yes:
                return False
            return self.session.try_edit(remove_report, self.report_id)
        if name in ("add", "add_child"):
            try:
                edit = add_section(doc, self.report_id, current, child=name == "add_child")
            except edits.EditError as error:
                self.banner.show_message(str(error))
                return False
            self.session.apply(edit)
            self.select_section(edit.item.id)
            editor = self.editors.get(edit.item.id)
            if editor is not None:
                editor.heading.setFocus()
                editor.heading.selectAll()
            return True
        if current is None:
            self.banner.show_message("请先点选一节")
            return False
        builders = {"remove": (remove_section,), "up": (move_section, -1), "down": (move_section, 1),
                    "indent": (change_level, 1), "outdent": (change_level, -1)}
        build, *extra = builders[name]
        done = self.session.try_edit(build, self.report_id, current, *extra)
        if done and name != "remove":
            self.select_section(current)
        return done

    def draft_everything(self) -> bool:
        result = draft_all(self.session.doc, self.session.evaluation, [self.report_id])
        if result.edit is not None:
            self.session.apply(result.edit)
        kept = f"；{len(result.kept)} 节已有您写的文字，未改动（可逐节点“起草本节”）" if result.kept else ""
        self.banner.show_message(f"已起草 {result.drafted} 节{kept}")
        return result.edit is not None

    def draft_one(self, section_id: str) -> bool:
        if not self.commit(section_id):
            return False
        report = self.report()
        section = next(s for s in report.sections if s.id == section_id)
        new = section_draft(self.session.doc, self.session.evaluation, report, section)
        if new is None:
            self.banner.show_message(f"“{section.heading}”没有起草模板，请直接填写")
            return False
        if section.text.strip() and not section.draft and section.text != new and not self.confirm_replace(
                section.heading, section.text, new):
            return False
        return self.session.try_edit(lambda d: draft_section(d, self.session.evaluation, self.report_id, section_id))

    def keep_one(self, section_id: str) -> bool:
        """沿用: last year's text stays as it is and is no longer marked (undoable)."""
        if not self.commit(section_id):
            return False
        return self.session.try_edit(keep_section_text, self.report_id, section_id)

    def confirm_replace(self, heading: str, old: str, new: str) -> bool:
        """The user's text beside the new draft; True to replace (tests replace this)."""
        if self.quiet:
            return False
        return RedraftDialog(heading, old, new, self).exec() == RedraftDialog.DialogCode.Accepted
