"""Every CSV the site writes goes through one writer that keeps formulas inert."""

import csv
import io

import pytest

from home.spreadsheets import csv_lines, spreadsheet_cell


@pytest.mark.parametrize(
    "typed",
    ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://evil.example")'],
)
def test_a_cell_that_a_spreadsheet_would_run_is_written_as_text(typed):
    line = "".join(csv_lines([["RJ-1", typed, 3]]))
    assert next(csv.reader(io.StringIO(line))) == ["RJ-1", "'" + typed, "3"]


@pytest.mark.parametrize("value", ["Alex", "07911 123456", "a=b", "", 5, None])
def test_ordinary_values_are_left_as_they_are(value):
    assert spreadsheet_cell(value) == value
