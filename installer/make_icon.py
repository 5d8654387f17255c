"""Draw the program's icon with Pillow and write ``installer/build/hazard_desktop.ico`` (and a 256 px PNG).

A warning triangle (the safety sign of GB 2894, yellow with a black border and an exclamation mark) on
a dark blue tile, drawn at each Windows icon size from a 4× supersampled master so small sizes stay crisp.
Generated at build time (the spec calls :func:`write_icon`; ``installer/build`` is not committed), so the
repository holds no binary and the icon can never go stale. Usage: ``python installer/make_icon.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

BUILD_DIR = Path(__file__).resolve().parent / "build"
SIZES = [16, 24, 32, 48, 64, 128, 256]

TILE = (21, 57, 99, 255)  # dark blue
SIGN = (255, 204, 0, 255)  # safety yellow
INK = (20, 20, 20, 255)


def draw(size: int) -> Image.Image:
    """The icon at ``size`` × ``size`` pixels (RGBA)."""
    scale = 4
    n = size * scale
    image = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, n - 1, n - 1), radius=n // 6, fill=TILE)
    top, left, right, bottom = n * 0.12, n * 0.08, n * 0.92, n * 0.86
    outer = [(n / 2, top), (right, bottom), (left, bottom)]
    pen.polygon(outer, fill=INK)
    inset = n * 0.075
    inner = [(n / 2, top + inset * 1.9), (right - inset * 1.6, bottom - inset), (left + inset * 1.6, bottom - inset)]
    pen.polygon(inner, fill=SIGN)
    bar = n * 0.07
    pen.rounded_rectangle((n / 2 - bar / 2, n * 0.40, n / 2 + bar / 2, n * 0.66), radius=bar / 2, fill=INK)
    dot = bar * 0.62
    pen.ellipse((n / 2 - dot, n * 0.72 - dot, n / 2 + dot, n * 0.72 + dot), fill=INK)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icon(folder: Path = BUILD_DIR) -> Path:
    """Write ``hazard_desktop.ico`` (every size of :data:`SIZES`) and ``hazard_desktop.png`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    ico = folder / "hazard_desktop.ico"
    images = [draw(size) for size in SIZES]
    images[-1].save(ico, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    images[-1].save(folder / "hazard_desktop.png")
    return ico


if __name__ == "__main__":
    print(write_icon(Path(sys.argv[1]) if len(sys.argv) > 1 else BUILD_DIR))
