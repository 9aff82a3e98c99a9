"""What goes into the PyInstaller bundle, per platform: the decisions build.spec makes, kept out of
the spec so that tests can check the Windows branches on Linux (tests/test_bundle_plan.py).

Nothing here imports PyInstaller or Qt. Paths inside the bundle are compared with "/" separators
whatever the platform (PyInstaller gives Windows names with "\\").
"""
from __future__ import annotations

import platform as _platform
import re
import sys
from pathlib import Path
from typing import Iterable, Optional

from cli.bundle import CLI_PROGRAM, WINDOW_PROGRAM
from model.version import APP_ID, VERSION

LINUX, WINDOWS = "linux", "windows"
BUNDLE_NAME = WINDOW_PROGRAM  # dist/<BUNDLE_NAME>/ holds both programs
WQY_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")  # fonts-wqy-microhei (Apache-2.0)

# Python modules neither program uses (test tools, Tk, Qt modules outside QtCore/QtGui/QtWidgets/
# QtPrintSupport/QtSvg, TLS: the app never opens a network connection).
COMMON_EXCLUDES = (
    "tkinter", "_tkinter", "unittest", "pydoc_data", "test", "hypothesis", "pytest", "pytestqt", "_pytest",
    "ssl", "_ssl", "readline", "PIL.ImageTk", "PIL.ImageQt", "PIL.ImageCms", "PIL.AvifImagePlugin", "PIL.WebPImagePlugin",
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "tools", "benchmarks", "tests",
)
QT_EXCLUDES = tuple(f"PySide6.{name}" for name in (
    "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtNetwork", "QtOpenGL", "QtOpenGLWidgets",
    "QtSql", "QtTest", "QtDesigner", "QtHelp", "QtUiTools", "QtSvgWidgets", "QtConcurrent", "QtDBus", "QtXml"))
WINDOW_EXCLUDES = COMMON_EXCLUDES + QT_EXCLUDES
# The command line: no Qt at all (so no PySide6 runtime hook), and no window code; nor
# multiprocessing, whose PyInstaller runtime hook would import it at every start (~10 ms).
CLI_EXCLUDES = COMMON_EXCLUDES + ("PySide6", "shiboken6", "ui", "multiprocessing", "concurrent", "pydoc",
                                  "doctest", "pdb")
WINDOW_HIDDEN_IMPORTS = ("PySide6.QtPrintSupport", "PySide6.QtSvg")

# Qt plugins kept, by folder; a folder not named here is kept whole.
_PLUGINS = {
    LINUX: {
        "platforms": {"qxcb", "qwayland", "qoffscreen"},  # X11 (UOS/Kylin), Wayland, screenshots
        "imageformats": {"qjpeg", "qico", "qsvg"},  # PNG is built into QtGui
        "generic": set(), "egldeviceintegrations": set(),  # evdev/tslib input and EGL full-screen: kiosks
        "wayland-graphics-integration-client": set(),  # OpenGL buffers on Wayland; widgets paint to shm
        # The GTK theme needs the system's GTK 3, which the bundle cannot carry; mixing that with the
        # bundle's own glib/pango is what breaks. Qt's own style is used instead; the portal stays.
        "platformthemes": {"qxdgdesktopportal"},
    },
    WINDOWS: {
        "platforms": {"qwindows", "qoffscreen"},
        "imageformats": {"qjpeg", "qico", "qsvg"},
        "generic": set(),
    },
}
# Libraries nothing loads once the modules above are gone (names as they start, any platform).
_UNUSED_LIBRARIES = (
    "Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6VirtualKeyboard", "Qt6OpenGL", "Qt6Network", "Qt6EglFS", "Qt6EglFs",
    "opengl32sw",  # Windows' software OpenGL fallback (20 MB): the app draws with the raster engine
    "libssl", "libcrypto", "_ssl", "_hashlib",  # TLS/OpenSSL: hashlib falls back to its built-in digests
    "PIL/_avif", "PIL/_webp", "PIL/_imagingcms", "PIL/_imagingtk", "pillow.libs/libavif", "pillow.libs/libwebp",
    "pillow.libs/libsharpyuv", "pillow.libs/liblcms2",  # used only by the PIL modules dropped above
    "lxml/objectify", "lxml/html/",
)
# Linux libraries taken from the target system instead of the bundle (and the libraries only they
# linked go with them): CUPS must match the machine's print server and its TLS/Kerberos setup, and
# D-Bus its bus daemon; both are on every UOS/Kylin/Debian desktop (the .deb declares them). Without
# libcups the print dialog lists no printers but PDF output still works.
SYSTEM_LIBRARIES = {LINUX: ("libcups.so.2", "libdbus-1.so.3"), WINDOWS: ()}
_KEPT_TRANSLATIONS = {"qt_zh_CN.qm", "qtbase_zh_CN.qm"}  # Qt's own dialogs in Chinese


def target(sys_platform: str = sys.platform) -> str:
    if sys_platform.startswith("win"):
        return WINDOWS
    if sys_platform.startswith("linux"):
        return LINUX
    raise SystemExit(f"不支持在 {sys_platform} 上打包：只支持 Windows 和 Linux。")


def arch(machine: Optional[str] = None, platform: Optional[str] = None) -> str:
    """The architecture as package names spell it: Debian's (amd64, arm64, loong64 …) or Windows' (x64, arm64)."""
    machine = (machine or _platform.machine()).lower()
    platform = platform or target()
    names = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64", "loongarch64": "loong64",
             "mips64": "mips64el", "sw_64": "sw64", "i686": "i386", "x86": "i386"}
    name = names.get(machine, machine)
    if platform == WINDOWS:
        return {"amd64": "x64", "i386": "x86"}.get(name, name)
    return name


def four_part(version: str = VERSION, build: int = 0) -> tuple[int, int, int, int]:
    """MAJOR.MINOR.PATCH plus a build number: what the UOS `info` file and Windows' version resource want."""
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        raise ValueError(f"版本号应为 主.次.修订（全为数字），而不是 {version!r}")
    major, minor, patch = (int(part) for part in version.split("."))
    return major, minor, patch, build


def archive_name(platform: str, arch_name: str, version: str = VERSION) -> str:
    suffix = "zip" if platform == WINDOWS else "tar.gz"
    return f"{CLI_PROGRAM}-{version}-{platform}-{arch_name}.{suffix}"


def deb_name(arch_name: str, version: str = VERSION) -> str:
    return f"{APP_ID}_{version}_{arch_name}.deb"


def executable(name: str, platform: str) -> str:
    return name + (".exe" if platform == WINDOWS else "")


REQUIRED_RESOURCES = ("frameworks", "examples", "licenses", "icons", "outlines")


def datas(root: Path, platform: str, wqy_font: Path = WQY_FONT) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for the data files; Linux also gets the CJK font it may lack."""
    resources = root / "resources"
    entries = [(str(resources / name), f"resources/{name}") for name in REQUIRED_RESOURCES]
    # and every other folder of resources (fonts …): data added later is never left behind
    entries += [(str(folder), f"resources/{folder.name}") for folder in sorted(resources.iterdir())
                if folder.is_dir() and folder.name not in REQUIRED_RESOURCES] if resources.is_dir() else []
    if platform == LINUX:
        # Windows has 仿宋/黑体/宋体; a new UOS/Kylin machine may have no TrueType CJK font at all.
        if not wqy_font.is_file():
            raise SystemExit(f"缺少 {wqy_font}：请先安装 fonts-wqy-microhei（scripts/bootstrap.sh 会安装）。")
        entries.append((str(wqy_font), "resources/fonts"))
    entries.append((str(root / "docs" / "checks.md"), "docs"))  # the in-app help reads the checks from it
    missing = [source for source, _ in entries if not Path(source).exists()]
    if missing:
        raise SystemExit(f"缺少打包所需的文件：{', '.join(missing)}")
    return entries


def _file_name(dest: str) -> str:
    """The file name of a path inside the bundle, whichever separator PyInstaller used."""
    return dest.replace("\\", "/").rsplit("/", 1)[-1]


def keep(dest: str, platform: str) -> bool:
    """Whether a collected file (its path inside the bundle) is shipped."""
    name = dest.replace("\\", "/")
    base = _file_name(name)
    if "/translations/" in f"/{name}" and base.endswith(".qm"):
        return base in _KEPT_TRANSLATIONS
    if base in SYSTEM_LIBRARIES[platform]:
        return False
    parts = name.split("/")
    if "plugins" in parts[:-1]:
        folder = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) - 1 else ""
        wanted = _PLUGINS[platform].get(folder)
        if wanted is not None:
            return _plugin_stem(base) in wanted
    return not any(_matches(name, base, unused) for unused in _UNUSED_LIBRARIES)


def _plugin_stem(base: str) -> str:
    """libqxcb.so → qxcb, qwindows.dll → qwindows, qjpegd.dll stays itself."""
    stem = base.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def _matches(name: str, base: str, unused: str) -> bool:
    if "/" in unused:
        return unused in name
    return base.startswith((unused, "lib" + unused))


def filter_toc(entries: Iterable[tuple], platform: str) -> list[tuple]:
    return [entry for entry in entries if keep(entry[0], platform)]


def _is_plain_library(dest: str) -> bool:
    """A shared library that is only there because something links it (not a module or a Qt plugin)."""
    name = dest.replace("\\", "/")
    base = _file_name(name).lower()
    folder = name.rsplit("/", 1)[0] if "/" in name else ""
    if base.startswith(_LOADED_BY_NAME):
        return False
    is_library = base.endswith(".dll") or ".so" in base
    return is_library and folder in ("", "pillow.libs", "PySide6/Qt/lib", "PySide6")  and not base.endswith(
        (".pyd", ".abi3.so")) and ".cpython-" not in base


# Loaded by name at run time rather than linked: the bootloader loads libpython/python3.dll, the
# C runtime comes with every DLL of Python and Qt on Windows, and Qt on Windows loads the Direct3D
# shader compiler itself when it has one.
_LOADED_BY_NAME = ("libpython", "python3", "vcruntime", "msvcp", "concrt", "ucrtbase", "api-ms-win", "d3dcompiler")


def _is_binary(entry: tuple) -> bool:
    return len(entry) < 3 or entry[2] in ("BINARY", "EXTENSION")


def prune_unlinked(entries: list[tuple], imports_of) -> list[tuple]:
    """Drop plain libraries that no shipped binary links any more (dependencies of what keep() removed)."""
    entries = list(entries)
    while True:
        needed = {Path(name).name.lower() for entry in entries if _is_binary(entry) for name in imports_of(entry[1])}
        unlinked = [entry for entry in entries if _is_plain_library(entry[0])
                    and _file_name(entry[0]).lower() not in needed]
        if not unlinked:
            return entries
        entries = [entry for entry in entries if entry not in unlinked]


def exe_options(platform: str, root: Path) -> dict:
    """Options both EXE() calls share. strip works on Linux only (PyInstaller's docs: not on Windows)."""
    options = {"upx": False, "strip": platform == LINUX}
    if platform == WINDOWS:
        options["icon"] = str(root / "resources" / "icons" / "jxzp.ico")
    return options


# The interpreter runs in UTF-8 mode in both programs: on Windows, output piped to a file or another
# program would otherwise be encoded in the ANSI code page (cp1252 on an English system), which cannot
# write Chinese and ends the program with UnicodeEncodeError.
PYTHON_OPTIONS = (("X utf8", None, "OPTION"),)


def windows_version_info(program: str, description: str, version: str = VERSION) -> str:
    """The text of a PyInstaller version file (Windows' 属性 → 详细信息 shows it)."""
    numbers = four_part(version)
    dotted = ".".join(map(str, numbers))
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', '{APP_ID}'),
      StringStruct('FileDescription', {description!r}),
      StringStruct('FileVersion', '{dotted}'),
      StringStruct('InternalName', {program!r}),
      StringStruct('OriginalFilename', {program + '.exe'!r}),
      StringStruct('ProductName', {WINDOW_PROGRAM!r}),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


def elf_needed(path: str) -> list[str]:
    """The libraries an ELF file links directly (its DT_NEEDED entries, read with binutils' readelf).

    PyInstaller's bindepend.get_imports asks ldd on Linux, which lists the whole closure; pruning
    must know who links what directly.
    """
    import subprocess
    result = subprocess.run(["readelf", "-d", "-W", path], capture_output=True, text=True)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", result.stdout)


def needed_but_dropped(kept: Iterable[tuple], dropped: Iterable[tuple], imports_of, platform: str) -> list[str]:
    """Dropped libraries that a shipped binary links against (then the trimming went too far).

    ``imports_of(path)`` gives the names of the libraries a binary needs (PyInstaller's
    bindepend.get_imports at build time).
    """
    dropped_names = {_file_name(entry[0]).lower() for entry in dropped}
    dropped_names -= {name.lower() for name in SYSTEM_LIBRARIES[platform]}
    problems = []
    for dest, source, *_ in filter(_is_binary, kept):
        for needed in imports_of(source):
            if Path(needed).name.lower() in dropped_names:
                problems.append(f"{dest} → {Path(needed).name}")
    return sorted(set(problems))
