"""Notebook helpers: HTML displays, highlighted text, spaCy export, plots, CJK fonts.

Nothing heavy is imported here: spaCy and matplotlib load only when
:mod:`govtext.notebook.spacy_doc` or :mod:`govtext.notebook.plots` is used.

>>> import govtext
>>> r = govtext.read(text="一、主要成效\\n全年化解矛盾纠纷18件。")
>>> html = r._repr_html_()          # what Jupyter shows for a Report
>>> h = r.highlight()               # the text with marks, as an HTML object
"""
