"""Every CSV file the site writes (the coordinators' referral export, the public
figures) is written here, so that each one is safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula, which can fetch a web address
with the row's data in it or run a command. Anything a visitor typed (a name, a
source code) could start that way, so such a cell is written with a leading
apostrophe: spreadsheets show it as text, and the apostrophe itself is not shown.
"""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """The value as a spreadsheet will read it as text, never as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    """A file-like object that hands back what is written, for streaming."""

    def write(self, value):
        return value


def csv_lines(rows):
    """Each row (a list of values) as one line of CSV, every cell made safe."""
    writer = csv.writer(_Echo())
    for row in rows:
        yield writer.writerow([spreadsheet_cell(value) for value in row])


def csv_response(filename, rows):
    """A CSV download of `rows` (the first row being the headings)."""
    response = HttpResponse("".join(csv_lines(rows)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
