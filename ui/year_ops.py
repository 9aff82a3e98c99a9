"""文件 → 导入… and 文件 → 新建下一年度…: last year's forms and files brought in as a new, unsaved document."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6.QtWidgets import QMessageBox

from . import file_dialogs
from .dialogs import show_error

if TYPE_CHECKING:
    from .main_window import MainWindow

OFFICE_FILTER = "Excel／Word 表格 (*.xlsx *.docx *.xls *.doc *.xlsm *.docm);;所有文件 (*)"


def report_text(report) -> str:
    lines = [f"来源：{'、'.join(report.sources)}", f"找到 {len(report.forms)} 张表，读入 {len(report.read)} 项内容。"]
    lines += [f"说明：{note}" for note in report.notes]
    if report.not_understood:
        lines.append(f"未能识别的内容 {len(report.not_understood)} 处，请核对：")
        lines += [f"  {where}：{text}" for where, text in report.not_understood]
    return "\n".join(lines)


class YearController:
    def __init__(self, window: "MainWindow"):
        self.window = window

    def import_files(self, paths: Optional[list[str]] = None) -> bool:
        """Read Excel/Word forms into a new document (unsaved; the user saves it where they like)."""
        window = self.window
        if not window.files.maybe_save():
            return False
        if paths is None:
            paths = file_dialogs.open_files(window, "导入 Excel／Word 表格", OFFICE_FILTER)
            if not paths:
                return False
        from importers import ImportRefused
        from importers.assemble import import_files

        from .session import Session
        try:
            doc, report = import_files(paths)
        except ImportRefused as error:
            show_error(window, "无法导入", str(error))
            return False
        window.set_session(Session(doc, modified=True))
        summary = "所有内容均已识别" if report.complete else f"有 {len(report.not_understood)} 处未能识别，请核对"
        window.statusBar().showMessage(f"已导入：{summary}。请检查后保存", 15000)
        self.last_report = report
        if not window.quiet:
            box = QMessageBox(QMessageBox.Icon.Information if report.complete else QMessageBox.Icon.Warning,
                              "导入报告", f"已导入 {Path(paths[0]).name} 等 {len(paths)} 个文件：{summary}。\n\n"
                              "导入的内容已作为新文档打开，请核对后保存。", parent=window)
            box.setDetailedText(report_text(report))
            box.exec()
        return True

    def new_year(self) -> bool:
        """Next year's document from the open one, unsaved and titled for the new year."""
        window = self.window
        session = window.session
        if session is None or not window.commit_pending_edit():
            return False
        from model.framework import builtin_framework
        from model.new_year import fitting_framework_id, next_year

        from .session import Session
        doc = session.doc
        year = doc.unit.year + 1
        fitting = fitting_framework_id(year)
        framework = None
        if any(form.framework_id != fitting for _, form in doc.scored_forms()) and not window.quiet:
            answer = QMessageBox.question(
                window, "新建下一年度",
                f"{year}年度适用“{builtin_framework(fitting).name}”。是否改用它？\n\n"
                "改用后各指标行按一级、二级指标名称归入新体系，归不进去的行保留并在审核中列出；"
                "选“否”则沿用原指标体系。",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Yes:
                framework = builtin_framework(fitting)
        if not window.files.maybe_save():
            return False
        new = next_year(doc, framework)
        window.set_session(Session(new, modified=True))
        texts = f"；{len(new.carried)} 段上年的文字（报告各节等）已标为“上年文字”，请逐一修改" if new.carried else ""
        window.statusBar().showMessage(f"已建立 {year} 年度文档：沿用了项目、指标和年度指标值，实际完成值、得分和资金数已清空"
                                       f"{texts}；请保存", 15000)
        return True
