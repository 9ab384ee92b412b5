"""Draw the banner images of the example blog (`example_site/docs/assets/images/*.png`).

Each banner is a simple flat illustration, 1200x630, drawn with Pillow and saved as a small
palette PNG. Pillow is a development tool only (`pip install pillow`); the images are kept in
the repository, and this script is here so that they can be drawn again:

    python scripts/draw_banners.py [output folder]
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
SCALE = 2
"""Scenes are drawn at twice the size, then reduced: cheap anti-aliasing."""
COLOURS = 128
OUTPUT = Path(__file__).resolve().parent.parent / "example_site" / "docs" / "assets" / "images"

Point = tuple[float, float]
Painter = Callable[[Image.Image], None]

INK = "#1f2a33"
PAPER = "#f7f4ec"
GOLD = "#e0a526"


def s(value: float) -> int:
    """A banner coordinate at drawing scale."""
    return round(value * SCALE)


def pts(points: Sequence[Point]) -> list[tuple[int, int]]:
    """Banner coordinates at drawing scale."""
    return [(s(x), s(y)) for x, y in points]


def box(x: float, y: float, w: float, h: float) -> tuple[int, int, int, int]:
    """A rectangle (left, top, width, height) at drawing scale."""
    return (s(x), s(y), s(x + w), s(y + h))


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled font, so that every machine draws the same text."""
    return ImageFont.load_default(size=s(size))


def bands(
    draw: ImageDraw.ImageDraw, top: str, bottom: str, y0: float, y1: float, n: int = 6
) -> None:
    """A stepped vertical gradient from `top` to `bottom` between `y0` and `y1`."""
    a, b = _rgb(top), _rgb(bottom)
    step = (y1 - y0) / n
    for i in range(n):
        t = i / max(1, n - 1)
        colour = tuple(round(a[k] + (b[k] - a[k]) * t) for k in range(3))
        draw.rectangle(box(0, y0 + i * step, WIDTH, step + 1), fill=colour)


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def label(
    draw: ImageDraw.ImageDraw, title: str, subtitle: str, *, x: float = 56, y: float = 56
) -> None:
    """The short text label: a title on a dark card, and a smaller line under it."""
    big, small = font(46), font(24)
    width = max(draw.textlength(title, font=big), draw.textlength(subtitle, font=small)) / SCALE
    draw.rounded_rectangle(box(x, y, width + 56, 128), radius=s(14), fill=INK)
    draw.rectangle(box(x, y + 20, 8, 88), fill=GOLD)
    draw.text((s(x + 32), s(y + 20)), title, font=big, fill=PAPER)
    draw.text((s(x + 32), s(y + 80)), subtitle, font=small, fill=GOLD)


def crystal(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, colour: str) -> None:
    """A mineral icon: a hexagonal crystal with a facet line."""
    corners = [
        (cx + r * math.cos(math.radians(60 * i + 30)), cy + r * math.sin(math.radians(60 * i + 30)))
        for i in range(6)
    ]
    draw.polygon(pts(corners), fill=colour, outline=INK, width=s(2))
    draw.line(pts([corners[3], (cx, cy), corners[0]]), fill=PAPER, width=s(2))
    draw.line(pts([(cx, cy), corners[1]]), fill=PAPER, width=s(2))


def chip(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    """A technology icon: a microchip with pins."""
    draw.rectangle(box(cx - r, cy - r, 2 * r, 2 * r), fill=INK)
    draw.rectangle(box(cx - r / 2, cy - r / 2, r, r), fill=GOLD)
    for i in range(3):
        offset = -r / 2 + i * r / 2
        for a, b in (
            ((cx + offset, cy - r), (cx + offset, cy - r - r / 2)),
            ((cx + offset, cy + r), (cx + offset, cy + r + r / 2)),
            ((cx - r, cy + offset), (cx - r - r / 2, cy + offset)),
            ((cx + r, cy + offset), (cx + r + r / 2, cy + offset)),
        ):
            draw.line(pts([a, b]), fill=INK, width=s(3))


# Coarse outlines of Japan's four main islands, as (longitude, latitude).
JAPAN: dict[str, list[Point]] = {
    "Hokkaido": [(140.0, 41.5), (140.1, 42.3), (139.8, 42.6), (140.5, 43.2), (141.4, 43.3),
                 (141.7, 44.3), (141.9, 45.4), (142.9, 44.6), (144.3, 44.0), (145.3, 44.3),
                 (145.6, 43.3), (144.8, 43.0), (143.3, 42.0), (142.0, 42.5), (141.0, 42.3),
                 (140.9, 41.7)],
    "Honshu": [(141.5, 41.4), (141.1, 41.2), (140.3, 41.2), (139.9, 40.6), (140.0, 39.9),
               (139.8, 39.0), (139.4, 38.2), (138.9, 37.8), (138.5, 37.4), (137.3, 36.8),
               (137.0, 37.4), (136.7, 36.9), (136.0, 35.7), (135.2, 35.7), (133.3, 35.6),
               (132.6, 35.4), (131.4, 34.5), (130.9, 34.0), (131.4, 33.95), (132.4, 34.2),
               (133.9, 34.5), (135.2, 34.7), (135.1, 34.3), (135.8, 33.5), (136.8, 34.3),
               (137.3, 34.7), (138.3, 34.6), (138.8, 35.1), (138.8, 34.6), (139.8, 35.0),
               (140.4, 35.2), (140.8, 35.7), (140.7, 36.8), (141.0, 37.8), (141.5, 38.3),
               (142.0, 39.5), (141.8, 40.5)],
    "Shikoku": [(132.5, 33.3), (132.9, 34.0), (133.6, 34.3), (134.6, 34.2), (134.7, 33.8),
                (134.2, 33.2), (133.0, 32.7)],
    "Kyushu": [(129.8, 33.4), (130.5, 33.9), (131.0, 33.9), (131.6, 33.6), (131.9, 32.8),
               (131.4, 31.5), (131.0, 31.1), (130.7, 31.0), (130.2, 31.3), (130.4, 32.1),
               (129.8, 32.7)],
}  # fmt: skip


def geo(lon: float, lat: float) -> Point:
    """A longitude/latitude on the Japan banner (equirectangular, 37°N aspect)."""
    return 560 + (lon - 129.0) * 34 * 0.8, 600 - (lat - 30.5) * 36


def japan(canvas: Image.Image) -> None:
    """The seed's banner: a map of Japan with mineral and technology icons and supply routes."""
    draw = ImageDraw.Draw(canvas)
    bands(draw, "#bfe3ef", "#4f97b8", 0, HEIGHT, 8)
    for i in range(7):
        y = 420 + i * 30
        draw.arc(box(20 + i * 40, y, 320, 120), 200, 340, fill="#8cc7dc", width=s(3))
    for outline in JAPAN.values():
        shape = pts([geo(lon, lat) for lon, lat in outline])
        shadow = [(x + s(8), y + s(8)) for x, y in shape]
        draw.polygon(shadow, fill="#3c7894")
        draw.polygon(shape, fill="#e9dfc4", outline=INK, width=s(3))
    for x0, y0, colour in ((40, 610, "#7a5ea8"), (40, 330, "#2e8b57")):
        route = [(x0, y0), (300, (y0 + 470) / 2), (geo(130.2, 33.2))]
        draw.line(pts(route), fill=PAPER, width=s(4), joint="curve")
        crystal(draw, x0 + 30, y0 - 30, 26, colour)
    for lon, lat, colour in (
        (141.2, 43.8, "#7a5ea8"),
        (140.6, 39.6, "#2e8b57"),
        (133.4, 35.0, "#c0392b"),
        (130.8, 32.4, "#7a5ea8"),
    ):
        crystal(draw, *geo(lon, lat), 22, colour)
    for lon, lat in ((139.7, 35.9), (136.9, 35.4), (135.5, 34.9)):
        chip(draw, *geo(lon, lat), 13)
    ocean = geo(144.5, 31.3)
    draw.ellipse(box(ocean[0] - 60, ocean[1] - 16, 120, 32), fill="#3d6f86")
    crystal(draw, ocean[0], ocean[1] - 6, 20, "#c0392b")
    label(draw, "Japan and Rare Earths", "Imports · Alternatives · Seabed mud · Recycling")


def lithium(canvas: Image.Image) -> None:
    """Evaporation ponds on a salt flat below the Andes, with a lithium atom."""
    draw = ImageDraw.Draw(canvas)
    bands(draw, "#f3c98b", "#f9ecd2", 0, 360, 6)
    draw.polygon(
        pts(
            [
                (0, 380),
                (160, 210),
                (300, 330),
                (470, 170),
                (640, 340),
                (820, 200),
                (1000, 330),
                (1200, 230),
                (1200, 380),
            ]
        ),
        fill="#8a6e5a",
    )
    for x in (160, 470, 820):
        draw.polygon(
            pts(
                [
                    (x - 38, 250 if x != 470 else 210),
                    (x, 210 if x != 470 else 170),
                    (x + 40, 250 if x != 470 else 212),
                ]
            ),
            fill=PAPER,
        )
    draw.rectangle(box(0, 370, WIDTH, 260), fill="#f4f1ea")
    greens = ("#2bb3a3", "#54c7b5", "#8edbc9", "#c1ebd8", "#e6f2c9")
    for row in range(2):
        for col, colour in enumerate(greens):
            x = 140 + col * 190 + row * 60
            draw.polygon(
                pts(
                    [
                        (x, 410 + row * 100),
                        (x + 170, 410 + row * 100),
                        (x + 150, 490 + row * 100),
                        (x - 20, 490 + row * 100),
                    ]
                ),
                fill=colour,
                outline="#b8ad98",
                width=s(3),
            )
    cx, cy = 980, 170
    for angle in (0, 60, 120):
        orbit = Image.new("L", (s(300), s(110)), 0)
        ImageDraw.Draw(orbit).ellipse((s(4), s(4), s(296), s(106)), outline=255, width=s(4))
        rotated = orbit.rotate(angle, expand=True)
        ink = Image.new("RGB", rotated.size, INK)
        canvas.paste(ink, (s(cx) - rotated.width // 2, s(cy) - rotated.height // 2), rotated)
    draw.ellipse(box(cx - 34, cy - 34, 68, 68), fill="#c0392b", outline=INK, width=s(3))
    draw.text((s(cx), s(cy)), "Li", font=font(30), fill=PAPER, anchor="mm")
    label(draw, "The Lithium Triangle", "Brine · Evaporation ponds · Lithium carbonate")


def cobalt(canvas: Image.Image) -> None:
    """A chain of rings from a mine headframe to a battery cell."""
    draw = ImageDraw.Draw(canvas)
    bands(draw, "#dfe8f7", "#9db5e0", 0, HEIGHT, 6)
    draw.rectangle(box(0, 520, WIDTH, 110), fill="#5b4a3c")
    frame = [(90, 520), (150, 300), (210, 520)]
    draw.line(pts(frame), fill=INK, width=s(10), joint="curve")
    draw.line(pts([(110, 440), (190, 440)]), fill=INK, width=s(8))
    draw.line(pts([(125, 380), (175, 380)]), fill=INK, width=s(8))
    draw.ellipse(box(122, 270, 56, 56), outline=INK, width=s(8))
    for i in range(8):
        x, y = 230 + i * 95, 420 - 14 * i
        fill = "#1f4fa8" if i % 2 == 0 else "#3c6fd0"
        if i % 2 == 0:
            draw.ellipse(box(x, y - 32, 150, 64), outline=fill, width=s(14))
        else:
            draw.ellipse(box(x + 20, y - 52, 80, 104), outline=fill, width=s(14))
    cell = (1010, 250)
    draw.rounded_rectangle(
        box(cell[0], cell[1], 120, 230), radius=s(16), fill="#f2f2f2", outline=INK, width=s(6)
    )
    draw.rectangle(box(cell[0] + 38, cell[1] - 22, 44, 24), fill=INK)
    draw.rectangle(box(cell[0] + 18, cell[1] + 110, 84, 100), fill="#1f4fa8")
    draw.text((s(cell[0] + 60), s(cell[1] + 160)), "Co", font=font(36), fill=PAPER, anchor="mm")
    label(draw, "Cobalt Supply Chain", "Mine · Refinery · Cathode · Battery cell")


def magnets(canvas: Image.Image) -> None:
    """A horseshoe magnet lifting rare earth cubes from a pile of circuit boards."""
    draw = ImageDraw.Draw(canvas)
    bands(draw, "#e9f1e4", "#c9dcc0", 0, HEIGHT, 6)
    boards = (
        (80, 470, "#2e7d4f", -6),
        (330, 500, "#236b43", 4),
        (590, 470, "#2e7d4f", 8),
        (840, 500, "#1d5e3a", -4),
    )
    for x, y, colour, tilt in boards:
        board = Image.new("RGBA", (s(300), s(150)), (0, 0, 0, 0))
        pen = ImageDraw.Draw(board)
        pen.rectangle((0, 0, s(300), s(150)), fill=colour, outline=INK, width=s(4))
        for k in range(5):
            pen.line((s(20 + k * 55), s(20), s(20 + k * 55), s(130)), fill=GOLD, width=s(3))
        pen.rectangle((s(110), s(45), s(190), s(105)), fill=INK)
        rotated = board.rotate(tilt, expand=True)
        canvas.paste(rotated, (s(x), s(y)), rotated)
    disk = (900, 300)
    draw.ellipse(box(disk[0], disk[1], 200, 200), fill="#b7bcc2", outline=INK, width=s(5))
    draw.ellipse(box(disk[0] + 80, disk[1] + 80, 40, 40), fill=INK)
    cx, top = 690, 60
    draw.arc(box(cx - 150, top, 300, 300), 180, 360, fill="#c0392b", width=s(70))
    for side in (-1, 1):
        x = cx + side * 115 - 35
        draw.rectangle(box(x, top + 148, 70, 110), fill="#c0392b")
        draw.rectangle(box(x, top + 258, 70, 50), fill="#d5d8dc", outline=INK, width=s(3))
    for k, (dx, dy) in enumerate(((-140, 370), (-40, 395), (60, 375), (150, 400), (-90, 440))):
        size = 34 - (k % 2) * 6
        draw.rectangle(box(cx + dx, dy, size, size), fill="#5e6b78", outline=INK, width=s(3))
        draw.line(
            pts([(cx + dx + size / 2, dy - 6), (cx + dx + size / 2, dy - 40)]), fill=INK, width=s(2)
        )
    label(draw, "Urban Mining", "Neodymium magnets back from e-waste")


def deep_sea(canvas: Image.Image) -> None:
    """An ocean cross-section: island, ship lowering a pipe, rare earth mud on the floor."""
    draw = ImageDraw.Draw(canvas)
    bands(draw, "#d8eef7", "#bfe3ef", 0, 200, 3)
    bands(draw, "#3f8fb5", "#0b2a45", 200, 540, 8)
    draw.polygon(pts([(860, 200), (930, 150), (1010, 140), (1090, 200)]), fill="#6a8f4e")
    draw.polygon(pts([(780, 540), (860, 200), (1090, 200), (1180, 540)]), fill="#274b5f")
    draw.rectangle(box(0, 540, WIDTH, 90), fill="#3a2b24")
    for k in range(9):
        draw.ellipse(box(20 + k * 90, 560 + (k % 3) * 12, 50, 18), fill="#7a4f9c")
    ship = [(380, 200), (400, 232), (560, 232), (590, 200)]
    draw.polygon(pts(ship), fill="#c0392b", outline=INK, width=s(3))
    draw.rectangle(box(440, 160, 80, 40), fill=PAPER, outline=INK, width=s(3))
    draw.line(pts([(480, 100), (480, 160)]), fill=INK, width=s(6))
    draw.line(pts([(482, 232), (482, 560)]), fill="#d5d8dc", width=s(8))
    draw.rectangle(box(460, 530, 44, 36), fill=GOLD, outline=INK, width=s(3))
    for k in range(6):
        depth = 230 + k * 55
        draw.line(pts([(40, depth), (70, depth)]), fill=PAPER, width=s(2))
        draw.text((s(80), s(depth)), f"{k * 1000} m", font=font(16), fill=PAPER, anchor="lm")
    draw.text((s(970), s(120)), "Minamitorishima", font=font(22), fill=INK, anchor="mm")
    label(draw, "Rare Earth Mud", "5,500 m below the Pacific", x=620, y=290)


@dataclass(frozen=True)
class Banner:
    """One banner: its file name and the painter that draws it."""

    name: str
    paint: Painter


BANNERS = (
    Banner("Japans_Approach_to_Rare_Earth_Elements.png", japan),
    Banner("Lithium_Triangle_Brine_Extraction.png", lithium),
    Banner("Cobalt_and_the_Battery_Supply_Chain.png", cobalt),
    Banner("Urban_Mining_Magnets_from_E-Waste.png", magnets),
    Banner("Deep_Sea_Mud_Near_Minamitorishima.png", deep_sea),
)


def render(banner: Banner) -> Image.Image:
    """The banner, reduced to the final size and to a small palette."""
    canvas = Image.new("RGB", (s(WIDTH), s(HEIGHT)), PAPER)
    banner.paint(canvas)
    small = canvas.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    return small.quantize(
        colors=COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )


def main(argv: Sequence[str]) -> int:
    """Draw every banner into the folder given (default: the example site's images)."""
    out = Path(argv[0]) if argv else OUTPUT
    out.mkdir(parents=True, exist_ok=True)
    for banner in BANNERS:
        path = out / banner.name
        render(banner).save(path, optimize=True)
        print(f"{path}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
