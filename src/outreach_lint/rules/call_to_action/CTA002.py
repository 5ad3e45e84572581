"""CTA002 vague-ask: An ask that leaves the work to the reader ("let me know if you're interested", "thoughts?")."""

from __future__ import annotations

from collections.abc import Iterator

from ...analyses.asks import Ask
from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule, short
from ._common import ASK_RULE_LEXICONS
from .CTA001 import CONNECTION_NOTE_WORDS


# A "let me know" this short says nothing of its own: after an offer it is how to accept it.
_BARE_WORDS = 4
# What an offer hands over when it names nothing: "I can send more info", "happy to share details".
_NOTHING_IN_PARTICULAR = frozenset({"info", "information", "details", "more", "materials", "something", "sometime", "anything"})


def _concrete_offer(ask: Ask) -> bool:
    """An offer of a thing, not of a meeting or of more of the same: "happy to send it", "Want me to send
    the list?" ("Happy to hop on a call sometime" and "I can send more info" hand over nothing)."""
    return ask.kind == "offer" and "meeting" not in ask.actions and not ask.words & _NOTHING_IN_PARTICULAR


@rule(
    code="CTA002",
    name="vague-ask",
    analyses=("asks", "metrics"),
    summary="An ask that leaves the work to the reader (\"let me know if you're interested\", \"thoughts?\").",
    docs=RuleDocs(
        what=(
            "Flags asks that hand the next step back to the reader: \"let me know if you're interested\", "
            "\"feel free to reach out\", \"hope to hear from you\", \"let me know your thoughts\", \"thoughts?\", "
            "\"whenever you get a chance\", an offer with nothing in it (\"happy to share more\", \"glad to chat\"). "
            "\"Let me know ...\" is vague unless the same sentence names an option, a day or a deliverable (\"let "
            "me know which suits you, Tuesday or Thursday\") or invites a correction of what the message set out (\"if I "
            "got anything above wrong, let me know\"), and so is a meeting \"to discuss\" or \"to "
            "connect\" with nothing to discuss (\"Tuesday at 10 to discuss?\" names the day). A meeting whose "
            "stated purpose is the seller (\"a call to see how we can help\", \"to learn more about our "
            "product\") is flagged too: it asks for the reader's time for the seller's sake. Beside a meeting or a "
            "next step with a day or a length (\"Would Tuesday at 10 work?\") or a concrete offer (\"Want me to "
            "send the list?\"), a vague line is a courtesy and is not flagged, and a bare \"Just let me know.\" after an offer is how to accept it. A short interest "
            "question such as \"Interested?\" or \"Worth a look?\" is a good first ask and is not flagged. In a "
            "LinkedIn connection note (60 words or fewer), \"I'd like to connect\" is the note's own ask; whether "
            "it gives a reason is LI002's question."
        ),
        why=(
            "A vague ask makes the reader decide what a next step would be and when. A specific one costs them "
            "a yes. The more work an ask needs, the less often it is answered."
        ),
        example="Let me know if you're interested!",
        instead="\"Would a 15-minute call on Thursday at 10 work?\" or, for a first touch, \"Worth a look?\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. A specific ask names "
            "a day, a length or a yes/no question that only the writer can choose."
        ),
        sources=(
            "Doctrine section 3 (the vague asks it names: \"let me know if you're interested\", \"feel free to "
            "reach out\", \"thoughts?\"), with its caveat that a short interest question is a good first ask."
        ),
    ),
    lexicons=(*ASK_RULE_LEXICONS, "connect-request"),
    # "I'll close the file; reach out any time if it comes up" is the polite way to end a thread.
    unless=("polite-close",),
    fail=(
        # an offer of a call, or of more of the same, hands over nothing; nor does a call for the seller's sake
        "Hi Sam,\n\nWe help clinics grow revenue. Let me know your thoughts. Happy to hop on a call sometime.\n",
        "Hi Sam,\n\nYour Leeds clinic opened in March. Happy to jump on a call to see how we can help you.\n",
        "Hi Sam,\n\nYour Leeds clinic opened in March. Before you go, would you like a call to learn more about our "
        "platform?\n",
        "Hi Sam,\n\nYour exports take an hour each Monday. Let me know if you're interested.\n",
        "Hi Jo,\n\nI have two ideas for your pricing page. Feel free to reach out anytime.\n",
        "Hi Al,\n\nYour team grew a lot this year. Hope to hear from you soon.\n",
        "Hi Lee,\n\nI wrote up how teams cut their close to four days. Thoughts?\n",
        "Hi Rob,\n\nYour depot in Hull ships twice a day now. Let me know if this could be useful at some point.\n",
        "Hi Nia,\n\nCould we book a short call next week so I can show you how our scheduler can help?\n",
        "Hi Ed,\n\nAre you free for a chat to learn more about our platform?\n",
        "Hi Ed,\n\nYour Hull depot ships twice a day now. Happy to share more.\n",
        "Hi Ed,\n\nYour Hull depot ships twice a day now. Can we schedule a call to discuss?\n",
        Example("Hi Ada, your note on freight audits was sharp. Would love to chat sometime.\n", profile="linkedin"),
        Example("Hi Ed,\n\nAny thoughts on the below?\n", profile="follow-up"),
        "Hi Ed,\n\nYour Hull depot ships twice a day now. I'd love to find some time to talk when things calm down.\n",
    ),
    passes=(
        "Hi Bea,\n\nThree funders in the region back youth theatre and close in spring. I've put them in a short "
        "list, happy to send it. If you ever want help with the applications, we can talk then.\n",
        Example("Helen: Before I say anything about us, can I check I've got the picture right? You said 60% of loan "
                "applications stop at income checks.\nDev: Right.\n", format="script"),
        Example("Hi Carl, Tony at Bayline said you're quoting a dust collector for the Millbrook shop. Happy to come "
                "by and look at the layout if that helps. Just let me know.\n", profile="linkedin"),
        "Hi Sam,\n\nYour exports take an hour each Monday. Worth a look at a faster way?\n",
        "Hi Jo,\n\nI have two ideas for your pricing page. Want me to send them over?\n",
        "Hi Al,\n\nYour team grew a lot this year. Would Thursday at 10 work for 15 minutes?\n",
        "Hi Lee,\n\nYou are hiring four SDRs this quarter. Interested?\n",
        "Hi Rob,\n\nYour depot in Hull ships twice a day now. Let me know which suits you better, Tuesday or Friday.\n",
        "Hi Nia,\n\nCould we book 15 minutes on Thursday to see whether your rota could be done in an hour?\n",
        "Hi Ed,\n\nYour Hull depot ships twice a day now. Happy to send the two-page route study if useful.\n",
        "Hi Ed,\n\nYour Hull depot ships twice a day now. Could we talk Tuesday at 10 to discuss?\n",
        "Hi Ed,\n\nYour Hull depot ships twice a day now. Would Tuesday at 10 work for 15 minutes? Let me know if "
        "you have questions before then.\n",
        "Hi Uma,\n\nYour clinic buys gloves from three suppliers. Send me your monthly case count and I'll reply "
        "within a day with what we can commit to, in writing.\n",
        Example("Hi Jo, thanks for the time today. Recap: your four clinics book interpreters by phone, and a "
                "third of bookings move at least once. Next step: a call with your front desk lead on the 14th. If I "
                "got anything above wrong, let me know and I'll fix it.\n", profile="follow-up"),
        Example("Hi Ada, your note on freight audits in cold storage was sharp. Would like to connect and read the "
                "next one.\n", profile="linkedin"),
    ),
)
def vague_ask(ctx: RuleContext) -> Iterator[Finding]:
    # "Would Tuesday at 10 work? Let me know if you have questions.": once a meeting or an offer with a day
    # or a length is on the table, a vague line beside it is a courtesy: the next step is already clear.
    if any(ask.kind in ("meeting", "offer", "next-step") and ask.timeboxed for ask in ctx.asks):
        return
    if any(_concrete_offer(ask) for ask in ctx.asks):
        return  # "I've listed three funders, happy to send it": the offer is the ask; the rest is a courtesy
    note = ctx.profile == "linkedin" and ctx.metrics.words <= CONNECTION_NOTE_WORDS
    for ask in ctx.asks:
        if ask.kind != "vague" or ask.vague_span is None:
            continue
        start, end = ask.vague_span
        if note and ctx.lexicon_in("connect-request", start, end + 1):
            continue  # a connection note asks to connect; LI002 reads whether it says why
        if len(ask.text.split()) <= _BARE_WORDS and any(a.kind == "offer" and a.end <= ask.start for a in ctx.asks):
            continue  # "Happy to come by and look at your layout. Just let me know.": the answer to that offer
        words = ctx.quote(start, end)
        if ask.vague_reason == "seller-purpose":
            yield ctx.finding(
                start, end,
                f"the ask's purpose, '{short(words, 40)}', is the seller",
                Fix("Give the reader's reason to say yes: \"15 minutes on Thursday to see whether your month-end "
                    "could close in four days?\""),
            )
            continue
        yield ctx.finding(
            start,
            end,
            f"'{words}' is a vague ask",
            Fix(f"Replace '{words}' with a question they can answer yes to: \"Worth a look?\" (first touch) or "
                "\"Would Tuesday at 10 work for 15 minutes?\""),
        )
