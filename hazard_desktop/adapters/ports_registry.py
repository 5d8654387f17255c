"""Adds the ports of optional features to an AppContext (kept apart so features plug in one line each)."""

from __future__ import annotations

from hazard_desktop.services import output_files
from hazard_desktop.services.context import AppContext


def install(context: AppContext) -> None:
    """Register lazily-built adapters under their names in ``context.extras``."""
    # The engine is looked up when a writer is made: at start-up the window opens none (app.build_context).
    context.extras["bulk_writer_factory"] = lambda: _bulk_writer(context.extras["engine"])
    context.extras["inspection_record_renderer"] = _inspection_record_renderer
    context.extras["sheet_renderer"] = _sheet_renderer
    context.extras["drafts"] = _drafts(context)
    # PDFs half-written when the program was killed (in the folders it saves to by default)
    output_files.remove_stale_temporaries([context.data_dir, context.data_dir / "exports"])


def _bulk_writer(engine: object) -> object:
    from hazard_desktop.adapters.bulk import CoreBulkWriter

    return CoreBulkWriter(engine)  # type: ignore[arg-type]


def _drafts(context: AppContext) -> object:
    from hazard_desktop.adapters.drafts import JsonDraftStore

    return JsonDraftStore(context.data_dir / "drafts")  # the folder is made on the first save


def _inspection_record_renderer() -> object:
    from hazard_desktop.adapters.pdf.inspection_record import ReportLabInspectionRecordRenderer

    return ReportLabInspectionRecordRenderer()


def _sheet_renderer() -> object:
    from hazard_desktop.adapters.pdf.sheets import ReportLabSheetRenderer

    return ReportLabSheetRenderer()
