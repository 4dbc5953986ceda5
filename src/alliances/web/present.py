"""How facts read on a page: one line per fact, numbers people can read, actor names."""

from __future__ import annotations

from alliances.facts import Fact

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def anchor(fact: Fact) -> str:
    """A stable anchor for a fact (from its fingerprint), used in ids and links."""
    return f"f-{fact.fingerprint[:12]}"


def amount(value: float | None, unit: str | None = None) -> str:
    """5.4e12, 'JPY' -> 'JPY 5.4 trillion'; 26, '%' -> '26%'; 3000, 'troops' -> '3,000 troops'."""
    if value is None:
        return "?"
    if unit in ("%", "percent"):
        return f"{value:g}%"
    text = f"{value:,.0f}" if float(value).is_integer() and abs(value) < 1e6 else f"{value:g}"
    for scale, word in _SCALES:
        if abs(value) >= scale:
            text = f"{value / scale:.3g} {word}"
            break
    if not unit:
        return text
    return f"{unit} {text}" if unit.isupper() and len(unit) == 3 else f"{text} {unit}"


def describe(fact: Fact, name=lambda actor_id: actor_id) -> str:
    """One line saying what a fact asserts; `name` maps actor ids to names."""
    a = fact.arguments
    if fact.kind == "quantity":
        unit = "%" if a.get("kind") in ("percent", "percent_gdp") else a.get("unit")
        parts = [amount(a.get("value"), unit)]
        if a.get("kind") == "percent_gdp":
            parts.append("of GDP")
        context = [str(x).replace("_", " ") for x in (a.get("measure"), a.get("period")) if x]
        if context:
            parts.append(f"({', '.join(context)})")
        who = f"{name(a['actor'])}: " if a.get("actor") else ""
        return who + " ".join(parts)
    if fact.kind == "claim":
        speaker = name(a["speaker"]) if a.get("speaker") else "unattributed"
        return f"{speaker} {a.get('cue') or 'says'}: {fact.span_text or ''}".strip()
    if fact.kind == "tie":
        members = ", ".join(name(m) for m in a.get("members") or [])
        return f"{a.get('kind', 'tie')} {a.get('name') or ''} ({members})".replace("  ", " ")
    source = name(a["source"]) if a.get("source") else "?"
    target = name(a["target"]) if a.get("target") else "?"
    negated = "not " if a.get("negated") else ""
    return f"{source} {negated}{a.get('type', 'EVENT')} {target}"


def fact_actors(fact: Fact) -> set[str]:
    """The actor ids a fact is about (its speaker, members, source and target, or owner)."""
    a = fact.arguments
    found = {a.get(k) for k in ("actor", "speaker", "source", "target")}
    found.update(a.get("members") or [])
    found.discard(None)
    return found


def fact_row(fact: Fact, name=lambda actor_id: actor_id) -> dict:
    """A fact as plain data for a JSON twin or a table row."""
    document = fact.document_id.removeprefix("sha256:") if fact.document_id else None
    return {
        "id": anchor(fact),
        "kind": fact.kind,
        "summary": describe(fact, name),
        "arguments": fact.arguments,
        "valid_from": fact.valid_from,
        "valid_to": fact.valid_to,
        "text": fact.span_text,
        "document": document,
        "start": fact.start,
        "end": fact.end,
        "dataset": fact.dataset,
        "dataset_row": fact.dataset_row,
        "producer": fact.producer,
        "confidence": fact.confidence,
    }
