"""Menus, toolbar and shortcuts of the main window, declared in one place."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from .view_ops import short_screen

if TYPE_CHECKING:
    from .main_window import MainWindow

def _label(item: QAction, verb: str, text: str) -> None:
    if shiboken6.isValid(item):  # the window may be closing
        item.setText(f"{verb}“{text}”" if text else verb)


def _about(window: "MainWindow") -> None:
    from .about import show_about  # on first use: the dialog is rarely opened
    show_about(window)


def _form_command(window: "MainWindow", name: str) -> Callable[[], None]:
    def run() -> None:
        page = window.current_form_page()
        if page is None:
            window.statusBar().showMessage("请先打开一张表", 5000)
            return
        page.run(name)
    return run


def _view_command(window: "MainWindow", name: str) -> Callable[[], None]:
    def run() -> None:
        page = window.current_form_page()
        if page is not None:
            getattr(page.view, name)()
    return run


def build_menus(window: "MainWindow") -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    style = window.style()

    def action(key: str, text: str, slot: Callable, shortcut=None, icon=None, tip: str = "") -> QAction:
        item = QAction(text, window)
        if shortcut is not None:
            item.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if icon is not None:
            item.setIcon(style.standardIcon(icon))
        if tip:
            item.setStatusTip(tip)
        item.triggered.connect(lambda _=False: slot())
        actions[key] = item
        return item

    # The controllers are reached through the window when a command runs: their modules (and the
    # dialogs they use) are imported on first use, not before the first paint.
    bar = window.menuBar()
    menu = bar.addMenu("文件(&F)")
    menu.addAction(action("new", "新建…", lambda: window.files.new(), QKeySequence.StandardKey.New, QStyle.StandardPixmap.SP_FileIcon))
    menu.addAction(action("open", "打开…", lambda: window.files.open(), QKeySequence.StandardKey.Open,
                          QStyle.StandardPixmap.SP_DialogOpenButton))
    recent = menu.addMenu("最近打开")
    recent.aboutToShow.connect(lambda: window.files.fill_recent_menu(recent))
    menu.addAction(action("save", "保存", lambda: window.files.save(), QKeySequence.StandardKey.Save,
                          QStyle.StandardPixmap.SP_DialogSaveButton))
    menu.addAction(action("save_as", "另存为…", lambda: window.files.save_as(), "Ctrl+Shift+S"))
    menu.addSeparator()
    menu.addAction(action("import", "导入 Excel／Word 表格…", lambda: window.years.import_files(),
                          tip="读取已填好的绩效自评表（如去年的表），作为新文档打开"))
    menu.addAction(action("new_year", "新建下一年度…", lambda: window.years.new_year(),
                          tip="以当前文档为起点建立下一年度：沿用项目和指标，清空完成值、得分和资金数"))
    menu.addSeparator()
    menu.addAction(action("export_xlsx", "导出 Excel…", lambda: window.exports.export(["xlsx"])))
    menu.addAction(action("export_docx", "导出 Word…", lambda: window.exports.export(["docx"])))
    menu.addAction(action("export_pdf", "导出 PDF…", lambda: window.exports.export(["pdf"])))
    menu.addAction(action("export_all", "全部导出（Excel、Word、PDF）…", lambda: window.exports.export(["xlsx", "docx", "pdf"]),
                          "Ctrl+E", QStyle.StandardPixmap.SP_DialogApplyButton))
    menu.addSeparator()
    menu.addAction(action("preview", "打印预览…", lambda: window.exports.print_preview(), "Ctrl+Shift+P",
                          QStyle.StandardPixmap.SP_FileDialogContentsView))
    menu.addAction(action("print", "打印…", lambda: window.exports.print_(), QKeySequence.StandardKey.Print))
    menu.addSeparator()
    menu.addAction(action("quit", "退出", window.close, "Ctrl+Q"))  # StandardKey.Quit is empty on Windows

    menu = bar.addMenu("编辑(&E)")
    undo = action("undo", "撤销", window.undo, QKeySequence.StandardKey.Undo, QStyle.StandardPixmap.SP_ArrowBack)
    redo = action("redo", "重做", window.redo, [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")],
                  QStyle.StandardPixmap.SP_ArrowForward)
    group = window.undo_group  # the texts and states follow the open document's undo stack
    undo.setEnabled(False)
    redo.setEnabled(False)
    group.canUndoChanged.connect(undo.setEnabled)
    group.canRedoChanged.connect(redo.setEnabled)
    group.undoTextChanged.connect(lambda text: _label(undo, "撤销", text))
    group.redoTextChanged.connect(lambda text: _label(redo, "重做", text))
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()
    for key, text, name in (("copy", "复制", "copy_selection"), ("paste", "粘贴", "paste"),
                            ("clear", "清除内容", "clear_selection")):
        item = action(key, text, _view_command(window, name))
        item.setStatusTip({"copy": "Ctrl+C", "paste": "Ctrl+V（可粘贴从 Excel／WPS 复制的区域）",
                           "clear": "Delete；Ctrl+X 剪切"}[key])
        menu.addAction(item)
    menu.addSeparator()
    for key, text in (("insert_below", "在下方插入指标行　Ctrl+Shift+="), ("insert_above", "在上方插入指标行"),
                      ("delete", "删除指标行　Ctrl+-"), ("up", "指标行上移　Alt+↑"), ("down", "指标行下移　Alt+↓"),
                      ("toggle_na", "标记／取消不适用　Ctrl+Shift+U"), ("adopt", "采用建议得分　Ctrl+Shift+A")):
        menu.addAction(action(f"row_{key}", text, _form_command(window, key)))

    menu = bar.addMenu("视图(&V)")
    views = window.views
    menu.addAction(action("zoom_in", "放大", lambda: views.step(1), [QKeySequence("Ctrl+Alt+="), QKeySequence("Ctrl+Alt++")],
                          tip="放大表格（也可按住 Ctrl 滚动鼠标滚轮）"))
    menu.addAction(action("zoom_out", "缩小", lambda: views.step(-1), "Ctrl+Alt+-"))
    menu.addAction(action("zoom_100", "实际大小（100%）", views.actual_size, "Ctrl+Alt+0"))
    menu.addAction(action("zoom_fit", "适合宽度", views.fit_width, tip="缩放到表格正好占满窗口的宽度"))
    menu.addSeparator()
    panel = action("side_panel", "显示右侧面板（建议得分、表上数）",
                   lambda: views.set_side_panel(actions["side_panel"].isChecked()))
    panel.setCheckable(True)
    panel.setChecked(views.side_panel_shown())
    menu.addAction(panel)

    menu = bar.addMenu("项目(&P)")
    for key, text in (("add", "添加项目…"), ("duplicate", "复制项目"), ("rename", "项目改名…"), ("up", "上移"),
                      ("down", "下移"), ("delete", "删除项目"), ("closing", "添加／删除“评价结论、存在的问题、改进措施”行")):
        menu.addAction(action(f"project_{key}", text, lambda k=key: window.project_command(k)))
    menu.addSeparator()
    menu.addAction(action("fill_special_rows", "按项目表填入基础数据表的本级专项资金", window.fill_special_rows,
                          tip="为尚未列入的每个项目添加一行，带项目表的全年预算数和执行数"))
    auto = action("auto_special_rows", "添加、改名、删除项目时自动同步基础数据表",
                  lambda: setattr(window.settings, "auto_special_rows", actions["auto_special_rows"].isChecked()))
    auto.setCheckable(True)
    auto.setChecked(window.settings.auto_special_rows)
    menu.addAction(auto)

    menu = bar.addMenu("指标体系(&K)")
    menu.addAction(action("framework_change", "更换指标体系…", lambda: window.frameworks.change(),
                          tip="本表或全部表改用另一个指标体系，各行按一级／二级指标名称对应（可撤销）"))
    menu.addAction(action("framework_edit", "编辑本表指标体系…", lambda: window.frameworks.edit(),
                          tip="一级指标及分值（或各行自定分值）、二级指标、资金执行分值、等次、超额完成与封顶规则"))
    menu.addSeparator()
    menu.addAction(action("framework_import", "导入指标体系文件…", lambda: window.frameworks.import_file(),
                          tip="读取财政局下发的指标体系文件（.json），用于本文档的表"))
    menu.addAction(action("framework_export", "导出本表指标体系…", lambda: window.frameworks.export(),
                          tip="把本表的指标体系存为文件，可发给其他单位导入"))

    menu = bar.addMenu("审核(&C)")
    menu.addAction(action("next_finding", "下一个问题", lambda: window.next_finding(1), "F8"))
    menu.addAction(action("previous_finding", "上一个问题", lambda: window.next_finding(-1), "Shift+F8"))
    menu.addAction(window.dock.toggleViewAction())
    window.dock.toggleViewAction().setText("显示审核窗格")

    menu = bar.addMenu("帮助(&H)")
    menu.addAction(action("help", "使用帮助", lambda: window.show_help(), QKeySequence.StandardKey.HelpContents,
                          tip="各张表、颜色、快捷键、计分规则和每一条审核的说明（F1 打开当前表的说明）"))
    menu.addAction(action("about", "关于", lambda: _about(window)))

    if short_screen(window):  # a 1366×768 laptop: the icons beside the menus, the rows matter more
        toolbar = QToolBar("常用", window)
        toolbar.setIconSize(QSize(18, 18))
        bar.setCornerWidget(toolbar, Qt.Corner.TopRightCorner)
    else:
        toolbar = window.addToolBar("常用")
    toolbar.setObjectName("mainToolbar")
    for key in ("new", "open", "save", "undo", "redo", "export_all", "preview"):
        toolbar.addAction(actions[key])
    return actions
