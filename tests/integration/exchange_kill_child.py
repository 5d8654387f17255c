"""Child of the kill -9 test: imports a file and kills itself (SIGKILL) in the middle of the transaction,
after the first kinds' rows are written and before the commit."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from hazard_desktop.app import build_context
from hazard_desktop.services import exchange as ex


def main(folder: str, file: str) -> None:
    context = build_context(Path(folder))
    assert context.exchange_store is not None and context.exchange_files is not None

    def progress(done: int, total: int) -> bool:
        if done > 0:
            os.kill(os.getpid(), signal.SIGKILL)
        return True

    ex.import_exchange(context.exchange_store(), context.exchange_files(), Path(file), progress=progress)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
