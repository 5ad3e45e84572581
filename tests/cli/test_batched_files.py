"""`check DIR` lints small files together and writes each file's results as they come: the output is
the same, byte for byte, as linting each file on its own, in the walk's order, whatever the format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach_lint import Linter
from outreach_lint.cli import main
from outreach_lint.config import Config
from outreach_lint.walk import collect_files

OPENERS = ["Hi {n},", "Hello {n},", "Dear {n},", "{n} -"]
LINES = [
    "We are the industry-leading vendor of world-class analytics.",
    "Your team at Calder opened a second warehouse in Leeds last quarter.",
    "Our platform offers dashboards, alerts, forecasting and SSO.",
    "This promotion ends Friday, so act now!",
    "Would a 15-minute call on Tuesday help? 🎉 Ünïcode\tstays put.",
    "How are you counting stock across sites today?",
]


def draft(i: int) -> str:
    body = " ".join(LINES[(i + k) % len(LINES)] for k in range(1 + i % 4))
    return OPENERS[i % len(OPENERS)].format(n=f"Sam{i}") + "\n\n" + body + "\n\nBest,\nAna\n"


def write_drafts(root: Path, n: int) -> None:
    for i in range(n):
        sub = root / f"d{i % 3}"
        sub.mkdir(exist_ok=True)
        kind = i % 4
        if kind == 0:
            (sub / f"m{i:03}.txt").write_text(f"Subject: Idea {i}\n\n" + draft(i), encoding="utf-8")
        elif kind == 1:
            (sub / f"m{i:03}.md").write_text(f"**Note {i}**\n\n" + draft(i), encoding="utf-8")
        elif kind == 2:
            (sub / f"m{i:03}.html").write_text("<p>" + draft(i).replace("\n\n", "</p><p>") + "</p>", encoding="utf-8")
        else:
            (sub / f"m{i:03}.eml").write_text(f"From: a@b.com\nTo: c@d.com\nSubject: Idea {i}\n\n" + draft(i), encoding="utf-8")


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def one_by_one(root: Path) -> tuple[list[dict], list[dict]]:
    """Each file of the walk linted on its own through the API: the results `check` must give."""
    linter = Linter(Config())
    files, errors = collect_files([root], linter.config)
    results, errs = [], [e.to_dict() for e in errors]
    for path in files:
        reports, file_errors = linter.lint_file(path)
        results.extend(r.to_dict() for r in reports)
        errs.extend(e.to_dict() for e in file_errors)
    return results, errs


def jsonl(output: str) -> tuple[list[dict], list[dict]]:
    rows = [json.loads(line) for line in output.splitlines()]
    strip = lambda row: {k: v for k, v in row.items() if k not in ("version", "type")}  # noqa: E731
    return [strip(r) for r in rows if r["type"] == "result"], [strip(r) for r in rows if r["type"] == "error"]


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("many")
    write_drafts(root, 150)  # more than two batches of 64 messages
    return root


def test_many_files_give_each_file_its_own_reports_in_order(many: Path) -> None:
    results, errors = jsonl(run(str(many), "--format", "jsonl").output)
    expected_results, expected_errors = one_by_one(many)
    assert len(results) == 150
    assert [r["path"] for r in results] == [r["path"] for r in expected_results]  # the walk's order
    assert results == expected_results  # findings, offsets, scores, metrics: all as alone
    assert errors == expected_errors == []


def test_the_json_document_is_what_one_dump_of_it_writes(many: Path) -> None:
    out = run(str(many), "--format", "json").output
    doc = json.loads(out)
    assert out == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert doc["results"] == one_by_one(many)[0]
    assert doc["summary"]["files"] == 150 and doc["summary"]["messages"] == 150
    sarif = run(str(many), "--format", "sarif").output
    assert sarif == json.dumps(json.loads(sarif), ensure_ascii=False, indent=2) + "\n"
    locations = [r["locations"][0]["physicalLocation"] for r in json.loads(sarif)["runs"][0]["results"]]
    expected = [(Path(r["path"]).as_uri(), d["start"]["offset"]) for r in doc["results"] for d in r["diagnostics"]]
    assert [(loc["artifactLocation"]["uri"], loc["region"]["charOffset"]) for loc in locations] == expected


def test_a_bad_file_among_good_ones_gets_one_line_and_the_others_are_linted(tmp_path: Path) -> None:
    write_drafts(tmp_path, 70)
    (tmp_path / "d1" / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "d0" / "latin1.txt").write_bytes("Hi Ren\xe9e,\n\nWe are the industry-leading vendor.\n".encode("latin-1"))
    (tmp_path / "d2" / "empty.txt").write_text("  \n")
    missing = tmp_path / "gone.txt"
    result = run(str(tmp_path), str(missing), "--format", "concise")
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert lines.count(f"{missing}: E008 no such file or directory: check the path") == 1
    for name, code in (("d1/logo.txt", "E002"), ("d0/latin1.txt", "E010"), ("d2/empty.txt", "E003")):
        hits = [line for line in lines if line.startswith(f"{tmp_path / name}: {code} ")]
        assert len(hits) == 1, name
    assert any(line.startswith(f"{tmp_path / 'd0' / 'latin1.txt'}:3:") and "PC002" in line for line in lines)
    assert lines[-1].endswith("in 73 files (71 messages); 4 input errors.")
    results, errors = jsonl(run(str(tmp_path), str(missing), "--format", "jsonl").output)
    expected_results, expected_errors = one_by_one(tmp_path)
    assert results == expected_results
    assert errors == [{"path": str(missing), "code": "E008", "message": "no such file or directory: check the path"}, *expected_errors]


def test_record_files_among_text_files_keep_their_paths_and_ids(tmp_path: Path) -> None:
    write_drafts(tmp_path, 40)
    records = [json.dumps({"id": f"r{i}", "subject": f"Idea {i}", "body": draft(i)}) for i in range(20)]
    (tmp_path / "d1" / "export.jsonl").write_text("\n".join(records[:8]) + "\n\n" + "\n".join(records[8:]) + "\n", encoding="utf-8")
    mbox = "".join(f"From x@y Mon Jan  1 00:00:00 2024\nFrom: x@y.com\nSubject: Idea {i}\n\n{draft(i)}\n" for i in range(5))
    (tmp_path / "d0" / "box.mbox").write_text(mbox, encoding="utf-8")
    results, errors = jsonl(run(str(tmp_path), "--format", "jsonl").output)
    assert results == one_by_one(tmp_path)[0] and errors == []
    ids = [r["message_id"] for r in results if r["path"] == str(tmp_path / "d1" / "export.jsonl")]
    assert ids == [f"r{i}" for i in range(20)]
    assert sum(r["path"] == str(tmp_path / "d0" / "box.mbox") for r in results) == 5
    text = run(str(tmp_path), "--format", "text").output
    assert f"{tmp_path / 'd1' / 'export.jsonl'} [r3]  (score" in text  # a record's label names its id


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_jobs_2_writes_the_same_bytes(many: Path, fmt: str) -> None:
    one = run(str(many), "--format", fmt, "--statistics")
    two = run(str(many), "--format", fmt, "--statistics", "--jobs", "2")
    assert (two.exit_code, two.output) == (one.exit_code, one.output)
    assert one.output.strip()
