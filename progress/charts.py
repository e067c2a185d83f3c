"""Server-rendered bar charts: geometry for an SVG that needs no script.
Each chart is shown beside a table holding the same numbers."""

from dataclasses import dataclass

LABEL_WIDTH = 230
BAR_AREA = 300
ROW_HEIGHT = 34
BAR_HEIGHT = 22


@dataclass
class Bar:
    label: str
    display: str
    y: int
    width: float


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


def bar_chart(title, items, *, unit="", none_text="not shown"):
    """A horizontal bar chart of (label, value) pairs; None values (hidden to protect
    privacy, or too few to judge) get no bar and say so in words."""
    items = list(items)
    largest = max((value for _, value in items if value), default=0) or 1
    bars = []
    for position, (label, value) in enumerate(items):
        width = 0 if value is None else round(BAR_AREA * value / largest, 1)
        display = none_text if value is None else f"{value:g}{unit}"
        bars.append(
            Bar(label=str(label), display=display, y=position * ROW_HEIGHT + 4, width=width)
        )
    described = (
        "; ".join(f"{bar.label}: {bar.display}" for bar in bars) or "No figures for this period."
    )
    return BarChart(
        title=title, description=described, bars=bars, height=max(1, len(bars)) * ROW_HEIGHT + 8
    )
