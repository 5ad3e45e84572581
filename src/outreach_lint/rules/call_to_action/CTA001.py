"""CTA001 no-ask: The message asks the reader nothing: no question, no next step, no request."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule
from ._common import ASK_RULE_LEXICONS


# A LinkedIn note this short is a connection request: accepting it is the ask (LI001 judges its pitch).
CONNECTION_NOTE_WORDS = 60


@rule(
    code="CTA001",
    name="no-ask",
    analyses=("asks", "metrics"),
    unless=("polite-close",),
    summary="The message asks the reader nothing: no question, no next step, no request.",
    docs=RuleDocs(
        what=(
            "Looks for any ask in the body: a question to the reader (not a rhetorical one), an imperative "
            "that asks for an action (any sentence the parse shows headed by a base-form verb with no subject, "
            "such as \"Reply with a time\" or \"Skim the two-page plan\"; courtesies like \"Have a great week\" do "
            "not count), a request (\"would you\", \"happy to send\", \"I'd love a short chat\"), an offer made on the reader's say-so "
            "(\"If it'd help, I could walk the floor with you\", \"I'm around Thursday afternoon\"), or a next "
            "step the sender commits to (\"I'll ring you on Wednesday at 3\"). "
            "Flags a message that has none, at its last sentence. A polite close of the thread (\"I won't "
            "follow up again\", \"I'll close your file here\") needs no ask, and neither does a LinkedIn note of up "
            "to 60 words: it is a connection request, and accepting it is the ask."
        ),
        why=(
            "Every message should carry a benefit and a clear next step. A message that only informs leaves "
            "the reader to decide what to do with it, and most readers decide to do nothing."
        ),
        example="We launched a new version of our reporting tool last week with faster exports.",
        instead="Ask one specific thing: \"Would faster exports help your month-end? I can show you in 15 minutes on Tuesday.\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Only the writer "
            "knows what to ask this reader for."
        ),
        sources=(
            "Doctrine section 3, \"Every message asks for something specific\": a message with no next step is "
            "the first signal listed there."
        ),
    ),
    profiles=("cold-email", "follow-up", "linkedin", "script", "announcement"),
    lexicons=ASK_RULE_LEXICONS,
    fail=(
        "Hi Sam,\n\nWe launched a new version of our reporting tool last week. It has faster exports.\n",
        "Hi Jo,\n\nJust wanted to share our new pricing page. It is much simpler now.\n\nBest,\nAna\n",
        "Hi Al,\n\nYour team grew a lot this year. Our onboarding kit helped similar teams.\n",
        "Hi Kim,\n\nWhat if your month-end took two days instead of ten? That is what our customers see.\n",
        "Hi Ola,\n\nCongrats on the new office. Have a great week.\n",
        # A condition on the reader is no offer: "If you sign by Friday, we can ..." asks nothing.
        "Hi Ola,\n\nYour new office opened in May. If you sign by Friday, we can take 20% off the fit-out.\n",
    ),
    passes=(
        Example("Hi Mari,\n\nTanya at the Sparks site is happy to take a call about the same change. If a peer call is "
                "more useful than a one-pager, just say the word and I'll connect you two.\n", profile="follow-up"),
        Example("Hi Pat,\n\nThe 212 Atlanta invoices alone show $31,400 in overbilling; the file is attached. If Diane has "
                "questions, I can join 15 minutes of your Thursday finance meeting or answer by email.\n",
                profile="follow-up"),
        "Hi Dev,\n\nThe Head of Data role at Marlowe starts with the claims move off SAS you spoke about at PyData. If "
        "it's not for you, I'd still appreciate the name of anyone who would fit.\n",
        Example("Hi Raj,\n\nYour carrier now wants a hands-on check for forklift re-certs. If it'd help to see how "
                "other sites log it, I have Thursday at 11 or Friday at 2 open.\n", profile="follow-up"),
        Example("Hi Ray,\n\nSummit filed 38 water heater permits in Q3, up from 22. Still happy to do a 10-minute "
                "call, or I can just email you the price sheet.\n", profile="follow-up"),
        Example("Hi Maria,\n\nWe have checked the pour ladles at Hudson twice a year since 2019, and the next round is "
                "due in June. Once you've settled in, I'd be glad to walk you through the last report.\n"),
        # The tagger reads "text" as a noun here; the ask after the condition's comma is still found.
        Example("Hi Marco, it is Jen from Hollow Farm, 555-0199. We have fresh basil this week. If you want "
                "some, text or call me by Thursday and I will add it to Saturday.\n", profile="script"),
        Example("Hi Greg, Sara from Cobalt Roofing. I drove past your warehouse this morning and saw loose "
                "flashing on the north side. 555-0147. Again, Sara, 555-0147.\n", profile="script"),
        "Hi Sam,\n\nYour exports take an hour each Monday. Worth a look at a faster way?\n",
        "Hi Jo,\n\nI have two ideas for your pricing page. Want me to send them over?\n",
        "Hi Al,\n\nYour team grew a lot this year. Reply with a good day and I will send a short plan.\n",
        "Hi Mo,\n\nYour new Bristol site opens in May. Skim the two-page plan we made for a similar opening.\n",
        "Hi Bea,\n\nYour stand at the trade fair drew a crowd. I'll ring you on Wednesday at 3 with two ideas.\n",
        "Hi Cy,\n\nYour renewals team doubled this year. I'd love a short chat about how it went.\n",
        # An offer made on the reader's say-so is an ask they answer with a yes.
        "Hi Lu,\n\nYour Leeds depot added a night shift in May. If it'd help, I could walk the floor with you "
        "one morning and sketch a training plan.\n",
        "Hi Lu,\n\nYour Leeds depot added a night shift in May. If that's useful, happy to jump on a call and "
        "show the rota we built for a depot your size.\n",
        "Hi Lu,\n\nYour Leeds depot added a night shift in May. If you want to talk it through, I'm around on "
        "Thursday afternoon.\n",
        Example(
            "Hi Al,\n\nI have not heard back, so I will close the loop here and won't follow up again. "
            "Good luck with the launch.\n",
            profile="follow-up",
        ),
        Example("Hi Ola,\n\nWe were both on the cold-chain panel in Antwerp. Your point on night deliveries stuck "
                "with me.\n", profile="linkedin"),
    ),
)
def no_ask(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.asks:
        return
    if ctx.profile == "linkedin" and ctx.metrics.words <= CONNECTION_NOTE_WORDS:
        return
    sentences = list(ctx.body_sentences())
    if not sentences:
        return
    # Point at the last real sentence, not at a name or a merge field on its own line.
    worded = [s for s in sentences if sum(1 for t in ctx.tokens_of(s) if t.is_alpha) >= 2]
    yield ctx.finding(
        *ctx.trimmed((worded or sentences)[-1]),
        "no ask in this message",
        Fix("End with one ask the reader can answer: \"Worth a look?\" or \"Would Tuesday at 10 work for 15 minutes?\""),
    )

