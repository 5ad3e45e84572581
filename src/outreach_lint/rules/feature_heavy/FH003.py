"""FH003 feature-density: Many feature terms and few words about the reader's problems or outcomes."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Finding, Fix, Severity
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule, short
from ._measured import in_measured_outcome


class DensityOptions(RuleOptions):
    min_features: int = Field(
        default=4, ge=1,
        description="Below a handful of feature words a message can still be about the reader.",
    )
    max_ratio: float = Field(
        default=2.0, gt=0,
        description="More than two feature terms for every word about the reader's problem or outcome tips the balance.",
    )


@rule(
    code="FH003",
    name="feature-density",
    analyses=("metrics",),
    summary="Many feature terms and few words about the reader's problems or outcomes.",
    docs=RuleDocs(
        what=(
            "Counts feature terms (platform, dashboards, integrations, AI-powered, ...) and problem or outcome "
            "terms (save, cut, faster, manual, errors, ...) in the body. Flags a message with at least "
            "`min-features` feature terms (default 4) and more than `max-ratio` (default 2) feature terms per "
            "problem or outcome term. A feature term inside a measured result (\"dashboard adoption went from "
            "20% to 85%\") reports an outcome and is not counted. Both word lists are pack lexicons you can "
            "extend."
        ),
        why=(
            "Vendors talk features; customers talk problems and results, in their own words. A message made of "
            "feature vocabulary reads as a brochure, not as a note about the reader's work."
        ),
        example="Our AI-powered platform offers real-time dashboards, integrations and automation.",
        instead="Name their problem and the result: \"Your planners re-key orders every morning; that step can go.\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Swapping feature "
            "words for outcomes is a rewrite, not a substitution."
        ),
        sources=(
            "Doctrine section 2: a high ratio of feature terms to outcome or problem terms. The defaults (at "
            "least 4 feature terms, more than 2 per outcome term) were tuned on the labelled corpus in "
            "tests/corpus, where the rule must stay at least 85% precise."
        ),
    ),
    severity=Severity.INFO,
    options=DensityOptions,
    requires=("POS", "DEP"),
    lexicons=("feature-terms", "outcome-terms", "problem-terms", "measured-change"),
    fail=(
        "Hi Sam,\n\nOur AI-powered platform offers real-time dashboards, native integrations and automation. "
        "Worth a look?\n",
        "Hi Jo,\n\nThe new suite has an API, SSO, role-based permissions and custom dashboards. Can we talk?\n",
        "Hi Al,\n\nOur solution is cloud-native and scalable, with analytics and alerts built in. Interested?\n",
        Example("Hi Jo,\n\nOur platform, dashboards, alerts and integrations cut the manual re-keying, so your planners "
                "save an hour. Worth a look?\n", options={"max-ratio": 1.0}),
    ),
    passes=(
        "Hi Sam,\n\nYour planners re-key orders by hand every morning. Our integrations cut that step, so you "
        "save two hours a day and avoid errors. Worth a look?\n",
        "Hi Jo,\n\nYour team chases approvals by email. Can we talk about cutting that delay?\n",
        "Hi Al,\n\nOur dashboard shows late orders. Teams use it to cut delays and avoid refunds. Interested?\n",
        "Hi Kim,\n\nAt a clinic like yours, dashboard logins went from 30% to 90% of staff, and API sync errors "
        "fell to 2 a week. Alerts went from 50 to 5 a day. Worth seeing how?\n",
        Example("Hi Sam,\n\nOur AI-powered platform offers real-time dashboards, native integrations and automation. "
                "Worth a look?\n", options={"min-features": 10}),
    ),
)
def feature_density(ctx: RuleContext, opts: DensityOptions) -> Iterator[Finding]:
    body = ctx.region("body")
    if body is None:
        return
    # A feature word inside a measured result ("dashboard adoption went from 20% to 85%") reports an outcome.
    features = [h for h in ctx.lexicon("feature-terms") if h[0] >= body.start and not ctx.prepared.in_url(h[0], h[1])
                and not in_measured_outcome(ctx, h[0], h[1])]
    customer = ctx.metrics.outcome_terms + ctx.metrics.problem_terms
    if len(features) < opts.min_features or len(features) <= opts.max_ratio * customer:
        return
    start, end, _ = features[0]
    shown = ", ".join(dict.fromkeys(ctx.quote(s, e).lower() for s, e, _ in features))
    yield ctx.finding(
        start,
        end,
        f"{len(features)} feature terms to {customer} on the reader's problems ({short(shown, 35)})",
        Fix("Swap a feature word for the reader's problem or result (\"dashboards\" becomes \"see late orders before customers call\")"),
    )

