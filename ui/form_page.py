"""One form page of the window: the grid that looks like the paper, notes by its cells, a side panel.

Row commands (insert, delete, move, 不适用, adopt the suggestion; 专项 rows on the 基础数据表) are
model edits applied through the session, so each one is a single undo step.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from model.document import FORM_BASIC  # model.edits is imported by the commands that edit

from .form_model import FormTableModel
from .cell_note import CellNote
from .form_view import FormView
from .row_panel import RowPanel
from .session import Session


class FormPage(QWidget):
    def __init__(self, session: Session, key: str, parent=None):
        super().__init__(parent)
        self.session, self.key = session, key
        self.model = FormTableModel(session, key, self)
        self.view = FormView(self.model)
        self.banner = CellNote(self.view)  # notes float by their cell: the grid never moves under the mouse
        self.stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        self.panel = self._make_panel()
        if self.panel is not None:
            self.panel.command.connect(self.run)
            splitter.addWidget(self.panel)
            splitter.setStretchFactor(0, 1)
        layout.addWidget(splitter, 1)
        self.view.message.connect(self.banner.show_message)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.selectionModel().currentChanged.connect(self.banner.current_moved)
        self.model.modelReset.connect(self._reconnect_selection)
        session.inputRefused.connect(self._refused)
        session.documentChanged.connect(self._document_changed)
        self.actions_ = self._make_actions()

    def _make_panel(self) -> Optional[QWidget]:
        """The side panel: suggestions and 表上数 of a scored form; none for the 基础数据表."""
        return None if self.key == FORM_BASIC else RowPanel(self.session, self.key, self._fill_add_menu)

    # --- keeping up with the document ---
    def _document_changed(self, _forms) -> None:
        self.banner.hide()  # a note stays until the next edit
        try:
            gone = self.session.doc.form(self.key) is None
        except KeyError:
            gone = True
        if gone:  # the form was removed; the window drops this page
            return
        if not self.isVisible():
            self.stale = True  # refreshed when shown again: 50 hidden projects cost nothing
            return
        self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self.model.refresh()
        self._update_panel()

    def showEvent(self, event):
        if self.stale:
            self.refresh()
        super().showEvent(event)

    def _reconnect_selection(self) -> None:
        self.view.selectionModel().currentChanged.connect(self._current_changed, Qt.ConnectionType.UniqueConnection)
        self.view.selectionModel().currentChanged.connect(self.banner.current_moved, Qt.ConnectionType.UniqueConnection)

    def _current_changed(self, current: QModelIndex, _previous=None) -> None:
        self._update_panel()

    def _update_panel(self) -> None:
        if self.panel is not None:
            self.panel.update_row(self.current_row_id())

    def _refused(self, path: str, message: str) -> None:
        if self.isVisible() and (not path or path.startswith(self.key + ".") or path.startswith("unit.")):
            cell = self.model.layout.anchor_for(path) if path else None
            self.banner.show_message(message, self.model.index(cell.row, cell.col) if cell is not None else None)

    # --- where the user is ---
    def current_row_id(self) -> Optional[str]:
        index = self.view.currentIndex()
        return self.model.layout.indicator_row_id(index.row()) if index.isValid() else None

    def current_binding(self) -> Optional[str]:
        cell = self.model.cell(self.view.currentIndex())
        if cell is None and self.view.currentIndex().isValid():
            cell = self.model.layout.at(self.view.currentIndex().row(), self.view.currentIndex().column())
        return cell.binding if cell else None

    def select_path(self, path: str) -> bool:
        """Put the cursor on the cell showing ``path`` (a finding's location)."""
        if self.stale:
            self.refresh()
        cell = self.model.layout.anchor_for(path)
        if cell is None:
            return False
        self.view.go_to(self.model.index(cell.row, cell.col))
        self.view.setFocus()
        return True

    def _select_row(self, row_id: str, field: str = "name") -> None:
        self.select_path(f"{self.key}.indicators[{row_id}].{field}")

    # --- commands ---
    def _make_actions(self) -> dict[str, QAction]:
        specs = (("insert_below", "在下方插入指标行", "Ctrl+Shift+="), ("insert_above", "在上方插入指标行", None),
                 ("delete", "删除指标行", "Ctrl+-"), ("up", "指标行上移", "Alt+Up"), ("down", "指标行下移", "Alt+Down"),
                 ("toggle_na", "标记／取消不适用", "Ctrl+Shift+U"), ("adopt", "采用建议得分", "Ctrl+Shift+A"))
        result = {}
        for name, text, shortcut in specs:
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, n=name: self.run(n))
            self.view.addAction(action)
            result[name] = action
        return result

    def run(self, name: str) -> bool:
        """Carry out a row command on the current row; False with a message when it cannot."""
        from model import edits
        if not self.view.commit_editing():
            return False
        row_id = self.current_row_id()
        if self.key == FORM_BASIC:
            return self._run_basic(name)
        if row_id is None:
            self.banner.show_message("请先选中一行三级指标")
            return False
        form = self.session.doc.form(self.key)
        row = next(r for r in form.indicators if r.id == row_id)
        doc, key = self.session.doc, self.key
        if name in ("insert_above", "insert_below"):
            side = {"before": row_id} if name == "insert_above" else {"after": row_id}
            try:
                edit = edits.insert_indicator(doc, key, row.level1, row.level2, **side)
            except edits.EditError as error:
                self.banner.show_message(str(error))
                return False
            self.session.apply(edit)
            self._select_row(edit.item.id)
            return True
        if name == "delete":
            return self.session.try_edit(edits.remove_indicator, key, row_id)
        if name in ("up", "down"):
            done = self.session.try_edit(edits.move_indicator, key, row_id, -1 if name == "up" else 1)
            if done:
                self._select_row(row_id, self._current_field() or "name")
            return done
        if name == "toggle_na":
            self.session.apply(edits.set_value(doc, f"{key}.indicators[{row_id}].not_applicable",
                                               not row.not_applicable, "标记不适用" if not row.not_applicable else "取消不适用"))
            return True
        if name == "adopt":
            suggestion = self.session.evaluation.forms[key].suggestions.get(row_id)
            if suggestion is None or suggestion.score is None:
                self.banner.show_message("这一行没有可采用的建议得分")
                return False
            self.session.apply(edits.set_value(doc, f"{key}.indicators[{row_id}].score", suggestion.score,
                                               "采用建议得分"))
            return True
        return False

    def _current_field(self) -> Optional[str]:
        binding = self.current_binding()
        return binding.rsplit(".", 1)[-1] if binding else None

    def add_row(self, level1: str, level2: str) -> None:
        from model import edits
        try:
            edit = edits.insert_indicator(self.session.doc, self.key, level1, level2)
        except edits.EditError as error:
            self.banner.show_message(str(error))
            return
        self.session.apply(edit)
        self._select_row(edit.item.id)

    def _fill_add_menu(self, menu: QMenu, command=None) -> None:
        """One entry per 一级/二级指标 of the form's framework; ``command(l1, l2)`` (default: add a row)."""
        menu.clear()
        form = self.session.doc.form(self.key)
        framework = self.session.doc.framework_for(form)
        for group in framework.level1:
            sub = menu.addMenu(group.name)
            for level2 in group.level2:
                sub.addAction(level2, lambda l1=group.name, l2=level2: (command or self.add_row)(l1, l2))

    def move_row_to(self, level1: str, level2: str) -> bool:
        """Move the current row to another 类别 (a row that no longer fits its framework, or a misplaced one)."""
        from model.framework_edits import move_to_group
        row_id = self.current_row_id()
        if row_id is None or not self.view.commit_editing():
            return False
        if self.session.try_edit(move_to_group, self.key, row_id, level1, level2):
            self._select_row(row_id)
            return True
        return False

    # --- 基础数据表: 专项资金 and 上级转移支付 rows ---
    def _basic_row(self) -> tuple[Optional[str], Optional[str]]:
        from model import edits
        binding = self.current_binding() or ""
        for list_name in edits.BASIC_LISTS:
            marker = f"basic.{list_name}["
            if binding.startswith(marker):
                return list_name, binding[len(marker):].split("]", 1)[0]
        if binding.startswith("basic.transfer_total"):
            return "transfer_rows", None
        if binding.startswith("basic.special_total"):
            return "special_rows", None
        return None, None

    def _run_basic(self, name: str) -> bool:
        from model import edits
        list_name, row_id = self._basic_row()
        if list_name is None:
            self.banner.show_message("请先选中“本级专项资金”或“上级转移支付”的一行")
            return False
        doc = self.session.doc
        if name in ("insert_below", "insert_above"):
            rows = getattr(doc.basic, list_name)
            index = next((i for i, r in enumerate(rows) if r.id == row_id), len(rows) - 1)
            edit = edits.add_basic_row(doc, list_name, index=index + (name == "insert_below") if row_id else None)
            self.session.apply(edit)
            self.select_path(f"basic.{list_name}[{edit.item.id}].name")
            return True
        if row_id is None:
            self.banner.show_message("请先选中要操作的那一行")
            return False
        if name == "delete":
            return self.session.try_edit(edits.remove_basic_row, list_name, row_id)
        if name in ("up", "down"):
            return self.session.try_edit(edits.move_basic_row, list_name, row_id, -1 if name == "up" else 1)
        return False

    def fill_special_from_projects(self) -> None:
        """Add a 本级专项资金 row for each project form not yet listed, with its figures."""
        from model import edits
        if self.view.commit_editing():
            self.session.try_edit(edits.fill_special_rows)

    # --- context menu ---
    def _context_menu(self, position) -> None:
        from model import edits
        menu = QMenu(self)
        if self.key == FORM_BASIC:
            list_name, row_id = self._basic_row()
            label = edits.BASIC_LISTS.get(list_name or "", "")
            if list_name:
                menu.addAction(f"添加{label}行", lambda: self._run_basic("insert_below"))
                if row_id:
                    menu.addAction("删除这一行", lambda: self._run_basic("delete"))
                    menu.addAction("上移", lambda: self._run_basic("up"))
                    menu.addAction("下移", lambda: self._run_basic("down"))
            menu.addAction("按项目表填入本级专项资金", self.fill_special_from_projects)
        else:
            if self.current_row_id():
                for name in ("insert_above", "insert_below", "delete", "up", "down", "toggle_na", "adopt"):
                    menu.addAction(self.actions_[name])
                self._fill_add_menu(menu.addMenu("移到其他类别"), self.move_row_to)
                menu.addSeparator()
            self._fill_add_menu(menu.addMenu("添加指标行"))
            menu.addSeparator()
            form = self.session.doc.form(self.key)
            if self.key == "overall":
                verb = "删除" if form.duties is not None else "添加"
                menu.addAction(f"{verb}“部门职责”行", lambda: self.session.try_edit(edits.toggle_duties))
            else:
                verb = "删除" if form.closing is not None else "添加"
                menu.addAction(f"{verb}“评价结论、存在的问题、改进措施”行",
                               lambda: self.session.try_edit(edits.toggle_closing, form.id))
        menu.exec(self.view.viewport().mapToGlobal(position))

