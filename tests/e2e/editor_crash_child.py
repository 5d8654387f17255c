"""Child process of ``test_editor_crash.py``: types a new hazard into the editor, then is killed.

It builds a context on the data folder given, opens the hazard editor offscreen (Chinese UI), sets the
fields with setters, attaches a photo, writes the draft with ``save_draft_now`` and prints ``ready``;
then it waits on stdin until the parent kills it (SIGKILL: no close, no Cancel, no clean-up).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDateTime  # noqa: E402

from hazard_desktop import paths  # noqa: E402
from hazard_desktop.app import build_context  # noqa: E402
from hazard_desktop.ui.application import create_application  # noqa: E402
from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog  # noqa: E402


def main() -> None:
    data_dir, photo, values = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
    app = create_application([sys.argv[0]], paths.resource_dir(), "zh_CN")
    context = build_context(data_dir)
    dialog = HazardEditorDialog(context)
    dialog.show()
    app.processEvents()
    dialog.description.setPlainText(values["description"])
    dialog.location.setText(values["location"])
    dialog.equipment_tag.setText(values["equipment_tag"])
    dialog.department.setCurrentIndex(dialog.department.findData(values["department"]))
    dialog.category.setCurrentIndex(dialog.category.findData(values["category"]))
    dialog.subcategory.setCurrentIndex(dialog.subcategory.findData(values["subcategory"]))
    dialog.found_by.setCurrentIndex(dialog.found_by.findData(values["found_by"]))
    dialog.found_at.setDateTime(QDateTime.fromMSecsSinceEpoch(values["found_at_ms"]))
    if dialog.add_photo_files([photo]) != 1:
        raise SystemExit(f"photo refused: {dialog.error_message()}")
    if not dialog.save_draft_now():
        raise SystemExit(f"draft not saved: {dialog.error_message()}")
    dialog.description.setPlainText(values["description"] + "（未保存的最后几个字）")  # typed, timer pending
    print("ready", flush=True)
    sys.stdin.readline()  # wait here until killed


if __name__ == "__main__":
    main()
