"""关于 dialog: the version, what the program does, and the licences of what it ships.

The components and their licence texts come from resources/licenses/ (index.json, written by
tools/collect_licenses.py and shipped in the bundle); entries marked for one platform (the Linux
font, ICU) are listed only there.
"""
from __future__ import annotations

import json
import sys
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from model.resources import resource_dir
from model.version import VERSION

ABOUT = ("填写部门整体支出绩效评价基础数据表、部门整体支出绩效自评表和项目支出绩效自评表，"
         "自动计算执行率、得分、总分和评价等次，审核常见问题，并导出 Excel、Word、PDF。\n"
         "文档保存在本机，不需要网络。")
HEADERS = ("组件", "版本", "许可证")


def components(platform: str = sys.platform) -> list[dict]:
    """The shipped components with their licence files, for this platform ("linux", "win32" …)."""
    index = resource_dir("licenses", "index.json")
    try:
        items = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    key = "windows" if platform.startswith("win") else "linux" if platform.startswith("linux") else platform
    return [item for item in items if key in item.get("platforms", [key])]


def licence_text(item: dict) -> str:
    parts = []
    for name in item["files"]:
        try:
            parts.append(resource_dir("licenses", name).read_text(encoding="utf-8", errors="replace"))
        except OSError:
            parts.append(f"（许可证文件 {name} 缺失）")
    return "\n\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle("关于 绩效自评填报")
        self.resize(760, 560)
        icon = QLabel()
        icon.setPixmap(QIcon(str(resource_dir("icons", "jxzp.png"))).pixmap(64, 64))
        title = QLabel(f"<h2>绩效自评填报</h2><p>版本 {VERSION}</p>")
        title.setObjectName("aboutTitle")
        header = QHBoxLayout()
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(title, 1)
        text = QLabel(ABOUT)
        text.setWordWrap(True)
        self.items = components()
        self.table = QTableWidget(len(self.items), len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for row, item in enumerate(self.items):
            for column, value in enumerate((item["name"], item["version"], item["license"])):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.licence = QPlainTextEdit()
        self.licence.setReadOnly(True)
        self.licence.setPlaceholderText("选择上面的组件查看其许可证全文")
        self.table.currentCellChanged.connect(lambda row, *_: self.show_licence(row))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(text)
        layout.addWidget(QLabel("本程序包含以下开源组件，各自按其许可证发布："))
        layout.addWidget(self.table, 2)
        layout.addWidget(self.licence, 3)
        layout.addWidget(buttons)
        if self.items:
            self.table.selectRow(0)

    def show_licence(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.licence.setPlainText(licence_text(self.items[row]))


def show_about(parent: QWidget) -> None:
    AboutDialog(parent).exec()
