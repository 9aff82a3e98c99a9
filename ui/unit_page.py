"""单位信息: who fills in the forms, for which year, and which forms the set contains."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from model import edits
from model.document import BasicDataForm

from .form_page import MessageBanner
from .session import Session

FIELDS = (("name", "单位名称", "例如 株洲市天元区征地工作协调服务中心"), ("department", "主管部门", ""),
          ("year", "年度", "例如 2024"), ("preparer", "填报人", ""), ("phone", "联系电话", ""),
          ("fill_date", "填报日期", "例如 2025年3月10日"), ("head", "单位负责人", ""))


class UnitPage(QWidget):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.banner = MessageBanner()
        layout.addWidget(self.banner)
        box = QGroupBox("单位信息（填入各表的表头和签字栏）")
        form = QFormLayout(box)
        self.editors: dict[str, QLineEdit] = {}
        for name, label, hint in FIELDS:
            editor = QLineEdit()
            editor.setPlaceholderText(hint)
            editor.editingFinished.connect(lambda n=name: self._edited(n))
            form.addRow(f"{label}：", editor)
            self.editors[name] = editor
        layout.addWidget(box)

        forms = QGroupBox("本套材料包含的表")
        forms_layout = QVBoxLayout(forms)
        self.with_basic = QCheckBox("整体支出绩效评价基础数据表")
        self.with_basic.clicked.connect(self._toggle_basic)
        forms_layout.addWidget(self.with_basic)
        self.frameworks = QLabel()
        self.frameworks.setWordWrap(True)
        forms_layout.addWidget(self.frameworks)
        layout.addWidget(forms)
        layout.addStretch(1)
        session.documentChanged.connect(lambda _forms: self.refresh())
        session.inputRefused.connect(self._refused)
        self.refresh()

    def refresh(self) -> None:
        unit = self.session.doc.unit
        for name, editor in self.editors.items():
            value = str(getattr(unit, name))
            if editor.text() != value and not editor.isModified():  # not while the user types
                editor.setText(value)
        self.with_basic.setChecked(self.session.doc.basic is not None)
        names = sorted({fw.name for fw in self.session.doc.frameworks.values()})
        self.frameworks.setText("指标体系：" + "；".join(names))

    def _edited(self, name: str) -> None:
        editor = self.editors[name]
        editor.setModified(False)
        current = str(getattr(self.session.doc.unit, name))
        if editor.text() == current:
            return
        if not self.session.set_text(f"unit.{name}", editor.text()):
            editor.setText(current)

    def _refused(self, path: str, message: str) -> None:
        if path.startswith("unit.") and self.isVisible():
            self.banner.show_message(message)

    def _toggle_basic(self, checked: bool) -> None:
        doc = self.session.doc
        if checked and doc.basic is None:
            self.session.apply(edits.set_value(doc, "basic", BasicDataForm(), "添加基础数据表"))
        elif not checked and doc.basic is not None:
            self.session.apply(edits.set_value(doc, "basic", None, "移除基础数据表"))
