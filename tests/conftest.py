"""Shared fixtures. Tests that need ../shared skip cleanly when it is absent."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"


def shared_available() -> bool:
    return (SHARED / "corpora").is_dir()


needs_shared = pytest.mark.skipif(not shared_available(), reason="../shared is not present")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not shared_available():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    return CORPORA


def shared_manifest_rows() -> list[dict]:
    """Every row of every manifest under ../shared/corpora, with `path` added."""
    rows = []
    if not shared_available():
        return rows
    for man in sorted((SHARED / "corpora").glob("*/manifest.csv")):
        with man.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                row["path"] = str(man.parent / row["file"])
                rows.append(row)
    return rows
