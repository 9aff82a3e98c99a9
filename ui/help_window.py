"""帮助: one non-modal window showing model.help's pages, opened on the current form (F1) or on a check."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

if TYPE_CHECKING:
    from .main_window import MainWindow

GRID_KEYS = (("方向键", "在格间移动"), ("Tab／回车", "到下一个可填的格"), ("直接输入", "覆盖原内容"),
             ("F2 或双击", "在原内容后修改"), ("Alt+回车", "长文字格中换行"), ("Esc", "放弃正在输入的内容"),
             ("Delete", "清除所选的格"), ("Ctrl+C／Ctrl+X／Ctrl+V", "复制、剪切、粘贴，可与 Excel、WPS 互相粘贴整块区域"))


def window_keys(window: "MainWindow") -> tuple[tuple[str, str], ...]:
    """The window's own shortcuts, read from its actions (so the help lists what really works)."""
    keys = []
    for action in window.actions_.values():
        shortcut = action.shortcut()
        if not shortcut.isEmpty():
            keys.append((shortcut.toString(QKeySequence.SequenceFormat.NativeText),
                         action.text().split("\u3000")[0].replace("&", "")))
    return GRID_KEYS + tuple(keys)


class HelpWindow(QDialog):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("帮助 — 绩效自评填报")
        self.resize(760, 820)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        layout.addWidget(self.browser)

    def show_at(self, anchor: Optional[str] = None) -> None:
        from model.help import help_html
        framework = self._framework()
        self.browser.setHtml(help_html(framework, window_keys(self.window_)))
        if anchor:
            self.browser.scrollToAnchor(anchor)
        self.show()
        self.raise_()

    def _framework(self):
        session = self.window_.session
        if session is None:
            return None
        key = self.window_.nav.current_key() or ""
        try:
            form = session.doc.form(key)
        except KeyError:
            form = None
        form = form if hasattr(form, "framework_id") else (session.doc.overall or next(iter(session.doc.projects), None))
        return session.doc.frameworks.get(form.framework_id) if form is not None else None
