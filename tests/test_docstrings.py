"""Every example in govtext's docstrings runs and prints what it shows."""
import doctest
import importlib
import pkgutil

import pytest

import govtext

MODULES = sorted(m.name for m in pkgutil.walk_packages(govtext.__path__, "govtext."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    try:
        mod = importlib.import_module(name)
    except ImportError as exc:  # an optional dependency this install lacks
        pytest.skip(f"{name}: {exc}")
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (run: python -m doctest -v)"


def test_examples_exist():
    attempted = sum(doctest.testmod(importlib.import_module(n), report=False).attempted for n in MODULES
                    if n in ("govtext.regex_literals", "govtext.corpus.engine", "govtext.corpus.worker"))
    assert attempted >= 5
