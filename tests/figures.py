"""Figures that tests measure (inputs tried, rows stored), printed by pytest at
the end of the run under "figures" (see ``pytest_terminal_summary`` in
``tests/conftest.py``)."""

import pytest

FIGURES = pytest.StashKey[list[str]]()


def record(config: pytest.Config, line: str) -> None:
    config.stash.setdefault(FIGURES, []).append(line)
