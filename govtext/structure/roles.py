"""Section roles for level-1 sections (children inherit), from the title, the year, the report type, the body.

Cue words live in ``govtext/data/roles.json``.

>>> role_of_title("推进法治政府建设存在的不足和原因", {"report_type": "fzzf", "year": 2023})
'shortcomings'
>>> role_of_title("2024年政府工作任务", {"report_type": "gwr", "year": 2024})
'plans'
>>> role_of_title("做好“三篇文章”，全力推进2018年各项工作再上新台阶", {"report_type": "gwr", "year": 2018})
'plans'
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import regex

DATA = Path(__file__).resolve().parent.parent / "data"
BODY_HEAD = 3000        # a body's cue words are counted in its first this many characters
_PLAN_WORD = regex.compile(r"计划|安排|打算|思路|任务|要点|建议")
_NEXT_LINE = regex.compile(r"[^\s]+[^\n]*")
_YEAR = regex.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9]{2})(?![0-9])(?:年|”|\")?")


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return json.loads((DATA / "roles.json").read_text(encoding="utf-8"))


def _cue_role(title: str) -> str | None:
    """The role of the title's decisive cue word: a strong role's first, then the one ending last."""
    hits = []
    for w, strong, role in _title_cues():
        k = title.rfind(w)
        if k >= 0:
            hits.append((strong, k + len(w), len(w), role))
    if not hits:
        return None
    return max(hits)[3]


@lru_cache(maxsize=1)
def _title_cues() -> tuple[tuple[str, bool, str], ...]:
    """(word, its role is strong, role) for every title cue word, in roles.json order."""
    cfg = _cfg()
    return tuple((w, role in cfg["strong"], role) for role, words in cfg["title_cues"].items() for w in words)


def _year_role(title: str, meta: dict) -> str | None:
    year, rtype = meta.get("year") or meta.get("_title_years_max"), meta.get("report_type")
    ys = [int(m.group(1)) for m in _YEAR.finditer(title)]
    if not ys or not year:
        return None
    y = ys[-1]
    try:
        year = int(year)
    except (TypeError, ValueError):
        return None
    if rtype is None and not meta.get("year"):
        return "plans" if y >= year else "achievements"   # year guessed from the titles
    if rtype == "gwr":
        return "plans" if y >= year else "achievements"
    if rtype == "plan":
        return "plans" if y >= year else "achievements"
    return "plans" if y > year else "achievements"


def role_of_title(title: str, meta: dict) -> str | None:
    """The role a level-1 title alone decides, or None when it is vague."""
    cfg = _cfg()
    vague = _vague(title)
    cue = _cue_role(title)
    if cue in cfg["strong"]:
        return cue
    if vague and cue not in ("plans", "achievements"):
        return None
    yr = _year_role(title, meta)
    if (yr != "achievements" and any(w in title for w in cfg["aspiration_cues"])
            and not any(w in title for w in cfg["review_words"])):
        return "plans"
    if cue is not None:
        # a past-year title with a generic work cue (2023年工作 → review) follows the year
        if yr == "achievements" and cue == "plans" and not _PLAN_WORD.search(title):
            return yr
        return cue
    return _year_role(title, meta)


def _vague(title: str) -> bool:
    return _vague_re().search(title) is not None


@lru_cache(maxsize=1)
def _vague_re():
    return regex.compile("|".join(f"(?:{p})" for p in _cfg()["vague_titles"]))


def role_of_body(body: str, allow_targets: bool = True) -> str | None:
    """The role the body's cue words point to (targets first, for vague titles), or None."""
    cc = _cfg()["content_cues"]
    if allow_targets and any(w in body for w in cc["targets"]):
        return "targets"
    head = body[:BODY_HEAD]
    score = {r: sum(head.count(w) for w in cc[r]) for r in ("achievements", "plans", "shortcomings")}
    n = max(1, len(head) // 100)
    if score["shortcomings"] >= 2 * n and score["shortcomings"] > score["plans"]:
        return "shortcomings"
    if score["plans"] > 1.3 * score["achievements"]:
        return "plans"
    if score["achievements"] > 1.3 * score["plans"]:
        return "achievements"
    return None


@lru_cache(maxsize=1)
def _appendix_re():
    return regex.compile(_cfg()["appendix_line"], regex.M)


def _appendix(text: str, after: int) -> tuple[int, str] | None:
    """(offset, title) of the first appendix line after ``after`` (the title is the rest of the line
    or the next non-empty line), or None.

    >>> _appendix("一、回顾\\n正文。\\n附件1\\n2026年十件民生实事\\n一、办好学校", 0)
    (9, '2026年十件民生实事')
    """
    m = _appendix_re().search(text, after)
    if m is None:
        return None
    title = m.group("title").strip()
    if not title:
        nxt = _NEXT_LINE.search(text, m.end())
        title = nxt.group(0).strip()[:60] if nxt else ""
    return m.start(), title


_CN_DIGIT = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}
ANNOUNCE_GAP = 300      # the announcement ends at most this many characters before part 一、


def _cn_number(s: str) -> int:
    """一..九十九 as an int (0 when not a plain Chinese numeral)."""
    if "十" not in s:
        return _CN_DIGIT.get(s, 0) if len(s) == 1 else 0
    a, _, b = s.partition("十")
    return (_CN_DIGIT.get(a, 0) if a else 1) * 10 + (_CN_DIGIT.get(b, 0) if b else 0)


@lru_cache(maxsize=1)
def _announced_re():
    return regex.compile(_cfg()["announced_tasks"])


def _announced_tasks(text: str, tops: list[dict]) -> None:
    """Parts announced as this year's tasks (今年要着重做好以下八个方面工作。一、… 八、进一步做好外交工作) are
    plans, also the one whose title alone says 'other'. In place."""
    if not tops or not any(r["role"] == "other" for r in tops):
        return
    for m in _announced_re().finditer(text):
        n = _cn_number(m.group("n"))
        first = next((k for k, r in enumerate(tops) if r["start"] >= m.end()), None)
        if not n or first is None or tops[first]["number"] != 1 or tops[first]["start"] - m.end() > ANNOUNCE_GAP:
            continue
        for k in range(first, min(first + n, len(tops))):
            r = tops[k]
            if r["number"] != k - first + 1:
                break
            if r["role"] == "other":
                r["role"] = "plans"


def assign_roles(text: str, rows: list[dict], meta: dict) -> None:
    """Fill ``role`` in place: level-1 rows decide, children inherit."""
    meta = meta or {}
    tops = [r for r in rows if r["parent"] == -1]
    if not meta.get("year"):
        # no known year: the latest year named by two or more part titles is the plan year
        ys = sorted({int(m.group(1)) for r in tops for m in _YEAR.finditer(r["title"])})
        if len(ys) >= 2:
            meta = dict(meta, _title_years_max=ys[-1])
    rtype = meta.get("report_type") or "other"
    default = _cfg()["type_default"].get(rtype, "other")
    for k, r in enumerate(tops):
        role = role_of_title(r["title"], meta)
        if role is None:
            vague = _vague(r["title"])
            # (without targets only the body's first BODY_HEAD characters count: no copy of the rest)
            end = r["end"] if vague else min(r["end"], r["heading_end"] + BODY_HEAD)
            role = role_of_body(text[r["heading_end"]:end], allow_targets=vague)
        if role is None and rtype == "plan":
            role = "plans"
        if role is None:
            role = default
        r["role"] = role
    if rtype == "plan":
        for r in tops:
            if r["role"] == "achievements" and not _cue_role(r["title"]):
                r["role"] = "plans"
    _announced_tasks(text, tops)
    app = _appendix(text, tops[0]["start"] if tops else len(text))
    if app is not None:
        # a list restarted inside an appendix (附件1 2026年十件民生实事 一、… 十、) is one part, one role
        pos, title = app
        role = role_of_title(title, meta) or "other"
        for r in tops:
            if r["start"] >= pos:
                r["role"] = role
    for r in rows:
        if r["parent"] != -1:
            r["role"] = rows[r["parent"]]["role"]
