"""Copy the licences of what the bundle ships into resources/licenses/, with an index the 关于 dialog reads.

Run after changing a pinned version in requirements.txt (a test checks the index against the pins):
    .venv/bin/python tools/collect_licenses.py
Texts come from the installed packages' metadata, Python's own LICENSE.txt and Debian's
/usr/share/common-licenses and /usr/share/doc copyright files (for Qt's LGPL, ICU and the font).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "licenses"


def dist_file(dist: str, name: str) -> Path:
    for file in metadata.distribution(dist).files or []:
        if file.name == name and ".dist-info" in str(file):
            return Path(file.locate())
    raise FileNotFoundError(f"{dist}: no {name} in its metadata")


def deb_version(package: str) -> str:
    return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                          check=True).stdout.split("-")[0]


def components() -> list[dict]:
    """(what, version, licence, [(target file, source)], platforms) for every shipped component."""
    python = Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "LICENSE.txt"
    common = Path("/usr/share/common-licenses")
    items = [
        ("Python", ".".join(map(str, sys.version_info[:2])), "PSF-2.0", [("Python-LICENSE.txt", python)], None),
        ("Qt 6 / PySide6 / Shiboken6", metadata.version("PySide6-Essentials"), "LGPL-3.0-only",
         [("Qt-LGPL-3.0.txt", common / "LGPL-3"), ("Qt-GPL-3.0.txt", common / "GPL-3")], None),
        ("ICU（Qt 附带）", "73", "ICU", [("ICU-LICENSE.txt", Path("/usr/share/doc/libicu72/copyright"))],
         ["linux"]),
        ("openpyxl", metadata.version("openpyxl"), "MIT", [("openpyxl-LICENCE.txt", dist_file("openpyxl", "LICENCE.rst"))],
         None),
        ("et_xmlfile", metadata.version("et_xmlfile"), "MIT",
         [("et_xmlfile-LICENCE.txt", dist_file("et_xmlfile", "LICENCE.rst"))], None),
        ("python-docx", metadata.version("python-docx"), "MIT", [("python-docx-LICENSE.txt",
                                                                 dist_file("python-docx", "LICENSE"))], None),
        ("lxml（含 libxml2、libxslt）", metadata.version("lxml"), "BSD-3-Clause",
         [("lxml-LICENSE.txt", dist_file("lxml", "LICENSE.txt")), ("lxml-LICENSES.txt", dist_file("lxml", "LICENSES.txt"))],
         None),
        ("ReportLab", metadata.version("reportlab"), "BSD-3-Clause", [("reportlab-LICENSE.txt",
                                                                      dist_file("reportlab", "LICENSE"))], None),
        ("Pillow", metadata.version("pillow"), "MIT-CMU", [("Pillow-LICENSE.txt", dist_file("pillow", "LICENSE"))], None),
        ("charset-normalizer", metadata.version("charset-normalizer"), "MIT",
         [("charset-normalizer-LICENSE.txt", dist_file("charset-normalizer", "LICENSE"))], None),
        ("typing_extensions", metadata.version("typing_extensions"), "PSF-2.0",
         [("typing_extensions-LICENSE.txt", dist_file("typing_extensions", "LICENSE"))], None),
        ("PyInstaller 引导程序", metadata.version("pyinstaller"), "GPL-2.0-or-later WITH Bootloader-exception",
         [("PyInstaller-COPYING.txt", dist_file("pyinstaller", "COPYING.txt"))], None),
        ("文泉驿微米黑 WenQuanYi Micro Hei（字体）", deb_version("fonts-wqy-microhei"),
         "Apache-2.0 OR GPL-3.0-only WITH Font-exception",
         [("WenQuanYi-Micro-Hei-copyright.txt", Path("/usr/share/doc/fonts-wqy-microhei/copyright"))], ["linux"]),
    ]
    return [{"name": name, "version": version, "license": licence, "files": [target for target, _ in files],
             "platforms": platforms, "_sources": files} for name, version, licence, files, platforms in items]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    index = []
    for item in components():
        for target, source in item.pop("_sources"):
            shutil.copyfile(source, OUT / target)
        if item["platforms"] is None:
            del item["platforms"]
        index.append(item)
    (OUT / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(index)} components → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
