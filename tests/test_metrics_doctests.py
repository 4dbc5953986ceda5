"""The examples in the metrics and system docstrings run as tests."""

from __future__ import annotations

import doctest

import pytest

from alliances.metrics import asymmetry, burden, cohesion, structure
from alliances.system import export, model, regions


@pytest.mark.parametrize("module", [structure, asymmetry, burden, cohesion, model, regions, export])
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{module.__name__} has no examples"
    assert result.failed == 0
