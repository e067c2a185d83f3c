"""Reading PDFs back in tests: what size the text is drawn at."""


def font_sizes(reader):
    """The size in points of each run of text, as drawn on the page (a pypdf reader)."""
    sizes = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(round(font_size * cm[0] * tm[0], 1))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


def text_as_written(pdf_bytes):
    """The PDF's text as poppler's pdftotext reads it: it honours /ActualText, as screen
    readers and Acrobat do (pypdf and pdfminer read only the glyph map)."""
    import subprocess

    result = subprocess.run(  # noqa: S603 - a fixed command reading bytes this test made
        ["pdftotext", "-enc", "UTF-8", "-", "-"],  # noqa: S607 - Debian's poppler-utils
        input=pdf_bytes,
        capture_output=True,
        timeout=60,
        check=True,
    )
    return result.stdout.decode()
