"""Hostile and odd inputs, shared by the tests and benchmarks/robustness.py.

* ``CASES``: one file per problem of issue 8 (and its neighbours), each of which must be refused;
* ``mutants``: random truncations and byte flips of the example documents;
* ``cell_inputs``: text a clumsy or hostile user might type or paste into a cell.
"""
from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Callable, Iterator

from tests.conftest import EXAMPLE_NAMES, example_path

BASE = "tianyuan-2024"


def base_data() -> dict:
    return json.loads(example_path(BASE).read_text(encoding="utf-8"))


def base_text() -> str:
    return example_path(BASE).read_text(encoding="utf-8")


def _with(path: list, value) -> Callable[[], bytes]:
    def build() -> bytes:
        data = base_data()
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    return build


def _raw(old: str, new: str) -> Callable[[], bytes]:
    def build() -> bytes:
        text = base_text()
        assert old in text, old
        return text.replace(old, new, 1).encode("utf-8")
    return build


def _bytes(payload: bytes) -> Callable[[], bytes]:
    return lambda: payload


FUNDING = ["overall", "funding"]
ROW = ["overall", "indicators", 0]

# name → bytes of a file that must be refused with a message (never a traceback, never a hang).
CASES: dict[str, Callable[[], bytes]] = {
    "amount-30-digits": _with(FUNDING + ["executed"], "1" * 30),
    "amount-1e999": _raw('"executed": "1820.23"', '"executed": 1e999'),
    "amount-exponent": _raw('"executed": "1820.23"', '"executed": 1.5E+3'),
    "amount-5000-digit-integer": _raw('"executed": "1820.23"', '"executed": ' + "9" * 5000),
    "amount-nan": _raw('"executed": "1820.23"', '"executed": NaN'),
    "amount-infinity": _raw('"executed": "1820.23"', '"executed": -Infinity'),
    "amount-tiny": _with(FUNDING + ["annual"], "0.0000000000000000000000000000001"),
    "amount-negative-budget": _with(FUNDING + ["annual"], "-5"),
    "amount-trailing-newline": _with(FUNDING + ["annual"], "12\n"),
    "amount-arabic-digits": _with(FUNDING + ["annual"], "٢٠٢٤"),
    "amount-list": _with(FUNDING + ["annual"], [1]),
    "points-negative": _with(ROW + ["points"], "-5"),
    "rule-list": _with(ROW + ["rule"], []),
    "rule-object": _with(ROW + ["rule"], {"a": 1}),
    "surrogate-in-unit-name": _raw('"name": "株洲', '"name": "\\ud800株洲'),
    "control-char-in-unit-name": _with(["unit", "name"], "株洲\x01市"),
    "fffe-in-a-cell": _with(ROW + ["name"], "交地\ufffe宗数"),
    "ffff-in-a-long-text": _with(ROW + ["deviation"], "原因\uffff"),
    "nul-in-a-text": _raw('"name": "株洲', '"name": "\\u0000株洲'),
    "id-with-newline": _with(ROW + ["id"], "r1\n"),
    "id-unicode": _with(ROW + ["id"], "r①"),
    "id-number": _with(ROW + ["id"], 7),
    "duplicate-key": _raw('"format": "jxzp"', '"format": "jxzp", "format": "jxzp"'),
    "duplicate-key-in-row": _raw('"points": "5"', '"points": "5", "points": "6"'),
    "year-huge": _raw('"year": 2024', '"year": ' + "2" * 5000),
    "year-float": _raw('"year": 2024', '"year": 2024.0'),
    "version-huge": _with(["version"], 10 ** 38),
    "version-text": _with(["version"], "2"),
    "unit-list": _with(["unit"], []),
    "indicators-object": _with(["overall", "indicators"], {}),
    "framework-points-list": _with(["frameworks", 0, "level1", 0, "points"], []),
    "framework-level2-number": _with(["frameworks", 0, "level1", 0, "level2"], [1]),
    "deep-nesting": _bytes(b'{"format": "jxzp", "version": 2, "unit": ' + b"[" * 100000 + b"]" * 100000 + b"}"),
    "utf16": lambda: base_text().encode("utf-16"),
    "gbk": lambda: base_text().encode("gbk", errors="replace"),
    "truncated": lambda: base_text().encode("utf-8")[:5000],
    "empty": _bytes(b""),
    "zip": _bytes(b"PK\x03\x04" + b"\x00" * 100),
    "not-json": _bytes(b"\x00\x01\x02\xff"),
}


def write_case(folder: Path, name: str) -> Path:
    path = folder / f"{name}.jxzp"
    path.write_bytes(CASES[name]())
    return path


def unknown_level2(folder: Path) -> Path:
    """A document whose indicator rows name a 二级指标 (and a 一级指标) the framework does not know:
    it opens; the rows are kept, shown at the end of the table and listed as errors."""
    data = base_data()
    data["overall"]["indicators"][0]["level2"] = "不存在的二级指标"
    data["overall"]["indicators"][1]["level1"] = "投入指标"
    data["projects"][0]["indicators"][0]["level2"] = "旧版二级指标"
    path = folder / "unknown-level2.jxzp"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def mutants(count: int, seed: int = 8) -> Iterator[tuple[str, bytes]]:
    """(description, bytes): truncations, byte flips, deleted and duplicated spans of the examples."""
    rng = random.Random(seed)
    sources = {name: example_path(name).read_bytes() for name in EXAMPLE_NAMES}
    for number in range(count):
        name = rng.choice(EXAMPLE_NAMES)
        raw = bytearray(sources[name])
        kind = number % 4
        if kind == 0:
            cut = rng.randrange(len(raw))
            yield f"{name} cut at {cut}", bytes(raw[:cut])
            continue
        if kind == 1:
            for _ in range(rng.randint(1, 4)):
                position = rng.randrange(len(raw))
                raw[position] ^= 1 << rng.randrange(8)
            yield f"{name} bits flipped", bytes(raw)
            continue
        if kind == 2:  # a digit, quote or bracket replaced by another such character: often still JSON
            positions = [i for i, b in enumerate(raw) if b in b'0123456789"[]{},:-.'] or [0]
            for _ in range(rng.randint(1, 3)):
                raw[rng.choice(positions)] = rng.choice(b'0123456789"[]{},:-.etn')
            yield f"{name} syntax mutated", bytes(raw)
            continue
        start = rng.randrange(len(raw))
        end = min(len(raw), start + rng.randint(1, 200))
        if rng.random() < 0.5:
            del raw[start:end]
            yield f"{name} span deleted", bytes(raw)
        else:
            raw[start:start] = raw[start:end]
            yield f"{name} span duplicated", bytes(raw)


def semantic_mutants(count: int, seed: int = 9) -> Iterator[tuple[str, dict]]:
    """Valid JSON with one value replaced by something odd: the strict reader's side of the corpus."""
    rng = random.Random(seed)
    oddities = [None, "", "九", "-1", "1e3", "0.0000001", "999999999999999", [], {}, True, 0, -1, 10 ** 40, "\ud800",
                "\x01", "\ufffe", "r1\n", "a" * 30000, "٢", 1.5]
    base = base_data()
    leaves: list[list] = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + [index])
        if path:
            leaves.append(path)
    walk(base, [])
    for _ in range(count):
        data = copy.deepcopy(base)
        path = rng.choice(leaves)
        node = data
        for key in path[:-1]:
            node = node[key]
        value = rng.choice(oddities)
        node[path[-1]] = value
        yield f"{'.'.join(map(str, path))} = {str(value)[:20]!r}", data


CELL_TEXTS = ["", " ", "0", "-0", "12", "1,832.63", "１８３２．６３", "1832.63万元", "4647元", "0.5亿", "(12.00)", "10分",
              "99.32%", "1e5", "NaN", "Infinity", "-", "—", "/", "无", "是", "否", "不适用", "2024", "2024年", "٢٠٢٤",
              "③๒٩", "½", "0.0000000000000000000000000000001", "-99999999999999999999999999999", "1" * 40,
              "=1+1", "+1", "@SUM(A1)", "\t=cmd", "\r=1", "a\tb", "a\nb", "a\r\nb", "\x00", "\x01\x02", "\x1b[31m",
              "\x7f", "\ud800", "a\udfffb", "\ufffe", "\uffff", "\u200b", "\u202e反向", "🙂", "𠀀", "株洲市", "m²", "1200m²",
              "≥98%", "≤5天", "已完成", "auto", "positive", "正向指标", "True", "1.", ".5", "..", "1..2", "--1", "+-1",
              "1 000", "1\u00a0000", "1\u3000000", "0x10", "1_000", "١٢٣", "¹²³", "Ⅳ", "〇", "十二", "九" * 100]


def cell_inputs(count: int, seed: int = 10) -> Iterator[str]:
    """Texts built from CELL_TEXTS, joined, cut and sprinkled with odd characters."""
    rng = random.Random(seed)
    odd = "\x00\x01\t\n\r\x7f\ud800\udfff\ufffe\uffff\u3000\u200b٢③½²,.-+%元万分"
    for _ in range(count):
        pick = rng.random()
        if pick < 0.4:
            yield rng.choice(CELL_TEXTS)
        elif pick < 0.7:
            yield rng.choice(CELL_TEXTS) + rng.choice(CELL_TEXTS)
        elif pick < 0.9:
            text = list(rng.choice(CELL_TEXTS) or "12")
            text.insert(rng.randrange(len(text) + 1), rng.choice(odd))
            yield "".join(text)
        else:
            yield "".join(rng.choice("0123456789.,-" + odd) for _ in range(rng.randint(1, 60)))
