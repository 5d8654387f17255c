"""The grading's named states, without its rules (re-exported by :mod:`domain.grading`).

The register, its labels and its storage name a dispute's state, a grading's method and a panel
member's role at the window's start; importing them from here does not load the grading rules
(``domain.grading`` and its panels, LEC arithmetic and disputes).
"""

from __future__ import annotations

from enum import StrEnum


class GradingMethod(StrEnum):
    """How a grade was reached."""

    CRITERIA = "criteria"  # §5.1: matches the major-hazard criteria → 重大
    LEC_PANEL = "lec_panel"  # §5.2 / §7: mean of the members' D
    PANEL_DECISION = "panel_decision"  # §4.3: the panel judges it 重大, with a written reason


class PanelRole(StrEnum):
    """A scorer's place on a panel."""

    MEMBER = "member"  # 组员
    LEADER = "leader"  # 组长
    DEPUTY = "deputy"  # 副组长


class DisputeState(StrEnum):
    """Where a dispute stands."""

    OPEN = "open"
    RULED = "ruled"
    WITHDRAWN = "withdrawn"
