"""The Qt binding itself: guard against a known defect coming back with an upgrade.

PySide6 6.12.0 drops a reference to None each time C++ calls a Python data() that returns None;
Python 3.11's None is not immortal, so the process aborts ("none_dealloc") after ~20,000 calls —
a few minutes of scrolling in the window. Run in a subprocess: the failure is an abort.
"""
import subprocess
import sys
import textwrap

from tests.conftest import ROOT

SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()): return 3
        def columnCount(self, parent=QModelIndex()): return 3
        def data(self, index, role=Qt.ItemDataRole.DisplayRole): return None
    model = Model()
    index = model.index(1, 1)
    before = sys.getrefcount(None)
    for _ in range(30000):
        index.data(Qt.ItemDataRole.DisplayRole)  # through C++, as a view calls it
    print(sys.getrefcount(None) - before)
""")


def test_returning_none_from_data_does_not_leak_a_reference_to_none():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100
