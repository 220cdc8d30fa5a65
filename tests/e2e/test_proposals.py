#!/usr/bin/env python3
"""Proposals in discussions (src/domain/proposal.h, src/web/proposal.c,
src/api/proposal.c, src/http/jobs.h).

One server with no demo, its periodic jobs every second (--jobs-every 1), and a
fixture made through the API and the CLI: a public alliance with a district
platform (o-a: a convenor, a facilitator, a documenter, two members and an
observer) and its sibling (o-b: a member), a members-only alliance with a
member of its own, and someone signed out.

Covered:
  * each process: consent (a block needs a reason), a vote between options,
    a score of each option within its range; changing an answer; the tally
    (counts, percents, means) and who answered what;
  * results hidden while open, unless the opener chose to show them; who has
    not answered shown all along;
  * closing by time (a proposal closing a few seconds ahead: no test clock is
    needed) and early by a facilitator, after a confirmation page; answers
    refused once closed (409);
  * rights: only convenors and facilitators open and close proposals and
    record outcomes; only members of the platform who may read the thread
    answer (a member of the sibling platform reads it but does not answer);
    one open proposal at a time (409);
  * the outcome recorded as a decision of the platform, and of an event of
    the platform (it shows on the event's page); once only;
  * notifications: "proposal" to those who take part when one opens, and
    "proposal_closing" once, from the periodic job, to those who have not
    answered a proposal closing within a day;
  * the proposal's visibility is its thread's: pages and API answer 404 to
    those who may not read the thread (the visibility matrix of
    test_visibility.py covers the rest);
  * bad input answered 4xx naming the field; forms on pages, with errors
    beside the field.
"""
import datetime
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, run, Obj, ok, validate_html  # noqa: E402
import test_openapi  # noqa: E402  (its check of answers against the OpenAPI document)

API = "/api/v1"
PASSWORD = "zq-vote-secret"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"

server = None
F = None


def V(label):
    return F.by[label]


def wall(seconds):
    """A UTC wall time this many seconds from now, with seconds."""
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def build_fixture():
    global F
    F = Obj(viewers=[], platforms={})
    alliances = {}
    for label, slug, vis in (("open", "zq-vote-open", "public"),
                             ("closed", "zq-vote-closed", "members")):
        ok(server.post_json(API + "/alliances", {
            "slug": slug, "name": "Zq %s vote alliance" % label, "levels": ["National", "District"],
            "visibility": vis}), 201)
        alliances[label] = slug
    for label, alliance in (("o-a", "open"), ("o-b", "open"), ("c-a", "closed")):
        doc = ok(server.post_json(API + "/platforms", {
            "alliance": alliances[alliance], "name": "Zq vote platform %s" % label}), 201)
        F.platforms[label] = doc["id"]
    anonymous = Obj(label="signed-out", person=None)
    anonymous.api = anonymous.web = server.client()
    F.viewers.append(anonymous)
    for label, platform, role in (("convenor", "o-a", "convenor"),
                                  ("facilitator", "o-a", "facilitator"),
                                  ("documenter", "o-a", "documenter"),
                                  ("member", "o-a", "member"),
                                  ("member2", "o-a", "member"),
                                  ("observer", "o-a", "observer"),
                                  ("sibling", "o-b", "member"),
                                  ("outsider", "c-a", "member")):
        email = "%s@vote.zq.test" % label
        name = "Zq Voter %s" % label.title()
        person = ok(server.post_json(API + "/people", {"name": name, "email": email}), 201)
        ok(server.post_json(API + "/memberships", {
            "platform": F.platforms[platform], "person": person["id"], "role": role}), 201)
        server.cli_ok("user", "add", "--email", email, "--name", name, "--password-stdin",
                      stdin=PASSWORD + "\n")
        token = server.cli_ok("token", "add", "--email", email, "--label", "vote").strip()
        v = Obj(label=label, person=person["id"], name=name)
        v.api = server.client(token)
        v.web = server.web_client(email, PASSWORD)
        F.viewers.append(v)
    F.by = {v.label: v for v in F.viewers}
    # A thread every member of the alliance reads; a platform-only one.
    F.thread = ok(V("member").api.post_json(API + "/discussions", {
        "platform": F.platforms["o-a"], "title": "Zq which latrine design",
        "visibility": "alliance", "body": "Which design should the district adopt?"}), 201)["id"]
    F.private = ok(V("member").api.post_json(API + "/discussions", {
        "platform": F.platforms["o-a"], "title": "Zq platform-only budget talk",
        "visibility": "platform", "body": "Only for us."}), 201)["id"]
    # Members of o-a who take part: everyone with a membership there.
    F.takers = ["convenor", "facilitator", "documenter", "member", "member2", "observer"]


def open_proposal(who, thread, status=201, **fields):
    body = {"title": "Zq adopt the VIP latrine", "process": "consent", "closes_at": wall(86400 * 3),
            "time_zone": "UTC"}
    body.update(fields)
    return ok(V(who).api.post_json(API + "/discussions/%s/proposals" % thread, body), status,
              "open by %s: %r" % (who, fields))


def answer(who, proposal, status=200, **fields):
    """Answers; status 200 stands for success: 201 for a first answer, 200
    for a change."""
    r = V(who).api.post_json(API + "/proposals/%s/answers" % proposal, fields)
    if status == 200 and r.status == 201:
        status = 201
    return ok(r, status, "answer by %s: %r" % (who, fields))


def close(who, proposal, status=200):
    return ok(V(who).api.patch_json(API + "/proposals/" + proposal, {"closed": True}), status,
              "close by " + who)


def get(who, proposal, status=200):
    doc = ok(V(who).api.get(API + "/proposals/" + proposal), status, "read by " + who)
    if status == 200:
        documented(doc, "/api/v1/proposals/{id}", "get", "GET proposal as " + who)
    return doc


def documented(doc, path, method, where, status="200"):
    """Checks an answer against its schema in the OpenAPI document."""
    test_openapi.check(doc, test_openapi.response_schema(path, method, status), where)


def waiting_names(doc):
    return sorted(w["name"] for w in doc["waiting"])


def names(*labels):
    return sorted(V(label).name for label in labels)


# Tests ------------------------------------------------------------------------------

def test_only_facilitators_open_and_close():
    for who in ("member", "documenter", "observer", "sibling"):
        err = open_proposal(who, F.thread, 403)
        assert err["error"]["code"], err
    # Signed out, the alliance-wide thread is not there at all.
    ok(V("signed-out").api.post_json(API + "/discussions/%s/proposals" % F.thread, {
        "title": "x", "process": "consent", "closes_at": wall(3600)}), 404)
    p = open_proposal("facilitator", F.thread, title="Zq rights check")
    # One open proposal at a time.
    err = open_proposal("convenor", F.thread, 409)
    assert "open proposal" in err["error"]["message"], err
    for who in ("member", "documenter", "sibling"):
        close(who, p["id"], 403)
    r = V("member").web.get("/proposals/%s/close" % p["id"])
    assert r.status == 403, r.status
    closed = close("convenor", p["id"])
    assert closed["closed"] and closed["closed_at"], closed
    close("facilitator", p["id"], 409)


def test_consent_block_needs_reason_and_answers_change():
    p = open_proposal("facilitator", F.thread, title="Zq consent to the VIP design",
                      body="We adopt the **VIP** design.", closes_at=wall(6))
    assert p["process"] == "consent" and not p["closed"] and p["results"] is None, p
    assert waiting_names(p) == names(*F.takers), p["waiting"]
    err = answer("member2", p["id"], 400, choice="block")
    assert err["error"]["field"] == "reason", err
    err = answer("member2", p["id"], 400, choice="maybe")
    assert err["error"]["field"] == "choice", err
    answer("member2", p["id"], choice="block", reason="It floods in the rains")
    r = V("member").api.post_json(API + "/proposals/%s/answers" % p["id"], {"choice": "agree"})
    first = ok(r, 201, "a first answer")
    assert r.header("Location").endswith("/api/v1/proposals/" + p["id"])
    # Before it closes: the results are hidden, one's own answer is shown.
    assert first["results"] is None and [a["choice"] for a in first["answers"]] == ["agree"], first
    changed = ok(V("member").api.post_json(API + "/proposals/%s/answers" % p["id"], {
        "choice": "disagree", "reason": "Too costly"}), 200, "a changed answer")
    assert [a["choice"] for a in changed["answers"]] == ["disagree"], changed
    assert changed["answer_count"] == 2, changed
    assert waiting_names(changed) == names("convenor", "facilitator", "documenter", "observer")
    # A member of the sibling platform reads the thread and the proposal, but
    # does not take part.
    seen = get("sibling", p["id"])
    assert not seen["may_answer"] and seen["answers"] == [] and seen["results"] is None, seen
    answer("sibling", p["id"], 403, choice="agree")
    # The page hides the results too, and shows who has not answered.
    page = V("member").web.get("/proposals/" + p["id"]).text
    assert "Results are shown when it closes" in page and V("observer").name in page
    assert "Too costly" in page  # the member's own answer, in their form
    assert "It floods in the rains" not in page
    # Closing by time: the closing time passes, nothing needs to run.
    time.sleep(7)
    done = get("member", p["id"])
    assert done["closed"] and done["closed_at"] is None, done
    rows = {row["choice"]: row for row in done["results"]["rows"]}
    assert done["results"]["answers"] == 2
    assert rows["disagree"]["count"] == 1 and rows["disagree"]["percent"] == 50, rows
    assert rows["block"]["count"] == 1 and rows["agree"]["count"] == 0, rows
    said = {a["person_name"]: (a["choice"], a["reason"]) for a in done["answers"]}
    assert said == {V("member").name: ("disagree", "Too costly"),
                    V("member2").name: ("block", "It floods in the rains")}, said
    answer("member", p["id"], 409, choice="agree")
    page = V("sibling").web.get("/proposals/" + p["id"]).text
    assert "It floods in the rains" in page and "Did not answer (4)" in page, page[-3000:]
    F.consent = p["id"]


def test_vote_with_results_open_and_early_close_page():
    p = open_proposal("convenor", F.thread, title="Zq choose a design", process="vote",
                      options=["VIP latrine", "Pour-flush", "EcoSan"], results_open=True)
    assert p["options"] == ["VIP latrine", "Pour-flush", "EcoSan"] and p["results"], p
    for bad in ({"option": 3}, {"option": -1}, {"option": "1"}, {}):
        err = answer("member", p["id"], 400, **bad)
        assert err["error"]["field"] == "option", (bad, err)
    answer("member", p["id"], option=0)
    answer("member2", p["id"], option=1)
    doc = answer("member", p["id"], option=1)
    rows = doc["results"]["rows"]
    assert [r["count"] for r in rows] == [0, 2, 0] and rows[1]["percent"] == 100, rows
    # Results shown while open: on the page too.
    page = V("observer").web.get("/proposals/" + p["id"]).text
    assert "Who answered what" in page and "Pour-flush" in page
    # The web form of an answer, with a bad value kept beside its field.
    r = V("observer").web.post_form("/proposals/%s/answer" % p["id"], {"option": "7"})
    assert r.status == 400 and 'id="f-option"' in r.text and "Choose one of the options" in r.text
    r = V("observer").web.post_form("/proposals/%s/answer" % p["id"], {"option": "2"})
    assert r.status == 303, r.status
    assert get("observer", p["id"])["answers"][-1]["option"] == 2
    # Closing early asks first, on a page of its own.
    page = V("facilitator").web.get("/proposals/%s/close" % p["id"])
    assert page.status == 200 and "Close the proposal now?" in page.text
    r = V("facilitator").web.post_form("/proposals/%s/close" % p["id"], {})
    assert r.status == 303, r.status
    assert get("member", p["id"])["closed"]


def test_score():
    p = open_proposal("facilitator", F.thread, title="Zq score the sites", process="score",
                      options=["Zaare", "Sumbrungu"], score_min=0, score_max=5)
    assert p["score_min"] == 0 and p["score_max"] == 5, p
    for bad in ([6, 1], [1], [1, "2"], "3", [-1, 2]):
        err = answer("member", p["id"], 400, scores=bad)
        assert err["error"]["field"] == "scores", (bad, err)
    answer("member", p["id"], scores=[4, 1])
    answer("member2", p["id"], scores=[3, 2])
    answer("member2", p["id"], scores=[5, 2])
    done = close("facilitator", p["id"])
    rows = done["results"]["rows"]
    assert rows[0]["mean"] == 4.5 and rows[0]["count"] == 2, rows
    assert rows[1]["mean"] == 1.5, rows
    page = V("member").web.get("/proposals/" + p["id"]).text
    assert "4.5" in page and "Sumbrungu: 2" in page


def test_bad_input_names_the_field():
    thread = ok(V("member").api.post_json(API + "/discussions", {
        "platform": F.platforms["o-a"], "title": "Zq bad input", "visibility": "alliance",
        "body": "For bad input."}), 201)["id"]
    cases = [
        ({"title": ""}, "title"),
        ({"title": 5}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"process": "lottery"}, "process"),
        ({"process": "vote", "options": ["only one"]}, "options"),
        ({"process": "vote", "options": ["same", "same"]}, "options"),
        ({"process": "vote", "options": ["o%d" % i for i in range(21)]}, "options"),
        ({"process": "vote", "options": "a,b"}, "options"),
        ({"process": "score", "options": ["a", "b"], "score_min": 5, "score_max": 5},
         "score_max"),
        ({"process": "score", "options": ["a", "b"], "score_min": 500, "score_max": 5},
         "score_min"),
        ({"closes_at": wall(-60)}, "closes_at"),
        ({"closes_at": wall(86400 * 400)}, "closes_at"),
        ({"closes_at": "2026-02-30T10:00"}, "closes_at"),
        ({"closes_at": ""}, "closes_at"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"results_open": "yes"}, "results_open"),
        ({"colour": "red"}, "colour"),
    ]
    for fields, field in cases:
        err = open_proposal("facilitator", thread, 400, **fields)
        assert err["error"]["field"] == field, (fields, err)
    r = V("facilitator").api.request(
        "POST", API + "/discussions/%s/proposals" % thread,
        body=b'{"title": "\xff\xfe", "process": "consent", "closes_at": "2099-01-01T00:00"}',
        headers={"Content-Type": "application/json"})
    assert r.status == 400, r.status
    r = V("facilitator").api.request("POST", API + "/discussions/%s/proposals" % thread,
                                     body=b"{not json", headers={"Content-Type":
                                                                  "application/json"})
    assert r.status == 400, r.status
    ok(V("facilitator").api.get(API + "/proposals/" + UNKNOWN_ID), 404)
    ok(V("facilitator").api.post_json(API + "/discussions/%s/proposals" % UNKNOWN_ID,
                                      {"title": "x"}), 404)
    # On the page, the error sits beside its field and what was typed stays.
    r = V("facilitator").web.post_form("/discussions/%s/proposals/new" % thread, {
        "title": "Zq typed title", "process": "vote", "options": "just one",
        "closes_at": "2099-01-01T10:00", "time_zone": "UTC", "results_open": "no"})
    assert r.status == 400 and "Give at least two options" in r.text, r.text[:500]
    assert 'value="Zq typed title"' in r.text
    # Opening through the page works too.
    page = V("facilitator").web.get("/discussions/%s/proposals/new" % thread)
    assert page.status == 200 and 'name="closes_at"' in page.text
    r = V("facilitator").web.post_form("/discussions/%s/proposals/new" % thread, {
        "title": "Zq opened on the page", "process": "vote", "options": "Yes\nNo\n",
        "closes_at": wall(7200)[:16], "time_zone": "Africa/Accra", "results_open": "no"})
    assert r.status == 303, (r.status, r.text[:300])
    page = V("member").web.get("/discussions/" + thread).text
    assert "Zq opened on the page" in page and "Your choice" in page


def test_outcome_recorded_as_decision():
    p = open_proposal("facilitator", F.thread, title="Zq fund the pilot", process="consent")
    # Not before it closes.
    err = ok(V("facilitator").api.patch_json(API + "/proposals/" + p["id"], {
        "outcome": "Agreed", "record": "platform"}), 409)
    assert err["error"]["field"] == "outcome"
    answer("member", p["id"], choice="agree")
    close("facilitator", p["id"])
    ok(V("member").api.patch_json(API + "/proposals/" + p["id"], {
        "outcome": "Agreed", "record": "platform"}), 403)
    for fields, field in (({"outcome": "", "record": "platform"}, "outcome"),
                          ({"outcome": "Agreed", "record": "minutes"}, "record"),
                          ({"outcome": "Agreed", "record": "event", "event": UNKNOWN_ID}, "event"),
                          ({"outcome": "Agreed", "closed": True}, "closed")):
        err = ok(V("facilitator").api.patch_json(API + "/proposals/" + p["id"], fields), 400)
        assert err["error"]["field"] == field, (fields, err)
    done = ok(V("facilitator").api.patch_json(API + "/proposals/" + p["id"], {
        "outcome": "The platform funds the pilot in Zaare.", "record": "platform"}), 200)
    assert done["decision"]["id"] and done["decision"]["event"] is None, done
    assert done["outcome"] == "The platform funds the pilot in Zaare."
    ok(V("facilitator").api.patch_json(API + "/proposals/" + p["id"], {
        "outcome": "Again", "record": "platform"}), 409)
    page = V("sibling").web.get("/proposals/" + p["id"]).text
    assert "Recorded as a decision of the platform" in page
    # A decision of an event of the platform, chosen from a list on the page.
    event = ok(V("facilitator").api.post_json(API + "/events", {
        "platforms": [F.platforms["o-a"]], "kind": "meeting", "title": "Zq quarterly meeting",
        "start": "2026-03-12T09:00", "end": "2026-03-12T12:00", "time_zone": "UTC",
        "status": "published", "visibility": "alliance"}), 201)
    q = open_proposal("facilitator", F.thread, title="Zq hire a mason", process="consent")
    close("facilitator", q["id"])
    form = V("facilitator").web.get("/proposals/%s/outcome" % q["id"])
    assert form.status == 200 and "Zq quarterly meeting" in form.text
    r = V("facilitator").web.post_form("/proposals/%s/outcome" % q["id"], {
        "outcome": "", "record": "event", "event": event["id"]})
    assert r.status == 400 and "Write the outcome statement" in r.text
    r = V("facilitator").web.post_form("/proposals/%s/outcome" % q["id"], {
        "outcome": "Zq a mason is hired for Zaare", "record": "event", "event": event["id"]})
    assert r.status == 303, (r.status, r.text[:300])
    doc = get("member", q["id"])
    assert doc["decision"]["event"] == event["id"], doc
    assert "Zq a mason is hired for Zaare" in V("member").web.get("/events/" + event["id"]).text
    assert "Recorded as a decision of the event" in V("member").web.get(
        "/proposals/" + q["id"]).text
    # The decision links back to the proposal, for those who may read its
    # thread: a platform-only thread's proposal recorded in an event the
    # sibling platform reads is named to its members only.
    page = V("member").web.get("/events/" + event["id"]).text
    assert "/proposals/" + q["id"] in page and "The proposal it settled" in page
    hidden = open_proposal("facilitator", F.private, title="Zq private pilot budget")
    close("facilitator", hidden["id"])
    ok(V("facilitator").api.patch_json(API + "/proposals/" + hidden["id"], {
        "outcome": "Zq the pilot budget is agreed", "record": "event", "event": event["id"]}), 200)
    for who, sees in (("member", True), ("sibling", False)):
        doc = ok(V(who).api.get(API + "/events/" + event["id"]), 200, "event as " + who)
        linked = {d["text"]: d["proposal"] for d in doc["decisions"]}
        assert linked["Zq a mason is hired for Zaare"] == q["id"], linked
        assert linked["Zq the pilot budget is agreed"] == (hidden["id"] if sees else None), linked
        page = V(who).web.get("/events/" + event["id"]).text
        assert ("/proposals/" + hidden["id"] in page) == sees, who
        assert "Zq private pilot budget" not in page


def test_a_platforms_decisions():
    """Bug: a decision of a platform (a proposal's outcome, without an event)
    had no list, and GET /api/v1/decisions/{id} answered 404 for it, as the
    decision queries joined the event. The platform's page of decisions lists
    those of its events and its own, newest first, each with a link to where
    it came from; the API lists and reads them; a decision of a platform is
    changed through its proposal (409)."""
    platform = F.platforms["o-a"]
    listed = ok(V("member").api.get(API + "/platforms/%s/decisions" % platform), 200)
    documented(listed, "/api/v1/platforms/{id}/decisions", "get", "decisions of a platform")
    own = [d for d in listed["items"] if d["event"] is None]
    at_events = [d for d in listed["items"] if d["event"] is not None]
    assert own and at_events, listed
    assert listed["total"] == len(listed["items"])
    for d in own:
        assert d["platform"] == platform and d["proposal"], d
        doc = ok(V("member").api.get(API + "/decisions/" + d["id"]), 200, "a platform's decision")
        documented(doc, "/api/v1/decisions/{id}", "get", "a platform's decision")
        assert doc == d, (doc, d)
        r = V("facilitator").api.patch_json(API + "/decisions/" + d["id"], {"text": "Zq changed"})
        assert r.status == 409, (r.status, r.text)
        assert V("facilitator").api.delete(API + "/decisions/" + d["id"]).status == 409
    page = V("member").web.get("/platforms/%s/decisions" % platform)
    assert page.status == 200
    assert "The platform funds the pilot in Zaare." in page.text
    assert "/events/" + at_events[0]["event"] in page.text
    assert "/proposals/" + own[0]["proposal"] in page.text
    assert "%d decision" % listed["total"] in page.text
    # Newest first: the event of 12 March 2026 comes after today's decisions.
    assert page.text.index("The platform funds the pilot in Zaare.") < \
        page.text.index("Zq a mason is hired for Zaare")
    assert "/platforms/%s/decisions" % platform in V("member").web.get(
        "/platforms/" + platform).text
    empty = V("sibling").web.get("/platforms/%s/decisions" % F.platforms["o-b"])
    assert empty.status == 200 and "No decisions yet" in empty.text
    validate_html({"decisions": page.text, "no decisions": empty.text})
    # A platform of a members-only alliance the reader is not on: 404.
    closed = F.platforms["c-a"]
    assert V("member").web.get("/platforms/%s/decisions" % closed).status == 404
    ok(V("member").api.get(API + "/platforms/%s/decisions" % closed), 404)
    ok(V("member").api.get(API + "/platforms/%s/decisions?limit=0" % platform), 400)


def test_notifications_opened_and_closing():
    def kinds(who, proposal):
        doc = ok(V(who).api.get(API + "/people/%s/notifications?limit=100" % V(who).person), 200)
        documented(doc, "/api/v1/people/{id}/notifications", "get", "notifications of " + who)
        return [n["kind"] for n in doc["items"] if n.get("proposal") == proposal]
    p = open_proposal("facilitator", F.private, title="Zq budget split", process="consent",
                      closes_at=wall(86400 * 2))
    for who in ("convenor", "member", "member2", "observer", "documenter"):
        assert kinds(who, p["id"]) == ["proposal"], who
    assert kinds("facilitator", p["id"]) == []  # the one who opened it
    assert kinds("sibling", p["id"]) == []      # may not read the thread
    page = V("member").web.get("/notifications").text
    assert "opened the proposal" in page and "Zq budget split" in page
    answer("member", p["id"], choice="agree")
    # The closing time comes within a day (moved, as time would): the
    # periodic job (--jobs-every 1) tells those who have not answered, once.
    soon = (datetime.datetime.now(datetime.timezone.utc)
            + datetime.timedelta(hours=23)).strftime("%Y-%m-%dT%H:%M:%SZ")
    server.sql_write("UPDATE proposal SET closes_at = ? WHERE id = ?", (soon, p["id"]))
    deadline = time.time() + 15
    while time.time() < deadline and "proposal_closing" not in kinds("member2", p["id"]):
        time.sleep(0.5)
    assert kinds("member2", p["id"]) == ["proposal_closing", "proposal"]
    assert kinds("member", p["id"]) == ["proposal"]  # answered already
    time.sleep(2.5)
    assert kinds("member2", p["id"]) == ["proposal_closing", "proposal"]  # only once
    page = V("member2").web.get("/notifications").text
    assert "closes within a day" in page
    # Preferences: "never" for proposals stops them.
    ok(V("observer").api.patch_json(API + "/people/%s/notification-preferences" %
                                    V("observer").person, {"proposal": "never"}), 200)
    close("facilitator", p["id"])
    q = open_proposal("facilitator", F.private, title="Zq second budget split")
    assert kinds("observer", q["id"]) == [] and kinds("member", q["id"]) == ["proposal"]
    close("facilitator", q["id"])


def test_visibility_follows_the_thread():
    p = open_proposal("facilitator", F.private, title="Zq private proposal")
    for who in ("sibling", "outsider", "signed-out"):
        ok(V(who).api.get(API + "/proposals/" + p["id"]), 404 if who != "signed-out" else 404)
        assert V(who).web.get("/proposals/" + p["id"]).status == 404, who
        r = V(who).api.post_json(API + "/proposals/%s/answers" % p["id"], {"choice": "agree"})
        assert r.status == 404, (who, r.status)
        r = V(who).api.get(API + "/discussions/%s/proposals" % F.private)
        assert r.status == 404, (who, r.status)
    for who in F.takers:
        assert get(who, p["id"])["may_answer"], who
    listed = ok(V("member").api.get(API + "/discussions/%s/proposals" % F.private), 200)
    documented(listed, "/api/v1/discussions/{id}/proposals", "get", "list of proposals")
    assert p["id"] in [x["id"] for x in listed["items"]]
    close("facilitator", p["id"])


def main():
    global server
    with Server(args=("--jobs-every", "1")) as s:
        server = s
        build_fixture()
        run([
            test_only_facilitators_open_and_close,
            test_consent_block_needs_reason_and_answers_change,
            test_vote_with_results_open_and_early_close_page,
            test_score,
            test_bad_input_names_the_field,
            test_outcome_recorded_as_decision,
            test_a_platforms_decisions,
            test_notifications_opened_and_closing,
            test_visibility_follows_the_thread,
        ])


if __name__ == "__main__":
    main()
