"""Error sentences of the rectification loop (``services.rectification``; context ``RectificationErrors``).

Reached through ``messages.error_text(exc, "rectification")``: the codes of docs r12-api ("Error codes");
codes without a sentence here fall back to the general table of ``ui/messages.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "RectificationErrors"

FIELDS: dict[str, str] = {
    "measures": QT_TRANSLATE_NOOP("RectificationErrors", "Measures"),
    "funds_source": QT_TRANSLATE_NOOP("RectificationErrors", "Source of funds"),
    "interim_measures": QT_TRANSLATE_NOOP("RectificationErrors", "Interim and contingency measures"),
    "reason": QT_TRANSLATE_NOOP("RectificationErrors", "Reason"),
    "text": QT_TRANSLATE_NOOP("RectificationErrors", "Note"),
    "measure": QT_TRANSLATE_NOOP("RectificationErrors", "Measure taken"),
    "remarks": QT_TRANSLATE_NOOP("RectificationErrors", "Remarks"),
    "goal_and_tasks": QT_TRANSLATE_NOOP("RectificationErrors", "Goal and tasks"),
    "methods_and_measures": QT_TRANSLATE_NOOP("RectificationErrors", "Methods and measures"),
    "funds_and_materials": QT_TRANSLATE_NOOP("RectificationErrors", "Funds and materials"),
    "organisation_and_people": QT_TRANSLATE_NOOP("RectificationErrors", "Organisation and people"),
    "time_requirements": QT_TRANSLATE_NOOP("RectificationErrors", "Time limit and requirements"),
    "safety_and_emergency": QT_TRANSLATE_NOOP("RectificationErrors", "Safety measures and emergency plan"),
    "report_reference": QT_TRANSLATE_NOOP("RectificationErrors", "Report reference"),
    "supervision_by": QT_TRANSLATE_NOOP("RectificationErrors", "Supervised by"),
    "evaluated_by": QT_TRANSLATE_NOOP("RectificationErrors", "Evaluated by"),
    "conclusion": QT_TRANSLATE_NOOP("RectificationErrors", "Conclusion"),
}

TEXTS: dict[str, str] = {
    "hazard_closed": QT_TRANSLATE_NOOP("RectificationErrors", "The hazard is closed out; nothing more can be done."),
    "hazard_not_graded": QT_TRANSLATE_NOOP("RectificationErrors", "The hazard must be graded first."),
    "action_not_allowed": QT_TRANSLATE_NOOP(
        "RectificationErrors", "This step is not possible in the hazard’s present state."
    ),
    "extension_pending": QT_TRANSLATE_NOOP(
        "RectificationErrors", "An extension request waits for a decision; decide it first."
    ),
    "no_extension_pending": QT_TRANSLATE_NOOP("RectificationErrors", "No extension request waits for a decision."),
    "plan_for_major_only": QT_TRANSLATE_NOOP("RectificationErrors", "A treatment plan is made for major hazards only."),
    "on_the_spot_not_for_major": QT_TRANSLATE_NOOP(
        "RectificationErrors", "A major hazard (or one citing a major-hazard criterion) cannot be fixed on the spot."
    ),
    "already_assigned": QT_TRANSLATE_NOOP("RectificationErrors", "The rectification has already been assigned."),
    "no_assignment": QT_TRANSLATE_NOOP("RectificationErrors", "The rectification has not been assigned yet."),
    "on_the_spot_major": QT_TRANSLATE_NOOP(
        "RectificationErrors",
        "The hazard was graded major after it was fixed on the spot: send it back and treat it under a plan.",
    ),
    "acceptance_needs_grade": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The hazard fixed on the spot must be graded before it can be accepted."
    ),
    "actor_not_safety": QT_TRANSLATE_NOOP(
        "RectificationErrors", "Only the safety department (or a safety officer) may do this. Choose another operator."
    ),
    "actor_not_responsible": QT_TRANSLATE_NOOP(
        "RectificationErrors", "Only the responsible person or department may do this. Choose another operator."
    ),
    "actor_not_finder": QT_TRANSLATE_NOOP(
        "RectificationErrors", "Only the person who found the hazard records an on-the-spot fix."
    ),
    "actor_not_acceptor": QT_TRANSLATE_NOOP(
        "RectificationErrors", "Only the person asked to accept (or the safety department) may decide the acceptance."
    ),
    "actor_is_responsible": QT_TRANSLATE_NOOP(
        "RectificationErrors",
        "The person responsible for the rectification may not decide this (separation of duties).",
    ),
    "actor_is_rectifier": QT_TRANSLATE_NOOP(
        "RectificationErrors", "Nobody accepts their own rectification (separation of duties)."
    ),
    "actor_is_requester": QT_TRANSLATE_NOOP("RectificationErrors", "Nobody decides their own extension request."),
    "person_inactive": QT_TRANSLATE_NOOP("RectificationErrors", "The person chosen is no longer active."),
    "responsible_department_empty": QT_TRANSLATE_NOOP("RectificationErrors", "Choose the responsible department."),
    "responsible_person_empty": QT_TRANSLATE_NOOP("RectificationErrors", "Choose the responsible person."),
    "funds_negative": QT_TRANSLATE_NOOP("RectificationErrors", "The funds must not be negative."),
    "funds_too_large": QT_TRANSLATE_NOOP("RectificationErrors", "The funds are too large (at most {max} yuan)."),
    "funds_invalid": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The funds must be an amount in yuan with at most two decimals, e.g. 12,500.00."
    ),
    "deadline_before_today": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The deadline must not be before today ({today})."
    ),
    "deadline_too_far": QT_TRANSLATE_NOOP(
        "RectificationErrors",
        "The deadline is {days} days away; at most {max} days are allowed (a longer one needs a treatment plan).",
    ),
    "responsible_person_other_department": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The responsible person must belong to the responsible department."
    ),
    "deadline_changed": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The deadline is changed only by an approved extension."
    ),
    "extension_not_later": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The new deadline must be later than the present one ({deadline})."
    ),
    "plan_required": QT_TRANSLATE_NOOP("RectificationErrors", "A major hazard needs its treatment plan."),
    "time_limit_empty": QT_TRANSLATE_NOOP("RectificationErrors", "Enter the plan’s time limit."),
    "time_limit_before_today": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The plan’s time limit must not be before today."
    ),
    "stopped_since_without_stoppage": QT_TRANSLATE_NOOP(
        "RectificationErrors", "A stoppage date is given but production is not stopped."
    ),
    "stopped_since_empty": QT_TRANSLATE_NOOP("RectificationErrors", "Enter since when production is stopped."),
    "report_date_future": QT_TRANSLATE_NOOP("RectificationErrors", "A report cannot be dated in the future."),
    "acceptor_empty": QT_TRANSLATE_NOOP("RectificationErrors", "Choose who is to accept the rectification."),
    "acceptor_is_responsible": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The acceptor may not be the person responsible for the rectification."
    ),
    "acceptor_is_actor": QT_TRANSLATE_NOOP("RectificationErrors", "You cannot ask yourself to accept your own work."),
    "after_photo_required": QT_TRANSLATE_NOOP("RectificationErrors", "Add at least one photo after the fix."),
    "group_too_small": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The acceptance group of a major hazard needs at least {min} people."
    ),
    "group_needs_safety": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The acceptance group must include someone of the safety department."
    ),
    "group_includes_responsible": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The acceptance group may not include the person responsible for the rectification."
    ),
    "group_without_actor": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The operator must be a member of the acceptance group."
    ),
    "group_duplicate": QT_TRANSLATE_NOOP("RectificationErrors", "A person is named twice in the acceptance group."),
    "group_for_major_only": QT_TRANSLATE_NOOP("RectificationErrors", "An acceptance group is for major hazards only."),
    "evaluation_required": QT_TRANSLATE_NOOP(
        "RectificationErrors", "A major hazard needs the evaluation of its treatment (with the report’s reference)."
    ),
    "evaluation_date_future": QT_TRANSLATE_NOOP("RectificationErrors", "The evaluation cannot be dated in the future."),
    "remarks_empty": QT_TRANSLATE_NOOP("RectificationErrors", "Write the acceptance opinion."),
    "result_empty": QT_TRANSLATE_NOOP(
        "RectificationErrors", "Choose the result: accepted (close out) or not accepted (send back)."
    ),
    "revise_no_change": QT_TRANSLATE_NOOP("RectificationErrors", "Nothing was changed."),
    "five_label_empty": QT_TRANSLATE_NOOP("RectificationErrors", "Label {index} of the five must not be empty."),
    "five_label_too_long": QT_TRANSLATE_NOOP(
        "RectificationErrors", "Label {index} of the five is too long (at most {max} characters)."
    ),
    "deadline_days_invalid": QT_TRANSLATE_NOOP(
        "RectificationErrors", "The default days must be whole numbers from 0 to {max}."
    ),
    "hazard_unknown": QT_TRANSLATE_NOOP("RectificationErrors", "The hazard no longer exists."),
    "person_unknown": QT_TRANSLATE_NOOP("RectificationErrors", "The person chosen no longer exists."),
    "department_unknown": QT_TRANSLATE_NOOP("RectificationErrors", "The department chosen no longer exists."),
    "stale_revision": QT_TRANSLATE_NOOP(
        "RectificationErrors", "Someone else changed the hazard meanwhile. Close this window and try again."
    ),
    "no_operator": QT_TRANSLATE_NOOP("RectificationErrors", "Choose the operator (操作人) first."),
}
_EMPTY = QT_TRANSLATE_NOOP("RectificationErrors", "{field} must not be empty.")
_TOO_LONG = QT_TRANSLATE_NOOP("RectificationErrors", "{field} is too long (at most {max} characters).")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(field: str) -> str:
    text = FIELDS.get(field)
    return _tr(text) if text else field


def _fill(template: str, params: Mapping[str, Any]) -> str:
    try:
        return _tr(template).format_map({k: str(v) for k, v in params.items()})
    except (KeyError, ValueError, IndexError):
        return template.format_map({k: str(v) for k, v in params.items()}) if params else template


def area_text(exc: BaseException, names: object = None) -> str | None:
    """A translated sentence for a rectification error, or None (the general table answers)."""
    code = getattr(exc, "code", None)
    if not isinstance(code, str):
        return None
    params: dict[str, Any] = dict(getattr(exc, "params", {}) or {})
    if code in TEXTS:
        try:
            return _tr(TEXTS[code]).format_map({k: str(v) for k, v in params.items()})
        except (KeyError, ValueError, IndexError):
            return _tr(TEXTS[code])
    base = code.rsplit("_", 1)[0]
    if code.endswith("_too_long") and code.removesuffix("_too_long") in FIELDS:
        return _fill(_TOO_LONG, {**params, "field": field_label(code.removesuffix("_too_long"))})
    if code.endswith("_empty") and base in FIELDS:
        return _fill(_EMPTY, {"field": field_label(base)})
    return None
