"""Indicators: every stated quantity. (Placeholder.)"""
from __future__ import annotations

import pandas as pd

INDICATOR_COLUMNS = ["text", "value", "value_max", "unit", "approx", "qualifier", "target", "change",
                     "kind", "subject", "section", "sentence", "start", "end"]


def extract_indicators(text: str, sections: pd.DataFrame | None = None, meta: dict | None = None) -> pd.DataFrame:
    return pd.DataFrame(columns=INDICATOR_COLUMNS)
