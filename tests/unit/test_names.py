"""Each closed set of names is defined once (outreach_lint.names) and every place that offers it agrees."""

from __future__ import annotations

from typing import get_args

import click
import pytest

from outreach_lint import names
from outreach_lint.cli import main
from outreach_lint.formatters import get_formatter
from outreach_lint.profiles import PROFILES as PROFILE_TABLE
from outreach_lint.sources import FORMATS


def _choices(command: str, option: str) -> tuple[str, ...]:
    cmd = main.commands[command]
    param = next(p for p in cmd.params if p.name == option)
    assert isinstance(param.type, click.Choice)
    return tuple(param.type.choices)


def test_the_implementations_cover_exactly_the_names() -> None:
    assert tuple(PROFILE_TABLE) == names.PROFILES
    assert FORMATS == names.INPUT_FORMATS
    for name in names.OUTPUT_FORMATS:
        assert callable(get_formatter(name))


@pytest.mark.parametrize(
    "option,expected",
    [("profile", names.PROFILE_CHOICES), ("mode", names.MODES), ("fail_on", names.FAIL_ON),
     ("output_format", names.OUTPUT_FORMATS), ("input_format", names.INPUT_FORMATS)],
)
def test_the_command_line_offers_the_names(option: str, expected: tuple[str, ...]) -> None:
    assert _choices("check", option) == expected


def test_the_service_schema_offers_the_names() -> None:
    from outreach_lint.server.models import LintRequest

    for field, expected in (("profile", names.PROFILE_CHOICES), ("mode", names.MODES)):
        annotation = LintRequest.model_fields[field].annotation
        literal = next(a for a in get_args(annotation) if a is not type(None))
        assert get_args(literal) == expected


def test_config_validation_offers_the_names(tmp_path) -> None:
    from outreach_lint.config import ConfigError, load_config

    for key, bad in (("fail-on", "loud"), ("mode", "draft"), ("profile", "newsletter")):
        path = tmp_path / f"{key}.toml"
        path.write_text(f'{key} = "{bad}"\n', encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            load_config(path)
        offered = {"fail-on": names.FAIL_ON, "mode": names.MODES, "profile": names.PROFILE_CHOICES}[key]
        assert all(n in str(err.value) for n in offered), str(err.value)
