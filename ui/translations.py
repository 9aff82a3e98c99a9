"""Qt's own dialogs and buttons in Chinese: Qt's catalogue, plus the few texts it leaves in English.

The supplement is data (resources/translations/qt_zh_CN_supplement.json): a context and source text per
line, so a text found in English later is added without code.
"""
from __future__ import annotations

import json
from typing import Optional

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from model.resources import resource_dir

CATALOGUES = ("qtbase",)  # QFileDialog, QMessageBox, QPrintDialog, QPrintPreviewDialog, the text editors' menus
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


class SupplementTranslator(QTranslator):
    """Answers for the texts in the supplement; Qt asks the catalogues for everything else."""

    def __init__(self, texts: dict[str, dict[str, str]], parent=None):
        super().__init__(parent)
        self.texts = texts

    def translate(self, context: str, source: str, disambiguation: Optional[str] = None,
                  n: int = -1) -> Optional[str]:
        # None, not "": Qt takes an empty string for a translation (QPageSize("A4") would lose its name and
        # every page would print on Letter), a null one for "not here, ask the next catalogue"
        return self.texts.get(context, {}).get(source)

    def isEmpty(self) -> bool:
        return not self.texts


def load_supplement() -> dict[str, dict[str, str]]:
    path = resource_dir("translations", "qt_zh_CN_supplement.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a missing or broken file leaves Qt's catalogue alone
    return {context: {str(k): str(v) for k, v in texts.items()} for context, texts in data.items()
            if not context.startswith("_") and isinstance(texts, dict)}


def install(app) -> list[QTranslator]:
    """Install the catalogues and the supplement on ``app``; the translators (kept alive by ``app``)."""
    installed = []
    QLocale.setDefault(CHINESE)  # file types (纯文本文档) and sizes in Qt's widgets even on a C-locale system
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in CATALOGUES:
        translator = QTranslator(app)
        if translator.load(CHINESE, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    supplement = SupplementTranslator(load_supplement(), app)
    if not supplement.isEmpty():
        app.installTranslator(supplement)  # installed last: asked first
        installed.append(supplement)
    return installed
