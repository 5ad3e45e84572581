"""GN002 no-reader-trace: Nothing in the message is about this particular reader (company, role, situation, words)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ...analyses.grammar import SUBJECT_DEPS, classify
from ...analyses.specifics import mentions_a_date
from ...diagnostics import Finding, Fix, Severity
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule
from ._common import (
    NOT_NAMES,
    addressed_by_name,
    capitalised_name,
    reader_number,
    sender_names,
    title_case_capitals,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


class TraceOptions(RuleOptions):
    min_words: int = Field(
        default=30, ge=1,
        description="Very short notes (\"Worth a look?\") carry little room for personal detail; judge longer ones.",
    )


@rule(
    code="GN002",
    name="no-reader-trace",
    analyses=("asks", "metrics", "personal"),
    summary="Nothing in the message is about this particular reader (company, role, situation, words).",
    docs=RuleDocs(
        what=(
            "Looks for any trace of the reader beyond the greeting: a merge field, a name (their company, a "
            "product they use, a place), a sentence about something of theirs (\"Your studio prints proofs for "
            "every project\"; \"your team\" or \"your business\" alone could be anyone's), something they did or said (\"you mentioned\", \"saw your post\", "
            "\"congrats on\"), or a number about them (\"your 40 reps\"). Flags a cold message of at least "
            "`min-words` words (default 30) with none. Praise with nothing checkable in it (\"love your content\", "
            "\"impressed by what you're building\", see GN004) is not a trace, and neither is a name in a clause "
            "whose subject is the seller (\"We are a Microsoft partner\", \"I sing Bach on weekends\"), unless it "
            "reports what they learned of the reader or a tie to them (\"I saw Corvid opened...\", \"I'm connected "
            "with Ana\") or the seller's first-hand use of the reader's product, with when it happened (\"I "
            "signed up for Fernleaf's trial last week\", \"I ordered the walnut lamp last month\"). The reader's own name said in passing (\"Thanks for connecting, Olivia!\") and trade acronyms "
            "(\"B2B\", \"SEO\", \"ROI\") name no one in particular. Names the sender gives itself (\"We are Acme\", \"I'm Sam "
            "from Acme\") do not count; set `seller-names` so your other mentions do not count either. Nor do "
            "capitals that come from Title Case: a Title-Cased subject or heading (\"Quick Question About Your "
            "Growth Plans\") or a capitalised run opening a sentence, unless the word is also capitalised "
            "mid-sentence elsewhere."
        ),
        why=(
            "A message with nothing about the reader is a broadcast. Readers spot it in a line and treat it as "
            "one; one specific detail shows it was written for them."
        ),
        example="We help businesses grow faster with smarter tools. Would you like to see a demo next week?",
        instead="Add one thing that is only true of them: \"Saw that Northwind opened a second site in Leeds.\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. A detail about the "
            "reader has to come from research, not from the text."
        ),
        sources=(
            "Doctrine section 5 (no trace of the reader) and section 8 (a trace is a checkable detail, not a "
            "name in the greeting). The 30-word minimum was set on the labelled corpus: shorter notes are often "
            "good one-line questions."
        ),
    ),
    severity=Severity.WARNING,
    requires=("POS", "TAG", "DEP", "LEMMA"),
    options=TraceOptions,
    profiles=("cold-email", "linkedin"),
    lexicons=("reader-trace",),
    fail=(
        # "a trade show" could be anyone's, "the usual tools" are the seller's, and a lowercase word the
        # tagger calls a name is no name
        "Hi Priya,\n\nI visited a big trade show last month and saw lots of great lamps. I rebuild checkout pages "
        "for furniture shops and have helped many teams. If there's ever anything I can do, just holler.\n",
        "Hi Priya,\n\nI tried the usual tools for 3 years and none of them worked. I rebuild checkout pages for "
        "furniture shops and have helped many teams. Would you like to see how?\n",
        "Hi Kenji,\n\nI love your content and I'm really impressed by what you're building. We help "
        "growing companies hire engineers faster with our vetted network of recruiters. Would you be open to a "
        "quick call this week?\n",
        # The reader's name said in passing and a trade acronym name no one in particular.
        Example("Thanks for connecting, Olivia!\n\nI'm the founder of Leadloom, where we help B2B service firms "
                "book more sales calls on autopilot with done-for-you outreach. Would you be open to a quick call "
                "to see if we can do the same for you?\n", profile="linkedin"),
        "Hi there,\n\nWe help businesses grow faster with smarter tools that save time and money every single "
        "day. Most teams find that our approach makes work easier and helps them get more done with less "
        "effort. Would you like to see a short demo next week?\n",
        "Hello,\n\nI work with sales leaders who want their reps to spend more time selling and less time on "
        "admin. It usually takes a few weeks to see a difference in the pipeline. Would a short call be "
        "useful to see if this fits?\n",
        "Hi,\n\nMost finance teams spend too long on the monthly close, and it gets harder as the company "
        "grows. There is a simpler way to do it that does not need a big project. Would it be worth a short "
        "conversation this month?\n",
        Example("Hi there,\n\nWe help teams grow faster with smarter tools. Would a short demo next week help?\n",
                options={"min-words": 10}),
        "Hi Sam,\n\nWe are a certified Salesforce and HubSpot partner with offices in Austin and Denver. Our "
        "consultants have delivered more than two hundred projects for clients of every size. Could we set up "
        "a call to talk about your plans?\n",
        # A year and the length of the meeting asked for are not numbers about the reader.
        "Subject: Growing your clinic in 2026\n\nHi there,\n\nWe help clinics fill empty appointment slots with "
        "reminders that patients actually read. Most practices see fewer no-shows within a month of switching. "
        "Would you be up for a 20-minute call on Thursday?\n",
        # A promise's numbers (what the reader could gain, and in how long) and "one" are the pitch's.
        "Hi Rae,\n\nWhat if you could double your bookings and free up 20 hours a week for your team? That is "
        "one place for every booking, and most salons see it within 30 days. Worth a look?\n",
        # A title with the greeting's name, and a plural that opens a sentence, are not names of theirs.
        "Subject: Dr. Okafor, a question\n\nDr. Okafor,\n\nClinicians are busier than ever, and the paperwork "
        "keeps growing every single week. There is a better way to run a practice. Reply yes and I will show "
        "you how it works.\n",
    ),
    passes=(
        # a firm named in apposition at the start of a sentence is no vocative
        "Hi Ola,\n\nHalvorsen, the firm you lead, just won the port contract, and the first crews start in June. We "
        "train crane operators for new port contracts. Would a plan for the June crews help?\n",
        # the greeted name parsed as the subject, the reader's own thing as its apposition
        "Hi Gloria, your last earnings call named inbound resin freight as a margin hit. We audit freight invoices "
        "for plastics makers and usually find duplicate charges. Worth sending one month of invoices for a look?\n",
        # a first-hand report on the reader's own product, with when it happened
        "Hi Rhea,\n\nI signed up for Fernleaf's free trial last week and got stuck at the bank step: it asked "
        "for a routing number before showing me anything. We fix sign-up drop-off for finance apps. Want the "
        "short recording of where I stalled?\n",
        "Hi Priya,\n\nI ordered the walnut desk lamp last month and the delivery date only showed up at the third "
        "step of checkout. Most buyers give up right there in my experience. I rebuild checkout pages for "
        "furniture shops. Want my three notes on what to move?\n",
        # capitals joined by "&" opening the subject name the reader's firm, not a Title-Cased line
        "Subject: Hollis & Vane returns page\n\nHi Dana,\n\nI tried returning a scarf on the site last night and the "
        "label step asked for the order number twice. Most shoppers give up at that point. We fixed the same step "
        "for a shoe brand last spring. Want the screenshots with what I'd change?\n",
        "Hi Dana,\n\nSaw that Northwind opened a second warehouse in Leeds last month. Two sites usually means "
        "twice the stock counts, and most teams do them by hand for a while. Would it help to see how others "
        "run both counts from one screen?\n",
        "Hello,\n\nYou mentioned on the webinar that your reps spend Fridays on admin. That is a whole day of "
        "selling each week. It usually takes a few weeks to win it back. Would a short call be useful to see "
        "if this fits?\n",
        "Hi {{first_name}},\n\nMost finance teams at {{company}} size spend too long on the monthly close, and "
        "it gets harder as the company grows. There is a simpler way that does not need a big project. "
        "Worth a short conversation?\n",
        Example("Hi there,\n\nWe help businesses grow faster with smarter tools that save time and money every single "
                "day. Most teams find that our approach makes work easier and helps them get more done with less "
                "effort. Would you like to see a short demo next week?\n", options={"min-words": 60}),
        "Hi Sam,\n\nI enjoyed your talk at Ops Summit about planning shifts around school holidays. We build "
        "rota software for retail chains and have seen the same gaps in the summer. Could we compare notes for "
        "twenty minutes next week?\n",
        "Hi Sam,\n\nI called Halden Dental at 7pm last night and reached a full voicemail box. We answer evening "
        "calls for dental practices and book the visits straight into the diary. Would the overflow numbers for "
        "a practice your size help?\n",
        "Hi Sam,\n\nI'm connected with Ana Ruiz, who said your stores still plan shifts on paper. We build rota "
        "software for retail chains and have seen the same gaps in the summer. Could we compare notes for "
        "twenty minutes next week?\n",
        "Hi Sam,\n\nWith your 40 reps spread over three regions, forecasts must take a while to pull together "
        "each week. We build a forecast view that updates itself from the CRM. Would a 15-minute look on Tuesday "
        "help?\n",
    ),
)
def no_reader_trace(ctx: RuleContext, opts: TraceOptions) -> Iterator[Finding]:
    body = ctx.region("body")
    if body is None or ctx.metrics.words < opts.min_words:
        return
    greeting = ctx.region("greeting")
    if any(greeting is None or not (greeting.start <= f.start < greeting.end) for f in ctx.prepared.merge_fields):
        return
    # Praise with nothing checkable in it ("love your content", "impressed by what you're building at
    # Corvid") is not a trace of the reader: its sentence counts for nothing (see GN004).
    praise = ctx.analysis("personal").shallow_praise
    if any(not any(s <= h[0] < e for s, e in praise) for h in ctx.lexicon("reader-trace")):
        return
    names = sender_names(ctx)
    # The reader's own name, as the greeting gives it ("Dr. Lee,"), is no trace in the subject either
    # ("Dr. Lee, a question"). Only there: a company the body names is theirs, greeted or not.
    greeting_words = {w.strip(",.!:").lower() for w in ctx.text[greeting.start : greeting.end].split()} if greeting else set()
    subject = ctx.region("subject")
    sentences = [*_subject_sentences(ctx), *ctx.body_sentences()]
    sentences = [s for s in sentences if not any(s.start_char <= p < s.end_char for p, _ in praise)]
    named_elsewhere = _named_mid_sentence(ctx, sentences)
    for sent in sentences:
        if _reader_fact(ctx.tokens_of(sent)) or _used_their_thing(ctx, sent):
            return
        tokens = [t for t in ctx.tokens_of(sent) if not ctx.prepared.in_url(t.idx, t.idx + len(t))]
        titled = title_case_capitals(tokens) - named_elsewhere
        if any(t.pos_ == "PROPN" and capitalised_name(ctx, t) and t.i not in names and t.i not in titled
               and t.lower_ not in NOT_NAMES and not addressed_by_name(t)
               and not (subject is not None and t.idx < subject.end and t.lower_ in greeting_words)
               and not _sellers_own(t, names) for t in tokens):
            return
        if reader_number(ctx, tokens):
            return
    yield ctx.finding(
        *ctx.trimmed(next(ctx.body_sentences())),
        "nothing about this reader: no company, role, situation or their words",
        Fix("Add one detail only true of them: their company, a post they wrote, a number from their world"),
    )


# "Your team" and "your business" could be anyone's; "your studio" or "your go-live" is this reader's.
_GENERIC_READER_NOUNS = frozenset(
    "team company business organization organisation needs goals customers time inbox day week life work "
    "industry role growth success future".split()
)


def _reader_fact(sent: list[Token]) -> bool:
    """A sentence (its tokens) about this reader in particular: "Your studio prints proofs", "You moved the go-live"."""
    for token in sent:
        # "Hi Gloria, your Q2 earnings call mentioned ...": the parser makes the greeted name the subject
        # and the reader's thing its apposition.
        if token.dep_ not in ("nsubj", "nsubjpass") and not (token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass")):
            continue
        if token.lower_ == "you" and token.head.tag_ in ("VBD", "VBN"):
            return True
        owner = [c for c in token.children if c.dep_ == "poss" and c.lower_ == "your"]
        if owner and token.lemma_.lower() not in _GENERIC_READER_NOUNS:
            return True
    return False


# What a seller does with the reader's product or service first-hand: "I bought the linen duvet".
_FIRST_HAND = frozenset("buy order try book shop sign download install subscribe".split())
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())


def _used_their_thing(ctx: RuleContext, sent) -> bool:
    """The seller reports trying the reader's product, with when or how much: "I bought the linen duvet
    last month", "I tried ordering the mug set last night and shipping showed at the third step", "I
    signed up for Tallypad's free trial last week". A
    first-hand report with a time in it is as checkable as a name."""
    tokens = ctx.tokens_of(sent)
    if not (mentions_a_date(sent.text) or any(t.like_num or t.lower_ in _ORDINALS for t in tokens)):
        return False
    return any(
        t.lemma_.lower() in _FIRST_HAND and t.tag_ == "VBD"
        and any(c.dep_ in SUBJECT_DEPS and c.lower_ == "i" for c in t.children)
        and any(_theirs(o) for o in _objects(t))
        for t in tokens
    )


def _objects(verb: Token) -> list[Token]:
    """What was bought or tried: the verb's object, or its complement's ("tried ordering the mug set")."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    for x in (c for c in verb.children if c.dep_ == "xcomp"):
        out += [c for c in x.children if c.dep_ == "dobj"]
    # "signed up for the Ember & Oak subscription", "subscribed to your newsletter"
    for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "to")):
        out += [c for c in p.children if c.dep_ == "pobj"]
    return out


_NOT_THEIRS = frozenset({"our", "my", "we", "us", "same", "usual", "other", "own"})


def _theirs(noun: Token) -> bool:
    """A particular thing of the reader's: "the linen duvet", "your app", "Tallypad's free trial". "A trade
    show" could be anyone's, and "the usual tools", "the same approach" or "the first call with our team"
    are the seller's."""
    if any(t.lower_ in _NOT_THEIRS for t in noun.subtree):
        return False
    return any((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and (c.lower_ == "your" or c.pos_ == "PROPN"))
               for c in noun.children)


# Verbs by which a seller reports what they found out about the reader ("I saw Northwind opened a site",
# "we read about Corvid's launch") or a tie to them ("I'm connected with Ana", "we met at Ops Summit"). A
# name in such a clause is the reader's world, whoever the subject is.
_FOUND_OUT = frozenset(
    "see notice read hear watch spot catch follow learn discover find come stumble congratulate "
    "connect meet know introduce refer recommend mention speak talk chat".split()
)


# The object of what the seller did: "I called Halden Dental", "we visited Corvid's site".
_OBJECTS = frozenset({"dobj", "oprd", "dative"})


def _sellers_own(name: Token, names: set[int]) -> bool:
    """Whether a name sits in a clause whose subject is the seller ("We are a Microsoft partner", "I play
    Bach on weekends"): the seller's credentials, tools or hobbies say nothing about this reader. A name
    attached to something of the reader's on the way up ("I enjoyed your talk at Ops Summit") is theirs."""
    if name.dep_ in _OBJECTS or (name.dep_ == "compound" and name.head.dep_ in _OBJECTS):
        return False  # the seller did something to it ("I called Tri-County Heating last night"): theirs
    head = name
    for _ in range(8):
        if head.head is head:
            break
        head = head.head
        lemma = head.lemma_.lower()
        if lemma in _FOUND_OUT or (lemma not in _GENERIC_READER_NOUNS and any(
                c.dep_ == "poss" and c.lower_ == "your" for c in head.children)):
            return False
        subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return any(classify(s, names) == "seller" for s in subjects)
    return False


def _named_mid_sentence(ctx: RuleContext, sentences: list) -> set[int]:
    """Capitalised words also written with a capital in the middle of an ordinary sentence: there the
    capital is the word's own, so the same word in a Title-Cased line is a name too."""
    spelled: dict[str, list[int]] = {}
    own: set[str] = set()
    for sent in sentences:
        tokens = ctx.tokens_of(sent)
        titled = title_case_capitals(tokens)
        for k, t in enumerate(tokens):
            if t.is_alpha and t.text[:1].isupper():
                spelled.setdefault(t.lower_, []).append(t.i)
                if k > 0 and t.i not in titled:
                    own.add(t.lower_)
    return {i for word in own for i in spelled[word]}


def _subject_sentences(ctx: RuleContext) -> list:
    subject = ctx.region("subject")
    if subject is None or subject.end <= subject.start:
        return []
    span = ctx.doc.char_span(subject.start, subject.end, alignment_mode="expand")
    return [span] if span is not None else []

