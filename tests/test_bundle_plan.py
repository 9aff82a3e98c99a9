"""The bundle's platform decisions (tools/bundle_plan.py), Windows branches included, checked on Linux.

The full build runs in CI through scripts/package.sh (see docs/packaging.md); these tests hold the
decisions themselves in the fast suite.
"""
import ast
from pathlib import Path

import pytest

from model.version import APP_ID, VERSION
from tests.conftest import ROOT
from tools import bundle_plan as plan

LINUX_QT = "PySide6/Qt/plugins"
WINDOWS_QT = "PySide6\\plugins"  # PyInstaller gives Windows names with backslashes


def test_platform_and_architecture_names():
    assert plan.target("win32") == plan.WINDOWS and plan.target("linux") == plan.LINUX
    with pytest.raises(SystemExit):
        plan.target("darwin")
    assert plan.arch("x86_64", plan.LINUX) == "amd64" and plan.arch("aarch64", plan.LINUX) == "arm64"
    assert plan.arch("loongarch64", plan.LINUX) == "loong64"
    assert plan.arch("AMD64", plan.WINDOWS) == "x64" and plan.arch("ARM64", plan.WINDOWS) == "arm64"


def test_package_names_carry_the_one_version():
    assert plan.archive_name(plan.LINUX, "amd64") == f"jxzp-{VERSION}-linux-amd64.tar.gz"
    assert plan.archive_name(plan.WINDOWS, "x64") == f"jxzp-{VERSION}-windows-x64.zip"
    assert plan.deb_name("arm64") == f"{APP_ID}_{VERSION}_arm64.deb"
    assert plan.executable("jxzp", plan.WINDOWS) == "jxzp.exe" and plan.executable("jxzp", plan.LINUX) == "jxzp"


def test_version_is_numbers_and_grows_a_build_number():
    assert plan.four_part("1.2.3") == (1, 2, 3, 0)
    for bad in ("1.2", "1.2.3-beta", "v1.2.3", "1.2.3.4"):
        with pytest.raises(ValueError):
            plan.four_part(bad)
    assert plan.four_part() == (*map(int, VERSION.split(".")), 0)


def test_version_module_holds_only_the_version_and_the_app_id():
    tree = ast.parse((ROOT / "model" / "version.py").read_text(encoding="utf-8"))
    names = [target.id for node in tree.body if isinstance(node, ast.Assign) for target in node.targets]
    assert names == ["VERSION", "APP_ID"]
    assert APP_ID == APP_ID.lower() and all(part.isalnum() for part in APP_ID.split("."))  # a Debian package name


@pytest.mark.parametrize("platform,prefix,kept,dropped", [
    (plan.LINUX, LINUX_QT, ["platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
                            "imageformats/libqjpeg.so", "imageformats/libqsvg.so", "imageformats/libqico.so",
                            "printsupport/libcupsprintersupport.so", "platforminputcontexts/libibusplatforminputcontextplugin.so",
                            "platformthemes/libqxdgdesktopportal.so", "xcbglintegrations/libqxcb-glx-integration.so"],
     ["platforms/libqeglfs.so", "platforms/libqvnc.so", "platforms/libqlinuxfb.so", "platforms/libqminimalegl.so",
      "platforms/libqvkkhrdisplay.so", "imageformats/libqwebp.so", "imageformats/libqtiff.so",
      "generic/libqevdevmouseplugin.so", "egldeviceintegrations/libqeglfs-x11-integration.so",
      "platformthemes/libqgtk3.so", "wayland-graphics-integration-client/libdmabuf-server.so"]),
    (plan.WINDOWS, WINDOWS_QT, ["platforms\\qwindows.dll", "platforms\\qoffscreen.dll", "imageformats\\qjpeg.dll",
                                "imageformats\\qsvg.dll", "imageformats\\qico.dll", "styles\\qmodernwindowsstyle.dll",
                                "iconengines\\qsvgicon.dll"],
     ["platforms\\qminimal.dll", "platforms\\qdirect2d.dll", "imageformats\\qgif.dll", "imageformats\\qwebp.dll",
      "generic\\qtuiotouchplugin.dll"]),
])
def test_qt_plugins_kept_and_dropped(platform, prefix, kept, dropped):
    sep = "\\" if platform == plan.WINDOWS else "/"
    for name in kept:
        assert plan.keep(f"{prefix}{sep}{name}", platform), name
    for name in dropped:
        assert not plan.keep(f"{prefix}{sep}{name}", platform), name


@pytest.mark.parametrize("platform,dest,shipped", [
    (plan.LINUX, "PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    (plan.LINUX, "PySide6/Qt/translations/qt_zh_CN.qm", True),
    (plan.LINUX, "PySide6/Qt/translations/qtbase_de.qm", False),
    (plan.LINUX, "PySide6/Qt/translations/qt_help_zh_CN.qm", False),
    (plan.WINDOWS, "PySide6\\translations\\qtbase_zh_CN.qm", True),
    (plan.WINDOWS, "PySide6\\translations\\qtbase_ja.qm", False),
    (plan.WINDOWS, "PySide6\\opengl32sw.dll", False),
    (plan.WINDOWS, "PySide6\\Qt6Network.dll", False),
    (plan.WINDOWS, "PySide6\\Qt6Widgets.dll", True),
    (plan.WINDOWS, "PySide6\\Qt6Svg.dll", True),
    (plan.WINDOWS, "libssl-3.dll", False),
    (plan.WINDOWS, "_ssl.pyd", False),
    (plan.WINDOWS, "PIL\\_webp.cp311-win_amd64.pyd", False),
    (plan.WINDOWS, "PIL\\_imaging.cp311-win_amd64.pyd", True),
    (plan.WINDOWS, "lxml\\etree.cp311-win_amd64.pyd", True),
    (plan.WINDOWS, "lxml\\objectify.cp311-win_amd64.pyd", False),
    (plan.LINUX, "PySide6/Qt/lib/libQt6Network.so.6", False),
    (plan.LINUX, "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
    (plan.LINUX, "PySide6/Qt/lib/libicudata.so.73", True),  # Qt6Core links ICU
    (plan.LINUX, "libcups.so.2", False),  # from the system (see SYSTEM_LIBRARIES)
    (plan.WINDOWS, "libcups.so.2", True),  # that decision is Linux's only
    (plan.LINUX, "pillow.libs/libavif-c6062d5f.so.16.4.2", False),
    (plan.LINUX, "pillow.libs/libjpeg-6dc8d115.so.62.4.0", True),
    (plan.LINUX, "libpython3.11.so.1.0", True),
    (plan.LINUX, "resources/fonts/wqy-microhei.ttc", True),
])
def test_files_kept_and_dropped(platform, dest, shipped):
    assert plan.keep(dest, platform) is shipped


def test_cli_has_no_qt_and_the_window_keeps_what_it_prints_with():
    assert {"PySide6", "shiboken6", "ui"} <= set(plan.CLI_EXCLUDES)
    assert "PySide6" not in plan.WINDOW_EXCLUDES and "PySide6.QtPrintSupport" in plan.WINDOW_HIDDEN_IMPORTS
    assert not {"PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtSvg"} & set(plan.WINDOW_EXCLUDES)


def test_exe_options_per_platform():
    linux = plan.exe_options(plan.LINUX, ROOT)
    windows = plan.exe_options(plan.WINDOWS, ROOT)
    assert linux == {"upx": False, "strip": True}
    assert windows["strip"] is False and windows["upx"] is False  # strip is for ELF files only
    assert Path(windows["icon"]).suffix == ".ico" and Path(windows["icon"]).is_file()
    assert plan.PYTHON_OPTIONS == (("X utf8", None, "OPTION"),)


def test_windows_version_resource_is_a_valid_version_file():
    text = plan.windows_version_info("jxzp", "绩效自评填报 命令行", "2.5.1")
    tree = ast.parse(text)  # PyInstaller evaluates this text as Python
    assert isinstance(tree.body[0].value, ast.Call) and tree.body[0].value.func.id == "VSVersionInfo"
    assert "filevers=(2, 5, 1, 0)" in text and "StringStruct('ProductVersion', '2.5.1')" in text
    assert "'OriginalFilename', 'jxzp.exe'" in text and "'080404b0'" in text  # simplified Chinese, Unicode


def test_datas_per_platform(tmp_path):
    root = tmp_path / "repo 目录"
    for name in ("frameworks", "examples", "licenses", "icons", "outlines", "help"):
        (root / "resources" / name).mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "checks.md").write_text("# 审核规则", encoding="utf-8")
    font = tmp_path / "wqy.ttc"
    font.write_bytes(b"ttcf")
    windows = plan.datas(root, plan.WINDOWS, wqy_font=font)
    linux = plan.datas(root, plan.LINUX, wqy_font=font)
    assert sorted(dest for _, dest in windows) == ["docs", "resources/examples", "resources/frameworks", "resources/help",
                                                   "resources/icons", "resources/licenses", "resources/outlines"]
    assert (str(font), "resources/fonts") in linux and (str(font), "resources/fonts") not in windows
    with pytest.raises(SystemExit, match="fonts-wqy-microhei"):
        plan.datas(root, plan.LINUX, wqy_font=tmp_path / "missing.ttc")
    (root / "resources" / "icons").rmdir()
    with pytest.raises(SystemExit, match="icons"):
        plan.datas(root, plan.WINDOWS, wqy_font=font)


def _toc(*names, folder=""):
    return [(f"{folder}{name}", f"/src/{name}", "BINARY") for name in names]


def test_prune_drops_libraries_only_the_dropped_files_linked():
    links = {"/src/QtGui.abi3.so": ["libQt6Gui.so.6"], "/src/libQt6Gui.so.6": ["libfreetype.so.6"],
             "/src/libfreetype.so.6": [], "/src/libpango.so.0": ["libcairo.so.2"], "/src/libcairo.so.2": [],
             "/src/libpython3.11.so.1.0": [], "/src/libqxcb.so": ["libQt6Gui.so.6"]}
    entries = (_toc("QtGui.abi3.so", folder="PySide6/") + _toc("libQt6Gui.so.6", folder="PySide6/Qt/lib/")
               + _toc("libfreetype.so.6", "libpango.so.0", "libcairo.so.2", "libpython3.11.so.1.0")
               + _toc("libqxcb.so", folder="PySide6/Qt/plugins/platforms/"))
    kept = {dest for dest, *_ in plan.prune_unlinked(entries, lambda source: links[source])}
    assert kept == {"PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6", "libfreetype.so.6",
                    "libpython3.11.so.1.0",  # loaded by name by the bootloader
                    "PySide6/Qt/plugins/platforms/libqxcb.so"}  # plugins are loaded by Qt, never pruned


def test_prune_on_windows_keeps_the_c_runtime_and_python_dll():
    entries = _toc("python311.dll", "python3.dll", "VCRUNTIME140.dll", "MSVCP140.dll", "unused.dll",
                   "d3dcompiler_47.dll", folder="")
    kept = {dest for dest, *_ in plan.prune_unlinked(entries, lambda source: [])}
    assert kept == {"python311.dll", "python3.dll", "VCRUNTIME140.dll", "MSVCP140.dll", "d3dcompiler_47.dll"}


def test_a_dropped_library_still_linked_is_reported():
    kept = _toc("libqxcb.so", folder="PySide6/Qt/plugins/platforms/")
    dropped = _toc("libQt6OpenGL.so.6", "libcups.so.2")
    links = {"/src/libqxcb.so": ["libQt6OpenGL.so.6", "libcups.so.2", "libc.so.6"]}
    problems = plan.needed_but_dropped(kept, dropped, lambda source: links[source], plan.LINUX)
    assert problems == ["PySide6/Qt/plugins/platforms/libqxcb.so → libQt6OpenGL.so.6"]  # libcups: the system's


def test_elf_needed_reads_direct_links_only():
    import sys
    python_lib = next(Path(sys.base_prefix, "lib").glob("libpython3*.so*"), None)
    if python_lib is None or not __import__("shutil").which("readelf"):
        pytest.skip("needs a shared libpython and binutils")
    needed = plan.elf_needed(str(python_lib))
    assert "libc.so.6" in needed and "libstdc++.so.6" not in needed
