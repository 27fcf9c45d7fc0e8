"""The goals ``make bench`` measures against, each printed next to its figure.

Issue 7: a page from the page cache at >= 0.5 of a static file's throughput
and p95 <= 50 ms (16 connections). Issue 18: through the edge cache, the
denervation page at >= 0.95 of a static file through it and p95 <= 10 ms; the
app alone, uncached, the consultation form and a treatment page at >= 150
requests/s and p95 <= 60 ms with 3 workers on 2 cores, the same with 500
treatments as with 5 (within 10 %). Figures, not a pass/fail: a shared machine
moves them.
"""

from collections.abc import Mapping
from dataclasses import dataclass

UNCACHED_RATE = 150.0
UNCACHED_P95_MS = 60.0
SIZE_TOLERANCE = 0.10
UNCACHED_GOAL_PAGES = ("consultation-de", "treatment-de-uncached")


@dataclass(frozen=True)
class Figure:
    """What one wrk run gave: requests per second and p95 latency."""

    per_second: float
    p95_ms: float


@dataclass(frozen=True)
class Goal:
    figure: str
    measured: float
    goal: str
    met: bool

    def line(self) -> str:
        verdict = "met" if self.met else "MISSED"
        return f"{self.figure:<52} {self.measured:>9.2f}  {self.goal:<12} {verdict}"


def at_least(figure: str, measured: float, goal: float, unit: str = "") -> Goal:
    return Goal(figure, measured, f">= {goal:g}{unit}", measured >= goal)


def at_most(figure: str, measured: float, goal: float, unit: str = "") -> Goal:
    return Goal(figure, measured, f"<= {goal:g}{unit}", measured <= goal)


def cached_goals(figures: Mapping[str, Figure]) -> list[Goal]:
    goals = []
    for prefix, ratio, p95 in (("", 0.5, 50.0), ("proxy:", 0.95, 10.0)):
        page, static = (
            figures.get(f"{prefix}denervation-de"),
            figures.get(f"{prefix}static-css"),
        )
        if page is None or static is None:
            continue
        goals += [
            at_least(
                f"{prefix}denervation-de / {prefix}static-css req/s",
                page.per_second / static.per_second,
                ratio,
            ),
            at_most(f"{prefix}denervation-de p95 ms", page.p95_ms, p95, " ms"),
        ]
    return goals


def uncached_goals(figures: Mapping[str, Figure], sizes: tuple[int, int]) -> list[Goal]:
    small, large = sizes
    goals = []
    for page in UNCACHED_GOAL_PAGES:
        for size in sizes:
            figure = figures.get(f"{page}@{size}")
            if figure is None:  # not measured (bench --only)
                continue
            goals += [
                at_least(f"{page}@{size} req/s", figure.per_second, UNCACHED_RATE),
                at_most(f"{page}@{size} p95 ms", figure.p95_ms, UNCACHED_P95_MS, " ms"),
            ]
        before, after = figures.get(f"{page}@{small}"), figures.get(f"{page}@{large}")
        if before is None or after is None:
            continue
        for name, ratio in (
            ("req/s", after.per_second / before.per_second),
            ("p95", after.p95_ms / before.p95_ms),
        ):
            goals.append(
                Goal(
                    f"{page} {name}, {large} / {small} treatments",
                    ratio,
                    f"1 ± {SIZE_TOLERANCE:g}",
                    abs(ratio - 1) <= SIZE_TOLERANCE,
                )
            )
    return goals


def report(figures: Mapping[str, Figure], sizes: tuple[int, int]) -> list[str]:
    """The goals table: figure, measured, goal, met or MISSED."""
    goals = cached_goals(figures) + uncached_goals(figures, sizes)
    return [
        f"{'goal (issues 7 and 18)':<52} {'measured':>9}  {'goal':<12}",
        *(goal.line() for goal in goals),
        f"{sum(goal.met for goal in goals)} of {len(goals)} goals met "
        "(indicative on a shared machine)",
    ]
