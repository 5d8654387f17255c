"""The bundled CJK font (WenQuanYi Micro Hei) for ReportLab: found in the source tree or a frozen build.

Every PDF the program writes uses only this font, subset-embedded — no standard-14 fonts (Helvetica),
no ``STSong-Light`` CID font that a viewer without its Asian language pack shows blank. See
``resources/fonts/README.md`` for the font's origin and licence.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

#: Name under which the font is registered with ReportLab (and its bold/italic aliases).
FONT_NAME = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"
#: Face 0 of the collection is the proportional "WenQuanYi Micro Hei" (face 1 is the Mono variant).
SUBFONT_INDEX = 0

_lock = threading.Lock()
_registered = False


def font_candidates() -> list[Path]:
    """Where the font file may be, most specific first (the frozen bundle, then the source tree)."""
    relative = Path("resources") / "fonts" / FONT_FILE
    candidates: list[Path] = []
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None)
        if bundle:
            candidates.append(Path(bundle) / relative)
        candidates.append(Path(sys.executable).resolve().parent / relative)
    # hazard_desktop/adapters/pdf/fonts.py → parents[3] is the project root.
    candidates.append(Path(__file__).resolve().parents[3] / relative)
    return candidates


def font_path() -> Path:
    """The bundled font file.

    Raises:
        FileNotFoundError: the file is in none of :func:`font_candidates` (a broken install).
    """
    candidates = font_candidates()
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"font_missing: {FONT_FILE} not found in " + ", ".join(map(str, candidates)))


def register_fonts() -> str:
    """Register the font with ReportLab once per process and return its name (thread-safe).

    The same face is registered as the family's bold and italic too, so ``<b>`` in a Paragraph never
    falls back to Helvetica-Bold.
    """
    global _registered
    with _lock:
        if not _registered:
            from reportlab.lib.fonts import addMapping
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=SUBFONT_INDEX))
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            _registered = True
    return FONT_NAME
