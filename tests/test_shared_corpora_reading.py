"""Every real report under ../shared/corpora reads cleanly (skipped when ../shared is absent).

Checks: nothing raises except a documented GovtextError; no page-residue line of the
kinds the corpus README lists survives; body sentences that mention 来源 survive;
metadata agrees with the manifests (year >= 95%, level and report_type >= 90%); a
page stored several times in one file comes out once.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

import govtext
from govtext.clean.chars import normalise_chars

from conftest import SHARED, needs_shared, shared_manifest_rows

pytestmark = needs_shared

# What must never survive cleaning (kinds listed in the corpus README and HARD-CASES).
RESIDUE_LINE = re.compile(
    r"^(?:下载|打印|全屏|收藏|加大|还原|减小|【字号[:：]?|【字体[:：]?.*|【|】|打印本页|关闭窗口|【打印本页】|【关闭窗口】"
    r"|扫一扫.*|相关报道[:：]?|相关链接.*|相关附件.*|分享[:：]?|微信 微博 QQ空间|Public domain|false"
    r"|当前位置.*|您的位置.*|首页\s*>.*|责任编辑.*|编辑[:：].{0,10}|来源[:：].{0,30}|[（(]来源[:：].{0,30}[)）]"
    r"|={3,}\s*正文\s*={3,}|(?:标题|发布机构|原文链接|本地目录|栏目)\s*[:：].*|.{0,80}记者\s*\S{2,4}\s*摄)$"
)
RESIDUE_ANYWHERE = re.compile(r"<U\+[0-9A-Fa-f]{4}>|[\u200b\u200c\u200d\ufeff]|<!--|-->|本作品是中华人民共和国|QQ空间|【字号")


def shared_files() -> list[Path]:
    if not (SHARED / "corpora").is_dir():
        return []
    return sorted(p for p in (SHARED / "corpora").rglob("*") if p.is_file() and p.suffix not in (".csv", ".md"))


@lru_cache(maxsize=None)
def read(path: str):
    return govtext.read(path)


def test_there_are_files():
    assert len(shared_files()) >= 100


def test_every_file_reads():
    failures = []
    for p in shared_files():
        try:
            r = read(str(p))
        except govtext.GovtextError:
            continue  # documented failure, names the file
        except Exception as exc:  # pragma: no cover - the point of the test
            failures.append(f"{p.name}: {type(exc).__name__}: {exc}")
            continue
        assert isinstance(r.text, str) and r.text.strip(), p.name
    assert not failures, failures


def test_no_residue_survives():
    found = []
    for p in shared_files():
        text = read(str(p)).text
        if RESIDUE_ANYWHERE.search(text):
            found.append((p.name, RESIDUE_ANYWHERE.search(text).group(0)))
        for line in text.split("\n"):
            if RESIDUE_LINE.match(line):
                found.append((p.name, line[:60]))
        assert "\n\n" not in text and "\r" not in text, p.name
    assert not found, found[:20]


def test_body_sentences_mentioning_source_stay():
    checked = 0
    for p in shared_files():
        flat = "".join(read(str(p)).text.split())
        raw = normalise_chars(p.read_text(encoding="utf-8", errors="replace"))
        for line in raw.split("\n"):
            s = "".join(line.split())
            i = s.find("来源")
            if len(s) >= 60 and i > 20 and "。" in s[:i] and not s.endswith("附件下载") and "<" not in s:
                checked += 1
                assert s[i - 15: i + 15] in flat, (p.name, s[i - 15: i + 15])
    assert checked >= 3


def _manifest_agreement():
    rows = shared_manifest_rows()
    stats = {"year": [0, 0], "level": [0, 0], "report_type": [0, 0]}
    misses = []
    for row in rows:
        meta = read(row["path"]).meta
        want = {"year": int(row["year_covered"]), "level": row["level"], "report_type": row["report_type"]}
        for key, value in want.items():
            stats[key][1] += 1
            if meta[key] == value:
                stats[key][0] += 1
            else:
                misses.append((Path(row["path"]).name, key, meta[key], value))
    return {k: ok / n for k, (ok, n) in stats.items()}, misses


def test_metadata_agrees_with_manifests():
    shares, misses = _manifest_agreement()
    assert shares["year"] >= 0.95, misses
    assert shares["level"] >= 0.90, misses
    assert shares["report_type"] >= 0.90, misses


def test_repeated_pages_come_out_once():
    repeated = 0
    for p in shared_files():
        raw = normalise_chars(p.read_text(encoding="utf-8", errors="replace"))
        lines = [l.strip() for l in raw.split("\n")]
        longest = max(lines, key=len)
        if len(longest) >= 200 and lines.count(longest) >= 2:
            repeated += 1
            text = read(str(p)).text
            flat_longest = "".join(longest.split())
            probe = flat_longest[len(flat_longest) // 2: len(flat_longest) // 2 + 60]
            assert "".join(text.split()).count(probe) == 1, p.name
            assert len(text) < 0.7 * len(raw), p.name
    assert repeated >= 6  # the older gov.cn layout stores its page six times


def test_gold_passage_keys_and_headings_are_in_the_text():
    import json

    golds = sorted((SHARED / "gold" / "dev").glob("*.json"))
    if not golds:
        pytest.skip("no gold files")
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        text = read(str(SHARED / gold["file"])).text
        flat = "".join(text.split())
        for p in gold.get("passages", []):
            assert p["key"] in text, (g.name, p["key"])
        for h in gold.get("headings", []):
            assert "".join(h["title"].split()) in flat, (g.name, h["title"])
