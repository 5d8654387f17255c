"""Check a built one-folder program (``dist/hazard_desktop``) headless, the way IT will use it.

Standard library only; runs the *built* executables as subprocesses, each with a temporary HOME /
APPDATA so nothing touches the real user's data folder:

1. layout: both executables, the bundled font, every ``.qm`` of ``resources/translations/*.ts``, every
   migration of the source tree, the reference data, Qt's platform plugin (``qwindows.dll`` on Windows);
   unused Qt modules and tkinter are absent, under their Linux and their Windows names (``Qt6Qml.dll``);
2. ``hazard-desktop-cli --version`` prints this source tree's ``hazard_desktop.__version__``;
3. ``--smoke`` on a new data folder (database created at the head revision, main window, sheet PDF read
   back with QtPdf; Python's UTF-8 mode on); again on the same folder (nothing to migrate, no backup);
   Chinese output piped from the frozen program is UTF-8 without any PYTHON* variable helping;
4. upgrade: each ``tests/fixtures/db_rev*.db`` (the oldest first) copied into a data folder, ``--smoke`` on
   it: the revision is the head afterwards, a backup of the old revision exists, no hazard was lost;
5. portable mode: a copy of the folder with ``portable.txt`` next to the executable keeps its data in
   ``data/`` beside it (no ``--data-dir``, no ``HAZARD_DESKTOP_DATA``), and nothing in the user folder —
   the folder the program itself resolves (platformdirs asks Windows for it and ignores APPDATA, so on
   Windows it is the runner's real profile): nothing in it may be newer than the run;
6. the GUI executable (``console=False`` on Windows) passes the smoke test too;
7. the console commands ``lec`` and ``demo`` work frozen.

Every run must exit 0 and print nothing on stderr except the known harmless lines of ``ALLOWED_STDERR``.

``--bench N`` also measures start-up (median of N runs): frozen ``--version`` and ``--smoke`` against
``python -m hazard_desktop``. Exit code 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IS_WIN = sys.platform == "win32"
EXE = ".exe" if IS_WIN else ""
GUI_NAME = "hazard_desktop" + EXE
CLI_NAME = "hazard-desktop-cli" + EXE
DATABASE = "hazard_desktop.db"
TIMEOUT = 180

#: stderr lines that are known and harmless (regular expressions, matched against the whole line).
ALLOWED_STDERR = [
    # The offscreen platform plugin cannot honour size hints; printed once per window shown.
    r"This plugin does not support propagateSizeHints\(\)",
]
#: Qt modules and other packages that must not be in the build (size; QML drags in a whole runtime).
#: A Qt module ``QtX`` appears as ``QtX.abi3.so``/``QtX.pyd`` (binding), ``libQt6X.so.6`` (Linux) and
#: ``Qt6X.dll`` (Windows); Tcl/Tk as ``libtk8.6.so`` or ``tk86t.dll`` and their ``_tk_data`` folders.
FORBIDDEN = [
    "QtWebEngine", "QtQml", "QtQuick", "QtMultimedia", "Qt3D", "QtDataVisualization",
    "QtGraphs", "QtLocation", "QtBluetooth", "QtDesigner", "tkinter", "_tkinter", "libtk", "libtcl",
    "tk86", "tcl86", "_tk_data", "_tcl_data",
]  # fmt: skip
#: Qt's platform plugin per system: without it the program cannot open a window at all.
PLATFORM_PLUGINS = {"win32": ["qwindows.dll"], "linux": ["libqxcb.so", "libqoffscreen.so"]}


class CheckFailed(Exception):
    """One check failed; the message says which and why."""


# ------------------------------------------------------------------------------------------ running
def clean_env(home: Path) -> dict[str, str]:
    """Environment of every run: headless, UTF-8, a throw-away user folder, no data folder override."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HAZARD_DESKTOP_") and k != "PYTHONUTF8"}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    home.mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CONFIG_HOME=str(home / ".config"))
    if IS_WIN:
        env.update(APPDATA=str(home / "AppData" / "Roaming"), LOCALAPPDATA=str(home / "AppData" / "Local"))
    return env


def unexpected_stderr(text: str) -> list[str]:
    """The stderr lines that match no entry of :data:`ALLOWED_STDERR`."""
    allowed = [re.compile(p) for p in ALLOWED_STDERR]
    return [line for line in text.splitlines() if line.strip() and not any(p.fullmatch(line.strip()) for p in allowed)]


def run(cmd: list[str | Path], env: dict[str, str], what: str) -> tuple[str, float]:
    """Run ``cmd``; fail on a non-zero exit or unexpected stderr; return (stdout, seconds)."""
    started = time.perf_counter()
    proc = subprocess.run(
        [str(c) for c in cmd], env=env, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT
    )
    seconds = time.perf_counter() - started
    bad = unexpected_stderr(proc.stderr)
    if proc.returncode != 0 or bad:
        raise CheckFailed(
            f"{what}: exit {proc.returncode}\n  command: {' '.join(map(str, cmd))}\n"
            f"  unexpected stderr:\n    " + "\n    ".join(bad or ["(none)"]) + f"\n  stdout:\n{proc.stdout[-3000:]}"
        )
    return proc.stdout, seconds


def smoke(exe: Path, env: dict[str, str], what: str, data_dir: Path | None = None) -> dict:
    """Run ``exe --smoke`` and return its JSON report (the last line of stdout)."""
    cmd: list[str | Path] = [exe, "--smoke"]
    if data_dir is not None:
        cmd += ["--data-dir", data_dir]
    out, seconds = run(cmd, env, what)
    lines = [line for line in out.splitlines() if line.strip()]
    try:
        report = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError) as exc:
        raise CheckFailed(f"{what}: no JSON report on stdout: {out[-2000:]!r}") from exc
    if not report.get("ok"):
        raise CheckFailed(f"{what}: report not ok: {report}")
    report["_seconds"] = seconds
    return report


def read_only(db: Path) -> sqlite3.Connection:
    """Open ``db`` read-only; the path is percent-quoted (``#``, ``?``, ``%`` would cut or change it)."""
    return sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)


def revision_of(db: Path) -> str | None:
    con = read_only(db)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        con.close()


def count_rows(db: Path, table: str) -> int:
    """Rows of ``table`` (0 when the table does not exist in this revision)."""
    con = read_only(db)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone():
            return 0
        return int(con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        con.close()


def count_hazards(db: Path) -> int:
    return count_rows(db, "hazards")


def source_head() -> str:
    names = (p.name for p in (ROOT / "hazard_desktop" / "adapters" / "migrations" / "versions").glob("*.py"))
    return sorted(m.group(1) for m in map(re.compile(r"^(\d{4})_\w+\.py$").match, names) if m)[-1]


def source_version() -> str:
    text = (ROOT / "hazard_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not match:
        raise CheckFailed("no __version__ in hazard_desktop/__init__.py")
    return match.group(1)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def copy_tree(source: Path, target: Path) -> None:
    """Copy the built folder, hard-linking files where the file system allows (fast, no extra space)."""

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, copy_function=link_or_copy)


# ------------------------------------------------------------------------------------------- checks
def forbidden_files(names: list[str]) -> list[str]:
    """The entries of ``names`` (file or folder names, or paths) that belong to a module of :data:`FORBIDDEN`."""
    prefixes = []
    for entry in FORBIDDEN:
        prefixes.append(entry.lower())
        if entry.startswith("Qt"):
            qt6 = entry.replace("Qt", "Qt6", 1).lower()
            prefixes += [qt6, "lib" + qt6]  # Qt6Qml.dll, libQt6Qml.so.6
    return [n for n in names if Path(n).name.lower().startswith(tuple(prefixes))]


def missing_platform_plugins(bundle: Path, platform: str = sys.platform) -> list[str]:
    """Qt platform plugins this system needs that are not in ``bundle``'s ``platforms`` folders."""
    present = {p.name for p in bundle.rglob("*") if p.parent.name == "platforms" and p.is_file()}
    return [name for name in PLATFORM_PLUGINS.get(platform, []) if name not in present]


def check_layout(dist: Path) -> dict:
    internal = dist / "_internal"
    for name in (GUI_NAME, CLI_NAME):
        if not (dist / name).is_file():
            raise CheckFailed(f"layout: {dist / name} missing")
    bundle = internal if internal.is_dir() else dist
    font = bundle / "resources" / "fonts" / "wqy-microhei.ttc"
    if not font.is_file():
        raise CheckFailed(f"layout: bundled font missing ({font})")
    wanted_qm = {p.with_suffix(".qm").name for p in (ROOT / "resources" / "translations").glob("*.ts")}
    have_qm = {p.name for p in (bundle / "resources" / "translations").glob("*.qm")}
    if wanted_qm - have_qm:
        raise CheckFailed(f"layout: translations missing: {sorted(wanted_qm - have_qm)}")
    src_versions = ROOT / "hazard_desktop" / "adapters" / "migrations" / "versions"
    wanted = {p.name for p in src_versions.glob("*.py")}
    have = {p.name for p in (bundle / "hazard_desktop" / "adapters" / "migrations" / "versions").glob("*.py")}
    if wanted - have:
        raise CheckFailed(f"layout: migrations missing: {sorted(wanted - have)}")
    if not (bundle / "hazard_desktop" / "adapters" / "migrations" / "env.py").is_file():
        raise CheckFailed("layout: migrations/env.py missing")
    for folder in ("reference_data", "demo_data"):
        ref = {p.name for p in (ROOT / "hazard_desktop" / folder).glob("*.json")}
        have_ref = {p.name for p in (bundle / "hazard_desktop" / folder).glob("*.json")}
        if not ref or ref - have_ref:
            raise CheckFailed(f"layout: {folder} missing: {sorted(ref - have_ref)}")
    found = sorted(forbidden_files([str(p.relative_to(dist)) for p in dist.rglob("*")]))
    if found:
        raise CheckFailed("layout: unwanted modules in the build:\n  " + "\n  ".join(found[:40]))
    missing = missing_platform_plugins(bundle)
    if missing:
        raise CheckFailed(f"layout: Qt platform plugin(s) missing: {missing} (no window could open)")
    return {"size_mb": round(folder_size(dist) / 1e6, 1), "files": sum(1 for p in dist.rglob("*") if p.is_file())}


def written_since(folder: Path, started: float) -> list[Path]:
    """``folder`` itself if it was created, and every file in it changed, at or after ``started``."""
    if not folder.exists():
        return []
    margin = 2.0  # coarse file-system timestamps
    entries = [folder, *folder.rglob("*")]
    return [p for p in entries if max(p.stat().st_mtime, p.stat().st_ctime if p == folder else 0) >= started - margin]


def check_piped_output(cli: Path, env: dict[str, str]) -> str:
    """``lec --json`` into a pipe, with no PYTHON* variable set: the bytes must be UTF-8 (Windows would
    otherwise write the ANSI code page — cp1252, or GBK on Chinese Windows)."""
    bare = {k: v for k, v in env.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "PYTHONLEGACYWINDOWSSTDIO")}
    proc = subprocess.run([str(cli), "lec", "3", "6", "7", "--json"], env=bare, capture_output=True, timeout=TIMEOUT)
    if proc.returncode != 0:
        raise CheckFailed(f"lec --json without PYTHONIOENCODING: exit {proc.returncode}: {proc.stderr[-2000:]!r}")
    try:
        text = proc.stdout.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CheckFailed(f"lec --json piped: not UTF-8 ({exc}): {proc.stdout[:200]!r}") from exc
    if "显著危险" not in text:
        raise CheckFailed(f"lec --json piped: the Chinese band name is missing: {text[:300]!r}")
    return f"{len(proc.stdout)} bytes, Chinese intact"


def check_upgrade(cli: Path, env: dict[str, str], fixture: Path, folder: Path, head: str) -> str:
    """Smoke on a copy of ``fixture``: migrated to ``head``, one backup of the old revision, no hazard lost."""
    folder.mkdir(parents=True)
    shutil.copy2(fixture, folder / DATABASE)
    old_rev, old_count = revision_of(folder / DATABASE), count_hazards(folder / DATABASE)
    report = smoke(cli, env, f"smoke on {fixture.name}", folder)
    db = report["database"]
    if revision_of(folder / DATABASE) != head or db["revision"] != head:
        raise CheckFailed(f"upgrade from {fixture.name}: revision is {revision_of(folder / DATABASE)}, not {head}")
    if count_hazards(folder / DATABASE) != old_count or db["hazards"] != old_count:
        raise CheckFailed(f"upgrade from {fixture.name}: {old_count} hazards before, {db['hazards']} after")
    if old_rev == head:
        if db["backup"] is not None:
            raise CheckFailed(f"{fixture.name} is at the head revision, yet a backup was made")
        return f"already at head {head}: nothing migrated, no backup"
    backups = sorted((folder / "backups").glob("*.db"))
    if len(backups) != 1 or db["backup"] is None or Path(db["backup"]) != backups[0]:
        raise CheckFailed(f"upgrade from {fixture.name}: expected one backup, found {backups} ({db['backup']})")
    if revision_of(backups[0]) != old_rev or count_hazards(backups[0]) != old_count:
        raise CheckFailed(f"upgrade from {fixture.name}: the backup {backups[0].name} is not the old database")
    return f"{old_rev} → {head}, backup {backups[0].name} (revision {old_rev}), {old_count} hazards kept"


def check_pdf_fonts(pdf: Path) -> str:
    """With poppler's ``pdffonts``: every font embedded, none of the standard 14 (skipped when absent)."""
    tool = shutil.which("pdffonts")
    if tool is None:
        return "pdffonts not installed: skipped"
    out = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    if not rows:
        raise CheckFailed(f"{pdf}: no fonts at all")
    for row in rows:
        cols = row.split()
        # columns: name, type (may contain a space), encoding, emb, sub, uni, object, ID — count from the end.
        if cols[-5] != "yes":
            raise CheckFailed(f"{pdf}: font not embedded: {row}")
        if re.match(r"^(Helvetica|Times|Courier|Symbol|ZapfDingbats)", cols[0].split("+")[-1]):
            raise CheckFailed(f"{pdf}: standard-14 font used: {row}")
    return f"{len(rows)} font(s), all embedded"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "hazard_desktop", help="the built folder")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    parser.add_argument("--bench", type=int, default=0, metavar="N", help="also time start-up, median of N runs")
    args = parser.parse_args(argv)

    dist = args.dist.resolve()
    cli, gui = dist / CLI_NAME, dist / GUI_NAME
    work = Path(tempfile.mkdtemp(prefix="hazard-dist-check-"))
    env = clean_env(work / "home")
    head, version = source_head(), source_version()
    passed: list[str] = []

    def ok(name: str, detail: str = "") -> None:
        passed.append(name)
        print(f"  ok  {name}" + (f" — {detail}" if detail else ""), flush=True)

    print(f"dist-check {dist} (version {version}, head revision {head}); work folder {work}", flush=True)
    try:
        layout = check_layout(dist)
        ok("layout", f"{layout['size_mb']} MB, {layout['files']} files")

        out, seconds = run([cli, "--version"], env, "--version")
        if out.strip() != f"hazard_desktop {version}":
            raise CheckFailed(f"--version printed {out.strip()!r}, expected 'hazard_desktop {version}'")
        ok("--version", f"{out.strip()} in {seconds:.2f} s")

        fresh = work / "fresh"
        report = smoke(cli, env, "smoke on a new data folder", fresh)
        db = report["database"]
        if not report["frozen"]:
            raise CheckFailed("smoke: the program does not know it is frozen")
        if report.get("utf8_mode") != 1:
            raise CheckFailed(f"smoke: Python's UTF-8 mode is off in the build (utf8_mode={report.get('utf8_mode')})")
        if db["revision"] != head or db["revision_before"] is not None or db["backup"]:
            raise CheckFailed(f"smoke (new folder): unexpected database state {db}")
        pdf = Path(report["sheet"]["path"])
        if not pdf.is_file() or pdf.stat().st_size < 5000 or report["sheet"]["pages"] < 1:
            raise CheckFailed(f"smoke (new folder): sheet PDF not written properly: {report['sheet']}")
        fonts = check_pdf_fonts(pdf)
        stats = report.get("statistics") or {}
        if stats.get("charts", 0) < 6:  # QtCharts frozen and working: one chart per breakdown
            raise CheckFailed(f"smoke: the statistics window drew no charts: {stats}")
        for name, written in (stats.get("reports") or {}).items():
            if not Path(written["path"]).is_file() or written["bytes"] < 3000:
                raise CheckFailed(f"smoke: statistics report {name} not written properly: {written}")
        if len(stats.get("reports") or {}) != 2:
            raise CheckFailed(f"smoke: the statistics reports (PDF, .xlsx) were not both written: {stats}")
        if (report.get("passwords") or {}).get("scheme") != "argon2id":  # argon2-cffi's compiled part frozen
            raise CheckFailed(f"smoke: Argon2id hashing does not work in the build: {report.get('passwords')}")
        if report["resources"]["translations"] != sorted(
            p.with_suffix(".qm").name for p in (ROOT / "resources" / "translations").glob("*.ts")
        ):
            raise CheckFailed(f"smoke: translations seen by the program: {report['resources']['translations']}")
        ok(
            "smoke, new data folder",
            f"{report['_seconds']:.2f} s; revision {db['revision']}; window {report['main_window']['class']}; "
            f"sheet {report['sheet']['pages']} page(s), {report['sheet']['bytes']} bytes, {fonts}; "
            f"font {report['application']['font_family']!r}, {report['application']['translators']} translator(s)",
        )

        again = smoke(cli, env, "smoke again on the same folder", fresh)
        if again["database"]["backup"] or again["database"]["revision_before"] != head:
            raise CheckFailed(f"second smoke migrated or backed up again: {again['database']}")
        if (fresh / "backups").exists() and any((fresh / "backups").iterdir()):
            raise CheckFailed("second smoke left a backup although nothing was migrated")
        ok("smoke again, same folder", "no migration, no backup")

        fixtures = sorted((ROOT / "tests" / "fixtures").glob("db_rev*.db"))
        if not fixtures:
            raise CheckFailed("no fixture databases in tests/fixtures")
        for fixture in fixtures:  # the oldest first: the longest upgrade path
            ok(f"upgrade from {fixture.name}", check_upgrade(cli, env, fixture, work / f"upgrade-{fixture.stem}", head))

        portable_dist = work / "portable" / dist.name
        copy_tree(dist, portable_dist)
        (portable_dist / "portable.txt").write_text("portable\n", encoding="utf-8")
        portable_home = work / "portable-home"
        started = time.time()
        report = smoke(portable_dist / CLI_NAME, clean_env(portable_home), "smoke in portable mode")
        expected = (portable_dist / "data").resolve()
        if Path(report["data_dir"]).resolve() != expected or not (expected / DATABASE).is_file():
            raise CheckFailed(f"portable: data folder is {report['data_dir']}, expected {expected}")
        strays = [p for p in portable_home.rglob("*") if "hazard_desktop" in p.name]
        user_folder = Path(report["default_data_dir"])
        if not IS_WIN and portable_home.resolve() not in user_folder.resolve().parents:
            raise CheckFailed(f"portable: the program's user folder {user_folder} is outside the test home")
        strays += written_since(user_folder, started)
        if strays:
            raise CheckFailed(f"portable: wrote into the user folder: {strays}")
        ok("portable mode", f"data in {expected.relative_to(work)}, user folder {user_folder} untouched")

        gui_dir = work / "gui"
        gui_cmd: list[str | Path] = [gui, "--smoke", "--data-dir", gui_dir]
        run(gui_cmd, env, "GUI executable --smoke")
        if not (gui_dir / DATABASE).is_file() or not (gui_dir / "smoke" / "smoke-sheet.pdf").is_file():
            raise CheckFailed("GUI executable --smoke: no database or sheet written")
        ok("GUI executable --smoke")

        out, _ = run([cli, "lec", "3", "6", "7", "--json"], env, "lec 3 6 7 --json")
        lec = json.loads(out)
        if "126" not in json.dumps(lec):
            raise CheckFailed(f"lec 3 6 7: D = 126 not in {out[:500]}")
        ok("lec 3 6 7", "D = 126")

        ok("piped output is UTF-8", check_piped_output(cli, env))

        demo = work / "demo"
        # --create: a named folder that does not exist yet is made only when asked (cli.py, issue 10).
        run([cli, "demo", "--count", "25", "--create", "--data-dir", demo], env, "demo --count 25 --create")
        if count_hazards(demo / DATABASE) < 25:
            raise CheckFailed("demo: fewer than 25 hazards written")
        prints_before = count_rows(demo / DATABASE, "sheet_prints")
        report = smoke(cli, env, "smoke on demo data", demo)
        source = report["sheet"]["source"]
        if (ROOT / "hazard_desktop" / "services" / "sheets.py").exists() and not source.startswith("service"):
            raise CheckFailed(f"smoke on demo data: the sheet did not come from the sheet service ({source})")
        if count_rows(demo / DATABASE, "sheet_prints") != prints_before:
            raise CheckFailed("smoke on demo data recorded a sheet print (the self-test must not write records)")
        ok("demo --count 25, then smoke on it", f"sheet from {source.split(':')[0]}, no print recorded")

        if args.bench:
            bench(cli, env, work, args.bench)
    except (CheckFailed, subprocess.TimeoutExpired, OSError) as exc:
        print(f"FAILED: {exc}", file=sys.stderr, flush=True)
        print(f"(work folder kept: {work})", file=sys.stderr)
        return 1
    print(f"dist-check passed ({len(passed)} checks)", flush=True)
    if args.keep:
        print(f"work folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _timed(cmd: list[str | Path], env: dict[str, str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    subprocess.run([str(c) for c in cmd], env=env, cwd=cwd, capture_output=True, check=True, timeout=TIMEOUT)
    return time.perf_counter() - started


def bench(cli: Path, env: dict[str, str], work: Path, runs: int) -> None:
    """Start-up, frozen against source: median of ``runs``, the two interleaved (after one warm-up each),
    so that load from other processes hits both alike."""
    python = [sys.executable, "-m", "hazard_desktop"]
    src_env = dict(env, PYTHONPATH=str(ROOT))
    cases = [
        ("--version", ["--version"], ["--version"]),
        ("--smoke", ["--smoke", "--data-dir", work / "bench-frozen"], ["--smoke", "--data-dir", work / "bench-source"]),
    ]
    print(f"  start-up, median of {runs} interleaved runs (warm caches; min in brackets):")
    print(f"    {'command':<10} {'frozen':>15} {'source':>15}")
    for label, frozen_args, source_args in cases:
        _timed([cli, *frozen_args], env)
        _timed([*python, *source_args], src_env, ROOT)
        frozen, source = [], []
        for _ in range(runs):
            frozen.append(_timed([cli, *frozen_args], env))
            source.append(_timed([*python, *source_args], src_env, ROOT))
        print(
            f"    {label:<10} {statistics.median(frozen):>6.2f}s ({min(frozen):.2f}s)"
            f" {statistics.median(source):>6.2f}s ({min(source):.2f}s)"
        )


if __name__ == "__main__":
    sys.exit(main())
