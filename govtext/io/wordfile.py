""".docx files: paragraphs and table rows in document order, bold/heading hints, core properties.

A paragraph is a hint when its style is a heading style (Heading n, 标题 n,
Title) or when it opens with bold runs; the hint is the paragraph's text
(heading style or all bold) or its leading bold text. Table rows become one
line each, cells joined by a space (merged cells counted once).

>>> import io, docx
>>> d = docx.Document(); _ = d.add_paragraph("城南镇2023年工作总结")
>>> p = d.add_paragraph(); r = p.add_run("（一）抓党建。"); r.bold = True; _ = p.add_run("全年开展学习12次。")
>>> buf = io.BytesIO(); d.save(buf)
>>> raw, hints, meta = read_docx(io.BytesIO(buf.getvalue()), "x.docx")
>>> raw.splitlines()[1], sorted(hints)
('（一）抓党建。全年开展学习12次。', ['（一）抓党建。'])
"""
from __future__ import annotations

import re
from typing import Any

from ..errors import CorruptFileError, EncryptedFileError

_HEADING_STYLE = re.compile(r"^(heading|标题|title)\s*\d*$", re.I)


def _run_bold(run, para_style_bold: bool) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    try:
        if run.style is not None and run.style.font.bold:
            return True
    except Exception:  # styles missing from a damaged package: treat as not bold
        pass
    return para_style_bold


def _paragraph(par) -> tuple[str, str | None]:
    text = par.text
    hint = None
    style_name = ""
    style_bold = False
    try:
        style = par.style
        style_name = (style.name or "") if style is not None else ""
        style_bold = bool(style is not None and style.font.bold)
    except Exception:
        pass
    stripped = text.strip(" \u3000\xa0\t")
    if not stripped:
        return text, None
    if _HEADING_STYLE.match(style_name.strip()):
        return text, stripped
    lead = []
    runs = [r for r in par.runs if r.text]
    for run in runs:
        if not run.text.strip(" \u3000\xa0\t"):
            if lead:
                lead.append(run.text)
            continue
        if _run_bold(run, style_bold):
            lead.append(run.text)
        else:
            break
    if lead:
        lead_text = "".join(lead).strip(" \u3000\xa0\t")
        if len(lead_text) >= 2:
            hint = lead_text
    return text, hint


def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells = []
        last = None
        for cell in row.cells:
            if last is not None and cell._tc is last:
                continue  # a merged cell repeats across the columns it spans
            last = cell._tc
            t = " ".join(cell.text.split())
            if t:
                cells.append(t)
        if cells:
            rows.append(" ".join(cells))
    return rows


def read_docx(source, path: object = None) -> tuple[str, frozenset[str], dict[str, Any]]:
    """Text (one paragraph or table row per line), hints and core properties of a .docx."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(source)
    except Exception as exc:
        head = b""
        try:
            if hasattr(source, "read"):
                source.seek(0)
                head = source.read(8)
            else:
                with open(source, "rb") as f:
                    head = f.read(8)
        except OSError:
            pass
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise EncryptedFileError(path, "it is a password-protected or legacy Word file (OLE container), not a plain .docx") from None
        raise CorruptFileError(path, f"the .docx cannot be opened; it is truncated or damaged ({type(exc).__name__}: {exc})") from None
    lines: list[str] = []
    hints: set[str] = set()
    try:
        body = document.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                text, hint = _paragraph(Paragraph(child, document))
                lines.append(text)
                if hint:
                    hints.add(hint)
            elif tag == "tbl":
                lines.extend(_table_rows(Table(child, document)))
    except Exception as exc:
        raise CorruptFileError(path, f"the .docx body cannot be read ({type(exc).__name__}: {exc})") from None
    meta: dict[str, Any] = {}
    try:
        cp = document.core_properties
        for key, value in (("title", cp.title), ("author", cp.author), ("subject", cp.subject),
                           ("keywords", cp.keywords), ("created", cp.created), ("modified", cp.modified)):
            if value:
                meta[key] = value.isoformat()[:19] if hasattr(value, "isoformat") else str(value).strip()
    except Exception:
        pass
    return "\n".join(lines), frozenset(hints), meta
