"""Reading policy documents: readers, shared extractors, lexicons and the parsers.

``privmodel.parse`` is the entry point; :mod:`privmodel.parsers.registry` chooses the
parser, :mod:`privmodel.parsers.readers` turns bytes into a located Document.
"""
