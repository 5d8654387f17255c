"""The exchange screens, pressed through their buttons: export to the USB drive offered first, the import's
preview before anything is written, import and cancel, the conflict window chosen field by field.

The use cases are replaced by :class:`FakeExchange` (``services.exchange`` functions patched), so these tests
look at what the screens ask and show; the use cases themselves are tested with the real storage in
``tests/integration/test_exchange*.py``.
"""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.exchange import Identity, Peer, Role, Side
from hazard_desktop.services import exchange
from hazard_desktop.services.exchange import (
    ExportResult,
    FieldDiff,
    ImportPreview,
    ImportResult,
    KindCounts,
    RecordConflict,
)
from hazard_desktop.services.removable_drives import RemovableDrive
from hazard_desktop.ui.exchange.conflicts import ConflictsDialog
from hazard_desktop.ui.exchange.export_dialog import ExportDialog, file_name
from hazard_desktop.ui.exchange.import_dialog import ImportDialog
from hazard_desktop.ui.file_dialogs import documents_folder
from tests.fakes import fake_context

PLANT = uuid.uuid4()
NOW = datetime(2026, 12, 7, 7, 30, tzinfo=UTC)


class Drives:
    def __init__(self, *paths: Path) -> None:
        self.list = [RemovableDrive(p, p.name) for p in paths]

    def drives(self) -> list[RemovableDrive]:
        return list(self.list)


class FakeExchange:
    """The use cases of ``services.exchange`` as the screens see them; records what they were asked."""

    def __init__(self, role: Role = Role.FIELD) -> None:
        self.identity = Identity(uuid.uuid4(), "A3", role, PLANT, "东方化工", 3)
        self.peers = [Peer("OF", Role.OFFICE, uuid.uuid4(), 0, None, NOW)]
        self.exports: list[tuple[Path, str | None, bool]] = []
        self.imports: list[Path] = []
        self.previews: list[Path] = []
        self.imported: set[Path] = set()
        self.refusal: DomainError | None = None
        self.gate: threading.Event | None = None  # the import waits for it (to press Cancel meanwhile)
        self.preview_gate: threading.Event | None = None  # the preview's check waits for it, likewise
        self.preview_checked: list[int] = []  # entries the preview checked (it stops at Cancel)
        self.conflict_list = [
            RecordConflict(
                uuid.uuid4(), "hazard", uuid.uuid4(), uuid.uuid4(), "YH-2026-30001", "A3", NOW,
                (FieldDiff("description", "阀门泄漏", "阀门泄漏，已加垫片"), FieldDiff("location", "二号罐区", None)),
            )
        ]  # fmt: skip
        self.resolved: list[tuple[uuid.UUID, dict[str, Side]]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(exchange, "get_identity", lambda store: self.identity)
        monkeypatch.setattr(exchange, "peers", lambda store: list(self.peers))
        monkeypatch.setattr(exchange, "export_exchange", self.export_exchange)
        monkeypatch.setattr(exchange, "exchange_preview", self.preview)
        monkeypatch.setattr(exchange, "import_exchange", self.import_exchange)
        monkeypatch.setattr(exchange, "conflicts", lambda store: list(self.conflict_list))
        monkeypatch.setattr(exchange, "resolve_conflict", self.resolve_conflict)

    def export_exchange(self, store, files, target, *, to=None, everything=False, progress=None) -> ExportResult:
        if self.refusal is not None:
            raise self.refusal
        for step in range(3):
            if progress is not None and not progress(step, 3):
                raise DomainError("exchange_cancelled")
        target.write_bytes(b"PK")
        self.exports.append((target, to, everything))
        return ExportResult(target, to, 12, 4, 2048)

    def preview(self, store, files, path, *, progress=None) -> ImportPreview:
        self.previews.append(path)
        if self.refusal is not None:
            raise self.refusal
        for entry in range(1, 4):  # the real preview checks the file entry by entry, asking after each
            if entry == 2 and self.preview_gate is not None:
                self.preview_gate.wait(10)
            self.preview_checked.append(entry)
            if progress is not None and not progress(entry, 3):
                raise DomainError("exchange_cancelled")
        again = path in self.imported
        kinds = (
            KindCounts("hazard", new=0 if again else 5, changed=0 if again else 2, unchanged=7 if again else 0,
                       conflicts=0 if again else 1),
            KindCounts("hazard_photo", new=0 if again else 9, unchanged=9 if again else 0),
            KindCounts("inspection"),
        )  # fmt: skip
        return ImportPreview("OF", Role.OFFICE, "东方化工", NOW, "0012", kinds, 9, False)

    def import_exchange(self, store, files, path, *, progress=None) -> ImportResult:
        preview = self.preview(store, files, path)
        if self.gate is not None:
            self.gate.wait(10)
        for step in range(3):
            if progress is not None and not progress(step, 3):
                raise DomainError("exchange_cancelled")
        self.imports.append(path)
        self.imported.add(path)
        return ImportResult(preview, 0 if preview.nothing_new else 1)

    def resolve_conflict(self, store, conflict_id, choices) -> None:
        self.resolved.append((conflict_id, dict(choices)))
        self.conflict_list = [c for c in self.conflict_list if c.id != conflict_id]


@pytest.fixture
def fake(monkeypatch) -> FakeExchange:
    made = FakeExchange()
    made.install(monkeypatch)
    return made


@pytest.fixture
def ctx(qapp, tmp_path: Path):
    context = fake_context(tmp_path / "data")
    (tmp_path / "data").mkdir(exist_ok=True)
    context.exchange_store = lambda: object()
    context.exchange_files = lambda: object()
    context.removable_drives = Drives()
    return context


def test_the_export_offers_the_usb_drive_and_writes_there_in_one_click(qtbot, ctx, fake, tmp_path) -> None:
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    ctx.removable_drives = Drives(stick)
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.folder() == stick  # the drive is chosen without asking
    assert "A3" in dialog.who.text() and "东方化工" in dialog.who.text()
    assert dialog.receiver() == "OF"  # a laptop's office is preselected
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.job is None and dialog.result_value is not None, timeout=10_000)
    [(target, to, everything)] = fake.exports
    assert target.parent == stick and target.suffix == ".hzx" and target.name.startswith("A3-to-OF-")
    assert (to, everything) == ("OF", False)
    assert str(target) in dialog.status.text() and "USB" in dialog.status.text()
    assert dialog.close_button.isVisibleTo(dialog) and not dialog.export_button.isVisibleTo(dialog)


def test_a_drive_plugged_in_while_the_dialog_is_open_is_offered(qtbot, ctx, fake, tmp_path) -> None:
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.folder() == documents_folder()  # no drive, no folder used before: never the data folder
    stick = tmp_path / "SD"
    stick.mkdir()
    ctx.removable_drives.list.append(RemovableDrive(stick, "SD"))
    dialog.refresh_drives()  # the dialog's timer does this every two seconds
    assert dialog.folder() == stick


def test_a_refused_export_says_why_and_can_be_retried(qtbot, ctx, fake, tmp_path) -> None:
    fake.refusal = DomainError("exchange_target_missing")
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.set_folder(tmp_path)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert "does not exist" in dialog.status.text()
    assert dialog.export_button.isEnabled() and list(tmp_path.glob("*.hzx")) == []


def test_the_export_without_identity_sends_to_settings(qtbot, ctx, fake) -> None:
    fake.identity = None
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()
    assert "Settings" in dialog.who.text()


def test_file_names_say_who_sends_to_whom() -> None:
    assert file_name("A3", "OF", datetime(2026, 12, 7, 15, 30)) == "A3-to-OF-20261207-1530.hzx"
    assert file_name("OF", None, datetime(2026, 12, 7, 15, 30)) == "OF-to-ALL-20261207-1530.hzx"


def _drive_with_file(tmp_path: Path) -> Path:
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    path = stick / "OF-to-A3-20261207-1530.hzx"
    path.write_bytes(b"PK")
    return path


def test_the_import_previews_the_file_on_the_drive_before_writing_anything(qtbot, ctx, fake, tmp_path) -> None:
    path = _drive_with_file(tmp_path)
    ctx.removable_drives = Drives(path.parent)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)  # the newest file, previewed at once
    assert fake.previews == [path] and fake.imports == []
    table = dialog.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)] for r in range(table.rowCount())}
    assert rows == {"Hazards": ["5", "2", "0", "1"], "Hazard photos": ["9", "0", "0", "0"]}  # empty kinds left out
    assert "OF" in dialog.sender_label.text() and "东方化工" in dialog.sender_label.text()
    assert "both versions are kept" in dialog.note.text()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10_000)
    assert fake.imports == [path]
    assert "14 new and 2 changed records, 9 new photos" in dialog.note.text() and "1 conflict" in dialog.status.text()
    assert "until you press Import" not in dialog.note.text()  # what was written, not the promise made before
    with qtbot.waitSignal(dialog.conflicts_requested):
        dialog.conflicts_button.click()


def test_the_same_file_again_says_it_brings_nothing_new(qtbot, ctx, fake, tmp_path) -> None:
    path = _drive_with_file(tmp_path)
    fake.imported.add(path)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.choose(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert "imported already" in dialog.note.text()
    assert not dialog.import_button.isEnabled()


def test_a_refused_file_is_explained_and_nothing_imported(qtbot, ctx, fake, tmp_path) -> None:
    fake.refusal = DomainError("foreign_plant", plant="西山化工")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.choose(_drive_with_file(tmp_path))
    qtbot.waitUntil(lambda: dialog.preview_job is None, timeout=10_000)
    assert "another plant (西山化工)" in dialog.status.text()
    assert not dialog.import_button.isEnabled() and fake.imports == []


def test_cancel_while_the_file_is_checked_stops_the_check_and_imports_nothing(qtbot, ctx, fake, tmp_path) -> None:
    path = _drive_with_file(tmp_path)
    fake.preview_gate = threading.Event()
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(path)
    assert dialog.preview_job is not None and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: fake.preview_checked == [1], timeout=10_000)  # checking, waiting before entry 2
    dialog.cancel_button.click()  # the dialog stays open; the check stops before its next entry
    fake.preview_gate.set()
    qtbot.waitUntil(lambda: dialog.preview_job is None, timeout=10_000)
    assert fake.preview_checked == [1, 2] and fake.imports == []  # stopped: entry 3 was never read
    assert dialog.preview is None and not dialog.import_button.isEnabled() and dialog.isVisible()
    assert "nothing was imported" in dialog.status.text()
    dialog.choose(path)  # the file can be checked again
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.import_button.isEnabled()


def test_closing_the_dialog_while_the_file_is_checked_stops_the_check(qtbot, ctx, fake, tmp_path) -> None:
    fake.preview_gate = threading.Event()
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    job = dialog.choose(_drive_with_file(tmp_path))
    assert job is not None
    qtbot.waitUntil(lambda: fake.preview_checked == [1], timeout=10_000)
    dialog.close()  # the window's close button (or Esc)
    fake.preview_gate.set()
    assert job.wait(10)
    assert not dialog.isVisible() and fake.preview_checked == [1, 2] and fake.imports == []


def test_cancel_during_the_import_imports_nothing(qtbot, ctx, fake, tmp_path) -> None:
    path = _drive_with_file(tmp_path)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.choose(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    fake.gate = threading.Event()
    dialog.import_button.click()
    dialog.cancel_button.click()
    fake.gate.set()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert fake.imports == [] and "nothing was imported" in dialog.status.text()
    assert dialog.import_button.isEnabled()


def test_the_conflict_window_shows_both_versions_and_keeps_the_choice_per_field(qtbot, ctx, fake) -> None:
    [conflict] = fake.conflict_list
    dialog = ConflictsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "YH-2026-30001" in dialog.list.item(0).text()
    table = dialog.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["Description", "Location"]
    assert table.item(0, 1).text() == "阀门泄漏" and table.item(0, 2).text() == "阀门泄漏，已加垫片"
    assert table.item(1, 2).text() == "(empty)"
    assert table.item(0, 1).checkState() == Qt.CheckState.Checked  # this computer's values until ticked
    dialog.click_cell("description", Side.INCOMING)
    assert table.item(0, 1).checkState() == Qt.CheckState.Unchecked
    with qtbot.waitSignal(dialog.resolved):
        dialog.resolve_button.click()
    assert fake.resolved == [(conflict.id, {"description": Side.INCOMING, "location": Side.LOCAL})]
    assert dialog.list.count() == 0 and not dialog.resolve_button.isEnabled()
    assert "No open conflicts" in dialog.heading.text()


def test_all_from_the_file_ticks_every_field(qtbot, ctx, fake) -> None:
    [conflict] = fake.conflict_list
    dialog = ConflictsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.all_incoming.click()
    dialog.resolve_button.click()
    assert fake.resolved == [(conflict.id, {"description": Side.INCOMING, "location": Side.INCOMING})]


def test_every_record_kind_has_a_name() -> None:
    from hazard_desktop.domain.exchange import RECORD_KINDS
    from hazard_desktop.ui.exchange.common import kind_name

    assert [k.name for k in RECORD_KINDS if kind_name(k.name) == k.name] == []


def test_every_refusal_of_the_exchange_has_its_own_sentence(qapp) -> None:
    import re

    from hazard_desktop.ui import exchange_messages

    root = Path(__file__).resolve().parents[2] / "hazard_desktop"
    sources = [root / "services/exchange.py", root / "domain/exchange.py", *root.glob("adapters/exchange_*.py")]
    codes = {c for p in sources for c in re.findall(r'DomainError\(\s*"([a-z_0-9]+)"', p.read_text("utf-8"))}
    assert "foreign_plant" in codes and "exchange_tampered" in codes
    params = {"max": 8, "slot": 3, "peer": "A3", "reason": "r", "entry": "e", "limit": "l", "version": 2}
    params |= {"revision": "0013", "ours": "0012", "plant": "P", "to": "B1", "kind": "hazard", "detail": "d"}
    for code in sorted(codes):
        text = exchange_messages.area_text(DomainError(code, **params))
        assert text and "{" not in text, code


def test_first_start_new_register_is_one_click(qtbot, tmp_path) -> None:
    from hazard_desktop.ui.exchange.first_start import FirstStart, FirstStartDialog

    dialog = FirstStartDialog(tmp_path / "data", Drives(), lambda f, p: None)
    qtbot.addWidget(dialog)
    dialog.new_button.click()
    assert dialog.choice is FirstStart.NEW and dialog.result() == dialog.DialogCode.Accepted
    assert not (tmp_path / "data").exists()  # nothing made by asking


def test_a_cancelled_join_says_the_folder_was_left_as_it_was(qtbot, tmp_path) -> None:
    from hazard_desktop.ui.exchange.first_start import FirstStartDialog

    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    (stick / "OF-to-A3-20261207-1530.hzx").write_bytes(b"PK")
    gate = threading.Event()

    def join(_file: Path, progress) -> object:
        gate.wait(10)
        if not progress(1, 2):
            raise DomainError("exchange_cancelled")
        raise AssertionError("not cancelled")

    dialog = FirstStartDialog(tmp_path / "data", Drives(stick), join)
    qtbot.addWidget(dialog)
    dialog.join_button.click()
    dialog.start_join.click()
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert "left as it was" in dialog.status.text() and dialog.choice is None
    assert dialog.start_join.isEnabled()


def test_a_refused_join_is_explained(qtbot, tmp_path) -> None:
    from hazard_desktop.ui.exchange.first_start import FirstStartDialog

    def join(_file: Path, _progress) -> object:
        raise DomainError("join_needs_office_file")

    dialog = FirstStartDialog(tmp_path / "data", Drives(), join)
    qtbot.addWidget(dialog)
    dialog.join_button.click()
    assert not dialog.start_join.isEnabled()  # no file yet
    dialog.choose(tmp_path / "laptop.hzx")
    dialog.start_join.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert "the office register wrote for this laptop" in dialog.status.text() and dialog.choice is None


def test_the_first_start_closed_makes_nothing(qapp, tmp_path, monkeypatch) -> None:
    from hazard_desktop import app as app_module
    from hazard_desktop.ui import application

    monkeypatch.setattr(application, "install_message_log", lambda: None)
    monkeypatch.setattr(app_module, "_first_start", lambda data_dir: None)
    folder = tmp_path / "data"
    folder.mkdir()
    assert app_module.run_gui(folder, "en") == 1
    assert list(folder.iterdir()) == []


def test_the_file_menu_opens_the_exchange_dialogs(qtbot, context, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from hazard_desktop.ui.features import install_features
    from hazard_desktop.ui.main_window import MainWindow

    window = MainWindow(context, settings=QSettings(str(context.data_dir / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    install_features(window, context)
    actions = window.feature_actions["exchange"]
    assert actions.export in window.menu_for("file").actions()
    for action, kind in ((actions.export, ExportDialog), (actions.import_, ImportDialog),
                         (actions.conflicts, ConflictsDialog)):  # fmt: skip
        action.trigger()
        assert isinstance(actions.dialog, kind)
        actions.dialog.reject()
        actions.dialog = None


def test_ids_and_codes_in_a_conflict_show_as_names(qtbot, ctx, fake) -> None:
    from hazard_desktop.services.reference_queries import load_reference

    reference = load_reference(ctx.uow())
    first, second = reference.departments[:2]
    fake.conflict_list = [
        RecordConflict(uuid.uuid4(), "hazard", uuid.uuid4(), uuid.uuid4(), "YH-2026-30001", "A3", NOW,
                       (FieldDiff("department_id", str(first.id), str(second.id)),
                        FieldDiff("status", "pending", "pending"), FieldDiff("remark", first.name, "pending")))
    ]  # fmt: skip
    dialog = ConflictsDialog(ctx)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(0, c).text() for c in (1, 2)] == [first.name, second.name]
    assert dialog.table.item(2, 2).text() == "pending"  # free text stays as it is


def test_files_are_listed_newest_first_without_this_computers_own(qtbot, ctx, fake, tmp_path) -> None:
    """Trial u6: the office was offered its own outgoing files, and the list was not in time order."""
    import os

    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    names = ("A3-to-OF-20261207-1700.hzx", "OF-to-B1-20261207-0900.hzx", "OF-to-A3-20261207-0800.hzx")
    for n, name in enumerate(names):
        (stick / name).write_bytes(b"PK")
        os.utime(stick / name, (1_000_000 - n * 1000, 1_000_000 - n * 1000))  # the first is the newest
    ctx.removable_drives = Drives(stick)
    dialog = ImportDialog(ctx)  # this computer is A3
    qtbot.addWidget(dialog)
    listed = [Path(dialog.files.item(r).data(Qt.ItemDataRole.UserRole)).name for r in range(dialog.files.count())]
    assert listed == ["OF-to-B1-20261207-0900.hzx", "OF-to-A3-20261207-0800.hzx"]  # A3's own export left out
    assert "newest first" in dialog.files_label.text()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.path == stick / listed[0]


def test_no_peer_yet_reads_as_a_next_step(qapp) -> None:
    from hazard_desktop.ui import messages

    text = messages.error_text(DomainError("peer_unknown", peer=""), "exchange")
    assert "joins its plant" in text and "“”" not in text
    assert "“B7”" in messages.error_text(DomainError("peer_unknown", peer="B7"), "exchange")


def test_the_chinese_of_the_exchange_is_complete_and_keeps_placeholders() -> None:
    import re
    import xml.etree.ElementTree as ET

    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "exchange_zh_CN.ts"
    checked = 0
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        text = "".join(translation.itertext())
        assert text.strip(), source
        for pattern in (r"{\w+}", r"%\d", r"%n"):
            assert sorted(re.findall(pattern, text)) == sorted(re.findall(pattern, source)), source
        assert source.count("&") == text.count("&"), source
        checked += 1
    assert checked > 190


def test_the_windows_read_chinese(qapp, qtbot, ctx, fake) -> None:
    from PySide6.QtCore import QCoreApplication

    from hazard_desktop import paths
    from hazard_desktop.ui import application

    translators = application.install_translators(qapp, paths.resource_dir(), "zh_CN")
    try:
        dialog = ExportDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "导出交换包" and dialog.export_button.text() == "导出"
        assert "现场终端" in dialog.who.text()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        application.install_translators(qapp, Path(), "en")


def test_a_missing_reference_names_the_kind_and_field_in_words(qapp) -> None:
    from hazard_desktop.ui import messages

    err = DomainError("exchange_missing_reference", kind="hazard", record="r", column="found_by_id", value="x-1")
    text = messages.error_text(err, "exchange")
    assert "(Hazards)" in text and "(Found by = x-1)" in text and "Nothing was imported" in text


def test_a_conflict_names_a_namesake_with_the_employee_number(qtbot, ctx) -> None:
    """A conflict over 责任人 showed the person's name: of two 王检查 of one department, which one?"""
    from hazard_desktop.ui.exchange.conflicts import value_names
    from tests.factories import add_person

    first, twin = add_person(ctx, "王检查"), add_person(ctx, "王检查")
    other = add_person(ctx, "李巡检")
    names = value_names(ctx)
    assert (
        names[str(first.id)] == f"王检查 ({first.employee_no})"
        and names[str(twin.id)] == f"王检查 ({twin.employee_no})"
    )
    assert names[str(other.id)] == "李巡检"
