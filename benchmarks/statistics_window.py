"""The statistics window at 100,000 hazards: one whole refresh against the same GROUP BY queries in sqlite3.

``python benchmarks/statistics_window.py`` builds a 100k-hazard register (the demo generator, then grades,
statuses, deadlines, closures, 五定 funds and treatment-plan reports set at random, as in the tests),
opens the statistics window offscreen and measures, per period (a year, a quarter, a month):

- program: ``StatisticsWindow.refresh()`` — every query through the services port and the adapter,
  the rows turned into domain objects, every table model reset and every chart redrawn;
- floor: the same SQL statements with the same parameters (``SqlStatisticsQueries.statements``) run
  through a bare ``sqlite3`` connection with the program's pragmas, ``fetchall()`` only.

Turns alternate (floor first on odd turns) and medians are compared; target ≤ 1.5×. Exits 1 if a
figure misses it. Options: ``--count N``, ``--repeat N``, ``--data-dir DIR`` (reuse a folder built before),
``--keep``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hazard_desktop import paths  # noqa: E402
from hazard_desktop.adapters import start_reads  # noqa: E402
from hazard_desktop.app import build_context, close_context  # noqa: E402
from hazard_desktop.domain.reporting import month_period, quarter_period, year_period  # noqa: E402

TARGET = 1.5
TODAY = date(2026, 11, 25)
PERIODS = {
    "year 2026": year_period(2026),
    "quarter 2026Q3": quarter_period(2026, 3),
    "month 2026-06": month_period(2026, 6),
}


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def alternate(runs: int, product: Callable[[], float], floor: Callable[[], float]) -> tuple[float, float]:
    mine: list[float] = []
    base: list[float] = []
    for n in range(runs):
        if n % 2:
            base.append(floor())
            mine.append(product())
        else:
            mine.append(product())
            base.append(floor())
    return statistics.median(mine), statistics.median(base)


def build(folder: Path, count: int) -> None:
    from tests.statistics_data import fill_register

    log(f"building a register of {count} hazards in {folder} …")
    started = time.perf_counter()
    context = build_context(folder)
    try:
        fill_register(context, count, seed=2026)
    finally:
        close_context(context)
    log(f"built in {time.perf_counter() - started:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="hazard-stats-bench-"))
    folder = args.data_dir or work / "register"
    if not paths.database_path(folder).exists():
        build(folder, args.count)

    from PySide6.QtWidgets import QApplication

    from hazard_desktop.ui.statistics.window import StatisticsWindow

    app = QApplication.instance() or QApplication([])
    context = build_context(folder)
    window = StatisticsWindow(context, today=TODAY)
    window.resize(1100, 720)
    window.show()
    app.processEvents()
    floor_connection = start_reads.connect(paths.database_path(folder))
    adapter = window.queries
    failed = False
    print(f"{'statistics window refresh':<34}{'program ms':>12}{'floor ms':>10}{'ratio':>8}  target ≤ {TARGET}×")
    try:
        for label, period in PERIODS.items():
            window.set_period(period)  # warm: pages in the cache for both sides
            statements = adapter.statements(period, min(period.last, TODAY))  # type: ignore[attr-defined]

            def product() -> float:
                start = time.perf_counter()
                window.refresh()
                return time.perf_counter() - start

            def floor(statements: list[tuple[str, list[object]]] = statements) -> float:
                start = time.perf_counter()
                for sql, params in statements:
                    floor_connection.execute(sql, params).fetchall()
                return time.perf_counter() - start

            floor()
            mine, base = alternate(args.repeat, product, floor)
            ratio = mine / base
            failed |= ratio > TARGET
            found = window.stats.found if window.stats else 0
            print(
                f"{label + f' ({found} found)':<34}{mine * 1000:>12.1f}{base * 1000:>10.1f}{ratio:>8.2f}"
                f"  {'ok' if ratio <= TARGET else 'MISSED'}"
            )
    finally:
        floor_connection.close()
        window.close()
        close_context(context)
        if not args.keep and args.data_dir is None:
            shutil.rmtree(work, ignore_errors=True)
        elif args.keep:
            log(f"kept {folder}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
