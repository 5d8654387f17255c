"""`hazard-desktop exchange …`: the office sets its identity and registers a laptop, the laptop joins from the
office's file into an empty folder, its findings go up; --dry-run writes nothing; a refusal is one sentence."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from hazard_desktop.app import build_context, close_context
from hazard_desktop.services.hazards import create_hazard
from tests import cli_inprocess
from tests.factories import add_person, hazard_input


def run(*args: str, lang: str = "zh_CN") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HAZARD_DESKTOP_LANG": lang, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("HAZARD_DESKTOP_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "hazard_desktop", *args], capture_output=True, text=True, env=env, timeout=300
    )


def ok(*args: str, lang: str = "zh_CN") -> str:
    """A command that succeeds, run in this process (tests/cli_inprocess.py); the refusal below spawns one:
    a refused join shuts logging down, which in the test process would close pytest's own handlers."""
    result = cli_inprocess.run(*args, lang=lang)
    assert result.returncode == 0, result.stderr
    return result.stdout


def numbers(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "hazard_desktop.db") as con:
        return [n for (n,) in con.execute("SELECT number FROM hazards ORDER BY number")]


def test_a_laptop_joins_and_its_findings_reach_the_office(tmp_path: Path) -> None:
    office, lap = tmp_path / "office", tmp_path / "laptop"
    out = ok("exchange", "identity", "--code", "hq", "--role", "office", "--plant", "测试厂", "--data-dir",
             str(office), "--create")  # fmt: skip
    assert "简码 HQ" in out and "角色 办公室主库" in out and "office" not in out
    assert "编号段 1" in ok("exchange", "register-terminal", "A3", "--data-dir", str(office))
    ok("exchange", "export", "-o", str(tmp_path / "join.hzx"), "--to", "A3", "--data-dir", str(office))
    joined = ok("exchange", "import", str(tmp_path / "join.hzx"), "--data-dir", str(lap))
    assert "已加入工厂“测试厂”" in joined
    assert "编号段 1" in ok("exchange", "identity", "--data-dir", str(lap))

    # a finding on the laptop through the same use case the window uses
    context = build_context(lap)
    try:
        person = add_person(context, "现场巡检")  # a person added on the laptop travels up with the finding
        found = create_hazard(context.uow(), hazard_input(context, person)).number
    finally:
        close_context(context)
    assert found == "YH-2026-10001"  # the laptop's slot 1

    ok("exchange", "export", "-o", str(tmp_path / "up.hzx"), "--data-dir", str(lap))
    before = numbers(office)
    dry = ok("exchange", "import", str(tmp_path / "up.hzx"), "--dry-run", "--data-dir", str(office))
    assert "  隐患  +1" in dry and "hazard" not in dry and "未写入任何内容" in dry
    assert numbers(office) == before
    ok("exchange", "import", str(tmp_path / "up.hzx"), "--data-dir", str(office))
    assert numbers(office) == [*before, found]
    again = ok("exchange", "import", str(tmp_path / "up.hzx"), "--data-dir", str(office), lang="en")
    assert "Nothing new" in again


def test_a_bad_file_is_one_sentence_and_no_folder_is_made(tmp_path: Path) -> None:
    bad = tmp_path / "bad.hzx"
    bad.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    result = run("exchange", "import", str(bad), "--data-dir", str(tmp_path / "new"))
    assert result.returncode == 2 and "不完整" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "new").exists()


def test_a_join_file_joins_once(tmp_path: Path) -> None:
    """`exchange import` into an empty folder consumes the join file; once the office has heard from A3, its
    later files for A3 cannot make a second A3 (new-user trial: a second laptop numbered YH-2026-10001 again)."""
    office, lap, twin = tmp_path / "office", tmp_path / "laptop", tmp_path / "twin"
    ok("exchange", "identity", "--code", "OF", "--role", "office", "--plant", "江海化工", "--data-dir", str(office),
       "--create")  # fmt: skip
    ok("exchange", "register-terminal", "A3", "--data-dir", str(office))
    join = tmp_path / "OF-to-A3.hzx"
    ok("exchange", "export", "-o", str(join), "--to", "A3", "--data-dir", str(office))
    out = ok("exchange", "import", str(join), "--data-dir", str(lap))
    assert "已删除" in out and not join.exists()
    ok("exchange", "export", "-o", str(tmp_path / "up.hzx"), "--data-dir", str(lap))
    ok("exchange", "import", str(tmp_path / "up.hzx"), "--data-dir", str(office))  # the office binds A3
    later = tmp_path / "OF-to-A3-later.hzx"
    ok("exchange", "export", "-o", str(later), "--to", "A3", "--data-dir", str(office))
    refused = run("exchange", "import", str(later), "--data-dir", str(twin))
    assert refused.returncode == 2 and "已被另一台电脑用过" in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr and not twin.exists() and later.exists()
    english = run("exchange", "import", str(later), "--data-dir", str(twin), lang="en")
    assert "already used by another computer" in english.stderr and not twin.exists()
