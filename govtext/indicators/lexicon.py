"""Units and word lists for indicator extraction, read from ``govtext/data``.

``units.tsv`` (unit, kind, canonical) and ``indicators_rules.json`` (cue words)
are plain files a researcher can extend; everything here is compiled once.

>>> lex = lexicon()
>>> lex.units["平米"].canonical, lex.units["人次"].kind
('平方米', 'count')
>>> lex.units["个亿"].canonical, lex.units["个亿"].scale
('元', 100000000.0)
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Pattern


@dataclass(frozen=True)
class Unit:
    written: str
    kind: str
    canonical: str
    compound: bool = False   # made by with_compounds (宗次), not listed in units.tsv
    scale: float = 1.0       # the number is multiplied by it (2个亿 → 2亿 元): unit_scale in the rules


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, Unit]
    unit_re: Pattern[str]         # longest unit at a position
    rules: dict[str, list[str]]
    words: dict[str, Pattern[str]]  # compiled alternations of rule lists


def alternation(words) -> str:
    """Regex alternation of plain words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


def trie_alternation(words) -> str:
    """The same alternation as :func:`alternation`, written as a prefix tree.

    A regex tries the branches of a flat alternation one by one; in the tree each
    character is compared once (千(?:瓦时?|米)). Continuations are tried before a word
    may end, so the longest word at a position still wins.

    >>> trie_alternation(["千瓦", "千瓦时", "千米", "%"])
    '(?:%|千(?:瓦时?|米))'
    >>> trie_alternation(["人次", "人"])
    '人次?'
    """
    tree: dict = {}
    for w in set(words):
        if w:
            node = tree
            for c in w:
                node = node.setdefault(c, {})
            node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    alts = [re.escape(c) + _branches(sub) for c, sub in sorted(node.items()) if c]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:   # a word ends here: the continuations are optional
        atom = len(alts) > 1 or len(alts[0]) == 1
        body = (body if atom else f"(?:{body})") + "?"
    return body


def _data_text(name: str) -> str:
    return resources.files("govtext").joinpath("data", name).read_text(encoding="utf-8")


def parse_units_tsv(text: str) -> dict[str, Unit]:
    """Rows of a units table (``unit<TAB>kind<TAB>canonical``; ``#`` comments)."""
    units: dict[str, Unit] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        written = parts[0].strip()
        kind = parts[1].strip() if len(parts) > 1 and parts[1].strip() else "count"
        canon = parts[2].strip() if len(parts) > 2 and parts[2].strip() else written
        units[written] = Unit(written, kind, canon)
    return units


def with_compounds(units: dict[str, Unit], suffixes, skip) -> dict[str, Unit]:
    """Add X次-style compounds (宗次, 辆次) for every one-character count unit X.

    A compound measure word is one unit (335宗次 counts case-times, not cases), so
    it must be matched whole; listing each one by hand always misses some.

    >>> sorted(with_compounds({"宗": Unit("宗", "count", "宗")}, ["次"], []))
    ['宗', '宗次']
    """
    out = dict(units)
    skip = set(skip)
    for u in units.values():
        if u.kind != "count" or len(u.written) != 1 or u.written in skip:
            continue
        for suf in suffixes:
            w = u.written + suf
            if w not in out:
                out[w] = Unit(w, "count", u.canonical + suf, compound=True)
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    units = parse_units_tsv(_data_text("units.tsv"))
    rules = {k: v for k, v in json.loads(_data_text("indicators_rules.json")).items() if not k.startswith("_")}
    units = with_compounds(units, rules.get("count_compound_suffix", []), rules.get("count_compound_skip", []))
    for w, k in rules.get("unit_scale", {}).items():
        if w in units:
            units[w] = replace(units[w], scale=float(k))
    unit_re = re.compile(trie_alternation(units))
    words = {k: re.compile(alternation(v)) for k, v in rules.items()
             if isinstance(v, list) and not k.endswith("_regex")}
    for k, v in rules.items():
        if k.endswith("_regex"):
            words[k] = re.compile("|".join(f"(?:{p})" for p in v))
    return Lexicon(units=units, unit_re=unit_re, rules=rules, words=words)
