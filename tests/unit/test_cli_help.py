"""argparse's own texts (usage, help, usage errors) speak Chinese unless English is asked for."""

from __future__ import annotations

import argparse

import pytest

from hazard_desktop import cli
from hazard_desktop.cli_help import ARGPARSE_ZH, language_option


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


@pytest.fixture
def chinese(monkeypatch):
    monkeypatch.delenv("HAZARD_DESKTOP_LANG", raising=False)


def test_help_is_chinese_by_default(chinese, capsys):
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert out.startswith("用法：hazard-desktop")
    assert "显示本帮助并退出" in out and "数据文件夹" in out and "显示程序版本号并退出" in out
    assert "show this help" not in out and "usage:" not in out


def test_a_sub_commands_help_is_chinese(chinese, capsys):
    code, out, _ = run(["sheet", "--help"], capsys)
    assert code == 0
    assert "位置参数" in out and "选项" in out and "文件名没有扩展名时自动加上" in out and "--overwrite" in out
    assert "positional arguments" not in out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["lec", "--bogus"], "hazard-desktop：错误：无法识别的参数：--bogus"),
        (["sheet"], "缺少以下必需的参数：HAZARD_NUMBER, -o/--output"),
        (["--lang", "fr"], "参数 --lang：无效的选项值 'fr'"),
        (["demo", "--count", "1e3"], "参数 --count：“1e3”不是整数"),
        (["lec", "--panel"], "参数 --panel：至少需要一个值"),
    ],
)
def test_usage_errors_are_chinese(chinese, capsys, argv, needle):
    code, _, err = run(argv, capsys)
    assert code == 2
    assert err.startswith("用法：")
    assert needle in err, err


@pytest.mark.parametrize("how", ["option", "option=", "environment"])
def test_english_stays_english(monkeypatch, capsys, how):
    monkeypatch.setenv("HAZARD_DESKTOP_LANG", "en" if how == "environment" else "zh_CN")
    lang = {"option": ["--lang", "en"], "option=": ["--lang=en"], "environment": []}[how]
    code, _, err = run([*lang, "sheet"], capsys)
    assert code == 2
    assert err.startswith("usage: ") and "error: the following arguments are required" in err
    code, out, _ = run([*lang, "--help"], capsys)
    assert code == 0 and "show this help message and exit" in out and "data folder" in out


def test_argparse_is_left_as_it_was(chinese, capsys):
    run(["--help"], capsys)
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: ")


def test_every_chinese_text_keeps_the_format_fields_of_its_source():
    import re

    fields = re.compile(r"%(?:\(\w+\))?[sr]")
    for source, chinese in ARGPARSE_ZH.items():
        assert sorted(fields.findall(source)) == sorted(fields.findall(chinese)), source


def test_the_language_option_is_found_before_parsing():
    assert language_option(["lec", "--lang", "en"]) == "en"
    assert language_option(["--lang=zh_CN", "lec"]) == "zh_CN"
    assert language_option(["lec", "--", "--lang", "en"]) is None
    assert language_option(["lec"]) is None
