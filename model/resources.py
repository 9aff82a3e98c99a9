"""Where the shipped resources live, in a source checkout and in a PyInstaller bundle."""
from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding resources/: the bundle's _MEIPASS when frozen, else the checkout."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS)
    return Path(__file__).resolve().parent.parent


def resource_dir(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)
