"""Server-rendered bar charts: geometry for an SVG that needs no script.
Each chart is shown beside a table holding the same numbers."""

import textwrap
from dataclasses import dataclass, field

from django.utils.translation import gettext

LABEL_WIDTH = 230
BAR_AREA = 300
ROW_HEIGHT = 34
BAR_HEIGHT = 22


# Labels wrap onto lines of this many characters at most, so none is cut short.
LABEL_CHARACTERS = 26
LINE_HEIGHT = 17


@dataclass
class Bar:
    label: str
    display: str
    y: int
    width: float
    lines: list = field(default_factory=list)
    height: int = ROW_HEIGHT

    @property
    def text_y(self):
        """Where the first line of the label sits: the label is centred on its bar."""
        return self.y + BAR_HEIGHT // 2 + 5 - (len(self.lines) - 1) * LINE_HEIGHT // 2


@dataclass
class BarChart:
    title: str
    description: str
    bars: list
    height: int
    label_width: int = LABEL_WIDTH
    value_x: int = 0
    width: int = LABEL_WIDTH + BAR_AREA + 110

    @property
    def text_y_offset(self):
        return BAR_HEIGHT // 2 + 5


def bar_chart(title, items, *, unit="", none_text=None):
    """A horizontal bar chart of (label, value) pairs; None values (hidden to protect
    privacy, or too few to judge) get no bar and say so in words."""
    items = list(items)
    none_text = none_text or gettext("not shown")
    largest = max((value for _, value in items if value), default=0) or 1
    bars = []
    top = 4
    for label, value in items:
        width = 0 if value is None else round(BAR_AREA * value / largest, 1)
        display = none_text if value is None else f"{value:g}{unit}"
        lines = textwrap.wrap(str(label), LABEL_CHARACTERS) or [""]
        height = max(ROW_HEIGHT, len(lines) * LINE_HEIGHT + 8)
        # The bar sits in the middle of its row, beside the middle of its label.
        bars.append(
            Bar(
                label=str(label),
                display=display,
                y=top + (height - ROW_HEIGHT) // 2,
                width=width,
                lines=lines,
                height=height,
            )
        )
        top += height
    described = "; ".join(f"{bar.label}: {bar.display}" for bar in bars) or gettext(
        "No figures for this period."
    )
    return BarChart(title=title, description=described, bars=bars, height=max(top, ROW_HEIGHT) + 4)
