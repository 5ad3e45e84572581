"""Input fidelity: what a reader takes from a file is what the author wrote, in the form they wrote it.

Template comments ahead of a Subject line, mbox-style .eml files, Handlebars and Liquid in HTML, raw
HTML blocks in Markdown, and the per-file-format setting.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter
from outreach_lint.config import Config, ConfigError, from_mapping
from outreach_lint.sources import FORMATS

from ..conftest import codes

BODY = "Hi Sam,\n\nI read your note about the spring hiring plan. Would a short call on Tuesday help?\n"


def lint(linter: Linter, text: str, name: str):
    reports, errors = linter.lint_bytes(text.encode(), name)
    return reports, errors


def subject_findings(report) -> list[str]:
    return [d.excerpt for d in report.diagnostics if d.region == "subject"]


# -- 1. a template comment on the first line ---------------------------------------------------------

COMMENTS = [
    ("step.j2", "{# step 2 #}"),
    ("step.jinja", "{#- step 2, day 4 -#}"),
    ("step.njk.j2", "{# step 2: follow-up, {{ day }} #}"),
    ("step.liquid", "{% comment %}step 2: sent on day 4{% endcomment %}"),
    ("step.liquid", "{%- comment -%}\nstep 2\nowner: sam\n{%- endcomment -%}"),
    ("step.hbs", "{{!-- step 2 --}}"),
    ("step.handlebars", "{{! step 2 }}"),
    ("step.txt", "{# step 2 #}"),
    ("step.md", "{{!-- step 2 --}}"),
]


@pytest.mark.parametrize(("name", "comment"), COMMENTS)
def test_a_template_comment_before_the_subject_keeps_the_subject(linter: Linter, name: str, comment: str) -> None:
    text = f"{comment}\nSubject: Our world-class onboarding kit\n\n{BODY}"
    [r], errors = lint(linter, text, name)
    assert not errors
    assert subject_findings(r) == ["world-class"]
    d = next(d for d in r.diagnostics if d.region == "subject")
    assert text[d.start.offset : d.end.offset] == "world-class" and d.start.line == comment.count("\n") + 2
    # The comment is template syntax, never prose: nothing is reported inside it.
    assert all(d.start.offset >= len(comment) for d in r.diagnostics)


def test_several_comments_and_blank_lines_before_the_subject(linter: Linter) -> None:
    text = "{# step 2 #}\n\n{# owner: sam #}\n  \nSubject: Our world-class onboarding kit\n\n" + BODY
    [r], _ = lint(linter, text, "seq.j2")
    assert subject_findings(r) == ["world-class"]


def test_a_directive_in_the_leading_comment_still_applies(linter: Linter) -> None:
    text = "{# outreach-lint: disable-file=PC002 #}\nSubject: Our world-class onboarding kit\n\n" + BODY
    [r], _ = lint(linter, text, "step.j2")
    assert "PC002" not in codes(r) and "OL001" not in codes(r)


def test_a_comment_not_followed_by_a_subject_is_left_where_it_is(linter: Linter) -> None:
    text = "{# step 2 #}\n" + BODY.replace("spring", "world-class spring")
    [r], _ = lint(linter, text, "step.j2")
    assert subject_findings(r) == []
    assert [d.excerpt for d in r.diagnostics if d.code == "PC002"] == ["world-class"]


# -- 2. an .eml that starts with an mbox "From " line --------------------------------------------------

EML = (
    "From: Ana <ana@acme.io>\nTo: sam@northwind.io\nSubject: Our world-class onboarding kit\n"
    "Message-ID: <step2@acme.io>\n\n" + BODY
)


@pytest.mark.parametrize(
    "separator", ["From someone@example.com Mon Jan  1 00:00:00 2024\n", "From MAILER-DAEMON Fri Jul  8 12:08:34 2011\r\n"]
)
def test_an_eml_with_an_mbox_separator_is_linted_as_email(linter: Linter, separator: str) -> None:
    text = separator + (EML.replace("\n", "\r\n") if separator.endswith("\r\n") else EML)
    [r], errors = lint(linter, text, "saved.eml")
    assert errors == []
    assert r.message_id == "<step2@acme.io>"
    d = next(d for d in r.diagnostics if d.region == "subject")
    assert d.excerpt == "world-class" and d.start.line == 4
    assert text[d.start.offset : d.end.offset] == "world-class"


def test_an_eml_of_prose_is_still_refused(linter: Linter) -> None:
    _, [e] = lint(linter, "From the desk of Ana: a note.\n\n" + BODY, "note.eml")
    assert e.code == "E005"


# -- 3. Handlebars and Liquid in HTML ------------------------------------------------------------------

HANDLEBARS_HTML = """\
<!DOCTYPE html>
<html>
<head><style>.button { background: #0b5; color: #fff; } td { padding: 8px; }</style></head>
<body>
{{> email_header logo=brand.logo}}
<table class="wrapper" width="100%">
  <tr><td class="content">
    <h1>Hi {{first_name}},</h1>
    <p>Your trial of {{product_name}} ends on {{trial_end_date}}. Here is what your team set up:</p>
    <table class="summary">
      {{#each projects}}
      <tr class="{{#if @last}}last-row{{/if}}"><td>{{this.name}}</td><td>{{this.owner}}</td></tr>
      {{/each}}
    </table>
    {{#if has_open_invoices}}
      <p>There are {{invoice_count}} open invoices on the account.</p>
    {{else}}
      <p>Your account has no open invoices.</p>
    {{/if}}
    {{#unless seen_guide}}<p>The setup guide takes ten minutes: {{{guide_link}}}</p>{{/unless}}
    {{!-- the button partial renders the call to action --}}
    {{! one-line note }}
    <p>Would a short call on Thursday help you pick a plan?</p>
  </td></tr>
</table>
{{> email_footer}}
</body>
</html>
"""

LIQUID_HTML = """\
<html>
<body>
<table class="body"><tr><td>
  <center>
    <h2>Hi {{ customer.first_name | default: "there" }},</h2>
    {% if order.items.size > 0 %}
      <p>Thanks for ordering {{ order.items.size }} items from {{ shop.name | upcase }}.</p>
      {% for item in order.items %}
        <p>{{ item.title | escape }} &times; {{ item.quantity }}</p>
      {% endfor %}
    {% else %}
      <p>Your cart is waiting for you.</p>
    {% endif %}
    {% comment %} footer copy is shared with the receipts {% endcomment %}
    {% raw %}{{ not_a_field }}{% endraw %}
    <p>Could we set up ten minutes on Friday to plan the next order?</p>
  </center>
</td></tr></table>
</body>
</html>
"""


@pytest.mark.parametrize(("name", "template"), [("trial.html", HANDLEBARS_HTML), ("order.html", LIQUID_HTML)])
def test_templates_in_html_have_no_malformed_fields(linter: Linter, name: str, template: str) -> None:
    [r], errors = lint(linter, template, name)
    assert not errors
    assert "MF002" not in codes(r), [(d.code, d.excerpt) for d in r.diagnostics]
    assert r.metrics["mode"] == "template"
    assert "MF001" not in codes(r)


def test_prose_inside_a_block_helper_is_linted_where_it_stands(linter: Linter) -> None:
    template = HANDLEBARS_HTML.replace("Your account has no open invoices.", "Our world-class billing has you covered.")
    [r], _ = lint(linter, template, "trial.html")
    [d] = [d for d in r.diagnostics if d.code == "PC002"]
    assert d.excerpt == "world-class" and template[d.start.offset : d.end.offset] == "world-class"


def test_block_tags_are_never_read_as_words(linter: Linter) -> None:
    # "{{#each items}}" is one control tag: no diagnostic may start or end inside one.
    [r], _ = lint(linter, HANDLEBARS_HTML.replace("ten minutes", "ten minutes, leverage it"), "trial.html")
    tags = [(i, HANDLEBARS_HTML.index("}}", i) + 2) for i in range(len(HANDLEBARS_HTML)) if HANDLEBARS_HTML.startswith(("{{#", "{{/", "{{>", "{{!"), i)]
    for d in r.diagnostics:
        assert not any(s < d.start.offset < e or s < d.end.offset < e for s, e in tags), d


def test_html_without_template_syntax_is_not_a_template(linter: Linter) -> None:
    [r], _ = lint(linter, "<p>Hi Sam,</p><p>Is {{first_name}} right? Worth a chat?</p>", "plain.html")
    assert r.metrics["mode"] == "template"  # an HTML draft, as before
    [r], _ = lint(linter, "<p>Hi Sam,</p><p>Is {first} right? Worth a chat?</p>", "plain.html")
    assert "MF002" not in codes(r)


# -- 3b. per-file-format ------------------------------------------------------------------------------


def test_per_file_format_is_validated() -> None:
    cfg = from_mapping({"per-file-format": {"templates/**/*.html": "html", "*.tpl": "template"}})
    assert cfg.per_file_format == (("templates/**/*.html", "html"), ("*.tpl", "template"))
    with pytest.raises(ConfigError) as info:
        from_mapping({"per-file-format": {"emails/*.tpl": "htm"}})
    message = str(info.value)
    assert "per-file-format" in message and "emails/*.tpl" in message
    assert all(name in message for name in FORMATS)


@pytest.mark.parametrize("value", [3, ["html"], None])
def test_per_file_format_values_must_be_names(value) -> None:
    with pytest.raises(ConfigError, match="per-file-format"):
        from_mapping({"per-file-format": {"a/*": value}})


@given(st.text(min_size=1, max_size=12).filter(lambda s: s not in FORMATS))
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_other_format_name_is_a_config_error(value: str) -> None:
    with pytest.raises(ConfigError, match="per-file-format"):
        from_mapping({"per-file-format": {"*.x": value}})


def test_per_file_format_default_is_empty() -> None:
    assert Config().per_file_format == ()


# -- 4. raw HTML blocks in Markdown ------------------------------------------------------------------

MARKDOWN_WITH_HTML = """\
---
subject: Two ideas for the onboarding email
---
Hi Sam,

Here is the snippet your team asked about:

<pre>
.card { border: 1px solid #ddd; }
.card > h2 { margin: 0 0 {gap}px; }
function greet(user) { return `Hi ${user.first}`; }
</pre>

<style>
  .cta { color: #0b5; } .cta:hover { color: #093; }
</style>

<div class="note">
<code>{"plan": "team", "seats": {count}}</code>
</div>

<script>window.track = function () { return {}; };</script>

Would a short call on Thursday help you decide?
"""


def test_code_and_style_blocks_in_markdown_are_not_prose(linter: Linter) -> None:
    [r], errors = lint(linter, MARKDOWN_WITH_HTML, "ideas.md")
    assert not errors
    assert "MF002" not in codes(r), [(d.code, d.excerpt) for d in r.diagnostics]
    assert r.metrics["excluded"].get("code", 0) > 0


def test_prose_in_an_html_block_in_markdown_is_linted_in_place(linter: Linter) -> None:
    text = MARKDOWN_WITH_HTML.replace('<div class="note">', '<div class="note">\nOur world-class kit ships with it.')
    [r], _ = lint(linter, text, "ideas.md")
    [d] = [d for d in r.diagnostics if d.code == "PC002"]
    assert text[d.start.offset : d.end.offset] == "world-class"
    assert "MF002" not in codes(r)


def test_markdown_without_html_blocks_reads_as_before(linter: Linter) -> None:
    text = "Hi Sam,\n\nA line with a <b>bold</b> word and {broken} field. Worth a chat?\n"
    [r], _ = lint(linter, text, "plain.md")
    assert [d.excerpt for d in r.diagnostics if d.code == "MF002"] == []  # {broken} is a single-brace field
    assert r.metrics["excluded"].get("code", 0) == 0
