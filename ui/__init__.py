"""The PySide6 window: thin adapters and widgets over model/ (no domain logic here)."""
