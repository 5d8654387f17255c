"""Answering the §5.1 major-hazard check in the grading window, as the panel does before a LEC grading.

Rule §5 (隐患分级管理办法): a hazard is 重大 first by the major-hazard criteria (§5.1); only what no criterion
matches is graded by LEC (§5.2). The grading window therefore confirms a general grading only after the
check was answered; tests that confirm one go through the check dialog first, like a user.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from hazard_desktop.ui.dialogs.criteria_check import CriteriaCheckDialog
from hazard_desktop.ui.dialogs.panel_scoring import PAGE_RESULT, PanelScoringDialog


def _use_as_it_is(dialog: CriteriaCheckDialog) -> int:
    """The check dialog's run: nothing ticked, no §4.3 decision, "Use this result" pressed."""
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return int(dialog.result())


def answer_no_match(window: PanelScoringDialog) -> None:
    """Press the window's check button (scoring or result page) and answer "no criterion matches"."""
    button = window.result_check_button if window.current_page() == PAGE_RESULT else window.check_button
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CriteriaCheckDialog, "exec", _use_as_it_is)
        button.click()
    check = window.current_check()
    assert check is not None and not check.is_major
