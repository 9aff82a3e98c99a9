"""关于 dialog: version and the licences of everything shipped; the licence index matches the pins."""
import json
import re

import pytest

from model.version import VERSION
from tests.conftest import ROOT

LICENSES = ROOT / "resources" / "licenses"


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9_.-]+)==([^\s;]+)", line)
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_every_pinned_runtime_package_has_its_licence_at_the_pinned_version():
    index = json.loads((LICENSES / "index.json").read_text(encoding="utf-8"))
    by_name = {item["name"].split("（")[0].split(" ")[0].lower().replace("_", "-"): item for item in index}
    by_name["pyside6-essentials"] = by_name["qt"]
    by_name["shiboken6"] = by_name["qt"]
    for package, version in pins().items():
        assert package in by_name, f"{package} has no entry in resources/licenses/index.json"
        assert by_name[package]["version"] == version, f"{package}: run tools/collect_licenses.py"
    for item in index:
        for name in item["files"]:
            assert (LICENSES / name).stat().st_size > 500, name


def test_the_bundled_font_licence_is_listed_on_linux_only():
    from ui.about import components
    linux = [item["name"] for item in components("linux")]
    windows = [item["name"] for item in components("win32")]
    assert any("文泉驿" in name for name in linux) and not any("文泉驿" in name for name in windows)
    assert any(name.startswith("Qt") for name in windows) and any(name.startswith("PyInstaller") for name in windows)


def test_about_dialog_shows_version_and_licence_texts(qtbot):
    from PySide6.QtWidgets import QLabel

    from ui.about import AboutDialog
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    title = dialog.findChild(QLabel, "aboutTitle")
    assert VERSION in title.text()
    assert dialog.table.rowCount() == len(dialog.items) >= 10
    assert "Python" in dialog.licence.toPlainText() or "PSF" in dialog.licence.toPlainText()
    qt_row = next(row for row, item in enumerate(dialog.items) if item["name"].startswith("Qt"))
    dialog.table.selectRow(qt_row)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence.toPlainText()


def test_help_menu_opens_the_about_dialog(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("JXZP_CONFIG_DIR", str(tmp_path / "config"))
    from ui import about
    from ui.main_window import MainWindow
    from ui.settings import Settings, config_dir
    shown = []
    monkeypatch.setattr(about.AboutDialog, "exec", lambda self: shown.append(self) or 0)
    config = config_dir()
    window = MainWindow(Settings(config), config, quiet=True)
    qtbot.addWidget(window)
    window.actions_["about"].trigger()
    assert len(shown) == 1 and shown[0].parent() is window
