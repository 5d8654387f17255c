"""Tools → Audit trail…: the menu action only; the dialog (``ui/audit_log.py``) loads when it is first opened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from hazard_desktop.services.context import AppContext


def install_audit_action(window: QMainWindow, context: AppContext) -> QAction:
    """Tools → Audit trail…"""
    action = QAction(QCoreApplication.translate("AuditLog", "A&udit trail…"), window)
    action.setObjectName("action_audit_log")
    action.setStatusTip(QCoreApplication.translate("AuditLog", "Who changed what, when; verify the chain; export it"))
    action.setEnabled(context.audit is not None)

    def open_log(_checked: bool) -> None:
        from hazard_desktop.domain.errors import DomainError
        from hazard_desktop.ui import messages
        from hazard_desktop.ui.audit_log import AuditLogDialog  # not at start-up: its widgets and the chain's rules

        try:
            AuditLogDialog.ask(window, context)
        except DomainError as exc:  # the signed-in account may not read the trail: said, nothing opened
            messages.show_error(window, exc)

    action.triggered.connect(open_log)
    window.menu_for("tools").addAction(action)  # type: ignore[attr-defined]
    return action
