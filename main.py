"""绩效自评填报 — entry point. `python main.py --help` lists the commands."""
import sys


def _main() -> int:
    argv = sys.argv[1:]
    from cli.display import EXIT_NO_DISPLAY, opens_window, refuse_without_display
    if opens_window(argv):
        if refuse_without_display():
            return EXIT_NO_DISPLAY
        from ui.app import run  # the everyday start: straight to the window, nothing else imported
        return run(argv[0] if argv else None)
    from cli.app import main
    return main(argv)


if __name__ == "__main__":
    code = _main()
    # The process ends here: its final garbage collection need not go over everything a command left
    # alive (an export's layouts and caches: 45 ms of a 600 ms export).
    import gc
    gc.freeze()
    sys.exit(code)
