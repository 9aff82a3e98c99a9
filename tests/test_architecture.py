"""The shape rules of DESIGN.md that a test can hold."""
import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def python_files(folder):
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", ["model", "exporters", "importers", "cli"])
def test_core_never_imports_qt(folder):
    for path in python_files(folder):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if folder == "cli" and path.name in ("screenshot.py", "print_pdf.py"):
                    continue  # the screenshot and print commands run the window's own code on purpose
                assert not name.split(".")[0] in QT_MODULES, f"{path.relative_to(ROOT)} imports {name}"


def test_importing_the_core_loads_no_qt():
    code = ("import sys; import model.storage, model.evaluation, model.checks, cli.check;"
            "import importlib, pkgutil, model, exporters\n"
            "for m in pkgutil.walk_packages(model.__path__, 'model.'): importlib.import_module(m.name)\n"
            "for m in pkgutil.walk_packages(exporters.__path__, 'exporters.'): importlib.import_module(m.name)\n"
            "import importers\n"
            "for m in pkgutil.walk_packages(importers.__path__, 'importers.'): importlib.import_module(m.name)\n"
            f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]; print(bad); sys.exit(bool(bad))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_modules_stay_readable():
    for folder in ("model", "exporters", "importers", "ui", "cli"):
        for path in python_files(folder):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            assert lines <= 500, f"{path.relative_to(ROOT)} has {lines} lines"
