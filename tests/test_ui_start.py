"""Start where the user left: the last document reopened, dialogs in the last folder, Qt's dialogs in Chinese."""
import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QFileDialog,  # noqa: E402
                               QGroupBox, QLabel, QLineEdit, QMenu, QMessageBox, QTabBar, QTreeView)

from tests.conftest import example_path  # noqa: E402
from tests.test_ui import window  # noqa: E402,F401 - the window fixture


def new_window(qtbot):
    from ui.main_window import MainWindow
    from ui.settings import Settings, config_dir
    win = MainWindow(Settings(config_dir()), config_dir(), quiet=True)
    qtbot.addWidget(win)
    return win


def test_a_restart_reopens_the_last_document(window, qtbot):
    from ui.app import load_first_document
    path = window.session.path
    window.close()
    again = new_window(qtbot)
    load_first_document(again, None, again.config)
    assert again.session.path == path and again.example_name is None


def test_a_last_document_gone_opens_the_example_and_says_so(window, qtbot):
    from ui.app import load_first_document
    path = window.session.path
    window.close()
    path.unlink()
    again = new_window(qtbot)
    load_first_document(again, None, again.config)
    assert again.example_name == "tianyuan-2024.jxzp" and again.session.path is None
    assert path.name in again.statusBar().currentMessage() and "示例" in again.statusBar().currentMessage()


def test_the_first_start_opens_the_example(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("JXZP_CONFIG_DIR", str(tmp_path / "config"))
    from ui.app import load_first_document
    win = new_window(qtbot)
    load_first_document(win, None, win.config)
    assert win.example_name == "tianyuan-2024.jxzp"


def test_the_recent_list_offers_the_example(window):
    menu = QMenu()
    window.files.fill_recent_menu(menu)
    texts = [a.text() for a in menu.actions()]
    assert any(window.session.path.name in t for t in texts) and any("示例文档" in t for t in texts)


def test_dialogs_start_in_the_last_folder_or_documents(window, tmp_path, monkeypatch):
    from ui import file_dialogs
    from ui.settings import default_folder
    seen = []

    def fake_save(parent, title, start, filters):
        seen.append(start)
        return str(tmp_path / "elsewhere" / "新.jxzp"), ""
    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName", fake_save)
    monkeypatch.setattr(file_dialogs.QFileDialog, "getExistingDirectory", lambda p, t, start: seen.append(start) or "")
    window.settings.last_folder = str(tmp_path / "gone")  # a folder since removed: 文档 instead
    assert file_dialogs.start_folder(window) == Path(default_folder())
    (tmp_path / "elsewhere").mkdir()
    window.files.open_path(example_path("lukou-2023"))  # an example: no folder of its own
    window.files.save_as()
    assert Path(seen[-1]).parent == Path(default_folder())
    assert window.settings.last_folder == str(tmp_path / "elsewhere")  # remembered
    window.exports.export(["pdf"])
    assert seen[-1] == str(tmp_path / "elsewhere")


ALLOWED = {"PDF", "Ctrl", "Shift", "Alt", "Del", "Delete", "Ins", "Backspace", "A4", "JIS", "ANSI", "DL"}


def texts(widget):
    out = [widget.windowTitle()]
    out += [x.text() for x in widget.findChildren(QLabel)]
    for button in widget.findChildren(QAbstractButton):
        out += [button.text(), button.toolTip()]
    for box in widget.findChildren(QComboBox):
        out += [box.itemText(i) for i in range(box.count())]
    for action in widget.findChildren(QAction):
        out += [action.text(), action.toolTip()]
    out += [x.title() for x in widget.findChildren(QGroupBox)]
    for bar in widget.findChildren(QTabBar):
        out += [bar.tabText(i) for i in range(bar.count())]
    out += [x.placeholderText() for x in widget.findChildren(QLineEdit)]
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            out += [str(model.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(model.columnCount())]
    return out


@pytest.fixture
def chinese_app(qapp):
    from ui.app import create_app
    return create_app()  # installs the translations, as the app's start does


def english(items, folder):
    found = set()
    for text in items:
        text = (text or "").replace(str(folder), "").replace("&", "")
        text = re.sub(r"\(\*\.[^)]*\)|\*\.\w+|\t.*$|\(\*\)", "", text)
        words = set(re.findall(r"[A-Za-z]{2,}", text)) - ALLOWED
        if words:
            found.add(text)
    return sorted(found)


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_qts_file_dialog_is_all_chinese(chinese_app, window, qtbot, tmp_path, mode):
    """The non-native dialog (Linux without a desktop's own) has every label, button and tip in Chinese."""
    from ui.file_ops import FILE_FILTER
    (tmp_path / "去年的表").mkdir()  # the list's 类型 column: a folder, a document, a text file
    shutil.copy(example_path("lukou-2023"), tmp_path / "路口.jxzp")
    (tmp_path / "说明.txt").write_text("说明", encoding="utf-8")
    dialog = QFileDialog(window, "打开", str(tmp_path), "所有文件 (*)" if mode == "open" else FILE_FILTER)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.show()
    view = dialog.findChild(QTreeView)
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) >= (1 if mode == "folder" else 3))
    labels = texts(dialog)
    model, root = view.model(), view.rootIndex()
    for row in range(model.rowCount(root)):  # type and date (names are the user's; sizes follow the
        labels += [str(model.data(model.index(row, column, root)) or "") for column in (2, 3)]  # system locale)
    assert any("查找范围" in t for t in labels) and any("文件类型" in t for t in labels) or mode == "folder"
    assert english(labels, tmp_path) == []
    dialog.close()


def test_qts_print_dialogs_and_message_buttons_are_chinese(chinese_app, window, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
    printer = QPrinter()
    for dialog in (QPrintDialog(printer, window), QPrintPreviewDialog(printer, window)):
        dialog.show()
        QApplication.processEvents()
        assert english(texts(dialog), tmp_path) == [], type(dialog).__name__
        dialog.close()
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "问题", "内容", buttons.Save | buttons.Discard | buttons.Cancel
                      | buttons.Yes | buttons.No | buttons.Ok | buttons.Close | buttons.Retry | buttons.Abort, window)
    box.show()
    assert english(texts(box), tmp_path) == []
    box.close()
    from PySide6.QtWidgets import QPlainTextEdit
    editors = [QLineEdit(window), QPlainTextEdit(window)]  # the right-click menus of every text box
    for editor in editors:
        assert english([a.text() for a in editor.createStandardContextMenu().actions()], tmp_path) == []


def test_the_supplement_answers_only_what_it_knows(chinese_app):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QPageSize
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："  # Qt's own catalogue
    page = QPageSize(QPageSize.PageSizeId.A4)  # an untranslated text keeps its own (it once turned to "")
    assert page.isValid() and page.name() == "A4"
    assert QCoreApplication.translate("无此处", "No such text") == "No such text"


def test_a_broken_supplement_leaves_qts_catalogue(tmp_path, monkeypatch):
    from ui import translations
    broken = tmp_path / "translations"
    broken.mkdir()
    (broken / "qt_zh_CN_supplement.json").write_text("{不是 JSON", encoding="utf-8")
    monkeypatch.setattr(translations, "resource_dir", lambda *parts: tmp_path.joinpath(*parts))
    assert translations.load_supplement() == {}


def test_the_save_question_names_the_example_as_the_title_does(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    asked = []
    monkeypatch.setattr("ui.file_ops.ask_save_changes",
                        lambda _w, name: asked.append(name) or QMessageBox.StandardButton.Cancel)
    assert window.files.open_path(example_path("lukou-2023"))
    window.session.set_text("unit.name", "改过的单位")
    assert not window.files.maybe_save()
    assert asked == ["示例：lukou-2023.jxzp"] and asked[0] in window.windowTitle()
