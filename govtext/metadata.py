"""Metadata from the text, the file name and what the user gives. (Placeholder.)"""
from __future__ import annotations

from typing import Any

from .report import META_KEYS


def extract_meta(raw: str, text: str, path: str | None, given: dict, page_meta: dict) -> dict[str, Any]:
    """Return the metadata dict; user-given values win.

    >>> extract_meta("", "", None, {"place": "城东镇"}, {})["place"]
    '城东镇'
    """
    meta: dict[str, Any] = {k: None for k in META_KEYS}
    meta["path"] = path
    meta.update({k: v for k, v in given.items()})
    return meta
