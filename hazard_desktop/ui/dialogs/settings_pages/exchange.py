"""Tab 交换: this installation's identity for the offline exchange (issue 15) and the installations it knows.

- the short code (set by IT or the safety office, e.g. "A3") and the role: 办公室主库 (one per plant) or
  现场终端; at the office also the plant's name; the number range the role gives (office: YH-2026-0001…,
  a laptop with range k: YH-2026-k0001…, e.g. YH-2026-30001);
- at the office, registering a laptop: its short code reserves its number range, then File → Export exchange
  file to it gives the laptop everything it needs to join (at its first start, with an empty data folder);
- the installations exchanged with, and when a file was last sent to and received from each.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.exchange import Identity, Role, slot_range
from hazard_desktop.domain.hazards import format_number
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.dialogs.settings_pages.common import MessageLine
from hazard_desktop.ui.exchange import common


def first_number(slot: int | None, year: int) -> str:
    """The first register number of a number range (``YH-2026-0001``; range 3: ``YH-2026-30001``), "-" for none."""
    if slot is None:
        return "-"
    return format_number(year, slot_range(slot)[0])


class ExchangePage(QWidget):
    """Identity, role, laptops registered and peers."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stale = True
        self.identity: Identity | None = None

        self.id_label = QLabel(self)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("exchangeShortCode")
        self.code_edit.setMaxLength(8)
        self.code_edit.setPlaceholderText(self.tr("e.g. A3"))
        self.office_radio = QRadioButton(common.role_name(Role.OFFICE), self)
        self.field_radio = QRadioButton(common.role_name(Role.FIELD), self)
        self.roles = QButtonGroup(self)
        self.roles.addButton(self.office_radio)
        self.roles.addButton(self.field_radio)
        roles_row = QHBoxLayout()
        roles_row.addWidget(self.office_radio)
        roles_row.addWidget(self.field_radio)
        roles_row.addStretch(1)
        self.plant_edit = QLineEdit(self)
        self.plant_edit.setMaxLength(100)
        self.numbers_label = QLabel(self)
        self.numbers_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("exchangeSaveIdentity")
        self.message = MessageLine(self)
        own = QGroupBox(self.tr("This computer"), self)
        form = QFormLayout(own)
        form.addRow(self.tr("Installation:"), self.id_label)
        form.addRow(self.tr("Short code:"), self.code_edit)
        form.addRow(self.tr("Role:"), roles_row)
        form.addRow(self.tr("Plant:"), self.plant_edit)
        form.addRow(self.tr("Numbers:"), self.numbers_label)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)

        self.terminal_edit = QLineEdit(self)
        self.terminal_edit.setObjectName("exchangeTerminalCode")
        self.terminal_edit.setMaxLength(8)
        self.terminal_edit.setPlaceholderText(self.tr("laptop's short code"))
        self.register_button = QPushButton(self.tr("Register laptop"), self)
        self.register_button.setObjectName("exchangeRegisterTerminal")
        self.register_hint = QLabel(
            self.tr(
                "A new laptop: register its short code here, export an exchange file to it, and import that "
                "file at the laptop's first start (empty data folder)."
            ),
            self,
        )
        self.register_hint.setWordWrap(True)
        register_row = QHBoxLayout()
        register_row.addWidget(self.terminal_edit)
        register_row.addWidget(self.register_button)
        register_row.addStretch(1)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("exchangePeers")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Short code"), self.tr("Role"), self.tr("First number"), self.tr("Last sent"),
             self.tr("Last received")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        others = QGroupBox(self.tr("Other installations of the plant"), self)
        others_layout = QVBoxLayout(others)
        others_layout.addWidget(self.register_hint)
        others_layout.addLayout(register_row)
        others_layout.addWidget(self.table, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(own)
        layout.addWidget(others, 1)

        self.save_button.clicked.connect(self.save)
        self.register_button.clicked.connect(self.register_terminal)
        self.office_radio.toggled.connect(self._role_toggled)
        self.reload()

    def _ports(self) -> object | None:
        found = common.ports(self.context)
        return found[0] if found is not None else None

    def reload(self) -> None:
        """Show the stored identity and peers."""
        from hazard_desktop.services import exchange

        self.stale = False
        store = self._ports()
        peers = []
        if store is not None:
            try:
                self.identity = exchange.get_identity(store)  # type: ignore[arg-type]
                peers = exchange.peers(store) if self.identity is not None else []  # type: ignore[arg-type]
            except Exception as exc:  # noqa: BLE001 (a sentence, never a traceback)
                self.message.show_error(common.error_text(exc))
        identity = self.identity
        year = date.today().year
        if identity is None:
            self.id_label.setText(self.tr("not set yet"))
            # a register without identity was started as 新建台账 (the office, or on its own): a laptop joins
            # at its first start with the office's file and has its identity from then on
            self.office_radio.setChecked(True)
            self.plant_edit.setText(_printed_plant_name(self.context))
            self.numbers_label.setText(
                self.tr("A laptop gets its number range when it joins the plant; the office numbers from %1.").replace(
                    "%1", first_number(0, year)
                )
            )
        else:
            self.id_label.setText(str(identity.installation_id))
            self.code_edit.setText(identity.short_code)
            (self.office_radio if identity.role is Role.OFFICE else self.field_radio).setChecked(True)
            self.plant_edit.setText(identity.plant_name)
            if identity.number_slot is None:
                self.numbers_label.setText(self.tr("None yet: this laptop has not joined its plant."))
            else:
                self.numbers_label.setText(
                    self.tr("New hazards here are numbered from %1 on, unique in the plant.").replace(
                        "%1", first_number(identity.number_slot, year)
                    )
                )
        joined = identity is not None and identity.role is Role.FIELD and identity.number_slot is not None
        laptops = any(p.role is Role.FIELD for p in peers)
        with_laptops = identity is not None and identity.role is Role.OFFICE and laptops
        self.code_edit.setReadOnly(joined)  # the office gave it; the office knows the laptop by it
        self.code_edit.setToolTip(self.tr("Given by the office when this laptop joined.") if joined else "")
        self.office_radio.setEnabled(not joined)
        self.field_radio.setEnabled(not with_laptops)
        self._role_toggled(self.office_radio.isChecked())
        self.table.setRowCount(len(peers))
        for row, peer in enumerate(peers):
            values = (peer.short_code, common.role_name(peer.role), first_number(peer.number_slot, year),
                      common.when_text(peer.last_sent_at), common.when_text(peer.last_received_at))  # fmt: skip
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _role_toggled(self, office: bool) -> None:
        is_office = office and self.identity is not None and self.identity.role is Role.OFFICE
        self.plant_edit.setEnabled(office)
        self.terminal_edit.setEnabled(is_office)
        self.register_button.setEnabled(is_office)

    def has_unsaved(self) -> bool:
        """True if the code, role or plant name differ from what is stored (the dialog asks before leaving)."""
        identity = self.identity
        if identity is None:
            return bool(self.code_edit.text().strip())
        return (
            self.code_edit.text().strip().upper() != identity.short_code
            or self.role() is not identity.role
            or (self.role() is Role.OFFICE and self.plant_edit.text().strip() != identity.plant_name)
        )

    def role(self) -> Role:
        """The role chosen now."""
        return Role.OFFICE if self.office_radio.isChecked() else Role.FIELD

    def save(self) -> bool:
        """Store short code, role and (office) plant name; True if stored."""
        from hazard_desktop.services import exchange

        store = self._ports()
        if store is None:
            return False
        plant = self.plant_edit.text() if self.role() is Role.OFFICE else None
        try:
            self.identity = exchange.set_identity(
                store,  # type: ignore[arg-type]
                short_code=self.code_edit.text(),
                role=self.role(),
                plant_name=plant,
            )
        except Exception as exc:  # noqa: BLE001 (refusals and storage errors: one sentence, nothing written)
            self.message.show_error(common.error_text(exc))
            return False
        self.reload()
        self.message.show_info(self.tr("Saved."))
        self.changed.emit()
        return True

    def register_terminal(self) -> bool:
        """At the office: register the laptop whose short code is typed; True if registered."""
        from hazard_desktop.services import exchange

        store = self._ports()
        if store is None:
            return False
        try:
            peer = exchange.register_terminal(store, self.terminal_edit.text())  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001
            self.message.show_error(common.error_text(exc))
            return False
        self.terminal_edit.clear()
        self.reload()
        self.message.show_info(
            self.tr("Laptop %1 registered: it numbers from %2. Now export an exchange file to it.")
            .replace("%1", peer.short_code)
            .replace("%2", first_number(peer.number_slot, date.today().year))
        )
        self.changed.emit()
        return True


def _printed_plant_name(context: AppContext) -> str:
    """The plant name of 设置 → 工厂设置 (the one plant name: storing the identity writes it there too)."""
    from hazard_desktop.services.reference_queries import plant_name

    try:
        return plant_name(context.uow())
    except Exception:  # noqa: BLE001 (a fake context without settings: the field stays empty)
        return ""
