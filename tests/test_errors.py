"""Every bad input raises a GovtextError subclass whose message names the file and the cause."""
from __future__ import annotations

import io
import pickle
import zipfile

import pytest

import govtext
from govtext import errors


def _pdf_bytes(lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 12)
    y = 800
    for line in lines:
        c.drawString(72, y, line)
        y -= 20
    c.showPage()
    c.save()
    return buf.getvalue()


def _docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("青山镇2024年工作总结")
    d.add_paragraph("一、主要成效")
    d.add_paragraph("全年新建村级便民服务站6个，受理群众诉求412件。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _raises(path, kind):
    with pytest.raises(kind) as info:
        govtext.read(path)
    err = info.value
    assert isinstance(err, govtext.GovtextError)
    assert str(path) in str(err), "the message names the file"
    assert err.cause and err.cause in str(err), "the message states the cause"
    # No dependency traceback is chained to what the user sees.
    assert err.__cause__ is None
    assert err.__suppress_context__ or err.__context__ is None
    return err


def test_missing_file(tmp_path):
    err = _raises(tmp_path / "nowhere.txt", errors.FileMissingError)
    assert "does not exist" in str(err)


def test_directory(tmp_path):
    err = _raises(tmp_path, errors.NotAFileError)
    assert "directory" in str(err)


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    err = _raises(p, errors.EmptyFileError)
    assert "empty" in str(err)


def test_whitespace_only_file(tmp_path):
    p = tmp_path / "blank.txt"
    p.write_text(" \n\u3000\n", encoding="utf-8")
    _raises(p, errors.EmptyFileError)


def test_binary_file_with_text_extension(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    err = _raises(p, errors.DecodeError)
    assert "PNG" in str(err) or "binary" in str(err)


def test_random_binary_extensionless(tmp_path):
    p = tmp_path / "blob"
    p.write_bytes(bytes(range(256)) * 8)
    _raises(p, errors.GovtextError)


def test_truncated_docx(tmp_path):
    p = tmp_path / "cut.docx"
    data = _docx_bytes()
    p.write_bytes(data[: len(data) // 2])
    err = _raises(p, errors.CorruptFileError)
    assert ".docx" in str(err)


def test_zip_that_is_not_docx(tmp_path):
    p = tmp_path / "notword.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "不是Word文档")
    p.write_bytes(buf.getvalue())
    _raises(p, errors.CorruptFileError)


def test_truncated_pdf(tmp_path):
    p = tmp_path / "cut.pdf"
    data = _pdf_bytes(["东关街道2024年工作总结", "一、主要成效"])
    p.write_bytes(data[: len(data) // 2])
    err = _raises(p, errors.CorruptFileError)
    assert "truncated" in str(err)


def test_encrypted_pdf(tmp_path):
    from pypdf import PdfWriter

    data = _pdf_bytes(["东关街道2024年工作总结", "全年新增就业1200人。"])
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt("secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    p = tmp_path / "locked.pdf"
    p.write_bytes(buf.getvalue())
    err = _raises(p, errors.EncryptedFileError)
    assert "password" in str(err)


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(50, 50, 200, 300)  # a "scan": drawing, no text
    c.showPage()
    c.save()
    p = tmp_path / "scan.pdf"
    p.write_bytes(buf.getvalue())
    err = _raises(p, errors.NoTextLayerError)
    assert "OCR" in str(err)


def test_unknown_format(tmp_path):
    p = tmp_path / "report.xyz"
    p.write_text("一、主要成效", encoding="utf-8")
    err = _raises(p, errors.UnsupportedFormatError)
    assert ".xyz" in str(err)


def test_legacy_doc(tmp_path):
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _raises(p, errors.UnsupportedFormatError)


def test_mojibake_latin1(tmp_path):
    # GBK bytes once read as Latin-1 and saved as UTF-8: the classic garbled page.
    text = "城南镇2024年工作总结。全年新建便民服务站6个，受理群众诉求412件，办结率百分之百。"
    p = tmp_path / "garbled.txt"
    p.write_text(text.encode("gbk").decode("latin-1"), encoding="utf-8")
    err = _raises(p, errors.DecodeError)
    assert "mojibake" in str(err)


def test_mojibake_utf8_read_as_gbk(tmp_path):
    text = "城南镇2024年工作总结。全年新建便民服务站6个，受理群众诉求412件，办结率百分之百。" * 3
    p = tmp_path / "garbled2.txt"
    p.write_text(text.encode("utf-8").decode("gbk", errors="ignore"), encoding="utf-8")
    _raises(p, errors.DecodeError)


def test_errors_survive_pickling():
    err = errors.CorruptFileError("a/b.pdf", "the PDF is truncated")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is errors.CorruptFileError
    assert (back.path, back.cause, str(back)) == ("a/b.pdf", "the PDF is truncated", str(err))


def test_family():
    for cls in (errors.FileMissingError, errors.NotAFileError, errors.EmptyFileError, errors.BinaryFileError,
                errors.MojibakeError, errors.CorruptFileError, errors.EncryptedFileError, errors.NoTextLayerError,
                errors.UnsupportedFormatError):
        assert issubclass(cls, govtext.GovtextError)
