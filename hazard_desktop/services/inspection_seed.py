"""Seed the shipped checklist templates (``reference_data/checklist_templates.json``).

The file is in the exchange format of :mod:`services.template_exchange` with fixed UUIDs, so seeding
is an import: it runs at every start (cheaply: only versions not yet stored are written), adds the
templates to a database upgraded from an older build, and never touches a stored version. A later
build that ships a new version of a template adds it as a new version.
"""

from __future__ import annotations

import pkgutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window's start reads bundled_templates() only: the importer loads when seeding
    from hazard_desktop.services.ports import UnitOfWork
    from hazard_desktop.services.template_exchange import ImportReport

SEED_FILE = "checklist_templates.json"


def bundled_templates() -> str:
    """The shipped template file's text.

    Read through the package's loader (``pkgutil.get_data``, which the frozen program's importer serves too):
    ``importlib.resources`` would load ~20 modules (zip and temporary-file support) for this one read at every
    window start, ~4 ms (issue 16).
    """
    data = pkgutil.get_data("hazard_desktop.reference_data", SEED_FILE)
    if data is None:
        raise FileNotFoundError(SEED_FILE)
    return data.decode("utf-8")


def seed_checklist_templates(uow: UnitOfWork) -> ImportReport:
    """Add the shipped templates that are not stored yet (run after the reference data is seeded).

    Returns:
        What was added (nothing on every start after the first).
    """
    from hazard_desktop.domain.inspections import TemplateOrigin
    from hazard_desktop.services.template_exchange import import_templates

    return import_templates(uow, bundled_templates(), origin=TemplateOrigin.SEED)
