"""Measures of an alliance system: pure functions over python-igraph graphs and plain data.

One module per family, each function documented with its formula, a reference and an example
that runs as a test:

- `structure`: hub-and-spoke measures (spoke–spoke density, Freeman centralisation, hub
  betweenness, Burt effective size, Gould–Fernandez brokerage);
- `asymmetry`: per-dyad obligation asymmetry, one-way basing, capability ratio, equality index;
- `burden`: share of GDP, burden-sharing index, Olson–Zeckhauser rank correlation;
- `cohesion`: cooperation share, mean Goldstein score and quad-class counts from events.

Unknown is kept apart from zero: a measure that cannot be computed is None, never 0.
"""

from alliances.metrics import asymmetry, burden, cohesion, structure

FAMILIES = ("structure", "asymmetry", "burden", "cohesion")

__all__ = ["FAMILIES", "asymmetry", "burden", "cohesion", "structure"]
