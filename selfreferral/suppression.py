"""Small-number suppression for the published figures: which counts to hide so that
nobody can be picked out of a small group, and none of the hidden counts can be
worked out from the ones shown.

Primary suppression hides every count from 1 to `threshold - 1` (zero is shown:
"nobody" identifies nobody). On its own that is not enough: a row's total minus
the counts shown gives back the one that is hidden. So, for each quarter,
complementary suppression hides more until none of the hidden counts can be
worked out exactly by someone who knows:

- every count shown, and that each table's row adds up to the quarter's total
  (the three tables of a quarter count the same referrals);
- that counts are whole numbers, and that a hidden count is at least 1 (zero is
  never hidden); hidden counts all carry the same mark, so nobody can tell a
  small one from one hidden to protect it.

The rules, for one quarter:

- the total is shown: each row hides no count, or at least two whose sum is at
  least one more than how many they are (so each could be at least two values:
  two hidden counts of 1 and 1 in a row would give themselves away);
- the total is hidden (it is small, or a row had nothing left to hide): every
  row hides at least one count (a row shown whole would give the total back).

More is hidden, smallest count first, until the rules hold.

Tables may overlap in one way: a count that two tables both show (the route
"someone else" is the role "someone else"). Such cells are named in `same`, and are
hidden together: one shown would give the other back. Beyond shared cells, the
tables of a quarter must be independent splits of the same referrals (a table
whose cells are parts of another's, like channel beside route, is not supported:
publish one or the other).

A count over several quarters (a column's total) is shown only when every count
in it is shown, so it tells nothing about a hidden one; a quarter's pattern
depends only on that quarter, so every page showing it (the progress page, a
yearly update over fewer quarters) hides the same counts.
`tests/selfreferral/test_suppression.py` attacks the result with an exact
integer solver."""


def protect(rows, total, threshold, same=()):
    """Which counts of one quarter to hide.

    `rows`: one list of counts per table, each adding up to `total`.
    `same`: groups of (row, position) that are one count shown in several tables.
    Returns (one set of hidden positions per row, whether the total is hidden)."""
    for group in same:
        if len({rows[row][position] for row, position in group}) != 1:
            raise ValueError("cells said to be the same count must be equal")
    hidden = [{i for i, count in enumerate(row) if 0 < count < threshold} for row in rows]
    total_hidden = 0 < total < threshold
    while True:
        _hide_together(hidden, same)
        more = _one_more(rows, hidden, total_hidden)
        if more is None:
            return hidden, total_hidden
        if more == "total":
            total_hidden = True
        else:
            row, position = more
            hidden[row].add(position)


def _hide_together(hidden, same):
    """A count hidden in one table is hidden in every table that shows it."""
    for group in same:
        if any(position in hidden[row] for row, position in group):
            for row, position in group:
                hidden[row].add(position)


def _one_more(rows, hidden, total_hidden):
    """The next count to hide, "total", or None when the quarter is safe."""
    for index, (row, row_hidden) in enumerate(zip(rows, hidden, strict=True)):
        if total_hidden:
            safe = bool(row_hidden) or not any(row)
        else:
            sum_hidden = sum(row[i] for i in row_hidden)
            safe = not row_hidden or (len(row_hidden) >= 2 and sum_hidden > len(row_hidden))
        if safe:
            continue
        shown = [(count, i) for i, count in enumerate(row) if count and i not in row_hidden]
        if not shown:
            return "total"  # nothing left in this row to hide: hide what it adds up to
        return index, min(shown)[1]
    return None


def apply(values, hidden):
    """`values` with the hidden ones as None."""
    return [None if i in hidden else value for i, value in enumerate(values)]


def protected_list(counts, threshold):
    """A list that adds up to a total shown beside it (counts by area, say):
    [count | None], and the total (None when hidden)."""
    total = sum(counts)
    (hidden,), total_hidden = protect([counts], total, threshold)
    return apply(counts, hidden), None if total_hidden else total


def protected_tables(tables, threshold, same=()):
    """Tables of the same quarters, each splitting the same referrals another way.

    `tables`: {name: [one row of counts per quarter]}; `same`: pairs of (name, column)
    that count the same referrals in two tables. Returns {name: {"rows":
    [{"cells": [count|None], "total": count|None}], "totals": [count|None]}},
    "totals" being each column's sum over the quarters."""
    names = list(tables)
    same_rows = [
        tuple((names.index(name), column) for name, column in group)
        for group in same
        if all(name in tables for name, _ in group)
    ]
    result = {name: {"rows": [], "totals": []} for name in names}
    hidden_columns = {name: set() for name in names}
    quarters = list(zip(*(tables[name] for name in names), strict=True))
    for rows in quarters:
        totals = {sum(row) for row in rows}
        if len(totals) != 1:
            raise ValueError("every table of a quarter must count the same referrals")
        total = totals.pop()
        hidden, total_hidden = protect(rows, total, threshold, same_rows)
        for name, row, row_hidden in zip(names, rows, hidden, strict=True):
            result[name]["rows"].append(
                {"cells": apply(row, row_hidden), "total": None if total_hidden else total}
            )
            hidden_columns[name] |= row_hidden
    for name in names:
        if quarters:
            column_sums = [sum(column) for column in zip(*tables[name], strict=True)]
            result[name]["totals"] = apply(column_sums, hidden_columns[name])
    return result
