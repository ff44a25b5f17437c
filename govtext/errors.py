"""The govtext error family: every failure a user sees names the file and the cause."""
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


class ReadError(GovtextError):
    """The file cannot be read at all (missing, empty, not a file)."""


class UnsupportedFormatError(GovtextError):
    """The file's format is not one govtext reads."""


class DecodeError(GovtextError):
    """The bytes are not text in any encoding govtext knows (binary or mojibake)."""


class CorruptFileError(GovtextError):
    """A .docx/.pdf that is truncated or damaged."""


class EncryptedFileError(GovtextError):
    """A PDF protected by a password."""


class ModelError(GovtextError):
    """A classifier model folder that is missing or malformed."""
