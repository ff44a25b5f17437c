"""Metadata from the raw text, the cleaned text, the file name, page metadata and the user.

Sources, strongest first (the user's values always win):

- ``title``: the page's stated title (HTML ArticleTitle, an archiver's 标题: row),
  else the first short line of the cleaned text that names a report;
- ``year``: the year the title names (2023年度…报告 → 2023, 政府工作报告（2016）→ 2016),
  else for a 政府工作报告 the year of its delivery line (——2024年3月5日在…会议上),
  else a year in the file name;
- ``place``: the issuing body from the title (城东镇2023年度… → 城东镇), else the
  congress in the delivery line (在北京市第十六届人民代表大会… → 北京市), else the
  opening (我代表国务院 → 国务院);
- ``level``: from the place (lookup tables in ``data/meta_rules.json``);
- ``report_type``: keywords of the title, else of the opening, else the file name;
- ``publish_date``: the page's 发布时间/PubDate, else the delivery date;
- ``source``: the page's 来源/发布机构/ContentSource.

A value that none of these states is ``None``.

>>> m = extract_meta("城东镇2023年度法治政府建设情况报告\\n来源：海安开发区 发布时间：2024-03-13 16:19", "城东镇2023年度法治政府建设情况报告", None, {}, {})
>>> m["title"], m["place"], m["level"], m["year"], m["report_type"], m["publish_date"], m["source"]
('城东镇2023年度法治政府建设情况报告', '城东镇', 'township', 2023, 'fzzf', '2024-03-13', '海安开发区')
>>> extract_meta("", "", None, {"place": "城东镇"}, {})["place"]
'城东镇'
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .report import META_KEYS

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇零○一二三四五六七八九十"

_YEAR = r"((?:19|20)\d{2})"
_TITLE_YEAR = re.compile(rf"(?<!\d){_YEAR}(?:\s*年|\s*[）)]|\s*(?=工作|年度|上半年|下半年)|(?!\d))")
_CN_YEAR = re.compile(r"([一二][〇零○][一二三四五六七八九〇零○]{2})年")
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_CN_DATE = re.compile(r"([一二][〇零○][〇零○一二三四五六七八九]{2})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
_DELIVERY = re.compile(
    r"(?:^|[—\-－―（(]\s*)[—\-－―]*\s*"
    r"((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[一二][〇零○][〇零○一二三四五六七八九]{2}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
    r"\s*在([^\n]{2,60}?)(?:会议|大会)上", re.M)
_LABEL_DATE = re.compile(r"(?:发布时间|发表时间|发布日期|时间|日期|PubDate)\s*[:：]\s*\n?\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})")
_DATETIME_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*\d{1,2}\s*[:：时]\s*\d{1,2}", re.M)
_LABEL_SOURCE = re.compile(r"(?:^|\s)(?:来源|文章来源|信息来源)\s*[:：][ \t\u3000]*\n?[ \t\u3000]*([^\s:：<>|]{2,30})")
_MARKER = re.compile(r"^(?:第[一二三四五六七八九十]{1,3}[部分章]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)])")
_OURS = re.compile(r"我国|全国")
_LOCAL = re.compile(r"我[省市区县镇乡旗局]|全[省市区县镇乡旗]")
_ARCHIVER = re.compile(r"^(标题|发布时间|发布机构)[ \t]*[:：][ \t]*(.*?)[ \t]*$", re.M)
_DATE_LINE = re.compile(r"^[（(]?\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[一二][〇零○][〇零○一二三四五六七八九]{2}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*[）)]?$")
_TITLE_CUT = re.compile(r"[—\-－―]{1,2}\s*(?:(?:19|20)\d{2}|[一二][〇零○])")
_SPACES = re.compile(r"[\s\u3000]+")
_PROVINCE_TAILS = ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区")


@lru_cache(maxsize=1)
def _place_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(congress, speaker, opening) place patterns, compiled on first use: most titles name the
    place, and the Han classes of these three cost ~2 ms to compile."""
    return (
        re.compile(r"(?:^|暨)([\u4e00-\u9fff]{2,20}?)第?[一二三四五六七八九十]{1,3}届(?:人民代表大会|人大)"),
        re.compile(r"^([\u4e00-\u9fff]{2,20}?)(?:人民政府)?(?:省长|市长|区长|县长|旗长|镇长|乡长|主席|主任)(?:\s|　|$)"),
        re.compile(r"我代表([\u4e00-\u9fff]{2,20}?)(?:人民政府|政府|管委会|管理委员会)?(?:[，,、]|向|作|报告)"),
    )


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The lookup tables in ``data/meta_rules.json`` (regexes compiled)."""
    raw = json.loads(resources.files("govtext").joinpath("data/meta_rules.json").read_text(encoding="utf-8"))
    return {
        "provinces": tuple(raw["provinces"]),
        "national_places": frozenset(raw["national_places"]),
        "national_openings": [re.compile(p) for p in raw["national_openings"]],
        "level_suffixes": [tuple(x) for x in raw["level_suffixes"]],
        "prefecture_cities": frozenset(n for names in raw["prefecture_cities"].values() for n in names),
        "governs_counties": re.compile(raw["governs_counties"]),
        "report_types": [(t, re.compile(p)) for t, p in raw["report_types"]],
        "opening_types": [(t, re.compile(p)) for t, p in raw["opening_types"]],
        "filename_types": [(t, re.compile(p, re.I)) for t, p in raw["filename_types"]],
        "title_words": tuple(raw["title_words"]),
        "place_stop": re.compile(raw["place_stop"]),
    }


# -- numbers and dates ---------------------------------------------------------
def cn_int(s: str) -> int | None:
    """Small Chinese numerals: 三 → 3, 十二 → 12, 二十七 → 27, 三十一 → 31."""
    if not s:
        return None
    if "十" not in s:
        if len(s) == 1 and s in _CN_DIGIT:
            return _CN_DIGIT[s]
        return None
    tens, _, ones = s.partition("十")
    t = _CN_DIGIT.get(tens, None) if tens else 1
    o = _CN_DIGIT.get(ones, None) if ones else 0
    return None if t is None or o is None else 10 * t + o


def cn_year(s: str) -> int | None:
    """二〇二六 → 2026."""
    try:
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    except KeyError:
        return None


def _ymd(y: int | None, m: int | None, d: int | None) -> str | None:
    if not y or not m or not d or not (1 <= m <= 12 and 1 <= d <= 31) or not (1949 <= y <= 2100):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_date(s: str) -> str | None:
    """The first date in ``s`` as YYYY-MM-DD (Arabic or Chinese numerals).

    >>> parse_date("2024年3月5日"), parse_date("二〇二六年一月二十七日"), parse_date("2016-02-02 10:49")
    ('2024-03-05', '2026-01-27', '2016-02-02')
    """
    if not s:
        return None
    m = _DATE.search(s)
    if m:
        return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _CN_DATE.search(s)
    if m:
        return _ymd(cn_year(m.group(1)), cn_int(m.group(2)), cn_int(m.group(3)))
    return None


def title_year(title: str | None) -> int | None:
    """The year a title names: 2023年度…报告 → 2023; 政府工作报告（2016）→ 2016; 二〇二三年 → 2023."""
    if not title:
        return None
    t = _SPACES.sub("", title)
    m = _TITLE_YEAR.search(t)
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(t)
    if m:
        return cn_year(m.group(1))
    return None


# -- the parts of a report's header -------------------------------------------------
def header(text: str, limit: int = 3000, max_lines: int = 12) -> str:
    """The lines above the body: up to 各位代表, the first heading or the first long paragraph."""
    out = []
    for line in text[:limit].split("\n")[:max_lines]:
        s = line.strip()
        if s.startswith(("各位代表", "同志们")) or _MARKER.match(s) or (len(s) > 80 and "会议上" not in s[:80]):
            break
        out.append(line)
    return "\n".join(out)


def delivery(text: str, limit: int = 3000) -> tuple[str | None, str | None]:
    """(date, meeting) of the delivery line '——2024年1月15日在…会议上' in the header."""
    m = _DELIVERY.search(header(text, limit))
    if not m:
        return None, None
    return parse_date(m.group(1)), m.group(2)


def _archiver(raw: str) -> dict[str, str]:
    out: dict[str, str] = {}
    head = raw[:2000]
    if "正文" not in head and "标题" not in head:
        return out
    for m in _ARCHIVER.finditer(head):
        out.setdefault(m.group(1), m.group(2))
    return out


def _title_part(line: str) -> str:
    """A title glued to its delivery line (政府工作报告——2018年3月5日在…) loses the delivery part."""
    m = _TITLE_CUT.search(line)
    return line[: m.start()].strip() if m and m.start() >= 4 else line.strip()


def _is_title_line(line: str) -> bool:
    s = _title_part(line)
    if not (4 <= len(s) <= 70) or s.endswith(("。", "；", "：", ":", "，")):
        return False
    if re.match(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．]|——|—|-)", s):
        return False
    if s.startswith(("各位代表", "同志们", "当前位置")):
        return False
    return any(w in s for w in rules()["title_words"])


def _generic(title: str) -> bool:
    """A title that names neither a place nor a year (政府工作报告, 工作总结)."""
    return title_year(title) is None and place_from_title(title) is None


def find_title(text: str, raw: str, page_meta: dict) -> str | None:
    """The report's own title as its text states it, else the title the page states.

    A generic text title (政府工作报告) gives way to a page title that says more
    (2026年宁夏回族自治区政府工作报告).
    """
    own = None
    for line in text.split("\n")[:8]:
        s = line.strip()
        if s.startswith(("各位代表", "同志们")) or len(s) > 70 or _MARKER.match(s):
            break  # the body has begun: a later line is a heading, not the title
        if _is_title_line(s):
            own = _title_part(s)
            break
    stated = None
    for cand in (page_meta.get("title"), _archiver(raw).get("标题")):
        if cand and _is_title_line(cand):
            stated = _SPACES.sub(" ", _title_part(cand)).strip()
            break
    if own and (not stated or not _generic(own)):
        return own
    return stated or own


def place_from_title(title: str | None) -> str | None:
    """The issuing body named at the start of a title (城东镇2023年度… → 城东镇)."""
    if not title:
        return None
    t = _SPACES.sub("", title)
    t = re.sub(r"^(?:(?:19|20)\d{2}年度?|[（(](?:19|20)\d{2}[）)])", "", t)
    m = rules()["place_stop"].search(t)
    head = t[: m.start()] if m else ""
    head = re.sub(r"(?:人民政府|政府)$", "", head).strip("（）() ")
    if len(head) < 2 or not "\u4e00" <= head[-1] <= "\u9fff":  # ends in a Chinese character
        return None
    return head


def national(text: str) -> bool:
    """True when the opening says the State Council (or the central government) reports."""
    head = text[:1500]
    return any(p.search(head) for p in rules()["national_openings"])


def _congress_place(text: str) -> str | None:
    _, meeting = delivery(text)
    if not meeting:
        return None
    if "全国人民代表大会" in meeting:
        return "国务院"
    m = _place_patterns()[0].search(meeting.rsplit("暨", 1)[-1])
    return m.group(1) if m else None


def place_from_text(text: str) -> str | None:
    """Issuer from the delivery line's congress, the speaker line or 我代表X人民政府."""
    congress, speaker, opening = _place_patterns()
    _, meeting = delivery(text)
    if meeting:
        if "全国人民代表大会" in meeting:
            return "国务院"
        m = congress.search(meeting.rsplit("暨", 1)[-1])
        if m:
            return m.group(1)
    if national(text):
        return "国务院"
    head = text[:1500]
    for line in head.split("\n")[:8]:
        m = speaker.match(line.strip())
        if m and _level_of(m.group(1)) not in (None, "unknown"):
            return m.group(1)
    m = opening.search(head)
    if m and _level_of(m.group(1)) not in (None, "unknown", "department"):
        return m.group(1)
    # Last resort: a report that speaks of 我国/全国 throughout and never of 我省/全市… is national.
    sample = text[:20000]
    ours, local = len(_OURS.findall(sample)), len(_LOCAL.findall(sample))
    if ours >= 8 and local * 4 < ours and "国务院" in text[:60000]:
        return "国务院"
    return None


def _level_of(place: str | None, text: str | None = None) -> str | None:
    if not place:
        return None
    r = rules()
    p = _SPACES.sub("", place)
    p = re.sub(r"[（(][^）)]*[）)]$", "", p) or p
    if p in r["national_places"] or p.endswith("国务院"):
        return "national"
    core = re.sub(r"(?:人民政府|政府)$", "", p)
    if core in r["provinces"] or any(
        len(core) >= 2 and prov.startswith(core) and prov[len(core):] in _PROVINCE_TAILS for prov in r["provinces"]
    ):
        return "provincial"
    for suffix, level in r["level_suffixes"]:
        if core.endswith(suffix):
            if suffix == "市" and level == "city":
                return _city_level(core, r["prefecture_cities"], text)
            return level
    return "unknown"


# The units a place's name may start with before its last unit (江苏省|苏州市|昆山市).
_OUTER_UNITS = re.compile(r"^.*(?:省|自治区|特别行政区|市|州|地区|盟)(?=.+市$)")


def _city_level(core: str, prefecture: frozenset, text: str | None = None) -> str:
    """A place ending in 市: a prefecture-level city (地级市) is ``city``; any other 市 is a
    county-level city (县级市), which DESIGN.md files as ``county`` — unless its report speaks
    of the counties it governs (各县（市、区）, 区县), as only a prefecture-level city's does."""
    name = _OUTER_UNITS.sub("", core)[:-1]
    if not name or name in prefecture:
        return "city"
    if text and rules()["governs_counties"].search(text):
        return "city"
    return "county"


def level_of(place: str | None, text: str | None = None) -> str | None:
    """Administrative level of an issuing body (lookup tables in data/meta_rules.json);
    ``text``, the report, tells a prefecture-level city the table does not name.

    >>> level_of("城东镇"), level_of("海拉尔区"), level_of("江苏省"), level_of("国务院"), level_of("平潭综合实验区社会事业局")
    ('township', 'county', 'provincial', 'national', 'department')
    >>> level_of("苏州市"), level_of("江苏省昆山市"), level_of("苏州市昆山市人民政府"), level_of("上海市")
    ('city', 'county', 'county', 'provincial')
    """
    return _level_of(place, text)


def report_type(title: str | None, text: str, path: str | None) -> str | None:
    """gwr / fzzf / summary / plan / other from the title, else the opening, else the file name."""
    r = rules()
    if title:
        t = _SPACES.sub("", title)
        plan_hit = summary_hit = None
        for typ, pat in r["report_types"]:
            if pat.search(t):
                if typ == "plan":
                    plan_hit = typ
                elif typ == "summary":
                    summary_hit = typ
                else:
                    return typ
        if summary_hit:
            return "summary"
        if plan_hit:
            return "plan"
    head = text[:600]
    for typ, pat in r["opening_types"]:
        if pat.search(head):
            return typ
    if path:
        name = Path(path).name
        for typ, pat in r["filename_types"]:
            if pat.search(name):
                return typ
    return "other" if title else None


def _publish_date(raw: str, text: str, page_meta: dict) -> str | None:
    d = parse_date(str(page_meta.get("publish_date") or ""))
    if d:
        return d
    head = raw[:3000]
    m = _LABEL_DATE.search(head)
    if m:
        d = parse_date(m.group(1))
        if d:
            return d
    m = _DATETIME_LINE.search(head)
    if m:
        d = _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d
    d, _ = delivery(text)
    if d is None:
        d, _ = delivery(raw)
    if d is None:
        # A date on its own line under the title or in the closing signature block.
        lines = [l.strip() for l in text.split("\n") if l.strip()]
        for line in lines[:6] + lines[-3:]:
            m = _DATE_LINE.match(line)
            if m:
                d = parse_date(m.group(1))
                if d:
                    break
    return d


def _source(raw: str, page_meta: dict) -> str | None:
    s = page_meta.get("source")
    if s and str(s).strip():
        return str(s).strip()
    m = _LABEL_SOURCE.search(raw[:3000])
    if m:
        return m.group(1).strip()
    v = _archiver(raw).get("发布机构")
    return v.strip() if v and v.strip() else None


def _file_year(path: str | None) -> int | None:
    if not path:
        return None
    years = re.findall(r"(?<!\d)(19[4-9]\d|20\d{2})(?!\d)", Path(path).stem)
    return int(years[0]) if years else None


def extract_meta(raw: str, text: str, path: str | None, given: dict, page_meta: dict) -> dict[str, Any]:
    """Return the metadata dict (keys in ``META_KEYS``); user-given values win."""
    given = {k: v for k, v in (given or {}).items() if v is not None}
    page_meta = page_meta or {}
    meta: dict[str, Any] = {k: None for k in META_KEYS}
    meta["path"] = path
    title = given.get("title") or find_title(text, raw, page_meta)
    meta["title"] = title
    typ = given.get("report_type") or report_type(title, text, path)
    meta["report_type"] = typ
    year = title_year(title)
    if year is None and typ == "gwr":
        d, _ = delivery(text)
        year = int(d[:4]) if d else None
    if year is None:
        year = _file_year(path)
    meta["year"] = year
    place = given.get("place")
    if not place:
        place = place_from_title(title)
        if _level_of(place) == "unknown":
            place = None  # "温家宝所作…" is not an issuing body
        if typ == "gwr":
            # A 政府工作报告 is the government of the congress it is delivered to.
            place = _congress_place(text) or place
        place = place or place_from_text(text)
    meta["place"] = place
    meta["level"] = given.get("level") or level_of(place, text)
    meta["publish_date"] = _publish_date(raw, text, page_meta)
    meta["source"] = _source(raw, page_meta)
    meta.update(given)
    if isinstance(meta.get("year"), str) and meta["year"].strip().isdigit():
        meta["year"] = int(meta["year"])
    return meta
