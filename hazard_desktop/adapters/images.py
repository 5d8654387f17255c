"""Photo processing with Pillow: check the file is an image, make a display copy and a thumbnail."""

from __future__ import annotations

import io
import warnings

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.services.ports import ProcessedImage

DISPLAY_EDGE = 1600
THUMB_EDGE = 240
MAX_PIXELS = 80_000_000  # a 12,000 × 6,600 panorama; beyond that refuse rather than exhaust memory


class PillowImageProcessor:
    """ImageProcessor on Pillow; JPEG output, EXIF rotation applied, original hashed."""

    def process(self, data: bytes) -> ProcessedImage:
        import hashlib  # not at start-up (~3 ms): only when a photo is added

        from PIL import Image, ImageOps, UnidentifiedImageError

        digest = hashlib.sha256(data).hexdigest()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(data)):
                    pass  # the header alone: a picture too large to decode is refused as such
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ValidationError("photo_too_large", pixels=f"> {MAX_PIXELS:,}") from exc
        except Exception:  # noqa: BLE001 (anything else is judged by the full check below)
            pass
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(data)) as probe:
                    probe.verify()
                with Image.open(io.BytesIO(data)) as opened:
                    if opened.width * opened.height > MAX_PIXELS:
                        raise ValidationError("photo_too_large", pixels=opened.width * opened.height)
                    image = ImageOps.exif_transpose(opened)
                    image.load()
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            Image.DecompressionBombError,
            Image.DecompressionBombWarning,
        ) as exc:
            raise ValidationError("photo_not_image", detail=type(exc).__name__) from exc
        if image.mode not in ("RGB", "L"):
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        width, height = image.size
        display = image.copy()
        display.thumbnail((DISPLAY_EDGE, DISPLAY_EDGE))
        thumb = image.copy()
        thumb.thumbnail((THUMB_EDGE, THUMB_EDGE))
        return ProcessedImage(
            sha256=digest,
            size=len(data),
            width=width,
            height=height,
            display_jpeg=_jpeg(display, 85),
            thumb_jpeg=_jpeg(thumb, 80),
        )


def _jpeg(image: object, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True)  # type: ignore[attr-defined]
    return buffer.getvalue()
