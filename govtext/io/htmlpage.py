"""HTML pages to paragraphs of visible text, structure hints and <meta> metadata.

The article container is found with the selectors in ``data/clean_html.json``
(``div.TRS_Editor``, ``div.article_content`` …), else the page body is read
with its chrome (header, footer, breadcrumb, share boxes) removed. Block
elements and ``<br>`` end a paragraph; inline runs are joined without a
break, so a Word export that splits "260余" and "份" across two spans reads
"260余份". Comments (including ``<!--[if !supportLists]-->`` markers) are
dropped while the text between such markers is kept.

>>> raw, hints, meta = read_html_text(
...     '<html><head><meta name="PubDate" content="2024-01-05 10:00"></head><body>'
...     '<div class="TRS_Editor"><p><b>一、主要成效</b></p><p>化解纠纷<span>260余</span><span>份</span>。</p></div>'
...     '</body></html>')
>>> raw
'一、主要成效\\n化解纠纷260余份。'
>>> sorted(hints), meta["publish_date"]
(['一、主要成效'], '2024-01-05 10:00')
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

_SOFT = "\x00"  # source-formatting white space (newlines/tabs), decided at flush time
_SOFT_RE = re.compile(r"[ \t\r\n\f]*[\r\n\t\f][ \t\r\n\f]*")
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.I)
_FONT_STYLE = re.compile(r"font-family\s*:\s*([^;\"']+)", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The reader's rules from ``govtext/data/clean_html.json``."""
    text = resources.files("govtext").joinpath("data/clean_html.json").read_text(encoding="utf-8")
    return json.loads(text)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset=…>``), if any."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def _is_wide(ch: str) -> bool:
    return bool(ch) and ord(ch) > 0x2E7F


def _join_soft(s: str) -> str:
    """Resolve soft white space: dropped next to CJK text, a single space between Latin words."""
    if _SOFT not in s:
        return s
    out = []
    parts = s.split(_SOFT)
    for i, part in enumerate(parts):
        if i:
            prev = out[-1][-1:] if out and out[-1] else ""
            nxt = part[:1]
            if prev and nxt and not (_is_wide(prev) or _is_wide(nxt)) and prev != " " and nxt != " ":
                out.append(" ")
        out.append(part)
    return "".join(out)


class _Para:
    __slots__ = ("runs", "link_chars")

    def __init__(self) -> None:
        self.runs: list[tuple[str, bool]] = []
        self.link_chars = 0

    def add(self, text: str, strong: bool, in_link: bool = False) -> None:
        self.runs.append((text, strong))
        if in_link:
            self.link_chars += sum(1 for c in text if c.isalnum())

    def text(self) -> str:
        return _join_soft("".join(t for t, _ in self.runs)).strip(" \x00")

    def hint(self) -> str | None:
        """Whole text when every visible run is strong; else the leading strong run."""
        visible = [(t, s) for t, s in self.runs if t.replace(_SOFT, "").strip(" \xa0\u3000")]
        if not visible or not visible[0][1]:
            return None
        lead = []
        for t, s in visible:
            if not s:
                break
            lead.append(t)
        hint = _join_soft("".join(lead)).strip(" \x00\xa0\u3000")
        return hint if len(hint) >= 2 else None


def _style_flags(tag, heading_fonts: tuple[str, ...]) -> tuple[bool, bool]:
    style = tag.get("style") or ""
    if not isinstance(style, str):
        style = " ".join(style)
    bold = bool(_BOLD_STYLE.search(style))
    fonts = " ".join(_FONT_STYLE.findall(style))
    face = tag.get("face") or ""
    fonts = f"{fonts} {face}"
    heading_font = any(f in fonts for f in heading_fonts)
    return bold, heading_font


def _walk(root, cfg, drop_link_rows: bool = False) -> tuple[list[str], set[str]]:
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

    try:
        from bs4 import CData
    except ImportError:  # pragma: no cover - older bs4
        CData = Comment
    skip_strings = (Comment, Declaration, Doctype, ProcessingInstruction, CData)
    drop = set(cfg["drop_tags"])
    blocks = set(cfg["block_tags"])
    cells = set(cfg["cell_tags"])
    bold_tags = set(cfg["bold_tags"])
    head_tags = set(cfg["heading_tags"])
    fonts = tuple(cfg["heading_fonts"])

    paras: list[str] = []
    hints: set[str] = set()
    cur = _Para()

    def flush() -> None:
        nonlocal cur
        text = cur.text()
        visible = sum(1 for c in text if c.isalnum())
        if drop_link_rows and visible and cur.link_chars >= 0.8 * visible and visible <= 60:
            text = ""  # a menu or link-list row of the page template
        if text.strip(" \xa0\u3000\t"):
            paras.append(text)
            h = cur.hint()
            if h:
                hints.add(h)
        cur = _Para()

    # Explicit stack instead of recursion: deeply nested pages must not hit the recursion limit.
    stack: list[tuple[Any, bool, bool]] = [(root, False, False)]
    while stack:
        node, strong, in_link = stack.pop()
        if node is None:  # block exit marker
            flush()
            continue
        if isinstance(node, NavigableString):
            if isinstance(node, skip_strings):
                continue
            s = str(node)
            if s:
                cur.add(_SOFT_RE.sub(_SOFT, s), strong, in_link)
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if name in drop:
            continue
        if name == "br":
            flush()
            continue
        is_block = name in blocks or name in head_tags
        if is_block:
            flush()
            stack.append((None, False, False))
        elif name in cells and cur.runs:
            cur.add(" ", strong)
        bold, hfont = _style_flags(node, fonts)
        child_strong = strong or bold or hfont or name in bold_tags or name in head_tags
        child_link = in_link or name == "a"
        for child in reversed(list(node.children)):
            stack.append((child, child_strong, child_link))
    flush()
    return paras, hints


def _page_meta(soup, cfg) -> dict[str, Any]:
    names = cfg["meta_names"]
    lower = {k.lower(): v for k, v in names.items()}
    meta: dict[str, Any] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("name") or tag.get("property") or ""
        content = tag.get("content")
        if not key or content is None:
            continue
        mapped = names.get(key) or lower.get(key.lower())
        content = " ".join(str(content).split())
        if mapped and content and mapped not in meta:
            meta[mapped] = content
    if soup.title and soup.title.string:
        meta.setdefault("page_title", " ".join(soup.title.string.split()))
    return meta


def _choose_article(soup, cfg):
    for sel in cfg["article_selectors"]:
        try:
            found = soup.select(sel)
        except Exception:  # a selector soupsieve rejects: skip it
            continue
        for el in found:
            if len(el.get_text(strip=True)) >= cfg["min_article_chars"]:
                return el
    return None


def read_html_text(html: str) -> tuple[str, frozenset[str], dict[str, Any]]:
    """Visible text (one paragraph per line), hints and page metadata of an HTML page."""
    from bs4 import BeautifulSoup

    cfg = rules()
    soup = BeautifulSoup(html, "lxml")
    meta = _page_meta(soup, cfg)
    article = _choose_article(soup, cfg)
    title = ""
    if article is not None:
        for sel in cfg["title_selectors"]:
            try:
                el = soup.select_one(sel)
            except Exception:
                el = None
            if el is not None and el.get_text(strip=True):
                cand = " ".join(el.get_text(" ", strip=True).split())
                # A site logo in <h1> is not the article's title.
                if cand == meta.get("title") or any(w in cand for w in cfg["title_words"]):
                    title = cand
                    break
        root = article
    else:
        root = soup.body or soup
        for sel in cfg["drop_selectors"]:
            try:
                for el in root.select(sel):
                    el.decompose()
            except Exception:
                continue
    paras, hints = _walk(root, cfg, drop_link_rows=article is None)
    if title and len(title) <= 120:
        head = "".join("".join(paras[:3]).split())
        if "".join(title.split()) not in head[: len(title) + 200]:
            paras.insert(0, title)
    return "\n".join(paras), frozenset(hints), meta
