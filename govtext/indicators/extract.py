"""`extract_indicators`: every stated quantity of a report as one DataFrame row."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import numpy as np
import pandas as pd

from .context import TextContext, change_of, section_index, section_table, subject_after, subject_before
from .filters import exclusion
from .grammar import scan
from .lexicon import alternation, lexicon
from .targets import fallback_sections, is_target

INDICATOR_COLUMNS = ["text", "value", "value_max", "unit", "approx", "qualifier", "target", "change",
                     "kind", "subject", "section", "sentence", "start", "end"]

MAX_CLAUSE = 80       # characters of a clause looked at on each side of a number
MAX_SENTENCE = 300    # characters of a sentence kept on each side of a number
_ENUM_GAP = re.compile(r"^[、和及与 ]*$")


def _opening(text: str, start: int, pos: int) -> str:
    return text[start:min(pos, start + 16)]


def extract_indicators(text: str, sections: pd.DataFrame | None = None, meta: dict | None = None, *,
                       keep_excluded: bool = False) -> pd.DataFrame:
    """Every stated quantity in ``text``: value in base units, unit, qualifiers, subject, target.

    Columns: ``text, value, value_max, unit, approx, qualifier, target, change, kind,
    subject, section, sentence, start, end``. ``text[start:end] == row.text``; rows are
    sorted by ``start`` and do not overlap. ``section`` is the row label of the innermost
    section of ``sections`` holding the number (-1 outside all); ``sentence`` is the text
    of the sentence holding it. ``value_max`` is the top of a range (NaN otherwise).
    ``keep_excluded=True`` adds the rejected mentions with a ``reason`` column (debugging).

    >>> df = extract_indicators("全年入户宣传5.2万户，地区生产总值增长5%左右。2023年新增4A级景区3个。")
    >>> df[["text", "value", "unit", "approx", "subject"]].values.tolist()
    [['5.2万户', 52000.0, '户', False, '入户宣传'], ['5%左右', 5.0, '%', True, '地区生产总值'], ['3个', 3.0, '个', False, '新增4A级景区']]
    """
    text = text or ""
    meta = meta or {}
    ctx = TextContext(text)
    index = section_index(sections)
    # our own reading of the top-level parts, used where the structure gives no role
    # (computed on first need: most numbers sit in sections with a role)
    fallback_table: list = []

    def fallback_role(pos: int) -> str | None:
        if not fallback_table:
            fb = fallback_sections(text, meta)
            fallback = ([s for s, _, _ in fb], [e for _, e, _ in fb], [-1] * len(fb), [r for _, _, r in fb]) \
                if fb else None
            breaks, _, roles = section_table(fallback)
            fallback_table.extend((breaks, roles))
        breaks, roles = fallback_table
        return roles[bisect_right(breaks, pos) - 1]

    plan_document = str(meta.get("report_type") or "") == "plan"
    sec_breaks, sec_labels, sec_roles = section_table(index)

    cols = INDICATOR_COLUMNS + (["reason"] if keep_excluded else [])
    data: dict[str, list] = {c: [] for c in cols}
    # bound appends, one per column: the loop runs once per number of the corpus
    (add_text, add_value, add_vmax, add_unit, add_approx, add_qual, add_target, add_change, add_kind,
     add_subject, add_section, add_sentence, add_start, add_end) = (data[c].append for c in INDICATOR_COLUMNS)
    add_reason = data["reason"].append if keep_excluded else None
    sentences: dict[tuple[int, int], str] = {}
    n = len(text)
    sent_ends, clause_ends, para_ends = ctx.sent_ends, ctx.clause_ends, ctx.para_ends
    n_sent, n_clause = len(sent_ends), len(clause_ends)
    prev_end = prev_subject = prev_change = None     # the last kept row
    cont_re, cont_first = _continuation()
    for m in scan(text):
        reason = exclusion(text, m)
        if reason and not keep_excluded:
            continue
        ns = m.num_start
        m_start, m_end = m.start, m.end
        ci = bisect_right(clause_ends, ns)
        c_lo = clause_ends[ci - 1] if ci else 0
        c_hi = clause_ends[ci] if ci < n_clause else n
        i = bisect_right(sent_ends, ns)
        s_lo = sent_ends[i - 1] if i else 0
        s_hi = sent_ends[i] if i < n_sent else n
        j = bisect_right(sec_breaks, ns) - 1
        label, role = sec_labels[j], sec_roles[j]
        if role in (None, "other", "preamble"):
            role = fallback_role(ns) or role
        # windows are capped so that a text without punctuation stays linear
        c_lo, c_hi = max(c_lo, ns - MAX_CLAUSE), min(c_hi, m_end + MAX_CLAUSE)
        if s_hi - s_lo > 2 * MAX_SENTENCE:
            # quantised windows, so neighbours share one string in a run-on text
            block = s_lo + (ns - s_lo) // MAX_SENTENCE * MAX_SENTENCE
            s_lo, s_hi = max(s_lo, block - MAX_SENTENCE // 2), min(s_hi, block + MAX_SENTENCE * 3 // 2)
        lo = c_lo
        if prev_end is not None and lo < prev_end <= m_start:
            lo = prev_end
        subject = subject_before(text, lo, m_start)
        if not subject and prev_end is not None and prev_end > c_lo and _ENUM_GAP.match(text[prev_end:m_start]):
            subject = prev_subject
        if not subject and prev_end is not None and prev_end > max(s_lo, ns - MAX_CLAUSE):
            # 投入7232亿元、增长5.6% / 总值达到309亿元，增长7.5%: a bare verb + number continues
            # the subject of the figure before it in the sentence
            subject = prev_subject
        if not subject:
            subject = subject_after(text, m_end, c_hi)
        change = "up" if m.form == "doubling" else change_of(text, c_lo, m_start, m_end)
        if change is None and prev_end is not None and prev_end > c_lo and _ENUM_GAP.match(text[prev_end:m_start]):
            change = prev_change
        t_lo = max(c_lo, s_lo)
        clause = text[t_lo:c_hi]
        sentence = sentences.get((s_lo, s_hi))
        if sentence is None:
            sentence = sentences[(s_lo, s_hi)] = text[s_lo:s_hi].strip()
        i = bisect_right(para_ends, ns)
        p_lo = para_ends[i - 1] if i else 0
        quals = m.qualifiers
        add_text(text[m_start:m_end])
        add_value(m.value)
        add_vmax(m.value_max)
        add_unit(m.unit)
        add_approx(bool(quals))
        add_qual("".join(quals))
        opening, before = _opening(text, p_lo, ns), text[max(c_lo, m_start - 12):m_start]
        target = is_target(clause, sentence, role, plan_document, opening, before)
        if target and t_lo == c_lo and t_lo > s_lo and text[t_lo:t_lo + 1] in cont_first:
            # 关税已由15.3%降到12%，涉及5300多个税目: a clause that opens with 涉及/惠及
            # tells the scope of the one before it, and an outcome word there makes it an outcome too
            x_lo = _continued_from(text, t_lo, s_lo, clause_ends, ci, cont_re, ns)
            if x_lo < t_lo:
                target = is_target(text[x_lo:c_hi], sentence, role, plan_document, opening, before)
        add_target(target)
        add_change(change)
        add_kind(m.kind)
        add_subject(subject)
        add_section(label)
        add_sentence(sentence)
        add_start(m_start)
        add_end(m_end)
        if keep_excluded:
            add_reason(reason)
        if not reason:
            prev_end, prev_subject, prev_change = m_end, subject, change
    if not data["start"]:
        return pd.DataFrame([], columns=cols)
    # column by column with their dtypes: building from row dicts and casting after costs
    # more than the whole scan on a large report
    for c in cols:
        col = data[c]
        if c in _DTYPES:
            data[c] = np.asarray(col, dtype=_DTYPES[c])
        elif c in _STR_COLUMNS and _STR is not None and None not in col:
            # the default "str" dtype, Python-backed: no Arrow round trip per column
            data[c] = pd.array(col, dtype=_STR)
    data["section"] = _int_labels(data["section"])
    data["change"] = pd.Series(data["change"], dtype=object)   # up / down / None, kept as objects
    # the dict holds the columns in order: passing ``columns`` too would make pandas
    # index the keys and look each column up again
    return pd.DataFrame(data, copy=False)


@lru_cache(maxsize=1)
def _continuation() -> tuple[re.Pattern, frozenset]:
    """The clause_continuation_cues (涉及, 惠及 ...) as one anchored pattern, and their first characters."""
    words = lexicon().rules.get("clause_continuation_cues", [])
    return re.compile(f"\\s*(?:{alternation(words)})" if words else "(?!)"), frozenset(w[0] for w in words if w)


def _continued_from(text: str, lo: int, s_lo: int, clause_ends: list[int], ci: int, cont_re: re.Pattern,
                    ns: int) -> int:
    """Start of the text whose cues decide a number whose clause (from ``lo``) continues the one
    before it: back over clauses after a comma that open with a continuation cue, within the sentence."""
    k = ci - 1     # clause_ends[k] == lo
    while k >= 0 and clause_ends[k] > s_lo and text[clause_ends[k] - 1] in "，," and cont_re.match(text, lo) \
            and ns - lo < 2 * MAX_CLAUSE:
        lo = max(clause_ends[k - 1] if k else 0, s_lo)
        k -= 1
    return lo


def _int_labels(labels: list) -> np.ndarray | list:
    """Section labels as an int64 array when all are integers (what pandas would infer), else as given."""
    if pd.api.types.infer_dtype(labels, skipna=False) == "integer":
        try:
            return np.asarray(labels, dtype=np.int64)
        except OverflowError:
            pass
    return labels


_DTYPES = {"value": float, "value_max": float, "approx": bool, "target": bool, "start": np.int64, "end": np.int64}
_STR_COLUMNS = frozenset({"text", "unit", "qualifier", "kind", "subject", "sentence"})


def _str_dtype():
    try:
        return pd.StringDtype("python", na_value=np.nan)
    except (TypeError, ValueError):      # pandas < 2.3: plain object columns
        return None


_STR = _str_dtype()
