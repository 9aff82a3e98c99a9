"""Render resources/icons/jxzp.svg to the PNG (window, Linux menus) and ICO (Windows executables).

Run after changing the SVG: .venv/bin/python tools/make_icons.py  (the outputs are committed,
so a build needs neither Qt's SVG renderer nor this script).
"""
import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "jxzp.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = Image.open(io.BytesIO(bytes(data)))
    png.save(ICONS / "jxzp.png", optimize=True)
    png.save(ICONS / "jxzp.ico", sizes=[(s, s) for s in SIZES])
    print(ICONS / "jxzp.png", ICONS / "jxzp.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
