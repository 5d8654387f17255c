"""Translated sentences for the grading codes (panels, disputes, criteria, meetings).

:func:`area_text` knows the codes of ``domain/grading.py`` and ``services/grading.py``; it is reached
through ``messages.error_text(exc, "grading", names)``, which falls back to the general sentences for
everything else. :func:`problem_text` turns a
:class:`~hazard_desktop.domain.grading.PanelProblem` into a sentence naming the person, department or
department kind concerned, for the live checks of the panel dialogs.
"""

from __future__ import annotations

import string
import uuid
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hazard_desktop.domain.grading import PanelProblem
from hazard_desktop.domain.reference import DepartmentKind
from hazard_desktop.ui.widgets.lec_format import department_kind_short

CONTEXT = "GradingMessages"

_TEXTS: dict[str, tuple[str, ...]] = {
    # ---- panel composition (domain/grading.py check_panel)
    "panel_empty": (QT_TRANSLATE_NOOP("GradingMessages", "Choose the panel members."),),
    "panel_even": (
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "The panel has {count} members: the rule requires an odd number (add or remove one member).",
        ),
        QT_TRANSLATE_NOOP("GradingMessages", "The rule requires an odd number of panel members."),
    ),
    "panel_duplicate_member": (
        QT_TRANSLATE_NOOP("GradingMessages", "{person} is on the panel twice."),
        QT_TRANSLATE_NOOP("GradingMessages", "A person is on the panel twice."),
    ),
    "panel_missing_kind": (
        QT_TRANSLATE_NOOP("GradingMessages", "Nobody from {kind_label} is on the panel."),
        QT_TRANSLATE_NOOP("GradingMessages", "A required department is not represented on the panel."),
    ),
    "panel_kind_not_allowed": (
        QT_TRANSLATE_NOOP(
            "GradingMessages", "{person} ({kind_label}) cannot sit on this panel: the rule names other departments."
        ),
        QT_TRANSLATE_NOOP("GradingMessages", "Members from {kind_label} cannot sit on this panel."),
        QT_TRANSLATE_NOOP("GradingMessages", "A member's department may not sit on this panel."),
    ),
    "panel_missing_department": (
        QT_TRANSLATE_NOOP(
            "GradingMessages", "Nobody from {department}, the department that raised the dispute, is on the panel."
        ),
        QT_TRANSLATE_NOOP("GradingMessages", "Nobody from the department that raised the dispute is on the panel."),
    ),
    "dispute_needs_leader": (QT_TRANSLATE_NOOP("GradingMessages", "The dispute panel needs its leader (组长)."),),
    "dispute_needs_deputy": (
        QT_TRANSLATE_NOOP("GradingMessages", "The dispute panel needs its deputy leader (副组长)."),
    ),
    "panel_leader_duplicate": (QT_TRANSLATE_NOOP("GradingMessages", "The panel can have only one leader."),),
    "panel_deputy_duplicate": (QT_TRANSLATE_NOOP("GradingMessages", "The panel can have only one deputy leader."),),
    # ---- scores
    "off_scale": (
        QT_TRANSLATE_NOOP(
            "GradingMessages", "{person}: {value} is not a value of the {factor} scale. Allowed: {allowed}."
        ),
        QT_TRANSLATE_NOOP("GradingMessages", "{value} is not a value of the {factor} scale. Allowed: {allowed}."),
    ),
    "scores_incomplete": (
        QT_TRANSLATE_NOOP("GradingMessages", "{person} has not entered L, E and C yet."),
        QT_TRANSLATE_NOOP("GradingMessages", "Not every member has entered L, E and C yet."),
    ),
    # ---- gradings and meetings (services/grading.py)
    "leader_empty": (QT_TRANSLATE_NOOP("GradingMessages", "Choose the panel leader who confirms the grading."),),
    "hazard_closed": (QT_TRANSLATE_NOOP("GradingMessages", "The hazard is closed out and can no longer be graded."),),
    "hazard_already_graded": (
        QT_TRANSLATE_NOOP("GradingMessages", "Hazard {hazard} already has a confirmed grading."),
        QT_TRANSLATE_NOOP("GradingMessages", "The hazard already has a confirmed grading."),
    ),
    "dispute_open": (QT_TRANSLATE_NOOP("GradingMessages", "The hazard has an open dispute: settle it first."),),
    "grading_unknown": (QT_TRANSLATE_NOOP("GradingMessages", "The grading no longer exists."),),
    "dispute_unknown": (QT_TRANSLATE_NOOP("GradingMessages", "The dispute no longer exists."),),
    "dispute_already_open": (
        QT_TRANSLATE_NOOP("GradingMessages", "There is already an open dispute about this hazard."),
    ),
    "meeting_unknown": (QT_TRANSLATE_NOOP("GradingMessages", "The panel meeting no longer exists."),),
    "hazards_empty": (QT_TRANSLATE_NOOP("GradingMessages", "Choose at least one hazard to grade."),),
    "ruling_text_empty": (QT_TRANSLATE_NOOP("GradingMessages", "Please write down the panel's ruling."),),
    "criterion_unknown": (QT_TRANSLATE_NOOP("GradingMessages", "A cited criterion no longer exists."),),
    # ---- disputes (services/grading.py, dialogs)
    "raising_department_empty": (
        QT_TRANSLATE_NOOP("GradingMessages", "Please choose the department raising the dispute."),
    ),
    "raising_person_namesake": (
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "{name}: several people of this department have that name. Choose the one raising the dispute in the "
            "list (shown with the employee number).",
        ),
    ),
    "ruling_text_too_long": (
        QT_TRANSLATE_NOOP("GradingMessages", "The ruling is too long (at most {max} characters)."),
    ),
    "grading_not_current": (
        QT_TRANSLATE_NOOP("GradingMessages", "Only the grading in force can be disputed; this one was replaced."),
    ),
    "graded_on_before_found": (
        QT_TRANSLATE_NOOP(
            "GradingMessages", "The grading date {graded_on} is before the hazard was found ({found_on})."
        ),
        QT_TRANSLATE_NOOP("GradingMessages", "The grading date is before the hazard was found."),
    ),
    "leader_unknown": (QT_TRANSLATE_NOOP("GradingMessages", "The chosen leader no longer exists."),),
    "person_inactive": (
        QT_TRANSLATE_NOOP("GradingMessages", "{person} is no longer active and cannot sit on a panel."),
        QT_TRANSLATE_NOOP("GradingMessages", "A chosen person is no longer active."),
    ),
    "batch_empty": (QT_TRANSLATE_NOOP("GradingMessages", "Choose at least one hazard to grade."),),
    "batch_duplicate_hazard": (QT_TRANSLATE_NOOP("GradingMessages", "A hazard is listed twice."),),
    "title_empty": (QT_TRANSLATE_NOOP("GradingMessages", "Please enter the meeting's title."),),
    "title_too_long": (
        QT_TRANSLATE_NOOP("GradingMessages", "The meeting title is too long (at most {max} characters)."),
    ),
    # ---- dispute rule §5–§7: criteria votes first, named chairs (services/grading/disputes.py)
    "ruling_vote_missing": (
        QT_TRANSLATE_NOOP(
            "GradingMessages", "The dispute panel must first vote on criterion {criterion}: does it apply?"
        ),
        QT_TRANSLATE_NOOP("GradingMessages", "The dispute panel must first vote on every criterion in question."),
    ),
    "ruling_vote_unexpected": (
        QT_TRANSLATE_NOOP("GradingMessages", "Criterion {criterion} is not in question in this dispute."),
    ),
    "verdict_findings_empty": (
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "Please record what the panel found on site about criterion {criterion} (needed whatever the vote).",
        ),
    ),
    "votes_empty": (QT_TRANSLATE_NOOP("GradingMessages", "Nobody has voted on criterion {criterion}."),),
    "vote_duplicate": (QT_TRANSLATE_NOOP("GradingMessages", "A member voted twice on criterion {criterion}."),),
    "ruling_panel_changed": (
        QT_TRANSLATE_NOOP("GradingMessages", "The members who score must be the members who voted on the criteria."),
    ),
    "ruling_criteria_upheld": (
        QT_TRANSLATE_NOOP(
            "GradingMessages", "A criterion applies, so the hazard is 重大: the panel does not score LEC."
        ),
    ),
    "dispute_chairs_missing": (
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "No 组长 and 副组长 are named for {on}: name them in Tools → Settings → Dispute panel.",
        ),
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "No 组长 and 副组长 of the dispute panel are named: name them in Tools → Settings → Dispute panel.",
        ),
    ),
    "dispute_leader_not_named": (
        QT_TRANSLATE_NOOP("GradingMessages", "The settings name {name} as the dispute panel's 组长 for this date."),
    ),
    "dispute_deputy_not_named": (
        QT_TRANSLATE_NOOP("GradingMessages", "The settings name {name} as the dispute panel's 副组长 for this date."),
    ),
    "chairs_same_person": (
        QT_TRANSLATE_NOOP("GradingMessages", "The 组长 and the 副组长 must be two different persons."),
    ),
    "dispute_wrong_grading": (QT_TRANSLATE_NOOP("GradingMessages", "The ruling must be about the disputed grading."),),
    "withdrawn_by_empty": (QT_TRANSLATE_NOOP("GradingMessages", "Please enter who withdraws the dispute."),),
    "ruling_needs_lec": (
        QT_TRANSLATE_NOOP("GradingMessages", "A ruling can only be corrected by a dispute panel's LEC scores."),
    ),
    # ---- blind scoring under accounts (issue 14: services/grading/scoring.py)
    "score_not_own": (
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "Only {person} enters {person}'s score: signed in under their own account, or with their own PIN here.",
        ),
        QT_TRANSLATE_NOOP("GradingMessages", "A member enters only their own score (own account or own PIN)."),
    ),
    "score_not_seated": (QT_TRANSLATE_NOOP("GradingMessages", "This person is not on the panel of this scoring."),),
    "score_incomplete": (QT_TRANSLATE_NOOP("GradingMessages", "Choose L, E and C (or vote on every criterion)."),),
    "scoring_complete": (
        QT_TRANSLATE_NOOP("GradingMessages", "All members have entered: the entries cannot be changed any more."),
    ),
    "scoring_closed": (
        QT_TRANSLATE_NOOP("GradingMessages", "These entries were already used for a grading; start a new scoring."),
    ),
    "scoring_incomplete": (
        QT_TRANSLATE_NOOP("GradingMessages", "{missing} member(s) have not entered yet: the scores stay hidden."),
        QT_TRANSLATE_NOOP("GradingMessages", "Not every member has entered yet: the scores stay hidden."),
    ),
    "scoring_unknown": (
        QT_TRANSLATE_NOOP("GradingMessages", "This scoring no longer exists; start the scoring again."),
    ),
    "scoring_purpose": (
        QT_TRANSLATE_NOOP("GradingMessages", "These entries are votes, not LEC scores (or the reverse)."),
    ),
    "scoring_hazard_mismatch": (QT_TRANSLATE_NOOP("GradingMessages", "These entries belong to another hazard."),),
    "scores_need_round": (
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "Under accounts each member enters their own score (own account or own PIN); scores typed in for "
            "others are not accepted.",
        ),
    ),
    "scores_and_round": (QT_TRANSLATE_NOOP("GradingMessages", "Give the members' entries or typed scores, not both."),),
    "confirm_not_leader": (
        QT_TRANSLATE_NOOP("GradingMessages", "Only the panel's leader {leader}, signed in, confirms this grading."),
        QT_TRANSLATE_NOOP("GradingMessages", "Only the panel's leader, signed in, confirms this grading."),
    ),
    "pin_unavailable": (
        QT_TRANSLATE_NOOP("GradingMessages", "PINs cannot be checked here; the member signs in instead."),
    ),
    "credential_wrong": (
        QT_TRANSLATE_NOOP("GradingMessages", "Wrong PIN for {name}: {left} more tries before the account is locked."),
        QT_TRANSLATE_NOOP("GradingMessages", "Wrong PIN."),
    ),
    "account_locked": (
        QT_TRANSLATE_NOOP(
            "GradingMessages", "The account of {name} is locked after too many wrong PINs (until {until})."
        ),
        QT_TRANSLATE_NOOP("GradingMessages", "The account is locked after too many wrong PINs."),
    ),
    "no_account": (
        QT_TRANSLATE_NOOP("GradingMessages", "This member has no account: they cannot confirm with a PIN."),
    ),
    "signature_needs_account": (
        QT_TRANSLATE_NOOP("GradingMessages", "A signature under accounts needs the signing account."),
    ),
    "signature_single_user_account": (
        QT_TRANSLATE_NOOP("GradingMessages", "A signature in single-user mode names no account."),
    ),
    "account_inactive": (QT_TRANSLATE_NOOP("GradingMessages", "This member's account is switched off."),),
    "credential_must_change": (
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "The PIN of {name} was set by an administrator and must be changed first: {name} signs in once under "
            "their own account and chooses a new PIN, then confirms here.",
        ),
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "This member's PIN was set by an administrator and must be changed first (sign in once and choose a "
            "new one).",
        ),
    ),
    "panel_not_recorded": (
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "A grading without LEC scores records the panel that decided it: choose the panel members first.",
        ),
    ),
    # ---- the §5.1 check a LEC grading rests on (domain/grading/checks.py, rule §5)
    "major_check_missing": (
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "A general (LEC) grading needs the §5.1 major-hazard check first: go through the criteria one by one"
            " and record that none matches.",
        ),
    ),
    "major_check_stale": (
        QT_TRANSLATE_NOOP(
            "GradingMessages",
            "The major-hazard criteria were changed after the check was made: go through the criteria in force again.",
        ),
    ),
    "major_check_after_grading": (
        QT_TRANSLATE_NOOP("GradingMessages", "The §5.1 check is dated after the grading: check first, then grade."),
    ),
    "panel_with_scores": (
        QT_TRANSLATE_NOOP(
            "GradingMessages", "With LEC scores the members who scored are the panel; no separate panel is recorded."
        ),
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _kind_label(value: object) -> str | None:
    try:
        return department_kind_short(DepartmentKind(str(value)))
    except ValueError:
        return None


def _enrich(params: Mapping[str, Any], names: Mapping[uuid.UUID | str, str] | None) -> dict[str, str]:
    """Add readable ``kind_label``, ``person`` and ``department`` to the error's params when possible."""
    values = {key: str(value) for key, value in params.items() if value is not None}
    if "kind" in values and (label := _kind_label(values["kind"])) is not None:
        values["kind_label"] = label
    lookup = {str(key): value for key, value in (names or {}).items()}
    if "person" not in values and values.get("person_id") in lookup:
        values["person"] = lookup[values["person_id"]]
    if "department" not in values and values.get("department_id") in lookup:
        values["department"] = lookup[values["department_id"]]
    return values


def _render(code: str, params: Mapping[str, str]) -> str | None:
    for template in _TEXTS.get(code, ()):
        if _names(template) <= params.keys():
            translated = _tr(template)
            try:
                return translated.format_map(params)
            except (KeyError, ValueError, IndexError):
                return template.format_map(params)
    return None


def has_text(code: str) -> bool:
    """True if ``code`` has a sentence here."""
    return code in _TEXTS


def area_text(exc: BaseException, names: Mapping[uuid.UUID | str, str] | None = None) -> str | None:
    """One translated sentence for a grading error, or None; ``names`` maps person and department ids to names."""
    code = getattr(exc, "code", None)
    if not isinstance(code, str):
        return None
    return _render(code, _enrich(getattr(exc, "params", {}) or {}, names))


def problem_text(problem: PanelProblem, names: Mapping[uuid.UUID | str, str] | None = None, count: int = 0) -> str:
    """A sentence for one panel-composition problem (``count``: the panel's size, for ``panel_even``)."""
    params: dict[str, Any] = {"count": count}
    if problem.kind is not None:
        params["kind"] = problem.kind.value
    if problem.person_id is not None:
        params["person_id"] = problem.person_id
    if problem.department_id is not None:
        params["department_id"] = problem.department_id
    text = _render(problem.code, _enrich(params, names))
    return text if text is not None else problem.code
