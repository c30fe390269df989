"""Document readers: bytes, text or a file in, a located :class:`Document` out.

Supported media types: ``text/plain``, ``text/markdown`` and ``text/html``.  Offsets in
the returned document index into its decoded ``source`` (after a byte-order mark is
removed).  Every problem with the input raises :class:`~privmodel.errors.InputError`.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from privmodel.errors import InputError
from privmodel.parsers.document import Block, Document
from privmodel.parsers.readers.decode import decode
from privmodel.parsers.readers.html import read_html
from privmodel.parsers.readers.language import detect_language
from privmodel.parsers.readers.markdown import read_markdown
from privmodel.parsers.readers.text import read_plain

__all__ = ["detect_language", "read_bytes", "read_path", "read_text"]

TEXT, MARKDOWN, HTML = "text/plain", "text/markdown", "text/html"
_SUFFIXES = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
}
_ALIASES = {"text": TEXT, "txt": TEXT, "markdown": MARKDOWN, "md": MARKDOWN, "html": HTML}
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_LANGUAGE_SAMPLE = 20_000
_CONTROL = bytes(c for c in range(32) if chr(c) not in "\t\n\r\f\v")


def sniff_media_type(text: str) -> str:
    """Guess the media type of a text from its start (HTML) or its headings (Markdown)."""
    if _HTML_START.match(text[:4096]):
        return HTML
    if _MD_HEADING.search(text[:20_000]):
        return MARKDOWN
    return TEXT


def _media_type(media_type: str | None, path: str | None, text: str) -> str:
    if media_type is not None:
        name = media_type.split(";")[0].strip().lower()
        name = _ALIASES.get(name, name)
        if name not in (TEXT, MARKDOWN, HTML):
            raise InputError(f"unsupported media type {media_type!r}", path=path)
        return name
    if path is not None:
        found = _SUFFIXES.get(Path(path).suffix.lower())
        if found is not None:
            return found
    return sniff_media_type(text)


def _check_text(text: str, path: str | None) -> None:
    if not text or text.isspace():
        raise InputError("empty document", path=path)
    sample = text[:65_536]
    # Counted in the UTF-8 bytes, where a control character is its own single byte.
    encoded = sample.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL))
    if "\x00" in sample or controls > len(sample) // 100 + 8:
        raise InputError("binary content, not a text document", path=path)


def _parse(
    source: str, *, path: str | None, media_type: str, sha256: str, warnings: tuple[str, ...]
) -> Document:
    _check_text(source, path)
    title: str | None
    html_lang: str | None = None
    if media_type == HTML:
        blocks, title, html_lang = read_html(source)
    elif media_type == MARKDOWN:
        blocks, title = read_markdown(source)
    else:
        blocks, title = read_plain(source)
    if not blocks:
        raise InputError("no text blocks found in the document", path=path)
    return Document(
        source=source,
        blocks=blocks,
        media_type=media_type,
        language=_language(blocks, html_lang),
        path=path,
        sha256=sha256,
        title=title,
        warnings=warnings,
    )


def _language(blocks: tuple[Block, ...], hint: str | None) -> str:
    sample = "\n".join([b.text for b in blocks])[:_LANGUAGE_SAMPLE]
    if hint and len(sample.split(maxsplit=5)) < 5:  # fewer than five words to go by
        return hint
    return detect_language(sample)


def read_bytes(data: bytes, *, path: str | None = None, media_type: str | None = None) -> Document:
    """Read a document from its bytes; ``path`` is only recorded and used for messages."""
    if not data:
        raise InputError("empty document", path=path)
    try:
        source, warnings = decode(data)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"undecodable bytes ({exc.reason} at byte {exc.start})", path=path
        ) from exc
    return _parse(
        source,
        path=path,
        media_type=_media_type(media_type, path, source),
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=warnings,
    )


def read_text(text: str, *, path: str | None = None, media_type: str | None = None) -> Document:
    """Read a document from already decoded text (offsets index into ``text`` as given)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _parse(
        text,
        path=path,
        media_type=_media_type(media_type, path, text),
        sha256=digest,
        warnings=(),
    )


def read_path(path: str | os.PathLike[str]) -> Document:
    """Read a file; its media type comes from the suffix, else from its content."""
    name = os.fspath(path)
    file = Path(name)
    if not file.exists():
        raise InputError("no such file", path=name)
    if file.is_dir():
        raise InputError("is a directory, not a file", path=name)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", path=name) from exc
    return read_bytes(data, path=name)
