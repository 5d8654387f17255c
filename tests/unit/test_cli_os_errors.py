"""The command line explains OS errors in its own language instead of the OS's English text."""

from __future__ import annotations

import errno

import pytest

from hazard_desktop.cli_messages import message, os_error_text


@pytest.mark.parametrize(
    ("exc", "zh", "en"),
    [
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "这是一个文件夹，不是文件", "it is a folder, not a file"),
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "文件或文件夹不存在", "no such file or folder"),
        (
            PermissionError(errno.EACCES, "Permission denied"),
            "没有权限，或文件正被其他程序打开",
            "permission denied, or the file is open in another program",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘已满", "the disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "磁盘或文件夹是只读的", "the disk or folder is read-only"),
        (
            NotADirectoryError(errno.ENOTDIR, "Not a directory"),
            "路径中有一部分不是文件夹",
            "a part of the path is not a folder",
        ),
        (
            FileExistsError(errno.EEXIST, "File exists"),
            "同名的文件或文件夹已存在",
            "a file or folder of that name already exists",
        ),
    ],
)
def test_common_os_errors_have_their_own_words(exc, zh, en) -> None:
    assert os_error_text(exc) == zh
    assert os_error_text(exc, "en") == en
    assert (
        message("sheet_write_failed", detail=os_error_text(exc), path="/tmp/x.pdf") == f"无法写入文件 /tmp/x.pdf：{zh}"
    )


def test_an_unknown_os_error_keeps_the_os_text() -> None:
    exc = OSError(errno.ELOOP, "Too many levels of symbolic links")
    assert os_error_text(exc) == os_error_text(exc, "en") == "Too many levels of symbolic links"
    assert os_error_text(OSError("plain")) == "plain"


def test_an_exchange_file_error_names_the_drive_gone_in_the_users_language(capsys) -> None:
    """Trial: "[Errno 107] Transport endpoint is not connected" in a Chinese UI; the CLI words it too."""

    from hazard_desktop import cli

    reason = "Transport endpoint is not connected"
    assert cli._fail("exchange_write_failed", "zh", reason=reason, errno=errno.ENOTCONN) == 2
    assert cli._fail("exchange_read_failed", "en", reason=reason, errno=errno.ECONNABORTED) == 2
    err = capsys.readouterr().err
    assert "U 盘或磁盘已断开连接" in err and "the drive is no longer connected" in err and "Transport" not in err
