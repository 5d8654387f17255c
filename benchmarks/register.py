"""The register at 100,000 hazards: each figure beside its floor, measured the same way in the same run.

``make bench`` (or ``python benchmarks/register.py``) builds a 100k-hazard database in a temporary
folder, measures, prints a table and exits 1 if a figure misses its target. Every figure is the median
of several repetitions; product and floor runs alternate, so load from other programs hits both alike.

Each figure (program) against its floor:

- build: ``CoreBulkWriter.write_hazards`` of 100k prepared hazards (rows and full-text index) against
  stdlib ``executemany`` of the same rows into the same empty ``hazards`` table (read back from the
  program's database, so the text is identical; checked), both with the program's pragmas;
- filter: ``SqlRegisterQueries.count`` + first ``page`` (the model's block size) against stdlib
  ``LIKE '%term%'`` over the same four columns: count + first page of the same columns and order;
- sort: ``SqlRegisterQueries.page`` sorted by another column, first page, against the same SQL text
  run by stdlib ``sqlite3``;
- repaint: ``viewport().repaint()`` of the main window's register view against the same view over a
  minimal Python model holding the same strings;
- start: ``python -m hazard_desktop --data-dir D`` from process start to the first paint of the
  register with rows, against ``benchmarks/floor_window.py`` (QMainWindow + QTableView over one
  sqlite3 page + COUNT);
- memory: peak RSS of those two processes;
- ledger: the Excel ledger export of the whole register against the same values written by the same
  library with no format, and its peak memory at a fifth of the rows and at all of them
  (``benchmarks/ledger.py``).
- exchange: a laptop's 10,000 hazards with 20,000 photos exported and imported at the office against copying
  the photo files and ``executemany`` of the same rows (``benchmarks/exchange.py``, ≤ 2×).

Both processes run with the same interpreter and environment, offscreen, window 1400×850, with
bytecode cached in a temporary ``PYTHONPYCACHEPREFIX`` (one untimed warm-up each); the program prints
the time of its first painted rows because ``HAZARD_DESKTOP_BENCH_EXIT_AFTER_PAINT=1``.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hazard_desktop import paths  # noqa: E402
from hazard_desktop.adapters import start_reads  # noqa: E402
from hazard_desktop.app import build_context, close_context  # noqa: E402
from hazard_desktop.domain.hazards import Hazard  # noqa: E402
from hazard_desktop.services.ports import RegisterFilter, SortKey  # noqa: E402

HOOK_ENV = "HAZARD_DESKTOP_BENCH_EXIT_AFTER_PAINT"
WINDOW = (1400, 850)
REFERENCE = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)  # fixed, so every run builds the same register
PRAGMAS = start_reads.PRAGMAS  # the program's connection settings: the floors use the same
SECTIONS = ("build", "filter", "sort", "deadline", "repaint", "start", "sheets", "ledger", "exchange")
QUERY_BUDGET = 1.0  # seconds per query or repaint figure: fast ones get more than --repeat turns

# Search words as people type them: 2, 3 and 4 characters, common and rare, and an equipment tag.
TERMS: tuple[tuple[str, str], ...] = (
    ("2 chars, in 70 % of rows", "车间"),
    ("2 chars, common", "平台"),
    ("2 chars, medium", "阀门"),
    ("2 chars, rare", "乙炔"),
    ("3 chars, common", "反应釜"),
    ("3 chars, rare", "灭火器"),
    ("4 chars, common", "检查发现"),
    ("4 chars, rare", "次氯酸钠"),
    ("equipment tag", "P-101A"),
    ("a register number, exactly", "YH-2025-1679"),  # listed first (its exact match is looked up)
)
SORTS: tuple[SortKey, ...] = (
    SortKey.FOUND_AT,
    SortKey.DESCRIPTION,
    SortKey.LOCATION,
    SortKey.CATEGORY,
    SortKey.DEPARTMENT,
    SortKey.STATUS,
    SortKey.GRADE,
)
LIKE_WHERE = (
    "(h.description LIKE ? ESCAPE '\\' OR h.location LIKE ? ESCAPE '\\'"
    " OR h.number LIKE ? ESCAPE '\\' OR h.equipment_tag LIKE ? ESCAPE '\\')"
)


@dataclass(frozen=True)
class Figure:
    """One line of the table: ``value`` against ``floor`` (same unit), pass if the ratio ≤ ``target``."""

    name: str
    value: float
    floor: float | None
    unit: str
    target: float
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.floor if self.floor else self.value

    @property
    def passed(self) -> bool:
        return self.ratio <= self.target


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def alternate(
    runs: int, product: Callable[[], float], floor: Callable[[], float], *, budget: float = 0.0
) -> tuple[float, float]:
    """Medians of product and floor measurements taken in turns (floor first on odd turns).

    At least ``runs`` turns; more (up to 201) while the turns so far took less than ``budget`` seconds,
    so that millisecond figures get enough repetitions for a stable median on a busy machine.
    """
    mine: list[float] = []
    base: list[float] = []
    n = 0
    while n < runs or (n < 201 and sum(mine) + sum(base) < budget):
        if n % 2:
            base.append(floor())
            mine.append(product())
        else:
            mine.append(product())
            base.append(floor())
        n += 1
    return median(mine), median(base)


def connect(db: Path) -> sqlite3.Connection:
    """A stdlib connection with the program's pragmas (autocommit; BEGIN/COMMIT by hand)."""
    con = sqlite3.connect(db, isolation_level=None)
    for pragma in PRAGMAS:
        con.execute(pragma)
    return con


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------- build


def make_template(work: Path, count: int) -> tuple[Path, list[Hazard]]:
    """An empty, migrated and seeded data folder with the demo staff, and ``count`` demo hazards."""
    from hazard_desktop.services.accounts import choose_single_user
    from hazard_desktop.services.demo import ensure_people, make_hazards

    folder = work / "template"
    context = build_context(folder)
    try:
        choose_single_user(context.uow())  # the first start's question answered: the window opens at once
        people = ensure_people(context.uow())
        hazards = make_hazards(context.uow(), count, 2026, REFERENCE, people)
    finally:
        close_context(context)
    return folder, hazards


def fresh_copy(template: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("logs", "backups"))
    return target


def measure_build(
    work: Path, runs: int, count: int, clock: Callable[[], float] = time.perf_counter
) -> tuple[list[Figure], Path]:
    log(f"build: generating {count} demo hazards")
    template, hazards = make_template(work, count)
    columns = (
        "pk, id, number, description, location, equipment_tag, department_id, category_code, subcategory_code,"
        " found_by_id, found_at, status, grade, revision, created_at, updated_at"
    )
    rows: list[tuple[object, ...]] = []
    built = work / "register"

    def product() -> float:
        folder = fresh_copy(template, work / "product")
        context = build_context(folder)
        try:
            writer = context.bulk_writer()
            start = clock()
            writer.write_new_hazards(hazards)
            elapsed = clock() - start
        finally:
            close_context(context)
        if not rows:  # the floor inserts exactly what the program stored
            with sqlite3.connect(paths.database_path(folder)) as con:
                rows.extend(con.execute(f"SELECT {columns} FROM hazards ORDER BY pk"))
        if not built.exists():
            shutil.copytree(folder, built)
        return elapsed

    def floor() -> float:
        folder = fresh_copy(template, work / "floor")
        con = connect(paths.database_path(folder))
        try:
            start = clock()
            con.execute("BEGIN")
            con.executemany(f"INSERT INTO hazards ({columns}) VALUES ({', '.join('?' * 16)})", rows)
            con.execute("COMMIT")
            return clock() - start
        finally:
            con.close()

    product()  # warm-up: caches, and the rows the floor inserts
    floor()
    with sqlite3.connect(paths.database_path(work / "floor")) as con:
        same = list(con.execute(f"SELECT {columns} FROM hazards ORDER BY pk")) == rows
    if not same:
        raise SystemExit("build: the floor's table differs from the program's")
    log(f"build: {runs} runs each")
    value, base = alternate(runs, product, floor)
    figure = Figure(
        f"build {count // 1000}k demo hazards (rows + full-text index)",
        value * 1000,
        base * 1000,
        "ms",
        2.0,
        "floor: executemany of the same rows, no FTS",
    )
    return [figure], built


# ---------------------------------------------------------------------------------------------- queries


def block_size() -> int:
    from hazard_desktop.ui.models.register_model import DEFAULT_BLOCK_SIZE

    return DEFAULT_BLOCK_SIZE


def measure_filter(folder: Path, runs: int, clock: Callable[[], float] = time.perf_counter) -> list[Figure]:
    from hazard_desktop.adapters.register_queries import _COLUMNS  # the columns the register reads

    limit = block_size()
    context = build_context(folder)
    con = connect(paths.database_path(folder))
    figures = []
    try:
        register = context.register
        page_sql = (
            f"SELECT {_COLUMNS} FROM hazards h JOIN departments d ON d.id = h.department_id"
            f" JOIN people p ON p.id = h.found_by_id WHERE {LIKE_WHERE}"
            " ORDER BY h.number DESC, h.pk DESC LIMIT ?"
        )
        for label, term in TERMS:
            flt = RegisterFilter(text=term)
            like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            found: dict[str, int] = {}

            def product(flt: RegisterFilter = flt, found: dict[str, int] = found) -> float:
                start = clock()
                found["program"] = register.count(flt)
                register.page(flt, SortKey.NUMBER, True, 0, limit)
                return clock() - start

            def floor(like: str = like, found: dict[str, int] = found) -> float:
                start = clock()
                found["floor"] = con.execute(
                    f"SELECT count(*) FROM hazards h WHERE {LIKE_WHERE}", [like] * 4
                ).fetchone()[0]
                con.execute(page_sql, [like] * 4 + [limit]).fetchall()
                return clock() - start

            product(), floor()  # warm-up
            value, base = alternate(runs, product, floor, budget=QUERY_BUDGET)
            note = f"{found['program']} rows"
            if found["program"] != found["floor"]:
                note += f" (LIKE finds {found['floor']}: words, not one substring)"
            figures.append(Figure(f"filter {term} ({label})", value * 1000, base * 1000, "ms", 1.0, note))
    finally:
        con.close()
        close_context(context)
    ratios = [f.ratio for f in figures]
    figures.append(Figure("filter: median ratio over the terms", median(ratios), None, "×", 0.3))
    return figures


def measure_sort(folder: Path, runs: int, clock: Callable[[], float] = time.perf_counter) -> list[Figure]:
    from hazard_desktop.adapters.register_queries import page_sql

    limit = block_size()
    context = build_context(folder)
    con = connect(paths.database_path(folder))
    figures = []
    try:
        register = context.register
        everything = RegisterFilter()
        for key in SORTS:
            sql, params = page_sql(everything, key, False)

            def product(key: SortKey = key) -> float:
                start = clock()
                register.page(everything, key, False, 0, limit)
                return clock() - start

            def floor(sql: str = sql, params: list[object] = params) -> float:
                start = clock()
                con.execute(sql, [*params, limit, 0]).fetchall()
                return clock() - start

            product(), floor()
            value, base = alternate(runs, product, floor, budget=QUERY_BUDGET)
            figures.append(Figure(f"sort by {key.value}, first page", value * 1000, base * 1000, "ms", 1.5))
    finally:
        con.close()
        close_context(context)
    return figures


# ---------------------------------------------------------------------------------------------- deadlines

TODAY = REFERENCE.date()  # the plant-local day the deadline figures count from


def spread_deadlines(db: Path) -> str:
    """Put the register into the rectification loop with plain SQL, spread by ``pk`` (deterministic).

    6 in 10 hazards 整改中 with a deadline from 90 days before to 90 after ``TODAY`` (responsible: the
    finder's department and the finder), 1 in 10 待验收 asked of one of five people, 1 in 10 已销号, the
    rest not yet assigned. Returns the id of the person most acceptances are asked of.
    """
    con = connect(db)
    try:
        people = [row[0] for row in con.execute("SELECT id FROM people ORDER BY id LIMIT 5")]
        con.execute("BEGIN")
        con.execute(
            "UPDATE hazards SET status = 'rectifying', responsible_department_id = department_id,"
            " responsible_person_id = found_by_id, deadline = date(?, ((pk * 37) % 181 - 90) || ' days')"
            " WHERE pk % 10 < 6",
            [TODAY.isoformat()],
        )
        for n, person in enumerate(people):
            con.execute(
                "UPDATE hazards SET status = 'verifying', acceptor_id = ?, responsible_department_id = department_id,"
                " deadline = date(?, ((pk * 37) % 181 - 90) || ' days') WHERE pk % 10 = 6 AND (pk / 10) % 5 = ?",
                [person, TODAY.isoformat(), n],
            )
        con.execute("UPDATE hazards SET status = 'closed' WHERE pk % 10 = 7")
        con.execute("COMMIT")
        con.execute("ANALYZE")
    finally:
        con.close()
    return people[0]


def measure_deadline(folder: Path, work: Path, runs: int) -> list[Figure]:
    """The deadline sort and the overdue / due-within-7-days / awaiting-my-acceptance filters: the
    program's count + first page against the same SQL run by stdlib sqlite3."""
    import uuid
    from datetime import timedelta

    from hazard_desktop.adapters.register_queries import NUMERIC_NUMBER_KEY, WIDE_NUMBERS, page_sql, where_clause

    copy = work / "deadlines"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("logs", "backups"))  # never change --data-dir's
    acceptor = uuid.UUID(spread_deadlines(paths.database_path(copy)))
    limit = block_size()
    cases: list[tuple[str, RegisterFilter, SortKey, bool]] = [
        ("sort by deadline, first page", RegisterFilter(), SortKey.DEADLINE, False),
        ("sort by deadline descending, first page", RegisterFilter(), SortKey.DEADLINE, True),
        ("sort by responsible department, first page", RegisterFilter(), SortKey.RESPONSIBLE_DEPARTMENT, False),
        ("filter overdue, by deadline", RegisterFilter(deadline_before=TODAY), SortKey.DEADLINE, False),
        (
            "filter due within 7 days, by deadline",
            RegisterFilter(deadline_from=TODAY, deadline_before=TODAY + timedelta(days=8)),
            SortKey.DEADLINE,
            False,
        ),
        ("filter overdue, by number", RegisterFilter(deadline_before=TODAY), SortKey.NUMBER, True),
        ("filter awaiting my acceptance, by number", RegisterFilter(acceptor_id=acceptor), SortKey.NUMBER, True),
    ]
    context = build_context(copy)
    con = connect(paths.database_path(copy))
    figures = []
    try:
        register = context.register
        wide = bool(con.execute(WIDE_NUMBERS).fetchone()[0])  # the program then sorts numbers by value
        for label, flt, key, descending in cases:
            numeric = NUMERIC_NUMBER_KEY if key is SortKey.NUMBER and wide else None
            sql, params = page_sql(flt, key, descending, key=numeric)
            where, where_params = where_clause(flt)
            counted = flt != RegisterFilter()
            found: dict[str, int] = {}

            def product(flt: RegisterFilter = flt, key: SortKey = key, descending: bool = descending,
                        counted: bool = counted, found: dict[str, int] = found) -> float:  # fmt: skip
                start = time.perf_counter()
                if counted:
                    found["program"] = register.count(flt)
                register.page(flt, key, descending, 0, limit)
                return time.perf_counter() - start

            def floor(sql: str = sql, params: list[object] = params, where: str = where,
                      where_params: list[object] = where_params, counted: bool = counted,
                      found: dict[str, int] = found) -> float:  # fmt: skip
                start = time.perf_counter()
                if counted:
                    counting = f"SELECT count(*) FROM hazards h WHERE {where}"
                    found["floor"] = con.execute(counting, where_params).fetchone()[0]
                con.execute(sql, [*params, limit, 0]).fetchall()
                return time.perf_counter() - start

            product(), floor()
            if found.get("program") != found.get("floor"):
                counts = f"the program counts {found.get('program')}, SQL {found.get('floor')}"
                raise SystemExit(f"deadline: {label}: {counts}")
            value, base = alternate(runs, product, floor, budget=QUERY_BUDGET)
            note = f"count + page, {found['program']} rows" if counted else "page"
            figures.append(Figure(label, value * 1000, base * 1000, "ms", 1.5, note))
    finally:
        con.close()
        close_context(context)
    return figures


# ---------------------------------------------------------------------------------------------- repaint


def measure_repaint(folder: Path, runs: int) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from hazard_desktop.ui.application import create_application
    from hazard_desktop.ui.main_window import MainWindow

    display = int(Qt.ItemDataRole.DisplayRole)

    class MinimalModel(QAbstractTableModel):
        def __init__(self, rows: list[list[object]], count: int, columns: int) -> None:
            super().__init__()
            self._rows, self._count, self._columns = rows, count, columns

        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else self._count

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else self._columns

        def data(self, index: QModelIndex, role: int = display) -> object:
            if role == display:
                row = index.row()
                if row < len(self._rows):
                    return self._rows[row][index.column()]
            return None

    app = create_application(["bench"], paths.resource_dir(), "zh_CN")
    context = build_context(folder)
    settings = QSettings(str(folder / "bench-ui-state.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    try:
        window.resize(*WINDOW)
        window.show()
        app.processEvents()
        view = window.view
        product_model = view.model()
        viewport = view.viewport()
        viewport.repaint()
        visible = view.rowAt(viewport.height() - 1)
        visible = product_model.rowCount() if visible < 0 else visible + 1
        columns = product_model.columnCount()
        texts = [
            [product_model.data(product_model.index(r, c), display) for c in range(columns)]
            for r in range(max(visible, block_size()))
        ]
        minimal = MinimalModel(texts, product_model.rowCount(), columns)
        header = view.horizontalHeader()
        state = header.saveState()

        def show(model: object) -> None:
            if view.model() is not model:
                view.setModel(model)
                header.restoreState(state)
                app.processEvents()
                viewport.repaint()  # warm-up after the switch

        cpu: dict[object, list[float]] = {product_model: [], minimal: []}

        def timed(model: object) -> float:
            show(model)
            # Every repaint starts with an empty collector: a repaint makes thousands of index wrappers, so a
            # full collection (several ms in a process that has run the other sections) fell now in one
            # model's turns, now in the other's, phase-locked by the alternation (1.0-1.35x on one build).
            gc.collect()
            start, start_cpu = time.perf_counter(), time.thread_time()
            viewport.repaint()
            cpu[model].append(time.thread_time() - start_cpu)
            return time.perf_counter() - start

        value, base = alternate(runs, lambda: timed(product_model), lambda: timed(minimal), budget=QUERY_BUDGET)
        cpu_value, cpu_base = median(cpu[product_model]), median(cpu[minimal])
        cells = f"{visible} rows × {columns} columns"
    finally:
        window.close()
        close_context(context)
        QApplication.processEvents()
    return [
        Figure("repaint the full register view", value * 1000, base * 1000, "ms", 1.5, cells),
        # The GUI thread's CPU time: what the repaint costs, without the waits of a busy machine.
        Figure("repaint, CPU time of the GUI thread", cpu_value * 1000, cpu_base * 1000, "ms", 1.2, cells),
    ]


# ---------------------------------------------------------------------------------------------- processes


def child_env(pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # both cache bytecode, as an installed program does
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env[HOOK_ENV] = "1"
    env.pop("HAZARD_DESKTOP_DATA", None)
    return env


def run_child(command: list[str], env: dict[str, str], log_file: Path) -> tuple[float, float, float]:
    """Seconds from the start of ``command`` to its ``first-paint`` line, its peak RSS in MB, its CPU seconds.

    The command is started by ``spawn.py`` (a bare interpreter), not by this big process: see there.
    """
    launcher = [sys.executable, "-S", str(ROOT / "benchmarks" / "spawn.py"), *command]
    with log_file.open("wb") as errors:
        done = subprocess.run(launcher, stdout=subprocess.PIPE, stderr=errors, env=env, cwd=ROOT, timeout=300)
    output = done.stdout.decode("utf-8", "replace")
    found = dict(line.split(maxsplit=1) for line in output.splitlines() if line.count(" ") == 1)
    if done.returncode != 0 or not {"first-paint", "spawned", "maxrss-kib", "cpu-s"} <= found.keys():
        raise SystemExit(
            f"{' '.join(command)} exited {done.returncode} without a first-paint line;"
            f" stdout: {output[-500:]!r}; stderr in {log_file}"
        )
    seconds = float(found["first-paint"]) - float(found["spawned"])
    return seconds, int(found["maxrss-kib"]) / 1024, float(found["cpu-s"])


def measure_start(folder: Path, work: Path, runs: int) -> list[Figure]:
    env = child_env(work / "pycache")
    product = [sys.executable, "-m", "hazard_desktop", "--data-dir", str(folder)]
    floor = [
        sys.executable,
        str(ROOT / "benchmarks" / "floor_window.py"),
        str(paths.database_path(folder)),
        "--rows",
        str(block_size()),
        "--size",
        f"{WINDOW[0]}x{WINDOW[1]}",
    ]
    # The rows in the program's own bundled font, as the program paints them (the same result); the floor
    # without it (the system's fallback font) is reported beside, not gated.
    fonts = sorted((paths.resource_dir() / "fonts").glob("*.tt[cf]"))
    floor_font = [*floor, *(arg for font in fonts for arg in ("--font", str(font)))]
    kinds = ("product", "floor", "plain")
    results: dict[str, list[tuple[float, float, float]]] = {k: [] for k in kinds}

    def one(kind: str, command: list[str]) -> float:
        results[kind].append(run_child(command, env, work / f"{kind}-stderr.txt"))
        return results[kind][-1][0]

    one("product", product), one("floor", floor_font), one("plain", floor)  # warm-up: bytecode, page cache, fonts
    results = {k: [] for k in kinds}
    alternate(runs, lambda: one("product", product), lambda: (one("plain", floor), one("floor", floor_font))[1])
    start_value, start_floor, start_plain = (median([t for t, _, _ in results[k]]) for k in kinds)
    rss_value, rss_floor, _rss_plain = (median([m for _, m, _ in results[k]]) for k in kinds)
    cpu_value, cpu_floor, cpu_plain = (median([c for _, _, c in results[k]]) for k in kinds)
    return [
        Figure("start → main window painted with first rows", start_value * 1000, start_floor * 1000, "ms", 1.5),
        # CPU seconds of the whole process (start to exit right after the first paint): the work done,
        # without the waits of a busy machine.
        Figure("start, CPU time of the process", cpu_value * 1000, cpu_floor * 1000, "ms", 1.5),
        Figure("peak RSS with the 100k register open", rss_value, rss_floor, "MB", 1.5),
        Figure("start, against the floor in the system font", start_value * 1000, start_plain * 1000, "ms", 99,
               note="reported: the floor without the bundled font"),
        Figure("start CPU, against the floor in the system font", cpu_value * 1000, cpu_plain * 1000, "ms", 99,
               note="reported"),
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------- output


def print_table(figures: list[Figure]) -> None:
    header = ("figure", "value", "floor", "ratio", "target", "result", "note")
    lines = []
    for f in figures:
        if f.floor is None:
            value, floor, ratio = f"{f.value:.2f}×", "—", f"{f.ratio:.2f}×"
        else:
            digits = 0 if f.value >= 100 else 1 if f.value >= 10 else 2
            value, floor = f"{f.value:.{digits}f} {f.unit}", f"{f.floor:.{digits}f} {f.unit}"
            ratio = f"{f.ratio:.2f}×"
        lines.append((f.name, value, floor, ratio, f"≤ {f.target:g}×", "pass" if f.passed else "MISS", f.note))
    widths = [max(_width(row[i]) for row in [header, *lines]) for i in range(len(header))]
    print(" | ".join(_pad(h, w) for h, w in zip(header, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for row in lines:
        print(" | ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)))


def _width(text: str) -> int:
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="hazards in the register (default 100000)")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of builds and process starts (default 5)")
    parser.add_argument("--repeat", type=int, default=15, help="repetitions of queries and repaints (default 15)")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument(
        "--data-dir", type=Path, help="reuse this data folder's register (built there first if it has none)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="the clock of the build, filter and sort figures: wall (default) or CPU time of the process (SQLite"
        " runs in it; on a shared machine the wall clock mostly measures the others' jobs)",
    )
    args = parser.parse_args(argv)
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    work = Path(tempfile.mkdtemp(prefix="hazard-bench-"))
    figures: list[Figure] = []
    try:
        folder = args.data_dir.resolve() if args.data_dir else None
        if "build" in args.only or folder is None or not paths.database_path(folder).exists():
            build_figures, built = measure_build(work, args.runs, args.count, clock)
            if "build" in args.only:
                figures += build_figures
            if folder is None:
                folder = built
            elif not paths.database_path(folder).exists():
                shutil.copytree(built, folder, dirs_exist_ok=True)
        log(f"register: {paths.database_path(folder)}")
        if "filter" in args.only:
            log("filter")
            figures += measure_filter(folder, args.repeat, clock)
        if "sort" in args.only:
            log("sort")
            figures += measure_sort(folder, args.repeat, clock)
        if "deadline" in args.only:
            log("deadline")
            figures += measure_deadline(folder, work, args.repeat)
        if "start" in args.only:
            log("start and memory")
            figures += measure_start(folder, work, args.runs)
        if "repaint" in args.only:
            log("repaint")
            figures += measure_repaint(folder, args.repeat)
        if "sheets" in args.only:
            log("sheets")
            import sheets  # benchmarks/sheets.py: this folder is on sys.path when run as a script

            figures += sheets.measure(max(3, args.runs), alternate, Figure)  # type: ignore[arg-type]
        if "ledger" in args.only:
            log("ledger")
            import ledger  # benchmarks/ledger.py

            figures += ledger.measure(folder, work, 3, alternate, Figure)
        if "exchange" in args.only:
            log("exchange")
            import exchange  # benchmarks/exchange.py: its own office and laptop (10,000 hazards, 20,000 photos)

            figures += exchange.measure(work, 3, alternate, Figure)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"hazard_desktop register benchmark — {args.count} hazards, medians of {args.runs}/{args.repeat} runs")
    print_table(figures)
    return 0 if all(f.passed for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
