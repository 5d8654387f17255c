"""Self-test of an installed or freshly built program: ``hazard-desktop --smoke [--data-dir DIR]``.

Composition-root level (may import every layer). It runs headless (``QT_QPA_PLATFORM=offscreen``
unless set) and checks, in the order a real start does them:

1. the bundled resources are where the program looks for them (font, ``.qm`` translations, Alembic
   migrations, reference data) — in the source tree or in a frozen build's ``_internal``;
2. the QApplication starts with the bundled CJK font and the translators;
3. the database of the data folder opens: created, or backed up and migrated to this build's head;
4. the main window builds, shows (offscreen) and paints;
5. a grading sheet PDF is rendered with ReportLab (bundled font, QR, photo) and read back with QtPdf:
   the sheet of a stored grading when there is one, else a sample (see :func:`_render_sheet`);
6. the statistics window opens with its QtCharts charts and paints, and this year's statistics report is
   written as PDF (ReportLab) and .xlsx (openpyxl): the libraries a build could leave out.
7. the register is exported as the Excel ledger (XlsxWriter is in the build) to
   ``<data folder>/smoke/smoke-ledger.xlsx``, and a two-row legacy ledger is read back through the import's
   reader (openpyxl is in the build).

It adds no records of its own (opening the database may create and seed it, or back it up and migrate
it, as any start does); the PDF goes to ``<data folder>/smoke/smoke-sheet.pdf``. On success it prints one
JSON object (the report) on stdout and returns 0; on failure it prints the traceback on stderr and
returns 1 (2 for a database the program must not open, as the normal start does).
"""

from __future__ import annotations

import json
import logging
import os
import platform
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from hazard_desktop import __version__, paths

log = logging.getLogger(__name__)

SMOKE_FOLDER = "smoke"
SHEET_FILE = "smoke-sheet.pdf"
REPORT_FILES = ("smoke-report.pdf", "smoke-report.xlsx")
LEDGER_FILE = "smoke-ledger.xlsx"


def run_smoke(data_dir: Path, language: str | None = None) -> int:
    """Run the self-test on ``data_dir``; print the JSON report; return the exit code."""
    from hazard_desktop.adapters.errors import StorageError

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    report: dict[str, Any] = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": platform.python_version(),
        "platform": sys.platform,
        "program_dir": str(paths.program_dir()),
        "data_dir": str(data_dir),
        # The per-user folder used when nothing else is chosen (not created here): dist_check proves with it
        # that portable mode leaves the real user folder alone, also on Windows where APPDATA is not consulted.
        "default_data_dir": str(paths.default_data_dir()),
        # 1 in the frozen program (spec: X utf8): piped Chinese output is UTF-8, not the ANSI code page.
        "utf8_mode": sys.flags.utf8_mode,
        "stdout_encoding": getattr(sys.stdout, "encoding", None),
    }
    try:
        report["resources"] = _check_resources()
        report["application"] = _step(report, "application", lambda: _start_application(language))
        context = _step(report, "database", lambda: _open_database(data_dir, report))
        try:
            _step(report, "main_window", lambda: _build_main_window(context, report))
            _step(report, "sheet", lambda: _render_sheet(context, data_dir / SMOKE_FOLDER / SHEET_FILE, report))
            _step(report, "statistics", lambda: _statistics(context, data_dir / SMOKE_FOLDER, report))
            report["passwords"] = _step(report, "passwords", lambda: _check_passwords(context))
            _step(report, "ledger", lambda: _export_ledger(context, data_dir / SMOKE_FOLDER / LEDGER_FILE, report))
            report["ledger_import"] = _step(
                report, "ledger_import", lambda: _read_ledger(context, data_dir / SMOKE_FOLDER)
            )
        finally:
            from hazard_desktop.app import close_context

            close_context(context)
    except StorageError as exc:
        print(f"smoke: database refused: {exc.code} {exc.params}", file=sys.stderr)
        return 2
    except Exception:
        traceback.print_exc(file=sys.stderr)
        print("smoke: FAILED", file=sys.stderr)
        return 1
    report["total_ms"] = round((time.perf_counter() - started) * 1000)
    report["ok"] = True
    print(json.dumps(report, ensure_ascii=False, sort_keys=True), flush=True)
    return 0


def _check_passwords(context: Any) -> dict[str, Any]:
    """Argon2id hashes and verifies (argon2-cffi's compiled part is in the build: installer/ spec)."""
    hasher = context.secrets
    secret_hash = hasher.hash("smoke-secret-1")
    ok = hasher.verify(secret_hash, "smoke-secret-1") and not hasher.verify(secret_hash, "smoke-secret-2")
    if not ok:
        raise RuntimeError("Argon2id does not verify what it hashed")
    return {"ok": ok, "scheme": secret_hash.split("$")[1]}


def _step(report: dict[str, Any], name: str, action: Any) -> Any:
    """Run one step, recording its duration in ``report["timings_ms"]``."""
    started = time.perf_counter()
    result = action()
    report.setdefault("timings_ms", {})[name] = round((time.perf_counter() - started) * 1000)
    return result


def _check_resources() -> dict[str, Any]:
    """Every file the program loads from disk must be present (a broken build fails here, not later)."""
    from importlib import resources

    from hazard_desktop.adapters.pdf.fonts import font_path
    from hazard_desktop.adapters.schema import MIGRATIONS_DIR, head_revision, known_revisions

    resource_dir = paths.resource_dir()
    qm_files = sorted(p.name for p in (resource_dir / "translations").glob("*.qm"))
    reference = resources.files("hazard_desktop.reference_data")
    json_files = sorted(p.name for p in reference.iterdir() if p.name.endswith(".json"))
    if not json_files:
        raise FileNotFoundError("reference data (hazard_desktop/reference_data/*.json) is missing")
    if not (MIGRATIONS_DIR / "env.py").is_file():
        raise FileNotFoundError(f"Alembic env.py is missing from {MIGRATIONS_DIR}")
    return {
        "resource_dir": str(resource_dir),
        "font": str(font_path()),
        "translations": qm_files,
        "migrations_dir": str(MIGRATIONS_DIR),
        "revisions": known_revisions(),
        "head": head_revision(),
        "reference_data": json_files,
    }


def _start_application(language: str | None) -> dict[str, Any]:
    from hazard_desktop.ui.application import chosen_language, create_application

    lang = chosen_language(language)
    app = create_application([sys.argv[0] if sys.argv else "hazard_desktop"], paths.resource_dir(), lang)
    font = app.font().family()
    translators = len(getattr(app, "_hazard_translators", []))
    if "WenQuanYi" not in font and "文泉" not in font:
        raise RuntimeError(f"the bundled CJK font is not the application font (got {font!r})")
    return {"language": lang, "font_family": font, "translators": translators}


def _open_database(data_dir: Path, report: dict[str, Any]) -> Any:
    from hazard_desktop.adapters.schema import current_revision
    from hazard_desktop.app import build_context

    db = paths.database_path(data_dir)
    before = current_revision(db)
    context = build_context(data_dir)
    opened = context.storage.opened()
    with context.uow() as uow:
        hazards = uow.hazards.count()
    report["database"] = {
        "path": str(db),
        "revision_before": before,
        "revision": current_revision(db),
        "migrated_from": opened.migrated_from,
        "backup": str(opened.backup) if opened.backup else None,
        "hazards": hazards,
    }
    return context


def _build_main_window(context: Any, report: dict[str, Any]) -> None:
    from PySide6.QtWidgets import QApplication

    from hazard_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    image = window.grab()
    window.close()
    app.processEvents()
    window.deleteLater()
    app.processEvents()
    if image.isNull() or image.width() < 100:
        raise RuntimeError("the main window did not paint")
    report["main_window"] = {"class": type(window).__name__, "title": window.windowTitle(), "size": image.width()}


def _statistics(context: Any, folder: Path, report: dict[str, Any]) -> None:
    """Open the statistics window (QtCharts), paint it, and write this year's report as PDF and .xlsx."""
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from hazard_desktop.domain.reporting import year_period
    from hazard_desktop.services import reports
    from hazard_desktop.ui.statistics.window import StatisticsWindow

    app = QApplication.instance()
    window = StatisticsWindow(context)
    try:
        window.resize(1000, 700)
        window.show()
        app.processEvents()
        image = window.grab()
        if image.isNull() or image.width() < 100:
            raise RuntimeError("the statistics window did not paint")
        charts = sum(1 for chart in window.charts.values() if chart.series())
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    queries = context.statistics()
    try:
        for name in REPORT_FILES:
            out = folder / name
            made = reports.write_report(
                queries, reports.plant_name(context.uow()), year_period(date.today().year), out,
                context.report_renderers, today=date.today(),
            )  # fmt: skip
            written[name] = {"path": str(out), "bytes": out.stat().st_size, "verify_code": made.verify_code}
    finally:
        queries.close()
    report["statistics"] = {"charts": charts, "reports": written}


def _render_sheet(context: Any, out: Path, report: dict[str, Any]) -> None:
    """Render a grading sheet PDF and read it back with QtPdf.

    With the sheet service and a confirmed grading in the database, the sheet is that grading's, built by
    :func:`hazard_desktop.services.sheets.grading_sheet_document` — read-only: it shows the copy number
    the next print would get and records nothing (a real print records a copy in the plant's legal
    record, which a self-test must not do). Otherwise (a new database) it is a sample view-model. Either
    way it goes through the real renderer: ReportLab, the bundled font, a segno QR, a Pillow photo.
    """
    from hazard_desktop.adapters.pdf.sheets import ReportLabSheetRenderer

    document, source = _stored_document(context)
    if document is None:
        document, source = _sample_document(context), "sample"
    renderer = ReportLabSheetRenderer() if context.sheet_renderer is None else context.sheet_renderer()
    out.parent.mkdir(parents=True, exist_ok=True)
    renderer.render(document, out)
    data = out.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise RuntimeError(f"{out} is not a PDF")
    report["sheet"] = {"path": str(out), "bytes": len(data), "source": source, **_read_back(out)}


def _read_ledger(context: Any, folder: Path) -> dict[str, Any]:
    """Write a two-row ledger with openpyxl and read it back through the import's reader (openpyxl frozen?)."""
    from openpyxl import Workbook

    from hazard_desktop.services.ledger_import import guess_mapping

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "smoke-legacy-ledger.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["隐患编号", "发现日期", "隐患部位", "隐患描述"])
    sheet.append(["S-1", "2026/3/5", "罐区", "自检"])
    workbook.save(path)
    read = context.ledger_reader().read(path)
    mapping = guess_mapping(read)
    return {"rows": len(read.sheets[0].rows), "columns": len(mapping.columns)}


def _export_ledger(context: Any, out: Path, report: dict[str, Any]) -> None:
    """Export the whole register as the Excel ledger (read-only: records nothing) and check the file."""
    from hazard_desktop.services.ledger_export import LedgerRequest, export_ledger

    result = export_ledger(context.uow(), context.ledger_source(), context.ledger_writer, LedgerRequest(), out)
    data = out.read_bytes()
    if not data.startswith(b"PK"):  # an .xlsx is a zip
        raise RuntimeError(f"{out} is not an .xlsx workbook")
    report["ledger"] = {"path": str(out), "bytes": len(data), "rows": result.rows}


def _stored_document(context: Any) -> tuple[Any, str | None]:
    """The sheet of the newest meeting's first confirmed grading, or (None, None)."""
    try:
        from hazard_desktop.services import sheets
    except ModuleNotFoundError as exc:  # the sheet service is a later feature than this self-test
        if exc.name != "hazard_desktop.services.sheets":
            raise
        return None, None
    with context.uow() as uow:
        gradings = uow.gradings
        grading = next((g for m in gradings.meetings() for g in gradings.for_meeting(m.id)), None)
    if grading is None:
        return None, None
    return sheets.grading_sheet_document(context.uow(), grading_id=grading.id), f"service:{grading.id}"


def _read_back(path: Path) -> dict[str, Any]:
    """Load the PDF with QtPdf and render page 1 (checks QtPdf made it into the build)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_:
        raise RuntimeError(f"QtPdf cannot load {path}: {error}")
    pages = document.pageCount()
    image = document.render(0, QSize(595, 842))
    document.close()
    if pages < 1 or image.isNull():
        raise RuntimeError(f"QtPdf rendered nothing from {path}")
    return {"pages": pages}


def _sample_document(context: Any) -> Any:
    from hazard_desktop.adapters.demo_photos import make_photo
    from hazard_desktop.domain.verification import qr_payload, record_digest, short_code
    from hazard_desktop.services.sheet_models import GradingSheet, SheetDocument, SheetMember, SheetPhoto

    number = "YH-2026-0001"
    code = short_code(record_digest({"smoke": number, "version": __version__}))
    photo = context.images.process(make_photo(1, (640, 480)))
    sheet = GradingSheet(
        plant_name="自检示例 — 非正式记录",
        sheet_no="PJ-SMOKE-001",
        hazard_number=number,
        description="自检样表：液氯汽化器出口压力表失准，法兰处轻微泄漏。（本表由 --smoke 自检生成，不是正式记录。）",
        location="二号罐区 液氯汽化器 E-203",
        category="4.5 设备设施 / 4.5.1 压力容器及附件",
        found_at="2026-05-08 09:40",
        found_by="自检",
        method_label="LEC 作业条件危险性评价法（D = L × E × C）",
        basis_lines=("公司《事故隐患分级管理规定》",),
        criteria=(),
        members=(
            SheetMember("组长", "王建国", "安全环保部", "6", "6", "7", "252"),
            SheetMember("成员", "李秀英", "生产技术部", "3", "6", "7", "126"),
            SheetMember("成员", "张伟", "设备动力部", "3", "6", "15", "270"),
        ),
        mean_d="216",
        band_name="高度危险",
        band_colour="#E67E22",
        action="立即整改。",
        threshold_set="LEC 分级标准（自检样表）",
        leader_name="王建国",
        graded_on="2026年5月10日",
        verify_code=code,
        qr_payload=qr_payload(code, number),
        photos=(SheetPhoto(photo.display_jpeg, "照片1"),),
    )
    return SheetDocument(title="smoke", sheets=(sheet,))
