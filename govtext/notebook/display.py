"""Rich HTML displays for Jupyter: a report card, highlighted text, corpus results.

``Report._repr_html_`` calls :func:`report_html`; ``Report.highlight`` calls
:func:`highlight`; the corpus results object calls :func:`results_html`.
Everything user-supplied is HTML-escaped, and a failing pipeline stage shows
as a note in the display instead of breaking it.

>>> import govtext
>>> r = govtext.read(text="一、主要成效\\n全年化解矛盾纠纷18件。")
>>> "<table" in report_html(r)
True
>>> "纠纷" in highlight(r).data
True
"""
from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

import pandas as pd

from .spans import Mark, heading_spans, indicator_spans, passage_spans, safe_table

META_ORDER = ("title", "place", "level", "year", "report_type", "publish_date", "source", "path")
TABLES = ("sections", "initiatives", "indicators", "passages", "sentences")
HEAD_ROWS = 5          # first rows shown of each table
OUTLINE_ROWS = 80      # headings shown in the outline before "... more"
CELL_CHARS = 60        # long cells (passage text) are cut to this many characters
OPEN_BELOW = 20_000    # highlight(): sections start expanded when the report is shorter


@lru_cache(maxsize=1)
def _style() -> dict:
    with resources.files("govtext.data").joinpath("notebook_style.json").open(encoding="utf-8") as f:
        return json.load(f)


def _label_color(label: str) -> str:
    return _style()["label_colors"].get(label, "#f3f3f3")


def _role_color(role: str) -> str:
    return _style()["role_colors"].get(role, "#cccccc")


_CSS = """
<style>
.govtext{font-family:system-ui,-apple-system,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
 color:#222;background:#fff;line-height:1.5;max-width:980px}
.govtext h3{margin:.2em 0 .4em 0;font-size:1.15em}
.govtext table.gt-meta td,.govtext table.gt-meta th{padding:1px 8px;text-align:left;border:none}
.govtext table.dataframe{font-size:.85em;border-collapse:collapse;margin:.3em 0}
.govtext table.dataframe td,.govtext table.dataframe th{padding:2px 6px;border:1px solid #ddd;text-align:left}
.govtext .gt-badge{display:inline-block;border-radius:3px;padding:0 5px;margin:0 2px;font-size:.8em;color:#fff}
.govtext .gt-chip{display:inline-block;border-radius:3px;padding:0 6px;margin:0 3px 0 0;font-size:.85em;color:#222}
.govtext ul.gt-outline{list-style:none;padding-left:0;margin:.2em 0}
.govtext ul.gt-outline li{margin:0;padding:0}
.govtext .gt-muted{color:#777;font-size:.85em}
.govtext details{margin:.25em 0}
.govtext summary{cursor:pointer}
.govtext .gt-text{white-space:pre-wrap;font-size:.95em;padding:.3em .5em;border-left:3px solid #eee}
.govtext .gt-h{font-weight:bold;border-bottom:2px solid #888}
.govtext .gt-ind{border-radius:2px;padding:0 1px;font-weight:600}
.govtext .gt-ind-outcome{background:%(outcome)s}
.govtext .gt-ind-target{background:#fff;outline:2px solid %(target)s}
.govtext .gt-error{color:#a00}
</style>
"""


def _css() -> str:
    return _CSS % _style()["indicator"]


def _cut(v: Any, n: int = CELL_CHARS) -> Any:
    if isinstance(v, str) and len(v) > n:
        return v[: n - 1] + "…"
    return v


def _frame_html(df: pd.DataFrame, rows: int = HEAD_ROWS) -> str:
    """First rows of a table as escaped HTML, long strings cut."""
    head = df.head(rows).copy()
    for col in head.columns:
        if head[col].dtype == object:
            head[col] = head[col].map(_cut)
    return head.to_html(escape=True, border=0, max_cols=20, na_rep="")


def _table(report, name: str) -> tuple[pd.DataFrame | None, str | None]:
    """(table, None) or (None, error message) when the stage raises."""
    try:
        df = getattr(report, name)
    except Exception as exc:  # a broken stage must not break the display
        return None, f"{type(exc).__name__}: {exc}"
    if not isinstance(df, pd.DataFrame):
        return None, f"not a table ({type(df).__name__})"
    return df, None


def _count_chips(counts: dict[str, int], color) -> str:
    return "".join(
        f'<span class="gt-chip" style="background:{color(k)}">{escape(str(k))} {int(v)}</span>'
        for k, v in counts.items()
    )


def _outline_html(sections: pd.DataFrame) -> str:
    if sections.empty:
        return '<p class="gt-muted">No headings found.</p>'
    items = []
    for row in sections.head(OUTLINE_ROWS).to_dict("records"):
        level = row.get("level")
        try:
            indent = max(int(level) - 1, 0) * 1.4
        except (TypeError, ValueError):
            indent = 0
        role = row.get("role")
        badge = ""
        if isinstance(role, str) and role:
            badge = f'<span class="gt-badge" style="background:{_role_color(role)}">{escape(role)}</span>'
        marker = escape(str(row.get("marker") or ""))
        title = escape(str(row.get("title") or ""))
        chars = ""
        try:
            chars = f' <span class="gt-muted">{int(row["end"]) - int(row["start"]):,} chars</span>'
        except (KeyError, TypeError, ValueError):
            pass
        items.append(f'<li style="padding-left:{indent}em">{marker} {title} {badge}{chars}</li>')
    more = len(sections) - OUTLINE_ROWS
    if more > 0:
        items.append(f'<li class="gt-muted">… and {more} more headings</li>')
    return '<ul class="gt-outline">' + "".join(items) + "</ul>"


def report_html(report) -> str:
    """An HTML card for one report: metadata, outline with roles, counts, first rows of each table.

    >>> import govtext
    >>> html = report_html(govtext.read(text="全年新增就业1200人。", meta={"title": "城东镇<报告>"}))
    >>> "城东镇&lt;报告&gt;" in html
    True
    """
    meta = dict(getattr(report, "meta", {}) or {})
    text = getattr(report, "text", "") or ""
    title = meta.get("title") or (str(meta["path"]).replace("\\", "/").rsplit("/", 1)[-1] if meta.get("path")
                                  else "(untitled report)")
    parts = [_css(), '<div class="govtext govtext-report">', f"<h3>{escape(str(title))}</h3>"]

    rows = "".join(
        f"<tr><th>{escape(k)}</th><td>{escape(str(meta[k]))}</td></tr>"
        for k in META_ORDER if k != "title" and meta.get(k) not in (None, "")
    )
    rows += f"<tr><th>chars</th><td>{len(text):,}</td></tr>"
    parts.append(f'<table class="gt-meta">{rows}</table>')

    tables, errors = {}, {}
    for name in TABLES:
        tables[name], errors[name] = _table(report, name)

    # Counts line: headings, indicators (outcome/target), passage labels.
    counts = []
    sec = tables["sections"]
    if sec is not None:
        counts.append(f"<b>{len(sec)}</b> headings")
    ind = tables["indicators"]
    if ind is not None:
        n_target = int(ind["target"].fillna(False).astype(bool).sum()) if "target" in ind else 0
        counts.append(f"<b>{len(ind)}</b> indicators ({len(ind) - n_target} outcomes, {n_target} targets)")
        if "kind" in ind and len(ind):
            kinds = ind["kind"].fillna("?").astype(str).value_counts().to_dict()
            counts.append("by kind: " + ", ".join(f"{escape(k)} {v}" for k, v in kinds.items()))
    pas = tables["passages"]
    if pas is not None:
        counts.append(f"<b>{len(pas)}</b> passages")
    parts.append("<p>" + " · ".join(counts) + "</p>")
    if pas is not None and "label" in pas and len(pas):
        labels = pas["label"].fillna("other").astype(str).value_counts().to_dict()
        parts.append("<p>Labels: " + _count_chips(labels, _label_color) + "</p>")

    if sec is not None:
        parts.append("<details open><summary><b>Outline</b></summary>" + _outline_html(sec) + "</details>")
    for name in TABLES:
        df, err = tables[name], errors[name]
        if err is not None:
            parts.append(f'<details><summary><b>{name}</b> <span class="gt-error">'
                         f"could not be computed: {escape(err)}</span></summary></details>")
            continue
        if df is None or df.empty:
            parts.append(f'<p class="gt-muted">{name}: empty</p>')
            continue
        parts.append(f"<details><summary><b>{name}</b> "
                     f'<span class="gt-muted">{len(df):,} rows × {df.shape[1]} columns; first {min(len(df), HEAD_ROWS)}'
                     f"</span></summary>{_frame_html(df)}</details>")
    parts.append('<p class="gt-muted">report.highlight() shows the text with indicators and labels marked.</p>')
    parts.append("</div>")
    return "".join(parts)


# -- highlighted text ---------------------------------------------------------------

class _HTML:
    """Minimal stand-in for IPython.display.HTML when IPython is not installed."""

    def __init__(self, data: str):
        self.data = data

    def _repr_html_(self) -> str:
        return self.data

    def __repr__(self) -> str:
        return f"<HTML {len(self.data):,} chars>"


def _html_object(data: str):
    try:
        from IPython.display import HTML
    except ImportError:
        return _HTML(data)
    return HTML(data)


def _fmt(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return f"{int(v):,}"
    return str(v)


def _open_tag(m: Mark, layer: int) -> str:
    a = m.attrs
    if layer == 0:  # passage
        tip = m.label + (f" ({a['score']:.2f}, {a['source']})"
                         if isinstance(a.get("score"), (int, float)) and a.get("source") else "")
        return f'<span class="gt-p gt-p-{escape(m.label)}" style="background:{_label_color(m.label)}" title="{escape(tip)}">'
    if layer == 1:  # heading
        tip = f"heading level {a.get('level')} · role {a.get('role')}"
        return f'<span class="gt-h" style="border-color:{_role_color(str(a.get("role")))}" title="{escape(tip)}">'
    bits = [f"value={_fmt(a.get('value'))}"]
    if a.get("value_max") is not None:
        bits[0] += f"–{_fmt(a['value_max'])}"
    bits.append(f"unit={a.get('unit')}")
    bits.append(f"target={bool(a.get('target'))}")
    for k in ("qualifier", "change", "kind", "subject"):
        if a.get(k) not in (None, "", False):
            bits.append(f"{k}={a[k]}")
    return f'<span class="gt-ind gt-ind-{m.label}" title="{escape(" · ".join(bits))}">'


def _render(text: str, lo: int, hi: int, layers: list[list[Mark]]) -> str:
    """``text[lo:hi]`` as HTML, each layer's marks nested inside the previous layer's.

    Marks may overlap across layers in any way: the tags are closed and reopened
    at every boundary where the nesting would otherwise break, so the HTML is
    always well formed.
    """
    bounds = {lo, hi}
    clipped: list[list[Mark]] = []
    for marks in layers:
        keep = [m for m in marks if m.start < hi and m.end > lo]
        clipped.append(keep)
        for m in keep:
            bounds.add(max(m.start, lo))
            bounds.add(min(m.end, hi))
    cuts = sorted(bounds)
    # For each layer, the mark covering each position: sweep with a pointer (marks sorted by start).
    active_at = []
    for marks in clipped:
        marks = sorted(marks, key=lambda m: (m.start, -m.end))
        active_at.append(marks)
    ptrs = [0] * len(clipped)
    current: list[Mark | None] = [None] * len(clipped)
    out: list[str] = []
    stack: list[tuple[int, Mark]] = []  # open tags (layer, mark)
    for a, b in zip(cuts, cuts[1:]):
        want: list[tuple[int, Mark]] = []
        for li, marks in enumerate(active_at):
            cur = current[li]
            if cur is not None and cur.end <= a:
                cur = None
            while ptrs[li] < len(marks) and marks[ptrs[li]].start <= a:
                m = marks[ptrs[li]]
                ptrs[li] += 1
                if m.end > a and (cur is None or m.end > cur.end):
                    cur = m
            current[li] = cur
            if cur is not None:
                want.append((li, cur))
        # keep the common prefix of open tags, close the rest, open the new ones
        k = 0
        while k < len(stack) and k < len(want) and stack[k] == want[k]:
            k += 1
        out.append("</span>" * (len(stack) - k))
        stack = stack[:k]
        for li, m in want[k:]:
            out.append(_open_tag(m, li))
            stack.append((li, m))
        out.append(escape(text[a:b]))
    out.append("</span>" * len(stack))
    return "".join(out)


def _legend() -> str:
    chips = "".join(f'<span class="gt-chip" style="background:{c}">{escape(k)}</span>'
                    for k, c in _style()["label_colors"].items())
    ind = ('<span class="gt-ind gt-ind-outcome">12件</span> outcome '
           '<span class="gt-ind gt-ind-target">12件</span> target '
           '<span class="gt-h">heading</span> · hover a mark for details')
    return f'<p class="gt-muted">Passages: {chips} Indicators: {ind}</p>'


def _region_summary(marks_ind: list[Mark], marks_pas: list[Mark], lo: int, hi: int) -> str:
    n_ind = sum(lo <= m.start < hi for m in marks_ind)
    labels: dict[str, int] = {}
    for m in marks_pas:
        if lo <= m.start < hi:
            labels[m.label] = labels.get(m.label, 0) + 1
    return (f' <span class="gt-muted">{hi - lo:,} chars · {n_ind} indicators</span> '
            + _count_chips(labels, _label_color))


def _select_section(sections: pd.DataFrame, section) -> int:
    """Row position of ``section`` (a row index, or a title substring)."""
    if isinstance(section, str):
        hits = [i for i, t in enumerate(sections.get("title", pd.Series(dtype=object)))
                if isinstance(t, str) and section in t]
        if not hits:
            raise KeyError(f"no section title contains {section!r}")
        return hits[0]
    i = int(section)
    if not -len(sections) <= i < len(sections):
        raise IndexError(f"section {i} out of range: the report has {len(sections)} headings")
    return i % len(sections)


def highlight(report, section: int | str | None = None):
    """The report's text as HTML with headings, indicators and passage labels marked.

    Passages are shaded by label, indicators boxed (filled = outcome, outlined =
    target; hover for value/unit/target), headings underlined in their role
    colour. The whole text comes as one collapsible block per level-1 section;
    ``section=`` (a row of ``report.sections`` or a title substring) shows that
    section only. Returns an object with ``_repr_html_`` (its ``.data`` is the HTML).

    >>> import govtext
    >>> h = highlight(govtext.read(text="一、成效\\n新增就业1200人。"))
    >>> "gt-text" in h.data
    True
    """
    text = report.text
    sections = safe_table(report, "sections")
    heads, inds, pas = heading_spans(report), indicator_spans(report), passage_spans(report)
    layers = [pas, heads, inds]
    body = [_css(), '<div class="govtext govtext-highlight">']
    title = (getattr(report, "meta", {}) or {}).get("title")
    if title:
        body.append(f"<h3>{escape(str(title))}</h3>")
    body.append(_legend())

    if section is not None:
        if sections.empty:
            raise IndexError("the report has no headings; call highlight() without section=")
        i = _select_section(sections, section)
        row = sections.iloc[i]
        lo, hi = int(row["start"]), int(row["end"])
        body.append(f"<p><b>{escape(str(row.get('marker') or ''))} {escape(str(row.get('title') or ''))}</b>"
                    + _region_summary(inds, pas, lo, hi) + "</p>")
        body.append(f'<div class="gt-text">{_render(text, lo, hi, layers)}</div></div>')
        return _html_object("".join(body))

    # One <details> per level-1 section; the text before the first one is the preamble.
    regions: list[tuple[str, str, int, int]] = []
    top = []
    if not sections.empty and {"start", "level"} <= set(sections.columns):
        lvl = pd.to_numeric(sections["level"], errors="coerce")
        top_level = lvl.min()
        top = [r for r, l in zip(sections.to_dict("records"), lvl) if l == top_level]
        top.sort(key=lambda r: int(r["start"]))
    cut = [int(r["start"]) for r in top] + [len(text)]
    if not top or cut[0] > 0:
        regions.append(("(preamble)" if top else "(full text)", "preamble", 0, cut[0] if top else len(text)))
    for r, lo, hi in zip(top, cut, cut[1:]):
        label = f"{r.get('marker') or ''} {r.get('title') or ''}".strip()
        regions.append((label, str(r.get("role") or ""), lo, hi))
    opened = " open" if len(text) < OPEN_BELOW else ""
    for label, role, lo, hi in regions:
        if hi <= lo:
            continue
        badge = (f'<span class="gt-badge" style="background:{_role_color(role)}">{escape(role)}</span>'
                 if role else "")
        body.append(f"<details{opened}><summary><b>{escape(label)}</b> {badge}"
                    + _region_summary(inds, pas, lo, hi) + "</summary>"
                    f'<div class="gt-text">{_render(text, lo, hi, layers)}</div></details>')
    body.append("</div>")
    return _html_object("".join(body))


# -- corpus results -----------------------------------------------------------------

RESULT_TABLES = ("reports", "sections", "initiatives", "indicators", "passages", "sentences", "errors")


def results_html(results) -> str:
    """HTML for corpus results: counts, errors, which tables exist (with shapes and first rows).

    Works with any object that has some of the attributes ``reports``,
    ``sections``, ``initiatives``, ``indicators``, ``passages``, ``sentences``,
    ``errors`` as DataFrames (missing ones are listed as absent).

    >>> class R: reports = pd.DataFrame({"doc_id": [1], "title": ["城东镇报告"]}); errors = pd.DataFrame()
    >>> "城东镇报告" in results_html(R())
    True
    """
    tables: dict[str, pd.DataFrame | None] = {}
    for name in RESULT_TABLES:
        try:
            df = getattr(results, name)
        except Exception:
            df = None
        tables[name] = df if isinstance(df, pd.DataFrame) else None
    reports, errors = tables["reports"], tables["errors"]
    n_rep = 0 if reports is None else len(reports)
    n_err = 0 if errors is None else len(errors)
    parts = [_css(), '<div class="govtext govtext-results">',
             f"<h3>govtext results: {n_rep:,} reports analysed, "
             f'<span class="{"gt-error" if n_err else ""}">{n_err:,} errors</span></h3>']

    summary = []
    for name, df in tables.items():
        if df is None:
            summary.append(f'<tr><th>res.{name}</th><td class="gt-muted">absent</td><td></td></tr>')
        else:
            cols = ", ".join(map(str, df.columns[:14])) + (" …" if df.shape[1] > 14 else "")
            summary.append(f"<tr><th>res.{name}</th><td style=\"white-space:nowrap\">{len(df):,} rows</td><td class=\"gt-muted\">{escape(cols)}</td></tr>")
    parts.append('<table class="gt-meta">' + "".join(summary) + "</table>")

    if reports is not None and not reports.empty:
        for col, title in (("report_type", "types"), ("level", "levels")):
            if col in reports:
                vc = reports[col].fillna("?").astype(str).value_counts().to_dict()
                parts.append(f"<p>{title}: " + ", ".join(f"{escape(k)} {v}" for k, v in vc.items()) + "</p>")
    pas = tables["passages"]
    if pas is not None and "label" in pas and len(pas):
        parts.append("<p>Labels: " + _count_chips(pas["label"].fillna("other").astype(str).value_counts().to_dict(),
                                                    _label_color) + "</p>")
    if n_err:
        parts.append(f'<details open><summary><b class="gt-error">errors</b></summary>{_frame_html(errors, 10)}</details>')
    for name in ("reports", "indicators", "passages"):
        df = tables[name]
        if df is not None and not df.empty:
            parts.append(f"<details><summary><b>{name}</b> <span class=\"gt-muted\">first {min(len(df), HEAD_ROWS)} rows"
                         f"</span></summary>{_frame_html(df)}</details>")
    methods = [m for m in ("compare", "role_shares", "label_shares", "indicator_counts", "panel", "targets_outcomes",
                           "keywords", "kwic", "reuse", "to_excel", "to_csv", "to_parquet", "to_stata")
               if callable(getattr(results, m, None))]
    if methods:
        parts.append('<p class="gt-muted">Comparisons and exports: '
                     + ", ".join(f"res.{m}()" for m in methods) + "</p>")
    parts.append("</div>")
    return "".join(parts)
