"""HTML to text with the standard library (no network); trafilatura when the [html] extra is in.

Block elements become line breaks, script/style/nav/footer are dropped, and the page's title,
author, publisher and date come from <title> and <meta> tags.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form"}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "figcaption",
}
_META_FIELDS = {
    "author": "author",
    "article:author": "author",
    "og:site_name": "publisher",
    "article:published_time": "date",
    "date": "date",
    "dc.date": "date",
    "og:title": "title",
    "og:url": "url",
}


@dataclass
class HtmlText:
    text: str
    meta: dict[str, str]


def html_to_text(markup: str) -> HtmlText:
    """The visible text of a page, one block a line, and its metadata."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    text = _extract_with_trafilatura(markup) or parser.text()
    return HtmlText(text=text, meta=parser.meta)


def _extract_with_trafilatura(markup: str) -> str | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura.extract(markup, include_comments=False, include_tables=False)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip_depth = 0
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            self._read_meta(dict(attrs))
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag == "title":
            self._in_title = False
            self.meta.setdefault("title", " ".join("".join(self._title).split()))
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skip_depth:
            self.parts.append(data)

    def _read_meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        value = attrs.get("content")
        if key in _META_FIELDS and value:
            self.meta.setdefault(_META_FIELDS[key], html.unescape(value).strip())

    def text(self) -> str:
        lines = (
            re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(self.parts).split("\n")
        )
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
