"""Indicators: every stated quantity of a report, normalised, with subject and target flag.

>>> from govtext.indicators import extract_indicators
>>> extract_indicators("化解重点案件18件，发放资料60000余册。")[["text", "value", "unit", "qualifier"]].values.tolist()
[['18件', 18.0, '件', ''], ['60000余册', 60000.0, '册', '余']]

Modules: :mod:`.numerals` (numeral grammar), :mod:`.lexicon` (units.tsv and
indicators_rules.json), :mod:`.grammar` (scan for number + unit), :mod:`.filters`
(years, ordinals, names, thresholds), :mod:`.context` (sentence, subject, change,
section), :mod:`.targets` (goal vs outcome), :mod:`.extract` (the table).
"""
from __future__ import annotations

from .extract import INDICATOR_COLUMNS, extract_indicators

__all__ = ["INDICATOR_COLUMNS", "extract_indicators"]
