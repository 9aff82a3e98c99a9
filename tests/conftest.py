"""Shared fixtures. Qt must run offscreen before any QApplication exists."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

EXAMPLES = ROOT / "resources" / "examples"
EXAMPLE_NAMES = ("lukou-2023", "tianyuan-2024", "yueyanglou-2023", "yuelu-2021", "jingzhou-2023")
# the examples with the standard forms (整体表 and/or 项目表), which take 自评报告 beside them
REPORT_EXAMPLES = tuple(name for name in EXAMPLE_NAMES if name != "jingzhou-2023")


def example_path(name: str) -> Path:
    return EXAMPLES / f"{name}.jxzp"


@pytest.fixture
def load_example():
    from model import storage
    return lambda name: storage.load(example_path(name))


@pytest.fixture
def tianyuan(load_example):
    return load_example("tianyuan-2024")
