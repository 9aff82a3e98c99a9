"""The headless command line: check, export, screenshot (no Qt import unless a command needs it)."""
