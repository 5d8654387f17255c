"""Error codes become translated sentences; every code the register's code paths raise has its own text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMessageBox

from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.domain.errors import Conflict, DomainError, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.reference import DepartmentKind, Role
from hazard_desktop.ui import labels, messages

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    "hazard_desktop/domain/hazards.py",
    "hazard_desktop/domain/reference.py",
    "hazard_desktop/domain/lec.py",
    "hazard_desktop/services/hazards.py",
    "hazard_desktop/services/photo_checks.py",
    "hazard_desktop/adapters/images.py",
    "hazard_desktop/adapters/errors.py",
    "hazard_desktop/adapters/schema.py",
    "hazard_desktop/adapters/unit_of_work.py",
    "hazard_desktop/adapters/register_move.py",
]
# f-string codes: "{field}_empty" / "{field}_too_long" with the fields the callers pass
FIELD_CODES = [
    "description_empty",
    "description_too_long",
    "location_empty",
    "location_too_long",
    "equipment_tag_too_long",
    "person_name_empty",
    "person_name_too_long",
    "department_name_empty",
    "department_name_too_long",
]
TS_FILE = ROOT / "resources/translations/register_zh_CN.ts"


def raised_codes() -> set[str]:
    pattern = re.compile(r"""(?:Error|NotFound|Conflict|InvalidTransition)\(\s*"([a-z_0-9]+)\"""")
    codes: set[str] = set()
    for name in SOURCES:
        codes |= set(pattern.findall((ROOT / name).read_text("utf-8")))
    return codes


def test_the_scan_finds_codes() -> None:
    codes = raised_codes()
    assert {"number_duplicate", "photo_not_image", "db_newer", "off_scale", "db_locked"} <= codes


ALL_PARAMS = {
    "value": "V",
    "max": 7,
    "name": "n.jpg",
    "max_mb": 25,
    "pixels": 1,
    "number": "YH-2026-0001",
    "path": "/p",
    "revision": "0009",
    "head": "0001",
    "factor": "L",
    "allowed": "1, 3",
    "threshold_set": "GB",
    "band": "B1",
    "on": "2026-01-01",
    "detail": "d",
    "root": "\\\\server\\share",
    "source": "/old",
    "target": "/new",
}


@pytest.mark.parametrize("code", sorted(raised_codes() | set(FIELD_CODES)))
def test_every_code_has_its_own_text(qapp, code: str) -> None:
    assert messages.has_text(code), code
    for err in (ValidationError(code, **ALL_PARAMS), ValidationError(code), StorageError(code, **ALL_PARAMS)):
        text = messages.error_text(err)
        assert text and "{" not in text, (code, text)


def test_params_are_inserted(qapp) -> None:
    err = ValidationError("photo_too_large", field="photos", name="IMG_01.jpg", max_mb=25)
    assert messages.error_text(err) == "The photo “IMG_01.jpg” is too large (at most 25 MB)."
    err = ValidationError("photo_too_large", name="pano.jpg", pixels=99_000_000)
    assert messages.error_text(err) == "The photo “pano.jpg” has too many pixels (99000000)."
    assert messages.error_text(ValidationError("photo_too_large")) == "The photo is too large."
    err = ValidationError("off_scale", field="L", factor="L", value="7", allowed="10, 6, 3, 1, 0.5, 0.2, 0.1")
    assert messages.error_text(err) == "7 is not a value of the L scale. Allowed: 10, 6, 3, 1, 0.5, 0.2, 0.1."
    err = StorageError("db_newer", path="/data/h.db", revision="0009", head="0003")
    assert "schema 0009" in messages.error_text(err) and "0003" in messages.error_text(err)


def test_fallbacks_still_say_something(qapp) -> None:
    assert messages.error_text(ValidationError("brand_new_code", field="location")) == (
        "“Location” is not valid (brand_new_code)."
    )
    assert messages.error_text(ValidationError("remark_empty", field="remark")) == "“remark” must be filled in."
    assert messages.error_text(ValidationError("remark_too_long", field="remark", max=9)) == (
        "“remark” is too long (at most 9 characters)."
    )
    assert "(odd_thing)" in messages.error_text(DomainError("odd_thing"))
    assert "no longer exists (gone_thing)" in messages.error_text(NotFound("gone_thing"))
    assert "collides" in messages.error_text(Conflict("clash"))
    assert "not allowed now" in messages.error_text(InvalidTransition("jump"))
    assert "(db_weird)" in messages.error_text(StorageError("db_weird"))
    assert messages.error_text(RuntimeError("boom")) == "An unexpected error occurred: boom"


def test_user_errors(qapp) -> None:
    assert messages.is_user_error(ValidationError("x"))
    assert messages.is_user_error(StorageError("db_locked"))
    assert messages.is_storage_error(StorageError("db_locked"))
    assert not messages.is_user_error(RuntimeError("x"))


def test_show_error_does_not_block(qtbot) -> None:
    box = messages.show_error(None, StorageError("db_locked", detail="database is locked"))
    qtbot.addWidget(box)
    assert box.isVisible()
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.windowTitle() == "Database problem"
    assert box.detailedText() == "database is locked"
    box.close()
    box = messages.show_error(None, ValidationError("description_empty"))
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning and box.text() == "Please describe the hazard."
    box.close()


def test_confirm_can_be_replaced(monkeypatch) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    assert messages.confirm(None, "t", "q") is True


def test_labels(qapp) -> None:
    assert [text for _, text in labels.statuses()] == [
        "To be graded",
        "Graded",
        "Rectifying",
        "To be accepted",
        "Closed out",
    ]
    assert labels.grade_label(HazardGrade.MAJOR) == "Major hazard"
    assert all(labels.department_kind_label(k) for k in DepartmentKind)
    assert all(labels.role_label(r) for r in Role)
    assert labels.current_language() == "en"


# ---------------------------------------------------------------- the Chinese translation


def test_ts_is_complete_and_keeps_placeholders() -> None:
    tree = ET.parse(TS_FILE)
    messages_ = tree.getroot().iter("message")
    checked = 0
    for message in messages_:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        text = translation.text or ""
        assert text.strip(), source
        assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", source)), source
        assert source.count("&") == text.count("&"), source  # menu accelerators kept
        checked += 1
    assert checked > 100


def test_compiled_translation_gives_chinese(qapp) -> None:
    qm = TS_FILE.with_suffix(".qm")
    assert qm.exists(), "run `make translations` first (make test does)"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert labels.status_label(HazardStatus.OPEN) == "待定级"
        assert labels.status_label(HazardStatus.CLOSED) == "已销号"
        assert labels.grade_label(HazardGrade.MAJOR) == "重大隐患"
        assert messages.error_text(ValidationError("description_empty")) == "请填写隐患描述。"
        text = messages.error_text(ValidationError("photos_too_many", max=20))
        assert "20" in text
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(("default_yes", "expected"), [(False, "No"), (True, "Yes")])
def test_confirm_default_button_follows_the_caller(monkeypatch, default_yes, expected):
    from PySide6.QtWidgets import QMessageBox

    seen = []

    def fake_question(parent, title, text, buttons, default):
        seen.append(default)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", fake_question)
    assert messages.confirm(None, "t", "q", default_yes=default_yes) is False
    assert seen == [getattr(QMessageBox.StandardButton, expected)]


def test_every_area_table_is_found_by_the_naming_rule() -> None:
    """``Area`` names exactly the ``ui/<area>_messages.py`` modules, each with ``area_text``."""
    import typing

    ui = Path(messages.__file__).parent
    on_disk = {path.name.removesuffix("_messages.py") for path in ui.glob("*_messages.py")}
    assert set(typing.get_args(messages.Area)) == on_disk
    for area in on_disk:
        assert callable(messages.area_table(area).area_text), area


def test_an_area_sentence_wins_over_the_general_one_only_in_its_area(qapp) -> None:
    exc = NotFound("criterion_unknown")
    general = messages.error_text(exc)
    assert messages.error_text(exc, "settings") == "The criterion no longer exists. Close and reopen the settings."
    assert messages.error_text(exc, "settings") != general
    unknown = ValidationError("code_nobody_knows")
    assert messages.error_text(unknown, "sheet") == messages.error_text(unknown)  # falls back to the general table
    assert messages.error_text(unknown, "settings") == "The change was refused (code_nobody_knows)."
    assert messages.error_text(RuntimeError("boom"), "grading") == messages.error_text(RuntimeError("boom"))


def test_os_errors_read_in_the_ui_language(qapp) -> None:
    """ "The file cannot be written: Is a directory" reached the Chinese UI: the OS's text is English only."""
    import errno

    folder = IsADirectoryError(errno.EISDIR, "Is a directory", "/tmp/x.pdf")
    odd = OSError(errno.ELOOP, "Too many levels of symbolic links")
    assert messages.os_error_text(folder) == "it is a folder, not a file"
    translator = QTranslator()
    assert translator.load(str(TS_FILE.with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        assert messages.os_error_text(folder) == "这是一个文件夹，不是文件"
        missing = FileNotFoundError(errno.ENOENT, "No such file or directory")
        assert messages.os_error_text(missing) == "文件或文件夹不存在"
        assert messages.os_error_text(PermissionError(errno.EACCES, "Permission denied")).startswith("没有权限")
        assert messages.os_error_text(odd) == "Too many levels of symbolic links"  # unknown: the OS's own text
    finally:
        QCoreApplication.removeTranslator(translator)


def test_os_errors_can_name_their_file(qapp) -> None:
    import errno

    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "/tmp/照片/a.jpg")
    assert messages.os_error_text(missing, with_name=True) == "no such file or folder: a.jpg"
    disk = OSError(errno.EIO, "Input/output error")
    assert messages.os_error_text(disk, with_name=True) == "the disk reported a read or write error"
