"""A deterministic synthetic corpus of outreach emails (50-300 words) for the benchmarks.

Sentences are drawn from banks of reader-centred, product-centred, feature-heavy, pushy and asking
lines, so every family of rules has work to do. The same seed always gives the same messages.
"""

from __future__ import annotations

import random

FIRST = ["Dana", "Lee", "Priya", "Marcus", "Ana", "Tom", "Keith", "Ruth", "Kofi", "Elena", "Jorge", "Sophie"]
COMPANY = ["Northwind", "Fieldline", "Calder", "Pinecrest", "Holloway", "Ostara", "Brightwater", "Kestrel"]
READER = [
    "Your team at {co} posted three analyst roles this month.",
    "You mentioned on the panel that month-end at {co} takes nine working days.",
    "{co} opened a second warehouse in Leeds last quarter.",
    "Your support queue doubled this year while the team stayed the same size.",
    "Your new reps take about three months to close their first deal.",
    "Your pricing page changed twice this year, which usually means renewals are on the agenda.",
    "Most of that time goes into matching invoices against purchase orders by hand.",
    "Teams like Alder Outdoor cut refund time from 12 days to 3 by checking returns at the door.",
    "That usually means the weekly reports are piling up and analysts rebuild them every Monday.",
]
SELLER = [
    "We are the industry-leading provider of revenue analytics.",
    "Our platform connects to more than 200 data sources.",
    "We offer dashboards, alerts, forecasting and SSO.",
    "We leverage machine learning in order to surface insights.",
    "Our team has spent eight years building the best-in-class solution.",
    "We help companies like yours streamline their operations.",
    "Our AI-powered suite is scalable, customizable and cloud-native.",
    "I hope this email finds you well.",
]
PUSH = [
    "This month only, new customers get 20% off.",
    "Our promotion ends Friday, so act now.",
    "Just bumping this to the top of your inbox.",
]
ASKS = [
    "Worth a look?",
    "Would a 15-minute call on Thursday at 10 work?",
    "Want me to send the one-page summary?",
    "Let me know if you're interested.",
    "Who owns onboarding at {co}?",
    "Can we book a 60-minute demo next week?",
]


def message(rng: random.Random, target_words: int) -> dict[str, str]:
    co = rng.choice(COMPANY)
    lines: list[str] = []
    words = 0
    while words < target_words - 8:
        bank = rng.choices([READER, SELLER, PUSH], weights=[5, 4, 1])[0]
        line = rng.choice(bank).format(co=co)
        lines.append(line)
        words += len(line.split())
    paragraphs = [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
    body = f"Hi {rng.choice(FIRST)},\n\n" + "\n\n".join(paragraphs) + "\n\n" + rng.choice(ASKS).format(co=co) + "\n\nSam"
    subject = rng.choice(["Quick question", f"Idea for {co}", "Introducing our platform", f"{co} and month-end"])
    return {"subject": subject, "body": body}


def corpus(n: int, seed: int = 7, min_words: int = 50, max_words: int = 300) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [message(rng, rng.randint(min_words, max_words)) for _ in range(n)]


def email_of(words: int, seed: int = 11) -> dict[str, str]:
    """One message of about ``words`` words (the latency benchmark uses ~150)."""
    return message(random.Random(seed), words)
