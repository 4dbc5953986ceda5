"""COW National Material Capabilities v7.0: state-year capabilities as quantity facts.

The file has one row per state-year (ccode, year, milex, milper, irst, pec, tpop, upop, cinc).
COW writes -9 for a missing value (some re-distributions leave the cell empty): both become a
fact with value None, never 0. Values are stored in base units: NMC counts in thousands (of US
dollars, people, tonnes), so they are multiplied by 1,000; cinc is a share and kept as is.
"""

from __future__ import annotations

from pathlib import Path

from alliances import codes
from alliances.loaders.quantities import quantity_fact
from alliances.loaders.reading import (
    LoadError,
    cell,
    check_width,
    integer,
    optional_number,
    read_table,
)
from alliances.loaders.record import Loaded, save
from alliances.store import Store

DATASET = "nmc"
CITATION = (
    'Singer, J. David, Stuart Bremer, and John Stuckey. 1972. "Capability Distribution, '
    'Uncertainty, and Major Power War, 1820-1965." In Bruce Russett (ed.), Peace, War, and '
    'Numbers, 19-48. Beverly Hills: Sage. Singer, J. David. 1987. "Reconstructing the Correlates '
    'of War Dataset on Material Capabilities of States, 1816-1985." International Interactions '
    "14: 115-132. National Material Capabilities v7.0, https://correlatesofwar.org"
)
MISSING = -9
# NMC column -> (measure, factor to base units)
COLUMNS = {
    "milex": ("milex_current_usd", 1000),
    "milper": ("milper", 1000),
    "irst": ("irst", 1000),
    "pec": ("pec", 1000),
    "tpop": ("tpop", 1000),
    "upop": ("upop", 1000),
    "cinc": ("cinc", 1),
}


def load_nmc(store: Store, path: str | Path, version: str = "7.0") -> Loaded:
    """Validate a COW NMC file and replace the 'nmc' dataset with its state-year values."""
    path = Path(path)
    header, positions, rows = read_table(path, ["ccode", "year", *COLUMNS])
    facts, seen, missing = [], {}, dict.fromkeys(COLUMNS, 0)
    for row in rows:
        check_width(path, row, [len(header)])
        ccode = cell(path, row, positions["ccode"], "ccode", integer)
        year = cell(path, row, positions["year"], "year", integer)
        if (ccode, year) in seen:
            raise LoadError(
                path, f"ccode {ccode} year {year} repeats line {seen[ccode, year]}", row.line
            )
        seen[ccode, year] = row.line
        actor = codes.actor_id(ccode, year)
        for column, (measure, factor) in COLUMNS.items():
            value = cell(path, row, positions[column], column, optional_number)
            if value == MISSING or value is None:
                missing[column] += 1
                value = None
            elif value < 0:
                raise LoadError(path, f"negative value {value} (missing is -9)", row.line, column)
            else:
                value *= factor
            facts.append(
                quantity_fact(DATASET, actor, ccode, measure, value, year, f"line {row.line}")
            )
    years = [year for _, year in seen]
    coverage = {
        "rows": len(rows),
        "states": len({ccode for ccode, _ in seen}),
        "years": [min(years), max(years)],
        "unit": "state-year",
        "missing": missing,
    }
    return save(store, DATASET, version, CITATION, str(path.resolve()), coverage, facts)
