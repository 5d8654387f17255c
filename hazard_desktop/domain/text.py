"""Rules every typed or imported text follows, whatever the field."""

from __future__ import annotations

import unicodedata

from hazard_desktop.domain.errors import ValidationError

# Tab and line breaks belong in multi-line texts; every other control character (NUL, ESC, BEL, DEL, C1)
# is invisible on screen, corrupts printed sheets and exchange files, and never comes from honest typing.
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def refuse_control_characters(text: str, field: str, **params: object) -> str:
    """Return ``text`` unchanged if it holds no control characters but tab and line breaks.

    Raises:
        ValidationError: ``text_control_characters`` (param ``position``: 1-based, of the first one).
    """
    for index, char in enumerate(text):
        if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc":
            raise ValidationError("text_control_characters", field=field, position=index + 1, **params)
    return text


# Full-width digits, point and signs, as Chinese input methods type them, read as their ASCII forms.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．＋－", "0123456789.+-")


def ascii_digits(text: str) -> str:
    """``text`` with full-width digits, point and signs made ASCII (other scripts' digits stay as they are)."""
    return text.translate(_FULL_WIDTH)
