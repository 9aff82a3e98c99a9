"""The reference for start-up and memory: a bare PySide6 window that quits after its first paint."""
import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if os.environ.get("JXZP_STARTUP_STAMPS"):
                with open(os.environ["JXZP_STARTUP_STAMPS"], "a", encoding="utf-8") as handle:
                    handle.write(f"window {time.time():.6f}\n")
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 900)
window.installEventFilter(Quit(window))
window.show()
app.exec()
if "--rss" in sys.argv:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
