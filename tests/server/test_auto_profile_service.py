"""The service reads the profile from the message unless the request names one, and says which."""

from __future__ import annotations

import httpx

BODY = "Hi Dana,\n\nYour team doubled its support staff this spring. How are you keeping answers consistent?\n"


def test_the_service_infers_the_profile_and_names_the_reason(client: httpx.Client) -> None:
    for extra in ({}, {"profile": "auto"}):
        r = client.post("/v1/lint", json={"subject": "Re: support answers", "body": BODY, **extra})
        assert r.status_code == 200, r.text
        metrics = r.json()["metrics"]
        assert metrics["profile"] == "follow-up"
        assert "Re:" in metrics["profile_reason"]


def test_a_profile_in_the_request_wins(client: httpx.Client) -> None:
    r = client.post("/v1/lint", json={"subject": "Re: support answers", "body": BODY, "profile": "linkedin"})
    metrics = r.json()["metrics"]
    assert (metrics["profile"], metrics["profile_reason"]) == ("linkedin", "given by the record")


def test_the_schema_offers_auto(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    request = schema["components"]["schemas"]["LintRequest"]["properties"]["profile"]
    assert "auto" in str(request)
