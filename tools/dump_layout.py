"""Print a document's layouts as text grids, to eyeball them against the seeds.

Usage: python tools/dump_layout.py resources/examples/tianyuan-2024.jxzp [form key]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model import storage  # noqa: E402
from model.layout import build_layouts  # noqa: E402


def main() -> None:
    doc = storage.load(sys.argv[1])
    for layout in build_layouts(doc):
        if len(sys.argv) > 2 and layout.key != sys.argv[2]:
            continue
        print(f"=== {layout.sheet_name} ({'横向' if layout.landscape else '纵向'}) "
              f"table {layout.table_rows.start}-{layout.table_rows.stop - 1} header {list(layout.header_rows)}")
        for row in range(layout.n_rows):
            parts = []
            for cell in layout.cells_in_row(row):
                span = f"{cell.rowspan}x{cell.colspan}" if (cell.rowspan, cell.colspan) != (1, 1) else ""
                text = cell.text.replace("\n", "⏎")[:18]
                parts.append(f"[{cell.col}{span} {cell.role.value[:3]}] {text}")
            print(f"{row:3d} " + " | ".join(parts))


if __name__ == "__main__":
    main()
