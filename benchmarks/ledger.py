"""The Excel ledger export at 100,000 hazards against its floor, and its memory at two sizes.

Program: ``services.ledger_export.export_ledger`` of the whole register — the SQL read on its own
connection, the row values, XlsxWriter in constant-memory mode with a format on every cell, band
colours, the title rows, print setup, then flush and rename. Floor: the same library writing the same
values (taken from the program's own rows beforehand, untimed) in the same mode with no format at
all — one typed ``write_*`` call per non-empty cell and ``close()``: what any .xlsx of these rows
costs with this writer. Target ≤ 1.5× (issue 13), in CPU seconds and in wall-clock seconds.

Memory: the export runs in a child process (started by ``spawn.py``, which reads its peak RSS) over
the first fifth of the rows and over all of them; the peak must stay flat (≤ 1.15×): rows are
streamed from SQLite in blocks and written to XlsxWriter's temporary file as they come.

The demo register's hazards are ungraded; before measuring, a copy gets grades, methods, D values
and bands on four rows in five, 五定 on three in five and an acceptance on one in five (plain SQL), so
that every column is written as in a real register.

Run by ``benchmarks/register.py --only ledger`` (part of ``make bench``); alone:
``python benchmarks/ledger.py [--count N] [--runs N] [--data-dir DIR]``.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hazard_desktop import paths  # noqa: E402

MEMORY_TARGET = 1.15


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def graded_copy(folder: Path, target: Path) -> Path:
    """A copy of ``folder``'s register whose hazards mostly carry a grading's columns (grade, D, band)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with sqlite3.connect(paths.database_path(folder)) as source, sqlite3.connect(paths.database_path(target)) as copy:
        source.backup(copy)
    con = sqlite3.connect(paths.database_path(target))
    try:
        bands = [code for (code,) in con.execute("SELECT DISTINCT code FROM threshold_bands ORDER BY code")]
        cases = " ".join(f"WHEN {i} THEN '{code}'" for i, code in enumerate(bands))
        con.execute(
            "UPDATE hazards SET"
            " status = CASE pk % 5 WHEN 0 THEN 'graded' WHEN 1 THEN 'rectifying' WHEN 2 THEN 'closed'"
            "   WHEN 3 THEN 'verifying' ELSE status END,"
            " grade = CASE WHEN pk % 5 = 4 THEN grade WHEN pk % 23 = 0 THEN 'major' ELSE 'general' END,"
            " grading_method = CASE WHEN pk % 5 = 4 THEN NULL WHEN pk % 23 = 0 THEN 'criteria' ELSE 'lec_panel' END,"
            " mean_d = CASE WHEN pk % 5 = 4 OR pk % 23 = 0 THEN NULL ELSE printf('%.2f', (pk * 37) % 400 + 3.5) END,"
            " mean_d_sort = CASE WHEN pk % 5 = 4 OR pk % 23 = 0 THEN NULL ELSE (pk * 37) % 400 + 3.5 END,"
            f" band_code = CASE WHEN pk % 5 = 4 OR pk % 23 = 0 THEN NULL ELSE CASE pk % {len(bands)} {cases} END END"
        )
        # 五定 on the hazards in rectification, verifying or closed; the closed ones accepted (plain rows of
        # the shapes r12a's repository writes; only what the ledger reads matters here)
        loop = "pk % 5 IN (1, 2, 3)"
        con.execute(
            "UPDATE hazards SET responsible_department_id = department_id, responsible_person_id = found_by_id,"
            f" deadline = date(found_at, '+15 days') WHERE {loop}"
        )
        con.execute("UPDATE hazards SET closed_on = date(found_at, '+12 days') WHERE pk % 5 = 2")
        con.execute(
            "INSERT INTO rectification_assignments (id, created_at, updated_at, hazard_id, responsible_department_id,"
            " responsible_person_id, measures, funds, funds_source, original_deadline, deadline, interim_measures,"
            " assigned_by_id, assigned_on, on_the_spot)"
            " SELECT lower(hex(randomblob(16))), created_at, updated_at, id, department_id, found_by_id,"
            " '更换密封件并试压合格，完善巡检记录和交接班记录', printf('%d.00', (pk % 20) * 500), '车间维修费用',"
            " date(found_at, '+15 days'), date(found_at, '+15 days'), '整改期间设置警戒区，每班巡检两次，备好应急器材',"
            f" found_by_id, date(found_at), 0 FROM hazards WHERE {loop}"
        )
        con.execute(
            "INSERT INTO acceptances (id, created_at, updated_at, hazard_id, result, decided_by, decided_on,"
            " decided_at, remarks, acceptance_group, evaluation)"
            " SELECT lower(hex(randomblob(16))), h.created_at, h.updated_at, h.id, 'accepted',"
            " json_object('name', p.name, 'person_id', p.id), h.closed_on, h.found_at, '', '[]', NULL"
            " FROM hazards h JOIN people p ON p.id = h.found_by_id WHERE h.pk % 5 = 2"
        )
        con.commit()
    finally:
        con.close()
    return target


class Limited:
    """A ledger source that stops after ``limit`` rows (the memory figure's smaller export)."""

    def __init__(self, source: Any, limit: int | None) -> None:
        self.source, self.limit = source, limit

    def count(self, flt: Any) -> int:
        total = self.source.count(flt)
        return total if self.limit is None else min(total, self.limit)

    def found_span(self, flt: Any) -> Any:
        return self.source.found_span(flt)

    def rows(self, flt: Any, sort: Any, descending: bool) -> Iterator[Any]:
        return itertools.islice(self.source.rows(flt, sort, descending), self.limit)

    def close(self) -> None:
        self.source.close()


def export(folder: Path, target: Path, limit: int | None = None) -> int:
    """The program's export of ``folder``'s register to ``target``; the number of rows."""
    from hazard_desktop.adapters.ledger_queries import SqlLedgerSource
    from hazard_desktop.adapters.ledger_xlsx import XlsxLedgerWriter
    from hazard_desktop.adapters.start_reads import StartUnitOfWork, connect
    from hazard_desktop.services.ledger_export import LedgerRequest, export_ledger

    database = paths.database_path(folder)
    reads = connect(database)
    try:
        uow = StartUnitOfWork(reads, lambda: None)  # settings only (plant name, decimals)
        source = Limited(SqlLedgerSource(database), limit)
        return export_ledger(uow, source, XlsxLedgerWriter, LedgerRequest(), target).rows  # type: ignore[arg-type]
    finally:
        reads.close()


def floor_values(folder: Path) -> tuple[list[str], list[list[object]]]:
    """The headers and every row's plain values, as the program writes them (untimed)."""
    from hazard_desktop.adapters.ledger_queries import SqlLedgerSource
    from hazard_desktop.services.ledger_export import LEDGER_COLUMNS, BandCell
    from hazard_desktop.services.ports import RegisterFilter, SortKey

    source = SqlLedgerSource(paths.database_path(folder))
    rows: list[list[object]] = []
    try:
        for seq, row in enumerate(source.rows(RegisterFilter(), SortKey.NUMBER, False), start=1):
            values = [c.value(row, seq) for c in LEDGER_COLUMNS]
            rows.append([v.name if isinstance(v, BandCell) else v for v in values])
    finally:
        source.close()
    return [c.header for c in LEDGER_COLUMNS], rows


def floor_write(target: Path, headers: list[str], rows: list[list[object]]) -> None:
    """The same values by the same library, constant memory, no format: one typed call per cell; then
    flushed to the disk and renamed into place like every file the program writes for people (a file that
    a power cut can lose is not the same result)."""
    from decimal import Decimal

    import xlsxwriter

    from hazard_desktop.services import output_files
    from hazard_desktop.services.ledger_export import LEDGER_COLUMNS, CellKind

    partial = target.with_name(f".{target.name}.part")
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    sheet = book.add_worksheet()
    for col, header in enumerate(headers):
        sheet.write_string(2, col, header)
    kinds = [c.kind for c in LEDGER_COLUMNS]
    text = {CellKind.TEXT, CellKind.LONG, CellKind.BAND}
    writers = [
        sheet.write_string if k in text else sheet.write_datetime if k is CellKind.DATE else sheet.write_number
        for k in kinds
    ]
    for r, values in enumerate(rows, start=3):
        for col, value in enumerate(values):
            if value is None or value == "":
                continue
            writers[col](r, col, float(value) if isinstance(value, Decimal) else value)
    book.close()
    output_files.place(partial, target)


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``function()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def peak_rss(folder: Path, target: Path, limit: int, log_file: Path) -> float:
    """Peak RSS (MB) of a child process that exports the first ``limit`` rows."""
    command = [sys.executable, str(Path(__file__)), "--child", str(folder), str(target), str(limit)]
    launcher = [sys.executable, "-S", str(ROOT / "benchmarks" / "spawn.py"), *command]
    with log_file.open("wb") as errors:
        done = subprocess.run(launcher, stdout=subprocess.PIPE, stderr=errors, cwd=ROOT, timeout=900)
    found = dict(line.split(maxsplit=1) for line in done.stdout.decode().splitlines() if line.count(" ") == 1)
    if done.returncode != 0 or "maxrss-kib" not in found:
        raise SystemExit(f"ledger child exited {done.returncode}; stderr in {log_file}")
    return int(found["maxrss-kib"]) / 1024


def measure(folder: Path, work: Path, runs: int, alternate: Callable[..., Any], figure: Callable[..., Any]) -> list:
    """The ledger figures for the register in ``folder`` (``alternate`` and ``figure`` from register.py)."""
    data = graded_copy(folder, work / "ledger-register")
    out = work / "ledger-out"
    out.mkdir(exist_ok=True)
    count = export(data, out / "warm-up.xlsx")
    headers, rows = floor_values(data)
    if len(rows) != count:
        raise SystemExit("ledger: the floor's rows differ from the program's")
    floor_write(out / "floor-warm-up.xlsx", headers, rows)
    product_times: list[tuple[float, float]] = []
    floor_times: list[tuple[float, float]] = []

    def product() -> float:
        product_times.append(timed(lambda: export(data, out / "ledger.xlsx")))
        return product_times[-1][0]

    def floor() -> float:
        floor_times.append(timed(lambda: floor_write(out / "floor.xlsx", headers, rows)))
        return floor_times[-1][0]

    log(f"ledger: {runs} exports of {count} rows each, program and floor in turns")
    alternate(runs, product, floor)
    rows.clear()
    import statistics

    wall = statistics.median(t[0] for t in product_times), statistics.median(t[0] for t in floor_times)
    cpu = statistics.median(t[1] for t in product_times), statistics.median(t[1] for t in floor_times)
    small = max(1, count // 5)
    log(f"ledger: peak memory of an export of {small} and of {count} rows (child processes)")
    rss_small = min(peak_rss(data, out / "small.xlsx", small, work / "ledger-small.txt") for _ in range(2))
    rss_all = min(peak_rss(data, out / "all.xlsx", count, work / "ledger-all.txt") for _ in range(2))
    thousands = count // 1000
    return [
        figure(
            f"export ledger, {thousands}k rows (.xlsx)",
            wall[0] * 1000,
            wall[1] * 1000,
            "ms",
            1.5,
            "floor: same values, same writer, no format",
        ),  # fmt: skip
        figure("… its CPU time", cpu[0] * 1000, cpu[1] * 1000, "ms", 1.5),
        figure(
            f"peak RSS exporting {thousands}k rows vs {small // 1000}k",
            rss_all,
            rss_small,
            "MB",
            MEMORY_TARGET,
            "flat: rows streamed",
        ),  # fmt: skip
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="hazards in the register (default 100000)")
    parser.add_argument("--runs", type=int, default=3, help="exports of each kind (default 3)")
    parser.add_argument("--data-dir", type=Path, help="a data folder holding a register (else one is built)")
    parser.add_argument("--child", nargs=3, metavar=("DIR", "OUT", "LIMIT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:  # the memory figure's child process
        folder, target, limit = args.child
        export(Path(folder), Path(target), int(limit))
        return 0
    import register  # benchmarks/register.py: this folder is on sys.path when run as a script

    work = Path(tempfile.mkdtemp(prefix="hazard-bench-ledger-"))
    try:
        folder = args.data_dir
        if folder is None:
            log(f"building a register of {args.count} demo hazards")
            template, hazards = register.make_template(work, args.count)
            from hazard_desktop.app import build_context, close_context

            context = build_context(template)
            try:
                context.bulk_writer().write_new_hazards(hazards)  # type: ignore[misc]
            finally:
                close_context(context)
            folder = template
        figures = measure(folder.resolve(), work, args.runs, register.alternate, register.Figure)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"hazard_desktop ledger benchmark — medians of {args.runs} runs")
    register.print_table(figures)
    return 0 if all(f.passed for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
