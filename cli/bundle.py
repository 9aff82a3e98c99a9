"""The command line inside the PyInstaller bundle (打包后的 jxzp).

The bundle holds two programs in one folder: the window program (built with PySide6) and `jxzp`
(built without it, so that check/export start without loading Qt). Commands that need Qt —
opening the window, `screenshot`, `print` — are handed from `jxzp` to the window program beside
it, with the same arguments, standard streams and exit code. From a source checkout nothing is
handed over: `python main.py` has Qt.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence

WINDOW_PROGRAM = "绩效自评填报"  # the window executable's name (build.spec names it from here)
CLI_PROGRAM = "jxzp"


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def program_name() -> str:
    """What `--help` calls the program: jxzp in the bundle, main.py from a checkout."""
    return CLI_PROGRAM if frozen() else "main.py"


def window_program(executable: Optional[str] = None) -> Path:
    here = Path(executable or sys.executable)
    return here.with_name(WINDOW_PROGRAM + (".exe" if sys.platform == "win32" else ""))


def qt_missing() -> bool:
    """True in the bundled `jxzp`, which is built without PySide6.

    Asked by the program's own name: the shared folder holds PySide6's extension files, so an import
    probe would find a (namespace) package there and then crash loading Qt half-initialised.
    """
    return frozen() and Path(sys.executable).stem == CLI_PROGRAM


def _handle(stream):
    """The stream itself when it has an OS-level handle to pass on, else None (inherit)."""
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    return stream


def hand_over(argv: Sequence[str]) -> int:
    """Run the window program with these arguments; its exit code is ours."""
    target = window_program()
    if not target.is_file():
        sys.stderr.write(f"错误：找不到窗口程序 {target}，请重新解压或安装完整的程序文件夹。\n")
        return 2
    import subprocess  # only the bundled jxzp hands over: check/export start without it
    sys.stdout.flush()
    # Streams are passed explicitly: on Windows a windowed (no console) program receives standard
    # handles only when the parent names them, so screenshot/print can still report their files.
    streams = [_handle(stream) for stream in (sys.stdin, sys.stdout, sys.stderr)]
    try:
        return subprocess.run([str(target), *argv], stdin=streams[0], stdout=streams[1], stderr=streams[2]).returncode
    except OSError as error:
        sys.stderr.write(f"错误：无法启动窗口程序 {target}：{error}\n")
        return 2
