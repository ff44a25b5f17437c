""".pdf files with a text layer, read with pypdf.

Lines that a PDF wraps at the page width are joined back into paragraphs:
a line at least as long as the document's usual full line, not ending a
sentence, continues on the next line. Encrypted files (without an empty user
password), truncated files and scans without text raise clear errors.

>>> lines = ["一、主要成效", "全年新增就业一千二百人，城镇调查失业率", "控制在百分之五以内。全镇完成地区生产", "总值二十六亿元，同比增长百分之六。", "二、主要措施", "坚持依法行政，推进法治政府建设工作，", "化解矛盾纠纷十八件。"]
>>> unwrap_lines(lines)[1:3]
['全年新增就业一千二百人，城镇调查失业率控制在百分之五以内。全镇完成地区生产总值二十六亿元，同比增长百分之六。', '二、主要措施']
"""
from __future__ import annotations

import io
import re
from typing import Any

from ..errors import CorruptFileError, EmptyFileError, EncryptedFileError, NoTextLayerError

_SENTENCE_END = tuple("。！？；：!?;:”」』）)")
_HEADING = re.compile(r"^(?:第[一二三四五六七八九十]{1,3}[部分章]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d))")
_JUNK_META = {"untitled", "anonymous", "unspecified", "unknown", "无标题", "(anonymous)", "microsoft word"}
_PAGE_NO = re.compile(r"^\s*(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$")


def unwrap_lines(lines: list[str]) -> list[str]:
    """Join lines the PDF broke at the page width back into paragraphs."""
    lengths = sorted(len(l.strip()) for l in lines if len(l.strip()) >= 8)
    if len(lengths) < 5:
        return lines  # too few lines to tell a full line from a short one
    full = lengths[int(0.8 * (len(lengths) - 1))]  # a typical full line
    threshold = max(8, int(0.85 * full))
    out: list[str] = []
    carry = False
    for line in lines:
        s = line.rstrip()
        if carry and _HEADING.match(s.lstrip(" \u3000")):
            carry = False
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
            if value and str(value).strip().lower() not in _JUNK_META:
                meta[name] = str(value).strip()
    except Exception:
        pass
    return "\n".join(unwrap_lines(lines)), frozenset(), meta
