"""A coloured label naming a danger band (table D.4), or a major-hazard verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from hazard_desktop.domain.lec import Band
from hazard_desktop.ui.widgets.lec_format import band_name, text_colour_on

NEUTRAL = "#eceff1"
MAJOR_COLOUR = "#B71C1C"


class BandSwatch(QLabel):
    """Shows a band's name on the band's colour; neutral grey with a placeholder when empty."""

    def __init__(self, parent: QWidget | None = None, placeholder: str = "—") -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self._colour = NEUTRAL
        self._band: Band | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.clear_band()

    @property
    def band(self) -> Band | None:
        """The band shown, or None."""
        return self._band

    @property
    def colour(self) -> str:
        """The background colour shown ("#RRGGBB")."""
        return self._colour

    def set_band(self, band: Band | None, suffix: str = "") -> None:
        """Show ``band`` (name in the UI language, plus ``suffix``), or the placeholder for None."""
        if band is None:
            self.clear_band()
            return
        self._band = band
        self._paint(band.colour, band_name(band) + suffix)

    def set_verdict(self, text: str, colour: str) -> None:
        """Show free text on ``colour`` (e.g. 重大隐患 on dark red)."""
        self._band = None
        self._paint(colour, text)

    def clear_band(self) -> None:
        """Back to the neutral placeholder."""
        self._band = None
        self._paint(NEUTRAL, self._placeholder, foreground="#607d8b")

    def _paint(self, colour: str, text: str, foreground: str | None = None) -> None:
        self._colour = colour
        fg = foreground or text_colour_on(colour)
        self.setText(text)
        self.setStyleSheet(f"QLabel {{ background: {colour}; color: {fg}; border-radius: 4px; padding: 4px 12px; }}")
