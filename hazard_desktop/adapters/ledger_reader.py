"""Reads a legacy ledger file into cell values: .xlsx with openpyxl (read-only, streaming), .csv with the
standard library. Bad files are refused before any cell is read, with a code the user is told in words.

Why openpyxl and not python-calamine (which would add .xls): openpyxl is pure Python, already the
library the architecture names for Excel, and its read-only mode streams a sheet. Calamine is a compiled
(Rust) wheel per platform, a second reader whose cell types and failures would need their own tests,
for a format (.xls, Excel 97–2003) that Excel and WPS save as .xlsx in two clicks; a .xls file is
refused with exactly that advice. CSV costs nothing (``csv``), so it is read.

Checks, in order: size on disk; the first bytes (an OLE container is either a password-protected
.xlsx — Excel encrypts into ``EncryptedPackage`` — or an old .xls); the zip directory (declared sizes
and compression ratios, so a zip bomb is refused unopened); the sheets' declared dimensions and, while
streaming, the rows actually read. Cells merged in the sheet are given the merged cell's value
(openpyxl's read-only mode leaves them empty), so a department written once beside five rows applies
to all five.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import re
import zipfile
from pathlib import Path
from typing import Any

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.services.ledger_import import LedgerSheet, LedgerWorkbook

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024  # a ledger of 100,000 rows is ~15 MB
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200  # XML compresses ~10–20×; a bomb ~1000×
MAX_ROWS = 100_000  # per sheet: a plant's ledger of decades holds a few thousand
MAX_COLUMNS = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_CELL = re.compile(r"^([A-Z]{1,3})([0-9]+)$")
_MERGE_CELL = re.compile(rb"<(?:[A-Za-z0-9_]+:)?mergeCell\s[^>]*?ref=\"([A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}[0-9]+)?)\"")


def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + (ord(char) - 64)
    return index - 1


def _range(ref: str) -> tuple[int, int, int, int] | None:
    """``A1:C3`` as 0-based (first row, first column, last row, last column)."""
    start, _, end = ref.partition(":")
    a, b = _CELL.match(start), _CELL.match(end or start)
    if not a or not b:
        return None
    return int(a.group(2)) - 1, _column_index(a.group(1)), int(b.group(2)) - 1, _column_index(b.group(1))


class OpenpyxlLedgerReader:
    """:class:`services.ledger_import.LedgerReader` for .xlsx/.xlsm and .csv files."""

    def __init__(self, max_rows: int = MAX_ROWS) -> None:
        self._max_rows = max_rows

    def read(self, path: Path) -> LedgerWorkbook:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise ValidationError("ledger_too_large", max_mb=MAX_FILE_BYTES // (1024 * 1024))
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError("ledger_unreadable", detail=exc.strerror or str(exc), errno=exc.errno) from exc
        digest = hashlib.sha256(data).hexdigest()
        if data.startswith(OLE_MAGIC):
            raise ValidationError("ledger_encrypted" if _ENCRYPTED in data else "ledger_xls")
        if path.suffix.lower() in (".csv", ".txt"):
            return LedgerWorkbook(path.name, digest, (self._csv(path.stem, data),))
        if not data.startswith(b"PK"):
            raise ValidationError("ledger_not_workbook")
        return LedgerWorkbook(path.name, digest, self._xlsx(data))

    # ------------------------------------------------------------------ csv

    def _csv(self, name: str, data: bytes) -> LedgerSheet:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - gb18030 decodes any byte string
            raise ValidationError("ledger_not_workbook")
        if "\x00" in text:
            raise ValidationError("ledger_not_workbook")
        try:
            dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows: list[tuple[object, ...]] = []
        for row in csv.reader(io.StringIO(text), dialect):
            if len(rows) >= self._max_rows:
                raise ValidationError("ledger_too_many_rows", max=self._max_rows)
            rows.append(tuple(cell if cell.strip() else None for cell in row[:MAX_COLUMNS]))
        return LedgerSheet(name, tuple(rows))

    # ------------------------------------------------------------------ xlsx

    def _check_zip(self, data: bytes) -> None:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ValidationError("ledger_not_workbook") from exc
        with archive:
            names = archive.namelist()
            if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
                raise ValidationError("ledger_not_workbook")
            if "xl/workbook.bin" in names:
                raise ValidationError("ledger_xlsb")
            total = 0
            for info in archive.infolist():
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if total > MAX_UNPACKED_BYTES or (info.file_size > 10 * 1024 * 1024 and ratio > MAX_RATIO):
                    raise ValidationError("ledger_too_large", max_mb=MAX_FILE_BYTES // (1024 * 1024))

    def _xlsx(self, data: bytes) -> tuple[LedgerSheet, ...]:
        self._check_zip(data)
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        except ValidationError:
            raise
        except Exception as exc:  # openpyxl raises many kinds for a broken package
            log.info("ledger workbook refused: %r", exc)
            raise ValidationError("ledger_not_workbook") from exc
        try:
            sheets = []
            for worksheet in workbook.worksheets:
                if getattr(worksheet, "sheet_state", "visible") != "visible":
                    continue
                sheets.append(self._sheet(workbook, worksheet))
            if not sheets:
                raise ValidationError("ledger_empty")
            return tuple(sheets)
        except ValidationError:
            raise
        except Exception as exc:
            log.info("ledger sheet refused: %r", exc)
            raise ValidationError("ledger_not_workbook") from exc
        finally:
            workbook.close()

    def _sheet(self, workbook: Any, worksheet: Any) -> LedgerSheet:
        declared = worksheet.max_row
        if declared is not None and declared > self._max_rows:
            raise ValidationError("ledger_too_many_rows", max=self._max_rows)
        rows: list[list[object]] = []
        for row in worksheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            if len(rows) >= self._max_rows:
                raise ValidationError("ledger_too_many_rows", max=self._max_rows)
            rows.append(list(row))
        while rows and not any(v is not None and str(v).strip() for v in rows[-1]):
            rows.pop()
        for first_row, first_col, last_row, last_col in self._merged(workbook, worksheet):
            if first_row >= len(rows) or first_col >= len(rows[first_row]):
                continue
            value = rows[first_row][first_col]
            for r in range(first_row, min(last_row, len(rows) - 1) + 1):
                line = rows[r]
                for c in range(first_col, min(last_col, MAX_COLUMNS - 1) + 1):
                    if c >= len(line):
                        line.extend([None] * (c + 1 - len(line)))
                    if (r, c) != (first_row, first_col):
                        line[c] = value
        return LedgerSheet(worksheet.title, tuple(tuple(r) for r in rows))

    @staticmethod
    def _merged(workbook: Any, worksheet: Any) -> list[tuple[int, int, int, int]]:
        """The merged ranges of a sheet, read from its XML (read-only mode does not load them).

        ``<mergeCell ref="A1:N1"/>`` elements follow the cell data; a regular expression over the bytes
        finds them ~20× faster than parsing the sheet's XML a second time.
        """
        archive = getattr(workbook, "_archive", None)
        path = getattr(worksheet, "_worksheet_path", None)
        if archive is None or path is None:
            return []
        with archive.open(path) as source:
            data = source.read()
        start = data.find(b"mergeCells")
        if start < 0:
            return []
        ranges = []
        for match in _MERGE_CELL.finditer(data, start):
            found = _range(match.group(1).decode("ascii"))
            if found is not None:
                ranges.append(found)
        return ranges
