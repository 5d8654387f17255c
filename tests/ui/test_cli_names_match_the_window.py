"""The command line names record kinds and roles as the window does (``cli_messages`` keeps its own zh/en tables:
the command line loads no Qt), in both languages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from hazard_desktop import cli_messages, paths
from hazard_desktop.domain.accounts import Role
from hazard_desktop.ui.accounts import labels
from hazard_desktop.ui.exchange import common


def _names_in_both_languages(name) -> tuple[dict[str, str], dict[str, str]]:  # type: ignore[no-untyped-def]
    english = name()
    translators = []
    for area in ("exchange", "accounts"):
        translator = QTranslator()
        assert translator.load(str(paths.resource_dir() / "translations" / f"{area}_zh_CN.qm"))
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    try:
        chinese = name()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    return chinese, english


def test_record_kinds_and_installation_roles_read_as_in_the_window(qapp) -> None:
    def window_names() -> dict[str, str]:
        names = {kind: common.kind_name(kind) for kind in cli_messages.KIND_NAMES}
        names.update({f"role:{r}": common.role_name(r) for r in cli_messages.EXCHANGE_ROLE_NAMES})
        return names

    chinese, english = _names_in_both_languages(window_names)
    for kind, (zh, en) in cli_messages.KIND_NAMES.items():
        assert (zh, en) == (chinese[kind], english[kind]), kind
    for role, (zh, en) in cli_messages.EXCHANGE_ROLE_NAMES.items():
        assert (zh, en.lower()) == (chinese[f"role:{role}"], english[f"role:{role}"].lower()), role


def test_account_roles_read_as_in_the_window(qapp) -> None:
    chinese, english = _names_in_both_languages(lambda: {r.value: labels.role_name(r) for r in Role})
    assert {value: (chinese[value], english[value]) for value in english} == cli_messages.ROLE_NAMES
