"""Test-wide settings: headless Qt, English UI strings, no real user folders; run-wide fixtures."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests import model_check, shared_build

if TYPE_CHECKING:
    from hazard_desktop.services.demo import DemoResult

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
os.environ["HAZARD_DESKTOP_LANG"] = "en"


TESTS = Path(__file__).resolve().parent
BY_FOLDER = {"integration": "storage", "e2e": "slow"}  # folder → marker every test in it carries
# UI modules that drive whole windows or grading flows over many stored records: make test runs them,
# make test-fast leaves them out. The second group are the UI modules that cost 3 s of CPU or more each
# (measured 2026-12-07 with make test: screen_fit 15 s, settings 8 s, rectification 8 s, register model 6 s …);
# without them make test-fast's UI share is ~20 s of CPU instead of ~80.
SLOW_UI = {
    "test_main_window.py",
    "test_grading_history.py",
    "test_detail_pane.py",
    "test_dispute_panel.py",
    "test_panel_scoring.py",
    "test_hazard_editor_drafts.py",
    "test_sheet_actions.py",
    "test_bench_hook.py",
    # ≥ 3 s of CPU per module
    "test_screen_fit.py",
    "test_settings_dialog.py",
    "test_rectification_ui.py",
    "test_register_model.py",
    "test_hazard_editor.py",
    "test_rectification_trial.py",
    "test_statistics_window.py",
    "test_inspections_ui.py",
    "test_ledger_import_ui.py",
    "test_form_actions.py",
    "test_ledger_export_ui.py",  # the shared 300-hazard demo: 14 s of set-up, half of make test-fast's wall time
}


# The modules that cost most (CPU seconds measured 2026-12-07 with make test), run first: pytest-xdist's
# --dist loadfile hands out whole files in collection order, and a 15 s file handed out last keeps one worker
# busy while the other has nothing left (it did: the property test ran alone for the last 40 s). The first
# builds the shared demo (tests/shared_build.py) while the second, which does not need it, runs beside it.
RUN_FIRST = (  # seconds measured with --durations=0 on the 2-core machine (2026-12-07, 5,645 tests)
    "integration/test_bad_input_corpus.py",  # 17 s
    "integration/test_ledger_export.py",  # 16 s, with the run's shared demo
    "ui/test_screen_fit.py",  # 16 s
    "integration/test_exchange_refusals.py",  # 13 s
    "integration/test_exchange_property.py",  # 11 s, one test
    "integration/test_demo_grading.py",  # 10 s, its own demo
    "integration/test_demo_atomic.py",  # 9 s
    "ui/test_main_window.py",  # 9 s
    "integration/test_rectification.py",  # 8 s
    "e2e/test_report_cli.py",  # 8 s, processes
    "e2e/test_smoke.py",  # 8 s, processes
    "integration/test_grading_services.py",  # 8 s
    "ui/test_sheet_actions.py",  # 7 s
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark by place, so that ``make test-fast`` (``-m "not storage and not slow"``) needs no list of files;
    put the costliest modules (:data:`RUN_FIRST`) first, each module's tests still together and in order."""
    for item in items:
        parts = item.path.relative_to(TESTS).parts
        marker = BY_FOLDER.get(parts[0]) if len(parts) > 1 else None
        if parts[0] == "ui" and parts[-1] in SLOW_UI:
            marker = "slow"
        if marker is not None:
            item.add_marker(marker)
    rank = {name: n for n, name in enumerate(RUN_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.relative_to(TESTS).as_posix(), len(rank)))  # stable


def pytest_collection_finish(session: pytest.Session) -> None:
    """Every item model the tests make is checked by Qt's model tester (``tests/model_check.py``). The collected
    tests, their modules and the imported program live for the whole run: the cyclic garbage collector stops
    scanning them again at every full collection (``gc.freeze``, as the program does after its start)."""
    model_check.watch_models()
    gc.freeze()


def pytest_runtest_setup(item: pytest.Item) -> None:
    model_check.enabled = item.get_closest_marker("no_model_tester") is None


def pytest_runtest_teardown(item: pytest.Item) -> None:
    model_check.enabled = True


_worker_tallies: list[dict[str, object]] = []  # the model tester's tallies sent by pytest-xdist workers


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)  # set in a pytest-xdist worker only
    if workeroutput is not None:
        workeroutput["model_check"] = model_check.tally()


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: the controller hears from each worker as it ends
def pytest_testnodedown(node: object, error: object) -> None:
    tally = getattr(node, "workeroutput", {}).get("model_check")
    if tally is not None:
        _worker_tallies.append(tally)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """The model tester's line, summed over the pytest-xdist workers when the tests ran in several."""
    if hasattr(config, "workeroutput"):
        return  # a worker: the controller prints the line
    whole = config.args_source == pytest.Config.ArgsSource.TESTPATHS and not (
        config.option.markexpr or config.option.keyword
    )
    distributed = config.pluginmanager.has_plugin("dsession")  # pytest-xdist's controller
    line = model_check.summary(name_unmade=whole, tallies=_worker_tallies if distributed else None)
    if line is not None:
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def sheet_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoResult]:
    """The demo data (300 hazards, photos, meetings, disputes) as of ``test_sheet_service.REFERENCE`` and what
    ``build_demo`` reported: built once per run for all pytest-xdist workers (``tests/shared_build.py``), then
    copied into this worker's own folder (tests copy its database again before they change it)."""
    from tests.integration.test_sheet_service import build_demo_folder

    folder, result = shared_build.built_once(tmp_path_factory, "sheet-demo", build_demo_folder)
    return shared_build.private_copy(folder, tmp_path_factory.mktemp("sheet-demo")), result


@pytest.fixture(scope="session")
def sheet_demo_folder(sheet_demo: tuple[Path, DemoResult]) -> Path:
    """The folder of :func:`sheet_demo`."""
    return sheet_demo[0]
