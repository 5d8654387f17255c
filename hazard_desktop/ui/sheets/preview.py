"""Print preview and printing of a rendered sheet PDF (Qt printing; the PDF comes from the renderer).

:class:`SheetPreviewDialog` is a ``QPrintPreviewDialog`` whose ``paintRequested`` draws the pages of the
PDF (rendered by ``QPdfDocument``) onto the ``QPrinter``, on a white background (QtPdf renders with a
transparent one). The same slot runs for the on-screen preview and for the real print; the real print
is told apart by the printer's paint engine (the preview paints into a ``QPicture``) and first calls
``before_output`` — which records the prints and may hand back a re-rendered PDF when someone printed
the same sheet meanwhile (its copy numbers changed). A "Save as PDF…" action in the preview's toolbar
goes through the same hook.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QToolBar, QWidget

from hazard_desktop.ui import file_dialogs, messages
from hazard_desktop.ui.file_dialogs import FileKind
from hazard_desktop.ui.widgets import screen_fit

if TYPE_CHECKING:
    from hazard_desktop.services.context import AppContext

log = logging.getLogger(__name__)

PREVIEW_DPI = 150  # enough for the screen, cheap to render
PRINT_DPI = 300  # a 1200-dpi A4 bitmap would be 550 MB; 300 dpi prints text and QR codes crisply

#: Called just before the pages go to a printer or a file; returns the PDF to output (the same path,
#: a re-rendered one, or None to output nothing: the hook has told the user why).
BeforeOutput = Callable[[], Path | None]
#: "Save as PDF…" in one step: writes the document as the given file and records its prints; returns
#: the PDF it saved (the previewed one or a re-rendered one), or None (the hook has told the user why).
SavePdf = Callable[[Path], Path | None]


def is_preview(printer: QPrinter) -> bool:
    """True while ``QPrintPreviewWidget`` is drawing its preview pages (not a real print)."""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def paint_pdf(document: QPdfDocument, printer: QPrinter, dpi: int | None = None) -> int:
    """Draw every page of ``document`` onto ``printer``, each on a white page; return the page count.

    Each page is rendered as an image of at most ``dpi`` (default: the printer's resolution, capped
    at :data:`PRINT_DPI`) and scaled into the printer's whole paper, keeping its proportions.

    Raises:
        RuntimeError: the printer cannot be painted on.
    """
    pages = document.pageCount()
    if pages <= 0:
        return 0
    resolution = min(printer.resolution(), dpi or PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("cannot paint on the printer")
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            points = document.pagePointSize(page)
            size = QSize(
                max(1, round(points.width() / 72 * resolution)), max(1, round(points.height() / 72 * resolution))
            )
            image = document.render(page, size)
            target = _fit(QRectF(0, 0, paper.width(), paper.height()), size.width(), size.height())
            painter.fillRect(QRectF(0, 0, paper.width(), paper.height()), Qt.GlobalColor.white)
            if not image.isNull():
                painter.drawImage(target, image)
    finally:
        painter.end()
    return pages


def _fit(area: QRectF, width: int, height: int) -> QRectF:
    scale = min(area.width() / width, area.height() / height)
    w, h = width * scale, height * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)


def a4_printer(title: str) -> QPrinter:
    """A high-resolution printer set to A4 portrait, full page (the PDF carries its own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    printer.setDocName(title)
    return printer


class SheetPreviewDialog(QPrintPreviewDialog):
    """Print preview of a sheet PDF with printing and "Save as PDF…".

    Args:
        pdf_path: the rendered document.
        title: the print job's name.
        before_output: called before a real print or a save (see :data:`BeforeOutput`); None: output as is.
        parent: the main window.
        suggested_name: the file name offered by "Save as PDF…" (in the folder last used for PDFs).
        context: where that folder is remembered (None: the Documents folder, nothing remembered).
        save_pdf: "Save as PDF…" in one step (see :data:`SavePdf`); None: ``before_output``, then a copy.
    """

    def __init__(
        self,
        pdf_path: Path,
        title: str,
        before_output: BeforeOutput | None = None,
        parent: QWidget | None = None,
        *,
        suggested_name: str = "",
        save_pdf: SavePdf | None = None,
        context: AppContext | None = None,
    ) -> None:
        self._printer = a4_printer(title)
        super().__init__(self._printer, parent)
        self.setObjectName("sheetPreviewDialog")
        self.setWindowTitle(self.tr("Print preview — {title}").format(title=title))
        screen_fit.fit_on_show(self, (900, 1000), remember="sheetPreview")
        self.title = title
        self.suggested_name = Path(suggested_name).name if suggested_name else f"{title}.pdf"
        self.context = context
        self.before_output = before_output
        self.save_pdf = save_pdf
        self.document = QPdfDocument(self)
        self.pdf_path = Path()
        self.outputs: list[str] = []  # "print" / saved paths, in order (tests and the caller read it)
        self.load(Path(pdf_path))
        self.paintRequested.connect(self.paint)
        self.save_action = QAction(self.tr("Save as PDF…"), self)
        self.save_action.setObjectName("savePdfAction")
        self.save_action.setToolTip(self.tr("Save the sheets as a PDF file"))
        self.save_action.triggered.connect(self._save_triggered)
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_action)
        else:  # pragma: no cover - Qt always has the toolbar
            self.addAction(self.save_action)

    @property
    def preview_widget(self) -> QPrintPreviewWidget | None:
        """The preview inside the dialog (tests refresh it)."""
        return self.findChild(QPrintPreviewWidget)

    def load(self, pdf_path: Path) -> None:
        """Show ``pdf_path`` (a re-rendered document replaces the current one).

        Raises:
            OSError: QtPdf cannot read the file.
        """
        self.document.close()
        error = self.document.load(str(pdf_path))
        if error != QPdfDocument.Error.None_:
            raise OSError(f"cannot read {pdf_path}: {error}")
        self.pdf_path = pdf_path

    def page_count(self) -> int:
        """Pages of the document shown."""
        return self.document.pageCount()

    def paint(self, printer: QPrinter) -> None:
        """``paintRequested``: the preview, or a real print after ``before_output`` said yes."""
        if is_preview(printer):
            paint_pdf(self.document, printer, PREVIEW_DPI)
            return
        if not self._ready_for_output():
            return
        paint_pdf(self.document, printer)
        self.outputs.append("print")

    def _save_triggered(self) -> None:
        """The "Save as PDF…" action: ask for the file (``triggered(bool)`` must never reach ``save_as``)."""
        try:
            self.save_as()
        except OSError as exc:
            log.warning("saving %s failed: %s", self.title, exc)
            messages.show_info(
                self,
                self.tr("Save as PDF"),
                self.tr("The file cannot be written: {error}").format(error=messages.os_error_text(exc)),
            )

    def save_as(self, path: Path | None = None) -> Path | None:
        """Save the document as a PDF (asks for the file unless ``path`` is given); record it first."""
        if path is None:
            chosen, _ = file_dialogs.save_file(
                self, self.context, FileKind.PDF, self.tr("Save as PDF"), self.suggested_name,
                self.tr("PDF files (*.pdf)"),
            )  # fmt: skip
            if chosen is None:
                return None
            path = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")
        if self.save_pdf is not None:  # the file and its print rows in one step
            saved = self.save_pdf(path)
            if saved is None:
                return None
            self._show_document(Path(saved))
        else:
            if not self._ready_for_output():
                return None
            shutil.copyfile(self.pdf_path, path)
        self.outputs.append(str(path))
        return path

    def _ready_for_output(self) -> bool:
        if self.before_output is None:
            return True
        chosen = self.before_output()
        if chosen is None:
            return False
        self._show_document(Path(chosen))
        return True

    def _show_document(self, path: Path) -> None:
        if path != self.pdf_path:
            self.load(path)
            widget = self.preview_widget
            if widget is not None:  # not now: we may be inside paintRequested of the real print
                QTimer.singleShot(0, widget.updatePreview)
