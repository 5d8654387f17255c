"""The view-models of the printed sheets (隐患分级判定表, 争议裁决表) built from the stored records, each
with the print row it will be recorded as (see :mod:`.sheets`)."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.errors import InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading import Dispute, DisputeState, Grading, GradingMethod, MemberScore, PanelRole
from hazard_desktop.domain.hazards import Hazard, HazardGrade
from hazard_desktop.domain.lec import approx_text, band_edges
from hazard_desktop.domain.sheet_prints import SheetKind
from hazard_desktop.domain.verification import qr_payload, record_digest, short_code
from hazard_desktop.services.sheet_models import (
    DisputeSheet,
    GradingSheet,
    OriginalGrading,
    SheetCriterion,
    SheetMember,
    SheetVerdict,
)
from hazard_desktop.services.sheet_records import (
    EDGE_TEXT,
    GENERAL_NAME,
    MAJOR_ACTION,
    MAJOR_COLOUR,
    MAJOR_NAME,
    METHOD_LABELS,
    ROLE_LABELS,
    RULE_NAME,
    SHORT_METHOD_LABELS,
    _confirmed_key,
    _date_cn,
    _local,
    _mean_text,
    _number_text,
    _Reader,
    _sheet_no,
    dispute_record,
    found_texts,
    voted_ruling,
)
from hazard_desktop.services.sheet_requests import PlannedPrint, SheetRequest, SheetTarget

# ---------------------------------------------------------------- view-models


RAISING_SEAT = "（提出部门）"
SINGLE_USER_LINE = "单用户模式：未登录签名"
VIA_LABELS = {
    rules.SignedVia.ACCOUNT: "本人账户录入",
    rules.SignedVia.PIN: "本人PIN确认",
    rules.SignedVia.SINGLE_USER: "未登录录入",
}


def _entered_text(signature: rules.Signature | None) -> str:
    """Who entered a score or vote and when, as printed (``本人账户录入 2026-03-20 08:01``)."""
    if signature is None:
        return ""
    account = f"（账户：{signature.name}）" if signature.name and not signature.single_user else ""
    return f"{VIA_LABELS[signature.via]}{account}\n{_local(signature.at)}"


def _signed_lines(grading: Grading, role: str = "判定组长") -> tuple[str, ...]:
    """The confirming leader's account and time, and the single-user notice (bound into the verify code)."""
    lines = []
    confirmation = grading.confirmation
    if confirmation is not None:
        if confirmation.single_user:
            lines.append(f"{role}确认：{grading.leader_name}（未登录） {_local(confirmation.at)}")
        else:
            lines.append(f"{role}确认：账户 {confirmation.name} {_local(confirmation.at)}")
    if rules.is_single_user(grading):
        lines.append(SINGLE_USER_LINE)
    return tuple(lines)


def _department(name: str, department_id: uuid.UUID, role: PanelRole, raising: uuid.UUID | None) -> str:
    """The department as printed; on a dispute panel the member seated for the raising department says
    so (§7: the department that raised the dispute, not any department of the same kind)."""
    if raising is not None and role is PanelRole.MEMBER and department_id == raising:
        return name + RAISING_SEAT
    return name


PANEL_NOT_RECORDED = (
    "判定小组成员未记录：本判定于系统记录判定小组成员之前作出，存档记录中只有判定组长；小组成员以纸质会议记录为准。"
)
"""Printed on the sheet of a grading without scores stored before the panel was recorded (migration 0015)."""


CHECK_NOT_RECORDED = "重大隐患判定核对：未记录（本定级于系统记录第5.1条核对之前作出）"
"""Printed for a grading stored before its §5.1 check was recorded (LEC: migration 0016; criteria and §4.3
gradings: before they recorded it too): never assumed done."""


def criteria_version_text(version: rules.CriteriaVersion, sources: tuple[int, int] | None = None) -> str:
    """The version of the criteria list as printed: ``2026-12-01 版·26条·3f2a9c1b`` (newest item's day, items, the
    first digits of its digest); with ``sources`` (company items, 121号 items) it says what the list is:
    ``2026-12-01 版·本公司自定6条、国家121号文20条·3f2a9c1b``."""
    day = "" if version.newest is None else f"{_local(version.newest)[:10]} 版·"
    if sources is None:
        return f"{day}{version.items}条·{version.short}"
    company, national = sources
    return f"{day}本公司自定{company}条、国家121号文{national}条·{version.short}"


def check_line(grading: Grading, voted: Grading | None = None, sources: tuple[int, int] | None = None) -> str:
    """The line a grading's sheet prints for its §5.1 check (rule §5: the criteria decide 重大 first): against
    which version of the list (``sources``: what it holds, when known), what it found, by whom and when.

    ``voted``: for a dispute ruling, the ruling that holds the panel's votes (a correction re-scores LEC only)."""
    check = grading.major_check
    if check is None:
        return CHECK_NOT_RECORDED
    version = criteria_version_text(check.criteria, sources)
    done = f"（{check.checked_by}，{_local(check.checked_at)}）"
    if grading.method is GradingMethod.CRITERIA:
        cited = "、".join(m.code for m in grading.matches)
        return f"对照重大事故隐患判定标准（版本 {version}）逐条核对：符合第 {cited} 条（见下表）{done}"
    if grading.method is GradingMethod.PANEL_DECISION:
        return f"对照重大事故隐患判定标准（版本 {version}）逐条核对：未符合任一条款，由判定小组依第4.3条集体判定{done}"
    if check.basis is rules.CheckBasis.DISPUTE:
        if (voted or grading).verdicts:
            return f"对照重大事故隐患判定标准（版本 {version}），争议判定小组对所涉条款逐人表决：未符合任一条款{done}"
        return f"重大事故隐患判定标准（版本 {version}）：争议未提出所符合的条款，争议判定小组按 LEC 裁决{done}"
    return f"对照重大事故隐患判定标准（版本 {version}）逐条核对：未符合任一条款{done}"


def _panel_rows(grading: Grading, reader: _Reader) -> tuple[SheetMember, ...]:
    """The recorded panel of a grading without scores: 组长, 副组长, then members, each with a signature cell."""
    order = {PanelRole.LEADER: 0, PanelRole.DEPUTY: 1, PanelRole.MEMBER: 2}
    seats = sorted(enumerate(grading.panel), key=lambda item: (order[item[1].role], item[0]))
    return tuple(
        SheetMember(ROLE_LABELS[s.role], reader.member_name(s.person_id, s.person_name), s.department_name)
        for _, s in seats
    )


def _panel_note(grading: Grading) -> str:
    """The line saying the panel was not recorded (gradings without scores stored before 0015); else ""."""
    return "" if grading.panel_recorded or grading.is_ruling else PANEL_NOT_RECORDED


def _members(
    grading: Grading, reader: _Reader, *, pad: bool, raising: uuid.UUID | None = None
) -> tuple[SheetMember, ...]:
    """The panel's rows, leader (and deputy) first: the scorers, or the panel recorded without scores; a
    grading stored before the panel was recorded shows its leader only (the sheet says the panel was not
    recorded, :func:`_panel_note`: no blank rows stand in for a panel nobody recorded).

    ``raising``: the department that raised the dispute (its member's seat is marked)."""
    if not grading.scores and grading.panel:
        return _panel_rows(grading, reader)

    def role(score: MemberScore) -> PanelRole:
        if score.role is PanelRole.MEMBER and grading.leader_id is not None and score.person_id == grading.leader_id:
            return PanelRole.LEADER
        return score.role

    order = {PanelRole.LEADER: 0, PanelRole.DEPUTY: 1, PanelRole.MEMBER: 2}
    scores = sorted(enumerate(grading.scores), key=lambda item: (order[role(item[1])], item[0]))
    rows = [
        SheetMember(
            ROLE_LABELS[role(s)],
            reader.member_name(s.person_id, s.person_name),
            _department(s.department_name, s.department_id, role(s), raising),
            _number_text(s.likelihood),
            _number_text(s.exposure),
            _number_text(s.consequence),
            _number_text(s.d),
            _entered_text(s.entered),
        )
        for _, s in scores
    ]
    if not rows and pad:
        rows.append(
            SheetMember(
                ROLE_LABELS[PanelRole.LEADER],
                reader.member_name(grading.leader_id, grading.leader_name),
                reader.person_department(grading.leader_id),
            )
        )
    return tuple(rows)


def _result(grading: Grading, reader: _Reader) -> tuple[str, str, str, str]:
    """(band name as printed, colour, required action, threshold set text)."""
    threshold = reader.threshold_set(grading.threshold_set_id)
    band = None
    if threshold is not None and grading.band_code is not None:
        band = next((b for b in threshold.bands if b.code == grading.band_code), None)
    band_name = grading.band_name_zh or (band.name_zh if band is not None else "")
    set_text = ""
    if grading.threshold_set_name:
        set_text = grading.threshold_set_name
        if threshold is not None:
            set_text += f"（{threshold.effective_from.isoformat()} 起施行；{EDGE_TEXT[threshold.edge_rule]}）"
        elif grading.edge_rule is not None:
            set_text += f"（{EDGE_TEXT[grading.edge_rule]}）"
    if grading.grade is HazardGrade.MAJOR:
        name = MAJOR_NAME if not band_name else f"{MAJOR_NAME}（LEC：{band_name}，仅作记录）"
        return name, MAJOR_COLOUR, MAJOR_ACTION, set_text
    name = f"{band_name}（{GENERAL_NAME}）" if band_name else GENERAL_NAME
    colour = band.colour if band is not None else ""
    action = band.action_zh if band is not None else ""
    return name, colour, action, set_text


def _basis(grading: Grading, reader: _Reader, hazard: Hazard, *, meeting_title: str) -> tuple[str, ...]:
    lines: list[str] = []
    if grading.method is GradingMethod.LEC_PANEL:
        total = sum((s.d for s in grading.scores), Decimal(0))
        exact = grading.mean_exact or Fraction(0)
        lines.append(
            f"{RULE_NAME}第5.2条：安环部、生产部、工会人员分别独立评定 L、E、C；"
            f"隐患值 = 各成员 D 值之和 ÷ 人数 = {_number_text(total)} ÷ {len(grading.scores)}"
            f" = {approx_text(exact, reader.places, band_edges(reader.threshold_set(grading.threshold_set_id)))}。"
        )
        lines.append(check_line(grading, sources=reader.criteria_sources(grading)))
    elif grading.method is GradingMethod.CRITERIA:
        lines.append(f"{RULE_NAME}第5.1条：符合重大事故隐患判定标准任一条款的，判定为重大事故隐患（条款见下表）。")
        if grading.dispute_id is None:  # a ruling's votes are printed as its check
            lines.append(check_line(grading, sources=reader.criteria_sources(grading)))
        if grading.scores:
            lines.append("小组同时进行了 LEC 评分，评分仅作记录，不改变判定结果。")
    else:
        lines.append(f"{RULE_NAME}第4.3条：判定小组依据重大事故隐患的定义集体判定（不属于所列判定标准条款）。")
        lines.append(f"判定理由：{grading.decision_reason}")
        lines.append(check_line(grading, sources=reader.criteria_sources(grading)))
    if meeting_title:
        lines.append(f"判定会议：{meeting_title}")
    history = reader.history(hazard.id)
    if grading.supersedes_id is not None:
        old = next((g for g in history if g.id == grading.supersedes_id), None)
        old_no = _sheet_no(old, history, hazard.number) if old is not None else ""
        lines.append(f"本表为更正判定，更正原判定表 {old_no}。更正理由：{grading.correction_reason}")
    current = rules.current_grading(history)
    if current is not None and current.id != grading.id:
        lines.append(
            f"注：本判定已被后续判定（表号 {_sheet_no(current, history, hazard.number)}）取代，本表仅作历史记录。"
        )
    return tuple(lines)


def _grading_sheet(grading: Grading, reader: _Reader, copy_no: int, code: str) -> GradingSheet:
    hazard = reader.hazard(grading.hazard_id)
    meeting_title = ""
    if grading.meeting_id is not None:
        meeting = reader.uow.gradings.get_meeting(grading.meeting_id)
        meeting_title = "" if meeting is None else f"{meeting.title}（{_date_cn(meeting.held_on)}）"
    band_name, colour, action, set_text = _result(grading, reader)
    location = hazard.location + (f"（设备位号 {hazard.equipment_tag}）" if hazard.equipment_tag else "")
    return GradingSheet(
        plant_name=reader.plant_name,
        sheet_no=_sheet_no(grading, reader.history(hazard.id), hazard.number),
        hazard_number=hazard.number,
        description=hazard.description,
        location=location,
        category=reader.category(hazard),
        found_at=found_texts(hazard, reader.person_name(hazard.found_by_id))[0],
        found_by=found_texts(hazard, reader.person_name(hazard.found_by_id))[1],
        method_label=METHOD_LABELS[grading.method],
        basis_lines=_basis(grading, reader, hazard, meeting_title=meeting_title),
        criteria=tuple(
            SheetCriterion(m.code, reader.clause(m.criterion_id, m.clause), m.text, m.evidence) for m in grading.matches
        ),
        members=_members(grading, reader, pad=True),
        mean_d=_mean_text(grading, reader.places, reader),
        band_name=band_name,
        band_colour=colour,
        action=action,
        threshold_set=set_text,
        leader_name=reader.member_name(grading.leader_id, grading.leader_name),
        graded_on=_date_cn(grading.graded_on),
        verify_code=code,
        qr_payload=qr_payload(code, hazard.number),
        copy_no=copy_no,
        photos=reader.photos(hazard),
        signed_lines=_signed_lines(grading),
        panel_note=_panel_note(grading),
    )


def _ruling_of(dispute: Dispute, reader: _Reader) -> Grading:
    """The grading that rules ``dispute``: its ruling, or the latest confirmed correction of it."""
    if dispute.state is not DisputeState.RULED or dispute.ruling_grading_id is None:
        raise InvalidTransition("dispute_not_ruled", state=dispute.state.value)
    history = reader.history(dispute.hazard_id)
    rulings = sorted((g for g in history if g.confirmed and g.dispute_id == dispute.id), key=_confirmed_key)
    superseded = {g.supersedes_id for g in history if g.confirmed and g.supersedes_id is not None}
    live = [g for g in rulings if g.id not in superseded]
    if live:
        return live[-1]
    return reader.grading(dispute.ruling_grading_id)


def _vote_members(ruling: Grading, raising: uuid.UUID, reader: _Reader) -> tuple[SheetMember, ...]:
    """The dispute panel's rows when it ruled by its votes on criteria (no LEC scores to print)."""
    if not ruling.verdicts:
        return ()
    order = {PanelRole.LEADER: 0, PanelRole.DEPUTY: 1, PanelRole.MEMBER: 2}
    votes = sorted(enumerate(ruling.verdicts[0].votes), key=lambda item: (order[item[1].role], item[0]))
    return tuple(
        SheetMember(
            ROLE_LABELS[v.role],
            reader.member_name(v.person_id, v.person_name),
            _department(v.department_name, v.department_id, v.role, raising),
            entered=_entered_text(v.entered),
        )
        for _, v in votes
    )


def _sheet_verdicts(ruling: Grading, reader: _Reader) -> tuple[SheetVerdict, ...]:
    result = []
    for verdict in ruling.verdicts:
        outcome = "适用" if verdict.upheld else "不适用"
        tally = f"{outcome}（赞成 {verdict.votes_for} 票，反对 {verdict.votes_against} 票）"
        votes = "；".join(_vote_text(v, reader) for v in verdict.votes)
        clause = reader.clause(verdict.criterion_id, verdict.match.clause)
        result.append(
            SheetVerdict(verdict.match.code, clause, verdict.match.text, verdict.match.evidence, tally, votes)
        )
    return tuple(result)


def _dispute_signed_lines(ruling: Grading, voted: Grading) -> tuple[str, ...]:
    lines = _signed_lines(ruling, "争议组长")
    if voted.id != ruling.id and rules.is_single_user(voted) and SINGLE_USER_LINE not in lines:
        lines += (SINGLE_USER_LINE,)
    return lines


def _vote_text(vote: rules.CriterionVote, reader: _Reader) -> str:
    name = reader.member_name(vote.person_id, vote.person_name)
    text = f"{name}（{ROLE_LABELS[vote.role]}）{'适用' if vote.upholds else '不适用'}"
    if vote.entered is not None:
        text += f"〔{VIA_LABELS[vote.entered.via]} {_local(vote.entered.at)}〕"
    return text


def _ruling_basis(ruling: Grading, voted: Grading, reader: _Reader) -> str:
    if ruling.method is GradingMethod.CRITERIA and ruling.verdicts:
        cited = "、".join(f"{m.code}（{reader.clause(m.criterion_id, m.clause)}）" for m in ruling.matches)
        return f"{RULE_NAME}第5.1、7条：争议判定小组逐人表决，以上条款经多数表决适用，裁决为重大事故隐患：{cited}。"
    if voted.verdicts:
        text = f"{RULE_NAME}第5.2、7条：所涉判定标准经表决均不适用，以争议判定小组 LEC 平均值为最终隐患值。"
    else:
        text = f"{RULE_NAME}第7条：争议判定小组成员依据 D=LEC 分别评分，平均值为最终隐患值。"
    line = check_line(ruling, voted, reader.criteria_sources(ruling))
    return f"{text}{line}。" if line else text


def _dispute_sheet(
    dispute: Dispute, ruling: Grading, voted: Grading, reader: _Reader, copy_no: int, code: str
) -> DisputeSheet:
    """``voted`` holds the panel's votes on criteria (:func:`voted_ruling`): the ruling or, for a corrected
    LEC ruling, the first ruling."""
    hazard = reader.hazard(dispute.hazard_id)
    history = reader.history(hazard.id)
    original = reader.grading(dispute.grading_id)
    original_band, _, _, _ = _result(original, reader)
    band_name, colour, action, set_text = _result(ruling, reader)
    seated: list[Any] = [*ruling.scores, *(ruling.verdicts[0].votes if ruling.verdicts else ())]
    deputy = next((reader.member_name(s.person_id, s.person_name) for s in seated if s.role is PanelRole.DEPUTY), "")
    ruling_text = dispute.ruling_text
    if ruling.supersedes_id is not None:
        ruling_text += f"\n更正说明：{ruling.correction_reason}"
    location = hazard.location + (f"（设备位号 {hazard.equipment_tag}）" if hazard.equipment_tag else "")
    return DisputeSheet(
        plant_name=reader.plant_name,
        sheet_no=_sheet_no(ruling, history, hazard.number),
        hazard_number=hazard.number,
        description=hazard.description,
        original=OriginalGrading(
            sheet_no=_sheet_no(original, history, hazard.number),
            graded_on=_date_cn(original.graded_on),
            method_label=SHORT_METHOD_LABELS[original.method],
            mean_d=_mean_text(original, reader.places, reader),
            band_name=original_band,
            leader_name=reader.member_name(original.leader_id, original.leader_name),
            members=_members(original, reader, pad=False),
        ),
        raised_by_department=dispute.raised_by_department_name,
        raised_by_person=dispute.raised_by_person_name,
        raised_at=_local(dispute.raised_at),
        reason=dispute.reason,
        members=(
            _vote_members(ruling, dispute.raised_by_department_id, reader)
            if ruling.verdicts and not ruling.scores
            else _members(ruling, reader, pad=True, raising=dispute.raised_by_department_id)
        ),
        mean_d=_mean_text(ruling, reader.places, reader),
        band_name=band_name,
        action=action,
        threshold_set=set_text,
        ruling_text=ruling_text,
        leader_name=reader.member_name(ruling.leader_id, ruling.leader_name),
        deputy_name=deputy,
        verify_code=code,
        qr_payload=qr_payload(code, hazard.number),
        copy_no=copy_no,
        location=location,
        category=reader.category(hazard),
        band_colour=colour,
        ruled_on=_date_cn(ruling.graded_on),
        verdicts=_sheet_verdicts(voted, reader),
        claimed="、".join(f"{c.code}（{reader.clause(c.criterion_id, c.clause)}）" for c in dispute.claimed),
        ruling_basis=_ruling_basis(ruling, voted, reader),
        signed_lines=_dispute_signed_lines(ruling, voted),
    )


def _plan_grading(grading: Grading, reader: _Reader) -> tuple[GradingSheet | DisputeSheet, PlannedPrint]:
    """The sheet certifying ``grading`` (a ruling prints as its 争议裁决表) and its print row."""
    if not grading.confirmed:
        raise InvalidTransition("grading_not_confirmed", id=str(grading.id))
    if grading.is_ruling:
        assert grading.dispute_id is not None
        return _plan_dispute(reader.dispute(grading.dispute_id), reader, ruling=grading)
    hazard = reader.hazard(grading.hazard_id)
    digest = record_digest(rules.canonical_record(grading))
    code = short_code(digest)
    copy_no = reader.prints_so_far(grading.id, SheetKind.GRADING)
    sheet = _grading_sheet(grading, reader, copy_no, code)
    plan = PlannedPrint(
        SheetKind.GRADING, grading.id, None, hazard.id, hazard.number, sheet.sheet_no, code, digest, copy_no
    )
    return sheet, plan


def _plan_dispute(
    dispute: Dispute, reader: _Reader, *, ruling: Grading | None = None
) -> tuple[DisputeSheet, PlannedPrint]:
    ruling = ruling or _ruling_of(dispute, reader)
    if dispute.state is not DisputeState.RULED:
        raise InvalidTransition("dispute_not_ruled", state=dispute.state.value)
    original = reader.grading(dispute.grading_id)
    voted = voted_ruling(dispute, ruling, reader.uow.gradings.get)
    digest = record_digest(dispute_record(dispute, ruling, original, voted))
    code = short_code(digest)
    copy_no = reader.prints_so_far(ruling.id, SheetKind.DISPUTE)
    sheet = _dispute_sheet(dispute, ruling, voted, reader, copy_no, code)
    hazard = reader.hazard(dispute.hazard_id)
    plan = PlannedPrint(
        SheetKind.DISPUTE, ruling.id, dispute.id, hazard.id, hazard.number, sheet.sheet_no, code, digest, copy_no
    )
    return sheet, plan


def _targets(reader: _Reader, request: SheetRequest) -> tuple[str, list[Callable[[], Any]]]:
    """The document title and one builder per sheet (so progress can be reported sheet by sheet)."""
    target = SheetTarget(request.target)
    form_kind = target.form_kind
    if form_kind is not None:
        from hazard_desktop.services.form_builders import form_target

        return form_target(reader, form_kind, request.id)
    if target is SheetTarget.HAZARD:
        hazard = reader.hazard(request.id)
        final = rules.current_grading(reader.history(hazard.id))
        if final is None:
            raise NotFound("grading_none", number=hazard.number)
        title = ("争议裁决表 " if final.is_ruling else "隐患分级判定表 ") + hazard.number
        return title, [lambda: _plan_grading(final, reader)]
    if target is SheetTarget.GRADING:
        grading = reader.grading(request.id)
        hazard = reader.hazard(grading.hazard_id)
        title = ("争议裁决表 " if grading.is_ruling else "隐患分级判定表 ") + hazard.number
        return title, [lambda: _plan_grading(grading, reader)]
    if target is SheetTarget.DISPUTE:
        dispute = reader.dispute(request.id)
        hazard = reader.hazard(dispute.hazard_id)
        return f"争议裁决表 {hazard.number}", [lambda: _plan_dispute(dispute, reader)]
    meeting = reader.uow.gradings.get_meeting(request.id)
    if meeting is None:
        raise NotFound("meeting_unknown", id=str(request.id))
    gradings = reader.uow.gradings.for_meeting(meeting.id, confirmed_only=True)
    if not gradings:
        raise ValidationError("sheet_document_empty", field="sheets")
    title = f"隐患分级判定表 {meeting.title}（{_date_cn(meeting.held_on)}）"
    return title, [functools.partial(_plan_grading, g, reader) for g in gradings]
