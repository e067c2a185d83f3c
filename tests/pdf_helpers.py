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
