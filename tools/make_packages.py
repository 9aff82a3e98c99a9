"""After PyInstaller: weigh the bundle, write the archive (.tar.gz on Linux, .zip on Windows) and,
on Linux, the UOS/Kylin .deb. package.sh and package.ps1 call it; it prints the sizes it measured.

    .venv/bin/python tools/make_packages.py [dist/绩效自评填报 [dist]]

The .deb follows the UOS/deepin layout: everything under /opt/apps/<appid>/ — files/ (the bundle),
entries/applications/<appid>.desktop, entries/icons/hicolor/…/<appid>.png|svg, and an `info` JSON —
with no maintainer scripts at all, so installing changes nothing outside that folder and
`dpkg -r` removes it whole.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import bundle_plan as plan  # noqa: E402
from model.version import APP_ID, VERSION  # noqa: E402

MAX_FOLDER_MB = 140  # issue 14: the folder ≤ 140 MB (aim 120), the archive ≤ 70 MB
MAX_ARCHIVE_MB = 70
SUMMARY = "预算绩效自评表填报、计分、审核与导出"
DESCRIPTION = ("县区级单位填写部门整体支出绩效评价基础数据表、部门整体支出绩效自评表和项目支出绩效自评表，"
               "自动计算执行率、得分、总分和等次，审核常见问题，导出 Excel、Word、PDF。离线使用，不需要网络。")
# Taken from the system rather than the bundle (see bundle_plan.SYSTEM_LIBRARIES); GL for Qt's GUI.
DEPENDS = ("libegl1", "libgl1", "libdbus-1-3")
RECOMMENDS = ("libcups2 | libcups2t64",)


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink()) / 1e6


def glibc_required(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version any ELF file in the bundle asks for (objdump -T)."""
    versions = set()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            dump = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
            versions.update(re.findall(r"GLIBC_(\d+\.\d+(?:\.\d+)?)", dump))
    return max(versions, key=lambda v: tuple(map(int, v.split("."))), default="2.17")


def unresolved_libraries(folder: Path) -> list[str]:
    """Libraries a shipped ELF file links that neither the bundle nor this machine has (ldd "not found").

    PyInstaller bundles what it finds on the build machine; what it cannot find it only warns about,
    and the plugin that needs it then fails on every machine (Qt's Wayland plugin without
    libwayland-cursor was one).
    """
    internal = folder / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    missing = set()
    for path in sorted(folder.rglob("*.so*")):
        if path.is_file() and not path.is_symlink():
            output = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
            missing.update(f"{path.relative_to(folder)} → {name}"
                           for name in re.findall(r"^\s*(\S+) => not found", output, re.MULTILINE))
    return sorted(missing)


def control(arch: str, installed_kb: int, glibc: str) -> str:
    depends = ", ".join((f"libc6 (>= {glibc})", *DEPENDS))
    return (f"Package: {APP_ID}\nVersion: {VERSION}\nArchitecture: {arch}\n"
            f"Maintainer: 绩效自评填报 <noreply@jxzp.invalid>\nInstalled-Size: {installed_kb}\n"
            f"Depends: {depends}\nRecommends: {', '.join(RECOMMENDS)}\nSection: office\nPriority: optional\n"
            f"Description: 绩效自评填报：{SUMMARY}\n {DESCRIPTION}\n")


def desktop_entry() -> str:
    """The menu entry; Exec is the window program inside files/ (a path with Chinese characters, quoted)."""
    program = f"/opt/apps/{APP_ID}/files/{plan.WINDOW_PROGRAM}"
    return ("[Desktop Entry]\nType=Application\nVersion=1.0\n"
            f"Name=绩效自评填报\nName[zh_CN]=绩效自评填报\nGenericName=预算绩效自评\n"
            f"Comment={SUMMARY}\nExec=\"{program}\" %f\nIcon={APP_ID}\nTerminal=false\n"
            "Categories=Office;Finance;\nMimeType=application/x-jxzp;\nStartupNotify=true\n"
            f"StartupWMClass={plan.WINDOW_PROGRAM}\nX-Deepin-Vendor=user-custom\n")


def mime_package() -> str:
    """*.jxzp documents as their own type, so that double-clicking one opens the window."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n'
            '  <mime-type type="application/x-jxzp">\n    <comment>绩效自评文档</comment>\n'
            '    <glob pattern="*.jxzp"/>\n  </mime-type>\n</mime-info>\n')


def info(arch: str) -> str:
    """UOS's `info` file: appid, name, a four-number version, architectures, no special permissions."""
    permissions = {key: False for key in ("autostart", "notification", "trayicon", "clipboard", "account",
                                          "bluetooth", "camera", "audio_record", "installed_apps")}
    data = {"appid": APP_ID, "name": "绩效自评填报", "version": ".".join(map(str, plan.four_part())),
            "arch": [arch], "permissions": permissions}
    return json.dumps(data, ensure_ascii=False, indent=4) + "\n"


def deb_tree(bundle: Path, staging: Path, arch: str, glibc: str) -> Path:
    """Lay the package out in ``staging``; returns the tree dpkg-deb builds."""
    tree = staging / "deb"
    app = tree / "opt" / "apps" / APP_ID
    shutil.copytree(bundle, app / "files", symlinks=True)
    icons = ROOT / "resources" / "icons"
    (app / "entries" / "applications").mkdir(parents=True)
    (app / "entries" / "applications" / f"{APP_ID}.desktop").write_text(desktop_entry(), encoding="utf-8")
    for folder, source in (("256x256", icons / "jxzp.png"), ("scalable", icons / "jxzp.svg")):
        target = app / "entries" / "icons" / "hicolor" / folder / "apps" / f"{APP_ID}{source.suffix}"
        target.parent.mkdir(parents=True)
        shutil.copyfile(source, target)
    (app / "entries" / "mime" / "packages").mkdir(parents=True)
    (app / "entries" / "mime" / "packages" / f"{APP_ID}.xml").write_text(mime_package(), encoding="utf-8")
    (app / "info").write_text(info(arch), encoding="utf-8")
    debian = tree / "DEBIAN"
    debian.mkdir()
    installed_kb = int(size_mb(app) * 1e6 / 1024) + 1
    (debian / "control").write_text(control(arch, installed_kb, glibc), encoding="utf-8")
    sums = []
    for path in sorted(p for p in app.rglob("*") if p.is_file() and not p.is_symlink()):
        sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(tree).as_posix()}")
    (debian / "md5sums").write_text("\n".join(sums) + "\n", encoding="utf-8")
    for path in [tree, *tree.rglob("*")]:  # dpkg wants 0755 folders and no group/other write bits
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
        elif path.is_file() and not path.is_symlink():
            path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)
    return tree


def make_deb(bundle: Path, out: Path, arch: str, glibc: Optional[str] = None) -> Path:
    """The .deb of ``bundle``; ``glibc``: the version it needs, when already measured (objdump on every file)."""
    target = out / plan.deb_name(arch)
    with tempfile.TemporaryDirectory(prefix="jxzp-deb-") as staging:
        tree = deb_tree(bundle, Path(staging), arch, glibc or glibc_required(bundle))
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(tree), str(target)], check=True,
                       stdout=subprocess.DEVNULL)
    return target


def make_archive(bundle: Path, out: Path, platform: str, arch: str) -> Path:
    target = out / plan.archive_name(platform, arch)
    if platform == plan.WINDOWS:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(bundle.rglob("*")):  # zipfile marks non-ASCII names as UTF-8
                archive.write(path, Path(bundle.name) / path.relative_to(bundle))
    else:
        def neutral(info: tarfile.TarInfo) -> tarfile.TarInfo:
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            return info
        with tarfile.open(target, "w:gz", compresslevel=6) as archive:  # -9: 3× slower, 0.5% smaller
            archive.add(bundle, arcname=bundle.name, filter=neutral)
    return target


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / plan.BUNDLE_NAME).resolve()
    out = Path(argv[1] if len(argv) > 1 else bundle.parent).resolve()
    platform, arch = plan.target(), plan.arch()
    folder = size_mb(bundle)
    print(f"folder  {bundle.name}/  {folder:.1f} MB (limit {MAX_FOLDER_MB})")
    archive = make_archive(bundle, out, platform, arch)
    print(f"archive {archive.name}  {size_mb(archive):.1f} MB (limit {MAX_ARCHIVE_MB})")
    problems = []
    if folder > MAX_FOLDER_MB:
        problems.append(f"folder {folder:.1f} MB > {MAX_FOLDER_MB} MB")
    if size_mb(archive) > MAX_ARCHIVE_MB:
        problems.append(f"archive {size_mb(archive):.1f} MB > {MAX_ARCHIVE_MB} MB")
    if platform == plan.LINUX:
        problems += [f"unresolved library: {line}" for line in unresolved_libraries(bundle)]
        glibc = glibc_required(bundle)
        deb = make_deb(bundle, out, arch, glibc)
        print(f"deb     {deb.name}  {size_mb(deb):.1f} MB (needs glibc ≥ {glibc})")
    if problems:
        print("错误：\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
