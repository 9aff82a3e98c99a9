"""The embeddable faces a report PDF uses, on top of exporters.fonts (which finds and registers them, each
file once for the forms and the reports).

A report wants more faces than a form: 仿宋 for the body, 黑体 for 一、 headings, 楷体 for （一） headings,
小标宋 for the title. exporters.fonts gives body, bold (黑体) and title faces; this module adds 楷体
(simkai.ttf on Windows, AR PL UKai elsewhere) and prefers a serif body face where Windows' 仿宋 is absent
(a 宋体/明体 such as AR PL UMing reads closer to 仿宋 than a sans face). Every face falls back to the
forms' body face, so a PDF is always written with embedded fonts only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import fonts

WINDOWS_KAI = ("simkai.ttf", "STKAITI.TTF")
WINDOWS_FANGSONG = ("simfang.ttf", "STFANGSO.TTF")
SERIF_NAMES = re.compile(r"fangsong|simfang|fzfs|uming|notoserifsc|simsun|songti", re.IGNORECASE)
KAI_NAMES = re.compile(r"ukai|simkai|kaiti|fzkai", re.IGNORECASE)


@dataclass(frozen=True)
class ReportFonts:
    body: str  # 仿宋 (also 1. headings, drawn bold)
    heading: str  # 黑体: 一、 headings, 附件 line
    kai: str  # 楷体: （一） headings
    title: str  # 小标宋
    fallbacks: tuple[str, ...]  # for characters a face lacks

    @property
    def all(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.body, self.heading, self.kai, self.title) + self.fallbacks))


_cache: Optional[ReportFonts] = None


def report_fonts() -> ReportFonts:
    """The faces, found on the first call; ExportError (from exporters.fonts) when there is no Chinese font."""
    global _cache
    if _cache is not None:
        return _cache
    base = fonts.font_set()
    windows = fonts.windows_font_dir()
    found = [*fonts.bundled_font_files(), *fonts.system_font_files()]  # searched once for both faces

    def named(pattern: re.Pattern) -> list[Path]:
        return [p for p in found if pattern.search(p.name)]

    body = (fonts.first_usable(fonts.in_folder(windows, WINDOWS_FANGSONG)) or fonts.first_usable(named(SERIF_NAMES))
            or base.body)
    kai = fonts.first_usable(fonts.in_folder(windows, WINDOWS_KAI)) or fonts.first_usable(named(KAI_NAMES)) or body
    _cache = ReportFonts(body, base.bold, kai, base.title, tuple(n for n in base.all if n not in (body,)))
    return _cache


def reset() -> None:
    global _cache
    _cache = None


def face_for(fonts_: ReportFonts, preferred: str, char: str) -> str:
    """``preferred`` if it has a glyph for ``char``, else the first fallback that has one."""
    if char.isspace() or fonts.has_glyph(preferred, char):
        return preferred
    for name in fonts_.all:
        if fonts.has_glyph(name, char):
            return name
    return preferred
