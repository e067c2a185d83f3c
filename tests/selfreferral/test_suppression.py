"""No hidden count can be worked out from what the figures show (#15 point 5).

Hypothesis makes up quarters of referrals, each split by channel, role and area
from one set of people (as the real tables are). The published tables (cells,
quarter totals, column totals, and the first-contact count, which is the quarter's
total once a quarter has ended) are handed to an attacker: an exact integer
solver (HiGHS, through scipy) that knows every number shown, that rows and
columns add up, that counts are whole numbers and that a hidden count is at least
1. For every hidden number it finds the smallest and the largest value consistent
with all of that: they must differ."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

from selfreferral.suppression import protect, protected_tables

THRESHOLD = 5
# More than any hidden count could be, for a search that would otherwise be unbounded.
CEILING = 10_000


def people(draw):
    """One quarter's referrals: how many of each (channel, role, area), mostly few."""
    return draw(
        st.lists(st.sampled_from([0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 9, 14]), min_size=24, max_size=24)
    )


@st.composite
def quarters_of_referrals(draw):
    shape = (
        draw(st.integers(2, 4)),  # channels
        draw(st.integers(2, 3)),  # roles
        draw(st.integers(2, 4)),  # areas
    )
    joint = []
    for _ in range(draw(st.integers(1, 4))):
        counts = people(draw)
        joint.append(np.resize(np.array(counts), shape))
    tables = {
        name: [
            [int(x) for x in quarter.sum(axis=tuple(a for a in range(3) if a != axis))]
            for quarter in joint
        ]
        for axis, name in enumerate(["channel", "role", "area"])
    }
    return tables


class Publication:
    """The numbers a page shows, as unknowns and the equations that tie them."""

    def __init__(self):
        self.values = []  # the true value of each unknown
        self.shown = []  # whether the page shows it
        self.equations = []  # (unknown positions that add up, the position of their sum)

    def unknown(self, value, shown):
        self.values.append(value)
        self.shown.append(shown)
        return len(self.values) - 1

    def adds_up(self, parts, whole):
        self.equations.append((parts, whole))


def publish(tables, same=(), protect_same=True):
    """What the page and its CSVs show for these tables, as a Publication.

    `same`: cells that two tables both show (the attacker knows they are equal);
    `protect_same=False` publishes as if suppression did not know (to show the attack)."""
    published = protected_tables(tables, THRESHOLD, same=same if protect_same else ())
    page = Publication()
    names = list(tables)
    quarters = len(tables[names[0]])
    quarter_totals = []
    for quarter in range(quarters):
        total = sum(tables[names[0]][quarter])
        shown = published[names[0]]["rows"][quarter]["total"] is not None
        for name in names:  # every table shows the same total for a quarter
            assert (published[name]["rows"][quarter]["total"] is not None) == shown
        position = page.unknown(total, shown)
        quarter_totals.append(position)
        # The first-contact table: nearly everyone in an ended quarter has been judged.
        judged = page.unknown(total, shown)  # hidden with the total (and when small)
        page.adds_up([position], judged)
    positions_of = {}
    column_totals = {}
    for name in names:
        cells = []
        for quarter in range(quarters):
            row = tables[name][quarter]
            shown_cells = published[name]["rows"][quarter]["cells"]
            positions = [
                page.unknown(value, shown_value is not None)
                for value, shown_value in zip(row, shown_cells, strict=True)
            ]
            for value, shown_value in zip(row, shown_cells, strict=True):
                assert shown_value is None or shown_value == value
            page.adds_up(positions, quarter_totals[quarter])
            cells.append(positions)
        positions_of[name] = cells
        for column, shown_total in enumerate(published[name]["totals"]):
            value = sum(tables[name][quarter][column] for quarter in range(quarters))
            total = page.unknown(value, shown_total is not None)
            page.adds_up([row[column] for row in cells], total)
            column_totals[(name, column)] = total
    for (name, column), (other, other_column) in same:
        for quarter in range(quarters):
            page.adds_up(
                [positions_of[name][quarter][column]], positions_of[other][quarter][other_column]
            )
        page.adds_up([column_totals[(name, column)]], column_totals[(other, other_column)])
    return page


def worked_out(page):
    """The hidden unknowns whose value the solver pins down exactly."""
    size = len(page.values)
    rows = []
    for parts, whole in page.equations:
        row = np.zeros(size)
        for part in parts:
            row[part] += 1
        row[whole] -= 1
        rows.append(row)
    constraints = [LinearConstraint(np.array(rows), 0, 0)] if rows else []
    upper = np.array([v if s else CEILING for v, s in zip(page.values, page.shown, strict=True)])
    # Zero is always shown, so a hidden count is at least 1 (the attacker knows the rule).
    lower = np.array(
        [v if s else 1 for v, s in zip(page.values, page.shown, strict=True)], dtype=float
    )
    bounds = Bounds(lower, upper)
    integrality = np.ones(size)
    pinned = []
    for position, shown in enumerate(page.shown):
        if shown:
            continue
        objective = np.zeros(size)
        objective[position] = 1
        low = milp(objective, constraints=constraints, bounds=bounds, integrality=integrality)
        high = milp(-objective, constraints=constraints, bounds=bounds, integrality=integrality)
        assert low.success and high.success, "the true figures must be one answer"
        if round(low.fun) == round(-high.fun):
            pinned.append((position, page.values[position]))
    return pinned


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quarters_of_referrals())
def test_no_hidden_count_can_be_worked_out_from_the_page_and_its_csvs(tables):
    page = publish(tables)
    assert worked_out(page) == []


@settings(max_examples=120, deadline=None)
@given(quarters_of_referrals())
def test_every_small_count_is_hidden_and_zero_is_shown(tables):
    published = protected_tables(tables, THRESHOLD)
    for name, quarters in tables.items():
        for row, shown in zip(quarters, published[name]["rows"], strict=True):
            for value, shown_value in zip(row, shown["cells"], strict=True):
                if 0 < value < THRESHOLD:
                    assert shown_value is None
                if value == 0:
                    assert shown_value == 0
            total = sum(row)
            if 0 < total < THRESHOLD:
                assert shown["total"] is None


@given(quarters_of_referrals(), st.integers(1, 3))
@settings(max_examples=60, deadline=None)
def test_a_quarter_is_hidden_the_same_way_on_every_page_that_shows_it(tables, first):
    """The progress page (all quarters) and a yearly update (some of them) hide the same
    counts in the quarters they share, so putting them side by side gives nothing away."""
    every = protected_tables(tables, THRESHOLD)
    some = protected_tables({name: rows[first:] for name, rows in tables.items()}, THRESHOLD)
    for name in tables:
        assert every[name]["rows"][first:] == some[name]["rows"]


def test_the_issues_example_an_area_with_four_referrals_stays_hidden():
    """An area with 4 referrals in a quarter, beside areas of 30, 20 and 10: the total
    (64) less the others gave the 4 back. Now a second count is hidden with it."""
    rows = [[30, 20, 4, 10]]
    (hidden,), total_hidden = protect(rows, 64, THRESHOLD)
    assert hidden == {2, 3} and not total_hidden  # the 4, and the smallest other count
    # Two small counts of 1 in a row could only be 1 and 1: a larger one is hidden too.
    (hidden,), _ = protect([[1, 1, 7, 9]], 18, THRESHOLD)
    assert hidden == {0, 1, 2}


@pytest.mark.parametrize(
    "rows",
    [
        [[1, 1, 1, 1, 1]],  # five ones: the total of 5 would give them all away
        [[3, 0, 0], [0, 3, 0]],  # a small quarter
        [[1, 1, 1, 1, 1], [5, 0]],  # then the other table must hide its 5 as well
    ],
)
def test_when_a_row_has_nothing_left_to_hide_the_total_is_hidden(rows):
    hidden, total_hidden = protect(rows, sum(rows[0]), THRESHOLD)
    assert total_hidden
    assert all(row_hidden for row_hidden, row in zip(hidden, rows, strict=True) if any(row))
    page = publish({f"t{i}": [row] for i, row in enumerate(rows)})
    assert worked_out(page) == []


def test_the_attacker_finds_what_cell_suppression_alone_gives_away():
    """The attacker is not toothless: with only the small counts hidden, it works them out."""
    page = Publication()
    total = page.unknown(64, True)
    cells = [page.unknown(v, v >= THRESHOLD) for v in (30, 20, 4, 10)]
    page.adds_up(cells, total)
    assert worked_out(page) == [(cells[2], 4)]
    ones = Publication()
    total = ones.unknown(18, True)
    cells = [ones.unknown(v, v >= THRESHOLD) for v in (1, 1, 7, 9)]
    ones.adds_up(cells, total)
    assert sorted(value for _, value in worked_out(ones)) == [1, 1]


# What came of referrals: one table by outcome, and the share completed beside it.


@st.composite
def quarters_of_outcomes(draw):
    return [
        draw(st.lists(st.sampled_from([0, 0, 1, 1, 2, 3, 4, 5, 6, 9, 14]), min_size=8, max_size=8))
        for _ in range(draw(st.integers(1, 4)))
    ]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quarters_of_outcomes())
def test_no_hidden_outcome_count_can_be_worked_out_even_with_the_share_completed(table):
    from selfreferral.figures import _completed_share
    from selfreferral.models import COMPLETED_OUTCOMES, Outcome

    page = publish({"outcome": table})
    published = protected_tables({"outcome": table}, THRESHOLD)["outcome"]
    completed = {i for i, (key, _) in enumerate(Outcome.choices) if key in COMPLETED_OUTCOMES}
    # The attacker is given the completed count itself wherever the share is shown
    # (stronger than a rounded percentage).
    first_cell = len(page.values) - sum(len(row) for row in table) - len(table[0])
    for quarter, (row, shown) in enumerate(zip(table, published["rows"], strict=True)):
        share = _completed_share(shown["cells"], shown["total"], completed)
        positions = [first_cell + quarter * len(row) + i for i in sorted(completed)]
        if share is not None:
            page.adds_up(positions, page.unknown(sum(row[i] for i in completed), True))
    assert worked_out(page) == []


# Referrals by route: the route "someone else" is the role "someone else" (one count in
# two tables); the other routes split the rest by channel.

CHANNELS = ["web", "kiosk", "paper", "phone", "professional"]
ROLES = ["someone-else", "harmed", "caused"]


@st.composite
def quarters_by_route(draw):
    """Quarters of referrals by (channel, role, area), published as the figures do:
    by route (from channel and role), by role and by area."""
    from selfreferral.figures import ROUTES, route_of

    areas = draw(st.integers(2, 3))
    routes = [key for key, _ in ROUTES]
    tables = {"route": [], "role": [], "area": []}
    for _ in range(draw(st.integers(1, 3))):
        counts = draw(
            st.lists(
                st.sampled_from([0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 7, 12]),
                min_size=len(CHANNELS) * len(ROLES) * areas,
                max_size=len(CHANNELS) * len(ROLES) * areas,
            )
        )
        joint = np.array(counts).reshape(len(CHANNELS), len(ROLES), areas)
        # Professionals give the role of the person they refer, never "someone else".
        joint[CHANNELS.index("professional"), ROLES.index("someone-else"), :] = 0
        route_row = [0] * len(routes)
        for c, channel in enumerate(CHANNELS):
            for r, role in enumerate(ROLES):
                route_row[routes.index(route_of(channel, role))] += int(joint[c, r, :].sum())
        tables["route"].append(route_row)
        tables["role"].append([int(x) for x in joint.sum(axis=(0, 2))])
        tables["area"].append([int(x) for x in joint.sum(axis=(0, 1))])
    return tables


def _same_cells():
    from selfreferral.figures import ROUTE_SOMEONE_ELSE, ROUTES

    route = [key for key, _ in ROUTES].index(ROUTE_SOMEONE_ELSE)
    return [(("route", route), ("role", ROLES.index("someone-else")))]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quarters_by_route())
def test_no_hidden_count_can_be_worked_out_from_routes_beside_roles(tables):
    """The attacker also knows that the route and the role "someone else" are one count."""
    assert worked_out(publish(tables, _same_cells())) == []


def test_a_count_shown_in_one_table_would_pin_its_equal_hidden_in_another():
    """Without the rule, the route table shows the 7 that the role table hides to protect
    a 2, and the attacker gets both back; with it, both stay hidden."""
    tables = {"route": [[20, 7, 0, 2, 3, 0]], "role": [[7, 2, 23]]}
    same = _same_cells()
    pinned = {value for _, value in worked_out(publish(tables, same, protect_same=False))}
    assert pinned == {2, 7}
    assert worked_out(publish(tables, same)) == []
    published = protected_tables(tables, THRESHOLD, same=same)
    assert published["route"]["rows"][0]["cells"][1] is None


def test_the_figures_say_which_cells_two_tables_share():
    from selfreferral.figures import _labels, _shared_cells

    labels = {name: _labels(name) for name in ("route", "role")}
    [((route, route_column), (role, role_column))] = _shared_cells(labels)
    assert labels[route][route_column][1] == "Someone else, for them"
    assert labels[role][role_column][0] == "someone-else"


# Satisfaction: four questions, each a table of the same answers, and a share beside each.


@st.composite
def quarters_of_answers(draw):
    from selfreferral.figures import SATISFACTION_QUESTIONS

    quarters = draw(st.integers(1, 3))
    answers = st.sampled_from([0, 0, 1, 1, 2, 3, 4, 5, 8])
    tables = {}
    totals = [None] * quarters
    for name, (_field, choices, _counted) in SATISFACTION_QUESTIONS.items():
        rows = []
        for quarter in range(quarters):
            row = draw(st.lists(answers, min_size=len(choices), max_size=len(choices)))
            if totals[quarter] is None:
                totals[quarter] = sum(row)
            # Every question counts the same answers: put the difference in the last cell
            # it fits in, or start again from the first table's total.
            difference = totals[quarter] - sum(row)
            if difference >= 0:
                row[-1] += difference
            else:
                row = [totals[quarter]] + [0] * (len(choices) - 1)
            rows.append(row)
        tables[name] = rows
    return tables


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quarters_of_answers())
def test_no_hidden_answer_count_can_be_worked_out_even_with_the_shares(tables):
    from selfreferral.figures import SATISFACTION_QUESTIONS, _completed_share

    page = publish(tables)
    published = protected_tables(tables, THRESHOLD)
    quarters = len(tables["satisfied"])
    # The cells are numbered table by table after the quarter totals (2 per quarter).
    first_cell = 2 * quarters
    for name, (_field, choices, chosen) in SATISFACTION_QUESTIONS.items():
        counted = {i for i, choice in enumerate(choices) if choice in chosen}
        for quarter, (row, shown) in enumerate(
            zip(tables[name], published[name]["rows"], strict=True)
        ):
            share = _completed_share(shown["cells"], shown["total"], counted)
            positions = [first_cell + quarter * len(row) + i for i in sorted(counted)]
            if share is not None:
                # Given the count itself, stronger than a rounded percentage.
                page.adds_up(positions, page.unknown(sum(row[i] for i in counted), True))
        first_cell += quarters * len(choices) + len(choices)  # the cells, then column totals
    assert worked_out(page) == []
