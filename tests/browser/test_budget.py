import pytest

from tests.browser.pages import PAGES
from tests.perf.budget import BUDGET, PageWeight
from tests.perf.lighthouse import problems_of

pytestmark = pytest.mark.browser

HOME = PAGES[0]


def report(scores: dict[str, float]) -> dict:
    """A Lighthouse report cut down to what the budget reads."""
    return {
        "categories": {
            name: {"score": score, "auditRefs": [{"id": f"{name}-audit", "weight": 1}]}
            for name, score in scores.items()
        },
        "audits": {f"{name}-audit": {"score": score} for name, score in scores.items()},
    }


def test_page_within_budget_has_no_problems():
    weight = PageWeight(HOME, status=200, html=2048, total=4096, js=0, requests=3)

    assert weight.over_budget() == []


def test_every_exceeded_budget_is_reported():
    weight = PageWeight(
        HOME,
        status=200,
        html=BUDGET["html"] + 1,
        total=BUDGET["total"] + 1,
        js=BUDGET["js"] + 1,
        third_party=["https://fonts.example/font.woff2"],
    )

    problems = weight.over_budget()

    assert [problem.split()[1] for problem in problems] == [
        "html",
        "total",
        "js",
        "third-party",
    ]


def test_lighthouse_scores_under_target_name_the_failing_audits():
    scores = {"performance": 0.9, "accessibility": 0.99, "best-practices": 1, "seo": 1}

    problems = problems_of("home-de", report(scores))

    assert problems == ["home-de: accessibility 99 < 100 (accessibility-audit)"]
