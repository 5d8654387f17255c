"""Synthetic site photos for demo data (no real plant photos ship with the program)."""

from __future__ import annotations

import io
import random


def make_photo(seed: int, size: tuple[int, int] = (1024, 768)) -> bytes:
    """A JPEG that looks like a schematic site snapshot: sky, floor, pipes, a tank, a warning sign."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, (rng.randint(150, 200), rng.randint(170, 210), rng.randint(200, 235)))
    draw = ImageDraw.Draw(image)
    floor = int(height * 0.68)
    draw.rectangle((0, floor, width, height), fill=(rng.randint(90, 130), rng.randint(90, 120), 100))
    for _ in range(rng.randint(2, 4)):
        y = rng.randint(int(height * 0.15), floor - 40)
        colour = rng.choice([(200, 200, 40), (180, 60, 50), (90, 140, 90), (160, 160, 170)])
        draw.rectangle((0, y, width, y + rng.randint(14, 26)), fill=colour, outline=(40, 40, 40))
    unit = max(1, width // 8)
    x = rng.randint(width // 20, width // 2)
    draw.rounded_rectangle(
        (x, floor * 0.45, x + 2 * unit, floor), radius=unit // 4, fill=(210, 210, 215), outline=(60, 60, 60)
    )
    sx, sy = rng.randint(width // 2, width - unit - 4), rng.randint(height // 12, height // 3)
    draw.polygon([(sx + unit / 2, sy), (sx + unit, sy + unit), (sx, sy + unit)], fill=(250, 210, 0), outline=(0, 0, 0))
    draw.rectangle((sx + unit * 0.45, sy + unit * 0.3, sx + unit * 0.55, sy + unit * 0.72), fill=(0, 0, 0))
    draw.rectangle((sx + unit * 0.45, sy + unit * 0.8, sx + unit * 0.55, sy + unit * 0.9), fill=(0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()
