"""The command line as scripts use it: exit codes, JSON output, translated errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "HAZARD_DESKTOP_LANG": "zh_CN", **(env or {})}
    full_env.pop("HAZARD_DESKTOP_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "hazard_desktop", *args], capture_output=True, text=True, env=full_env, timeout=120
    )


def test_lec_prints_d_band_and_action():
    result = run("lec", "3", "6", "7")
    assert result.returncode == 0, result.stderr
    assert "D=126" in result.stdout and "显著危险" in result.stdout and "需要整改" in result.stdout


def test_lec_json_has_exact_values():
    result = run("lec", "0.1", "3", "100", "--json")
    data = json.loads(result.stdout)
    assert data["D"] == "30" and data["band"]["code"] == "general"


def test_panel_mean_lands_on_the_edge_exactly():
    # 108 + 252 + 120 = 480, mean 160: the upper limit of 显著危险 under the default edge rule
    result = run("lec", "--panel", "6,6,3", "6,6,7", "3,1,40", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [m["D"] for m in data["members"]] == ["108", "252", "120"]
    assert data["band"]["code"] == "significant"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("lec", "--panel", "3,6,7", "1,6,15"), "单数"),
        (("lec", "4", "6", "7"), "不在取值表中"),
        (("lec", "--panel", "3;6;7"), "格式不对"),
    ],
)
def test_bad_calculator_input_exits_non_zero_with_a_chinese_message(args, needle):
    result = run(*args)
    assert result.returncode == 2
    assert needle in result.stderr
    assert result.stdout == ""


def test_bad_calculator_input_in_english():
    result = run("lec", "4", "6", "7", "--lang", "en")
    assert result.returncode == 2 and "not on the scale" in result.stderr
