"""govtext: Chinese government reports as tidy tables.

>>> import govtext
>>> r = govtext.read(text="一、工作成效\\n全年新增就业1200人。\\n二、下一步计划\\n力争新增就业1500人。")
>>> list(r.sections.title)
['工作成效', '下一步计划']

Heavy dependencies (pandas, spaCy, scikit-learn, matplotlib) are imported only
when the feature that needs them is used (pandas with the first table), so
``import govtext`` and reading a report's text and metadata stay fast.
"""
from __future__ import annotations

from .api import read
from .errors import (
    BinaryFileError,
    CorruptFileError,
    DecodeError,
    EmptyFileError,
    EncryptedFileError,
    FileMissingError,
    GovtextError,
    ModelError,
    MojibakeError,
    NoTextLayerError,
    NotAFileError,
    ReadError,
    UnsupportedFormatError,
)
from .report import Report

__version__ = "0.1.0"

__all__ = [
    "read", "Report", "Corpus", "to_spacy",
    "GovtextError", "ReadError", "UnsupportedFormatError", "DecodeError",
    "CorruptFileError", "EncryptedFileError", "ModelError", "FileMissingError", "NotAFileError",
    "EmptyFileError", "BinaryFileError", "MojibakeError", "NoTextLayerError",
]


def __getattr__(name: str):
    # Lazy so that `import govtext` does not pay for the corpus layer or spaCy.
    if name == "Corpus":
        from .corpus import Corpus

        return Corpus
    if name == "to_spacy":
        from .notebook.spacy_doc import to_spacy

        return to_spacy
    raise AttributeError(f"module 'govtext' has no attribute {name!r}")
