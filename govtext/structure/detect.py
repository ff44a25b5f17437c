"""Heading detection: marker candidates, title ends, acceptance by numbering sequence, TOC copies, hints.

>>> hs = find_headings("一、工作回顾\\n（一）抓党建。全年开展学习5次。\\n二、下一步计划", frozenset())
>>> [(h.family, h.number, h.title) for h in hs]
[('cn', 1, '工作回顾'), ('paren_cn', 1, '抓党建'), ('cn', 2, '下一步计划')]
"""
from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from .boundary import best_cut, cut_points, cut_scores, decisive_at, decisive_cut, opener_at
from .markers import cn_number, config, scan_markers, _to_marker

DATA = Path(__file__).resolve().parent.parent / "data"
WS = " \t\u3000\u00a0\u200b\u200d\ufeff\r"
# run-in cuts scoring below this are not trusted when the title could also end at its 。
RUNIN_OVERRIDE = 4.5
# a lone run-in heading (its family otherwise well punctuated) needs a clear boundary
SOLO_RUNIN = 3.0
SOLO_OVERRIDE = 6.0
SOLO_FAMILIES = ("part", "cn", "paren_cn")
# a title of at most this many characters up to its 。 is whole (改革开放纵深推进。): no run-in cut inside
SHORT_TERM = 10
# sibling pass: bonus weight for a cut at the siblings' title length; a 。-ended title is re-cut only
# when it is this much longer than they are and the re-cut scores at least SIB_TERM_NEED
SIB_WEIGHT = 3.0
SIB_TERM_EXCESS = 5
SIB_TERM_NEED = 2.0
SIB_PAIR_SLACK = 3
SIB_VERB = 2.0
# a cut right after a part-title word (工作思路, 存在问题 …) gains this much
PART_END_BONUS = 4.0
# siblings sharing a word in their last clause: the common cut needs this mean boundary score
SHARED_NEED = 0.0
# run-in siblings' common last-clause length needs this mean boundary score
CONSENSUS_NEED = 1.0
# a heading on a line this long (or sharing its line with a sibling) is on a crawled one-line page
CRAWLED_LINE = 800
# parallel clauses inside one title: a later clause PAR_EXTRA+ chars longer than the one before is cut
# within PAR_SLACK of that length (leaving PAR_REST+ chars of lead phrase) when the cut scores PAR_NEED
PAR_EXTRA = 4
PAR_SLACK = 3
PAR_REST = 6
PAR_WEIGHT = 2.0
PAR_NEED = 2.0
# a title containing a quantity is a target/list item, not a heading
_QUANTITY = regex.compile(r"[0-9０-９](?:[0-9０-９.．]*)(?:%|％|个百分点|亿|万元|万人|万吨|万户)")
_INNER_SPACE = regex.compile(r"(?<=[\p{Han}”）)])[ \u3000\u00a0]+(?=[\p{Han}“])")
_YEAR_TITLE = regex.compile(r"(?:19|20)[0-9]{2}年|[一二〇○零][一二三四五六七八九〇○零]{3}年")
_GLUED_FIRST_ITEM = regex.compile(r"(?<=\p{Han})(?:[1１][.．、]|[（(][1１][)）]|①)(?=\p{Han})")
_TOC_TAIL = regex.compile(r"[.…·．\-—_ \t\u3000]{2,}[0-9０-９]*$|[ \t\u3000]+[0-9０-９]{1,3}$")
# every character a _TOC_TAIL match can end with (it is anchored at the end; "\n" for its $)
_TOC_TAIL_END = frozenset(".…·．-—_ \t\u30000123456789０１２３４５６７８９\n")
_TITLE_LEAD = WS + "、，,．."          # skipped between a marker and its title


_NBSP_TOKEN = "<U+00A0>"


@dataclass(frozen=True)
class Head:
    start: int          # marker start
    marker: str
    family: str
    number: int
    title_start: int
    title_end: int
    heading_end: int    # end of the heading text incl. trailing punctuation
    kind: str           # own | term | runin | hint
    strength: str       # strong (line start) | weak (after sentence end/space) | loose | hint
    title: str


@lru_cache(maxsize=1)
def cues() -> dict:
    return json.loads((DATA / "structure_cues.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _not_heading_res() -> list:
    return [regex.compile(p) for p in cues()["not_heading_lines"]]


def _line_bounds(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for ln in text.split("\n"):
        out.append((pos, pos + len(ln)))
        pos += len(ln) + 1
    return out


def line_ends(text: str) -> list[int]:
    """Offset of every line break, then len(text): line k ends at [k] (from the line lengths, linear).
    The last text's list is kept (headings and passages both ask): do not modify it."""
    global _LAST_LINES
    last = _LAST_LINES
    if last[0] is text:
        return last[1]
    out, pos = [], -1
    for ln in text.split("\n"):
        pos += len(ln) + 1
        out.append(pos)
    _LAST_LINES = (text, out)          # (one rebinding: safe with threads)
    return out


_LAST_LINES: tuple = (None, [])


def _candidates(text: str) -> list[tuple]:
    """(marker, strength, line_start, line_end) for every marker-looking string, in order. Linear."""
    weak_before = set(config()["weak_before"])
    loose = set(config()["loose_families"])
    out = []
    ends = line_ends(text)
    li = 0
    for m in scan_markers(text):
        ms = m.start()
        li = bisect.bisect_left(ends, ms, li)          # the line holding the marker
        ls, le = (ends[li - 1] + 1 if li else 0), ends[li]
        j = ms
        while j > ls:
            if text[j - 1] in WS:
                j -= 1
            elif j - 8 >= ls and text.startswith(_NBSP_TOKEN, j - 8):
                j -= 8           # a literal "<U+00A0>" left by an R scraper counts as a space
            else:
                break
        if j == ls:
            strength = "strong"
        elif j < ms or text[j - 1] in weak_before:
            strength = "weak"
        elif m.lastgroup in loose or _GLUED_FIRST_ITEM.match(text, ms):
            # a loose family, or a sub-list's first marker glued to a run-in title (…治党工作1.强化…):
            # kept only right where the previous heading's title ends (see find_headings)
            strength = "loose"
        else:
            continue             # a marker-looking string inside a sentence (no Marker built for it)
        mk = _to_marker(m)
        out.append((mk, strength, ls, le))
    return out


def _terminator(seg: str) -> int:
    """Offset of the first sentence terminator in ``seg`` (structure_cues.json terminators), or -1."""
    m = _terminator_re().search(seg)
    return m.start() if m else -1


@lru_cache(maxsize=1)
def _terminator_re():
    # the leftmost match of the alternation is the earliest of the terminators' first occurrences
    return re.compile("|".join(re.escape(t) for t in cues()["terminators"]))       # (literals: stdlib re)


def _title_span(text: str, p: int, limit: int, runin: bool, bonus=None, solo_runin: bool = False):
    """(title_start, title_end, heading_end, kind, sure) for a heading whose marker ends at p, or None.

    ``sure`` marks a run-in cut the text itself backs (a decisive opener, or a clear boundary score):
    such cuts tell the sibling pass (:func:`_sibling_recut`) how long this report's titles are. It is
    None for a cut at a parallel clause length (kept as it is, but not an anchor for whole titles)."""
    c = cues()
    max_title, run_max = c["max_title"], c["run_in_max"]
    while p < limit and text[p] in _TITLE_LEAD:
        p += 1
    seg = text[p:min(limit, p + max_title + 80)]
    if not seg.strip(WS):
        return None
    if runin or solo_runin:
        bonus = _part_end_bonus(seg, bonus)
    t = _terminator(seg)
    w = _INNER_SPACE.search(seg, 4, min(t if t >= 0 else len(seg), max_title))
    if (w is not None and (t if t >= 0 else len(seg)) - w.end() >= 8
            and _balanced(seg[:w.start()])):
        # a space between the title and a body sentence on the same line (2024年重点工作 做好今年…)
        return p, p + w.start(), p + w.start(), "own", False
    g = _GLUED_FIRST_ITEM.search(seg, 4, t if t >= 0 else len(seg))
    if g is not None:
        # a sub-list's first marker glued to the title (…治党工作1.强化…) ends the title
        return p, p + g.start(), p + g.start(), "own", False
    rest_len = limit - p
    if t < 0 and rest_len <= max_title:
        te = p + len(seg.rstrip(WS))
        return p, te, te, "own", False
    if (runin or solo_runin) and t != 0:
        # a decisive body opener (一是, 我局, 今年以来) ends the title even before a later 。
        lim = min(t - 1 if t > 0 else len(seg), run_max)
        dc = decisive_cut(seg, lim)
        if dc:
            return p, p + dc, p + dc, "runin", True
    if 0 <= t <= max_title:
        if (runin or solo_runin) and t > SHORT_TERM:
            cut, sc = best_cut(seg, min(t - 1, run_max), bonus=bonus)
            need = RUNIN_OVERRIDE if runin or opener_at(seg, cut) else SOLO_OVERRIDE
            if cut and sc >= need:
                return p, p + cut, p + cut, "runin", True
        if t == 0:
            return None
        if runin or solo_runin:
            pc = _parallel_clause_cut(seg, t, bonus)
            if pc:
                return p, p + pc, p + pc, "runin", None
        return p, p + t, p + t + 1, "term", False
    if runin or solo_runin:
        cut, sc = best_cut(seg, run_max if t < 0 else min(t - 1, run_max), bonus=bonus)
        if cut and (runin or sc >= SOLO_RUNIN):
            # a title clause that runs into a lead sentence; the lead must run on (have a comma), not be
            # a fragment right before the body's opener (全力以赴|做好2023年工作|2023年，…)
            pc = _parallel_clause_cut(seg, cut, bonus)
            if pc and "，" in seg[pc:cut]:
                return p, p + pc, p + pc, "runin", None
            return p, p + cut, p + cut, "runin", sc >= RUNIN_OVERRIDE
    return None


def _parallel_clause_cut(seg: str, t: int, bonus=None) -> int:
    """Cut a comma-joined title whose last clause runs into a lead phrase, or 0.

    Title clauses are parallel (全力打造合作平台，进一步提升吸引力): when a later clause is much longer than the
    one before it and a clear boundary lies where it would be as long, the rest is the body's lead
    phrase (…进一步提升吸引力推动标准互认。 → title ends after 吸引力). Linear in ``t``.
    """
    commas = [k for k in range(t) if seg[k] in "，,"]
    if not commas or commas[0] < 4:
        return 0
    verbs = _lead_verbs()
    scores = dict(cut_scores(seg, t - 1))
    best, best_sc = 0, float("-inf")
    bounds = [0] + [c + 1 for c in commas] + [t + 1]
    for k in range(1, len(bounds) - 1):
        # clause k runs from bounds[k] to its comma (or the 。); the clause before it sets the length
        a = bounds[k] - 1 - bounds[k - 1]
        start, end = bounds[k], bounds[k + 1] - 1
        if end - start < a + PAR_EXTRA:
            continue
        for j in range(max(4, a - PAR_SLACK), min(end - start - PAR_REST, a + PAR_SLACK) + 1):
            sc = scores.get(start + j)
            if sc is None or not seg.startswith(verbs, start + j) or seg[:start + j].endswith(_bad_title_ends()):
                continue                 # the lead opens with a verb; the title does not end with one
            if "、" in seg[start + j:end]:
                break                    # X、Y after the cut is a list of parallel phrases: still title
            sc += (bonus or {}).get(start + j, 0.0) + PAR_WEIGHT * (1.0 - abs(j - a) / (PAR_SLACK + 1))
            if sc > best_sc:
                best, best_sc = start + j, sc
        if best:
            break                        # the first clause that runs into a lead decides
    return best if best_sc >= PAR_NEED else 0


@lru_cache(maxsize=1)
def _lead_verbs() -> tuple[str, ...]:
    return tuple(cues()["lead_verb_openers"])


@lru_cache(maxsize=1)
def _bad_title_ends() -> tuple[str, ...]:
    return tuple(cues()["title_never_ends_with"])


def _part_end_bonus(seg: str, bonus: dict | None) -> dict | None:
    """Add PART_END_BONUS at cuts right after a part-title word (2023年工作思路|认真学习…): such words
    (roles.json part_title_words) end part titles, the boundary counts may not know them."""
    head = seg[:cues()["run_in_max"] + 1]
    if _part_words_re().search(head) is None:
        return bonus                               # most titles: no part-title word at all
    out = None
    term = _terminator(seg)
    for w in _part_words():
        k = head.find(w)
        while k >= 0:
            e = k + len(w)
            if term < 0 or term - e >= 8:          # a body sentence follows, not a short predicate (…建设不断加强。)
                out = dict(bonus or {}) if out is None else out
                out[e] = out.get(e, 0.0) + PART_END_BONUS
            k = head.find(w, k + 1)
    return bonus if out is None else out


@lru_cache(maxsize=1)
def _part_words_re():
    return re.compile("|".join(re.escape(w) for w in _part_words()) or "(?!)")


def _toc_trimmed(title: str) -> str:
    """``title`` less a table-of-contents tail (dot leaders, a page number)."""
    return _TOC_TAIL.sub("", title) if title and title[-1] in _TOC_TAIL_END else title


def _balanced(s: str) -> bool:
    """No quote or bracket left open (a space inside “平潭再创业 我们怎么做” is not a title end)."""
    return all(s.count(a) == s.count(b) for a, b in ("“”", "（）", "()", "《》", "‘’"))


def _glued(cand) -> bool:
    """A loose candidate of a family that is not loose itself: a first item glued to a title (…工作1.强化)."""
    return cand[1] == "loose" and cand[0].family not in config()["loose_families"]


def _is_list_item(text: str, span) -> bool:
    ts, te, he, kind = span[:4]
    title = text[ts:te]
    if kind == "term" and text[te] in "；;" and len(title) >= cues()["list_item_min"]:
        return True
    if _QUANTITY.search(title):
        return True
    return False


def find_headings(text: str, hints: frozenset = frozenset()) -> list[Head]:
    """Every heading of ``text`` in order (before levels and roles are assigned)."""
    cands = _candidates(text)
    # annexes (附件1 2026年十件民生实事, a 名词解释 glossary with its own 1.–20.) hold no headings
    gl = _annex_start(text, cands)
    if gl is not None:
        cands = [c for c in cands if c[0].start < gl]
    n = len(cands)
    limits = []
    for i, (mk, st, ls, le) in enumerate(cands):
        nxt = le
        j = i + 1
        while j < n and _glued(cands[j]):
            j += 1                       # a glued first item does not end the title before it (_title_span does)
        if j < n and cands[j][2] == ls:
            nxt = min(le, cands[j][0].start)
        limits.append(nxt)
    runin_fams = _runin_families(text, cands, limits)
    sib_bonus = _sibling_bonus(text, cands, limits, runin_fams)

    spans = [_title_span(text, mk.end, limits[i], mk.family in runin_fams, sib_bonus.get(i),
                         solo_runin=mk.family in SOLO_FAMILIES)
             for i, (mk, strength, ls, le) in enumerate(cands)]
    _sibling_recut(text, cands, limits, spans, sib_bonus)
    _runin_tidy(text, cands, limits, spans, runin_fams)

    accepted: list[Head] = []
    order: list[str] = []
    last: dict[str, int] = {}
    for i, (mk, strength, ls, le) in enumerate(cands):
        fam = mk.family
        if strength == "loose":
            prev = accepted[-1] if accepted else None
            if not (prev and prev.heading_end == mk.start and prev.family != fam and mk.number == 1):
                continue
            if _glued(cands[i]) and (spans[i] is None or spans[i][3] != "term"):
                continue                 # a glued first item counts only with a title that ends at 。
        span = spans[i]
        if span is None or _is_list_item(text, span):
            continue
        if strength == "weak" and not _sequence_ok(fam, mk.number, last, order):
            continue
        if strength == "strong" and fam not in order and mk.number > 3 and accepted:
            continue                     # a new family must start near its beginning
        ts, te, he, kind = span[:4]
        title = _toc_trimmed(text[ts:te]).strip(WS)
        if not title:
            continue
        if accepted and accepted[-1].heading_end > mk.start:
            continue                     # inside the previous heading's own text
        accepted.append(Head(mk.start, mk.text.strip(WS), fam, mk.number, ts, ts + len(title), he, kind,
                             strength, title))
        if fam not in order:
            order.append(fam)
        lvl = order.index(fam)
        last[fam] = mk.number
        for f in order[lvl + 1:]:
            last.pop(f, None)
    if "第" in text:
        ordinal = _ordinal_line_headings(text, accepted)
        if ordinal:
            accepted = sorted(accepted + ordinal, key=lambda h: h.start)
    accepted = _drop_toc(text, accepted)
    accepted = _drop_after_body(text, accepted)
    if not accepted and hints:
        accepted = _hint_headings(text, hints)
    if not any(h.family in ("part", "cn") for h in accepted):
        plain = _plain_part_headings(text, accepted) or _parallel_sentence_headings(text, accepted)
        if plain:
            accepted = sorted(accepted + plain, key=lambda h: h.start)
    else:
        accepted = _leading_heading(text, accepted) + accepted + _closing_headings(text, accepted)
    return accepted


def _ordinal_line_headings(text: str, heads: list[Head]) -> list[Head]:
    """Ordinal sub-part titles alone on their lines (第一，重大的比例关系… / 第二、…; structure_cues.json
    ordinal_title_line): no sentence end on the line, the next non-blank line is body (has a sentence end),
    and the lines form a sibling run 第一, 第二, … (two or more) under the same heading. A paragraph
    opened by 第一， that runs on as a sentence is an inline enumeration (body) and never matches."""
    pat = _ordinal_re()
    if pat is None:
        return []
    max_title = cues()["max_title"]
    starts = [h.start for h in heads]
    found = []                      # (parent key, number, Head)
    for ls in _ordinal_line_starts(text):
        m = pat.match(text, ls)
        if m is None:
            continue
        title = m.group("t")
        if not (4 <= len(title) <= max_title) or _QUANTITY.search(title):
            continue
        k = bisect.bisect_right(starts, m.start())
        if k and heads[k - 1].heading_end > m.start("m"):
            continue                # inside a heading's own text
        nxt = _next_line(text, m.end())
        if nxt is None or pat.match(nxt) or not _terminator_re().search(nxt):
            continue                # a title is followed by its body
        ts = m.start("t")
        found.append((k, cn_number(m.group("n")), Head(m.start("m"), m.group("m"), "ordinal",
                                                       cn_number(m.group("n")), ts, ts + len(title),
                                                       ts + len(title), "own", "strong", title)))
    out: list[Head] = []
    run: list[Head] = []
    key, seen = None, frozenset()
    for k, num, h in found + [(None, 0, None)]:
        if run and k is not None:
            # the parent: the last heading before, skipping the families first used inside the run
            # (a 第一，… part holding its own （一）（二）… items)
            while k and heads[k - 1].start > run[0].start and heads[k - 1].family not in seen:
                k -= 1
        if run and k == key and num == run[-1].number + 1:
            run.append(h)
            continue
        if num != 1 and run and k == key:
            continue                # a skipped/repeated number does not end the run
        if len(run) >= 2:
            out.extend(run)
        run, key = ([h], k) if num == 1 else ([], None)
        if run:
            seen = frozenset(x.family for x in heads[:k])
    return out


def _next_line(text: str, pos: int) -> str | None:
    """The next non-blank line after the line break at or after ``pos``, stripped, or None."""
    i = text.find("\n", pos)
    while i >= 0:
        j = text.find("\n", i + 1)
        line = text[i + 1:j if j >= 0 else len(text)].strip(WS)
        if line:
            return line
        if j < 0:
            return None
        i = j
    return None


# where an ordinal title line can start: a literal line-break scan (many times cheaper than the multiline
# pattern itself, or than a ^ alternative)
_ORDINAL_LINE_START = re.compile("\n[ \t\u3000\u00a0]*第")


def _ordinal_line_starts(text: str):
    if text.lstrip(" \t\u3000\u00a0").startswith("第"):
        yield 0
    for lm in _ORDINAL_LINE_START.finditer(text):
        yield lm.start() + 1


@lru_cache(maxsize=1)
def _ordinal_re():
    p = cues().get("ordinal_title_line")
    return regex.compile(p) if p else None


LEAD_GAP = 300          # the least body between an unnumbered leading part title and part 一、


def _leading_heading(text: str, heads: list[Head]) -> list[Head]:
    """An unnumbered review part title alone on its line before part 一、 (首先报告2001年的工作; the
    numbered parts that follow are the year's tasks): a top-level heading of the outermost family, number 0."""
    first = heads[0]
    pat = _leading_re()
    if pat is None or first.number != 1 or first.family not in ("part", "cn") or first.start < LEAD_GAP:
        return []
    for ls, le in reversed(_line_bounds(text[:first.start])):
        body = text[ls:le].strip(WS)
        if not (4 <= len(body) <= 24) or not _PLAIN_OK.match(body) or not pat.search(body):
            continue
        off = ls + text[ls:le].index(body[0])
        if first.start - (off + len(body)) < LEAD_GAP:
            return []
        return [Head(off, "", first.family, 0, off, off + len(body), off + len(body), "own", "plain", body)]
    return []


@lru_cache(maxsize=1)
def _leading_re():
    p = cues().get("leading_part_title")
    return regex.compile(p) if p else None


def _closing_headings(text: str, heads: list[Head]) -> list[Head]:
    """An unnumbered closing part (结束语 alone on its line) after the last numbered part: a top-level
    heading of the outermost family (so it gets level 1)."""
    top = heads[0].family
    tops = [h for h in heads if h.family == top]
    pat = _closing_re()
    if not tops or pat is None:
        return []
    m = pat.search(text, heads[-1].heading_end)
    if m is None:
        return []
    off, end = m.start(1), m.end(1)
    return [Head(off, "", top, tops[-1].number + 1, off, end, m.end(), "own", "plain", m.group(1))]


@lru_cache(maxsize=1)
def _closing_re():
    words = set(cues().get("closing_titles", []))
    if not words:
        return None
    return regex.compile(r"(?m)^[ \t\u3000]*(" + "|".join(regex.escape(w) for w in words) + r")[：:]?[ \t\u3000]*$")


_PLAIN_OK = regex.compile(r"^[\p{Han}0-9０-９“”\"、（）()《》—\-]+$")


@lru_cache(maxsize=1)
def _part_words() -> tuple[str, ...]:
    roles = json.loads((DATA / "roles.json").read_text(encoding="utf-8"))
    return tuple(roles.get("part_title_words", []))


def _plain_part_headings(text: str, numbered: list[Head]) -> list[Head]:
    """Unnumbered part titles standing alone on a line (“十四五”时期工作回顾 / 2026年重点工作) whose
    numbers were lost; accepted only when the report has no 一、/第一部分 headings and two or more of them."""
    words = _part_words()
    bad = _not_heading_res()
    inside = [(h.start, h.heading_end) for h in numbered]
    out: list[Head] = []
    seen_lines = 0
    for ls, le in _line_bounds(text):
        line = text[ls:le]
        body = line.strip(WS)
        if not body:
            continue
        seen_lines += 1
        if seen_lines <= 2 or not (4 <= len(body) <= 26) or not _PLAIN_OK.match(body):
            continue
        if not any(w in body for w in words) or any(r.search(body) for r in bad):
            continue
        off = ls + (len(line) - len(line.lstrip(WS)))
        if any(a <= off < b for a, b in inside):
            continue
        out.append(Head(off, "", "plain", len(out) + 1, off, off + len(body), off + len(body), "own", "plain", body))
    return out if len(out) >= 2 else []


_DIGIT = regex.compile(r"[0-9０-９]")
_SENTENCE = regex.compile(r"[^。！？；：!?;:\n]+[。！？；：!?;:]?")
_SHAPE_PUNCT = regex.compile(r"[，、]")


def _parallel_sentence_headings(text: str, numbered: list[Head]) -> list[Head]:
    """Unnumbered part titles written as sentences of one parallel shape (坚持转型升级，促项目、强产业，高质量…。)
    spread through a report that has no numbered parts: three or more sentences with the same comma/、
    pattern and the same lengths before their last clause. The run must be announced as a list (the
    first sentence right after …以下工作：) or each sentence must stand on its own line; parallel lead
    sentences that merely open stretches of running body text (bold leads of a one-paragraph summary)
    are not headings. Linear in the text."""
    c = cues()
    lo, hi, min_n, gap = c["parallel_min_len"], c["parallel_max_len"], c["parallel_min_count"], c["parallel_min_gap"]
    inside = [(h.start, h.heading_end) for h in numbered]
    groups: dict[tuple, list[tuple[int, int, int]]] = {}
    for m in _SENTENCE.finditer(text):
        a, b = m.span()
        while a < b and text[a] in WS:
            a += 1
        body_end = b - 1 if text[b - 1] in "。！？；：!?;:" else b
        sent = text[a:body_end]
        if not (lo <= len(sent) <= hi) or not _PLAIN_OK.match(sent.replace("，", "")):
            continue
        if _DIGIT.search(sent):
            continue
        parts = _SHAPE_PUNCT.split(sent)
        if len(parts) < 3 or min(len(x) for x in parts) < 2:
            continue
        key = ("".join(_SHAPE_PUNCT.findall(sent)), tuple(len(x) for x in parts[:-1]))
        groups.setdefault(key, []).append((a, body_end, b))
    best: list[tuple[int, int, int]] = []
    for key, mem in groups.items():
        lasts = [e - s for s, e, _ in mem]
        spaced = all(m2[0] - m1[2] >= gap for m1, m2 in zip(mem, mem[1:]))
        if len(mem) >= min_n and spaced and max(lasts) - min(lasts) <= 6 and len(mem) > len(best):
            best = mem
    if best and not (_announced(text, best[0][0], c) or all(_own_line(text, a, b) for a, _, b in best)):
        return []                        # lead sentences inside running body text (bold leads): not parts
    out = []
    for a, e, b in best:
        if any(x <= a < y for x, y in inside):
            return []
        out.append(Head(a, "", "sentence", len(out) + 1, a, e, b, "term", "plain", text[a:e]))
    return out


def _announced(text: str, a: int, c: dict) -> bool:
    """The first parallel sentence follows a list announcement (…重点做好以下工作：) on the same line."""
    i = a - 1
    while i >= 0 and text[i] in " \t\u3000\u00a0":
        i -= 1
    return i >= 0 and text[i] in c.get("parallel_announce_ends", "：:")


def _own_line(text: str, a: int, b: int) -> bool:
    """The sentence stands alone on its line (only blanks before it and after its end)."""
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    le = len(text) if le < 0 else le
    return not text[ls:a].strip(WS) and not text[b:le].strip(WS)


def _sequence_ok(fam: str, num: int, last: dict, order: list) -> bool:
    if fam not in order:
        return num == 1
    prev = last.get(fam)
    if prev is None:
        return num == 1
    if num == prev + 1:
        return True
    # a repeated or skipped number (（三）（三）, （二）（四）) in the distinctive families
    return fam in ("part", "cn", "paren_cn") and num in (prev, prev + 2)


def _runin_families(text, cands, limits) -> set:
    """Families whose headings run into their body (no terminator within the title length)."""
    max_title = cues()["max_title"]
    tot, hits = {}, {}
    for (mk, st, ls, le), lim in zip(cands, limits):
        if st == "loose":
            continue
        seg = text[mk.end:min(lim, mk.end + max_title + 1)]
        tot[mk.family] = tot.get(mk.family, 0) + 1
        if lim - mk.end > max_title and _terminator(seg) < 0:
            hits[mk.family] = hits.get(mk.family, 0) + 1
    return {f for f, h in hits.items() if h >= 2 and h * 5 >= tot[f]}


def _sibling_bonus(text, cands, limits, runin_fams) -> dict:
    """Parallel phrasing: a 2-char string that ends a cut in most run-in siblings boosts that cut."""
    out = {}
    run_max = cues()["run_in_max"]
    by_fam: dict[str, list[int]] = {}
    for i, (mk, st, ls, le) in enumerate(cands):
        if mk.family in runin_fams and st != "loose":
            by_fam.setdefault(mk.family, []).append(i)
    groups = []
    for fam, idx in by_fam.items():
        cur: list[int] = []
        for i in idx:
            if cands[i][0].number == 1 and cur:
                groups.append(cur)
                cur = []
            cur.append(i)
        groups.append(cur)
    for idx in groups:
        if len(idx) < 3:
            continue
        seen: dict[str, set] = {}
        follow: dict[str, set] = {}
        cutpos: dict[int, dict[str, int]] = {}
        for i in idx:
            mk = cands[i][0]
            seg = text[mk.end:min(limits[i], mk.end + run_max + 2)]
            cp = {}
            for cut in cut_points(seg, run_max):
                bg = seg[cut - 2:cut]
                if bg not in cp:
                    cp[bg] = cut
                    seen.setdefault(bg, set()).add(i)
                    follow.setdefault(bg, set()).add(seg[cut:cut + 2])
            cutpos[i] = cp
        # a shared title ending is followed by different body openings (a shared phrase inside the
        # title is followed by the same words in every sibling)
        common = {bg for bg, s in seen.items() if len(s) * 3 >= len(idx) * 2 and len(follow[bg]) * 3 >= len(s) * 2}
        for i in idx:
            b = {cutpos[i][bg]: 3.0 for bg in common if bg in cutpos[i]}
            if b:
                out[i] = b
    return out


def _sibling_groups(cands) -> list[list[int]]:
    """Candidate indices per family, split where the numbering restarts at 1 (one list of siblings)."""
    by_fam: dict[str, list[list[int]]] = {}
    for i, (mk, st, ls, le) in enumerate(cands):
        if st == "loose" and mk.number != 1:
            continue                     # loose markers count only as the first of a list (see find_headings)
        gs = by_fam.setdefault(mk.family, [])
        if not gs or mk.number == 1:
            gs.append([])
        gs[-1].append(i)
    return [g for gs in by_fam.values() for g in gs]


def _parallel_pair(title: str) -> bool:
    """A title made of comma-joined clauses of about the same length (经济增长进一步加快，综合实力显著提高)."""
    parts = regex.split(r"[，,]", title)
    if len(parts) < 2 or any(len(x) < 4 for x in parts):
        return False
    return max(len(x) for x in parts) - min(len(x) for x in parts) <= SIB_PAIR_SLACK


def _sibling_recut(text, cands, limits, spans, sib_bonus) -> None:
    """Parallel phrasing: re-cut run-in titles to the length of their confidently cut siblings. In place.

    Siblings of one list are phrased alike (全力以赴促进经济增长 / 着力推动宜居家园建设 …). When some of them
    are cut with certainty (a decisive opener or a clear boundary), the others prefer cuts near that
    length: a run-in title is re-cut with a length bonus, and a 。-ended title much longer than its
    siblings is cut too when a good boundary lies near their length (its lead sentence then is body),
    unless it is a comma-joined pair of parallel clauses, which is a title in its own right.
    """
    c = cues()
    max_title, run_max = c["max_title"], c["run_in_max"]
    verbs, bad_ends = _lead_verbs(), _bad_title_ends()
    for g in _sibling_groups(cands):
        if len(g) < 2:
            continue
        # a part title naming a year (2024年工作回顾) has a fixed form, not the siblings' parallel phrasing
        sure = [spans[i][1] - spans[i][0] for i in g if spans[i] is not None and spans[i][4]
                and not _YEAR_TITLE.search(text, spans[i][0], spans[i][1])]
        if not sure:
            continue
        sure.sort()
        lo, hi = sure[len(sure) // 4], sure[(3 * len(sure) - 1) // 4]     # the middle half of their lengths
        ref = (lo + hi) / 2
        width = max(3.0, 0.3 * ref)
        # comma-joined anchors (精准发力，七大攻坚成效凸显): the last clause is what is parallel
        lasts = sorted(spans[i][1] - k - 1 for i in g if spans[i] is not None and spans[i][4]
                       for k in [text.rfind("，", spans[i][0], spans[i][1])] if k > spans[i][0])
        clause_mode = len(lasts) * 2 > len(sure)
        if clause_mode:
            clo, chi = lasts[len(lasts) // 4], lasts[(3 * len(lasts) - 1) // 4]
            cwidth = max(2.0, 0.3 * (clo + chi) / 2)
        for i in g:
            sp = spans[i]
            if sp is None or sp[4] is not False or sp[3] not in ("runin", "term"):
                continue                 # sure cuts are the anchors; None marks a parallel-clause cut, kept
            ts, te, he, kind, _ = sp
            seg = text[ts:min(limits[i], ts + max_title + 80)]
            title = text[ts:te]
            if kind == "term" and (len(title) < ref + SIB_TERM_EXCESS or _parallel_pair(title)):
                continue
            bonus = sib_bonus.get(i) or {}
            best, best_sc = 0, float("-inf")
            last_comma, k = -1, 0
            for cut, sc in cut_scores(seg, min(te - ts - 1, run_max)):
                while k < cut:                   # the last comma before this cut (one pass over seg)
                    if seg[k] == "，":
                        last_comma = k
                    k += 1
                if clause_mode and last_comma > 0:
                    n = cut - last_comma - 1
                    near = max(0.0, 1.0 - max(clo - n, n - chi, 0) / cwidth)
                else:
                    near = max(0.0, 1.0 - max(lo - cut, cut - hi, 0) / width)
                if kind == "term":
                    if not near:
                        continue         # a 。-ended title is only cut near its siblings' length
                    if seg[:cut].endswith(bad_ends):
                        continue
                    if seg.startswith(verbs, cut) and te - ts - cut >= PAR_REST:
                        # a verb-led lead sentence (率先实施…) after a title of the siblings' length: the
                        # sparse boundary counts may not know the words, the parallel shape decides
                        sc = max(sc, 0.0) + SIB_VERB
                sc += bonus.get(cut, 0.0) + SIB_WEIGHT * near
                if sc > best_sc:
                    best, best_sc = cut, sc
            if not best or best == te - ts:
                continue
            if kind == "term" and best_sc < SIB_TERM_NEED:
                continue
            spans[i] = (ts, ts + best, ts + best, "runin", False)
    for g in _sibling_groups(cands):
        if len(g) >= 3:
            _sibling_last_clause(text, g, limits, spans, verbs, bad_ends)
            if not _sibling_shared_word(text, g, limits, spans, bad_ends):
                _sibling_clause_consensus(text, g, limits, spans, bad_ends,
                                          crawled=any(cands[i][3] - cands[i][2] >= CRAWLED_LINE for i in g)
                                          or len({cands[i][2] for i in g}) < len(g))


def _sibling_last_clause(text, g, limits, spans, verbs, bad_ends) -> None:
    """Siblings titled "A，B" whose B was cut off a lead phrase (…进一步提升吸引力|推动…) give B's length; a
    sibling whose last clause is much longer and holds a verb-led lead at about that length is cut
    there too (…进一步提升承载力|完善城市配套设施。). In place; linear in the titles' length."""
    max_title = cues()["max_title"]
    lens = []
    for i in g:
        sp = spans[i]
        if sp is not None and sp[3] == "runin" and text[sp[1]:sp[1] + 1] not in "，,。；":
            k = max(text.rfind("，", sp[0], sp[1]), text.rfind(",", sp[0], sp[1]))
            if k > sp[0]:
                lens.append(sp[1] - k - 1)
    if len(lens) < 2:
        return
    lens.sort()
    lo, hi = lens[0] - PAR_SLACK, lens[-1] + PAR_SLACK
    for i in g:
        sp = spans[i]
        if sp is None or sp[3] != "term":
            continue
        ts, te = sp[0], sp[1]
        k = max(text.rfind("，", ts, te), text.rfind(",", ts, te))
        if k <= ts or te - k - 1 < lens[0] + PAR_REST:
            continue
        seg = text[ts:min(limits[i], ts + max_title + 80)]
        start = k + 1 - ts
        ok = set(cut_points(seg, te - ts - 1))
        for j in range(max(4, lo), min(hi, te - ts - start - PAR_REST) + 1):
            cut = start + j
            if cut in ok and seg.startswith(verbs, cut) and not seg[:cut].endswith(bad_ends) \
                    and "、" not in seg[cut:te - ts]:
                spans[i] = (ts, ts + cut, ts + cut, "runin", False)
                break


def _sibling_shared_word(text, g, limits, spans, bad_ends) -> bool:
    """Siblings titled "A，B" whose B share a word at the same place (红色引擎更加澎湃 / 法治环境更加优化 /
    底线防线更加牢固) and whose B all run on into a lead phrase before the 。 (…更加澎湃赓续初心学思践悟。):
    B ends at the same length in all of them, where the summed boundary scores are best. In place."""
    mem = []
    for i in g:
        sp = spans[i]
        if sp is None or sp[3] != "term":
            continue
        k = max(text.rfind("，", sp[0], sp[1]), text.rfind(",", sp[0], sp[1]))
        if k > sp[0]:
            mem.append((i, k + 1, sp[1]))               # last clause [k+1, title end)
    if len(mem) < 3 or len(mem) * 3 < len(g) * 2:
        return False
    shortest = min(e - b for _, b, e in mem)
    best_o = None
    for o in range(1, min(shortest, 8) - 1):
        words = {text[b + o:b + o + 2] for _, b, _ in mem}
        w = next(iter(words))
        if len(words) == 1 and _TWO_HAN.match(w):
            best_o = o
            break
    if best_o is None:
        return False
    best_j, best_sum = 0, float("-inf")
    for j in range(best_o + 3, best_o + 7):
        total = 0.0
        for i, b, e in mem:
            if e - (b + j) < 6:
                total = float("-inf")
                break
            seg = text[spans[i][0]:e + 1]
            cut = b + j - spans[i][0]
            sc = dict(cut_scores(seg, cut)).get(cut)
            if sc is None or seg[:cut].endswith(bad_ends):
                total = float("-inf")
                break
            total += sc
        if total > best_sum:
            best_j, best_sum = j, total
    if not best_j or best_sum / len(mem) < SHARED_NEED:
        return False
    for i, b, e in mem:
        ts = spans[i][0]
        spans[i] = (ts, b + best_j, b + best_j, "runin", None)
    return True


def _sibling_clause_consensus(text, g, limits, spans, bad_ends, crawled: bool = False) -> None:
    """Run-in siblings titled "A，B" with B of one length (红色引擎更加澎湃 / 经济发展稳中有进 / 社会韧性与日俱增)
    that run into lead phrases: one length of B decides every cut. Only in lists where some titles run in
    (crawled pages). In place; linear.

    * Halves: when most siblings' last clause up to the 。 has the same even length (红色引擎更加澎湃赓续初心
      学思践悟), B is its first half, the bold lead phrase the second.
    * Otherwise the length with the best mean boundary score over the siblings, each cut then moved by
      at most one character to its own best score (国际旅游岛加快建设 is one longer than its siblings).
    """
    max_title, run_max = cues()["max_title"], cues()["run_in_max"]
    if not crawled and not any(spans[i] is not None and spans[i][3] == "runin" for i in g):
        return
    mem = []
    for i in g:
        sp = spans[i]
        if sp is None or decisive_at(text, sp[1]):
            continue                     # 一是/我局 right after the title: that cut stands
        ts, te = sp[0], sp[1]
        c = text.rfind("，", ts, te)
        if c <= ts + 3:
            continue
        seg = text[ts:min(limits[i], ts + max_title + 80)]
        t = _terminator(seg)
        end = min(t if t >= 0 else len(seg), run_max)
        mem.append((i, ts, c - ts, end, seg, dict(cut_scores(seg, end)), t))
    if len(mem) < 3 or len(mem) * 3 < len(g) * 2:
        return

    adverbs = tuple(cues()["predicate_adverbs"])

    def usable(c, n, end, seg, sc):
        cut = c + 1 + n
        return (cut <= end - 4 and cut in sc and not seg[:cut].endswith(bad_ends)
                and not seg.startswith(adverbs, cut))     # 红色引擎|更加澎湃: the predicate is still title

    whole = [m[6] - m[2] - 1 for m in mem if m[6] > m[2] and "，" not in m[4][m[2] + 1:m[6]]]
    counts = Counter(whole)
    mode, n_mode = counts.most_common(1)[0] if counts else (0, 0)
    if mode >= 12 and mode % 2 == 0 and n_mode >= max(3, len(mem) * 2 / 3):
        half = mode // 2
        for i, ts, c, end, seg, sc, t in mem:
            if usable(c, half, end, seg, sc):
                spans[i] = (ts, ts + c + 1 + half, ts + c + 1 + half, "runin", None)
        return
    best_l, best_mean = 0, float("-inf")
    for n in range(4, 13):
        vals = [sc[c + 1 + n] for i, ts, c, end, seg, sc, t in mem if usable(c, n, end, seg, sc)]
        if len(vals) * 5 >= len(mem) * 4 and sum(vals) / len(vals) > best_mean:
            best_l, best_mean = n, sum(vals) / len(vals)
    if not best_l or best_mean < CONSENSUS_NEED:
        return
    for i, ts, c, end, seg, sc, t in mem:
        own = spans[i][1] - ts - c - 1
        if abs(own - best_l) <= 1 or not usable(c, best_l, end, seg, sc):
            continue                     # its own cut is as long, give or take a character
        spans[i] = (ts, ts + c + 1 + best_l, ts + c + 1 + best_l, "runin", None)


@lru_cache(maxsize=1)
def _tidy_words() -> tuple:
    c = cues()
    heads = tuple(sorted(c["runin_predicate_heads"], key=len, reverse=True))
    return (heads, tuple(c["runin_strict_lead_verbs"]), tuple(c["title_completions"]),
            regex.compile(c["year_title_tails"]), tuple(c["lead_verb_openers"]))


def _runin_tidy(text, cands, limits, spans, runin_fams) -> None:
    """Last look at run-in cuts, by the shape of a title's last clause. In place; linear.

    * Too short (only in "A，B" titles whose B is a bare subject of at most 8 characters, no verb in it):
      a title does not end with a verb or adverb (国际旅游岛加快|建设), nor between a bare subject
      and its predicate (社会治理效能|持续提升), nor before the word that completes it (治理能力|现代化,
      做好|2025年工作): the cut moves past the predicate / completion.
    * Too long: a subject-led clause holding a whole subject+predicate (社会治理效能持续提升) ends there when
      a second subject+predicate (平安建设扎实推进) or a verb-led lead phrase follows; a verb-led clause
      (加快建设服务型政府) ends before a later lead verb that opens the body (落实…). Only for run-in cuts and
      for 。-ended titles in lists where some titles run in.
    """
    run_max = cues()["run_in_max"]
    max_title = cues()["max_title"]
    heads, strict, completions, year_tail, verbs = _tidy_words()
    bad_ends = _bad_title_ends()
    fams = set(runin_fams) | {cands[i][0].family for i, sp in enumerate(spans) if sp is not None and sp[3] == "runin"}
    for i, sp in enumerate(spans):
        if sp is None:
            continue
        mk = cands[i][0]
        ts, te, he, kind, sure = sp
        if kind != "runin" and not (kind == "term" and mk.family in fams):
            continue
        seg = text[ts:min(limits[i], ts + max_title + 80)]
        ok = _LazyCuts(seg, min(len(seg) - 1, max_title))
        for _ in range(3):               # a moved cut may need one more step (塑造|乡村|文化品牌，…)
            cut = te - ts
            new = _tidy_stub(seg, cut, ok, verbs) if kind == "runin" else 0
            new = new or _tidy_shorter(seg, cut, ok, heads, strict, verbs, bad_ends, year_tail)
            if not new and kind == "term":
                new = _tidy_lead_sentence(seg, cut, ok, verbs + _stub_verbs(), bad_ends)
            if not new and kind == "runin" and not decisive_at(seg, cut):
                new = _tidy_longer(seg, cut, ok, heads, completions, year_tail, verbs, bad_ends, run_max)
            if new < 0:                  # the title ends at a comma, which goes with the heading
                spans[i] = (ts, ts - new, ts - new + 1, "runin", sure)
                break
            if not new or new == cut:
                break
            kind, te = "runin", ts + new
            spans[i] = (ts, te, te, "runin", sure)


class _LazyCuts:
    """The admissible cuts of ``seg``, scored only when a tidy rule first asks (most titles need none)."""

    __slots__ = ("seg", "limit", "cuts")

    def __init__(self, seg: str, limit: int):
        self.seg, self.limit, self.cuts = seg, limit, None

    def __contains__(self, cut: int) -> bool:
        if self.cuts is None:
            self.cuts = set(cut_points(self.seg, self.limit))
        return cut in self.cuts


_TWO_HAN = regex.compile(r"\p{Han}{2}$")
_SHORT_FRAGMENT = regex.compile(r"(\p{Han}{2,4})[，,]")


@lru_cache(maxsize=1)
def _short_openers() -> frozenset:
    return frozenset(cues()["short_body_clauses"])


def _last_clause(seg: str, cut: int) -> int:
    return max(seg.rfind("，", 0, cut), seg.rfind(",", 0, cut)) + 1


def _tidy_longer(seg, cut, ok, heads, completions, year_tail, verbs, bad_ends, run_max) -> int:
    """A later cut that completes a title cut mid-phrase, or 0; -k when the title ends at a comma at k."""
    cs = _last_clause(seg, cut)
    clause = seg[cs:cut]
    new = 0
    frag = _SHORT_FRAGMENT.match(seg, cut)
    if clause.endswith(bad_ends):
        # …加快|建设, 全力|打好疫情防控保卫战: the verb's object belongs to the title; the best cut after it
        new = best_cut(seg, min(run_max, cut + 14), min_len=cut + 2)[0]
        return new if new and _all_han(seg[cut:new]) else 0
    elif frag and not opener_at(seg, cut) and not decisive_at(seg, cut) \
            and frag.group(1) not in _short_openers():
        # 塑造风情文化|特色，…: a body sentence does not open with a 2-4 character clause; the title
        # runs past the comma, to the best cut after it
        # when no clear boundary follows (a body clause after the comma), the title ends at the comma
        new, sc = best_cut(seg, run_max, min_len=frag.end() + 4)
        return new if new and sc >= 0 and "。" not in seg[cut:new] else -frag.end(1)
    elif cs > 0 and 2 <= len(clause) <= 8 and not any(w in clause for w in heads + verbs) \
            and (d := next((d for d in range(4) if seg.startswith(heads, cut + d)), -1)) >= 0 \
            and len(clause) + d <= 8 and not (d and opener_at(seg, cut)):
        # bare subject|predicate (发展引擎|更加强劲), or a subject cut inside (社会治理|效能持续提升)
        h = next(h for h in heads if seg.startswith(h, cut + d))
        new = cut + d + len(h) + 2
    elif seg.startswith(completions, cut):
        new = cut + len(next(w for w in completions if seg.startswith(w, cut)))
    else:
        m = year_tail.match(seg, cut)
        if m and m.end() <= run_max and m.end() in ok:
            return m.end()               # 做好|2025年工作: the year (digits and all) belongs to the title
        return 0
    if not new or new > run_max or new not in ok or not _all_han(seg[cut:new]):
        return 0
    return new


_STUB = regex.compile(r"\p{Han}{1,4}[。；]")


def _tidy_stub(seg, cut, ok, verbs) -> int:
    """…产业体系发展|数字产业。: a body sentence of at most 4 characters is the tail of a lead phrase whose
    verb the run-in title swallowed; the title ends before that verb (lead_verb_openers, stub_verbs), or 0."""
    if not _STUB.match(seg, cut):
        return 0
    for v in verbs + _stub_verbs():
        k = cut - len(v)
        if k >= 4 and seg.startswith(v, k) and k in ok:
            return k
    return 0


def _tidy_lead_sentence(seg, cut, ok, verbs, bad_ends) -> int:
    """A 。-ended "A，B" title in a run-in list whose verb-led B (8+ characters) ends in a second verb phrase
    of 6-8 characters (…产业体系|发展数字产业。, …融合发展|促进城乡要素流动。): that phrase is the body's bold
    lead sentence, or 0."""
    cs = _last_clause(seg, cut)
    clause = seg[cs:cut]
    if cs == 0 or not clause.startswith(verbs + _tidy_words()[0]):
        return 0                         # only "A，B" titles whose B is verb-led (加快构建…, 不断推进…)
    best = 0
    for v in verbs:
        k = clause.find(v, 6)
        while k >= 0:
            if 6 <= len(clause) - k <= 8 and k >= 8 and cs + k in ok and not clause[:k].endswith(bad_ends) \
                    and "、" not in clause[k:] and (not best or cs + k < best):
                best = cs + k
            k = clause.find(v, k + 1)
    return best


@lru_cache(maxsize=1)
def _stub_verbs() -> tuple[str, ...]:
    return tuple(cues()["stub_verbs"])


def _tidy_shorter(seg, cut, ok, heads, strict, verbs, bad_ends, year_tail) -> int:
    """An earlier cut inside a title that swallowed the next clause or lead phrase, or 0."""
    cs = 0
    while cs < cut:                      # each clause in turn (the lead may follow any clause's predicate)
        ce = min([k for k in (seg.find("，", cs, cut), seg.find(",", cs, cut)) if k >= 0] or [cut])
        new = _tidy_clause(seg, cs, ce, ok, heads, strict, verbs, bad_ends, year_tail)
        if new:
            return new
        cs = ce + 1
    return 0


def _tidy_clause(seg, cs, ce, ok, heads, strict, verbs, bad_ends, year_tail) -> int:
    clause = seg[cs:ce]
    if len(clause) < 10:
        return 0
    m = year_tail.search(clause, 2)
    if m and len(clause) - m.end() >= 2 and clause[m.end()] not in "的和与及" \
            and not clause.startswith(heads, m.end()) and cs + m.end() in ok:
        return cs + m.end()              # 做好2025年工作|坚定信心 (not …工作|再上新台阶): the year phrase ends it
    if not clause.startswith(verbs + heads):
        # subject-led: the first subject+predicate (noun 2+, head, 2 chars)
        for p in range(2, len(clause) - 3):
            h = next((h for h in heads if clause.startswith(h, p)), None)
            if h is None:
                continue
            q = p + len(h) + 2
            rest = clause[q:]
            if len(rest) < 4 or not _all_han(clause[p:q]):
                return 0
            second = any(rest.find(h2, 2) >= 2 for h2 in heads if h2 in rest[2:])
            if (rest.startswith(verbs + heads) or second) and cs + q in ok:
                return cs + q
            return 0
        return 0
    # verb-led: a later strict lead verb opens the body
    for v in strict:
        k = clause.find(v, 6)
        while 0 <= k:
            if len(clause) - k >= 4 and cs + k in ok and not clause[:k].endswith(bad_ends):
                return cs + k
            k = clause.find(v, k + 1)
    return 0


def _all_han(s: str) -> bool:
    return bool(s) and all("\u4e00" <= ch <= "\u9fff" for ch in s)


def _annex_start(text: str, cands: list) -> int | None:
    """Where the annexes after the report's body begin, or None: the first annex header line
    (structure_cues.json annex_headers) in the second half of the text, or the last glossary header.
    Only when some marker precedes it (a page that is all annex keeps its headings)."""
    m = _annex_re().search(text, len(text) // 2)
    starts = [x for x in (m.start() + 1 if m else None, _glossary_start(text)) if x is not None]
    if not starts or not cands or cands[0][0].start >= min(starts):
        return None
    return min(starts)


@lru_cache(maxsize=1)
def _annex_re():
    return _whole_line_re(cues().get("annex_headers", []))


def _whole_line_re(pats: list[str]):
    """A line (after a line break) that is one of ``pats`` but for spaces. The literal \\n start is several
    times faster to scan for than a multiline ^ (stdlib re: the patterns are plain)."""
    if not pats:
        return re.compile("(?!)")
    return re.compile(r"\n[ \t\u3000]*(?:" + "|".join(f"(?:{p})" for p in pats) + r")[ \t\u3000]*(?=\n|$)")


def _drop_after_body(text: str, heads: list[Head]) -> list[Head]:
    """Drop a flat numbered list appended after the report's body: headings after the last closing line
    in the second half (structure_cues.json body_end_lines: 各位代表！…而努力奋斗！, a signature date) when
    they restart at 1 and are all of one family (2025年十件民生实事 一、… 二、… after the closing call).
    A list that goes on numbering, or one with sub-levels (a plan appended whole), is kept."""
    if len(heads) < 2:
        return heads
    half = len(text) // 2 + 1
    if heads[-1].start < half:
        return heads
    end = None
    for m in _body_end_re().finditer(text, half - 1):
        end = m.end()
    if end is None:
        return heads
    k = next((i for i, h in enumerate(heads) if h.start >= end), None)
    if k is None or k == 0 or heads[k].number != 1 or len({h.family for h in heads[k:]}) != 1:
        return heads
    return heads[:k]


@lru_cache(maxsize=1)
def _body_end_re():
    return _whole_line_re(cues().get("body_end_lines", []))


def _glossary_start(text: str) -> int | None:
    m = None
    for m in _glossary_re().finditer(text, len(text) // 2):
        pass
    return m.start() + 1 if m else None


@lru_cache(maxsize=1)
def _glossary_re():
    return _whole_line_re([re.escape(h) + "[：:]?" for h in cues()["glossary_headers"]])


def _drop_toc(text: str, heads: list[Head]) -> list[Head]:
    """Drop table-of-contents copies: a run of body-less headings whose titles come again later."""
    if len(heads) < 4:
        return heads
    last_seen: dict[tuple, int] = {}
    for i, h in enumerate(heads):
        last_seen[(h.family, h.number, h.title)] = i
    empty = []
    for i, h in enumerate(heads):
        nxt = heads[i + 1].start if i + 1 < len(heads) else len(text)
        empty.append(_TOC_EMPTY.match(text, h.heading_end, max(nxt, h.heading_end)).end() >= nxt)
    drop = set()
    i = 0
    while i < len(heads):
        if not empty[i]:
            i += 1
            continue
        j = i
        while j < len(heads) and empty[j]:
            j += 1
        run = range(i, j)            # headings i..j-1 have no body; j (if any) has one
        dup = [k for k in run if last_seen[(heads[k].family, heads[k].number, heads[k].title)] >= j]
        if len(run) >= 2 and len(dup) * 3 >= len(run) * 2:
            drop.update(dup)
        i = j + 1
    return [h for k, h in enumerate(heads) if k not in drop]


# nothing but spaces, dot leaders, page numbers and 目录 (matched in place, no copy of the body)
_TOC_EMPTY = regex.compile(r"(?:[\s.…·．\-—_0-9０-９]|目录|目\s*录)*+")


def _hint_headings(text: str, hints: frozenset) -> list[Head]:
    """Headings marked only by bold/heading styles in the source (no numbered headings found)."""
    hs = sorted({h.strip(WS) for h in hints if 4 <= len(h.strip(WS)) <= 80}, key=len, reverse=True)
    if not hs:
        return []
    bad = _not_heading_res()
    out: list[Head] = []
    first_line = True
    for ls, le in _line_bounds(text):
        line = text[ls:le]
        body = line.strip(WS)
        if not body:
            continue
        off = ls + (len(line) - len(line.lstrip(WS)))
        was_first, first_line = first_line, False
        hit = next((h for h in hs if body.startswith(h)), None)
        if hit is None or was_first:
            continue
        t = hit.rstrip("。；：:;")
        if len(t) > cues()["max_title"] or any(r.search(t) for r in bad):
            continue
        if hit != body and not hit.endswith(("。", "：", ":")):
            continue                     # a bold run inside a paragraph that is not a sentence
        out.append(Head(off, "", "hint", len(out) + 1, off, off + len(t), off + len(hit), "hint", "hint", t))
    return out if len(out) >= 2 else []
