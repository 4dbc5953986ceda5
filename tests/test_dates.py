"""Date expressions: spans found by our grammar, values normalised against the publication date."""

import pytest

from alliances.documents import Document
from alliances.extract.dates import DateMention, DatesComponent, find_dates
from alliances.extract.model import Extraction
from alliances.extract.pipeline import State

PUBLISHED = "2024-11-28"


def _one(text: str, published: str | None = PUBLISHED) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    (mention,) = found
    assert text[mention.start : mention.end] == mention.text
    return mention


@pytest.mark.parametrize(
    ("sentence", "span", "value", "precision"),
    [
        ("This June, the US military proposed a plan.", "This June", "2024-06", "month"),
        ("On November 11, the National Diet of Japan met.", "November 11", "2024-11-11", "day"),
        (
            "following a statement in September by the Prime Minister",
            "September",
            "2024-09",
            "month",
        ),
        ("The strategy was issued in December 2022.", "December 2022", "2022-12", "month"),
        (
            "The ministers met on June 21, 2011, in Washington.",
            "June 21, 2011",
            "2011-06-21",
            "day",
        ),
        ("Published 12 Jan 2023 by the Marine Corps.", "12 Jan 2023", "2023-01-12", "day"),
        ("On Jan. 9, Coalition forces conducted 26 strikes.", "Jan. 9", "2024-01-09", "day"),
        ("On April 10th the leaders met.", "April 10th", "2024-04-10", "day"),
        ("Spending rose last year.", "last year", "2023", "year"),
        ("Spending will rise next year.", "next year", "2025", "year"),
        ("The exercise ended last month.", "last month", "2024-10", "month"),
        ("The talks resumed last June.", "last June", "2024-06", "month"),
        ("The drills start next June.", "next June", "2025-06", "month"),
        ("to reach 2% of GDP in the next five years", "the next five years", "2029", "year"),
        ("over the past three years", "the past three years", "2021", "year"),
        ("The pact was signed two years ago.", "two years ago", "2022", "year"),
        ("The minister spoke on Monday.", "Monday", "2024-11-25", "day"),
        ("The minister spoke yesterday.", "yesterday", "2024-11-27", "day"),
        ("The treaty was revised three days ago.", "three days ago", "2024-11-25", "day"),
        ("frequent interactions in 2023", "2023", "2023", "year"),
        ("The review is due in early 2025.", "early 2025", "2025", "year"),
        ("Time 2024-11-28 09:49:16", "2024-11-28", "2024-11-28", "day"),
    ],
)
def test_expressions_are_found_and_normalised(sentence, span, value, precision):
    mention = _one(sentence)
    assert (mention.text, mention.value, mention.precision) == (span, value, precision)


@pytest.mark.parametrize(
    ("sentence", "span", "year"),
    [
        ("the defense budget for FY 2023", "FY 2023", "2023"),
        ("by FY2027", "FY2027", "2027"),
        ("the budget for fiscal 2023", "fiscal 2023", "2023"),
        ("transition by fiscal year 2025", "fiscal year 2025", "2025"),
    ],
)
def test_fiscal_years_are_marked(sentence, span, year):
    mention = _one(sentence)
    assert (mention.text, mention.value, mention.fiscal, mention.period) == (
        span,
        year,
        True,
        f"FY{year}",
    )


def test_a_horizon_is_marked_as_a_span_of_time():
    assert _one("to reach 2% of GDP in the next five years").horizon
    assert not _one("in December 2022").horizon


def test_a_bare_month_after_publication_is_last_years():
    assert _one("The drills were held in December.").value == "2023-12"
    assert _one("On December 5 the ships sailed.").value == "2023-12-05"


def test_a_sentence_about_the_future_takes_the_next_such_month():
    assert _one("The Marines will begin moving to Guam in March.").value == "2025-03"
    assert _one("The summit is scheduled for November 30.").value == "2024-11-30"
    assert _one("Talks ended in March. The Marines will move later.").value == "2024-03"
    assert _one("The ministers will meet on Monday.").value == "2024-12-02"


def test_without_publication_date_relative_dates_use_the_preceding_explicit_year():
    text = "In December 2022 Japan planned to reach 2% of GDP in the next five years. This June"
    found = find_dates(text, None)
    assert [(d.text, d.value) for d in found] == [
        ("December 2022", "2022-12"),
        ("the next five years", "2027"),
        ("This June", "2022-06"),
    ]


def test_without_any_year_relative_dates_are_dropped():
    assert find_dates("The talks resumed last June and ended yesterday.", None) == []


@pytest.mark.parametrize(
    "text",
    [
        "They may 5 times refuse.",  # the modal verb is not a month
        "Type-12 missiles and B-29 bombers",
        "a budget of $2024 million",
        "up 2020 percent",
        "a total of 4,2019 units",
    ],
)
def test_non_dates_are_not_found(text):
    assert find_dates(text, PUBLISHED) == []


def test_component_fills_the_dates_slot():
    document = Document(text="In May 2022 the framework was launched.", published="2024-11-28")
    state = State(document=document, extraction=Extraction(document=document))
    DatesComponent()(state)
    assert [d.value for d in state.slots["dates"]] == ["2022-05"]
