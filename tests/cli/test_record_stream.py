"""Record files (.jsonl, .mbox) are read as a stream, limited per record, and spread over --jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach_lint import Linter
from outreach_lint.cli import main

BODIES = [
    "Hi {name},\n\nI read your note about the {n} new hires in Leeds. We are the industry-leading vendor, and our "
    "world-class checklist helps teams like yours. Would a short call on Tuesday help? 🎉 Ünïcode stays put.",
    "Hi {name},\n\nQuick question about the warehouse move: how are you counting stock across sites today? "
    "Happy to share what worked for a team of {n}.",
]


def records(n: int) -> str:
    lines = []
    for i in range(n):
        rec = {"id": f"r{i}", "subject": f"Idea {i} for your team", "body": BODIES[i % 2].format(name=f"Sam{i}", n=i)}
        if i % 3 != 1:
            rec["body"] += "\n\n" + "Padding line that keeps the record long enough. " * 8
        lines.append(json.dumps(rec, ensure_ascii=i % 3 == 0))
        if i % 11 == 5:
            lines.append("")  # blank lines count in line numbers
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("records") / "export.jsonl"
    text = records(5000)
    path.write_text(text, encoding="utf-8")
    assert len(text.encode()) > 2_000_000  # over the default max-file-size
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def check_positions(doc: dict, source: str) -> None:
    lines = source.split("\n")
    for r in doc["results"]:
        for d in r["diagnostics"]:
            s, e = d["start"], d["end"]
            assert source[s["offset"] : e["offset"]] == d["excerpt"]
            line_start = sum(len(x) + 1 for x in lines[: s["line"] - 1])
            assert line_start + s["column"] - 1 == s["offset"]


def test_a_5000_record_file_over_the_file_limit_is_linted_over_jobs_with_progress(big: Path, monkeypatch) -> None:
    import outreach_lint.cli as cli

    monkeypatch.setattr(cli, "_stderr_is_tty", lambda: True)  # as on a terminal: the bar is drawn on stderr
    result = run("check", "--format", "json", "--jobs", "2", str(big))
    doc = json.loads(result.stdout)  # stdout is the JSON document and nothing else
    assert doc["errors"] == []
    assert doc["summary"]["messages"] == 5000 and len({r["message_id"] for r in doc["results"]}) == 5000
    assert "Linting" in result.stderr
    check_positions(doc, big.read_text(encoding="utf-8"))


def test_jobs_give_the_same_output(tmp_path: Path) -> None:
    path = tmp_path / "some.jsonl"
    path.write_text(records(400), encoding="utf-8")
    one = run("check", "--format", "json", str(path)).stdout
    two = run("check", "--format", "json", "--jobs", "2", str(path)).stdout
    assert one == two


def test_streamed_output_equals_the_whole_file_reader(tmp_path: Path) -> None:
    # Under the file limit the API reads the file whole: the stream must give the same reports.
    path = tmp_path / "small.jsonl"
    path.write_text(records(300) + '{"id": "bad"\n[1]\n{"subject": "x"}\n', encoding="utf-8")
    doc = json.loads(run("check", "--format", "json", str(path)).stdout)
    reports, errors = Linter().lint_file(path, str(path))
    assert doc["results"] == [r.to_dict() for r in reports]
    assert doc["errors"] == [e.to_dict() for e in errors]


def test_text_output_shows_the_right_source_line(tmp_path: Path) -> None:
    path = tmp_path / "few.jsonl"
    path.write_text(records(200), encoding="utf-8")
    out = run("check", "--no-color", str(path)).stdout
    source_lines = path.read_text(encoding="utf-8").split("\n")
    shown = [line for line in out.splitlines() if " | " in line and line.strip()[0].isdigit()]
    assert shown
    for line in shown:
        number, _, text = line.partition(" | ")
        # The text format trims a long line around the finding, with an ellipsis at a cut end.
        assert text.strip("…") in source_lines[int(number) - 1].replace("\t", " ")


def test_each_record_is_limited_instead_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    huge = json.dumps({"id": "huge", "body": "Hi Sam, " + "word " * 300})
    path.write_text(records(3) + huge + "\n" + records(2), encoding="utf-8")
    (tmp_path / "outreach-lint.toml").write_text("max-file-size = 1000\n")
    doc = json.loads(run("check", "--format", "json", "--config", str(tmp_path / "outreach-lint.toml"), str(path)).stdout)
    assert [e["code"] for e in doc["errors"]] == ["E004"] and doc["errors"][0]["message"].startswith("line 4: ")
    assert doc["summary"]["messages"] == 5
    check_positions(doc, path.read_text(encoding="utf-8"))


def test_an_mbox_is_streamed_with_positions_in_the_whole_file(tmp_path: Path) -> None:
    parts = []
    for i in range(150):
        parts.append(
            f"From ana{i}@acme.io Mon Jan  1 00:00:00 2024\nFrom: ana@acme.io\nSubject: Our world-class kit {i}\n"
            f"Message-ID: <m{i}@acme.io>\n\nHi Sam,\n\nWe leverage AI for teams of {i}. Worth a chat?\n\n"
        )
    path = tmp_path / "box.mbox"
    path.write_text("".join(parts), encoding="utf-8")
    doc = json.loads(run("check", "--format", "json", str(path)).stdout)
    assert doc["errors"] == [] and doc["summary"]["messages"] == 150
    assert doc["results"][-1]["message_id"] == "<m149@acme.io>"
    check_positions(doc, path.read_text(encoding="utf-8"))
    reports, _ = Linter().lint_file(path, str(path))
    assert doc["results"] == [r.to_dict() for r in reports]


def test_no_progress_bar_off_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "some.jsonl"
    path.write_text(records(40) * 60, encoding="utf-8")  # over the size that shows a bar on a terminal
    assert "Linting" not in run("check", "--format", "json", "--select", "MF001", str(path)).stderr


def test_streamed_positions_count_utf16_units_of_the_whole_file(tmp_path: Path) -> None:
    """Records after the first batch keep their UTF-16 offsets and LSP lines in the whole file, past emoji."""
    import json as _json
    import subprocess
    import sys

    from outreach_lint import Linter

    path = tmp_path / "emoji.jsonl"
    rows = [
        _json.dumps({"id": f"r{i}", "subject": "Hi 🎉", "body": f"Hi Sam 👋🏽,\n\nWe are the industry-leading 🚀 provider {i}."},
                    ensure_ascii=False)
        for i in range(200)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "outreach_lint.cli", "check", "--format", "json", str(path)],
                         capture_output=True, text=True, timeout=600)
    streamed = [d for r in _json.loads(run.stdout)["results"] for d in r["diagnostics"]]
    whole = [d.to_dict() for r in Linter().lint_file(path)[0] for d in r.diagnostics]
    assert [(d["code"], d["start"], d["end"]) for d in streamed] == [(d["code"], d["start"], d["end"]) for d in whole]
    source = path.read_text(encoding="utf-8")
    for d in streamed:
        assert d["start"]["offset_utf16"] == len(source[: d["start"]["offset"]].encode("utf-16-le")) // 2
