"""Widgets of the 自评报告 pages: one section's editor, the re-draft comparison, the page that makes reports.

They hold no data: a section editor shows the section it is given and hands what the user typed to its
page, which turns it into an edit through the session.
"""
from __future__ import annotations

import re
from typing import Optional

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFrame, QGridLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTextEdit, QToolButton, QVBoxLayout,
                               QWidget)

from model.report import ReportSection, word_count

AMBER = QColor("#fff1c2")
PROMPT_COLOR = QColor("#ffe0e0")
PROMPT = re.compile(r"【请补充[^】]*】")
IDLE_COMMIT_MS = 2000  # a pause in typing stores the text (an undo step; autosave follows)


class SectionText(QPlainTextEdit):
    """The text of a section, as tall as its content; tells when the user leaves it or pauses."""

    left = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_COMMIT_MS)
        self.idle.timeout.connect(self.left.emit)
        self.textChanged.connect(lambda: self.idle.start() if self.hasFocus() else None)

    def _fit(self) -> None:
        lines = max(2, int(self.document().size().height()))
        height = int(lines * self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 12)
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit()

    def focusOutEvent(self, event):
        self.idle.stop()
        super().focusOutEvent(event)
        self.left.emit()

    def sizeHint(self) -> QSize:
        return QSize(600, self.height())


class SectionEditor(QFrame):
    """Heading, text, draft and 上年文字 marks, word count, 沿用 and 起草本节 of one section; findings marked on
    their paragraphs."""

    textLeft = Signal(str)  # section id
    headingEdited = Signal(str, str)  # section id, text
    draftWanted = Signal(str)
    keepWanted = Signal(str)  # 沿用: keep last year's text as it is
    focused = Signal(str)

    def __init__(self, section: ReportSection, parent=None):
        super().__init__(parent)
        self.section_id = section.id
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        top = QHBoxLayout()
        self.number = QLabel()
        self.heading = QLineEdit()
        self.heading.setPlaceholderText("标题")
        self.heading.editingFinished.connect(lambda: self.headingEdited.emit(self.section_id, self.heading.text()))
        self.badge = QLabel("草稿")
        self.badge.setStyleSheet("color: #8a6100; background: #fff1c2; padding: 0 4px; border-radius: 2px;")
        self.badge.setToolTip("按各表起草的文字，尚未修改；修改后不再是草稿")
        self.carried = QLabel("上年文字")
        self.carried.setStyleSheet("color: #1a5e9a; background: #e3effa; padding: 0 4px; border-radius: 2px;")
        self.carried.setToolTip("新建下一年度时沿用的上年文字，尚未按本年度修改；修改后（或点“沿用”）不再标记")
        self.keep_button = QToolButton()
        self.keep_button.setText("沿用")
        self.keep_button.setToolTip("内容不必修改：保留上年的文字，不再标记为上年文字（可撤销）")
        self.keep_button.clicked.connect(lambda: self.keepWanted.emit(self.section_id))
        self.count = QLabel()
        self.count.setStyleSheet("color: #5f6368;")
        self.draft_button = QToolButton()
        self.draft_button.setText("起草本节")
        self.draft_button.setToolTip("按各表数据起草这一节（已有文字时先对照再决定）")
        self.draft_button.clicked.connect(lambda: self.draftWanted.emit(self.section_id))
        for widget in (self.number, self.heading, self.badge, self.carried, self.keep_button, self.count,
                       self.draft_button):
            top.addWidget(widget, 1 if widget is self.heading else 0)
        layout.addLayout(top)
        self.text = SectionText()
        self.text.left.connect(lambda: self.textLeft.emit(self.section_id))
        self.text.installEventFilter(self)
        layout.addWidget(self.text)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #8a6100;")
        self.notes.hide()
        layout.addWidget(self.notes)
        self.level = 1

    def eventFilter(self, watched, event):
        if watched is self.text and event.type() == event.Type.FocusIn:
            self.focused.emit(self.section_id)
        return super().eventFilter(watched, event)

    def show_section(self, section: ReportSection, number: str, can_draft: bool, carried: bool = False) -> None:
        """Follow the document; never while the user is typing here."""
        self.level = section.level or 1
        font = self.heading.font()
        font.setBold(self.level <= 2)
        self.heading.setFont(font)
        self.layout().setContentsMargins(24 * (self.level - 1), 6, 0, 6)
        self.number.setText(number or "（不编号）")
        if not self.heading.hasFocus() and self.heading.text() != section.heading:
            self.heading.setText(section.heading)
        if not self.text.hasFocus() and self.text.toPlainText() != section.text:
            self.text.setPlainText(section.text)
        self.badge.setVisible(section.draft and bool(section.text.strip()))
        self.carried.setVisible(carried)  # ``carried``: still last year's text (model.carried)
        self.keep_button.setVisible(carried)
        self.count.setText(f"{word_count(section.text)} 字")
        self.draft_button.setEnabled(can_draft)

    def typed(self) -> str:
        return self.text.toPlainText()

    def mark(self, notes: list[tuple[Optional[int], str]]) -> None:
        """Amber paragraphs for the findings (paragraph numbers from 1), prompt text in pink, messages below."""
        selections = []
        paragraphs = [b for b in _blocks(self.text) if b.text().strip()]
        for number, _message in notes:
            if number is not None and 0 < number <= len(paragraphs):
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(AMBER)
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.cursor = QTextCursor(paragraphs[number - 1])
                selections.append(selection)
        text = self.text.toPlainText()
        for match in PROMPT.finditer(text):
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(PROMPT_COLOR)
            selection.format = fmt
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(match.start())
            cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.text.setExtraSelections(selections)
        self.notes.setText("\n".join(f"⚠ {message}" for _, message in notes))
        self.notes.setVisible(bool(notes))

    def go_to_paragraph(self, number: Optional[int]) -> None:
        self.text.setFocus()
        if number:
            paragraphs = [b for b in _blocks(self.text) if b.text().strip()]
            if 0 < number <= len(paragraphs):
                self.text.setTextCursor(QTextCursor(paragraphs[number - 1]))


def _blocks(editor: QPlainTextEdit):
    block = editor.document().firstBlock()
    while block.isValid():
        yield block
        block = block.next()


class RedraftDialog(QDialog):
    """The user's text beside the new draft: replace it, or keep it."""

    def __init__(self, heading: str, old: str, new: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"重新起草“{heading}”")
        layout = QGridLayout(self)
        layout.addWidget(QLabel("现在的文字（您写的）"), 0, 0)
        layout.addWidget(QLabel("按各表新起草的文字"), 0, 1)
        for column, text in enumerate((old, new)):
            view = QPlainTextEdit(text)
            view.setReadOnly(True)
            view.setMinimumSize(380, 320)
            layout.addWidget(view, 1, column)
        note = QLabel("替换后仍可用“撤销”（Ctrl+Z）恢复原来的文字。")
        layout.addWidget(note, 2, 0, 1, 2)
        buttons = QDialogButtonBox()
        replace = buttons.addButton("用新起草的文字替换", QDialogButtonBox.ButtonRole.AcceptRole)
        keep = buttons.addButton("保留现在的文字", QDialogButtonBox.ButtonRole.RejectRole)
        replace.clicked.connect(self.accept)
        keep.clicked.connect(self.reject)
        keep.setDefault(True)
        layout.addWidget(buttons, 3, 0, 1, 2)


class ReportStartPage(QWidget):
    """整体支出绩效自评报告 before it exists: choose the outline(s), make the reports, draft them."""

    create = Signal(str, str, bool, bool)  # overall outline id, project outline id, with project reports, draft

    def __init__(self, outlines: list[tuple[str, str]], project_outlines: list[tuple[str, str]], has_projects: bool,
                 problem: str = "", parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        intro = QLabel("本文档还没有整体支出绩效自评报告。选择本地财政部门要求的提纲后建立报告，"
                       "程序会按各表的数据起草有数据的章节，存在的问题、改进措施等章节给出提纲，由您修改补充。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.outline = QComboBox()
        for ident, name in outlines:
            self.outline.addItem(name, ident)
        grid.addWidget(QLabel("整体报告提纲："), 0, 0)
        grid.addWidget(self.outline, 0, 1)
        self.with_projects = QCheckBox("同时为每个项目建立项目支出绩效自评报告")
        self.with_projects.setChecked(has_projects)
        self.with_projects.setEnabled(has_projects)
        grid.addWidget(self.with_projects, 1, 0, 1, 2)
        self.project_outline = QComboBox()
        for ident, name in project_outlines:
            self.project_outline.addItem(name, ident)
        grid.addWidget(QLabel("项目报告提纲："), 2, 0)
        grid.addWidget(self.project_outline, 2, 1)
        self.draft = QCheckBox("建立后按各表起草全部章节")
        self.draft.setChecked(True)
        grid.addWidget(self.draft, 3, 0, 1, 2)
        layout.addLayout(grid)
        button = QPushButton("建立自评报告")
        button.clicked.connect(self._create)
        if problem or not outlines:
            trouble = QLabel(problem or "找不到整体支出绩效自评报告的提纲（resources/outlines），请检查程序的安装。")
            trouble.setWordWrap(True)
            trouble.setStyleSheet("color: #c5221f;")
            layout.addWidget(trouble)
            button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def _create(self) -> None:
        self.create.emit(self.outline.currentData() or "", self.project_outline.currentData() or "",
                         self.with_projects.isChecked(), self.draft.isChecked())
