"""导出 (Excel, Word, PDF, 全部), 打印预览 and 打印 from the window."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from . import file_dialogs
from .dialogs import ask_yes_no
from .failures import report

if TYPE_CHECKING:
    from .main_window import MainWindow


class ExportController:
    def __init__(self, window: "MainWindow"):
        self.window = window

    def _errors_ok(self, what: str) -> bool:
        """A careful accountant hears about errors before handing out a file."""
        if not self.window.commit_pending_edit():
            return False
        errors, _ = self.window.session.evaluation.counts()
        if not errors:
            return True
        return ask_yes_no(self.window, what, f"审核发现 {errors} 个错误（如分值合计不是 100）。仍要{what}吗？",
                          f"仍要{what}", "先去修改")

    def export(self, formats: list[str], folder: str | None = None) -> list[Path]:
        session = self.window.session
        if session is None or not self._errors_ok("导出"):
            return []
        settings = self.window.settings
        if folder is None:
            folder = file_dialogs.choose_folder(self.window, "选择导出到的文件夹")
            if not folder:
                return []
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from exporters import export  # loaded on first use: the window starts faster
            paths = export(session.doc, formats, folder, session.evaluation)
        except Exception as error:  # noqa: BLE001 - ExportError or anything unforeseen: a message
            QGuiApplication.restoreOverrideCursor()
            report(self.window, "导出失败", error, "文档没有改动；已写完的导出文件是完整的，没有写了一半的文件。")
            return []
        QGuiApplication.restoreOverrideCursor()
        settings.last_folder = str(folder)
        self._done(paths, Path(folder))
        return paths

    def _done(self, paths: list[Path], folder: Path) -> None:
        names = "\n".join(path.name for path in paths)
        self.window.statusBar().showMessage(f"已导出 {len(paths)} 个文件到 {folder}", 8000)
        if self.window.quiet:
            return
        box = QMessageBox(QMessageBox.Icon.Information, "导出完成", f"已导出到 {folder}：\n\n{names}", parent=self.window)
        open_button = box.addButton("打开文件夹", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- printing ---
    def _layouts(self):
        from model.layout import build_layouts
        session = self.window.session
        return build_layouts(session.doc, session.evaluation)

    def print_preview(self) -> None:
        if self.window.session is None or not self.window.commit_pending_edit():
            return
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle("打印预览")
        dialog.paintRequested.connect(lambda device: self._paint(device, "打印预览失败"))
        dialog.resize(1000, 800)
        dialog.exec()

    def _paint(self, device, title: str) -> bool:
        from .printing import paint_layouts
        try:
            paint_layouts(device, self._layouts())
        except Exception as error:  # noqa: BLE001 - the document is untouched by printing
            report(self.window, title, error, "文档没有改动。")
            return False
        return True

    def print_(self) -> None:
        if self.window.session is None or not self._errors_ok("打印"):
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("打印")
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._paint(printer, "打印失败")
