"""Icons drawn in code are sharp at 150 % (issue 16): one pixmap per scaling, none enlarged from 1×."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from hazard_desktop.domain.grading import DisputeState
from hazard_desktop.ui.models.register_model import SWATCH_SIZE, band_swatch, dispute_icon


@pytest.mark.parametrize("ratio", [1.0, 1.25, 1.5, 2.0])
def test_drawn_icons_have_a_pixmap_for_the_scaling(qapp, ratio: float) -> None:
    for icon, size in [(band_swatch("#FF9800"), SWATCH_SIZE)] + [
        (dispute_icon(state), SWATCH_SIZE + 2) for state in DisputeState
    ]:
        pixmap = icon.pixmap(QSize(size, size), ratio)
        assert pixmap.devicePixelRatio() == ratio
        assert pixmap.size() == QSize(round(size * ratio), round(size * ratio))


def test_the_150_percent_swatch_is_drawn_not_enlarged(qapp) -> None:
    """Drawn at 150 %, the swatch's edge is one device pixel, not a blurred 1.5-pixel band."""
    icon = band_swatch("#1565C0")
    sharp = icon.pixmap(QSize(SWATCH_SIZE, SWATCH_SIZE), 1.5).toImage()
    enlarged = icon.pixmap(QSize(SWATCH_SIZE, SWATCH_SIZE), 1.0).toImage().scaled(sharp.size())
    assert sharp != enlarged
