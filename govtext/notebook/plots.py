"""Figures from corpus result tables (matplotlib), with Chinese labels that render.

Every function takes the tables of ``corpus.analyze()`` (``res.reports``,
``res.sections``, ``res.passages``, ``res.indicators``; rows keyed by
``doc_id``), or the results object ``res`` itself, and returns the
matplotlib ``Axes`` it drew on. Reports are named
"place year" from ``res.reports`` when given, else by ``doc_id``. A CJK font is
chosen first (:func:`govtext.notebook.fonts.use_cjk_font`); when none is
installed, or a label has a character the font lacks, a ``CJKFontWarning``
says so instead of drawing boxes silently.

>>> from govtext.notebook import plots
>>> ax = plots.plot_label_shares(res.passages, res.reports)          # doctest: +SKIP
>>> ax = plots.plot_indicator_over_years(res.indicators, res.reports,
...                                      subject="地区生产总值", unit="%")  # doctest: +SKIP
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import matplotlib.pyplot as plt
from matplotlib import ticker
import pandas as pd

from .fonts import check_figure, use_cjk_font

ROLE_ORDER = ["preamble", "achievements", "duties", "shortcomings", "targets", "plans", "self_building", "other"]
LABEL_ORDER = ["achievement", "shortcoming", "plan", "other"]


@lru_cache(maxsize=1)
def _style() -> dict:
    with resources.files("govtext.data").joinpath("notebook_style.json").open(encoding="utf-8") as f:
        return json.load(f)


def _tables(first, reports, name: str):
    """Accept either a table (plus ``reports``) or a whole Results object as the first argument."""
    if hasattr(first, name) and hasattr(first, "reports") and not isinstance(first, pd.DataFrame):
        return getattr(first, name), first.reports if reports is None else reports
    return first, reports


def _ax(ax, figsize):
    use_cjk_font()
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _report_bars(counts: pd.DataFrame, reports, ax, **style) -> None:
    """Horizontal bars, one per report (rows of ``counts`` keyed by doc_id), first report on top."""
    names = report_names(reports, counts.index)
    counts.index = [names[d] for d in counts.index]
    counts.plot.barh(ax=ax, width=0.8, **style)
    ax.invert_yaxis()


def _empty(ax, message: str):
    """A panel that says there is nothing to draw (empty tables draw no bars)."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return _done(ax)


def _done(ax):
    fig = ax.figure
    fig.tight_layout()
    check_figure(fig)
    return ax


def _length(df: pd.DataFrame) -> pd.Series:
    return (pd.to_numeric(df["end"], errors="coerce") - pd.to_numeric(df["start"], errors="coerce")).clip(lower=0)


def report_names(reports: pd.DataFrame | None, doc_ids) -> dict:
    """doc_id -> a short display name: "place year" (or title, or the doc_id itself).

    >>> report_names(pd.DataFrame({"doc_id": ["a"], "place": ["城东镇"], "year": [2023]}), ["a", "b"])
    {'a': '城东镇 2023', 'b': 'b'}
    """
    names = {d: str(d) for d in doc_ids}
    if reports is None or reports.empty or "doc_id" not in reports:
        return names
    seen: dict[str, int] = {}
    for row in reports.to_dict("records"):
        d = row["doc_id"]
        if d not in names:
            continue
        bits = [str(row[k]) for k in ("place", "year") if k in row and pd.notna(row[k]) and row[k] != ""]
        if "year" in row and pd.notna(row.get("year")):
            bits[-1] = str(int(float(row["year"])))
        if len(bits) < 2 and isinstance(row.get("title"), str) and row["title"]:
            bits = [row["title"][:16]]
        name = " ".join(bits) or str(d)
        rt = row.get("report_type")
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:  # two reports of one place and year (a gwr and a fzzf, say)
            name = f"{name} {rt or seen[name]}"
        names[d] = name
    return names


# -- share tables --------------------------------------------------------------------

def role_shares(sections: pd.DataFrame, reports: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share of each report's text per top-level section role (rows doc_id, columns roles).

    The text before the first top-level heading counts as ``preamble``; the
    top level is the smallest ``level`` in each report.
    """
    cols = {"doc_id", "level", "role", "start", "end"}
    if sections is None or sections.empty or not cols <= set(sections.columns):
        return pd.DataFrame()
    df = sections.copy()
    df["level"] = pd.to_numeric(df["level"], errors="coerce")
    top = df[df["level"] == df.groupby("doc_id")["level"].transform("min")].copy()
    top["chars"] = _length(top)
    top["role"] = top["role"].fillna("other").astype(str)
    wide = top.pivot_table(index="doc_id", columns="role", values="chars", aggfunc="sum", fill_value=0)
    first = pd.to_numeric(top["start"], errors="coerce").groupby(top["doc_id"]).min()
    wide["preamble"] = wide.get("preamble", 0) + first.reindex(wide.index).fillna(0)
    return _shares(wide, ROLE_ORDER)


def label_shares(passages: pd.DataFrame) -> pd.DataFrame:
    """Share of each report's passage text per label (rows doc_id, columns labels)."""
    if passages is None or passages.empty or not {"doc_id", "label", "start", "end"} <= set(passages.columns):
        return pd.DataFrame()
    df = passages.assign(chars=_length(passages), label=passages["label"].fillna("other").astype(str))
    wide = df.pivot_table(index="doc_id", columns="label", values="chars", aggfunc="sum", fill_value=0)
    return _shares(wide, LABEL_ORDER)


def _shares(wide: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    cols = [c for c in order if c in wide.columns] + [c for c in wide.columns if c not in order]
    wide = wide[cols].astype(float)
    total = wide.sum(axis=1).replace(0, float("nan"))
    return wide.div(total, axis=0).fillna(0.0)


def plot_shares(shares: pd.DataFrame, reports: pd.DataFrame | None = None, colors: dict | None = None,
                title: str = "", ax=None):
    """Horizontal stacked bars of a share table (rows reports, columns categories summing to 1)."""
    ax = _ax(ax, (8, 0.35 * max(len(shares), 3) + 1.5))
    if shares is None or shares.empty:
        return _empty(ax, "no data")
    names = report_names(reports, shares.index)
    colors = colors or {}
    left = pd.Series(0.0, index=shares.index)
    y = range(len(shares))
    for col in shares.columns:
        ax.barh(y, shares[col], left=left, color=colors.get(col), label=str(col), edgecolor="white", linewidth=0.5)
        left = left + shares[col]
    ax.set_yticks(list(y), [names[d] for d in shares.index])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(ticker.PercentFormatter(1.0))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize="small")
    ax.set_title(title)
    return _done(ax)


def plot_role_shares(sections: pd.DataFrame, reports: pd.DataFrame | None = None, ax=None):
    """Share of each report's text per section role (stacked bars, one per report)."""
    sections, reports = _tables(sections, reports, "sections")
    return plot_shares(role_shares(sections, reports), reports, _style()["role_colors"],
                       "Section roles: share of text", ax)


def plot_label_shares(passages: pd.DataFrame, reports: pd.DataFrame | None = None, ax=None):
    """Share of each report's passage text per label (stacked bars, one per report)."""
    passages, reports = _tables(passages, reports, "passages")
    return plot_shares(label_shares(passages), reports, _style()["label_plot_colors"],
                       "Passage labels: share of text", ax)


def indicator_kind_counts(indicators: pd.DataFrame) -> pd.DataFrame:
    """Indicators per report and kind (rows doc_id, columns kinds)."""
    if indicators is None or indicators.empty or "doc_id" not in indicators:
        return pd.DataFrame()
    kind = indicators["kind"].fillna("?").astype(str) if "kind" in indicators else pd.Series("all", indicators.index)
    return pd.crosstab(indicators["doc_id"], kind)


def plot_indicator_kinds(indicators: pd.DataFrame, reports: pd.DataFrame | None = None, ax=None):
    """Number of indicators per report, stacked by ``kind``."""
    indicators, reports = _tables(indicators, reports, "indicators")
    counts = indicator_kind_counts(indicators)
    ax = _ax(ax, (8, 0.35 * max(len(counts), 3) + 1.5))
    if counts.empty:
        return _empty(ax, "no indicators")
    _report_bars(counts, reports, ax, stacked=True, colormap="tab20")
    ax.set_xlabel("indicators")
    ax.set_ylabel("")
    ax.legend(title="kind", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize="small")
    ax.set_title("Indicators by kind")
    return _done(ax)


# -- one indicator across places and years ---------------------------------------------

def _folder():
    """The corpus layer's subject folding (synonyms such as 国内/地区生产总值), else identity."""
    try:
        from ..corpus.compare import fold_subject
    except ImportError:
        return lambda s: s
    return fold_subject


def select_indicator(indicators: pd.DataFrame, reports: pd.DataFrame | None, subject: str,
                     unit: str | None = None, match: str = "exact") -> pd.DataFrame:
    """Indicator rows about ``subject`` (and of ``unit``), joined to place/year/type.

    ``match="exact"``: the subject equals ``subject`` once both are folded with
    the corpus layer's synonyms (国内生产总值 = 地区生产总值); ``"contains"``:
    the subject contains ``subject`` (broader: also 单位国内生产总值能耗 …).

    Adds ``period``: the year the number is about. A 政府工作报告 (``gwr``) of
    year Y reports outcomes of Y-1 and sets targets for Y; other reports
    review their year Y and plan Y+1.
    """
    if indicators is None or indicators.empty or not {"subject", "value"} <= set(indicators.columns):
        return pd.DataFrame(columns=["doc_id", "place", "year", "period", "value", "target", "unit"])
    subjects = indicators["subject"].fillna("").astype(str)
    if match == "contains":
        df = indicators[subjects.str.contains(subject, regex=False)]
    elif match == "exact":
        fold = _folder()
        want = fold(subject)
        df = indicators[subjects.map(lambda x: x == subject or fold(x) == want)]
    else:
        raise ValueError("match must be 'exact' or 'contains'")
    if unit is not None and "unit" in df:
        df = df[df["unit"] == unit]
    df = df.copy()
    df["target"] = df["target"].fillna(False).astype(bool) if "target" in df else False
    if reports is not None and not reports.empty and "doc_id" in df:
        keep = [c for c in ("doc_id", "place", "year", "report_type") if c in reports]
        df = df.drop(columns=[c for c in keep if c != "doc_id" and c in df]).merge(reports[keep], on="doc_id", how="left")
    for col in ("place", "year", "report_type"):
        if col not in df:
            df[col] = None
    year = pd.to_numeric(df["year"], errors="coerce")
    gwr = df["report_type"].eq("gwr")
    df["period"] = year + (~df["target"] & gwr).map({True: -1, False: 0}) + (df["target"] & ~gwr).astype(int)
    df["value"] = pd.to_numeric(df["value"], errors="coerce")
    return df.dropna(subset=["period", "value"])


def plot_indicator_over_years(indicators: pd.DataFrame, reports: pd.DataFrame | None = None, subject: str = "",
                              unit: str | None = None, places: list[str] | None = None, target: bool = False,
                              agg: str = "first", match: str = "exact", ax=None):
    """One line per place: the indicator ``subject`` (outcomes, or targets with ``target=True``) by year.

    The x axis is the year the number is about (see :func:`select_indicator`);
    several matches in one report are reduced with ``agg`` (first, max, median …).
    """
    indicators, reports = _tables(indicators, reports, "indicators")
    if not subject:
        raise ValueError("plot_indicator_over_years needs subject=, e.g. subject='地区生产总值'")
    ax = _ax(ax, (8, 4.5))
    df = select_indicator(indicators, reports, subject, unit, match)
    df = df[df["target"] == target]
    if places is not None:
        df = df[df["place"].isin(places)]
    if df.empty:
        ax.text(0.5, 0.5, f"no {subject} indicators", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _done(ax)
    series = df.groupby(["place", "period"])["value"].agg(agg)
    for place, s in series.groupby(level=0):
        s = s.droplevel(0).sort_index()
        ax.plot(s.index.astype(int), s.values, marker="o", label=str(place))
    unit_txt = unit or "/".join(sorted(df["unit"].dropna().astype(str).unique())[:3])
    ax.set_ylabel(f"{subject} ({unit_txt})" if unit_txt else subject)
    ax.set_xlabel("year")
    ax.xaxis.set_major_locator(ticker.MaxNLocator(integer=True))
    ax.legend(frameon=False, fontsize="small")
    ax.set_title(f"{subject}: {'targets' if target else 'outcomes'} by year")
    return _done(ax)


def target_outcome_counts(indicators: pd.DataFrame) -> pd.DataFrame:
    """Per report: number of outcome and target indicators."""
    if indicators is None or indicators.empty or "doc_id" not in indicators:
        return pd.DataFrame(columns=["outcome", "target"])
    t = indicators["target"].fillna(False).astype(bool) if "target" in indicators else pd.Series(False, indicators.index)
    out = pd.crosstab(indicators["doc_id"], t.map({True: "target", False: "outcome"}))
    return out.reindex(columns=["outcome", "target"], fill_value=0)


def plot_targets_vs_outcomes(indicators: pd.DataFrame, reports: pd.DataFrame | None = None,
                             subject: str | None = None, unit: str | None = None, agg: str = "first",
                             match: str = "exact", ax=None):
    """Targets against outcomes.

    Without ``subject``: per report, how many indicators are outcomes and how
    many targets (paired bars). With ``subject`` (e.g. 地区生产总值, unit "%"):
    per place, the target set for each year (dashed) against the outcome later
    reported for that year (solid).
    """
    indicators, reports = _tables(indicators, reports, "indicators")
    colors = _style()["indicator"]
    if subject is None:
        counts = target_outcome_counts(indicators)
        ax = _ax(ax, (8, 0.35 * max(len(counts), 3) + 1.5))
        if counts.empty:
            return _empty(ax, "no indicators")
        _report_bars(counts, reports, ax, color=[colors["outcome"], colors["target"]])
        ax.set_xlabel("indicators")
        ax.set_ylabel("")
        ax.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.set_title("Outcomes and targets per report")
        return _done(ax)

    ax = _ax(ax, (8, 4.5))
    df = select_indicator(indicators, reports, subject, unit, match)
    if df.empty:
        ax.text(0.5, 0.5, f"no {subject} indicators", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _done(ax)
    cycle = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, (place, g) in enumerate(df.groupby("place", dropna=False)):
        color = cycle[i % len(cycle)]
        for is_target, style in ((False, "-"), (True, "--")):
            s = g[g["target"] == is_target].groupby("period")["value"].agg(agg).sort_index()
            if len(s):
                ax.plot(s.index.astype(int), s.values, style, marker="o" if not is_target else "s", color=color,
                        label=f"{place} {'target' if is_target else 'outcome'}", alpha=0.9)
    ax.set_xlabel("year the figure is about")
    ax.set_ylabel(f"{subject} ({unit})" if unit else subject)
    ax.xaxis.set_major_locator(ticker.MaxNLocator(integer=True))
    ax.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_title(f"{subject}: targets (dashed) vs outcomes (solid)")
    return _done(ax)


def plot_target_attainment(table: pd.DataFrame, max_rows: int = 30, ax=None):
    """Outcome as a share of its target, one bar per row of ``res.targets_outcomes()``.

    Expects the columns place, subject, unit, target_value, outcome_value (and
    target_year, met when present). The line at 100% is the target; bars are
    coloured by ``met`` (green met, red missed). Rows with a zero target are left out.
    """
    need = {"subject", "target_value", "outcome_value"}
    df = pd.DataFrame() if table is None else table
    if not df.empty and need <= set(df.columns):
        df = df[pd.to_numeric(df["target_value"], errors="coerce").fillna(0) != 0].head(max_rows).copy()
    ax = _ax(ax, (8, 0.3 * max(len(df), 3) + 1.5))
    if df.empty or not need <= set(df.columns):
        ax.text(0.5, 0.5, "no target matched an outcome", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _done(ax)
    ratio = df["outcome_value"].astype(float) / df["target_value"].astype(float)
    met = df["met"].fillna(False).astype(bool) if "met" in df else ratio >= 1
    colors = [_style()["label_plot_colors"]["achievement"] if m else _style()["label_plot_colors"]["shortcoming"]
              for m in met]
    names = [" ".join(str(x) for x in (r.get("place"), r.get("target_year"), r.get("subject")) if x is not None
                      and str(x) != "nan") + (f" ({r['unit']})" if isinstance(r.get("unit"), str) else "")
             for r in df.to_dict("records")]
    y = range(len(df))
    ax.barh(y, ratio * 100, color=colors)
    ax.axvline(100, color="#333", linewidth=1, linestyle="--")
    ax.set_yticks(list(y), names)
    ax.invert_yaxis()
    ax.set_xlabel("outcome as % of target")
    ax.set_title("Targets met (green) and missed (red)")
    return _done(ax)
