"""Structure invariants over every report in ../shared/corpora (skipped when it is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import needs_shared, shared_manifest_rows

import govtext

# Reports of more than 2,000 characters that truly have no heading (checked by reading them).
NO_HEADING_OK = {
    "national-1954-gwr.txt": "1954 report: running text with no numbered or titled parts",
    "national-1960-gwr.txt": "1960 report: running text, parts not numbered",
    "national-1964-gwr.txt": "1964 abstract: running text, no numbered parts",
    "national-1975-gwr.txt": "1975 report: short running text, no numbered parts",
}

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"   # formatting characters count as white space here
# (a run-in title may end at a comma when the clause after it is body: the comma goes with the heading)
HEADING_TAIL = "，, \t\u3000\u00a0\r\n。；：;:！？!?.．…·-—_0123456789０１２３４５６７８９" + ZERO_WIDTH
ROWS = [r for r in shared_manifest_rows()]


def _analyse(path):
    try:
        r = govtext.read(path)
    except Exception as exc:      # a format another stage cannot read yet is not a structure failure
        pytest.skip(f"cannot read {Path(path).name}: {exc!r}")
    return r, r.sections, r._structure.passages


@needs_shared
@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_structure_invariants(row):
    r, sec, ps = _analyse(row["path"])
    text = r.text
    n = len(text)
    # sections: well-formed offsets, children inside parents, no overlap except nesting
    for i, s in enumerate(sec.itertuples()):
        assert 0 <= s.start <= s.title_start <= s.title_end <= s.heading_end <= s.end <= n
        if s.parent >= 0:
            p = sec.iloc[s.parent]
            assert s.parent < i and p.level < s.level
            assert p.start <= s.start and s.end <= p.end
    rows = list(sec.itertuples())
    # a heading's text is its marker, its title and at most a terminator or a TOC page tail: whatever a
    # title cut leaves after the title end must be passage text, never swallowed by the heading
    for s in rows:
        assert text[s.title_start:s.title_end] == s.title
        assert not text[s.title_end:s.heading_end].strip(HEADING_TAIL), (s.title, text[s.title_end:s.heading_end])
    for a, b in zip(rows, rows[1:]):
        assert a.start < b.start
        if b.level <= a.level:
            assert a.end <= b.start          # siblings/ancestors' later parts never overlap
        else:
            assert b.end <= a.end            # a deeper heading right after lies inside
    # every non-space character is in exactly one heading or passage
    cover = bytearray(n)
    for s in rows:
        for k in range(s.start, s.heading_end):
            cover[k] += 1
    for p in ps.itertuples():
        assert text[p.start:p.end] == p.text
        for k in range(p.start, p.end):
            cover[k] += 1
    bad = [k for k in range(n) if cover[k] != 1 and not text[k].isspace() and text[k] not in ZERO_WIDTH]
    assert not bad, f"{len(bad)} chars not covered once, first at {bad[0]}: {text[bad[0]:bad[0] + 20]!r}"
    # a long report has headings unless it truly has none
    if n > 2000 and row["file"] not in NO_HEADING_OK:
        assert len(sec) > 0, "no heading found"
