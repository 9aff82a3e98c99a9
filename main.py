"""绩效自评填报 — entry point. `python main.py --help` lists the commands."""
import sys

from cli.app import main

if __name__ == "__main__":
    sys.exit(main())
