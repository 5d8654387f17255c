"""Demo inspections: finished checklist runs with failures and the hazards they raised, and one open draft.

Everything goes through the normal use cases (start, answer, photos, finalize), so the demo exercises
exactly what an inspector does on the plant floor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from hazard_desktop.domain.inspections import AnswerResult, StartInput
from hazard_desktop.domain.reference import Person, Role
from hazard_desktop.services import inspections as service
from hazard_desktop.services.hazards import PhotoFile
from hazard_desktop.services.ports import ImageProcessor, UnitOfWork

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Run:
    template_code: str
    area: str
    department_code: str
    days_ago: int
    failures: dict[int, str]  # item index -> note
    photos: tuple[int, ...] = ()  # item indices that get a photo
    answered: int | None = None  # None: all items, then finalize; n: a draft with n answers


RUNS: tuple[_Run, ...] = (
    _Run(
        "JC-10",
        "罐区 T-201～T-206 常压储罐组",
        "GQ",
        26,
        {
            0: "T-204 甲醇储罐液位计玻璃管破裂，上下游阀门已关闭，现场无法读取液位。",
            7: "T-206（500 m³）远传液位计信号中断，DCS 显示坏值已 3 天，未报修。",
        },
        photos=(0,),
    ),
    _Run(
        "JC-02",
        "合成一车间一楼泵区",
        "HC1",
        19,
        {
            1: "P-103B 机械密封滴漏约 20 滴/分钟，泵基础周围有物料积存。",
            2: "P-105A 联轴器防护罩缺失，转动部位外露。",
            8: "E-102 出口 DN80 蒸汽管道法兰泄漏，有蒸汽喷出。",
        },
        photos=(1, 8),
    ),
    _Run(
        "JC-08",
        "包装车间成品包装线",
        "BZ",
        12,
        {
            0: "包装线两名操作工未戴安全帽。",
            4: "成品托盘堆放占用东侧消防通道约 3 m。",
        },
        photos=(4,),
    ),
    _Run(
        "JC-06",
        "精馏车间 E-301 检修现场",
        "JL",
        6,
        {
            1: "二级动火作业票气体分析时间为动火前约 2 小时，作业间断后未重新分析。",
            6: "再沸器平台（约 8 m）作业人员安全带低挂高用。",
        },
    ),
    _Run("JC-04", "公用工程车间 1# 变配电所", "GY", 3, {}),
    _Run(
        "JC-03",
        "合成二车间 DCS 控制室及现场",
        "HC2",
        0,
        {2: "UPS 电池放电试验记录缺失，面板显示电池故障报警。"},
        answered=5,
    ),
)


@dataclass(frozen=True)
class InspectionDemoResult:
    """What the demo step wrote."""

    inspections: int
    drafts: int
    hazards: int


def build_inspection_demo(
    uow_factory: Callable[[], UnitOfWork],
    images: ImageProcessor,
    photo_maker: Callable[[int], bytes] | None,
    people: dict[str, list[Person]],
    reference: datetime,
) -> InspectionDemoResult:
    """Run the demo inspections (finished ones in the past weeks, one draft today).

    Args:
        people: staff by department code (from ``demo.ensure_people``).
        reference: "now" of the demo (aware).
    """
    templates = {t.code: t for t in service.list_templates(uow_factory())}
    with uow_factory() as uow:
        departments = {d.code: d for d in uow.reference.departments(include_inactive=True)}
    everyone = [p for group in people.values() for p in group]
    inspectors = [p for p in everyone if Role.INSPECTOR in p.roles] or everyone
    if not inspectors or not templates:
        return InspectionDemoResult(0, 0, 0)
    finished = drafts = hazards = 0
    for number, run in enumerate(RUNS):
        template = templates.get(run.template_code)
        department = departments.get(run.department_code)
        if template is None or department is None:
            continue
        started = reference - timedelta(days=run.days_ago, hours=3)
        pair = (inspectors[number % len(inspectors)], inspectors[(number + 3) % len(inspectors)])
        team = tuple(dict.fromkeys(p.id for p in pair))
        inspection = service.start_inspection(
            uow_factory(),
            StartInput(template.id, run.area, department.id, team, started.date()),
            today=reference.date(),
        )
        items = template.items[: run.answered] if run.answered is not None else template.items
        for index, item in enumerate(items):
            at = started + timedelta(minutes=4 * index)
            if index in run.failures:
                service.record_answer(
                    uow_factory(), inspection.id, item.id, AnswerResult.FAIL, run.failures[index], at=at
                )
            else:
                answer = AnswerResult.NA if (index + number) % 7 == 6 else AnswerResult.PASS
                service.record_answer(uow_factory(), inspection.id, item.id, answer, at=at)
            if index in run.photos and photo_maker is not None:
                photo = PhotoFile(f"JC_{number:02d}_{index:02d}.jpg", photo_maker(500 + number * 10 + index))
                service.add_answer_photos(uow_factory(), inspection.id, item.id, [photo], images)
        if run.answered is not None:
            drafts += 1
            continue
        result = service.finalize_inspection(
            uow_factory(), inspection.id, images, at=started + timedelta(minutes=4 * len(items) + 10)
        )
        finished += 1
        hazards += len(result.hazards)
    log.info("demo inspections: %d finished, %d drafts, %d hazards", finished, drafts, hazards)
    return InspectionDemoResult(finished + drafts, drafts, hazards)
