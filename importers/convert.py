"""Old binary .xls / .doc files: converted to .xlsx / .docx through LibreOffice when it is installed.

The conversion runs headless in a temporary folder with a profile of its own and a time limit; without
LibreOffice the user is told how to convert the file themselves (WPS / Office: 另存为).
"""
from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

from .safety import ImportRefused

TIMEOUT_SECONDS = 90
_WORD = "WordDocument".encode("utf-16-le")


def _target(source: Path) -> str:
    suffix = source.suffix.lower()
    if suffix in (".xls", ".et"):
        return "xlsx"
    if suffix in (".doc", ".wps"):
        return "docx"
    with open(source, "rb") as handle:
        return "docx" if _WORD in handle.read(4 * 1024 * 1024) else "xlsx"


def office_program() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextlib.contextmanager
def converted_copy(source: Path) -> Iterator[Path]:
    """A temporary .xlsx/.docx made from the binary file ``source``; removed afterwards."""
    target = _target(source)
    kind = "Excel" if target == "xlsx" else "Word"
    program = office_program()
    if program is None:
        raise ImportRefused(f"“{source.name}”是旧版 {kind} 文件（.{'xls' if target == 'xlsx' else 'doc'}），"
                            f"本机没有安装 LibreOffice，无法自动转换；请用 WPS 或 Office 打开后另存为 .{target}，再导入")
    with tempfile.TemporaryDirectory(prefix="jxzp-convert-") as folder:
        work = Path(folder)
        copy = work / f"source{source.suffix.lower() or '.bin'}"
        shutil.copyfile(source, copy)
        command = [program, f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--norestore",
                   "--convert-to", target, "--outdir", str(work / "out"), str(copy)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired):
            raise ImportRefused(f"用 LibreOffice 转换“{source.name}”失败或超时，请用 WPS 或 Office 另存为 .{target}") from None
        result = work / "out" / f"source.{target}"
        if not result.is_file():
            raise ImportRefused(f"LibreOffice 无法转换“{source.name}”（文件可能已损坏或设置了密码），"
                                f"请用 WPS 或 Office 打开后另存为 .{target}")
        yield result
