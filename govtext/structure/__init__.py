"""Structure: heading tree, section roles, paragraphs. (Placeholder.)"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

SECTION_COLUMNS = ["level", "marker", "title", "role", "start", "end", "parent", "path"]
PASSAGE_COLUMNS = ["text", "section", "role", "start", "end"]


@dataclass(frozen=True)
class Structure:
    sections: pd.DataFrame
    passages: pd.DataFrame


def parse_structure(text: str, meta: dict, hints: frozenset) -> Structure:
    rows = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            rows.append({"text": line, "section": -1, "role": "preamble", "start": pos, "end": pos + len(line)})
        pos += len(line) + 1
    return Structure(pd.DataFrame(columns=SECTION_COLUMNS), pd.DataFrame(rows, columns=PASSAGE_COLUMNS))


def initiatives(text: str, sections: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(columns=["title", "role", "level", "lead", "chars", "start", "end"])
