"""Crash safety of a running inspection: a process killed mid-run loses no committed answer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.inspections import AnswerResult, StartInput
from hazard_desktop.services import inspections as service
from tests.factories import add_person

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).resolve().parent / "inspection_crash_child.py"
ANSWERED = 5


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_answers_survive_a_killed_process_and_the_draft_reopens_where_it_was(tmp_path):
    data_dir = tmp_path / "data"
    context = build_context(data_dir)
    try:
        person = add_person(context)
        template = next(t for t in service.list_templates(context.uow()) if t.code == "JC-01")
        with context.uow() as uow:
            department = uow.reference.departments()[0]
        inspection = service.start_inspection(
            context.uow(),
            StartInput(template.id, "装置区", department.id, (person.id,), date(2026, 5, 4)),
            today=date(2026, 5, 4),
        )
    finally:
        close_context(context)

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(inspection.id), str(ANSWERED)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    reported = []
    try:
        assert child.stdout is not None
        for line in child.stdout:  # blocks on the pipe until the child writes
            line = line.strip()
            if line == "pending":
                break
            reported.append(line)
        else:
            pytest.fail(f"child ended early: {child.stderr.read() if child.stderr else ''}")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    assert reported == [f"saved {n}" for n in range(ANSWERED)]

    context = build_context(data_dir)
    try:
        run = service.load_run(context.uow(), inspection.id)
        items = run.template.items
        expected = (AnswerResult.PASS, AnswerResult.FAIL, AnswerResult.NA)
        for index in range(ANSWERED):
            answer = run.answers[items[index].id]
            assert answer.result is expected[index % 3], index
        assert run.answers[items[1].id].note == "第2项：现场记录"
        assert run.answers[items[1].id].photo_count == 1
        assert run.answers[items[4].id].note == "第5项：现场记录"
        assert items[ANSWERED].id not in run.answers  # the uncommitted write is gone
        assert run.progress.answered == ANSWERED
        assert run.resume_index == ANSWERED  # the draft continues at the first open item
        # the database is not left locked: the run can go on
        service.record_answer(context.uow(), inspection.id, items[ANSWERED].id, AnswerResult.PASS)
    finally:
        close_context(context)
