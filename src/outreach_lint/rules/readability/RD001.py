"""RD001 reading-grade: The body reads above the target grade level (Flesch-Kincaid)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Finding, Fix, Severity
from ...readability import flesch_kincaid_grade
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule


class Options(RuleOptions):
    max_grade: float = Field(
        default=8.0, gt=0,
        description="Email-tool studies put the best reply rates at grades 3-6 and a clear drop above 8.",
    )
    min_words: int = Field(
        default=80, ge=1,
        description="Readability formulas swing by a grade or more on a few sentences; below this many words, stay silent.",
    )


@rule(
    code="RD001",
    name="reading-grade",
    analyses=("metrics",),
    summary="The body reads above the target grade level (Flesch-Kincaid).",
    docs=RuleDocs(
        what=(
            "Computes the Flesch-Kincaid grade of the body with textstat (syllables from the bundled CMU "
            "dictionary, offline). Flags bodies above `max-grade` (default 8) once they have at least "
            "`min-words` words (default 80); the finding points at the hardest sentence. It is a note (info) by "
            "default: on real outreach that other people wrote and judged, about half the messages it flagged "
            "were praised, so the grade alone does not make a message bad. A team that wants a hard limit sets "
            "its severity to `warning`."
        ),
        why=(
            "People read outreach on a phone between meetings. Long sentences and long words make them work to "
            "find out what you want; plain writing gets read and answered."
        ),
        example="Our comprehensive, enterprise-grade orchestration capabilities facilitate organizational transformation.",
        instead="Short sentences and everyday words: 'Your team spends hours moving data by hand. We can cut that to minutes.'",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Simpler wording is a "
            "rewrite; no word list can do it safely."
        ),
        sources=(
            "Doctrine section 6. The Flesch-Kincaid grade formula (Kincaid and others, 1975), computed by "
            "textstat with syllables from the CMU Pronouncing Dictionary. Email-tool reply data puts grades 3-6 "
            "highest and shows a drop above grade 8; readability formulas are unstable on short texts, hence "
            "the 80-word minimum."
        ),
    ),
    regions=("body",),
    severity=Severity.INFO,
    options=Options,
    needs_readability=True,
    fail=(
        "Hi Morgan,\n\nOur comprehensive enterprise-grade orchestration platform facilitates organizational "
        "transformation by operationalizing interdepartmental collaboration methodologies, consolidating "
        "heterogeneous information repositories, and institutionalizing continuous improvement initiatives "
        "throughout multinational corporations, thereby accelerating strategic decision-making capabilities "
        "and maximizing stakeholder value realization. Implementation methodologies incorporate comprehensive "
        "organizational readiness assessments and sophisticated change-management frameworks. Furthermore, "
        "standardized governance structures facilitate sustainable adoption across geographically distributed "
        "operational divisions, notwithstanding considerable variability in technological maturity. Additionally, "
        "executive sponsorship considerably accelerates organizational alignment regarding prioritization "
        "decisions and investment sequencing. Would you "
        "consider an exploratory conversation?\n",
        "Hi Priya,\n\nConsidering the increasingly sophisticated regulatory requirements characterizing "
        "contemporary pharmaceutical manufacturing environments, organizations frequently underestimate the "
        "administrative complexity associated with documentation, verification, and authorization procedures "
        "that accompany international distribution, particularly when multiple jurisdictions impose "
        "contradictory obligations. Additionally, documentation inconsistencies frequently necessitate "
        "time-consuming reconciliation activities. Consequently, pharmaceutical organizations increasingly "
        "prioritize centralized documentation repositories, standardized verification methodologies, and "
        "automated authorization workflows. Regulatory inspections increasingly scrutinize documentation "
        "completeness, traceability, and verification consistency across manufacturing facilities and "
        "distribution partners. Is this something your compliance organization is evaluating?\n",
        "Hi Tamsin,\n\nAccelerating digitalization necessitates reconsidering organizational infrastructure "
        "investments, particularly regarding interoperability between legacy enterprise resource planning "
        "installations and contemporary cloud-native applications, because incompatibilities frequently "
        "generate substantial operational inefficiencies alongside considerable unanticipated expenditure. "
        "Consequently, comprehensive architectural evaluations increasingly precede substantial transformation "
        "initiatives. Organizations postponing these evaluations frequently encounter escalating integration "
        "complexity, diminishing vendor flexibility, and progressively deteriorating operational visibility. "
        "Comprehensive modernization roadmaps ordinarily incorporate infrastructure rationalization, application "
        "consolidation, and organizational capability development initiatives. "
        "Would an exploratory discussion regarding your modernization priorities be beneficial?\n",
        Example(
            "Hi Priya,\n\nConsidering increasingly sophisticated regulatory requirements, pharmaceutical organizations "
            "frequently underestimate the administrative complexity associated with documentation, verification, and "
            "authorization procedures. Is this something your compliance organization is evaluating?\n",
            options={"min-words": 20},
        ),
    ),
    passes=(
        "Hi Morgan,\n\nYour team posted three job ads for data analysts this month. That usually means the "
        "reports are piling up. We help teams like yours get the weekly numbers out in an hour, not a day. "
        "A client your size did it in two weeks. Want me to send the short case study? It takes two minutes "
        "to read.\n",
        "Hi Priya,\n\nShort question. Who handles customs paperwork at your company?\n",
        "Hi Tamsin,\n\nYour old stock system and the new cloud apps do not talk to each other. So your team "
        "types the same orders twice, and mistakes creep in. Two firms near you fixed this last year and got "
        "back a day a week. It took them a month. Would it help to see how? I can show you in ten minutes "
        "on a call next week.\n",
        Example(
            "Hi Morgan,\n\nYour finance team posted three openings for reporting analysts this month, which usually "
            "means the monthly numbers are arriving later than the leadership team would like. We help companies of "
            "your size automate the consolidation of spreadsheets from several regional offices, so the weekly report "
            "is ready on Monday morning instead of Wednesday afternoon. A distribution business near Manchester made "
            "the change in about two weeks. Would it be useful if I sent you the short summary of how their analysts "
            "spent the recovered time?\n",
            options={"max-grade": 13},
        ),
    ),
)
def reading_grade(ctx: RuleContext, opts: Options) -> Iterator[Finding]:
    grade = ctx.metrics.reading_grade
    if grade is None or ctx.metrics.words < opts.min_words or grade <= opts.max_grade:
        return
    sentences = list(ctx.body_sentences())
    hardest = max(sentences, key=lambda s: flesch_kincaid_grade(s.text) if len(s) > 3 else 0.0)
    yield ctx.finding(
        *ctx.trimmed(hardest),
        f"reading grade {grade:.1f} is above {opts.max_grade:g} (target 3-6); hardest sentence here",
        Fix("Split the sentence and swap long words for everyday ones (\"utilize\" becomes \"use\")"),
    )

