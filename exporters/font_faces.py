"""TrueType faces for reportlab, their per-glyph tables read in bulk.

reportlab reads a font's cmap, hmtx and loca tables one number at a time in Python: for a Chinese face
(20–50 thousand glyphs) that is about 50 ms a face, paid by every export that writes a PDF. This face
maps the file into memory rather than reading all of it, reads the same tables with one
``struct.unpack_from`` each and builds the same attributes (charToGlyph, glyphToChar, charWidths,
defaultWidth, hmetrics, glyphPos); every other table, and every cmap format other than 4 and 12, is left
to reportlab. tests/test_export_pdf.py checks the result against reportlab's own reading of the
installed fonts.
"""
from __future__ import annotations

import mmap
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from fnmatch import fnmatch
from struct import error as struct_error, unpack_from
from typing import Optional
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, TTFontFile, unShapedFontGlob


class FastFace(TTFontFace):
    """reportlab's TTFontFace with the cmap, hmtx and loca tables read in bulk."""

    def readFile(self, f):
        """The file mapped into memory rather than read: a Chinese face is 5–20 MB, of which an export
        touches the tables above and the outlines of the characters it uses."""
        if not hasattr(self, "_ttf_data") and isinstance(f, (str, os.PathLike)):
            with open(f, "rb") as handle:
                self.filename = os.fspath(f)
                self._ttf_data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            self._pos = 0
            return
        super().readFile(f)

    def extractInfo(self, charInfo=1):
        TTFontFile.extractInfo(self, 0)  # names and metrics; it stops before the per-glyph tables
        if charInfo:
            try:
                done = self._glyph_tables()
            except (KeyError, IndexError, ValueError, struct_error):
                done = False
            if not done:  # a cmap this reader does not know, or a damaged table: reportlab's way
                TTFontFile.extractInfo(self, charInfo)

    _kept: Optional[dict] = None  # tables copied out of the file, while tables_kept() holds them

    def get_table(self, tag):
        """A table's bytes; within tables_kept() copied out of the file once (subsetting asks for the glyf
        table, megabytes of it, once for every 256 characters used)."""
        kept = self._kept
        if kept is None:
            return super().get_table(tag)
        found = kept.get(tag)
        if found is None:
            found = kept[tag] = super().get_table(tag)
        return found

    @property
    def glyphToChar(self) -> dict[int, list[int]]:
        """Glyph → characters, made when first asked for (only text shaping uses it)."""
        if getattr(self, "_glyph_to_char", None) is None:
            found: dict[int, list[int]] = {}
            for char, glyph in self._cmap_pairs:
                found.setdefault(glyph, []).append(char)
            self._glyph_to_char = found
        return self._glyph_to_char

    @glyphToChar.setter
    def glyphToChar(self, value) -> None:  # reportlab's own reading sets it
        self._glyph_to_char = value

    def _glyph_tables(self) -> bool:
        data, table = self._ttf_data, self.table
        head, hhea = table["head"]["offset"], table["hhea"]["offset"]
        index_to_loc, glyph_format = unpack_from(">hh", data, head + 50)
        metrics = unpack_from(">H", data, hhea + 34)[0]  # numberOfHMetrics
        if glyph_format != 0 or "loca" not in table or not metrics:
            return False
        char_to_glyph = self._cmap(data, table["cmap"]["offset"])
        if char_to_glyph is None:
            return False
        glyphs = self.numGlyphs
        hmtx = table["hmtx"]["offset"]
        pairs = unpack_from(f">{2 * metrics}H", data, hmtx)
        advances = list(pairs[0::2])
        bearings = unpack_from(f">{max(0, glyphs - metrics)}H", data, hmtx + 4 * metrics)
        # the glyphs past the metrics list only left side bearings, with the last advance (which reportlab
        # keeps scaled for them; so do we)
        hmetrics = _HMetrics(pairs, metrics, bearings, self._pdfScale(advances[-1]))
        advances += [advances[-1]] * len(bearings)
        if self.unitsPerEm == 1000:
            widths = advances
        else:  # as reportlab scales them: x * (1000 / unitsPerEm)
            factor = 1000 / self.unitsPerEm
            widths = [advance * factor for advance in advances]
        if max(char_to_glyph.values(), default=0) < glyphs:
            char_widths = dict(zip(char_to_glyph, map(widths.__getitem__, char_to_glyph.values())))
        else:  # a glyph past the font's glyph count has no width (as reportlab reads it)
            char_widths = {char: widths[glyph] for char, glyph in char_to_glyph.items() if glyph < glyphs}
        loca = table["loca"]["offset"]
        if index_to_loc == 0:
            positions = [p << 1 for p in unpack_from(f">{glyphs + 1}H", data, loca)]
        elif index_to_loc == 1:
            positions = list(unpack_from(f">{glyphs + 1}L", data, loca))
        else:
            return False
        self.charToGlyph, self.charWidths, self._glyph_to_char = char_to_glyph, char_widths, None
        self._cmap_pairs = list(char_to_glyph.items())  # as read, before the space / no-break space copy
        self.defaultWidth, self.hmetrics, self.glyphPos = widths[0], hmetrics, positions
        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            char_widths[0xA0] = char_widths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            char_widths[0x20] = char_widths[0xA0]
        return True

    @staticmethod
    def _cmap(data: bytes, cmap: int):
        """Unicode → glyph of the subtable reportlab would choose, if it is format 4 or 12, else None."""
        version, count = unpack_from(">HH", data, cmap)
        if count == 0 and version != 0:
            count = version
        chosen, enc = None, 0
        for n in range(count):  # the same choice as reportlab's (the last fitting record wins)
            platform, encoding, offset = unpack_from(">HHL", data, cmap + 4 + 8 * n)
            if platform == 3:
                enc, chosen = 1, offset
            elif platform == 1 and encoding == 0 and enc != 1:
                enc, chosen = 2, offset
            elif platform == 1 and encoding == 1:
                enc, chosen = 1, offset
            elif platform == 0 and encoding != 5:
                enc, chosen = 1, offset
        if chosen is None:
            return None
        start = cmap + chosen
        fmt = unpack_from(">H", data, start)[0]
        result: dict[int, int] = {}
        if fmt == 4:
            length, = unpack_from(">H", data, start + 2)
            segments = unpack_from(">H", data, start + 6)[0] // 2
            ends = unpack_from(f">{segments}H", data, start + 14)
            firsts = unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
            deltas = unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
            ranges_at = start + 16 + 6 * segments
            range_offsets = unpack_from(f">{segments}H", data, ranges_at)
            limit = start + length
            for n in range(segments):
                first, last, delta, range_offset = firsts[n], ends[n], deltas[n], range_offsets[n]
                if last < first:
                    continue
                chars = range(first, last + 1)
                if range_offset == 0:
                    result.update(zip(chars, [(u + delta) & 0xFFFF for u in chars]))
                    continue
                at = ranges_at + 2 * n + range_offset
                inside = max(0, min(len(chars), (limit - at + 1) // 2))  # reportlab: 0 past the table's end
                values = unpack_from(f">{inside}H", data, at) if inside else ()
                glyphs = [(g + delta) & 0xFFFF if g else 0 for g in values] + [0] * (len(chars) - inside)
                result.update(zip(chars, glyphs))
            return result
        if fmt == 12:
            groups = unpack_from(">L", data, start + 12)[0]
            for n in range(groups):
                first, last, glyph = unpack_from(">LLL", data, start + 16 + 12 * n)
                result.update(zip(range(first, last + 1), range(glyph, glyph + last - first + 1)))
            return result
        return None


@contextmanager
def tables_kept(font_names: Iterable[str]) -> Iterator[None]:
    """While a PDF is saved: the faces of ``font_names`` keep the tables they copy, and drop them after."""
    faces = [face for face in (getattr(pdfmetrics.getFont(name), "face", None) for name in font_names)
             if isinstance(face, FastFace)]
    for face in faces:
        face._kept = {}
    try:
        yield
    finally:
        for face in faces:
            face._kept = None


class _HMetrics(Sequence):
    """reportlab's hmetrics, (advance, left side bearing) by glyph, read from the unpacked table when asked
    (subsetting asks for the glyphs used) rather than made as tens of thousands of tuples."""

    def __init__(self, pairs: tuple, metrics: int, bearings: tuple, last: float):
        self._pairs, self._metrics, self._bearings, self._last = pairs, metrics, bearings, last

    def __len__(self) -> int:
        return self._metrics + len(self._bearings)

    def __getitem__(self, glyph):
        if isinstance(glyph, slice):
            return [self[i] for i in range(*glyph.indices(len(self)))]
        if glyph < 0:
            glyph += len(self)
        if not 0 <= glyph < len(self):
            raise IndexError(glyph)
        if glyph < self._metrics:
            return self._pairs[2 * glyph], self._pairs[2 * glyph + 1]
        return self._last, self._bearings[glyph - self._metrics]


class FastTTFont(TTFont):
    """reportlab's TTFont with a FastFace (its constructor, but for the face's class)."""

    def __init__(self, name: str, filename: str, subfontIndex: int = 0):
        self.fontName = name
        self.face = FastFace(filename, subfontIndex=subfontIndex)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
