"""What every match of a regular expression must contain, read from its parse tree.

Rules in the data files are written for readability (lookbehinds, optional groups),
which makes the ``re`` engine try them at every position. A plain ``in`` test, or one
alternation of the strings a rule cannot match without, skips most texts cheaply;
the rule itself then runs only where it might match. Shared by the cue rules of the
passage labels and the target rules of the indicators.

>>> required_literals("(?<![模虚])拟(?!人)|(?:建成|投产)后(?:可|将)")
('建成后可', '建成后将', '投产后可', '投产后将', '拟')
>>> required_literals("(还|仍)?存在.{0,4}问题"), required_literals("(甲|.)丙?")
(('问题',), None)
"""
from __future__ import annotations

import re
from functools import lru_cache


def _re_parser():
    """(constants, parser) of the stdlib's own regular-expression parser."""
    try:
        from re import _constants, _parser
    except ImportError:  # Python 3.10
        import sre_constants as _constants
        import sre_parse as _parser
    return _constants, _parser


@lru_cache(maxsize=1024)
def required_literals(pattern: str | re.Pattern, flags: int = 0, cap: int = 64) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains, sorted; None when none are
    known (a branch that may match without any literal, case folding, syntax ``re`` lacks).

    Runs of items with few exact spellings are joined (建成后, not 建成 or 后 alone), up to
    ``cap`` strings, and of the options the one with the longest shortest string wins:
    long strings are rare, so a test for them rarely passes.
    """
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, flags | pattern.flags
    try:
        C, _parser = _re_parser()  # noqa: N806
        tree = _parser.parse(pattern, flags)
    except Exception:  # regex-only syntax, or a parser this Python does not have
        return None
    if (flags | tree.state.flags) & re.IGNORECASE:
        return None
    zero_width = (C.AT, C.ASSERT, C.ASSERT_NOT)
    repeats = tuple(getattr(C, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(C, n))

    def exact(op, av) -> frozenset | None:
        """The strings one item matches, when there are at most ``cap``."""
        if op is C.LITERAL:
            return frozenset(chr(av))
        if op in zero_width:
            return frozenset([""])
        got = None
        if op is C.IN and all(o is C.LITERAL for o, _ in av):
            got = frozenset(chr(v) for _, v in av)
        elif op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
            got = exact_seq(av[-1])
        elif op is C.BRANCH:
            alts = [exact_seq(b) for b in av[1]]
            got = frozenset().union(*alts) if all(a is not None for a in alts) else None
        elif op in repeats and av[:2] == (0, 1):
            inner = exact_seq(av[2])
            got = inner | {""} if inner is not None else None
        return got if got is not None and len(got) <= cap else None

    def exact_seq(items) -> frozenset | None:
        out = frozenset([""])
        for op, av in items:
            e = exact(op, av)
            if e is None:
                return None
            out = frozenset(a + b for a in out for b in e)
            if len(out) > cap:
                return None
        return out

    def req(items) -> frozenset | None:
        cands, run = [], frozenset([""])
        for op, av in list(items) + [(None, None)]:
            e = exact(op, av) if op is not None else None
            if e is not None:
                joined = frozenset(a + b for a in run for b in e)
                if len(joined) <= cap:
                    run = joined
                    continue
                cands.append(run)
                run = e
                continue
            cands.append(run)
            run = frozenset([""])
            r = None
            if op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
                r = req(av[-1])
            elif op is C.BRANCH:
                rs = [req(b) for b in av[1]]
                r = frozenset().union(*rs) if all(x is not None for x in rs) else None
            elif op in repeats and av[0] >= 1:
                r = req(av[2])
            if r:
                cands.append(r)
        cands = [c for c in cands if "" not in c]
        return max(cands, key=lambda c: (min(map(len, c)), -len(c))) if cands else None

    got = req(tree)
    if not got:
        return None
    # a string holding another one adds nothing to the test (完成计划 when 计划 is there)
    return tuple(sorted(x for x in got if not any(y != x and y in x for y in got)))
