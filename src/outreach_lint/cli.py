"""The command line: wiring and exit codes only.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on; 2 usage, config or
rule-pack error; 3 internal or I/O error (a bad input file; the other files are still linted).
"""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from . import names
from ._version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"outreach-lint: error: {message}", err=True)
    sys.exit(code)


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(part.strip() for v in values for part in v.split(",") if part.strip())


def _load_config(config_path: str | None, paths: tuple[str, ...], **overrides: Any):
    from .config import ConfigError, find_config, load_config

    try:
        if config_path:
            cfg = load_config(Path(config_path))
        else:
            start = next((Path(p) for p in paths if p != "-"), Path.cwd())
            cfg = load_config(find_config(start))
        return cfg.with_overrides(**overrides)
    except ConfigError as exc:
        _fail(str(exc))


def _linter(cfg):
    from .config import ConfigError
    from .engine import load_linter
    from .nlp import ModelError
    from .plugins import PluginError
    from .registry import RegistryError

    try:
        linter = load_linter(cfg)
        linter.runtime  # load the pipeline now so a missing model is a clean usage error
        return linter
    except (ConfigError, ModelError, PluginError, RegistryError) as exc:
        _fail(str(exc))


def _unloaded_linter(cfg):
    """A Linter whose pipeline is not loaded: enough to list and document rules."""
    from .config import ConfigError
    from .engine import load_linter
    from .plugins import PluginError
    from .registry import RegistryError

    try:
        return load_linter(cfg)
    except (ConfigError, PluginError, RegistryError) as exc:
        _fail(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="outreach-lint")
def main() -> None:
    """Lint sales outreach (emails, LinkedIn messages, call scripts) for customer focus."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--format", "output_format", type=click.Choice(names.OUTPUT_FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--select", multiple=True, help="Rules to run (codes, prefixes, names, ALL); replaces the config's select.")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to skip; replaces the config's ignore.")
@click.option("--extend-ignore", multiple=True, help="Rules to skip in addition to the config's ignore.")
@click.option("--fail-on", type=click.Choice(names.FAIL_ON), default=None, help="Exit 1 on findings at or above this severity [default: warning].")
@click.option("--config", "config_path", type=str, default=None, help="Config file (TOML); skips discovery.")
@click.option("--mode", type=click.Choice(names.MODES), default=None, help="Accept merge fields (template) or report them (rendered).")
@click.option("--profile", type=click.Choice(names.PROFILE_CHOICES), default=None, help="Message profile; auto reads it from each message [default: auto].")
@click.option("--stdin-filename", type=str, default=None, help="Name for input read from '-' (picks the format).")
@click.option("--input-format", type=click.Choice(names.INPUT_FORMATS), default=None, help="Force the input format instead of detecting it from the name.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no source lines, no summary.")
@click.option("--statistics", is_flag=True, help="Print a count of findings per rule.")
@click.option("--color/--no-color", default=None, help="Colour the text output [default: on a terminal, unless NO_COLOR is set].")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes for many files.")
@click.option("--fix", is_flag=True, help="Apply safe fixes (plain-word substitutions, removing empty pleasantries) in place, then report what is left.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the safe fixes as a unified diff without writing; exit 1 if any file would change.")
def check(paths: tuple[str, ...], output_format: str, select, extend_select, ignore, extend_ignore, fail_on, config_path,
          mode, profile, stdin_filename, input_format, quiet, statistics, color, jobs, fix, show_diff) -> None:
    """Lint PATHS (files, directories, or - for stdin)."""
    try:
        _check(paths, output_format, select, extend_select, ignore, extend_ignore, fail_on, config_path, mode, profile,
               stdin_filename, input_format, quiet, statistics, color, jobs, fix, show_diff)
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:  # never a traceback for the user; set OUTREACH_LINT_DEBUG=1 to see one
        if os.environ.get("OUTREACH_LINT_DEBUG"):
            raise
        _fail(f"internal error ({type(exc).__name__}: {exc}); please report it with the input that caused it", EXIT_INTERNAL)


def _check(paths, output_format, select, extend_select, ignore, extend_ignore, fail_on, config_path, mode, profile,
           stdin_filename, input_format, quiet, statistics, color, jobs, fix=False, show_diff=False) -> None:
    from .formatters import OutputOptions, get_writer
    from .formatters.common import Tally

    if not paths:
        _fail("no paths given: pass files, directories, or - to read stdin (see outreach-lint check --help)")
    cfg = _load_config(
        config_path, paths, select=_split(select), extend_select=_split(extend_select), ignore=_split(ignore),
        extend_ignore=_split(extend_ignore), fail_on=fail_on, mode=mode, profile=profile,
        profile_given_by="--profile" if profile else None,
    )
    linter = _linter(cfg)
    if fix and show_diff:
        _fail("--fix and --diff cannot be combined: --diff shows what --fix would write")
    # --fix on stdin prints the fixed text on stdout, so the report of what is left goes to stderr; the
    # exit code is the one the same content would get in a file: findings left still fail the run.
    fixed_stdin: bytes | None = None
    if show_diff or (fix and paths == ("-",)):
        fixed_stdin = _fix_only(linter, cfg, paths, stdin_filename, input_format, write=False, as_diff=show_diff)
    elif fix:
        _fix_only(linter, cfg, paths, stdin_filename, input_format, write=True, as_diff=False)
    # Each file's results are written as soon as it is linted (json and sarif keep them serialized for
    # their one document), so a run's memory does not grow with its files; the tally keeps what the
    # closing lines and the exit code need.
    tally = Tally()
    to_stderr = fixed_stdin is not None
    stream = sys.stderr if to_stderr else sys.stdout
    use_color = color if color is not None else (stream.isatty() and "NO_COLOR" not in os.environ)
    opts = OutputOptions(color=use_color, quiet=quiet, statistics=statistics)
    for s in linter.skipped:  # before the first result, as they were before the whole report
        click.echo(f"outreach-lint: warning: OL003 rule {s.code} skipped: {s.reason}", err=True)
    writer = get_writer(output_format, linter.registry, opts)

    def emit(lines: list[str]) -> None:
        if lines:
            click.echo("\n".join(lines), color=use_color, err=to_stderr)

    if "-" in paths:
        data = sys.stdin.buffer.read() if fixed_stdin is None else fixed_stdin
        name = stdin_filename or "<stdin>"
        r, e = linter.lint_bytes(data, name, input_format)
        tally.files += 1
        tally.add(r, e)
        emit(writer.write(r))
    file_args = [p for p in paths if p != "-"]
    if file_args:
        # Bars go to stderr, so they never mix with a JSON report; the run's bar only beside text output.
        bars = _Bars(run_bar=output_format in ("text", "concise")) if _stderr_is_tty() else None
        shares_terminal = bars is not None and stream.isatty()
        try:
            run = linter.iter_paths(file_args, jobs=jobs, input_format=input_format, progress=bars)
            tally.files += run.files
            tally.add((), run.errors)
            for r, e in run.results:
                tally.add(r, e)
                lines = writer.write(r)
                if lines and shares_terminal:
                    bars.clear()
                emit(lines)
        finally:
            if bars is not None:
                bars.close()
    emit(writer.finish(tally))
    sys.exit(_exit_code(tally, cfg.fail_on))


def _fix_only(linter, cfg, paths, stdin_filename, input_format, *, write: bool, as_diff: bool) -> bytes | None:
    """--diff (print, exit 1 on changes), --fix on stdin (print the fixed text), or --fix on files (write).

    --diff exits here. The other two return so the report of what is left follows: --fix on stdin
    returns the bytes it printed, to be linted as they are; writing files returns None.
    """
    from .fixer import FIXABLE_FORMATS, FixRefused, FixResult, fix_bytes, fix_file, write_fixed, write_target
    from .sources import SourceError, detect_format
    from .walk import collect_trees

    results: list[FixResult] = []
    if write and "-" in paths:  # the fixed stdin would have nowhere to go but the report's stdout
        _fail("--fix on - prints the fixed text, so it takes no other paths: fix the files in a separate run")
    if "-" in paths:
        name = stdin_filename or "<stdin>"
        fmt = input_format or detect_format(name)
        if fmt not in FIXABLE_FORMATS:
            _fail(f"{name}: {fmt} input is not fixed automatically")
        data = sys.stdin.buffer.read()
        result = fix_bytes(linter, data, name, fmt)
        if result.skipped and not result.original:
            _fail(f"{name}: {result.skipped}", EXIT_INTERNAL)
        if result.skipped and not as_diff:  # hand the input back untouched rather than lose a byte
            click.echo(f"outreach-lint: {name}: not fixed: {result.skipped}", err=True)
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return data
        results.append(result)
    file_args = [Path(p) for p in paths if p != "-"]
    found, _ = collect_trees(file_args, cfg) if file_args else ([], [])
    written: list[FixResult] = []
    for path, tree in found:
        # Symlinks are followed for writing only within the directory argument the file was found in,
        # or, for a file named directly, within the current directory (where a hook or a user runs).
        tree = tree or Path.cwd()
        try:
            result = fix_file(linter, path, str(path), input_format)
        except SourceError as exc:
            click.echo(f"outreach-lint: {path}: not fixed: {exc.message}", err=True)
            continue
        except OSError as exc:
            click.echo(f"outreach-lint: {path}: not fixed: cannot read file ({exc.strerror or exc})", err=True)
            continue
        if result.skipped and write and result.original:
            click.echo(f"outreach-lint: {path}: not fixed: {result.skipped}", err=True)
        try:
            if result.changed and write:
                write_fixed(path, result, tree)
                written.append(result)
            elif result.changed:
                # --diff leaves out what --fix refuses for the tree's sake (a symlink out of it), but
                # not a read-only file: a read-only checkout in CI must still fail when fixes are due.
                write_target(path, tree)
        except FixRefused as exc:
            click.echo(f"outreach-lint: {path}: not fixed: {exc}", err=True)
            continue
        except OSError as exc:
            click.echo(f"outreach-lint: {path}: not fixed: cannot write ({exc.strerror or exc})", err=True)
            continue
        results.append(result)
    if write:  # files (perhaps none found: the report that follows says so)
        if found:
            click.echo(f"Fixed {sum(r.applied for r in written)} problem(s) in {len(written)} file(s).", err=True)
        return None
    if as_diff:
        diffs = [r.diff() for r in results if r.changed]
        if diffs:
            click.echo("".join(diffs), nl=False)
        click.echo(f"{sum(r.applied for r in results)} fix(es) would change {len(diffs)} file(s).", err=True)
        sys.exit(EXIT_FINDINGS if diffs else EXIT_OK)
    click.echo(results[0].fixed, nl=False)  # --fix on stdin: the fixed text, as formatters do
    sys.stdout.flush()
    return results[0].encoded()


def _stderr_is_tty() -> bool:
    return sys.stderr.isatty()


class _Bars:
    """Progress on a terminal's stderr: a bar over the files of a long run, and one per large record file."""

    def __init__(self, run_bar: bool) -> None:
        self._run_bar = run_bar
        self._files: Any = None
        self._stream: Any = None
        self._done = 0

    def start(self, files: int) -> None:
        if self._run_bar and files >= 20:  # a short run is over before a bar would say anything
            self._files = click.progressbar(length=files, label="Linting", file=sys.stderr)
            self._files.__enter__()

    def file_done(self) -> None:
        if self._files is not None:
            self._files.update(1)

    def bytes_read(self, name: str, done: int, total: int) -> None:
        if self._files is not None:
            return  # one bar at a time: the run's
        if self._stream is None:
            self._stream = click.progressbar(length=total, label=f"Linting {name}", file=sys.stderr)
            self._stream.__enter__()
            self._done = 0
        self._stream.update(done - self._done)
        self._done = done

    def stream_done(self) -> None:
        if self._stream is not None:
            self._stream.__exit__(None, None, None)
            self._stream = None

    def clear(self) -> None:
        """Wipe the bar's line so that output written to the same terminal starts on a clean line;
        the bar is drawn again below it at its next step."""
        if self._files is not None or self._stream is not None:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()

    def close(self) -> None:
        self.stream_done()
        if self._files is not None:
            self._files.__exit__(None, None, None)


def _exit_code(result, fail_on: str) -> int:
    """From anything with ``errors`` and ``worst()``: a RunResult, or a streamed run's Tally."""
    from .diagnostics import Severity

    if result.errors:
        return EXIT_INTERNAL
    worst = result.worst()
    if fail_on == "never" or worst is None:
        return EXIT_OK
    return EXIT_FINDINGS if worst >= Severity.parse(fail_on) else EXIT_OK


@main.command()
@click.argument("labelled", type=str)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--config", "config_path", type=str, default=None, help="Config file (TOML); skips discovery.")
@click.option("--select", multiple=True, help="Rules to run (codes, prefixes, names, ALL).")
@click.option("--ignore", multiple=True, help="Rules to skip.")
@click.option("--show-ids", is_flag=True, help="List the ids of false positives and false negatives under each rule.")
@click.option("--by", "by", type=str, default=None, metavar="FIELD",
              help="Also show the figures for each value of this record field (e.g. profile); records without it are \"(none)\".")
@click.option("--min-auc", type=click.FloatRange(0, 1), default=None, help="Exit 1 if the score's ROC AUC is below this.")
@click.option("--min-precision", type=click.FloatRange(0, 1), default=None, help="Exit 1 if any rule that fired is below this precision.")
def evaluate(labelled: str, output_format: str, config_path: str | None, select, ignore, show_ids: bool,
             by: str | None, min_auc: float | None, min_precision: float | None) -> None:
    """Measure the rules on LABELLED messages (JSON Lines with labels): AUC, precision, recall, pairs."""
    from .evaluate import EvaluationError, read_labelled, render_text
    from .evaluate import evaluate as run_evaluation

    try:
        records = read_labelled(Path(labelled))
    except EvaluationError as exc:
        _fail(str(exc))
    cfg = _load_config(config_path, (labelled,), select=_split(select), ignore=_split(ignore))
    linter = _linter(cfg)
    result = run_evaluation(linter, records, by=by)
    if output_format == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        click.echo(render_text(result, show_ids=show_ids))
    failed = []
    if min_auc is not None and (result.auc is None or result.auc < min_auc):
        failed.append(f"ROC AUC {result.auc if result.auc is not None else 'n/a'} is below {min_auc}")
    if min_precision is not None:
        low = [f"{r.code} {r.precision:.2f}" for r in result.rules if r.precision is not None and r.precision < min_precision]
        if low:
            failed.append(f"precision below {min_precision}: {', '.join(low)}")
    if failed:
        click.echo("outreach-lint: " + "; ".join(failed), err=True)
        sys.exit(EXIT_FINDINGS)


def _check_origins(_: click.Context, __: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    for origin in value:
        scheme, sep, rest = origin.partition("://")
        if origin != "*" and (not sep or scheme not in ("http", "https") or not rest or "/" in rest):
            raise click.BadParameter(f"{origin!r} is not an origin: give scheme and host, as https://app.example.com[:port], or '*'")
    return value


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind. Only loopback unless you say otherwise.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes, each with its own warm pipeline.")
@click.option("--config", "config_path", type=str, default=None, help="Config file (TOML); default: discovered from the current directory.")
@click.option("--max-body-bytes", type=click.IntRange(min=1), default=1_000_000, show_default=True, help="Larger request bodies get 413.")
@click.option("--max-batch", type=click.IntRange(min=1), default=100, show_default=True, help="Most messages in one /v1/lint/batch call.")
@click.option("--timeout", "timeout_seconds", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="Seconds a request may lint before it gets 503 (its lint process is replaced).")
@click.option("--lint-processes", type=click.IntRange(min=1), default=2, show_default=True, help="Lint processes per worker, each with its own warm pipeline.")
@click.option("--large-lint-processes", type=click.IntRange(min=0), default=1, show_default=True, help="Lint processes per worker kept for messages over --large-body-chars, so large bodies never hold up ordinary ones (0: one lane).")
@click.option("--large-body-chars", type=click.IntRange(min=1), default=20_000, show_default=True, help="Characters of subject and body above which a request goes to the large-message processes.")
@click.option("--queue", "queue", type=click.IntRange(min=0), default=16, show_default=True, help="Requests per worker that may wait for a free lint process; more get 503 with Retry-After.")
@click.option("--queue-timeout", "queue_timeout_seconds", type=click.FloatRange(min=0.1), default=30.0, show_default=True, help="Seconds a request may wait in the queue before it gets 503 with Retry-After.")
@click.option("--max-requests-per-process", type=click.IntRange(min=0), default=2000, show_default=True, help="Messages a lint process lints before it is replaced (0: never).")
@click.option("--max-process-memory", "max_process_memory_mb", type=click.IntRange(min=0), default=0, show_default=True, help="MB of resident memory after which a lint process is replaced (0: no limit).")
@click.option("--read-timeout", "read_timeout_seconds", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="Seconds a client may take to send a request's headers, and again its body (then 408).")
@click.option("--max-connections", type=click.IntRange(min=1), default=100, show_default=True, help="Open connections per worker; a request on one more gets 503.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME", help="Another Host name to answer to (repeatable; '*' for any). localhost, 127.0.0.1 and [::1] always are.")
@click.option("--allow-origin", "allow_origins", multiple=True, metavar="ORIGIN", callback=_check_origins, help="Let pages on this origin (https://app.example.com) call the service: CORS (repeatable; off by default).")
def serve(host: str, port: int, workers: int, config_path: str | None, max_body_bytes: int, max_batch: int,
          timeout_seconds: float, lint_processes: int, large_lint_processes: int, large_body_chars: int, queue: int, queue_timeout_seconds: float, max_requests_per_process: int,
          max_process_memory_mb: int, read_timeout_seconds: float, max_connections: int,
          allowed_hosts: tuple[str, ...], allow_origins: tuple[str, ...]) -> None:
    """Run the HTTP service for pre-send checks, with the playground page at /."""
    try:
        import uvicorn

        from .server.app import ENV_SETTINGS, ServiceSettings
        from .server.protocol import GuardedH11Protocol
    except ImportError as exc:
        _fail(f"the service needs the 'serve' extra ({exc.name} is missing): install it with pip install '.[serve]' from a checkout")
    if config_path:
        _load_config(config_path, ())  # a broken config is a one-line usage error before any worker starts
    if host not in ("0.0.0.0", "::", ""):  # the address it binds is a name it answers to
        allowed_hosts = (*allowed_hosts, host)
    settings = ServiceSettings(
        config_path=str(Path(config_path).resolve()) if config_path else None,
        max_body_bytes=max_body_bytes, max_batch=max_batch, timeout_seconds=timeout_seconds,
        lint_processes=lint_processes, large_lint_processes=large_lint_processes, large_body_chars=large_body_chars,
        queue=queue, queue_timeout_seconds=queue_timeout_seconds, max_requests_per_process=max_requests_per_process,
        max_process_memory_mb=max_process_memory_mb, read_timeout_seconds=read_timeout_seconds,
        max_connections=max_connections, allowed_hosts=allowed_hosts, allow_origins=allow_origins,
    )
    os.environ[ENV_SETTINGS] = settings.to_env()
    click.echo(f"outreach-lint: serving on http://{host}:{port} with {workers} worker(s) of {lint_processes} lint "
               f"process(es) and {large_lint_processes} for large messages; Ctrl+C or SIGTERM stops", err=True)
    uvicorn.run(
        "outreach_lint.server.app:factory", factory=True, host=host, port=port, workers=workers,
        access_log=False, log_level="warning", timeout_graceful_shutdown=15, server_header=False,
        http=GuardedH11Protocol,
    )


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--config", "config_path", type=str, default=None, help="Config file (its packs are listed too).")
def rules_command(output_format: str, config_path: str | None) -> None:
    """List every rule: code, name, severity, and whether it is enabled."""
    cfg = _load_config(config_path, ())
    linter = _unloaded_linter(cfg)
    enabled = linter.enabled_codes
    rows = list(linter.registry)
    if output_format == "json":
        from .docs import rule_summary

        click.echo(json.dumps([rule_summary(r, r.meta.code in enabled) for r in rows], indent=2, ensure_ascii=False))
        return
    width = max(len(r.meta.name) for r in rows)
    click.echo(f"{'CODE':<7} {'NAME':<{width}}  {'SEVERITY':<8} {'ON':<3} SUMMARY")
    for r in rows:
        m = r.meta
        click.echo(f"{m.code:<7} {m.name:<{width}}  {m.severity.label:<8} {'yes' if m.code in enabled else 'no':<3} {m.summary}")


@main.command("rule")
@click.argument("code")
@click.option("--config", "config_path", type=str, default=None)
def rule_command(code: str, config_path: str | None) -> None:
    """Show a rule's full documentation, options and examples."""
    from .docs import rule_markdown

    cfg = _load_config(config_path, ())
    registry = _unloaded_linter(cfg).registry
    found = registry.get(code)
    if found is None:
        _fail(f"unknown rule {code!r}{registry.suggest(code)}: run `outreach-lint rules` to list them")
    click.echo(rule_markdown(found))


@main.command("new-rule")
@click.argument("code")
@click.option("--name", required=True, help="The rule's kebab-case name (long-words).")
@click.option("--kind", type=click.Choice(["python", "pack"]), default="python", show_default=True,
              help="A Python rule (logic in code) or a one-rule YAML pack (phrases and patterns).")
@click.option("--dir", "directory", type=click.Path(file_okay=False), default=None,
              help="Where to write it; default: the family directory of the code's prefix among the built-in rules.")
def new_rule(code: str, name: str, kind: str, directory: str | None) -> None:
    """Write the file a new rule starts from: CODE.py or CODE.yaml in its family's directory."""
    from .rules import PACKAGE_DIR
    from .scaffold import ScaffoldError, family_dir, scaffold

    try:
        target = Path(directory) if directory else family_dir(code, PACKAGE_DIR)
        path = scaffold(code, name, kind, target)
    except ScaffoldError as exc:
        _fail(str(exc))
    click.echo(f"Wrote {path}: fill in its TODOs (tests/rules fails until they are real examples), then run "
               "`python -m outreach_lint.docs docs/rules`")


@main.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite an existing outreach-lint.toml.")
def init(directory: str, force: bool) -> None:
    """Write a commented starter outreach-lint.toml."""
    from .config import STARTER_CONFIG

    target = Path(directory) / "outreach-lint.toml"
    if target.exists() and not force:
        _fail(f"{target} already exists: edit it, or pass --force to overwrite it")
    Path(directory).mkdir(parents=True, exist_ok=True)
    body = STARTER_CONFIG.replace("[tool.outreach-lint]\n", "").replace("[tool.outreach-lint.", "[")
    target.write_text(body, encoding="utf-8")
    click.echo(f"Wrote {target}")


@main.command()
@click.option("--config", "config_path", type=str, default=None)
def doctor(config_path: str | None) -> None:
    """Show versions, the model in use, active and skipped rules, and the config file found."""
    import spacy

    from .config import find_config

    cfg = _load_config(config_path, ())
    found = Path(config_path) if config_path else find_config(Path.cwd())
    click.echo(f"outreach-lint {__version__}")
    click.echo(f"python        {platform.python_version()} ({sys.executable})")
    click.echo(f"spacy         {spacy.__version__}")
    click.echo(f"config        {found or 'none found (defaults)'}")
    linter = _linter(cfg)
    p = linter.runtime.pipeline
    click.echo(f"model         {p.model} {p.version}")
    click.echo(f"components    {', '.join(p.nlp.pipe_names)}")
    click.echo(f"annotations   {', '.join(sorted(p.annotations))}")
    if linter.needs_readability:
        from .readability import syllables

        click.echo(f"readability   textstat with bundled CMU dictionary (offline; 'readability' = {syllables('readability')} syllables)")
    active = [r.meta.code for r in linter.runtime.active]
    click.echo(f"active rules  {len(active)}: {', '.join(active)}")
    if linter.skipped:
        for s in linter.skipped:
            click.echo(f"skipped       {s.code}: {s.reason}")
    else:
        click.echo("skipped       none")


@main.command()
@click.option("--config", "config_path", type=str, default=None, help="Config file (TOML); default: discovered from the current directory.")
def mcp(config_path: str | None) -> None:
    """Serve lint_outreach, explain_rule and list_rules to AI agents over MCP (stdio)."""
    try:
        from .mcp_server.server import run as run_mcp
    except ImportError as exc:
        _fail(f"the MCP server needs the 'mcp' extra ({exc.name} is missing): pip install 'outreach-lint[mcp]'")
    if config_path:
        _load_config(config_path, ())  # a broken config is a one-line usage error before the server starts
    run_mcp(config_path)


def run() -> NoReturn:
    """The console script: run the command, then leave without tearing the interpreter down.

    Freeing spaCy's objects one by one at exit takes about a quarter of a second, a large share of a
    one-file run (pre-commit starts a process per invocation). Output is flushed first; the exit code is
    the command's.
    """
    code: int = EXIT_OK
    try:
        main(standalone_mode=True)
    except SystemExit as exc:
        if isinstance(exc.code, int):
            code = exc.code
        elif exc.code is not None:  # sys.exit("message"): print it, as the interpreter would
            click.echo(str(exc.code), err=True)
            code = EXIT_FINDINGS
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
