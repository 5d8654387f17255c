"""What the audit trail costs (issue 14), each figure against the same work without it, in the same run.

- one use case's write (``services.hazards.create_hazard``: a hazard, its number, its index row) through
  ``context.uow()`` with the trail (triggers writing the records, one entry chained at COMMIT) against the same on a
  copy of the register whose ``audit_entries`` table was dropped (no trail: no triggers are installed);
  target ≤ 1.5×;
- the bulk demo build (``CoreBulkWriter.write_new_hazards`` of ``--count`` hazards: rows + full-text index,
  now + one record per hazard and one entry) against the same without the trail; target ≤ 2× (the brief: "within 2× of
  before");
- verifying the trail of a register of ``--count`` hazards (chain + every record's digest) against its floor:
  reading the same rows (every audited table and every entry) through plain sqlite3 without hashing
  (reported; no target, the absolute time matters: it runs when asked, on a worker thread in the window).

Alone: ``python benchmarks/audit.py [--count N] [--runs N] [--clock cpu|wall]`` (default 100,000 hazards, 3 runs,
CPU time of the process: SQLite runs in it, and on a shared machine the wall clock mostly measures the others).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hazard_desktop import paths  # noqa: E402
from hazard_desktop.app import build_context, close_context  # noqa: E402


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def copy(template: Path, target: Path, *, audited: bool) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("logs", "backups"))
    if not audited:
        with sqlite3.connect(paths.database_path(target)) as con:
            con.execute("DROP TABLE audit_entries")
            con.execute("DROP TABLE IF EXISTS audit_records")
    return target


def alternate(runs: int, product, floor) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    mine, base = [], []
    for n in range(runs):
        if n % 2:
            base.append(floor())
            mine.append(product())
        else:
            mine.append(product())
            base.append(floor())
    return statistics.median(mine), statistics.median(base)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--writes", type=int, default=40, help="use-case writes per run")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    args = parser.parse_args(argv)
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    from hazard_desktop.services import hazards as svc
    from hazard_desktop.services.demo import ensure_people, make_hazards
    from tests.factories import hazard_input

    work = Path(tempfile.mkdtemp(prefix="bench-audit-"))
    rows: list[tuple[str, float, float, float | None, str]] = []
    try:
        template = work / "template"
        context = build_context(template)
        try:
            people = ensure_people(context.uow())
            hazards = make_hazards(context.uow(), args.count, 2026, datetime(2026, 3, 1, tzinfo=UTC), people)
            person = next(p for group in people.values() for p in group)
            data = hazard_input(context, person)
        finally:
            close_context(context)

        def writes(audited: bool) -> float:
            folder = copy(template, work / ("w-a" if audited else "w-n"), audited=audited)
            ctx = build_context(folder)
            try:
                svc.create_hazard(ctx.uow(), data)  # warm: storage open, statements compiled
                start = clock()
                for _ in range(args.writes):
                    svc.create_hazard(ctx.uow(), data)
                return (clock() - start) / args.writes
            finally:
                close_context(ctx)

        log(f"use-case writes: {args.runs} runs of {args.writes}")
        value, base = alternate(args.runs, lambda: writes(True), lambda: writes(False))
        rows.append(("one use case's write (create_hazard)", value * 1000, base * 1000, 1.5, "ms"))

        def build(audited: bool) -> float:
            folder = copy(template, work / ("b-a" if audited else "b-n"), audited=audited)
            ctx = build_context(folder)
            try:
                writer = ctx.bulk_writer()
                start = clock()
                writer.write_new_hazards(hazards)
                return clock() - start
            finally:
                close_context(ctx)

        log(f"bulk build of {args.count}: {args.runs} runs")
        value, base = alternate(args.runs, lambda: build(True), lambda: build(False))
        rows.append((f"bulk build, {args.count // 1000}k hazards", value, base, 2.0, "s"))

        from hazard_desktop.adapters.audit import SqliteAuditTrail, audited_tables

        database = paths.database_path(work / "b-a")

        def verify() -> float:
            start = clock()
            result = SqliteAuditTrail(database).verify()
            elapsed = clock() - start
            if not result.ok:
                raise SystemExit(f"verification found {result.findings[:3]}")
            return elapsed

        def read_floor() -> float:
            con = sqlite3.connect(database)
            try:
                start = clock()
                for table in [*audited_tables(con), "audit_entries"]:
                    for _row in con.execute(f'SELECT * FROM "{table}"'):
                        pass
                return clock() - start
            finally:
                con.close()

        log(f"verification at {args.count}: {args.runs} runs")
        value, base = alternate(args.runs, verify, read_floor)
        rows.append((f"verify the trail, {args.count // 1000}k hazards", value, base, None, "s"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"clock: {args.clock} time")
    print(f"{'figure':44} {'program':>10} {'floor':>10} {'ratio':>7} target")
    failed = False
    for name, value, base, target, unit in rows:
        ratio = value / base
        verdict = "-" if target is None else ("ok" if ratio <= target else "MISSED") + f" ≤ {target}×"
        failed |= target is not None and ratio > target
        print(f"{name:44} {value:9.3f}{unit:>1} {base:9.3f}{unit:>1} {ratio:6.2f}× {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
