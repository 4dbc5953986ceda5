"""`alliances metrics`: yearly series of a metric family for a hub, with their sources."""

from __future__ import annotations

import click

from alliances.cli.context import db_option, open_db, user_errors
from alliances.cli.output import emit, format_option
from alliances.system.model import LAYERS, SECURITY_LAYERS
from alliances.system.series import FAMILIES

COLUMNS = {
    "structure": [
        "year",
        "layer",
        "spokes",
        "ties",
        "spoke_density",
        "degree_centralization",
        "hub_betweenness",
        "hub_effective_size",
        "bonding_node",
        "sources",
    ],
    "asymmetry": [
        "year",
        "spoke",
        "allied",
        "obligation_asymmetry",
        "asymmetry_flagged",
        "only_hub",
        "one_way_basing",
        "capability_ratio",
        "equality_index",
        "sources",
    ],
    "burden": [
        "year",
        "actor",
        "milex_usd",
        "gdp_usd",
        "share_of_gdp",
        "burden_sharing_index",
        "olson_zeckhauser",
        "sources",
    ],
    "cohesion": [
        "year",
        "events",
        "cooperation_share",
        "mean_goldstein",
        "verbal_cooperation",
        "material_cooperation",
        "verbal_conflict",
        "material_conflict",
        "sources",
    ],
}


def _codes(value: str | None) -> list[str] | None:
    return [c.strip() for c in value.split(",") if c.strip()] if value else None


@click.command()
@click.option("--hub", required=True, help="the hub state (ISO3), e.g. USA")
@click.option("--region", default=None, help="indo-pacific, europe, transatlantic")
@click.option("--from", "first", type=int, default=1946, show_default=True)
@click.option("--to", "last", type=int, default=2026, show_default=True)
@click.option("--family", type=click.Choice(FAMILIES), default="structure", show_default=True)
@click.option("--spokes", default=None, help="comma-separated ISO3 spokes (default: region's)")
@click.option(
    "--layer",
    "layers",
    multiple=True,
    type=click.Choice(LAYERS[:-1]),
    help=f"tie layers to measure (repeat; default: {', '.join(SECURITY_LAYERS)})",
)
@click.option(
    "--obligation",
    "obligations",
    multiple=True,
    type=click.Choice(["defense", "offense", "neutrality", "nonaggression", "consultation"]),
    help="keep only ties carrying this obligation (repeat), e.g. defense",
)
@click.option(
    "--capability",
    type=click.Choice(["cinc", "spending"]),
    default="cinc",
    show_default=True,
    help="asymmetry: compare COW CINC scores or military spending",
)
@click.option("--no-reference", is_flag=True, help="leave the bundled reference out")
@db_option
@format_option("table", "csv", "json")
@user_errors
def metrics(
    hub, region, first, last, family, spokes, layers, obligations, capability, no_reference, fmt
):
    """Yearly series of one metric family for a hub; each row lists the sources it rests on."""
    with open_db() as db:
        rows = db.metrics(
            family,
            hub,
            region=region,
            first=first,
            last=last,
            spokes=_codes(spokes),
            layers=layers or SECURITY_LAYERS,
            obligations=obligations or None,
            reference=not no_reference,
            capability=capability,
        )
    if fmt != "json":  # one cell per value: {"JPN": 5, "AUS": 0} -> "JPN=5 AUS=0"
        rows = [{k: _flat(v) for k, v in row.items()} for row in rows]
    emit(rows, fmt, COLUMNS[family] if fmt == "table" else None)


def _flat(value):
    if isinstance(value, dict):
        return " ".join(f"{k}={'' if v is None else v}" for k, v in value.items())
    return value


COMMANDS = [metrics]
