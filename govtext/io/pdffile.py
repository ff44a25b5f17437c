""".pdf files with a text layer, read with pypdf.

Lines that a PDF wraps at the page width are joined back into paragraphs:
a line at least as long as the document's usual full line, not ending a
sentence, continues on the next line. Encrypted files (without an empty user
password), truncated files and scans without text raise clear errors.

>>> unwrap_lines(["　　全年新增就业一千二百人，城镇调查失业率", "控制在百分之五以内。", "二、主要措施"])
['　　全年新增就业一千二百人，城镇调查失业率控制在百分之五以内。', '二、主要措施']
"""
from __future__ import annotations

import io
import re
from typing import Any

from ..errors import CorruptFileError, EmptyFileError, EncryptedFileError, NoTextLayerError

_SENTENCE_END = tuple("。！？；：!?;:”」』）)")
_PAGE_NO = re.compile(r"^\s*(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$")


def unwrap_lines(lines: list[str]) -> list[str]:
    """Join lines the PDF broke at the page width back into paragraphs."""
    lengths = sorted(len(l.strip()) for l in lines if len(l.strip()) >= 8)
    if len(lengths) < 2:
        return lines
    full = lengths[int(0.8 * (len(lengths) - 1))]  # a typical full line
    threshold = max(8, int(0.85 * full))
    out: list[str] = []
    carry = False
    for line in lines:
        s = line.rstrip()
        if carry and out:
            out[-1] += s.lstrip()
        else:
            out.append(s)
        body = s.strip()
        carry = len(body) >= threshold and not body.endswith(_SENTENCE_END)
    return out


def read_pdf(data: bytes, path: object = None) -> tuple[str, frozenset[str], dict[str, Any]]:
    """Text (paragraphs joined back), no hints, and document info of a PDF."""
    from pypdf import PdfReader

    tail = data[-2048:]
    if b"%%EOF" not in tail:
        raise CorruptFileError(path, "the PDF is truncated (no end-of-file marker)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise EncryptedFileError(path, "the PDF is protected by a password; save an unprotected copy first")
        pages = list(reader.pages)
    except EncryptedFileError:
        raise
    except Exception as exc:
        msg = str(exc)
        if "crypt" in msg.lower() or "password" in msg.lower():
            raise EncryptedFileError(path, f"the PDF is encrypted and cannot be read ({msg})") from None
        raise CorruptFileError(path, f"the PDF cannot be parsed; it is truncated or damaged ({type(exc).__name__}: {msg})") from None
    if not pages:
        raise EmptyFileError(path, "the PDF has no pages")
    texts = []
    for i, page in enumerate(pages):
        try:
            texts.append(page.extract_text() or "")
        except Exception as exc:
            raise CorruptFileError(path, f"page {i + 1} of the PDF cannot be read ({type(exc).__name__}: {exc})") from None
    lines: list[str] = []
    for t in texts:
        lines.extend(l for l in t.replace("\r\n", "\n").split("\n") if not _PAGE_NO.match(l))
    if sum(len(l.strip()) for l in lines) < 10:
        raise NoTextLayerError(path, f"the PDF's {len(pages)} page(s) hold no text layer (a scan?); run OCR on it first")
    meta: dict[str, Any] = {}
    try:
        info = reader.metadata or {}
        for key, name in (("/Title", "title"), ("/Author", "author"), ("/Subject", "subject"), ("/Keywords", "keywords")):
            value = info.get(key)
            if value:
                meta[name] = str(value).strip()
    except Exception:
        pass
    return "\n".join(unwrap_lines(lines)), frozenset(), meta
