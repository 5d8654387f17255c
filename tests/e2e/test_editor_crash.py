"""A process killed while a new hazard is being typed: the next editor restores the draft intact."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hazard_desktop.app import build_context, close_context
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services.drafts import NEW_HAZARD_KEY
from hazard_desktop.ui import messages
from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog
from hazard_desktop.ui.formatting import to_qdatetime
from tests.factories import add_person
from tests.ui.conftest import make_image

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).resolve().parent / "editor_crash_child.py"
FOUND = datetime(2026, 5, 4, 1, 40, tzinfo=UTC)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]


def run_child_until_ready(data_dir: Path, photo: Path, values: dict[str, object]) -> int:
    """Start the child, wait for its ``ready`` line on the pipe, SIGKILL it; return its exit status."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(photo), json.dumps(values, ensure_ascii=False)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks on the pipe until the child has written its draft
        if line.strip() != "ready":
            child.wait()
            pytest.fail(f"child ended early ({line!r}): {child.stderr.read() if child.stderr else ''}")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    return child.returncode


def test_a_killed_editor_leaves_a_draft_the_next_one_restores(qtbot, tmp_path, monkeypatch) -> None:
    data_dir = tmp_path / "data"
    context = build_context(data_dir)
    try:
        person = add_person(context, "赵敏", "SCB")
        with context.uow() as uow:
            department = next(d for d in uow.reference.departments() if d.code == "SBB")
    finally:
        close_context(context)
    photo = make_image(tmp_path / "泵房现场.jpg", "#aa3333")
    values = {
        "description": "离心泵机封泄漏，地面有物料；\n旁边电缆沟盖板缺失",
        "location": "二车间泵房",
        "equipment_tag": "P-203B",
        "department": str(department.id),
        "category": "4.6",
        "subcategory": "4.6.2",
        "found_by": str(person.id),
        "found_at_ms": to_qdatetime(FOUND).toMSecsSinceEpoch(),
    }

    assert run_child_until_ready(data_dir, photo, values) == -signal.SIGKILL
    photo_bytes = photo.read_bytes()
    photo.unlink()  # the photo's stick is gone: the draft has its own copy

    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, **_: asked.append(text) or True)
    context = build_context(data_dir)
    try:
        assert context.drafts.keys() == [NEW_HAZARD_KEY]
        dialog = HazardEditorDialog(context)
        qtbot.addWidget(dialog)
        assert len(asked) == 1 and "unsaved draft" in asked[0]
        assert dialog.description.toPlainText() == values["description"]  # the last second's typing is lost
        assert dialog.location.text() == "二车间泵房"
        assert dialog.equipment_tag.text() == "P-203B"
        assert dialog.department.currentData() == str(department.id)
        assert (dialog.category.currentData(), dialog.subcategory.currentData()) == ("4.6", "4.6.2")
        assert dialog.found_by.currentData() == str(person.id)
        assert dialog.found_at.dateTime() == to_qdatetime(FOUND)
        [entry] = dialog.photo_entries()
        assert (entry.file.name, entry.file.data) == ("泵房现场.jpg", photo_bytes)

        assert dialog.save()
        stored = hazard_service.get_hazard(context.uow(), dialog.result_value.hazard.id)
        assert stored.description == values["description"] and stored.found_at == FOUND
        assert [p.original_name for p in stored.photos] == ["泵房现场.jpg"]
        assert context.drafts.keys() == []
    finally:
        close_context(context)
