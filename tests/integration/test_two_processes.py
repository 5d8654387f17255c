"""Two real processes writing to one data folder at once: every operation completes or is reported.

SQLite lets one writer in at a time. A transaction that began with a plain ``BEGIN`` and read before
writing got ``database is locked`` at once (no waiting, whatever ``busy_timeout`` says) when the other
process had written meanwhile: about a quarter of the writes failed. Write transactions now begin
``IMMEDIATE`` and wait their turn.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hazard_desktop import paths
from hazard_desktop.app import build_context, close_context
from hazard_desktop.services.demo import build_demo
from tests.integration.test_sheet_service import REFERENCE

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).resolve().parent / "two_writers_child.py"
HAZARDS = 60  # hazard saves by one process
SHEETS = 25  # sheet PDFs written and recorded by the other


def _demo_folder(folder: Path) -> Path:
    context = build_context(folder)
    try:
        build_demo(context.uow, context.bulk_writer(), context.images, None, count=40, reference=REFERENCE)
    finally:
        close_context(context)
    return folder


def run_two_writers(data_dir: Path, out_dir: Path, hazards: int = HAZARDS, sheets: int = SHEETS) -> dict[str, dict]:
    """Start both writers, let them go at the same moment, return each one's summary."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    children = {
        role: subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir), role, str(count), str(out_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for role, count in (("hazards", hazards), ("sheets", sheets))
    }
    for child in children.values():
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
    for child in children.values():
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    results = {}
    for role, child in children.items():
        out, err = child.communicate(timeout=240)
        assert child.returncode == 0, err
        results[role] = json.loads(out.strip().splitlines()[-1])
    return results


@pytest.mark.slow
def test_two_writers_on_one_folder_complete_every_operation(tmp_path):
    data_dir = _demo_folder(tmp_path / "data")
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    before = _counts(data_dir)

    results = run_two_writers(data_dir, out_dir)

    assert results["hazards"] == {"ok": HAZARDS, "reported": {}, "unexpected": []}
    assert results["sheets"] == {"ok": SHEETS, "reported": {}, "unexpected": []}
    hazards, prints = _counts(data_dir)
    assert (hazards - before[0], prints - before[1]) == (HAZARDS, SHEETS)


def _counts(data_dir: Path) -> tuple[int, int]:
    with sqlite3.connect(paths.database_path(data_dir)) as con:
        hazards = con.execute("SELECT count(*) FROM hazards").fetchone()[0]
        prints = con.execute("SELECT count(*) FROM sheet_prints").fetchone()[0]
    con.close()
    return hazards, prints
