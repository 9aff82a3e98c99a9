"""Command-line parsing: `python main.py [FILE]` opens the window; subcommands work headless."""
from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from . import bundle
from .display import COMMANDS, EXIT_NO_DISPLAY, opens_window, refuse_without_display

_ARGPARSE_MESSAGES = (  # argparse speaks English; accountants read Chinese
    (r"the following arguments are required: (.*)", r"缺少参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"argument (\S+): invalid choice: (.*)", r"参数 \1 的取值无效：\2"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面需要一个值"),
    (r"\(choose from (.*)\)", r"（可选：\1）"),
    (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 不明确，可能是：\2"),
    (r"argument (\S+): ", r"参数 \1："),  # the rest (a --size our own type refused …): its message is Chinese
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

    def add_version(self) -> None:
        from model.version import VERSION
        self.add_argument("--version", action="version", version=f"绩效自评填报 {VERSION}", help="显示版本号并退出")

    def error(self, message: str):  # noqa: D401 - argparse API
        import re
        for pattern, replacement in _ARGPARSE_MESSAGES:
            message = re.sub(pattern, replacement, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}\n")


QT_COMMANDS = ("screenshot", "print")  # the bundled jxzp has no Qt: it hands these to the window program


def build_parser() -> argparse.ArgumentParser:
    """The subcommands (headless work)."""
    parser = _Parser(prog=bundle.program_name(),
                     description="绩效自评填报：预算绩效自评表的填报、计分、审核与导出。"
                                 "不带命令时打开窗口：python main.py [文档.jxzp]")
    parser.add_version()
    parser.add_argument("--debug", action="store_true", help="出错时显示详细信息（供开发者排查；可放在命令行任意位置）")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    check = sub.add_parser("check", help="计算各表得分并审核，不打开窗口",
                           description="计算各表执行率、得分、总分和等次，并列出审核发现的问题。"
                                       "退出码：0 无错误，1 有错误，2 文件无法读取。")
    check.add_argument("files", nargs="+", metavar="FILE", help="文档（.jxzp），或包含文档的文件夹")
    check.add_argument("--json", action="store_true", help="每个文件输出一行 JSON")
    check.add_argument("--import", dest="with_office", action="store_true",
                       help="文件夹中的 Excel／Word 表格也逐个导入后审核（每个文件视为一个单位）")
    export = sub.add_parser("export", help="导出为 Excel、Word、PDF",
                            description="把文档中的各张表导出为 Excel、Word 和／或 PDF，文件以单位和年度命名。"
                                        "退出码：0 成功，2 文档无法读取，3 无法写入导出文件。")
    export.add_argument("file", metavar="FILE", help="文档（.jxzp）")
    export.add_argument("--format", default="xlsx,docx,pdf", help="导出格式，逗号分隔：xlsx,docx,pdf（默认全部）")
    export.add_argument("--out", metavar="DIR", help="导出到的文件夹（默认与文档相同；不存在时自动创建）")
    printing = sub.add_parser("print", help="用窗口的打印功能把各表打印成 PDF（无需打印机和显示器）",
                              description="用与窗口“打印”“打印预览”相同的绘制代码，把文档中的各张表打印到 PDF 文件，"
                                          "每张表按其方向（基础数据表纵向，自评表横向）分页。"
                                          "退出码：0 成功，2 文档无法读取，3 无法写入 PDF。")
    printing.add_argument("file", metavar="FILE", help="文档（.jxzp）")
    printing.add_argument("--pdf", metavar="OUT.pdf", required=True, help="打印到的 PDF 文件")
    report = sub.add_parser("report", help="查看或起草自评报告（整体支出、项目支出绩效自评报告）",
                            description="不带 --draft 时列出文档中自评报告的文字；带 --draft 时补建缺少的报告，"
                                        "并按各表数据起草每个空白的（或仍是未修改草稿的）章节，已有的文字不变。"
                                        "退出码：0 成功，2 文档无法读取或提纲不存在，3 无法写入。")
    report.add_argument("file", nargs="?", metavar="FILE", help="文档（.jxzp）")
    report.add_argument("--draft", action="store_true", help="起草空白章节并保存")
    report.add_argument("--out", metavar="NEW.jxzp", help="保存到的文档（默认覆盖 FILE，原有文字不会被改动）")
    report.add_argument("--outline", metavar="ID", help="新建整体报告所用的提纲（默认湖南十部分提纲）")
    report.add_argument("--project-outline", metavar="ID", help="新建项目报告所用的提纲")
    report.add_argument("--list-outlines", action="store_true", help="列出可用的报告提纲")
    imp = sub.add_parser("import", help="从 Excel／Word 表格导入为文档",
                         description="读取已填好的绩效自评表（.xlsx、.docx；装有 LibreOffice 时也可 .xls、.doc），按表名和栏目名"
                                     "识别各表，写成一个文档并列出导入报告。退出码：0 全部识别，1 已写入但有未识别的内容，"
                                     "2 文件无法读取或被拒绝（未写入），3 无法写入文档。")
    imp.add_argument("sources", nargs="+", metavar="SOURCE", help="要导入的 Excel／Word 文件（可多个）")
    imp.add_argument("--out", required=True, metavar="FILE", help="写入的文档（.jxzp）")
    imp.add_argument("--json", action="store_true", help="以一行 JSON 输出导入报告")
    imp.add_argument("--force", action="store_true", help="文档已存在时覆盖它")
    year = sub.add_parser("new-year", help="从本年度文档开始下一年度",
                          description="以本年度文档为起点建立下一年度文档：保留单位信息、项目及其指标、分值和年度指标值，"
                                      "清空实际完成值、得分、偏差原因和各项资金数；基础数据表的本年决算数转为上年决算数。"
                                      "退出码：0 成功，2 文档无法读取，3 无法写入。")
    year.add_argument("file", metavar="FILE", help="本年度文档（.jxzp）")
    year.add_argument("--out", required=True, metavar="NEW", help="下一年度文档（.jxzp）")
    year.add_argument("--framework", default="keep", metavar="ID",
                      help="keep 沿用原指标体系（默认）；fit 改用适合新年度的湖南指标体系；或指标体系编号")
    year.add_argument("--force", action="store_true", help="文档已存在时覆盖它")
    summary = sub.add_parser("summary", help="把一个文件夹中各单位的文档汇总为一张 Excel 表（财政局用）",
                             description="读取文件夹中的全部文档，每个单位一行：总分、等次、错误和提示数、是否可以提交；"
                                         "第二张表列出各表得分，第三张表列出每一条审核发现及其单位和单元格。"
                                         "退出码：0 已写入，2 没有可汇总的文档，3 无法写入。")
    summary.add_argument("folders", nargs="+", metavar="DIR", help="文件夹或文档")
    summary.add_argument("--out", required=True, metavar="FILE", help="写入的 Excel 文件，例如 汇总.xlsx")
    summary.add_argument("--import", dest="with_office", action="store_true", help="也读取 Excel／Word 表格")
    shot = sub.add_parser("screenshot", help="把窗口的每一页截图为 PNG（无需显示器）",
                          description="打开文档，把窗口的每一页（单位信息、各表、审核结果）依次截图保存为 PNG。")
    shot.add_argument("file", metavar="FILE", help="文档（.jxzp）")
    shot.add_argument("--out", metavar="DIR", default="screenshots", help="保存截图的文件夹（默认 screenshots）")
    shot.add_argument("--size", metavar="宽x高", default="1600x900", type=_screen_size,
                      help="屏幕大小（像素，默认 1600x900；如 1366x768）：窗口占满这样的屏幕，缩放和侧栏按它默认")
    return parser


def _screen_size(text: str) -> tuple[int, int]:
    parts = text.lower().replace("×", "x").replace("*", "x").split("x")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        width, height = (int(p) for p in parts)
        if 640 <= width <= 7680 and 480 <= height <= 4320:
            return width, height
    raise argparse.ArgumentTypeError(f"“{text}”不是屏幕大小，请写成 宽x高，例如 1366x768")


def build_window_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=bundle.program_name(),
                     description="打开绩效自评填报窗口。命令行工具见 python main.py --help。")
    parser.add_argument("file", nargs="?", help="要打开的文档（.jxzp）；不给出时打开示例文档")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Every command runs guarded: an unforeseen failure is a Chinese message and exit 2 or 3 (cli/errors.py)."""
    from .errors import guarded, take_debug_flag
    argv, debug = take_debug_flag(sys.argv[1:] if argv is None else argv)
    return guarded(lambda: _dispatch(argv), debug)


def _open_window(argv: list[str], file: Optional[str]) -> int:
    if refuse_without_display():
        return EXIT_NO_DISPLAY
    if bundle.qt_missing():
        return bundle.hand_over(argv)
    from ui.app import run  # the everyday start: no argument parsing needed
    return run(file)


def _dispatch(argv: list[str]) -> int:
    if opens_window(argv):
        return _open_window(argv, argv[0] if argv else None)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        args = build_window_parser().parse_args(argv)
        return _open_window(argv, args.file)
    args = build_parser().parse_args(argv)
    if args.command in QT_COMMANDS and bundle.qt_missing():
        return bundle.hand_over(argv)
    if args.command == "check":
        from . import check
        return check.run(args.files, args.json, with_office=args.with_office)
    if args.command == "export":
        from . import export
        return export.run(args.file, args.format, args.out)
    if args.command == "print":
        from . import print_pdf
        return print_pdf.run(args.file, args.pdf)
    if args.command == "report":
        from . import report
        return report.run(args.file, args.draft, args.out, args.outline, args.project_outline, args.list_outlines)
    if args.command == "new-year":
        from . import new_year_cmd
        return new_year_cmd.run(args.file, args.out, args.framework, args.force)
    if args.command == "summary":
        from . import summary_cmd
        return summary_cmd.run(args.folders, args.out, args.with_office)
    if args.command == "import":
        from . import import_cmd
        return import_cmd.run(args.sources, args.out, args.json, args.force)
    if args.command == "screenshot":
        from . import screenshot
        return screenshot.run(args.file, args.out, *args.size)
    return 0
