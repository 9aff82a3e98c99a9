"""Command-line parsing: `python main.py [FILE]` opens the window; subcommands work headless."""
from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

_ARGPARSE_MESSAGES = (  # argparse speaks English; accountants read Chinese
    (r"the following arguments are required: (.*)", r"缺少参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"argument (\S+): invalid choice: (.*)", r"参数 \1 的取值无效：\2"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面需要一个值"),
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str):  # noqa: D401 - argparse API
        import re
        for pattern, replacement in _ARGPARSE_MESSAGES:
            message = re.sub(pattern, replacement, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}\n")


COMMANDS = ("check", "export", "screenshot")  # also in main.py


def build_parser() -> argparse.ArgumentParser:
    """The subcommands (headless work)."""
    parser = _Parser(prog="main.py", description="绩效自评填报：预算绩效自评表的填报、计分、审核与导出。"
                     "不带命令时打开窗口：python main.py [文档.jxzp]")
    parser.add_argument("--debug", action="store_true", help="出错时显示详细信息（供开发者排查；可放在命令行任意位置）")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    check = sub.add_parser("check", help="计算各表得分并审核，不打开窗口",
                           description="计算各表执行率、得分、总分和等次，并列出审核发现的问题。"
                                       "退出码：0 无错误，1 有错误，2 文件无法读取。")
    check.add_argument("files", nargs="+", metavar="FILE", help="文档（.jxzp）")
    check.add_argument("--json", action="store_true", help="每个文件输出一行 JSON")
    export = sub.add_parser("export", help="导出为 Excel、Word、PDF",
                            description="把文档中的各张表导出为 Excel、Word 和／或 PDF，文件以单位和年度命名。"
                                        "退出码：0 成功，2 文档无法读取，3 无法写入导出文件。")
    export.add_argument("file", metavar="FILE", help="文档（.jxzp）")
    export.add_argument("--format", default="xlsx,docx,pdf", help="导出格式，逗号分隔：xlsx,docx,pdf（默认全部）")
    export.add_argument("--out", metavar="DIR", help="导出到的文件夹（默认与文档相同；不存在时自动创建）")
    shot = sub.add_parser("screenshot", help="把窗口的每一页截图为 PNG（无需显示器）",
                          description="打开文档，把窗口的每一页（单位信息、各表、审核结果）依次截图保存为 PNG。")
    shot.add_argument("file", metavar="FILE", help="文档（.jxzp）")
    shot.add_argument("--out", metavar="DIR", default="screenshots", help="保存截图的文件夹（默认 screenshots）")
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="打开绩效自评填报窗口。命令行工具见 python main.py --help。")
    parser.add_argument("file", nargs="?", help="要打开的文档（.jxzp）；不给出时打开示例文档")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Every command runs guarded: an unforeseen failure is a Chinese message and exit 2 or 3 (cli/errors.py)."""
    from .errors import guarded, take_debug_flag
    argv, debug = take_debug_flag(sys.argv[1:] if argv is None else argv)
    return guarded(lambda: _dispatch(argv), debug)


def _dispatch(argv: list[str]) -> int:
    if len(argv) <= 1 and not (argv and (argv[0] in COMMANDS or argv[0].startswith("-"))):
        from ui.app import run  # the everyday start: no argument parsing needed
        return run(argv[0] if argv else None)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        args = build_window_parser().parse_args(argv)
        from ui.app import run
        return run(args.file)
    args = build_parser().parse_args(argv)
    if args.command == "check":
        from . import check
        return check.run(args.files, args.json)
    if args.command == "export":
        from . import export
        return export.run(args.file, args.format, args.out)
    if args.command == "screenshot":
        from . import screenshot
        return screenshot.run(args.file, args.out)
    return 0
