"""Every occurrence of many literal words in a long text, found with numpy over its code points.

Python's ``re`` runs an alternation of words by trying the words one after another wherever the
text holds one of their first characters: slow for a few hundred cue words over megabytes of
reports. Here each position's first two characters are looked up in a hashed bit table, and only
the few candidate positions are hashed further and checked exactly against the words.

>>> ws = WordSet(["问题", "存在问题", "要", "不足之处"])
>>> pos, wid = ws.find(codes_of("还存在问题和不足，要解决。"))
>>> [(int(p), ws.words[w]) for p, w in zip(pos, wid)]
[(1, '存在问题'), (3, '问题'), (9, '要')]
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

_U64 = np.uint64
_SENTINEL = 0xFFFFFFFF  # past the text's end: no code point, so no word matches there
_BIGRAM_BITS = 18
_KEY_WIDTH = 8  # longer words are found by their first 8 characters, then checked in full
_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9)


def codes_of(text: str) -> np.ndarray:
    """The code points of ``text`` (uint32)."""
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


class WordSet:
    """A fixed set of words (``words[i]`` has id i; duplicates and empty words are refused)."""

    def __init__(self, words: Sequence[str]):
        self.words = tuple(words)
        if len(set(self.words)) != len(self.words) or not all(self.words):
            raise ValueError("WordSet: words must be distinct and non-empty")
        self.lengths = np.array([len(w) for w in self.words], dtype=np.int64)
        singles = [(ord(w), i) for i, w in enumerate(self.words) if len(w) == 1]
        # one character: id + 1 by code point (0: no word), one past the largest code = none
        top = max((c for c, _ in singles), default=0) + 1
        self._single = np.zeros(top + 1, dtype=np.int32)
        for c, i in singles:
            self._single[c] = i + 1
        multi = [i for i, w in enumerate(self.words) if len(w) > 1]
        self._multi = np.array(multi, dtype=np.int64)
        if multi:
            longest = max(len(self.words[i]) for i in multi)
            padded = np.full((len(multi), longest), _SENTINEL, dtype=np.uint32)
            for r, i in enumerate(multi):
                padded[r, :len(self.words[i])] = codes_of(self.words[i])
            self._padded = padded  # row r: word multi[r]
            self._bigram = np.zeros(1 << _BIGRAM_BITS, dtype=bool)
            self._bigram[self._bigram_slot(padded[:, 0], padded[:, 1])] = True
            # a word is keyed by its first _KEY_WIDTH characters (all of them if it is shorter),
            # unless two words would share a key
            unique = len({self.words[i][:_KEY_WIDTH] for i in multi}) == len(multi)
            self._width = min(_KEY_WIDTH, longest) if unique else longest
            self._keylen = np.minimum(self.lengths[self._multi], self._width)  # by row
            self._lens = np.unique(self._keylen)
            self._build_table(self._prefix_keys(padded[:, :self._width])[np.arange(len(multi)), self._keylen - 1])

    # -- hashing ---------------------------------------------------------------------------

    @staticmethod
    def _bigram_slot(first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """A slot of the bit table for each pair of code points (uint32 arithmetic: half the memory)."""
        with np.errstate(over="ignore"):
            h = first * np.uint32(0x9E3779B1)
            h ^= second * np.uint32(0x85EBCA77)
            h *= np.uint32(0xC2B2AE3D)
            h >>= np.uint32(32 - _BIGRAM_BITS)
        return h

    def _prefix_keys(self, window: np.ndarray) -> np.ndarray:
        """(rows, width) keys: column L-1 identifies the row's first L code points (and L)."""
        width = window.shape[1]
        with np.errstate(over="ignore"):
            powers = np.cumprod(np.full(width, _U64(0x100000001B3), dtype=_U64))
            h = np.cumsum(window.astype(_U64) * powers, axis=1, dtype=_U64)
            return h + np.arange(1, width + 1, dtype=_U64) * _U64(0x9E3779B97F4A7C15)

    def _build_table(self, keys: np.ndarray) -> None:
        """An open-address table with no two words in one slot: a multiplier that spreads them."""
        for bits in range(max(10, int(len(keys)).bit_length() + 4), 24):
            for mult in _MULTIPLIERS:
                slots = self._slot(keys, mult, bits)
                if len(np.unique(slots)) == len(slots):
                    self._mult, self._bits = mult, bits
                    self._table_key = np.zeros(1 << bits, dtype=_U64)
                    self._table_row = np.full(1 << bits, -1, dtype=np.int64)
                    self._table_key[slots] = keys
                    self._table_row[slots] = np.arange(len(keys))
                    return
        raise ValueError("WordSet: no collision-free table")  # pragma: no cover (not for real word lists)

    @staticmethod
    def _slot(keys: np.ndarray, mult: int, bits: int) -> np.ndarray:
        with np.errstate(over="ignore"):
            return ((keys * _U64(mult)) >> _U64(64 - bits)).astype(np.int64)

    # -- search ----------------------------------------------------------------------------

    def find(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions, word ids) of every occurrence of every word in the text ``codes`` (see
        :func:`codes_of`), overlapping ones included, sorted by position, longer words first."""
        pos, wid = [], []
        if len(self._single) > 1 and len(codes):
            hit = self._single[np.minimum(codes, len(self._single) - 1)]
            at = np.flatnonzero(hit)
            pos.append(at)
            wid.append(hit[at] - 1)
        if len(self._multi) and len(codes) > 1:
            p, w = self._find_multi(codes)
            pos.append(p)
            wid.append(w)
        if not pos:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        pos, wid = np.concatenate(pos), np.concatenate(wid)
        order = np.lexsort((-self.lengths[wid], pos))
        return pos[order], wid[order]

    def _find_multi(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n, width = len(codes), self._width
        cand = np.flatnonzero(self._bigram[self._bigram_slot(codes[:-1], codes[1:])])
        # past the text's end, a window repeats its last code point: the length check below
        # keeps such windows from matching
        window = codes[np.minimum(cand[:, None] + np.arange(width), n - 1)]
        keys = self._prefix_keys(window)[:, self._lens - 1]  # only the key lengths some word has
        slots = self._slot(keys, self._mult, self._bits)
        row, col = np.nonzero(self._table_key[slots] == keys)
        r = self._table_row[slots[row, col]]  # the word whose key this is
        keylen, full = self._lens[col], self.lengths[self._multi[r]]
        # a key is a hash: check the code points (and that the word's key has this length)
        same = (window[row] == self._padded[r, :width]) | (np.arange(width) >= keylen[:, None])
        ok = same.all(axis=1) & (self._keylen[r] == keylen) & (cand[row] + full <= n)
        longer = np.flatnonzero(ok & (full > width))
        if len(longer):  # words longer than their key: check the rest of them
            rest = np.arange(width, self._padded.shape[1])
            tail = codes[np.minimum(cand[row[longer], None] + rest, n - 1)]
            ok[longer] = ((tail == self._padded[r[longer], width:]) | (rest >= full[longer, None])).all(axis=1)
        return cand[row[ok]], self._multi[r[ok]]
