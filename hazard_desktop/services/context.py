"""What the composition root hands to the UI and the commands: factories of ports, no globals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hazard_desktop.services.ports import ImageProcessor, RegisterQueries, UnitOfWork


@dataclass
class AppContext:
    """Everything a use case needs from infrastructure, built once in ``app.py``.

    Attributes:
        uow: returns a fresh unit of work (use it in one ``with`` block).
        register: the read side of the hazard register.
        images: photo processor.
        data_dir: the data folder (database, backups, logs, exports).
        extras: ports added by later features (sheet renderer, exchange, ...), by name.
    """

    uow: Callable[[], UnitOfWork]
    register: RegisterQueries
    images: ImageProcessor
    data_dir: Path
    extras: dict[str, Any] = field(default_factory=dict)
