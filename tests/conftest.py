"""Shared fixtures: the ../shared folder (skipped with a reason when absent) and fresh stores."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips the calling test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (not present beside the project)")
    return path


@pytest.fixture
def shared():
    """Call as shared('seeds') or shared('data', 'atop_5_1'): the path, or a skip."""
    return shared_path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"
