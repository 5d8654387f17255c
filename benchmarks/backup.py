"""Benchmark: a verified backup file and a restore, beside their floors (``python benchmarks/backup.py``).

program: ``backup_archive.create_backup`` (snapshot with the backup API in one read transaction, integrity
check and photo hashes of the copy, zip, read back against the manifest, fsync, rename) and
``restore_backup`` (the whole check again, exclusive take-over, safety copy, rename).
floor: the least for the same file: stdlib ``sqlite3`` ``backup`` into a file and that file zipped with the
same compression level, fsynced (no checks); for the restore, a plain copy of the register (the least
safety copy) and the same file unzipped over it, fsynced.
Figures are medians of ``--runs`` alternating runs. Targets: backup ≤ 3× (its checks read the copy once
more); restore ≤ 4× (it runs ``integrity_check`` twice: on the checked copy and, inside the migration's
``schema.backup_database``, on the safety copy — each about as long as the floor's whole restore).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hazard_desktop import paths  # noqa: E402
from hazard_desktop.adapters import backup_archive  # noqa: E402

TARGETS = {"backup": 3.0, "restore": 4.0}


def _floor_backup(db: Path, out: Path) -> Path:
    snapshot = out / "floor.db"
    source = sqlite3.connect(db)
    dest = sqlite3.connect(snapshot)
    source.backup(dest)
    dest.close()
    source.close()
    target = out / "floor.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.write(snapshot, "hazard_desktop.db")
    fd = os.open(target, os.O_RDWR)
    os.fsync(fd)
    os.close(fd)
    snapshot.unlink()
    return target


def _floor_restore(archive: Path, db: Path) -> None:
    safety = db.with_name("floor-safety.db")  # the least safety copy: the file as it is, fsynced
    shutil.copyfile(db, safety)
    fd = os.open(safety, os.O_RDWR)
    os.fsync(fd)
    os.close(fd)
    safety.unlink()
    with zipfile.ZipFile(archive) as zf, zf.open("hazard_desktop.db") as entry, open(db, "wb") as out:
        shutil.copyfileobj(entry, out)
        out.flush()
        os.fsync(out.fileno())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", help="a folder with a register (default: a demo register made here)")
    parser.add_argument("--count", type=int, default=3000, help="hazards of the demo register")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-backup-") as work_text:
        work = Path(work_text)
        if args.data_dir:
            source = Path(args.data_dir)
        else:
            from hazard_desktop.cli import main as cli

            source = work / "data"
            if cli(["--data-dir", str(source), "--create", "demo", "--count", str(args.count)]) != 0:
                return 2
        db = work / "register" / paths.DATABASE_NAME
        db.parent.mkdir()
        shutil.copyfile(paths.database_path(source), db)
        timings: dict[str, list[float]] = {"backup": [], "backup floor": [], "restore": [], "restore floor": []}
        for run in range(args.runs):
            out = work / f"out{run}"
            out.mkdir()
            started = time.perf_counter()
            summary = backup_archive.create_backup(db, out)
            timings["backup"].append(time.perf_counter() - started)
            started = time.perf_counter()
            floor = _floor_backup(db, out)
            timings["backup floor"].append(time.perf_counter() - started)
            assert summary.path is not None
            started = time.perf_counter()
            backup_archive.restore_backup(summary.path, db, work / "safety")
            timings["restore"].append(time.perf_counter() - started)
            started = time.perf_counter()
            _floor_restore(floor, db)
            timings["restore floor"].append(time.perf_counter() - started)
        size = db.stat().st_size / 1e6
        print(f"register {size:.1f} MB, {summary.counts}")
        missed = False
        for name in ("backup", "restore"):
            program = statistics.median(timings[name])
            floor_s = statistics.median(timings[f"{name} floor"])
            ratio = program / floor_s
            target = TARGETS[name]
            missed |= ratio > target
            figures = f"{program * 1000:8.0f} ms   floor {floor_s * 1000:8.0f} ms   {ratio:5.2f}×"
            print(f"{name:8} {figures}  (target ≤ {target}×)")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
