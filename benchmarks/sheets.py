"""The printed sheets against their floor: the same pages, the same embedded font, bare ReportLab calls.

Program: ``ReportLabSheetRenderer.render`` of one 隐患分级判定表 (with a site photo and the QR code) and
of a 50-sheet meeting batch. Floor: a bare ``reportlab.pdfgen.canvas.Canvas`` that draws, page by page,
the same words at the same places in the same subset-embedded WenQuanYi Micro Hei, the same QR modules
and the same photo, with the same compression — everything the program prints except its rules and
cell borders, i.e. what any renderer of these pages has to do. The words and their boxes are read back
from the program's own PDF with poppler's ``pdftotext -bbox`` (untimed), so the floor cannot print
less text than the program.

Run by ``benchmarks/register.py --only sheets`` (part of ``make bench``); alone:
``python benchmarks/sheets.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import html
import io
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hazard_desktop.services.sheet_models import GradingSheet, SheetDocument, SheetMember, SheetPhoto  # noqa: E402

BATCH = 50
QR_SIZE_MM = 21
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.DOTALL)
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.DOTALL)


@dataclass(frozen=True)
class Word:
    """One word of a page as the floor draws it (PDF coordinates: origin bottom left)."""

    x: float
    y: float
    size: float
    text: str


def sample_sheet(n: int, photo: bytes) -> GradingSheet:
    """A grading sheet as a panel of three prints it: a photo, three members, a band, the QR code."""
    from hazard_desktop.domain.verification import qr_payload, record_digest, short_code

    number = f"YH-2026-{n:04d}"
    code = short_code(record_digest({"bench": number}))
    return GradingSheet(
        plant_name="某化工有限公司",
        sheet_no=f"PJ-2026-{n:04d}",
        hazard_number=number,
        description=f"{n} 号液氯汽化器出口压力表失准，法兰处轻微泄漏，现场有刺激性气味，未设置警示标识。",
        location="二号罐区 液氯汽化器 E-203",
        category="4.6 设备设施 / 4.6.1 特种设备",
        found_at="2026-05-08 09:40",
        found_by="王丽萍",
        method_label="LEC 作业条件危险性评价法（D = L × E × C）",
        basis_lines=("公司《事故隐患分级管理规定》", "GB/T 13861-2022"),
        criteria=(),
        members=(
            SheetMember("组长", "陈建国", "安环部", "6", "6", "7", "252"),
            SheetMember("成员", "周永明", "生产部", "3", "6", "7", "126"),
            SheetMember("成员", "黄秀英", "工会", "3", "6", "15", "270"),
        ),
        mean_d="216",
        band_name="高度危险",
        band_colour="#E67E22",
        action="立即整改。",
        threshold_set="LEC 分级标准（2020-01-01 起）",
        leader_name="陈建国",
        graded_on="2026年5月10日",
        verify_code=code,
        qr_payload=qr_payload(code, number),
        photos=(SheetPhoto(photo, "照片1"),),
    )


def documents() -> dict[str, SheetDocument]:
    """One sheet, and a meeting batch of ``BATCH`` sheets (each with its own photo: one image embedded once
    would flatter both renderers)."""
    from hazard_desktop.adapters.demo_photos import make_photo
    from hazard_desktop.adapters.images import PillowImageProcessor

    images = PillowImageProcessor()
    photos = [images.process(make_photo(n, (640, 480))).display_jpeg for n in range(1, BATCH + 1)]
    one = sample_sheet(1, photos[0])
    batch = tuple(sample_sheet(n, photos[n - 1]) for n in range(1, BATCH + 1))  # a photo each, as in a meeting
    return {
        "one grading sheet": SheetDocument(title="bench", sheets=(one,)),
        f"meeting batch of {BATCH} sheets": SheetDocument(title="bench", sheets=batch),
    }


def render_program(document: SheetDocument, path: Path) -> None:
    from hazard_desktop.adapters.pdf.sheets import ReportLabSheetRenderer

    ReportLabSheetRenderer(invariant=True).render(document, path)


def read_words(pdf: Path) -> list[list[Word]]:
    """The words of each page of ``pdf`` with their boxes (poppler's ``pdftotext -bbox``)."""
    if shutil.which("pdftotext") is None:
        raise SystemExit("the sheets benchmark needs pdftotext (Debian: poppler-utils)")
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', out).group(1))  # type: ignore[union-attr]
    pages = []
    for page in _PAGE.findall(out):
        words = []
        for x0, y0, _x1, y1, text in _WORD.findall(page):
            size = (float(y1) - float(y0)) / 1.2  # the box holds ascent + descent
            words.append(Word(float(x0), height - float(y1) + 0.2 * size, size, html.unescape(text)))
        pages.append(words)
    return pages


def render_floor(document: SheetDocument, pages: Sequence[Sequence[Word]], path: Path) -> None:
    """Draw ``pages`` with bare canvas calls: words, each sheet's QR modules and photo."""
    import segno
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from hazard_desktop.adapters.pdf.fonts import register_fonts

    font = register_fonts()
    canvas = Canvas(str(path), pagesize=A4, invariant=1, initialFontName=font)
    width, height = A4
    per_sheet = max(1, len(pages) // len(document.sheets))
    for number, words in enumerate(pages):
        for word in words:
            canvas.setFont(font, word.size)
            canvas.drawString(word.x, word.y, word.text)
        if number % per_sheet == 0 and number // per_sheet < len(document.sheets):
            sheet = document.sheets[number // per_sheet]
            matrix = segno.make(sheet.qr_payload, error="m", micro=False).matrix
            module = QR_SIZE_MM * mm / (len(matrix) + 4)
            left, top = width - 20 * mm - QR_SIZE_MM * mm, height - 15 * mm
            drawn = canvas.beginPath()
            for r, row in enumerate(matrix):
                for c, dark in enumerate(row):
                    if dark:
                        drawn.rect(left + (c + 2) * module, top - (r + 3) * module, module, module)
            canvas.drawPath(drawn, stroke=0, fill=1)
            for photo in sheet.photos[:1]:  # type: ignore[union-attr]
                picture = ImageReader(io.BytesIO(photo.jpeg))
                canvas.drawImage(picture, 48 * mm, height - 104 * mm, 24 * mm, 18 * mm)  # where the form has it
        canvas.showPage()
    canvas.save()


def measure(repeat: int, alternate: Callable[..., tuple[float, float]], figure: Callable[..., object]) -> list[object]:
    """One figure per document: program render time against the floor's, medians of ``repeat`` turns."""
    import time

    work = Path(tempfile.mkdtemp(prefix="hazard-sheets-"))
    figures = []
    try:
        program_pdf, floor_pdf = work / "program.pdf", work / "floor.pdf"
        for name, document in documents().items():
            render_program(document, program_pdf)  # warm-up: font loaded, modules imported
            pages = read_words(program_pdf)
            render_floor(document, pages, floor_pdf)

            def timed(draw: Callable[[], None]) -> float:
                start = time.thread_time()
                draw()
                return time.thread_time() - start

            value, base = alternate(
                repeat,
                lambda d=document: timed(lambda: render_program(d, program_pdf)),
                lambda d=document, p=pages: timed(lambda: render_floor(d, p, floor_pdf)),
            )
            words = sum(len(p) for p in pages)
            note = f"{len(pages)} pages, {words} words; PDF {program_pdf.stat().st_size // 1024} KB"
            figures.append(figure(f"print {name} (CPU)", value * 1000, base * 1000, "ms", 1.5, note))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    from register import Figure, alternate, print_table  # this folder is on sys.path when run as a script

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="turns of program and floor (default 5)")
    args = parser.parse_args(argv)
    figures = measure(args.repeat, alternate, Figure)
    print_table(figures)  # type: ignore[arg-type]
    return 0 if all(f.passed for f in figures) else 1  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
