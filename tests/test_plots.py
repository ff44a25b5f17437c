"""Plots from result tables; the chosen CJK font covers every character drawn."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from govtext.notebook import fonts, plots  # noqa: E402
from test_notebook_fixtures import synthetic_results  # noqa: E402

HAS_CJK = fonts.find_cjk_font() is not None
needs_cjk = pytest.mark.skipif(not HAS_CJK, reason="no CJK font installed (Debian: apt-get install fonts-noto-cjk); "
                                                 "Chinese labels cannot be checked")


@pytest.fixture
def tables():
    return synthetic_results()


def _all_plots(reports, sections, passages, indicators):
    fig, axes = plt.subplots(3, 2, figsize=(12, 10))
    plots.plot_role_shares(sections, reports, ax=axes[0, 0])
    plots.plot_label_shares(passages, reports, ax=axes[0, 1])
    plots.plot_indicator_kinds(indicators, reports, ax=axes[1, 0])
    plots.plot_indicator_over_years(indicators, reports, "地区生产总值", "%", ax=axes[1, 1])
    plots.plot_targets_vs_outcomes(indicators, reports, ax=axes[2, 0])
    plots.plot_targets_vs_outcomes(indicators, reports, subject="地区生产总值", unit="%", ax=axes[2, 1])
    return fig


def test_share_tables_sum_to_one(tables):
    reports, sections, passages, _ = tables
    for shares in (plots.role_shares(sections, reports), plots.label_shares(passages)):
        assert len(shares) == len(reports)
        assert (shares.sum(axis=1).round(9) == 1).all()
    rs = plots.role_shares(sections, reports)
    assert list(rs.columns[:2]) == ["preamble", "achievements"]
    # 40 chars before the first heading of a 1000-char layout
    assert rs.loc["城南镇-2022.txt", "preamble"] == pytest.approx(40 / 1000)


def test_select_indicator_periods(tables):
    reports, _, _, indicators = tables
    sel = plots.select_indicator(indicators, reports, "地区生产总值", "%")
    county = sel[sel.place == "青溪县"]  # gwr: outcomes are about the previous year
    assert set(county[~county.target].period) == {2021, 2022, 2023}
    assert set(county[county.target].period) == {2022, 2023, 2024}
    town = sel[sel.place == "城南镇"]  # fzzf: outcomes this year, plans next year
    assert set(town[~town.target].period) == {2022, 2023, 2024}
    assert set(town[town.target].period) == {2023, 2024, 2025}


def test_plots_draw_the_data(tables):
    fig = _all_plots(*tables)
    axes = fig.axes
    labels = [t.get_text() for t in axes[0].get_yticklabels()]
    assert "城南镇 2023" in labels and len(labels) == 9
    over_years = axes[3]
    assert {line.get_label() for line in over_years.get_lines()} == {"城南镇", "青溪县", "东关街道"}
    plt.close(fig)


def test_plots_accept_empty_tables():
    empty = pd.DataFrame()
    fig = _all_plots(None, empty, empty, empty)
    assert len(fig.axes) == 6
    plt.close(fig)


@needs_cjk
def test_chosen_font_covers_every_character_drawn(tables, tmp_path):
    fig = _all_plots(*tables)
    fig.savefig(tmp_path / "plots.png")  # draw for real
    drawn = "".join(c for c in fonts.figure_text(fig) if ord(c) > 127)
    assert "镇" in drawn and "地区生产总值" in drawn
    assert fonts.font_covers(drawn), fonts.missing_glyphs(drawn)
    assert fonts.check_figure(fig) == set()
    assert mpl.rcParams["font.sans-serif"][0] == fonts.find_cjk_font()[0]
    plt.close(fig)


def test_font_covers_detects_missing_glyphs():
    dejavu = mpl.font_manager.findfont("DejaVu Sans")
    assert fonts.font_covers("abc", dejavu)
    assert not fonts.font_covers("城南镇", dejavu)
    assert fonts.missing_glyphs("a城b", dejavu) == {"城"}


def test_no_cjk_font_warns_with_install_hint(monkeypatch):
    monkeypatch.setattr(fonts, "find_cjk_font", lambda: None)
    with pytest.warns(fonts.CJKFontWarning, match="fonts-noto-cjk"):
        assert fonts.use_cjk_font() is None
    fig, ax = plt.subplots()
    ax.set_title("城南镇")
    with pytest.warns(fonts.CJKFontWarning, match="cannot render"):
        assert "城" in fonts.check_figure(fig)
    plt.close(fig)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        ax.set_title("ascii only")
        assert fonts.check_figure(fig) == set()  # nothing Chinese: nothing to warn about
        plt.close(fig)


def test_select_indicator_exact_or_contains():
    reports = pd.DataFrame({"doc_id": ["a"], "place": ["青溪县"], "year": [2024], "report_type": ["gwr"]})
    ind = pd.DataFrame({"doc_id": ["a"] * 3, "subject": ["地区生产总值", "单位地区生产总值能耗", "国内生产总值"],
                        "value": [6.0, 3.1, 5.0], "unit": ["%"] * 3, "target": [False, False, True]})
    exact = plots.select_indicator(ind, reports, "地区生产总值", "%")
    assert 6.0 in set(exact.value) and 3.1 not in set(exact.value)  # not 单位…能耗
    broad = plots.select_indicator(ind, reports, "生产总值", "%", match="contains")
    assert len(broad) == 3


def test_plots_accept_a_results_object(tables):
    reports, sections, passages, indicators = tables

    class Res:
        pass

    res = Res()
    res.reports, res.sections, res.passages, res.indicators = reports, sections, passages, indicators
    ax = plots.plot_role_shares(res)
    assert "城南镇 2023" in [t.get_text() for t in ax.get_yticklabels()]
    ax2 = plots.plot_indicator_over_years(res, subject="地区生产总值", unit="%")
    assert len(ax2.get_lines()) == 3
    plt.close("all")
