#!/usr/bin/env python3
"""End-to-end tests of the learning agenda and action-research cycles (issue
7, parts 3 and 4; src/domain/question.h, src/domain/cycle.h).

A public alliance with a national platform and three districts is built
through the API. The national convenor raises a question owned with two of
the districts, through the forms: the list's empty state, the form's errors
beside their fields, editing, linking events, lessons and documents by their
addresses, deleting after a confirmation page. Then the rights table
(rights.h: convenors and facilitators set the agenda; members write cycles;
observers read), cycles numbered per question and platform, the next cycle
with its plan prefilled from the reflection, a lesson prefilled from the
reflection and linked to the question, bad API input answered 400 naming the
field, the audit trail, search through every owning platform (and the joint
event found from every platform holding it), and html-validate on every page
fetched.
"""
import datetime
import html
import os
import re
import sys
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Server, run, ok  # noqa: E402

API = "/api/v1"
PASSWORD = "zq-agenda-secret"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"
SLUG = "zq-agenda"

server = None
W = {}          # platforms, people, their clients and tokens, by label
PAGES = {}      # every page fetched, for html-validate at the end


def page(client, path, status=200):
    """GETs a page, checks its status, keeps it for the validator."""
    r = client.get(path)
    assert r.status == status, "%s: %d %s" % (path, r.status, r.text[:300])
    if "text/html" in (r.header("Content-Type") or ""):
        PAGES["%s %d %d" % (path, status, len(PAGES))] = r.text
    return r.text


def form(client, path, fields, status=303):
    """Posts a form; keeps an error page for the validator."""
    r = client.post_form(path, fields)
    assert r.status == status, "POST %s: %d %s" % (path, r.status, r.text[:400])
    if status != 303 and "text/html" in (r.header("Content-Type") or ""):
        PAGES["POST %s %d" % (path, len(PAGES))] = r.text
    return r


def field_error(text, name):
    """The error message shown beside the field called name, or None."""
    m = re.search(r'<p class="field-error" id="f-%s-error">.*?</span> ([^<]*)</p>'
                  % re.escape(name), text, re.S)
    return html.unescape(m.group(1)) if m else None


def setup():
    s = server
    ok(s.post_json(API + "/alliances", {"slug": SLUG, "name": "Zq agenda alliance",
                                        "levels": ["National", "District"],
                                        "visibility": "public"}), 201)
    nat = ok(s.post_json(API + "/platforms", {"alliance": SLUG, "name": "Zq national"}), 201)
    W["nat"] = nat
    for label in ("d1", "d2", "d3"):
        W[label] = ok(s.post_json(API + "/platforms", {
            "alliance": SLUG, "name": "Zq district " + label, "parent": nat["id"]}), 201)
    roles = [("convenor", "nat", "convenor"), ("facilitator", "d1", "facilitator"),
             ("member", "d1", "member"), ("observer", "d1", "observer"),
             ("member2", "d2", "member"), ("member3", "d3", "member"),
             ("outsider", None, None)]
    for label, platform, role in roles:
        email = "%s@agenda.zq.test" % label
        person = ok(s.post_json(API + "/people", {"name": "Zq " + label, "email": email}), 201)
        if platform:
            ok(s.post_json(API + "/memberships", {"platform": W[platform]["id"],
                                                  "person": person["id"], "role": role}), 201)
        s.cli_ok("user", "add", "--email", email, "--name", "Zq " + label,
                 "--password-stdin", stdin=PASSWORD + "\n")
        token = s.cli_ok("token", "add", "--email", email, "--label", "t").strip()
        W[label] = {"person": person, "email": email, "api": s.client(token),
                    "web": s.web_client(email, PASSWORD)}


def new_question(client, **fields):
    body = {"platforms": [W["nat"]["id"], W["d1"]["id"], W["d2"]["id"]],
            "title": "Why do water points fail early?", "visibility": "platform"}
    body.update(fields)
    return ok(client.post_json(API + "/questions", body), 201)


def test_raise_edit_and_delete_through_the_forms():
    web = W["convenor"]["web"]
    agenda = "/alliances/%s/questions" % SLUG
    text = page(web, agenda)
    assert "No learning questions yet" in text and agenda + "/new" in text
    assert agenda in page(web, "/alliances/" + SLUG), "the alliance page links its agenda"
    new = page(web, agenda + "/new")
    assert 'name="platform"' in new and 'name="platforms"' in new
    # Bad input: each error beside its field, what was typed kept.
    r = form(web, agenda + "/new", [("platform", W["nat"]["id"]), ("title", ""),
                                    ("body", "Kept *text*"), ("raised_on", "2999-01-01"),
                                    ("status", "finished"), ("visibility", "secret")], 400)
    assert field_error(r.text, "title").startswith("Enter the question"), r.text
    assert field_error(r.text, "raised_on") == "The date must be today or in the past"
    assert field_error(r.text, "status").startswith("Choose the status")
    assert field_error(r.text, "visibility").startswith("Choose who may read it")
    assert "Kept *text*" in r.text
    r = form(web, agenda + "/new", [("platform", W["nat"]["id"]), ("title", "x" * 301)], 400)
    assert "300" in field_error(r.text, "title")
    r = form(web, agenda + "/new", [("platform", UNKNOWN_ID), ("title", "Lost")], 400)
    assert field_error(r.text, "platform") == "Choose the home platform"
    # A good one, owned with two districts.
    r = form(web, agenda + "/new", [("platform", W["nat"]["id"]), ("platforms", W["d1"]["id"]),
                                    ("platforms", W["d2"]["id"]),
                                    ("title", "Zq why do handpumps fail?"),
                                    ("body", "Because **nobody** pays?"), ("status", ""),
                                    ("visibility", "platform"), ("raised_on", "2026-01-05")])
    qpath = r.header("Location")
    assert re.fullmatch(r"/questions/[0-9a-f-]{36}", qpath), qpath
    text = page(web, qpath)
    assert "Zq why do handpumps fail?" in text and "<strong>nobody</strong>" in text
    assert "Open" in text and "Zq district d1" in text and "Zq district d2" in text
    assert "No cycles yet" in text and "Start a cycle on Zq national" in text
    # The pages of its owning platforms list it; another platform's does not.
    for label in ("nat", "d1", "d2"):
        assert qpath in page(web, "/platforms/" + W[label]["id"]), label
    assert "owns no learning question yet" in page(web, "/platforms/" + W["d3"]["id"])
    qid = qpath.rsplit("/", 1)[1]
    got = ok(W["convenor"]["api"].get(API + "/questions/" + qid))
    assert got["platforms"] == [W[p]["id"] for p in ("nat", "d1", "d2")]
    assert got["status"] == "open" and got["raised_on"] == "2026-01-05"
    # The list filters by status.
    text = page(web, agenda)
    assert "1 learning question" in text and "Zq why do handpumps fail?" in text
    text = page(web, agenda + "?status=answered")
    assert "No learning question has this status" in text
    # Editing: the status changes; the home platform stays first.
    edit = page(web, qpath + "/edit")
    assert 'name="platform"' not in edit, "the home platform is not offered again"
    form(web, qpath + "/edit", [("platforms", W["d1"]["id"]), ("title", "Zq why do handpumps fail?"),
                                ("body", "Because nobody pays?"), ("status", "exploring"),
                                ("visibility", "platform"), ("raised_on", "2026-01-05")])
    got = ok(W["convenor"]["api"].get(API + "/questions/" + qid))
    assert got["status"] == "exploring" and got["platforms"] == [W["nat"]["id"], W["d1"]["id"]]
    assert "Being explored" in page(web, qpath)
    # Deleting asks first, on a page of its own.
    confirm = page(web, qpath + "/delete")
    assert "every one of its action-research cycles" in confirm
    form(web, qpath + "/delete", {})
    page(web, qpath, 404)
    assert W["convenor"]["api"].get(API + "/questions/" + qid).status == 404


def test_rights_follow_the_table():
    q = new_question(W["convenor"]["api"])
    qpath = "/questions/" + q["id"]
    # Members write but do not set the agenda; facilitators of an owner edit;
    # only the home platform's convenors and facilitators delete.
    page(W["member"]["web"], "/alliances/%s/questions/new" % SLUG, 403)
    r = W["member"]["api"].post_json(API + "/questions", {
        "platforms": [W["d1"]["id"]], "title": "Not mine to raise"})
    assert r.status == 403, r.status
    page(W["member"]["web"], qpath + "/edit", 403)
    assert W["member"]["api"].patch_json(API + "/questions/" + q["id"],
                                         {"status": "answered"}).status == 403
    ok(W["facilitator"]["api"].patch_json(API + "/questions/" + q["id"], {"status": "exploring"}))
    page(W["facilitator"]["web"], qpath + "/delete", 403)
    assert W["facilitator"]["api"].delete(API + "/questions/" + q["id"]).status == 403
    # The facilitator of d1 may raise a question there, not on the national platform.
    assert W["facilitator"]["api"].post_json(API + "/questions", {
        "platforms": [W["nat"]["id"]], "title": "Not on my platform"}).status == 403
    ok(W["facilitator"]["api"].post_json(API + "/questions", {
        "platforms": [W["d1"]["id"], W["nat"]["id"]], "title": "Zq district question"}), 201)
    # At the platform level, members of any owner read it; others do not
    # know it exists.
    for label in ("member", "member2", "observer"):
        page(W[label]["web"], qpath)
    for label in ("member3", "outsider"):
        page(W[label]["web"], qpath, 404)
        assert W[label]["api"].get(API + "/questions/" + q["id"]).status == 404
    page(server.client(), qpath, 404)
    # Observers read but start no cycle; a member of a non-owner cannot either.
    page(W["observer"]["web"], "%s/cycles/new?platform=%s" % (qpath, W["d1"]["id"]), 403)
    assert W["observer"]["api"].post_json(API + "/cycles", {
        "question": q["id"], "platform": W["d1"]["id"]}).status == 403
    r = W["member3"]["api"].post_json(API + "/cycles", {
        "question": q["id"], "platform": W["d3"]["id"]})
    assert r.status == 400 and r.json()["error"]["field"] == "question", r.text
    r = W["convenor"]["api"].post_json(API + "/cycles", {
        "question": q["id"], "platform": W["d3"]["id"]})
    assert r.status == 400 and r.json()["error"]["field"] == "platform", r.text
    # Signed out: the forms ask to sign in.
    assert server.client().get("/alliances/%s/questions/new" % SLUG).status in (302, 303, 401)


def test_cycles_are_numbered_and_the_next_takes_the_reflection():
    q = new_question(W["convenor"]["api"], visibility="alliance")
    member = W["member"]["api"]
    steps = {"plan": {"text": "Log every breakdown.", "starts_on": "2026-02-01",
                      "ends_on": "2026-02-20",
                      "evidence": [{"label": "Form", "url": "https://example.org/form.pdf"}]},
             "act": {"text": "Mechanics logged 19 breakdowns."},
             "observe": {"text": "Most were worn seals."},
             "reflect": {"text": "Money, not **parts**, is missing.", "starts_on": "2026-03-01",
                         "ends_on": "2026-03-10"}}
    first = ok(member.post_json(API + "/cycles", dict(
        steps, question=q["id"], platform=W["d1"]["id"])), 201)
    assert first["number"] == 1 and first["visibility"] == "alliance"
    assert first["plan"]["evidence"] == [{"label": "Form", "url": "https://example.org/form.pdf"}]
    plan = {"text": "Try again."}
    second = ok(member.post_json(API + "/cycles", {"question": q["id"], "plan": plan,
                                                   "platform": W["d1"]["id"]}), 201)
    other = ok(W["member2"]["api"].post_json(API + "/cycles", {
        "question": q["id"], "platform": W["d2"]["id"], "plan": plan}), 201)
    assert (second["number"], other["number"]) == (2, 1), "numbered per question and platform"
    listed = ok(member.get(API + "/cycles?question=" + q["id"]))
    assert listed["total"] == 3
    assert ok(member.get(API + "/questions/" + q["id"]))["cycles"] == 3
    # The cycle's page and its ways on.
    web = W["member"]["web"]
    text = page(web, "/cycles/" + first["id"])
    assert "Money, not <strong>parts</strong>, is missing." in text
    assert "Start a lesson from this reflection" in text and "Start the next cycle" in text
    nxt = "/questions/%s/cycles/new?platform=%s&after=%s" % (q["id"], W["d1"]["id"], first["id"])
    assert html.escape(nxt) in text
    new = page(web, nxt)
    assert re.search(r'<textarea[^>]*name="plan"[^>]*>\nMoney, not \*\*parts\*\*, is missing\.'
                     r'</textarea>', new), "the plan is prefilled from the reflection"
    r = form(web, "/questions/%s/cycles/new" % q["id"],
             [("platform", W["d1"]["id"]), ("plan", "Money, not **parts**, is missing."),
              ("plan_starts_on", "2026-04-01"), ("plan_ends_on", "2026-03-01")], 400)
    assert field_error(r.text, "plan_ends_on") == "The end must be on or after the start"
    r = form(web, "/questions/%s/cycles/new" % q["id"],
             [("platform", W["d1"]["id"]), ("plan", "Money, not **parts**, is missing."),
              ("plan_evidence", "Notes | javascript:alert(1)")], 400)
    assert field_error(r.text, "plan_evidence").startswith("Give each piece of evidence")
    r = form(web, "/questions/%s/cycles/new" % q["id"],
             [("platform", W["d1"]["id"]), ("plan", "Money, not **parts**, is missing."),
              ("plan_evidence", "The survey | /documents/" + UNKNOWN_ID)])
    third = ok(member.get(API + r.header("Location")))
    assert third["number"] == 3 and third["plan"]["text"] == "Money, not **parts**, is missing."
    # Editing a cycle, then the question page lists every cycle by platform.
    ok(member.patch_json(API + "/cycles/" + second["id"], {"act": {"text": "Went on."}}))
    got = ok(member.get(API + "/cycles/" + second["id"]))
    assert got["act"]["text"] == "Went on." and got["plan"]["text"] == "Try again."
    text = page(web, "/questions/" + q["id"])
    for n in ("Cycle 1", "Cycle 2", "Cycle 3"):
        assert n in text
    # Deleting a cycle asks first and takes the publish right on its platform.
    page(web, "/cycles/%s/delete" % second["id"], 403)
    page(W["facilitator"]["web"], "/cycles/%s/delete" % second["id"])
    form(W["facilitator"]["web"], "/cycles/%s/delete" % second["id"], {})
    page(web, "/cycles/" + second["id"], 404)
    nxt = ok(member.post_json(API + "/cycles", {"question": q["id"], "platform": W["d1"]["id"],
                                                "plan": plan}), 201)
    assert nxt["number"] == 4, "a deleted cycle's number is not given again while higher ones stand"
    W["question"], W["cycle"] = q, first


def test_a_reflection_starts_a_lesson_linked_to_the_question():
    q, cycle = W["question"], W["cycle"]
    web = W["member"]["web"]
    path = "/platforms/%s/lessons/new?cycle=%s" % (W["d1"]["id"], cycle["id"])
    text = page(web, path)
    assert 'name="cycle" value="%s"' % cycle["id"] in text
    assert re.search(r'<textarea[^>]*name="lesson"[^>]*>\nMoney, not \*\*parts\*\*, is missing\.'
                     r'</textarea>', text), "the lesson is the reflection"
    assert "Mechanics logged 19 breakdowns.\n\nMost were worn seals." in html.unescape(text)
    assert "Cycle 1 of Zq district d1: Why do water points fail early?" in html.unescape(text)
    assert 'value="2026-03-10"' in text, "the date the reflection ended"
    # A cycle of another platform does not start a lesson here.
    page(server, "/platforms/%s/lessons/new?cycle=%s" % (W["d2"]["id"], cycle["id"]), 400)
    r = form(web, "/platforms/%s/lessons/new" % W["d1"]["id"], [
        ("cycle", cycle["id"]), ("title", "Zq money before parts"), ("outcome", "mixed"),
        ("lesson", "Money, not parts, is missing."), ("happened_on", "2026-03-10"),
        ("visibility", "alliance")])
    lesson_id = r.header("Location").rsplit("/", 1)[1]
    links = ok(W["member"]["api"].get(API + "/questions/%s/links" % q["id"]))
    assert {"kind": "lesson", "id": lesson_id} in links["items"], links
    assert "Zq money before parts" in page(web, "/questions/" + q["id"])
    # The lesson's page names the question it is linked to.
    side = page(web, "/lessons/" + lesson_id)
    assert "Learning questions" in side and "/questions/" + q["id"] in side


def test_links_show_only_what_the_reader_may_read():
    q = new_question(W["convenor"]["api"], visibility="public",
                     title="Zq how can marketing reach the poorest?")
    api = W["convenor"]["api"]
    hidden = ok(server.post_json(API + "/lessons", {
        "platform": W["d1"]["id"], "title": "Zq quiet failure", "lesson": "Pits collapsed.",
        "outcome": "failure", "status": "published", "visibility": "platform"}), 201)
    shown = ok(server.post_json(API + "/documents", {
        "platform": W["nat"]["id"], "title": "Zq latrine guide", "status": "published",
        "visibility": "public", "url": "https://example.org/guide.pdf"}), 201)
    start = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
    event = ok(server.post_json(API + "/events", {
        "platforms": [W["nat"]["id"]], "kind": "meeting", "title": "Zq review meeting",
        "start": start + "T09:00", "end": start + "T11:00", "status": "published",
        "visibility": "public"}), 201)
    # The convenor links by address through the form; the facilitator by API.
    web = W["convenor"]["web"]
    form(web, "/questions/%s/links" % q["id"], {"item": "http://x.test/documents/%s" % shown["id"]})
    form(web, "/questions/%s/links" % q["id"], {"item": "/events/%s" % event["id"]})
    r = form(web, "/questions/%s/links" % q["id"], {"item": "not an address"}, 400)
    assert field_error(r.text, "item").startswith("Give the address of an event")
    r = form(web, "/questions/%s/links" % q["id"], {"item": "/lessons/" + UNKNOWN_ID}, 400)
    assert field_error(r.text, "item").startswith("There is no such")
    ok(W["facilitator"]["api"].post_json(API + "/questions/%s/links" % q["id"],
                                         {"kind": "lesson", "id": hidden["id"]}), 201)
    r = W["member"]["api"].post_json(API + "/questions/%s/links" % q["id"],
                                     {"kind": "lesson", "id": hidden["id"]})
    assert r.status == 201, "a member of an owner links (writes items there)"
    r = W["member3"]["api"].post_json(API + "/questions/%s/links" % q["id"],
                                      {"kind": "document", "id": shown["id"]})
    assert r.status == 403, r.status
    r = api.post_json(API + "/questions/%s/links" % q["id"], {"kind": "entry", "id": shown["id"]})
    assert r.status == 400 and r.json()["error"]["field"] == "kind"
    other = ok(server.post_json(API + "/alliances", {"slug": "zq-agenda-other",
                                                     "name": "Zq other", "levels": ["National"],
                                                     "visibility": "public"}),
               201)
    op = ok(server.post_json(API + "/platforms", {"alliance": other["slug"], "name": "Zq o"}), 201)
    foreign = ok(server.post_json(API + "/documents", {
        "platform": op["id"], "title": "Zq foreign", "status": "published",
        "visibility": "public", "url": "https://example.org/f.pdf"}), 201)
    r = api.post_json(API + "/questions/%s/links" % q["id"], {"kind": "document", "id": foreign["id"]})
    assert r.status == 400 and r.json()["error"]["field"] == "item", r.text
    # The items' pages name the question (a public one: everyone reads it),
    # and only the questions their reader may read.
    for path in ("/documents/" + shown["id"], "/events/" + event["id"]):
        assert "/questions/" + q["id"] in page(server.client(), path), path
    closed = new_question(api, title="Zq owners-only agenda question")
    ok(api.post_json(API + "/questions/%s/links" % closed["id"],
                     {"kind": "document", "id": shown["id"]}), 201)
    assert "Zq owners-only agenda question" in page(W["member2"]["web"], "/documents/" + shown["id"])
    for who in (server.client(), W["member3"]["web"]):
        text = page(who, "/documents/" + shown["id"])
        assert "Zq owners-only agenda question" not in text and closed["id"] not in text
    # Who sees which link: the platform-level lesson only for members of d1.
    def linked(client):
        return {(k["kind"], k["id"]) for k in ok(client.get(API + "/questions/%s/links" % q["id"]))["items"]}
    everyone = {("document", shown["id"]), ("event", event["id"])}
    assert linked(W["member"]["api"]) == everyone | {("lesson", hidden["id"])}
    for who in (W["member2"]["api"], W["member3"]["api"], server.client()):
        assert linked(who) == everyone
        assert "Zq quiet failure" not in who.get("/questions/" + q["id"]).text
    assert "Zq quiet failure" in page(W["member"]["web"], "/questions/" + q["id"])
    # Removing a link; deleting a linked item removes its link.
    r = W["convenor"]["web"].post_form("/questions/%s/links/remove" % q["id"],
                                       {"kind": "event", "item": event["id"]})
    assert r.status == 303
    assert ("event", event["id"]) not in linked(api)
    r = form(W["convenor"]["web"], "/questions/%s/links/remove" % q["id"], {"kind": "", "item": ""},
             400)
    assert "Choose an event, a lesson or a document" in r.text and "error-summary" in r.text
    ok(server.delete(API + "/documents/" + shown["id"]), 204)
    assert linked(W["member"]["api"]) == {("lesson", hidden["id"])}
    assert linked(api) == set(), "the convenor of the national platform does not read it"
    assert api.delete(API + "/questions/%s/links/lesson/%s" % (q["id"], UNKNOWN_ID)).status == 404
    assert api.delete(API + "/questions/%s/links/lesson/%s" % (q["id"], hidden["id"])).status \
        == 404, "a link to an item the convenor may not read is not theirs to see or remove"
    ok(W["member"]["api"].delete(API + "/questions/%s/links/lesson/%s" % (q["id"], hidden["id"])),
       204)
    assert linked(W["member"]["api"]) == set()


def test_bad_api_input_names_the_field():
    api = W["convenor"]["api"]
    base = {"platforms": [W["nat"]["id"]], "title": "Zq fine"}

    def refused(path, body, field, status=400, method="post"):
        call = api.post_json if method == "post" else api.patch_json
        r = call(path, body)
        assert r.status == status, "%s %s: %d %s" % (path, body, r.status, r.text)
        assert r.json()["error"]["field"] == field, (body, r.text)

    refused(API + "/questions", dict(base, title=12), "title")
    refused(API + "/questions", dict(base, title=""), "title")
    refused(API + "/questions", dict(base, title="x" * 301), "title")
    refused(API + "/questions", dict(base, status="finished"), "status")
    refused(API + "/questions", dict(base, visibility="secret"), "visibility")
    refused(API + "/questions", dict(base, raised_on="2026-02-30"), "raised_on")
    refused(API + "/questions", dict(base, colour="red"), "colour")
    refused(API + "/questions", {"title": "Zq no platform"}, "platforms")
    refused(API + "/questions", dict(base, platforms=[UNKNOWN_ID]), "platforms")
    refused(API + "/questions", dict(base, platforms=[W["nat"]["id"], UNKNOWN_ID]), "platforms")
    r = api.request("POST", API + "/questions", body=b'{"title": "\xff\xfe", "platforms": []}',
                    headers={"Content-Type": "application/json"})
    assert r.status == 400, r.status
    r = api.request("POST", API + "/questions", body=b'{"title": ',
                    headers={"Content-Type": "application/json"})
    assert r.status == 400, r.status
    q = ok(api.post_json(API + "/questions", base), 201)
    refused(API + "/questions/" + q["id"], {"platforms": [W["d1"]["id"]]}, "platforms",
            method="patch")
    cyc = {"question": q["id"], "platform": W["nat"]["id"], "plan": {"text": "Try."}}
    refused(API + "/cycles", dict(cyc, plan={}), "plan")
    refused(API + "/cycles", dict(cyc, plan={"text": "  "}), "plan")
    refused(API + "/cycles", dict(cyc, plan="write it"), "plan")
    refused(API + "/cycles", dict(cyc, plan={"text": 3}), "plan.text")
    refused(API + "/cycles", dict(cyc, plan={"colour": "red"}), "plan.colour")
    refused(API + "/cycles", dict(cyc, act={"starts_on": "2026-13-01"}), "act_starts_on")
    refused(API + "/cycles", dict(cyc, observe={"starts_on": "2026-03-02", "ends_on": "2026-03-01"}),
            "observe_ends_on")
    refused(API + "/cycles", dict(cyc, reflect={"evidence": "https://x.test"}), "reflect.evidence")
    refused(API + "/cycles", dict(cyc, reflect={"evidence": [{"label": "a", "url": "ftp://x"}]}),
            "reflect_evidence")
    refused(API + "/cycles", dict(cyc, plan={"text": "x" * 20001}), "plan")
    refused(API + "/cycles", {"platform": W["nat"]["id"]}, "question")
    refused(API + "/cycles", dict(cyc, question=UNKNOWN_ID), "question")
    r = api.get(API + "/questions?status=done")
    assert r.status == 400 and r.json()["error"]["field"] == "status"
    r = api.get(API + "/cycles?question=" + UNKNOWN_ID)
    assert r.status == 400 and r.json()["error"]["field"] == "question"
    for path in ("/questions/", "/cycles/"):
        assert api.get(API + path + UNKNOWN_ID).status == 404
        page(W["convenor"]["web"], path + UNKNOWN_ID, 404)
    r = W["convenor"]["web"].post_form("/questions/%s/delete" % q["id"], {}, with_csrf=False)
    assert r.status in (400, 403), "a form without its token is refused"


def test_every_write_is_in_the_audit_trail():
    trail = server.cli_ok("audit", "--kind", "question")
    for what in ("create", "update", "delete", "links"):
        assert what in trail, (what, trail[:2000])
    trail = server.cli_ok("audit", "--kind", "cycle")
    assert "create" in trail and "delete" in trail and "Cycle 1: Why do water points fail early?" in trail


def search(client, words, kind=None):
    path = API + "/search?q=" + quote(words) + ("&kind=" + kind if kind else "")
    return {h["id"] for h in ok(client.get(path))["items"]}


def test_search_reads_through_every_owning_platform():
    q = new_question(W["convenor"]["api"], title="Zq borehole siltation puzzle",
                     body="Zqsilt everywhere")
    cycle = ok(W["member2"]["api"].post_json(API + "/cycles", {
        "question": q["id"], "platform": W["d2"]["id"],
        "plan": {"text": "Zqsilt sampling in the dry season"}}), 201)
    for label in ("convenor", "member", "member2"):
        assert q["id"] in search(W[label]["api"], "zqsilt", "question"), label
    for who in (W["member3"]["api"], W["outsider"]["api"], server.client()):
        assert q["id"] not in search(who, "zqsilt")
    # The cycle is read at the question's level on its own platform (d2).
    assert cycle["id"] in search(W["member2"]["api"], "zqsilt", "cycle")
    assert cycle["id"] not in search(W["member"]["api"], "zqsilt", "cycle")
    # Raising the question's level takes its cycles with it.
    ok(W["convenor"]["api"].patch_json(API + "/questions/" + q["id"], {"visibility": "public"}))
    assert cycle["id"] in search(server.client(), "zqsilt", "cycle")
    assert q["id"] in search(server.client(), "zqsilt", "question")
    text = page(server.client(), "/search?q=zqsilt")
    assert "Learning questions" in text and "/questions/" + q["id"] in text


def test_bug_feeds_carried_questions_and_cycles_as_lessons():
    """Feeds read the search index: a public question and its cycle came out
    as entries linking /lessons/ID, which answer 404. The feeds carry the
    kinds they know."""
    q = new_question(W["convenor"]["api"], title="Zq feed question", visibility="public")
    cycle = ok(W["convenor"]["api"].post_json(API + "/cycles", {
        "question": q["id"], "platform": W["nat"]["id"], "plan": {"text": "Zq feed plan"}}), 201)
    for path in ("/feed.atom", "/platforms/%s/feed.atom" % W["nat"]["id"],
                 API + "/platforms/%s/feed" % W["nat"]["id"]):
        body = server.client().get(path).text
        assert q["id"] not in body and cycle["id"] not in body, path


def test_bug_joint_event_is_found_from_every_platform_holding_it():
    """The known gap of search: a joint event (held by several platforms) was
    found only from its home platform's viewpoint."""
    start = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
    event = ok(server.post_json(API + "/events", {
        "platforms": [W["nat"]["id"], W["d2"]["id"]], "kind": "workshop",
        "title": "Zq joint zqjoint workshop", "start": start + "T09:00",
        "end": start + "T11:00", "status": "published", "visibility": "platform"}), 201)
    assert event["id"] in search(W["convenor"]["api"], "zqjoint")
    assert event["id"] in search(W["member2"]["api"], "zqjoint"), "from the second platform"
    assert event["id"] not in search(W["member"]["api"], "zqjoint")


def test_pages_validate():
    assert len(PAGES) > 20, len(PAGES)
    harness.validate_html(PAGES)


def main():
    global server
    server = Server()
    server.start()
    try:
        setup()
        run([test_raise_edit_and_delete_through_the_forms, test_rights_follow_the_table,
             test_cycles_are_numbered_and_the_next_takes_the_reflection,
             test_a_reflection_starts_a_lesson_linked_to_the_question,
             test_links_show_only_what_the_reader_may_read, test_bad_api_input_names_the_field,
             test_every_write_is_in_the_audit_trail,
             test_search_reads_through_every_owning_platform,
             test_bug_feeds_carried_questions_and_cycles_as_lessons,
             test_bug_joint_event_is_found_from_every_platform_holding_it, test_pages_validate])
    finally:
        code = server.stop()
        server.cleanup()
    assert code == 0, "server exited with %r" % code


if __name__ == "__main__":
    main()
