"""GN005 claimed-familiarity: an earlier contact claimed with nothing from it ("as we discussed")."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule, short


@rule(
    code="GN005",
    name="claimed-familiarity",
    summary="An earlier contact claimed with nothing from it (\"as we discussed\", \"following our call\").",
    docs=RuleDocs(
        what=(
            "Flags a claim of an earlier conversation (\"as we discussed\", \"per our conversation\", \"following "
            "our call\", \"when we spoke\", \"great to meet you\", \"long time no talk\", \"he's expecting my call\") when neither its sentence, the next (after a colon, whatever it is about) nor one before "
            "it that tells what the reader did (\"You asked about dross on thick steel.\") names "
            "anything from it: a topic (\"about your spring menu\"), a name, a number, a date or an event."
        ),
        why=(
            "A real conversation leaves details behind. A claim of one with none reads as a trick to get past "
            "the reader's guard, and a reader who does not remember the call stops trusting the rest."
        ),
        example="As we discussed, I'm sending over some information about our services.",
        instead="Name what was said: \"As we discussed at the Leeds meetup, here are the two rota templates.\"",
        fix_safety="Advice only: only the writer knows what the conversation was about.",
        sources=(
            "Doctrine section 5 (a trace of the reader must be true and checkable) and section 8 (claims without "
            "evidence)."
        ),
    ),
    profiles=("cold-email", "follow-up", "linkedin", "script"),
    analyses=("personal",),
    fail=(
        Example("Hi Monica,\n\nGreat connecting with you! As promised, here is more about GiveStream. GiveStream is a "
                "donor platform for nonprofits of every size. When's a good time for a call?\n", profile="follow-up"),
        Example("Sam!! Long time no talk. We're building something you'll love. Can I grab 30 min next week?\n",
                profile="linkedin"),
        Example("Rep: Hi, is Mark around? He's expecting my call.\nFront desk: Who's calling?\n", format="script"),
        "Hi Sam,\n\nAs we discussed, I'm sending over some information about our services. Can we talk again soon?\n",
        Example("Hi Jo,\n\nFollowing our call, I wanted to share a few thoughts. Would Friday work?\n", profile="follow-up"),
        "Hi Al,\n\nGreat to meet you! I think there could be some synergies. Worth a chat?\n",
        "Hi Al,\n\nGreat catching up the other day! Wanted to pick up on what we talked about. Free next week?\n",
        "Hi Al,\n\nWe help fleets cut charger downtime. Your depot could save 10 hours a week. Great to meet you.\n",
        # an occasion any reader might have been to, and a capital after "!" that is no name
        "Hi Al,\n\nLoved catching up at the conference. There's a big opportunity for us here. Free next week?\n",
        Example("Hey Al! Great to reconnect. There's a big opportunity for us here. Free next week?\n", profile="linkedin"),
    ),
    passes=(
        Example("Rep: Hi Dan, long time no talk! How did the Leeds clinic opening go in March?\nProspect: Busy.\n",
                format="script"),
        # the sentence right before the claim tells of the contact
        Example("Hi Dennis,\n\nYou asked about dross on 3/8\" mild steel on your CO2 laser. As promised, I asked our "
                "applications engineer: nitrogen at about 2,200 psi fixes it. Want to send a few parts to test?\n",
                profile="follow-up"),
        "Hi Sam,\n\nAs we discussed at the Leeds meetup, here are the two rota templates. Want a walkthrough?\n",
        Example("Hi Jo,\n\nFollowing our call about your spring menu, I priced the three dishes you picked. Would "
                "Friday work?\n", profile="follow-up"),
        "Hi Al,\n\nGreat to meet you at the fintech panel on Tuesday. How is the card launch going?\n",
        # after a colon, the next line is what was promised
        Example("Hi Al,\n\nAs promised:\n\n- Pricing for 14 vans is $38 a van a month.\n- The trackers you have "
                "already work with it.\n\nWould a call with your fleet lead help?\n", profile="follow-up"),
        "Hi Al,\n\nLoved catching up at the Leeds freight expo. Here is the rota template I mentioned. Useful?\n",
        "Hi Al,\n\nGreat catching up at the Leeds expo on Tuesday. Here are the two rota templates from what we "
        "talked about. Want a walkthrough?\n",
        Example("Hi Al, we met at the Halden stand at the expo on Tuesday; you asked about charger uptime. I've "
                "sent the figures. Good to connect.\n", profile="linkedin"),
        Example("Hi Dana, your post on slotting pallets by pick rate had the first real before/after numbers I've "
                "seen. Would be great to connect.\n", profile="linkedin"),
    ),
)
def claimed_familiarity(ctx: RuleContext) -> Iterator[Finding]:
    for start, end in ctx.analysis("personal").empty_familiarity[:1]:
        words = short(ctx.quote(start, end), 30)
        yield ctx.finding(
            start,
            end,
            f"'{words}' names nothing from that contact",
            Fix("Name something from that conversation: its topic, a number, or where it happened"),
        )
