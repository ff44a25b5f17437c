"""Loading: bytes on disk to raw text plus structure hints (bold/heading paragraphs).

``load(path)`` picks the reader by extension (.txt .md .html .htm .docx
.pdf) and, for files without an extension or with one govtext does not know,
by content (PDF/ZIP magic bytes, HTML tags, text). Every failure is a
:class:`govtext.GovtextError` subclass that names the file and the cause.

>>> from govtext.io import Loaded
>>> Loaded(raw="一、概况", hints=frozenset(), page_meta={}, path=None).raw
'一、概况'
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import (
    EmptyFileError,
    FileMissingError,
    GovtextError,
    NotAFileError,
    ReadError,
    UnsupportedFormatError,
)

TEXT_EXTS = (".txt", ".md", ".text", ".markdown")
HTML_EXTS = (".html", ".htm", ".shtml", ".xhtml")
DOCX_EXTS = (".docx",)
PDF_EXTS = (".pdf",)
KNOWN_EXTS = TEXT_EXTS + HTML_EXTS + DOCX_EXTS + PDF_EXTS

# Formats recognised by their first bytes, reported by name when unsupported.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC_NAMES = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)


@dataclass(frozen=True)
class Loaded:
    """What a reader hands to cleaning.

    raw: the text as the file holds it (decoded, markup removed, residue kept).
    hints: paragraphs the source marked as bold or heading (stripped text): a whole
        paragraph when all of it is bold/heading-styled, else its leading bold run
        (e.g. "（一）抓党建。" of "（一）抓党建。全年开展学习12次。").
    page_meta: metadata the container states (HTML <meta>, .docx core props), with
        normalised keys: title, publish_date, source, author, description, keywords, …
    path: the file's path as a string, or None for text given directly.
    """

    raw: str
    hints: frozenset = field(default_factory=frozenset)
    page_meta: dict[str, Any] = field(default_factory=dict)
    path: str | None = None


def sniff(data: bytes) -> str | None:
    """The format the bytes are in: 'pdf', 'docx', 'html', 'text', or None for unknown binary.

    >>> sniff(b"%PDF-1.4 ..."), sniff("<html><body>一</body></html>".encode()), sniff("一、概况".encode())
    ('pdf', 'html', 'text')
    """
    head = data[:4096]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:200000] else None
    if head.startswith(_OLE):
        return None
    low = head.lower()
    stripped = low.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")) or (b"<body" in low and b"</" in low) or (b"<p" in low and b"</p>" in low):
        return "html"
    for magic, _ in _MAGIC_NAMES:
        if head.startswith(magic):
            return None
    return "text"


def _describe_binary(data: bytes) -> str:
    if data.startswith(_OLE):
        return "a legacy Office file (.doc/.xls/.ppt) or a password-protected Office file; save it as .docx"
    if data.startswith(b"PK\x03\x04"):
        return "a ZIP archive (not a Word .docx)"
    for magic, name in _MAGIC_NAMES:
        if data.startswith(magic):
            return name
    return "binary data in an unknown format"


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise FileMissingError(path, "the file does not exist")
    if path.is_dir():
        raise NotAFileError(path, "it is a directory, not a file (use govtext.Corpus.from_dir for folders)")
    if not path.is_file():
        raise NotAFileError(path, "it is not a regular file")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as exc:
        raise ReadError(path, f"the file cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise EmptyFileError(path, "the file is empty (0 bytes)")
    return data


def _dispatch(kind: str, data: bytes, path: Path) -> tuple[str, frozenset, dict]:
    if kind == "text":
        from .decode import decode_bytes

        return decode_bytes(data, path), frozenset(), {}
    if kind == "html":
        from .decode import decode_bytes
        from .htmlpage import declared_charset, read_html_text

        html = decode_bytes(data, path, hint=declared_charset(data))
        try:
            return read_html_text(html)
        except GovtextError:
            raise
        except Exception as exc:  # parser failure on a malformed page
            from ..errors import CorruptFileError

            raise CorruptFileError(path, f"the HTML page cannot be parsed ({type(exc).__name__}: {exc})") from None
    if kind == "docx":
        import io

        from .wordfile import read_docx

        return read_docx(io.BytesIO(data), path)
    if kind == "pdf":
        from .pdffile import read_pdf

        return read_pdf(data, path)
    raise UnsupportedFormatError(path, f"govtext cannot read {kind} files")


def load(path: str | os.PathLike) -> Loaded:
    """Read one file into a :class:`Loaded` (raw text, hints, page metadata, path).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
    >>> _ = p.write_bytes("城东镇2023年度法治政府建设情况报告".encode("gbk"))
    >>> load(p).raw
    '城东镇2023年度法治政府建设情况报告'
    """
    path = Path(path)
    data = _read_bytes(path)
    ext = path.suffix.lower()
    kind = sniff(data)
    if ext in PDF_EXTS or ext in DOCX_EXTS:
        want = "pdf" if ext in PDF_EXTS else "docx"
        if kind not in (want, None) and kind in ("pdf", "docx"):
            want = kind  # wrong extension: trust the bytes
        elif kind is None and data.startswith(_OLE) and want == "docx":
            pass  # read_docx reports legacy/encrypted Office files
        raw, hints, meta = _dispatch(want, data, path)
    elif ext in HTML_EXTS:
        raw, hints, meta = _dispatch(kind if kind in ("pdf", "docx") else "html", data, path)
    elif ext in TEXT_EXTS:
        if kind in ("pdf", "docx"):
            raw, hints, meta = _dispatch(kind, data, path)
        elif kind is None:
            from ..errors import BinaryFileError

            raise BinaryFileError(path, f"it has a text extension but holds {_describe_binary(data)}")
        elif kind == "html" and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower().startswith((b"<!doctype html", b"<html")):
            raw, hints, meta = _dispatch("html", data, path)
        else:
            raw, hints, meta = _dispatch("text", data, path)
    elif ext == "":
        if kind is None:
            raise UnsupportedFormatError(path, f"it has no extension and holds {_describe_binary(data)}")
        raw, hints, meta = _dispatch(kind, data, path)
    else:
        if kind in ("pdf", "docx"):
            raw, hints, meta = _dispatch(kind, data, path)
        else:
            raise UnsupportedFormatError(
                path, f"govtext cannot read {ext} files (it reads {', '.join(KNOWN_EXTS)})")
    if not raw.strip():
        raise EmptyFileError(path, "the file holds no text once read")
    return Loaded(raw=raw, hints=frozenset(hints), page_meta=dict(meta), path=str(path))
