"""Cleaning: raw scraped text to the report a reader sees. (Placeholder.)"""
from __future__ import annotations


def clean_text(raw: str) -> str:
    """Normalise line ends and strip trailing white space.

    >>> clean_text("一、概况\\r\\n")
    '一、概况'
    """
    return "\n".join(line.rstrip() for line in raw.replace("\r\n", "\n").split("\n")).strip()
