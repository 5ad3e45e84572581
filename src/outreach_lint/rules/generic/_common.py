"""What the generic rules share."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...analyses.grammar import classify, nearest_verb
from ...analyses.references import READER_PRONOUNS
from ...rule import RuleContext

if TYPE_CHECKING:
    from spacy.tokens import Token


# Capitalised words that name no one in particular.
NOT_NAMES = frozenset(
    "i monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december q1 q2 q3 q4 ai api crm erp saas sso ceo cfo cto coo vp hr it "
    "ps linkedin email hi hello hey dear dr dr. mr mr. mrs mrs. ms ms. prof prof.".split()
    # Trade acronyms fit any business: "B2B service providers", "your SEO", "a 3x ROI".
    + "b2b b2c d2c dtc smb smbs kpi kpis roi seo sem ppc sdr sdrs bdr bdrs gtm mrr arr okr okrs ux ui ml llm".split()
)


def addressed_by_name(token: Token) -> bool:
    """The reader addressed by name inside a sentence ("Thanks for connecting, Olivia!", "Sam, one
    question"): the name the greeting would hold, so no more a trace of them than "Hi Olivia" is."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and before.text == "," and (after is None or after.text in ("!", ".", "?", ",") or after.is_space):
        return True
    # "Sam, one question" addresses them; "Halvorsen, the firm you lead, ..." names a firm in apposition
    if not (token.is_sent_start and after is not None and after.text == ","):
        return False
    following = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return token.dep_ not in ("nsubj", "nsubjpass") and not (following is not None and following.tag_ in ("DT", "PRP$"))


_INTRO_PREPS = frozenset({"from", "at", "with", "in", "of"})
# Verbs of knowing or meeting someone: the person after "with" is not the sender's company.
_SOCIAL_VERBS = frozenset({"connect", "meet", "speak", "talk", "chat", "know", "follow", "see", "share", "spend"})


_NEAR_ROOT = frozenset({"attr", "dobj", "acomp", "xcomp", "ccomp", "appos", "npadvmod"})


# Verbs whose object is the sender's own company or product: "introduce Meridian", "I run Acme".
_SELF_NAMING_VERBS = frozenset({"introduce", "present", "represent", "run", "own", "found", "start", "launch", "build"})


def sender_names(ctx: RuleContext) -> set[int]:
    """The configured seller names and the names the sender gives itself, found once per message."""
    return ctx.memo("sender_names", lambda: ctx.seller_tokens() | self_named(ctx, ctx.seller_tokens()))


def self_named(ctx: RuleContext, names: set[int]) -> set[int]:
    """Names the sender gives itself: "We are Talentwise", "I'm Tom from Acme", "I wanted to introduce Meridian"."""
    out: set[int] = set()
    for sent in ctx.body_sentences():
        root = sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not any(classify(s, names) == "seller" for s in subjects):
            continue
        for token in ctx.tokens_of(sent):
            if token.pos_ != "PROPN":
                continue
            head = token
            while head.dep_ in ("compound", "flat", "appos", "conj") and head.head is not head:
                head = head.head
            near = _near_root(head.head, root)
            # "I wanted to introduce Meridian", "I run Acme" name the sender; "I called Tri-County Heating"
            # names the reader's company, the object of what the sender did.
            named = near and (head.dep_ in ("attr", "appos") or (
                head.dep_ in ("dobj", "oprd") and head.head.lemma_.lower() in _SELF_NAMING_VERBS))
            prep = head.head
            # "I'm Sam with Acme" names the sender's company; "I'm connected with Jeremy" names someone the
            # sender knows, which is a trace of the reader's world, not the sender.
            introduced = (head.dep_ == "pobj" and prep.lower_ in _INTRO_PREPS and _near_root(prep.head, root)
                          and prep.head.lemma_.lower() not in _SOCIAL_VERBS and root.lemma_.lower() not in _SOCIAL_VERBS)
            if named or introduced:
                out.add(token.i)
    return out


def _near_root(token: Token, root: Token, depth: int = 3) -> bool:
    """``token`` is the root, or reaches it through objects and complements ("a rep at X", "X, a firm")."""
    for _ in range(depth):
        if token.i == root.i:
            return True
        if token.dep_ not in _NEAR_ROOT:
            return False
        token = token.head
    return token.i == root.i



def capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def capitalised_name(ctx: RuleContext, token: Token) -> bool:
    """A proper noun written as names are in this message: with a capital ("Corvid", "eBay"), unless the
    writer leaves capitals out altogether ("hey sam, saw acme is hiring"). A lowercase word the tagger
    calls proper in a message that capitalises its sentences ("just holler", "lead gen") is the tagger's
    guess; a brand typed in lowercase there is missed, the rarer case."""
    return token.text != token.lower_ or not ctx.memo("writes_capitals", lambda: _writes_capitals(ctx))


def _writes_capitals(ctx: RuleContext) -> bool:
    openers = [t for s in ctx.body_sentences() for t in ctx.tokens_of(s)[:1] if t.is_alpha]
    return bool(openers) and sum(1 for t in openers if t.text[:1].isupper()) * 2 >= len(openers)


def title_case_capitals(sent: list[Token]) -> set[int]:
    """Tokens of a sentence (its tokens) whose capital comes from Title Case, not from being a name.

    The tagger reads every capitalised word of a heading or a Title-Cased subject ("Quick Question About
    Your Growth Plans") as a proper noun, and a capitalised run opening a sentence ("Sales Leaders tell
    us...") too. Neither is evidence of a name: a line whose content words are all capitalised gives none,
    and a sentence's opening run of two or more capitalised words gives none either, nor a plural the
    tagger calls proper because it opens the sentence ("Physicians are busier than ever").
    """
    content = [t for t in sent if t.is_alpha and not t.is_stop and len(t) > 1]
    if len(content) >= 2 and all(capitalised(t) for t in content):
        return {t.i for t in sent if capitalised(t)}
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    run: list[Token] = []
    for t in words:
        if not capitalised(t) or t.is_upper:
            break
        run.append(t)
    if any(t.lower_ in ORGANISATION_WORDS for t in run):
        return set()  # "Harbour Street Dental has no online booking": a business's name, not Title Case
    if len(run) >= 2 and any(t.text == "&" for t in run[0].doc[run[0].i : run[-1].i]):
        return set()  # "Kindle & Clay checkout": capitals joined by "&" name a firm
    if len(run) == 1 and run[0].tag_ == "NNPS":
        return {run[0].i}  # "Physicians are busier than ever": a plural opening the sentence is a kind of people
    return {t.i for t in run} if len(run) >= 2 else set()


# Words that end or make up the name of a business or a place: a capitalised run holding one is a name.
ORGANISATION_WORDS = frozenset({
    "inc", "ltd", "llc", "plc", "gmbh", "co", "corp", "group", "labs", "lab", "foods", "dental", "clinic",
    "logistics", "bank", "studio", "studios", "partners", "holdings", "systems", "health", "hospital", "school",
    "university", "college", "brewery", "bakery", "hotel", "restaurant", "cafe", "street", "road", "avenue",
    "council", "agency", "motors", "pharmacy", "practice", "farm", "farms", "freight", "print", "press",
})


# What a number in an ask measures when it sizes or times the meeting: "a 15-minute call", "at 2pm".
_TIME_UNITS = frozenset({"minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "second", "seconds",
                         "sec", "secs", "am", "pm", "a.m.", "p.m."})


def reader_number(ctx: RuleContext, tokens: list[Token]) -> bool:
    """A sentence (its tokens) gives a number about the reader ("your 40 reps", "you cut refunds by 12%").

    The sentence must speak to the reader. A year ("Your plans for 2026") dates rather than describes,
    the time a promise takes ("in 90 days") sizes the offer, and a number that times or sizes the meeting
    an ask proposes ("would you have 20 minutes?", "a
    20-minute call on Thursday") says nothing about them.
    """
    if not any(t.lower_ in READER_PRONOUNS for t in tokens):
        return False
    words = [t.lower_ for t in tokens if not t.is_space and not t.is_punct][:2]
    if words[:2] == ["what", "if"] or words[:1] == ["imagine"]:
        return False  # "What if you could free up 20 hours?": a pitch's hypothetical, not their numbers
    for t in tokens:
        if not t.like_num or _year(t) or t.lower_ == "one":  # "one place for your team" counts nothing
            continue
        if _measures_time(t) and not _readers_time(t) and _in_an_ask(ctx, t.idx):
            continue
        if _sellers_number(t) or _promised_within(t) or _promised(t):
            continue
        return True
    return False


_PROMISE_MODALS = frozenset({"could", "would", "might", "will", "'ll", "’ll"})
_WOULD = frozenset({"'d", "’d"})  # "you'd save" (would) is a promise; "you'd mentioned" (had) is not


def _promised(number: Token) -> bool:
    """A number in what the reader could or would gain: "what if you could free up 20 hours a week",
    "you'll save 40%". A promise is the seller's claim; "you cut refunds by 12%" is the reader's fact."""
    node = nearest_verb(number)
    while True:  # "double X, cut Y and free up Z": the modal sits on the first verb of the list
        if any(c.dep_ == "aux" and (c.lower_ in _PROMISE_MODALS or (c.lower_ in _WOULD and node.tag_ == "VB"))
               for c in node.children):
            return True
        if node.dep_ != "conj" or node.head.i == node.i:
            return False
        node = node.head


_PERIODS = frozenset({"day", "days", "week", "weeks", "month", "months", "quarter", "quarters"})
_WITHIN = frozenset({"in", "within", "under", "inside"})


def _promised_within(number: Token) -> bool:
    """The time a promise takes: "double your leads in 90 days", "live within 2 weeks". It sizes the offer,
    not anything of the reader's; "your 90-day trial" or "your 3 weeks of onboarding" stay theirs."""
    period = number.head
    if period.lower_ not in _PERIODS or period.i <= number.i or period.dep_ != "pobj":
        return False
    return period.head.lower_ in _WITHIN and not _readers_time(number)


def _sellers_number(number: Token) -> bool:
    """The number sits in a clause whose subject is the sender and which names nothing of the reader's
    (a "you" it offers something to is not theirs, a "you" who does something is):
    "I'm applying for role 48213", "we cut refunds by 12% for our clients". "We saw your 40 reps", "I can
    draft the next four from your posts" and "I saw you hired 12 reps" (the reader's own verb) stay theirs."""
    node = nearest_verb(number)
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in node.children):
        return False
    return not any(
        t.lower_ in READER_PRONOUNS and t.dep_ in ("poss", "nsubj", "nsubjpass") for t in node.subtree
    )  # "your posts", "the podcast you host": the reader's


def _in_an_ask(ctx: RuleContext, offset: int) -> bool:
    """Whether ``offset`` falls in one of the body's asks (found by bisection: they are in text order)."""
    asks = ctx.analysis("asks") if ctx.can("asks") else ()
    starts = ctx.memo("ask_starts", lambda: [a.start for a in asks])
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < asks[i].end


def _year(number: Token) -> bool:
    """"in 2026", "Your 2026 plans"; not a count of things ("2000 drivers")."""
    if not (len(number.text) == 4 and number.text.isdigit() and number.text[:2] in ("19", "20")):
        return False
    return not (number.dep_ == "nummod" and number.head.tag_ in ("NNS", "NNPS"))


def _readers_time(number: Token) -> bool:
    """The time is the reader's ("your team's 40 hours of exports"), not the length of a meeting."""
    head = number.head
    return any(w.lower_ == "your" for w in head.subtree if w.i < number.i)


def _measures_time(number: Token) -> bool:
    """``number`` gives a length or a clock time: "15-minute", "20 minutes", "2pm", "3:30"."""
    if ":" in number.text or number.text.lower().endswith(("am", "pm", "min", "mins")):
        return True
    doc = number.doc
    following = [doc[i] for i in range(number.i + 1, min(number.i + 3, len(doc)))]
    return any(t.lower_ in _TIME_UNITS for t in following if not t.is_space)
