"""Entry point of the bundled command line `jxzp` (build.spec builds it without PySide6).

check/export run here without loading Qt; commands that need Qt go to the window program
(cli/bundle.py). From a checkout, `python main.py` does everything.
"""
import sys

from cli.app import main

if __name__ == "__main__":
    code = main()
    import gc
    gc.freeze()  # as main.py: the final garbage collection need not go over what the command left alive
    sys.exit(code)
