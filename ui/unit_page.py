"""单位信息: who fills in the forms, for which year, which forms the set contains, and how this unit's paper
forms word the rows that vary between bureaus."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QScrollArea,
                               QVBoxLayout, QWidget)

from model import comprehensive_edits, edits
from model.document import BasicDataForm, Labels, UnitInfo
from model.registry import FieldKind, specs

from .banner import MessageBanner
from .field_editors import BoundField, bound_fields
from .session import Session

# 表格文字 shown in two columns: the texts, then the switches and the 附件 numbers
_LABEL_TEXTS = [name for name, spec in specs(Labels) if spec.kind is FieldKind.TEXT]
_LABEL_OPTIONS = [name for name, spec in specs(Labels) if spec.kind is not FieldKind.TEXT]


def frameworks_text(doc) -> str:
    """指标体系：which framework each form uses (several when the forms differ), and where to change it."""
    from model.document import form_title
    from model.framework_edits import framework_references
    numbers = {f"projects[{p.id}]": number for number, p in enumerate(doc.projects, start=1)}
    users: dict[str, list[str]] = {}
    for path, ident in framework_references(doc):
        key = path.split(".", 1)[0]
        name = "整体自评表" if key == "overall" else f"项目{numbers[key]}" if key in numbers else form_title(doc, key)
        users.setdefault(ident, []).append(name)
    hint = "（更换、修改、导入或导出：菜单“指标体系”）"
    if len(users) <= 1:
        return "指标体系：" + "；".join(doc.frameworks[ident].name for ident in users) + hint
    parts = [f"{doc.frameworks[ident].name}（{'、'.join(forms)}）" for ident, forms in users.items()]
    return "指标体系：" + "；".join(parts) + hint


class UnitPage(QScrollArea):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        self.banner = MessageBanner()
        layout.addWidget(self.banner)

        box = QGroupBox("单位信息（填入各表的表头和签字栏）")
        form = QFormLayout(box)
        unit_fields = bound_fields(session, [f"unit.{name}" for name, _ in specs(UnitInfo)], form.addRow)
        self.editors = {path.split(".", 1)[1]: field.widget for path, field in unit_fields.items()}
        layout.addWidget(box)

        forms = QGroupBox("本套材料包含的表")
        forms_layout = QVBoxLayout(forms)
        self.with_basic = QCheckBox("整体支出绩效评价基础数据表")
        self.with_basic.clicked.connect(self._toggle_basic)
        forms_layout.addWidget(self.with_basic)
        self.with_duties = QCheckBox("部门整体支出绩效自评表印“部门职责”行（如岳麓区的表）")
        self.with_duties.clicked.connect(self._toggle_duties)
        forms_layout.addWidget(self.with_duties)
        self.with_comprehensive = QCheckBox("部门（单位）整体支出绩效自评表（怀化综合表，含基本概况、收支情况、评价人员）")
        self.with_comprehensive.clicked.connect(self._toggle_comprehensive)
        forms_layout.addWidget(self.with_comprehensive)
        self.frameworks = QLabel()
        self.frameworks.setWordWrap(True)
        forms_layout.addWidget(self.frameworks)
        layout.addWidget(forms)

        wording = QGroupBox("表格文字（按本单位拿到的纸质表填写；可从下拉中选，也可直接输入）")
        columns = QHBoxLayout(wording)
        texts, options = QFormLayout(), QGridLayout()
        label_fields = bound_fields(session, [f"labels.{name}" for name in _LABEL_TEXTS], texts.addRow)

        def add_option(label: str, widget: QWidget) -> None:
            row = options.rowCount()
            if label:
                options.addWidget(QLabel(label), row, 0)
                options.addWidget(widget, row, 1)
            else:
                options.addWidget(widget, row, 0, 1, 2)

        label_fields |= bound_fields(session, [f"labels.{name}" for name in _LABEL_OPTIONS], add_option)
        hint = QLabel("附件号留空时按打印顺序自动编号，填 0 表示不印“附件”行。")
        hint.setWordWrap(True)
        options.addWidget(hint, options.rowCount(), 0, 1, 2)
        columns.addLayout(texts, 3)
        columns.addLayout(options, 2)
        layout.addWidget(wording)
        layout.addStretch(1)
        self.fields: dict[str, BoundField] = unit_fields | label_fields
        session.documentChanged.connect(lambda _forms: self.refresh())
        session.inputRefused.connect(self._refused)
        self.refresh()

    def refresh(self) -> None:
        for field in self.fields.values():
            field.refresh()
        doc = self.session.doc
        self.with_basic.setChecked(doc.basic is not None)
        self.with_duties.setEnabled(doc.overall is not None)
        self.with_duties.setChecked(doc.overall is not None and doc.overall.duties is not None)
        self.with_comprehensive.setChecked(doc.comprehensive is not None)
        self.frameworks.setText(frameworks_text(doc))

    def _refused(self, path: str, message: str) -> None:
        if path.startswith(("unit.", "labels.")) and self.isVisible():
            self.banner.show_message(message)

    def _toggle_basic(self, checked: bool) -> None:
        doc = self.session.doc
        if checked and doc.basic is None:
            self.session.apply(edits.set_value(doc, "basic", BasicDataForm(), "添加基础数据表"))
        elif not checked and doc.basic is not None:
            self.session.apply(edits.set_value(doc, "basic", None, "移除基础数据表"))

    def _toggle_comprehensive(self, checked: bool) -> None:
        if (self.session.doc.comprehensive is not None) != checked:
            self.session.try_edit(comprehensive_edits.toggle_form)
        self.refresh()

    def _toggle_duties(self, checked: bool) -> None:
        if self.session.doc.overall is not None and (self.session.doc.overall.duties is not None) != checked:
            self.session.try_edit(edits.toggle_duties)
