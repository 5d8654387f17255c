"""Icons drawn in code, sharp at every display scaling (100 %, 125 %, 150 %, 200 % …).

A pixmap drawn once at 1× is enlarged, and blurred, on a 150 % screen. :func:`drawn_icon` draws the
same picture once per common device pixel ratio, each at its own resolution, and Qt picks the one that
matches the screen the icon is shown on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

# Windows' scaling steps up to 200 %, and 3× for very dense screens.
RATIOS = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)


def drawn_icon(size: int, draw: Callable[[QPainter, int], None]) -> QIcon:
    """An icon ``size``×``size`` logical pixels; ``draw(painter, size)`` paints it in logical coordinates."""
    icon = QIcon()
    for ratio in RATIOS:
        side = round(size * ratio)
        pixmap = QPixmap(side, side)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter, size)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
