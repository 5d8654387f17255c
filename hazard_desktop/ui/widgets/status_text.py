"""A status bar item's full and short wording: the main window shows the short one when the bar lacks room.

At 1366×768 and 150 % (911 logical px) the English status bar had room for the counts and the operator only:
"Role: …" and the next report's date stepped aside (new-user trial u6). An item given both wordings with
:func:`set_texts` is first shortened (its tooltip keeps the full wording) and only then, if still too wide,
hidden (``MainWindow.fit_status_bar``).
"""

from __future__ import annotations

from typing import Protocol

_FULL = "statusFullText"
_SHORT = "statusShortText"


class _Texted(Protocol):
    def setText(self, text: str) -> None: ...  # noqa: N802 (Qt's name)
    def text(self) -> str: ...
    def setProperty(self, name: str, value: object) -> bool: ...  # noqa: N802
    def property(self, name: str) -> object: ...


def set_texts(widget: _Texted, full: str, short: str | None = None) -> None:
    """Show ``full``; ``short`` is what the item says when the bar lacks room (default: ``full``)."""
    widget.setProperty(_FULL, full)
    widget.setProperty(_SHORT, short or full)
    widget.setText(full)


def show_full(widget: object) -> None:
    """Back to the full wording (room again)."""
    full = getattr(widget, "property", lambda _name: None)(_FULL)
    if isinstance(full, str) and widget.text() != full:  # type: ignore[attr-defined]
        widget.setText(full)  # type: ignore[attr-defined]


def shorten(widget: object) -> bool:
    """Show the short wording; True if that made the item narrower."""
    short = getattr(widget, "property", lambda _name: None)(_SHORT)
    if not isinstance(short, str) or widget.text() == short:  # type: ignore[attr-defined]
        return False
    widget.setText(short)  # type: ignore[attr-defined]
    return True
