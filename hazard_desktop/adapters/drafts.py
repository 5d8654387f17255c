"""Drafts as JSON files in ``<data_dir>/drafts`` (the ``DraftStore`` port of ``services/drafts.py``).

Layout of one key::

    drafts/<key>.json           {"format": 1, "key", "saved_at", "data", "files": {name: {"size", "sha256"}}}
    drafts/<key>.files/<name>   the bytes of each file

Every file is written to a temporary file in the same folder, flushed to disk and moved over its name
with ``os.replace``. The files come first and the JSON last, and files the new JSON no longer names are
removed only after it is in place: whatever moment the process dies, ``<key>.json`` is the previous
draft or the new one, with all its files. A file name stands for one content (the form names each
picked photo by a fresh id), so a file already on disk under that name and size is not written again
while the user types.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.domain.records import utcnow
from hazard_desktop.services.drafts import Draft, check_name

if TYPE_CHECKING:
    from hashlib import _Hash

log = logging.getLogger(__name__)


def _sha256(data: bytes = b"") -> _Hash:
    """``hashlib.sha256``, imported when first needed: hashlib (OpenSSL) costs the window's start ~4 ms."""
    import hashlib

    return hashlib.sha256(data)


FORMAT = 1
TEMP_SUFFIX = ".tmp"
UNREADABLE_MARK = ".unreadable-"


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it holds either its old content or ``data``, never a part.

    Raises:
        OSError: nothing was replaced (the temporary file is removed).
    """
    import tempfile  # not at start-up: it imports random, hashlib …

    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


class JsonDraftStore:
    """Drafts under ``root`` (created on the first save)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # ------------------------------------------------------------------ paths

    def _json(self, key: str) -> Path:
        return self.root / f"{check_name(key)}.json"

    def _files(self, key: str) -> Path:
        return self.root / f"{check_name(key)}.files"

    # ------------------------------------------------------------------ port

    def save(self, key: str, data: dict[str, Any], files: dict[str, bytes]) -> Draft:
        """Replace the draft of ``key`` (see the module docstring for the order of writes).

        Raises:
            StorageError: ``draft_write_failed`` (the previous draft is untouched).
            TypeError, ValueError: ``data`` is not JSON, or a key or file name is not a plain name.
        """
        json_path, files_dir = self._json(key), self._files(key)
        for name in files:
            check_name(name)
        saved_at = utcnow()
        previous = self._manifest(json_path)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            manifest: dict[str, dict[str, Any]] = {}
            if files:
                files_dir.mkdir(exist_ok=True)
            for name, content in files.items():
                target = files_dir / name
                known = previous.get(name)
                if known and known.get("size") == len(content) and _size(target) == len(content):
                    manifest[name] = known
                    continue
                write_atomically(target, bytes(content))
                manifest[name] = {"size": len(content), "sha256": _sha256(content).hexdigest()}
            if files:
                _fsync_dir(files_dir)
            envelope = {
                "format": FORMAT,
                "key": key,
                "saved_at": saved_at.isoformat(),
                "data": data,
                "files": manifest,
            }
            text = json.dumps(envelope, ensure_ascii=False, indent=1, sort_keys=True)
            write_atomically(json_path, text.encode("utf-8"))
            _fsync_dir(self.root)
        except OSError as exc:
            log.warning("draft %s not saved: %s", key, exc)
            raise StorageError("draft_write_failed", key=key, detail=str(exc)) from exc
        self._remove_unlisted(files_dir, manifest)
        self._remove_temporaries(key)
        return Draft(key, saved_at, dict(data), dict(files))

    def load(self, key: str) -> Draft | None:
        """The draft of ``key`` or None; a damaged JSON file is moved aside (kept, no longer offered).

        Raises:
            StorageError: ``draft_unreadable`` (params ``key``, ``detail``, and ``kept`` if moved aside).
        """
        json_path = self._json(key)
        try:
            raw = json_path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StorageError("draft_unreadable", key=key, detail=str(exc)) from exc
        try:
            envelope = json.loads(raw.decode("utf-8"))
            saved_at, data, manifest = _parse(envelope, key)
        except (ValueError, TypeError, KeyError) as exc:
            kept = self._move_aside(json_path)
            log.warning("draft %s is damaged (%s); kept as %s", key, exc, kept)
            params: dict[str, Any] = {"key": key, "detail": str(exc) or type(exc).__name__}
            if kept is not None:
                params["kept"] = str(kept)
            raise StorageError("draft_unreadable", **params) from exc
        files: dict[str, bytes] = {}
        missing: list[str] = []
        files_dir = self._files(key)
        for name, info in manifest.items():
            try:
                content = (files_dir / check_name(name)).read_bytes()
            except (OSError, ValueError) as exc:
                log.warning("draft %s: file %s cannot be read: %s", key, name, exc)
                missing.append(name)
                continue
            if len(content) != info.get("size") or _sha256(content).hexdigest() != info.get("sha256"):
                log.warning("draft %s: file %s is damaged", key, name)
                missing.append(name)
                continue
            files[name] = content
        return Draft(key, saved_at, data, files, tuple(missing))

    def delete(self, key: str) -> None:
        """Remove the draft of ``key`` (its JSON first: the commit point), then its files.

        Raises:
            StorageError: ``draft_write_failed`` if the JSON file cannot be removed.
        """
        json_path, files_dir = self._json(key), self._files(key)
        try:
            json_path.unlink(missing_ok=True)
            if self.root.is_dir():
                _fsync_dir(self.root)
        except OSError as exc:
            raise StorageError("draft_write_failed", key=key, detail=str(exc)) from exc
        shutil.rmtree(files_dir, ignore_errors=True)
        self._remove_temporaries(key)

    def keys(self) -> list[str]:
        """The keys that have a draft file, sorted."""
        if not self.root.is_dir():
            return []
        found = []
        for path in self.root.glob("*.json"):
            try:
                found.append(check_name(path.stem))
            except ValueError:
                continue
        return sorted(found)

    # ------------------------------------------------------------------ helpers

    def _manifest(self, json_path: Path) -> dict[str, dict[str, Any]]:
        """The files of the draft on disk (empty if none or unreadable: then every file is written)."""
        try:
            envelope = json.loads(json_path.read_bytes().decode("utf-8"))
            files = envelope["files"]
            return {str(k): v for k, v in files.items() if isinstance(v, dict)}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}

    def _remove_unlisted(self, files_dir: Path, manifest: dict[str, Any]) -> None:
        if files_dir.is_dir():
            for path in files_dir.iterdir():
                if path.name not in manifest:
                    with contextlib.suppress(OSError):
                        path.unlink()
            if not manifest:
                with contextlib.suppress(OSError):
                    files_dir.rmdir()

    def _remove_temporaries(self, key: str) -> None:
        """Temporary files a killed process left behind for ``key``."""
        if self.root.is_dir():
            for path in self.root.glob(f".{key}.json.*{TEMP_SUFFIX}"):
                with contextlib.suppress(OSError):
                    path.unlink()

    def _move_aside(self, json_path: Path) -> Path | None:
        stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
        target = json_path.with_name(f"{json_path.name}{UNREADABLE_MARK}{stamp}")
        try:
            os.replace(json_path, target)
        except OSError as exc:
            log.warning("damaged draft %s cannot be moved aside: %s", json_path, exc)
            return None
        return target


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _parse(envelope: Any, key: str) -> tuple[datetime, dict[str, Any], dict[str, dict[str, Any]]]:
    """Check the shape of a draft file.

    Raises:
        ValueError, TypeError, KeyError: not a draft of this program for ``key``.
    """
    if not isinstance(envelope, dict):
        raise ValueError("not a JSON object")
    if envelope.get("format") != FORMAT:
        raise ValueError(f"unknown draft format {envelope.get('format')!r}")
    if envelope.get("key") != key:
        raise ValueError(f"draft of {envelope.get('key')!r}, not {key!r}")
    saved_at = datetime.fromisoformat(envelope["saved_at"])
    if saved_at.tzinfo is None:
        raise ValueError("saved_at has no time zone")
    data = envelope["data"]
    files = envelope["files"]
    if not isinstance(data, dict) or not isinstance(files, dict):
        raise ValueError("data and files must be objects")
    if not all(isinstance(v, dict) for v in files.values()):
        raise ValueError("file entries must be objects")
    return saved_at, data, files
