"""What can be checked on Linux of the Windows build: settings and autosave under %APPDATA%, font
lookup in C:\\Windows\\Fonts (a fake fonts folder), and folders with Chinese characters and spaces."""
import shutil
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from exporters import fonts
from tests.conftest import example_path

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def test_settings_and_autosave_under_appdata_with_chinese_user_name():
    from ui.settings import config_dir_for
    home = PureWindowsPath(r"C:\Users\张 三")
    env = {"APPDATA": r"C:\Users\张 三\AppData\Roaming", "LOCALAPPDATA": r"C:\Users\张 三\AppData\Local"}
    config = config_dir_for("win32", env, home)
    assert config == PureWindowsPath(r"C:\Users\张 三\AppData\Roaming\jxzp\绩效自评填报")
    assert str(config / "autosave") == r"C:\Users\张 三\AppData\Roaming\jxzp\绩效自评填报\autosave"
    assert str(config / "settings.ini").endswith(r"\绩效自评填报\settings.ini")


def test_windows_without_appdata_falls_back_to_the_profile_folder():
    from ui.settings import config_dir_for
    config = config_dir_for("win32", {}, PureWindowsPath(r"D:\用户\李四"))
    assert config == PureWindowsPath(r"D:\用户\李四\AppData\Roaming\jxzp\绩效自评填报")


def test_portable_override_wins_on_every_platform():
    from ui.settings import config_dir_for
    env = {"APPDATA": r"C:\Users\a\AppData\Roaming", "JXZP_CONFIG_DIR": r"E:\绩效 自评\配置"}
    assert config_dir_for("win32", env, PureWindowsPath(r"C:\Users\a")) == PureWindowsPath(r"E:\绩效 自评\配置")


def test_linux_keeps_the_folder_qt_used_before():
    from ui.settings import config_dir_for
    home = PurePosixPath("/home/张三")
    assert config_dir_for("linux", {}, home) == PurePosixPath("/home/张三/.config/jxzp/绩效自评填报")
    assert config_dir_for("linux", {"XDG_CONFIG_HOME": "/data/配置"}, home) == PurePosixPath(
        "/data/配置/jxzp/绩效自评填报")
    assert config_dir_for("linux", {"XDG_CONFIG_HOME": "relative"}, home) == PurePosixPath(
        "/home/张三/.config/jxzp/绩效自评填报")  # the XDG spec ignores relative paths, as Qt does


def test_settings_and_autosave_work_in_a_folder_with_chinese_and_spaces(tmp_path, tianyuan):
    from model import storage
    from ui.autosave import autosave_dir
    from ui.settings import Settings

    folder = tmp_path / "张 三" / "jxzp" / "绩效自评填报"
    folder.mkdir(parents=True)
    document = tmp_path / "单位 文档" / "天元区 2024.jxzp"
    document.parent.mkdir()
    storage.save(tianyuan, document)
    settings = Settings(folder)
    settings.add_recent(document)
    settings.sync()
    again = Settings(folder)
    assert again.recent_files == [str(document.resolve())]
    assert again.last_folder == str(document.parent.resolve())
    autosave = autosave_dir(folder)
    assert autosave == folder / "autosave" and autosave.is_dir()
    storage.save(tianyuan, autosave / "x.jxzp")
    assert storage.load(autosave / "x.jxzp").unit.name == tianyuan.unit.name


@pytest.fixture
def fake_windows(tmp_path, monkeypatch):
    """A Windows folder (with Chinese and a space in its path) whose Fonts hold 仿宋, 黑体 and 宋体 files."""
    if not WQY.is_file():
        pytest.skip("needs fonts-wqy-microhei to stand in for the Windows fonts")
    windows = tmp_path / "C 盘" / "Windows"
    (windows / "Fonts").mkdir(parents=True)
    for name in ("simfang.ttf", "simhei.ttf", "simsun.ttc"):
        shutil.copyfile(WQY, windows / "Fonts" / name)
    monkeypatch.delenv("SystemRoot", raising=False)
    monkeypatch.setenv("WINDIR", str(windows))
    fonts.reset()
    yield windows / "Fonts"
    fonts.reset()  # the next test finds the real fonts again


def test_pdf_fonts_come_from_the_windows_fonts_folder(fake_windows):
    assert fonts.windows_font_dir() == fake_windows
    chosen = fonts.font_set()
    registered = {name: path for path, name in fonts._registered.items() if name}
    assert registered[chosen.body] == fake_windows / "simfang.ttf"  # 仿宋 for the body
    assert registered[chosen.bold] == fake_windows / "simhei.ttf"  # 黑体 for headers
    assert registered[chosen.title] == fake_windows / "simsun.ttc"  # 宋体 when 方正小标宋 is absent


def test_missing_simfang_falls_back_to_the_next_windows_face(fake_windows):
    (fake_windows / "simfang.ttf").unlink()
    chosen = fonts.font_set()
    registered = {name: path for path, name in fonts._registered.items() if name}
    assert registered[chosen.body] == fake_windows / "simsun.ttc"


def test_export_into_a_folder_with_chinese_and_spaces(fake_windows, tmp_path):
    from cli.export import run
    out = tmp_path / "我的 文档" / "导出 2024"
    assert run(str(example_path("tianyuan-2024")), "xlsx,docx,pdf", str(out)) == 0
    forms = [p.suffix for p in out.iterdir() if "报告" not in p.name]
    reports = [p.suffix for p in out.iterdir() if "报告" in p.name]  # the example carries its seed's report
    assert sorted(forms) == [".docx", ".pdf", ".xlsx"] and sorted(reports) == [".docx", ".pdf"]
