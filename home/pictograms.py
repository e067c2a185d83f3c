"""Simple pictograms for the demo's Easy Read pages, drawn with Pillow.

Wagtail images cannot be SVG, so each picture is a small PNG: thick dark lines
on a pale background, one idea per picture. Real Easy Read pages should use a
tested picture set (for example Photosymbols or CHANGE) chosen with the people
who will read them."""

from io import BytesIO

from PIL import Image, ImageDraw

SIZE = 400
INK = (29, 79, 110)  # the site's brand blue
PALE = (232, 241, 246)
ACCENT = (242, 193, 78)
WIDTH = 14


def _canvas():
    image = Image.new("RGB", (SIZE, SIZE), PALE)
    return image, ImageDraw.Draw(image)


def _person(draw, x, y, scale=1.0, colour=INK):
    r = int(38 * scale)
    draw.ellipse((x - r, y - r, x + r, y + r), outline=colour, width=WIDTH)
    body_top = y + r + 10
    draw.rounded_rectangle(
        (x - int(60 * scale), body_top, x + int(60 * scale), body_top + int(130 * scale)),
        radius=int(40 * scale),
        outline=colour,
        width=WIDTH,
    )


def _bubble(draw, box):
    draw.rounded_rectangle(box, radius=24, fill="white", outline=INK, width=WIDTH // 2)
    x0, y0, x1, y1 = box
    for i in range(3):
        cx = x0 + (x1 - x0) * (i + 1) // 4
        cy = (y0 + y1) // 2
        draw.ellipse((cx - 9, cy - 9, cx + 9, cy + 9), fill=INK)


def talking():
    image, draw = _canvas()
    _person(draw, 110, 190)
    _person(draw, 290, 190)
    _bubble(draw, (140, 40, 260, 110))
    return image


def phone():
    image, draw = _canvas()
    draw.rounded_rectangle((130, 50, 270, 350), radius=28, outline=INK, width=WIDTH)
    draw.line((175, 315, 225, 315), fill=INK, width=WIDTH)
    draw.rectangle((155, 90, 245, 270), fill=ACCENT)
    return image


def letter():
    image, draw = _canvas()
    draw.rectangle((60, 110, 340, 300), fill="white", outline=INK, width=WIDTH)
    draw.line((60, 110, 200, 220, 340, 110), fill=INK, width=WIDTH, joint="curve")
    return image


def safe():
    image, draw = _canvas()
    draw.polygon(((200, 50), (330, 100), (310, 260), (200, 350), (90, 260), (70, 100)), fill=ACCENT)
    draw.line(
        ((200, 50), (330, 100), (310, 260), (200, 350), (90, 260), (70, 100), (200, 50)),
        fill=INK,
        width=WIDTH,
        joint="curve",
    )
    draw.line(((140, 200), (185, 250), (265, 150)), fill=INK, width=WIDTH + 6, joint="curve")
    return image


def choice():
    image, draw = _canvas()
    draw.ellipse((40, 110, 190, 260), fill="white", outline=INK, width=WIDTH)
    draw.line(((75, 185), (105, 220), (160, 150)), fill=INK, width=WIDTH, joint="curve")
    draw.ellipse((210, 110, 360, 260), fill="white", outline=INK, width=WIDTH)
    draw.line(((250, 150), (320, 220)), fill=INK, width=WIDTH)
    draw.line(((320, 150), (250, 220)), fill=INK, width=WIDTH)
    return image


def question():
    image, draw = _canvas()
    _person(draw, 200, 170)
    draw.arc((250, 30, 350, 130), start=180, end=60, fill=INK, width=WIDTH)
    draw.line(((325, 115), (300, 150), (300, 170)), fill=INK, width=WIDTH)
    draw.ellipse((290, 190, 312, 212), fill=INK)
    return image


def form():
    image, draw = _canvas()
    draw.rectangle((90, 40, 310, 360), fill="white", outline=INK, width=WIDTH)
    for y in (110, 170, 230, 290):
        draw.line((130, y, 270, y), fill=INK, width=WIDTH // 2)
    draw.line(((250, 330), (350, 200)), fill=ACCENT, width=WIDTH + 8)
    return image


def computer():
    image, draw = _canvas()
    draw.rounded_rectangle((60, 70, 340, 260), radius=14, outline=INK, width=WIDTH)
    draw.rectangle((90, 100, 310, 230), fill=ACCENT)
    draw.line((200, 260, 200, 320), fill=INK, width=WIDTH)
    draw.line((130, 330, 270, 330), fill=INK, width=WIDTH)
    return image


def clock():
    image, draw = _canvas()
    draw.ellipse((70, 70, 330, 330), fill="white", outline=INK, width=WIDTH)
    draw.line(((200, 200), (200, 110)), fill=INK, width=WIDTH)
    draw.line(((200, 200), (265, 235)), fill=INK, width=WIDTH)
    return image


PICTOGRAMS = {
    "talking": talking,
    "phone": phone,
    "letter": letter,
    "safe": safe,
    "choice": choice,
    "question": question,
    "form": form,
    "computer": computer,
    "clock": clock,
}


def png_bytes(name):
    buffer = BytesIO()
    PICTOGRAMS[name]().save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
