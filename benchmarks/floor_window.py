"""Floor for start-up and memory: the least a Qt program can do to show the register's first rows.

A QMainWindow with a QTableView over a tiny QAbstractTableModel, filled from one stdlib ``sqlite3``
page plus ``COUNT(*)``; no project code. ``benchmarks/register.py`` runs it as a subprocess exactly like
the program (same interpreter, environment and window size) and reads one line from it::

    first-paint <time.monotonic() when the table had painted its first rows>

With ``--font FILE`` (the program's bundled CJK font, as ``register.py`` passes it) the rows are painted in
that font, as the program paints them: registering it (fontconfig reads the whole file on Linux) is part of
showing the same rows, not extra work of the program.

Usage: python benchmarks/floor_window.py DATABASE [--rows 200] [--size 1400x850] [--font FILE ...]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

DISPLAY = int(Qt.ItemDataRole.DisplayRole)

# The columns the register shows, newest first like the program's default sort.
PAGE_SQL = """SELECT h.number, h.found_at, h.description, h.location, h.category_code, d.name, p.name,
 h.status, h.grade, (SELECT count(*) FROM hazard_photos ph WHERE ph.hazard_id = h.id)
 FROM hazards h JOIN departments d ON d.id = h.department_id JOIN people p ON p.id = h.found_by_id
 ORDER BY h.number DESC LIMIT ?"""


class PageModel(QAbstractTableModel):
    """Rows held as tuples of strings; the count from SQL (rows past the page are blank)."""

    def __init__(self, rows: list[tuple[str, ...]], count: int) -> None:
        super().__init__()
        self._rows = rows
        self._count = count

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 10

    def data(self, index: QModelIndex, role: int = DISPLAY) -> object:
        if role == DISPLAY and index.row() < len(self._rows):
            return self._rows[index.row()][index.column()]
        return None


class FirstPaint(QObject):
    """Prints the time once the viewport has painted rows, then quits."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint and self._view.model().rowCount() > 0:
            self._done = True
            QTimer.singleShot(0, self._report)  # runs after this paint event has been handled
        return False

    def _report(self) -> None:
        print(f"first-paint {time.monotonic():.6f}", flush=True)
        QApplication.quit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--size", default="1400x850")
    parser.add_argument("--font", action="append", default=[], help="a font file to paint the rows in")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    for path in args.font:
        families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(path))
        if families:
            font = QFont(families[0])
            font.setPointSize(10)
            QApplication.setFont(font)
    # Percent-quoted (as_uri): "#", "?" or "%" in the path would otherwise cut or change it.
    con = sqlite3.connect(f"{Path(args.database).absolute().as_uri()}?mode=ro", uri=True)
    count = con.execute("SELECT count(*) FROM hazards").fetchone()[0]
    rows = [tuple("" if v is None else str(v) for v in row) for row in con.execute(PAGE_SQL, (args.rows,))]
    con.close()
    window = QMainWindow()
    view = QTableView(window)
    view.setModel(PageModel(rows, count))
    window.setCentralWidget(view)
    view.viewport().installEventFilter(FirstPaint(view))
    width, height = (int(n) for n in args.size.split("x"))
    window.resize(width, height)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
