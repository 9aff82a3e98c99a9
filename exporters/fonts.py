"""Embeddable Chinese TrueType fonts for the PDF writer: find them, register each once, map roles to faces.

Search order (first usable file wins for each face):
  1. Windows system fonts: simfang.ttf (仿宋, body), simhei.ttf (黑体, headers), 方正小标宋 or simsun.ttc
     (宋体) for titles;
  2. a serif Linux system face for body and titles, as 仿宋/宋体 are serif: AR PL UMing (明体, package
     fonts-arphic-uming), then AR PL UKai (楷体);
  3. fonts shipped with the app in resources/fonts (*.ttf, *.ttc);
  4. other Linux system CJK TrueType fonts (文泉驿微米黑/正黑, TrueType Noto CJK …).
Without Windows fonts, bold headers take a sans-serif face (文泉驿, as 黑体 is sans-serif) when one is
installed besides the body face, else the body face.
Only TrueType outlines are accepted: reportlab embeds them as subsets. CFF/OpenType CJK fonts (most Noto
CJK files) are refused by reportlab and skipped, and a font without Chinese glyphs is skipped too, so a PDF
is never written with boxes or with an unembedded CID font.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from model.resources import resource_dir

from .common import ExportError
from .font_faces import FastTTFont
from .style import HEADING_FONT, TITLE_FONT, TextStyle

PROBE = "绩效自评表单位"  # a face must have all of these to count as a Chinese font
WINDOWS_BODY = ("simfang.ttf", "simkai.ttf", "simsun.ttc")
WINDOWS_BOLD = ("simhei.ttf",)
WINDOWS_TITLE = ("FZXBSJW.TTF", "FZXBSJW--GB1-0.ttf", "方正小标宋简体.ttf", "方正小标宋_GBK.ttf", "simsun.ttc")
SYSTEM_FILES = (
    "/usr/share/fonts/truetype/arphic/uming.ttc",  # serif first: subfont 0 is AR PL UMing CN
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",  # Fedora / openEuler layout
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # usually CFF: tried, then skipped
)
SYSTEM_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
# File names of Chinese fonts worth trying when a distribution (UOS, Kylin …) keeps them elsewhere.
_CJK_NAME = re.compile(r"wqy|uming|ukai|droidsansfallback|notosanssc|notoserifsc|sourcehan|simfang|simsun|"
                       r"simhei|fangsong|noto.*cjk", re.IGNORECASE)
_SERIF_NAME = re.compile(r"uming|ukai|serif|song|simsun|simfang|fangsong|kai", re.IGNORECASE)


def windows_font_dir() -> Optional[Path]:
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if not windir:
        return None
    folder = Path(windir) / "Fonts"
    return folder if folder.is_dir() else None


def bundled_font_files() -> list[Path]:
    folder = resource_dir("fonts")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".ttc"))


def system_font_files() -> list[Path]:
    """The well-known paths first, then other Chinese-looking TrueType files under the font folders."""
    found = [Path(p) for p in SYSTEM_FILES]
    for folder in SYSTEM_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            found += sorted(p for p in root.rglob("*.tt[fc]") if _CJK_NAME.search(p.name))
    return found


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names per use; ``fallbacks`` cover characters a main face lacks."""

    body: str
    bold: str
    title: str
    fallbacks: tuple[str, ...] = ()

    def for_style(self, style: TextStyle) -> str:
        if style.font == TITLE_FONT:
            return self.title
        if style.bold or style.font == HEADING_FONT:
            return self.bold
        return self.body  # BODY_FONT (仿宋) and anything unknown

    @property
    def all(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.body, self.bold, self.title) + self.fallbacks))


_registered: dict[Path, Optional[str]] = {}  # path → registered name, None when unusable
_font_set: Optional[FontSet] = None


def reset() -> None:
    """Forget the search result (tests change the search paths); registered fonts stay registered."""
    global _font_set
    _font_set = None


def register(path: Path) -> Optional[str]:
    """Register a TrueType file once per process, for the forms and the reports alike; None if it is
    missing, CFF, broken or not Chinese."""
    path = Path(path)
    if path in _registered:
        return _registered[path]
    name = None
    if path.is_file():
        candidate = "CJK-" + re.sub(r"[^A-Za-z0-9]+", "", path.stem)[:24] + f"-{len(_registered)}"
        try:
            font = FastTTFont(candidate, str(path), subfontIndex=0)
        except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError):
            font = None  # "postscript outlines are not supported", truncated files …
        if font is not None and all(ord(ch) in font.face.charToGlyph for ch in PROBE):
            pdfmetrics.registerFont(font)
            name = candidate
    _registered[path] = name
    return name


def first_usable(paths: Iterable[Path]) -> Optional[str]:
    """The registered name of the first usable file of ``paths``, or None."""
    for path in paths:
        name = register(path)
        if name:
            return name
    return None


def in_folder(folder: Optional[Path], names: Iterable[str]) -> list[Path]:
    """The files ``names`` in ``folder`` (the Windows font folder), none when there is no such folder."""
    return [folder / n for n in names] if folder else []


def font_set() -> FontSet:
    """The faces to use, found and registered on the first call; ExportError if there is none."""
    global _font_set
    if _font_set is not None:
        return _font_set
    windows = windows_font_dir()
    system = system_font_files()
    serif = [p for p in system if _SERIF_NAME.search(p.name)]
    sans = [p for p in system if not _SERIF_NAME.search(p.name)]
    shared = [*serif, *bundled_font_files(), *sans]
    body = first_usable([*in_folder(windows, WINDOWS_BODY), *shared])
    if body is None:
        raise ExportError("未找到可嵌入 PDF 的中文 TrueType 字体，无法导出 PDF。请安装中文 TrueType 字体"
                          "（如 Windows 自带的仿宋 simfang.ttf，或 Linux 上的文鼎明体 fonts-arphic-uming、文泉驿微米黑 fonts-wqy-microhei），"
                          "或把 .ttf/.ttc 字体文件放入程序的 resources/fonts 文件夹后重试。")
    # Title faces come only from Windows (方正小标宋/宋体), else the (serif) body face serves; bold headers
    # take 黑体 or a sans-serif face: a real embedded font rather than a stroked imitation of bold.
    bold = first_usable(in_folder(windows, WINDOWS_BOLD))
    if bold is None and windows is None:
        bold = next((n for n in map(register, sans) if n and n != body), None)
    bold = bold or body
    title = first_usable(in_folder(windows, WINDOWS_TITLE)) or body
    fallbacks = tuple(n for n in (first_usable(shared),) if n and n not in (body, bold, title))
    _font_set = FontSet(body, bold, title, fallbacks)
    return _font_set


def has_glyph(font_name: str, char: str) -> bool:
    font = pdfmetrics.getFont(font_name)
    return ord(char) in font.face.charToGlyph
