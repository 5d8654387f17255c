"""Use cases and queries of rectification (整改), acceptance (验收) and closure (销号) — issue 12.

Every transition is one use case = one transaction: it checks the state (``domain.rectification.check_action``),
who acts (``check_actor``) and the separation of duties, stores the step in ``hazard_transitions`` (the
timeline) and keeps the hazard's register columns (status, deadline, responsible department/person,
acceptor, closed_on, extension_pending) in step. A refusal writes nothing. No other code changes a status
but the grading use cases (待定级 → 已定级).
"""

from hazard_desktop.services.rectification.queries import (
    DueCounts,
    DueItem,
    RectificationView,
    default_deadline_for,
    due_counts,
    due_list,
    load_view,
    plant_today,
    rectification_photo_bytes,
    timeline,
)
from hazard_desktop.services.rectification.settings import load_settings, save_settings
from hazard_desktop.services.rectification.use_cases import (
    StagedPhoto,
    accept,
    add_note,
    approve_extension,
    assign,
    fix_on_the_spot,
    refusals,
    refuse_extension,
    request_extension,
    revise_assignment,
    save_plan,
    send_back,
    submit_for_acceptance,
)

__all__ = [
    "DueCounts",
    "DueItem",
    "RectificationView",
    "StagedPhoto",
    "accept",
    "add_note",
    "approve_extension",
    "assign",
    "default_deadline_for",
    "due_counts",
    "due_list",
    "fix_on_the_spot",
    "load_settings",
    "load_view",
    "plant_today",
    "rectification_photo_bytes",
    "refusals",
    "refuse_extension",
    "request_extension",
    "revise_assignment",
    "save_plan",
    "save_settings",
    "send_back",
    "submit_for_acceptance",
    "timeline",
]
