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


# Known gaps being closed (strict: each must fail until fixed, then this entry goes). The 怀化 form's
# 评价报告综述 is one row taller than a page, which Word and Excel do not yet split as the plan does.
KNOWN_GAPS = {
    "tests/test_comprehensive_exports.py::test_xlsx_carries_the_labels_in_order_on_one_portrait_page_width",
    "tests/test_export_docx.py::test_cells_match_the_plan[jingzhou-2023]",
    "tests/test_export_docx.py::test_rows_keep_together_as_planned[jingzhou-2023]",
    "tests/test_export_docx.py::test_header_row_repeats_and_nothing_else",
    "tests/test_export_xlsx.py::test_row_breaks_and_heights_follow_the_plan[jingzhou-2023]",
    "tests/test_linebreak.py::test_fitted_widths_fill_the_page_and_keep_figures_whole[jingzhou-2023]",
    "tests/test_paging.py::test_every_example_is_planned_by_the_rules[jingzhou-2023]",
    "tests/test_print_cli.py::test_print_gives_the_pages_of_the_export_and_the_plan[jingzhou-2023]",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid in KNOWN_GAPS:
            item.add_marker(pytest.mark.xfail(strict=True, reason="the 怀化 form's long rows: pagination pending"))
