"""What the new-user trial of the exchange found (issue 15), pressed through the real buttons: a drive gone
during the export is one friendly sentence (no crash box, nothing left), the join says its file is used up."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from hazard_desktop.services.exchange import ImportPreview, ImportResult
from hazard_desktop.ui.exchange.export_dialog import ExportDialog
from tests.ui.test_exchange_ui import NOW, Drives, ctx, fake  # noqa: F401 (fixtures)


def _gone_under(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    """Every stat under ``stick`` fails as a FUSE drive whose process was killed (ENOTCONN)."""
    real = Path.stat

    def stat(self: Path, *args: object, **kwargs: object):
        if self == stick or stick in self.parents:
            raise OSError(errno.ENOTCONN, "Transport endpoint is not connected", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)


def test_a_drive_gone_during_the_export_is_the_write_failed_sentence(qtbot, ctx, fake, tmp_path, monkeypatch):  # noqa: F811
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    ctx.removable_drives = Drives(stick)
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.folder() == stick
    _gone_under(monkeypatch, stick)
    dialog._drives = []  # the next timer tick lists the drive again and looks at the last folder
    dialog.refresh_drives()  # a stat on the dead mount raised here on the window's thread
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    text = dialog.status.text()
    assert "could not be written" in text and "no longer connected" in text, text
    assert "Errno" not in text and "Transport" not in text
    assert fake.exports == [] and dialog.export_button.isEnabled()


def test_the_first_start_says_the_join_file_was_used_up(qtbot, tmp_path) -> None:
    from hazard_desktop.domain.exchange import Role
    from hazard_desktop.ui.exchange.first_start import FirstStartDialog

    preview = ImportPreview("OF", Role.OFFICE, "江海化工有限公司", NOW, "0012", (), 0, True)

    def join(_file: Path, _progress) -> object:
        return ImportResult(preview, 0, join_file_removed=True)

    dialog = FirstStartDialog(tmp_path / "data", Drives(), join)
    qtbot.addWidget(dialog)
    dialog.join_button.click()
    dialog.choose(tmp_path / "OF-to-A3.hzx")
    dialog.start_join.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert "江海化工有限公司" in dialog.status.text()
    assert "used up and removed" in dialog.status.text()
