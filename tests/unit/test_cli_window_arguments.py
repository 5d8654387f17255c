"""The window's usual command lines are read without building the parser (cli._window_arguments, issue 16):
the same values as the parser gives, and everything else left to the parser."""

from __future__ import annotations

import sys

import pytest

from hazard_desktop import cli


def parsed(argv: list[str]) -> dict[str, object]:
    with cli.argparse_language("en"):
        return vars(cli._parser("en").parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "/tmp/register"],
        ["--data-dir=/tmp/register"],
        ["--data-dir="],
        ["--data-dir", "demo"],  # a folder named like a sub-command
        ["--lang", "en", "--create", "--data-dir", "D:\\隐患台账"],
        ["--lang=zh_CN", "--verbose"],
        ["--verbose", "--create", "--lang", "zh_CN", "--data-dir=x y"],
    ],
)
def test_the_window_arguments_are_what_the_parser_gives(argv):
    fast = cli._window_arguments(argv)
    assert fast is not None
    assert vars(fast) == parsed(argv)
    assert vars(cli._parse(argv)) == parsed(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["demo"],
        ["--data-dir", "x", "demo"],
        ["--data-dir"],  # a usage error: the parser says so
        ["--data-dir", "--create"],
        ["--data-dir", "a", "--data-dir", "b"],
        ["--lang", "fr"],
        ["--lang"],
        ["--create=yes"],
        ["--data", "x"],  # argparse's abbreviation
        ["--screenshot", "a.png"],
        ["--smoke"],
        ["--help"],
        ["--version"],
        ["-h"],
        ["--", "x"],
        ["x"],
    ],
)
def test_anything_else_is_left_to_the_parser(argv):
    assert cli._window_arguments(argv) is None


def test_the_window_start_does_not_import_argparse():
    import subprocess

    script = (
        "import sys; from hazard_desktop import cli; a = cli._parse(['--data-dir', 'x']); "
        "print(a.data_dir, 'argparse' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == ["x", "False"]
