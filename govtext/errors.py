"""The govtext error family: every failure a user sees names the file and the cause.

Readers wrap every exception a dependency raises (pypdf, python-docx, lxml,
codecs) into one of these, so a user never sees a bare third-party traceback.

>>> try:
...     raise EmptyFileError("report.txt", "the file is empty")
... except GovtextError as e:
...     print(e)
report.txt: the file is empty
"""
from __future__ import annotations


class GovtextError(Exception):
    """Base class of every error govtext raises on purpose.

    >>> try:
    ...     raise ReadError("report.txt", "the file is empty")
    ... except GovtextError as e:
    ...     print(e)
    report.txt: the file is empty
    """

    def __init__(self, path: object = None, cause: str = "") -> None:
        self.path = None if path is None else str(path)
        self.cause = cause
        super().__init__(f"{self.path}: {cause}" if self.path else cause)

    def __reduce__(self):
        # Keep (path, cause) when the error crosses a process boundary (Corpus workers).
        return (type(self), (self.path, self.cause))


class ReadError(GovtextError):
    """The file cannot be read at all (missing, empty, not a file)."""


class FileMissingError(ReadError):
    """The path does not exist."""


class NotAFileError(ReadError):
    """The path is a directory or another non-regular file."""


class EmptyFileError(ReadError):
    """The file holds no bytes, or no text once decoded/extracted."""


class UnsupportedFormatError(GovtextError):
    """The file's format is not one govtext reads."""


class DecodeError(GovtextError):
    """The bytes are not text in any encoding govtext knows (binary or mojibake)."""


class BinaryFileError(DecodeError):
    """The file holds binary data, not text."""


class MojibakeError(DecodeError):
    """The text decodes, but into garbled characters (a wrong encoding was applied before)."""


class CorruptFileError(GovtextError):
    """A .docx/.pdf that is truncated or damaged."""


class EncryptedFileError(GovtextError):
    """A PDF (or Office file) protected by a password."""


class NoTextLayerError(GovtextError):
    """A PDF whose pages hold no extractable text (a scan without OCR)."""


class ModelError(GovtextError):
    """A classifier model folder that is missing or malformed."""
