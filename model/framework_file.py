"""A framework file (指标体系文件): one framework a finance bureau hands all its units, and 新建's choice.

The file is small UTF-8 JSON: ``{"format": "jxzp-framework", "version": 1, "framework": {…}}`` where the
framework is written as documents store it (model.framework ``to_dict``; docs/file-format.md). Reading
is strict and bounded: the file is read by the same reader as a document's frameworks, so a bad file is
refused with the validation messages (分值合计 …，应为 100 分) and nothing in the document changes.

``framework_for_year`` is the framework 新建 preselects for a year, with the reason it says; the rule
is data (resources/frameworks/years.json).
"""
from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from .framework import Framework, builtin_framework, framework_from_reader
from .jsonread import FormatError, Reader
from .oserrors import os_reason
from .resources import resource_dir
from .storage import write_atomic

FILE_FORMAT = "jxzp-framework"
FILE_VERSION = 1
EXTENSION = ".json"
MAX_BYTES = 1024 * 1024  # a framework is a few kB; anything far larger is not one
YEARS_FILE = "years.json"  # in resources/frameworks: which framework 新建 preselects for a year


class FrameworkFileError(Exception):
    """A framework file that cannot be read or written; ``str(error)`` is the Chinese explanation."""


def file_stem(framework: Framework) -> str:
    """A file name (no extension) from the framework's name, safe on Windows."""
    name = re.sub(r'[\\/:*?"<>|\r\n\t]+', "_", framework.name.strip()) or "指标体系"
    return f"指标体系-{name[:60]}"


def dumps(framework: Framework) -> str:
    data = {"format": FILE_FORMAT, "version": FILE_VERSION, "framework": framework.to_dict()}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def save(framework: Framework, path: str | os.PathLike) -> None:
    """Write the file atomically (DocumentError from model.storage when the folder is not writable)."""
    write_atomic(path, dumps(framework).encode("utf-8"))


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    data = {}
    for key, value in pairs:
        if key in data:
            raise FrameworkFileError(f"字段“{key[:40]}”出现了两次，文件可能被手工改动过")
        data[key] = value
    return data


def loads(text: str, where: str = "指标体系文件") -> Framework:
    try:
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise FrameworkFileError(f"{where}内容不完整或已损坏（第 {error.lineno} 行附近），不是有效的指标体系文件") from None
    except RecursionError:
        raise FrameworkFileError(f"{where}内容嵌套过深，不是有效的指标体系文件") from None
    root = Reader(data, where)
    try:
        root.obj()
        if root.value.get("format") == "jxzp":
            root.fail("这是绩效自评文档，不是指标体系文件；请打开该文档后用“指标体系 → 导出本表指标体系”")
        if root.value.get("format") != FILE_FORMAT:
            root.fail(f"不是指标体系文件（缺少格式标记 \"format\": \"{FILE_FORMAT}\"）")
        root.field("format", "格式")
        version = root.field("version", "格式版本").integer(minimum=1, maximum=10 ** 6)
        if version > FILE_VERSION:
            root.fail(f"文件格式版本为 {version}，由更新版本的程序保存，请升级程序")
        framework = framework_from_reader(root.field("framework", "指标体系"))
        root.no_unknown_fields()
    except FormatError as error:
        raise FrameworkFileError(str(error)) from None
    return framework


def load(path: str | os.PathLike) -> Framework:
    target = Path(path)
    name = f"文件“{target.name}”"
    try:
        if not target.is_file():
            raise FrameworkFileError(f"找不到{name}，或它不是普通文件" if not target.is_dir() else f"“{target}”是文件夹")
        with open(target, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise FrameworkFileError(f"没有读取{name}的权限") from None
    except OSError as error:
        raise FrameworkFileError(f"无法读取{name}：{os_reason(error, writing=False)}") from None
    if len(raw) > MAX_BYTES:
        raise FrameworkFileError(f"{name}过大，不是指标体系文件")
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise FrameworkFileError(f"{name}是 Excel／Word 等办公文件，不是指标体系文件")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FrameworkFileError(f"{name}不是 UTF-8 文本，不是指标体系文件") from None
    return loads(text, name)


# --- which framework 新建 preselects -----------------------------------------------------------

def framework_for_year(year: int) -> tuple[Framework, str]:
    """(the shipped framework that fits ``year``, why) — 2023 and before: 2023 style; 2024 on: 2024 style."""
    with open(resource_dir("frameworks", YEARS_FILE), encoding="utf-8") as handle:
        rules = json.load(handle)["rules"]
    for rule in rules:
        if rule.get("from", -10 ** 6) <= year <= rule.get("to", 10 ** 6):
            return builtin_framework(rule["framework"]), rule["reason"].format(year=year)
    rule = rules[-1]
    return builtin_framework(rule["framework"]), rule["reason"].format(year=year)
