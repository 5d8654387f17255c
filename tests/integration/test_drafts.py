"""The JSON draft store: round trip, atomic writes, damaged and unreadable files reported, not fatal."""

from __future__ import annotations

import os
import uuid
from datetime import UTC
from pathlib import Path

import pytest

from hazard_desktop.adapters import drafts as drafts_module
from hazard_desktop.adapters.drafts import JsonDraftStore
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.app import build_context, close_context
from hazard_desktop.services.drafts import NEW_HAZARD_KEY, DraftStore, hazard_key
from tests.factories import make_context

DATA = {
    "description": "储罐区呼吸阀堵塞，存在超压风险",
    "location": "罐区A",
    "photos": [{"file": "p1", "name": "现场.jpg"}],
}
PHOTO = bytes(range(256)) * 40


def leftovers(root: Path) -> list[Path]:
    """Temporary files anywhere under the store."""
    return [p for p in root.rglob("*") if p.name.endswith(drafts_module.TEMP_SUFFIX)]


@pytest.fixture
def store(tmp_path: Path) -> JsonDraftStore:
    return JsonDraftStore(tmp_path / "drafts")


def test_it_is_a_draft_store(store: JsonDraftStore) -> None:
    port: DraftStore = store  # the Protocol's shape
    assert port.keys() == []
    assert not store.root.exists()  # nothing is written until the first save


def test_round_trip(store: JsonDraftStore) -> None:
    saved = store.save(NEW_HAZARD_KEY, DATA, {"p1": PHOTO, "p2": b"second"})
    draft = store.load(NEW_HAZARD_KEY)
    assert draft is not None
    assert draft.key == NEW_HAZARD_KEY and draft.data == DATA
    assert draft.files == {"p1": PHOTO, "p2": b"second"} and draft.missing == ()
    assert draft.saved_at == saved.saved_at and draft.saved_at.tzinfo is UTC
    assert store.keys() == [NEW_HAZARD_KEY]
    assert "储罐区" in (store.root / f"{NEW_HAZARD_KEY}.json").read_text(encoding="utf-8")  # readable by a person

    other = hazard_key(uuid.UUID(int=7))
    store.save(other, {"description": "x"}, {})
    assert store.keys() == sorted([NEW_HAZARD_KEY, other])

    store.save(NEW_HAZARD_KEY, {**DATA, "location": "泵房"}, {"p1": PHOTO})  # a photo removed
    draft = store.load(NEW_HAZARD_KEY)
    assert draft is not None and draft.data["location"] == "泵房" and set(draft.files) == {"p1"}
    assert sorted(p.name for p in (store.root / f"{NEW_HAZARD_KEY}.files").iterdir()) == ["p1"]

    store.delete(NEW_HAZARD_KEY)
    assert store.load(NEW_HAZARD_KEY) is None
    assert not (store.root / f"{NEW_HAZARD_KEY}.files").exists()
    assert store.keys() == [other]
    store.delete(NEW_HAZARD_KEY)  # deleting twice is fine


def test_a_file_already_in_the_draft_is_not_written_again(store: JsonDraftStore) -> None:
    store.save(NEW_HAZARD_KEY, DATA, {"p1": PHOTO})
    path = store.root / f"{NEW_HAZARD_KEY}.files" / "p1"
    before = path.stat()
    for n in range(3):  # typing: the JSON changes, the photo stays
        store.save(NEW_HAZARD_KEY, {**DATA, "location": f"第{n}处"}, {"p1": PHOTO})
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    draft = store.load(NEW_HAZARD_KEY)
    assert draft is not None and draft.files["p1"] == PHOTO and draft.data["location"] == "第2处"


def test_writes_leave_no_temporary_files(store: JsonDraftStore) -> None:
    for n in range(5):
        store.save(NEW_HAZARD_KEY, {**DATA, "n": n}, {f"p{n}": PHOTO[: 100 + n]})
    assert leftovers(store.root) == []
    assert sorted(p.name for p in store.root.iterdir()) == [f"{NEW_HAZARD_KEY}.files", f"{NEW_HAZARD_KEY}.json"]


def test_a_failed_write_keeps_the_previous_draft_whole(store: JsonDraftStore, monkeypatch) -> None:
    store.save(NEW_HAZARD_KEY, DATA, {"p1": PHOTO})
    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst).endswith(".json"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(drafts_module.os, "replace", failing_replace)
    with pytest.raises(StorageError) as caught:
        store.save(NEW_HAZARD_KEY, {"description": "新的"}, {"p9": b"new photo"})
    assert caught.value.code == "draft_write_failed"
    assert "No space left" in caught.value.params["detail"]
    monkeypatch.undo()
    draft = store.load(NEW_HAZARD_KEY)
    assert draft is not None and draft.data == DATA and draft.files == {"p1": PHOTO}
    assert leftovers(store.root) == []


def test_temporary_files_of_a_killed_writer_are_cleared(store: JsonDraftStore) -> None:
    store.save(NEW_HAZARD_KEY, DATA, {"p1": PHOTO})
    stale = [
        store.root / f".{NEW_HAZARD_KEY}.json.k1ll3d{drafts_module.TEMP_SUFFIX}",
        store.root / f"{NEW_HAZARD_KEY}.files" / f".p2.x7{drafts_module.TEMP_SUFFIX}",
    ]
    for path in stale:
        path.write_bytes(b"half a write")
    draft = store.load(NEW_HAZARD_KEY)
    assert draft is not None and draft.data == DATA  # the torn write is not the draft
    store.save(NEW_HAZARD_KEY, DATA, {"p1": PHOTO})
    assert leftovers(store.root) == []


@pytest.mark.parametrize(
    "content",
    [
        b'{"format": 1, "key": "hazard-new", "saved_at": "2026-05-04T08:00:00+00:00", "da',  # torn
        b"\xff\xfe not utf-8",
        b"[1, 2, 3]",
        b'{"format": 99, "key": "hazard-new", "saved_at": "2026-05-04T08:00:00+00:00", "data": {}, "files": {}}',
        b'{"format": 1, "key": "hazard-other", "saved_at": "2026-05-04T08:00:00+00:00", "data": {}, "files": {}}',
        b'{"format": 1, "key": "hazard-new", "saved_at": "yesterday", "data": {}, "files": {}}',
        b'{"format": 1, "key": "hazard-new", "saved_at": "2026-05-04T08:00:00", "data": {}, "files": {}}',
        b'{"format": 1, "key": "hazard-new", "saved_at": "2026-05-04T08:00:00+00:00", "data": [], "files": {}}',
    ],
    ids=["torn", "not-utf8", "not-object", "format", "other-key", "bad-time", "naive-time", "data-list"],
)
def test_a_damaged_draft_is_reported_and_set_aside(store: JsonDraftStore, content: bytes) -> None:
    store.root.mkdir()
    path = store.root / f"{NEW_HAZARD_KEY}.json"
    path.write_bytes(content)
    with pytest.raises(StorageError) as caught:
        store.load(NEW_HAZARD_KEY)
    error = caught.value
    assert error.code == "draft_unreadable" and error.params["key"] == NEW_HAZARD_KEY
    kept = Path(error.params["kept"])
    assert kept.read_bytes() == content  # kept for whoever wants to look, not deleted
    assert not path.exists() and store.keys() == []
    assert store.load(NEW_HAZARD_KEY) is None  # offered once, then out of the way
    store.save(NEW_HAZARD_KEY, DATA, {})  # and a new draft can be written
    assert store.keys() == [NEW_HAZARD_KEY]


def test_an_unreadable_draft_is_reported_and_left_in_place(store: JsonDraftStore) -> None:
    path = store.root / f"{NEW_HAZARD_KEY}.json"
    path.mkdir(parents=True)  # cannot be read as a file (root reads any file regardless of its mode)
    with pytest.raises(StorageError) as caught:
        store.load(NEW_HAZARD_KEY)
    assert caught.value.code == "draft_unreadable" and "kept" not in caught.value.params
    assert path.is_dir()


def test_a_damaged_photo_is_listed_as_missing(store: JsonDraftStore) -> None:
    store.save(NEW_HAZARD_KEY, DATA, {"p1": PHOTO, "p2": b"second", "p3": b"third"})
    files = store.root / f"{NEW_HAZARD_KEY}.files"
    (files / "p2").write_bytes(b"SECOND")  # same size, other bytes
    (files / "p3").unlink()
    draft = store.load(NEW_HAZARD_KEY)
    assert draft is not None and draft.data == DATA
    assert draft.files == {"p1": PHOTO} and sorted(draft.missing) == ["p2", "p3"]


@pytest.mark.parametrize("name", ["../escape", "a/b", "", ".hidden", "x.json", "名字"])
def test_names_are_plain(store: JsonDraftStore, name: str) -> None:
    with pytest.raises(ValueError):
        store.save(name, {}, {})
    with pytest.raises(ValueError):
        store.save(NEW_HAZARD_KEY, {}, {name: b"x"})
    assert not store.root.exists()


def test_data_that_is_not_json_writes_nothing(store: JsonDraftStore) -> None:
    with pytest.raises(TypeError):
        store.save(NEW_HAZARD_KEY, {"when": object()}, {})
    assert store.keys() == [] and leftovers(store.root) == []


def test_the_composition_root_registers_the_store(tmp_path: Path) -> None:
    context = make_context(tmp_path / "data")
    try:
        store = context.drafts
        assert isinstance(store, JsonDraftStore)
        assert store.root == tmp_path / "data" / "drafts"
        assert not store.root.exists()
    finally:
        close_context(context)
    context = build_context(tmp_path / "data", lazy=True)  # the window's start: same port
    try:
        assert context.drafts.root == tmp_path / "data" / "drafts"
    finally:
        close_context(context)
