"""The command line's last line of defence: no traceback ever reaches the person at the terminal.

Every command runs inside ``guarded`` (cli/app.py dispatches through it, so commands added later are
covered too). A failure nobody foresaw becomes a Chinese message with a hint to report it, and an exit
code that says which side failed:

* 2 — the input (the document, the arguments): whatever goes wrong while reading or evaluating;
* 3 — the output: a failure inside ``writing()`` (export files) or on standard output itself.

``--debug`` (anywhere on the command line) shows the traceback as well.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator, Optional, Sequence, TextIO

from model.oserrors import os_reason

EXIT_INPUT, EXIT_OUTPUT, EXIT_INTERRUPTED = 2, 3, 130
DEBUG_FLAG = "--debug"
REPORT_HINT = "这是程序的问题，不是您的操作有误。请把这条信息和所用的文档发给开发者；加 --debug 可显示详细信息。"


class OutputFailure(Exception):
    """An unforeseen failure while writing output (wraps the original as ``__cause__``)."""


@contextmanager
def writing(*expected: type[BaseException]) -> Iterator[None]:
    """Mark a block as writing output: anything unforeseen in it exits with code 3, not 2.

    ``expected`` errors (the command's own, with their own message) pass through unchanged.
    """
    try:
        yield
    except (KeyboardInterrupt, SystemExit, *expected):
        raise
    except Exception as error:
        raise OutputFailure(str(error)) from error


def take_debug_flag(argv: Sequence[str]) -> tuple[list[str], bool]:
    """(argv without --debug, whether it was given)."""
    rest = [arg for arg in argv if arg != DEBUG_FLAG]
    return rest, len(rest) != len(argv)


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError):
        where = f"（{error.filename}）" if getattr(error, "filename", None) else ""
        return f"{os_reason(error)}{where}"
    if isinstance(error, MemoryError):
        return "内存不足"
    if isinstance(error, RecursionError):
        return "内容嵌套过深"
    return f"内部错误（{type(error).__name__}）"


def _safe_streams() -> None:
    """Text the terminal cannot show is replaced rather than raising (a GBK console, a C locale)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass


def guarded(command: Callable[[], int], debug: bool = False, stderr: Optional[TextIO] = None) -> int:
    """Run ``command`` and return its exit code; map whatever escapes it to a message and 2 or 3."""
    _safe_streams()
    try:
        return command()
    except SystemExit:
        raise  # argparse's usage errors and --help: already a message and a code
    except KeyboardInterrupt:
        _write(stderr, "已中断。\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of our output went away (| head): nothing more to say
        _quiet_stdout()
        return EXIT_OUTPUT
    except OutputFailure as failure:
        error = failure.__cause__ or failure
        _report(stderr, f"写入输出时出错：{_describe(error)}", error, debug)
        return EXIT_OUTPUT
    except Exception as error:  # noqa: BLE001 - this is the place that catches everything
        _report(stderr, f"处理时出错：{_describe(error)}", error, debug)
        return EXIT_INPUT


def _report(stderr: Optional[TextIO], message: str, error: BaseException, debug: bool) -> None:
    text = f"错误：{message}\n{REPORT_HINT}\n"
    if debug:
        import traceback  # only for --debug: every command imports this module
        text += "".join(traceback.format_exception(error))
    _write(stderr, text)


def _write(stderr: Optional[TextIO], text: str) -> None:
    stream = stderr or sys.stderr
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        pass


def _quiet_stdout() -> None:
    """After a broken pipe Python would complain once more when flushing stdout at exit."""
    try:
        import os
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
