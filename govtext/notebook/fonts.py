"""A CJK font for matplotlib, and a check that it covers every character drawn.

Matplotlib's default font (DejaVu Sans) has no Chinese glyphs: without a CJK
font every label becomes a row of empty boxes. :func:`use_cjk_font` finds an
installed font that covers Chinese and makes matplotlib use it; when there is
none it warns (:class:`CJKFontWarning`) and says how to install one, instead of
drawing boxes silently.

>>> from govtext.notebook.fonts import use_cjk_font, font_covers
>>> name = use_cjk_font()                  # doctest: +SKIP
>>> font_covers("城东镇法治政府建设")        # doctest: +SKIP
True
"""
from __future__ import annotations

import json
import warnings
from functools import lru_cache
from importlib import resources
from pathlib import Path

INSTALL_HINT = (
    "Chinese labels cannot render: no installed font covers CJK characters, so matplotlib "
    "would draw empty boxes. Install one and restart the kernel, e.g. on Debian/Ubuntu "
    "`sudo apt-get install fonts-noto-cjk` (Fedora: google-noto-sans-cjk-fonts, macOS/Windows "
    "have PingFang SC / Microsoft YaHei built in)."
)

# Characters a font must have to count as a Chinese font at all.
_PROBE = "政府工作报告城东镇年度法治建设情况"


class CJKFontWarning(UserWarning):
    """No installed font can draw the Chinese text of a figure."""


@lru_cache(maxsize=1)
def _style() -> dict:
    with resources.files("govtext.data").joinpath("notebook_style.json").open(encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=64)
def _charmap(path: str) -> frozenset[int]:
    """Code points the font file at ``path`` maps (first face of a .ttc)."""
    from matplotlib.ft2font import FT2Font

    try:
        return frozenset(FT2Font(path).get_charmap())
    except Exception:  # unreadable or unsupported font file: treat as empty
        return frozenset()


def _covers_probe(path: str) -> bool:
    cmap = _charmap(path)
    return all(ord(c) in cmap for c in _PROBE)


@lru_cache(maxsize=1)
def find_cjk_font() -> tuple[str, str] | None:
    """``(family name, file path)`` of an installed font covering Chinese, or None.

    Preferred families (``cjk_fonts`` in ``govtext/data/notebook_style.json``)
    come first; then any other installed font whose character map covers
    Chinese. Font files installed after matplotlib built its font cache are
    found too (they are added to the font manager).
    """
    from matplotlib import font_manager as fm

    entries = {}
    for e in fm.fontManager.ttflist:
        entries.setdefault(e.name, e.fname)
    known = set(entries.values())
    # Fonts installed after matplotlib's cache was written are missing from it.
    for path in fm.findSystemFonts():
        if path not in known and any(k in Path(path).name.lower() for k in
                                     ("cjk", "han", "wqy", "wenquanyi", "simhei", "simsun", "yahei",
                                      "pingfang", "heiti", "uming", "ukai", "droidsansfallback")):
            try:
                fm.fontManager.addfont(path)
            except Exception:
                continue
    for e in fm.fontManager.ttflist:
        entries.setdefault(e.name, e.fname)
    for name in _style()["cjk_fonts"]:
        if name in entries and _covers_probe(entries[name]):
            return name, entries[name]
    for name, path in sorted(entries.items()):
        if _covers_probe(path):
            return name, path
    return None


def use_cjk_font(warn: bool = True) -> str | None:
    """Make matplotlib draw Chinese with an installed CJK font; return its family name.

    Puts the font first in ``font.sans-serif`` (and sets ``font.family`` to
    sans-serif) and keeps the minus sign drawable. Returns None and warns with
    :data:`INSTALL_HINT` when no CJK font is installed.
    """
    import matplotlib as mpl

    found = find_cjk_font()
    if found is None:
        if warn:
            warnings.warn(INSTALL_HINT, CJKFontWarning, stacklevel=2)
        return None
    name = found[0]
    current = [f for f in mpl.rcParams["font.sans-serif"] if f != name]
    mpl.rcParams["font.sans-serif"] = [name, *current]
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["axes.unicode_minus"] = False  # CJK fonts often lack U+2212
    return name


def missing_glyphs(text: str, font: str | None = None) -> set[str]:
    """Characters of ``text`` (whitespace aside) that the font cannot draw.

    ``font`` is a font file path; default: the CJK font :func:`find_cjk_font`
    chose (every character counts as missing when there is none).
    """
    if font is None:
        found = find_cjk_font()
        if found is None:
            return {c for c in text if not c.isspace()}
        font = found[1]
    cmap = _charmap(str(font))
    return {c for c in text if not c.isspace() and ord(c) not in cmap}


def font_covers(text: str, font: str | None = None) -> bool:
    """True when the chosen font (or the font file ``font``) has a glyph for every character.

    >>> font_covers("")
    True
    """
    return not missing_glyphs(text, font)


def figure_text(fig) -> str:
    """All text drawn in a matplotlib figure (titles, tick labels, legends, annotations)."""
    from matplotlib.text import Text

    return "".join(t.get_text() for t in fig.findobj(Text) if t.get_visible())


def check_figure(fig) -> set[str]:
    """Warn (:class:`CJKFontWarning`) when the figure has characters the font cannot draw.

    Returns the missing characters (empty set when all is drawable). Only
    non-ASCII characters are checked; a character counts as drawable when the
    CJK font or matplotlib's fallback DejaVu Sans has it.
    """
    text = "".join(c for c in figure_text(fig) if ord(c) > 127)
    if not text:
        return set()
    if find_cjk_font() is None:
        missing = {c for c in text if not c.isspace()}
        warnings.warn(INSTALL_HINT, CJKFontWarning, stacklevel=2)
        return missing
    missing = missing_glyphs(text)
    if missing:  # matplotlib falls back glyph by glyph to DejaVu Sans
        from matplotlib import font_manager as fm

        missing = missing_glyphs("".join(missing), fm.findfont("DejaVu Sans"))
    if missing:
        warnings.warn(f"the CJK font {find_cjk_font()[0]!r} cannot draw {''.join(sorted(missing))!r}; "
                      "these characters will show as boxes", CJKFontWarning, stacklevel=2)
    return missing
