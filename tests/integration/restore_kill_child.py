"""Child process of ``test_backup_restore.py``: restores a backup and stops at a chosen step to be killed.

Protocol: prints ``at <step>`` (flushed) when the restore reaches ``step``, then waits on stdin until the
parent kills it. Argv: backup file, data folder, step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hazard_desktop import paths
from hazard_desktop.adapters.backup_archive import restore_backup


def main() -> None:
    backup, data_dir, stop_at = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

    def step(name: str) -> None:
        if name == stop_at:
            print(f"at {name}", flush=True)
            sys.stdin.readline()  # the parent kills the process while it waits here

    restore_backup(backup, paths.database_path(data_dir), paths.backup_dir(data_dir), step=step)
    print("done", flush=True)


if __name__ == "__main__":
    main()
