"""Learn the heading/body boundary model offline from reports whose headings stand on their own lines.

Run from the project root (needs the shared corpus folder):

    python -m govtext.structure.train_boundary ../shared/corpora govtext/data/structure_boundary.json

What it counts (no text is stored, only character n-gram counts):
- ``end``: the last one/two characters of a heading title (a heading alone on its line, or the part of a
  heading line before its first 。).
- ``start``: the first one/two characters of a body paragraph (the line after a stand-alone heading, and
  any paragraph line).
- ``all``: how often each one/two-character string occurs anywhere in body and heading text, so that a
  count can be turned into a rate.
:func:`govtext.structure.boundary.boundary_scores` turns the counts into log-lift scores.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from .markers import marker_at

TERMS = "。！？；：!?;:"
WS = " \t\u3000\u00a0\u200b\u200d\ufeff"


def _lines(path: Path) -> list[str]:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return []
    return [ln.strip(WS) for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def count(paths: list[Path]) -> dict:
    end2, end1, start2, start1, all2, all1 = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
    n_end = n_start = 0
    for path in paths:
        lines = [ln for ln in _lines(path) if ln]
        if len(lines) < 20:          # one-line crawls: their boundaries are what we want to predict
            continue
        prev_heading = False
        for ln in lines:
            for i in range(len(ln) - 1):
                all2[ln[i:i + 2]] += 1
            all1.update(ln)
            m = marker_at(ln, 0)
            title = None
            rest = ""
            if m and m.family in ("part", "cn", "paren_cn", "num", "paren_num"):
                body = ln[m.end:].lstrip(WS)
                cut = min((body.find(t) for t in TERMS if t in body), default=-1)
                if cut < 0 and 4 <= len(body) <= 50:
                    title = body
                elif 4 <= cut <= 50:
                    title, rest = body[:cut], body[cut + 1:]
            if title:
                end2[title[-2:]] += 1
                end1[title[-1]] += 1
                n_end += 1
                if len(rest) >= 2:
                    start2[rest[:2]] += 1
                    start1[rest[0]] += 1
                    n_start += 1
                prev_heading = not rest
                continue
            if len(ln) >= 20 and not m:
                w = 3 if prev_heading else 1      # paragraphs right after a heading count more
                start2[ln[:2]] += w
                start1[ln[0]] += w
                n_start += w
            prev_heading = False
    n_pos = sum(all1.values())
    keep2 = {b for b, c in all2.items() if c >= 30 or end2[b] >= 2 or start2[b] >= 3}
    keep1 = {c for c, n in all1.items() if n >= 5 or end1[c] or start1[c]}
    return {
        "_comment": "Character n-gram counts for heading-final / body-initial positions; see train_boundary.py.",
        "n_end": n_end, "n_start": n_start, "n_pos": n_pos,
        "end2": {b: end2[b] for b in sorted(keep2) if end2[b]},
        "start2": {b: start2[b] for b in sorted(keep2) if start2[b]},
        "all2": {b: all2[b] for b in sorted(keep2)},
        "end1": {c: end1[c] for c in sorted(keep1) if end1[c]},
        "start1": {c: start1[c] for c in sorted(keep1) if start1[c]},
        "all1": {c: all1[c] for c in sorted(keep1)},
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    src, out = Path(argv[0]), Path(argv[1])
    paths = sorted(p for p in src.rglob("*.txt"))
    model = count(paths)
    out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(paths)} files, {model['n_end']} heading ends, {model['n_start']} body starts, "
          f"{len(model['all2'])} bigrams -> {out} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
