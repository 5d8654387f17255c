"""Child process of ``test_inspection_crash.py``: answers items of a draft, then is killed mid-run.

Protocol on stdout (one line each, flushed): ``saved <index>`` after every committed answer, then
``pending`` while an answer is written but not committed; then it waits on stdin until it is killed.
"""

from __future__ import annotations

import dataclasses
import sys
import uuid
from pathlib import Path

from hazard_desktop.adapters.demo_photos import make_photo
from hazard_desktop.app import build_context
from hazard_desktop.domain.inspections import AnswerResult
from hazard_desktop.domain.records import utcnow
from hazard_desktop.services import inspections as service
from hazard_desktop.services.hazards import PhotoFile

RESULTS = (AnswerResult.PASS, AnswerResult.FAIL, AnswerResult.NA)


def main() -> None:
    data_dir, inspection_id, count = Path(sys.argv[1]), uuid.UUID(sys.argv[2]), int(sys.argv[3])
    context = build_context(data_dir)
    run = service.load_run(context.uow(), inspection_id)
    items = run.template.items
    for index in range(count):
        result = RESULTS[index % 3]
        note = f"第{index + 1}项：现场记录" if result is AnswerResult.FAIL else None
        service.record_answer(context.uow(), inspection_id, items[index].id, result, note)
        if index == 1:
            photo = PhotoFile("crash.jpg", make_photo(index, (320, 240)))
            service.add_answer_photos(context.uow(), inspection_id, items[index].id, [photo], context.images)
        print(f"saved {index}", flush=True)
    # an answer written but not committed when the process dies
    with context.uow() as uow:
        answer = uow.inspections.get_answer(inspection_id, items[0].id)
        assert answer is not None
        now = utcnow()
        uow.inspections.save_answer(
            dataclasses.replace(
                answer, id=uuid.uuid4(), item_id=items[count].id, note="never committed", created_at=now, updated_at=now
            )
        )
        print("pending", flush=True)
        sys.stdin.readline()  # wait here until killed


if __name__ == "__main__":
    main()
