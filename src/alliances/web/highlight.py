"""A document's text as HTML with its spans marked: always escaped, always well nested.

Spans may nest (a quantity inside a claim) or cross (a tie that starts inside one claim and
ends in the next). Where two spans cross, the outer kind (claim, tie, event; see KINDS) is split
at the other's boundary, so the output is well-formed HTML and the inner kinds (a quantity, an
actor mention) stay whole.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup, escape

# Drawing order, outermost first, when two spans cover exactly the same characters.
KINDS = ("claim", "tie", "event", "quantity", "actor")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    ref: str  # the anchor of the fact or mention it stands for, e.g. "f12"
    title: str  # a tooltip: what was extracted


def highlight(text: str, spans: list[Span]) -> Markup:
    """`text` escaped, with each span wrapped in `<mark class="hl hl-KIND">`."""
    usable = [s for s in spans if 0 <= s.start < s.end <= len(text) and s.kind in KINDS]
    parts: list[str] = []
    position = 0
    for node in _nest(usable):
        position = _render(text, node, position, parts)
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts))


@dataclass
class _Node:
    span: Span
    first: bool  # the first piece of a span that was split: it carries the anchor id
    children: list[_Node]


def _order(span: Span) -> tuple[int, int, int]:
    return (span.start, -span.end, KINDS.index(span.kind))


def _inner(span: Span, other: Span) -> bool:
    return KINDS.index(span.kind) > KINDS.index(other.kind)


def _nest(spans: list[Span], seen: set[str] | None = None) -> list[_Node]:
    seen = set() if seen is None else seen
    pending = sorted(spans, key=_order)
    nodes = []
    while pending:
        top = pending[0]
        cuts = [s.start for s in pending[1:] if s.start < top.end < s.end and _inner(s, top)]
        if cuts:  # an inner kind crosses `top`: split `top` instead
            pieces = [replace(top, end=min(cuts)), replace(top, start=min(cuts))]
            pending = sorted(pieces + pending[1:], key=_order)
            continue
        inside, rest = [], []
        for span in pending[1:]:
            if span.start >= top.end:
                rest.append(span)
            elif span.end <= top.end:
                inside.append(span)
            else:  # crosses the end of `top`: split it there
                inside.append(replace(span, end=top.end))
                rest.append(replace(span, start=top.end))
        first = top.ref not in seen
        seen.add(top.ref)
        nodes.append(_Node(top, first, _nest(inside, seen)))
        pending = sorted(rest, key=_order)
    return nodes


def _render(text: str, node: _Node, position: int, parts: list[str]) -> int:
    span = node.span
    parts.append(str(escape(text[position : span.start])))
    anchor = f' id="{escape(span.ref)}"' if node.first else ""
    parts.append(
        f'<mark class="hl hl-{span.kind}"{anchor} data-ref="{escape(span.ref)}" '
        f'title="{escape(span.title)}">'
    )
    position = span.start
    for child in node.children:
        position = _render(text, child, position, parts)
    parts.append(str(escape(text[position : span.end])))
    parts.append("</mark>")
    return span.end
