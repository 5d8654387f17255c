"""A second start on the same data folder asks first (a new-user trial opened one register twice unwarned)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from hazard_desktop import app as app_module
from hazard_desktop import paths
from hazard_desktop.ui import application, instance_lock, messages


def test_the_second_claim_on_a_folder_is_refused_until_the_first_ends(tmp_path: Path, monkeypatch) -> None:
    first, held = instance_lock.claim(tmp_path)
    assert held and (tmp_path / instance_lock.LOCK_NAME).exists()
    second, held_again = instance_lock.claim(tmp_path)
    assert not held_again
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, **kw: asked.append(text) or True)
    assert instance_lock.ask_open_anyway(tmp_path, second)
    assert str(tmp_path) in asked[0] and str(os.getpid()) in asked[0]
    first.unlock()
    third, held_now = instance_lock.claim(tmp_path)
    assert held_now
    third.unlock()
    assert not (tmp_path / instance_lock.LOCK_NAME).exists()  # nothing left behind in the data folder


def test_the_question_is_chinese(qapp, tmp_path: Path, monkeypatch) -> None:
    first, _ = instance_lock.claim(tmp_path)
    second, _ = instance_lock.claim(tmp_path)
    translator = QTranslator()
    assert translator.load(str(paths.resource_dir() / "translations" / "register_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, **kw: asked.append((title, text)) or False)
    try:
        assert not instance_lock.ask_open_anyway(tmp_path, second)
    finally:
        QCoreApplication.removeTranslator(translator)
        first.unlock()
    assert asked[0][0] == "台账已打开" and "已在本程序的另一个窗口中打开" in asked[0][1]


def test_a_second_window_on_an_open_register_is_not_opened_when_declined(qapp, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "data"
    app_module.close_context(app_module.build_context(data))
    first, _ = instance_lock.claim(data)
    monkeypatch.setattr(application, "install_message_log", lambda: None)  # keep pytest-qt's Qt log capture
    monkeypatch.setattr(messages, "confirm", lambda *a, **kw: False)
    monkeypatch.setattr(app_module, "_show_window", lambda *a, **kw: (_ for _ in ()).throw(AssertionError("shown")))
    try:
        assert app_module.run_gui(data, "en") == 1
    finally:
        first.unlock()
