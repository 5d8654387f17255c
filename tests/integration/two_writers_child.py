"""Child process of ``test_two_processes.py``: one writer of two on the same data folder.

``python two_writers_child.py <data_dir> <role> <count> <out_dir>`` runs ``count`` operations of one
kind — ``hazards``: register a hazard (the editor's save); ``sheets``: write a hazard's grading sheet to
a PDF and record the print (the ``sheet`` command) — and prints one JSON line at the end:
``{"ok": n, "reported": {code: n}, "unexpected": [text, ...]}``. "Reported" are the failures a user is
told about in words (a StorageError or DomainError with its code); "unexpected" anything else.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import traceback
from collections import Counter
from pathlib import Path

from hazard_desktop import paths
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.errors import DomainError
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.services.sheets import export_hazard_sheet
from tests.factories import hazard_input


def main() -> None:
    data_dir, role, count, out_dir = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    context = build_context(data_dir)
    ok, reported, unexpected = 0, Counter[str](), []
    try:
        with context.uow() as uow:
            person = uow.reference.people()[0]
        with sqlite3.connect(paths.database_path(data_dir)) as con:
            graded = [n for (n,) in con.execute("SELECT number FROM hazards WHERE grade != 'ungraded' ORDER BY pk")]
        print("ready", flush=True)
        sys.stdin.readline()  # both children start writing together
        for index in range(count):
            try:
                if role == "hazards":
                    create_hazard(context.uow(), hazard_input(context, person, description=f"第二进程隐患 {index}"))
                else:
                    export_hazard_sheet(context, graded[index % len(graded)], out_dir / f"sheet-{index % 3}.pdf")
                ok += 1
            except (StorageError, DomainError) as exc:
                reported[exc.code] += 1
            except Exception:  # noqa: BLE001 - counted and shown by the test
                unexpected.append(traceback.format_exc(limit=3))
    finally:
        close_context(context)
    print(json.dumps({"ok": ok, "reported": dict(reported), "unexpected": unexpected[:3]}), flush=True)


if __name__ == "__main__":
    main()
