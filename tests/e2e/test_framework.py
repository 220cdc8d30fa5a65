#!/usr/bin/env python3
"""End-to-end tests of the framework view of the alliance page (the seven Ps
of seed 001, src/domain/framework.h): each step's state and figures,
computed from the data, and a link to fill each gap.

An empty alliance starts with every step "Not yet" and every figure 0; the
test then writes, through the API, what each step asks for — principles, a
going-in issue and a vision, a stakeholder assessment, members bringing the
five capabilities with a facilitator and a documenter, an event with
attendance, a lesson, a learning question worked on in a cycle, an application, a
document, a journal entry — and checks after each that the figures and the
state move exactly as the rule says. Then visibility: a platform-only lesson
and entry count for a member of the platform, not for a visitor signed out.
Last, the demo's alliance page shows the seven steps with real figures.
"""
import datetime
import html
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, run, ok  # noqa: E402

API = "/api/v1"
PASSWORD = "zq-framework-secret"
STEPS = ["Principles", "Preparation", "Participation", "Production", "Proving and improving",
         "Pulling it all together", "People and capacities"]
CAPABILITIES = ["implementation", "regulation", "policy", "research", "documentation"]

server = None


def framework(client, slug):
    """{step: (state, evidence, next link or None)} of the alliance page."""
    page = client.get("/alliances/" + slug)
    assert page.status == 200, page.status
    text = page.text
    i = text.index('id="framework"')
    table = text[i:text.index("</table>", i)]
    out = {}
    for step, cells in re.findall(r'<tr><th scope="row">([^<]*)</th>(.*?)</tr>', table, re.S):
        tds = re.findall(r"<td>(.*?)</td>", cells, re.S)
        state = html.unescape(re.sub(r"<[^>]+>", "", tds[0]))
        link = re.search(r'href="([^"]+)"', tds[2])
        out[html.unescape(step)] = (state, html.unescape(tds[1]), link.group(1) if link else None)
    assert list(out) == STEPS, list(out)
    return out


def numbers(evidence):
    return [int(n) for n in re.findall(r"\d+", evidence)]


def test_steps_move_with_the_data():
    s = server
    slug = "zq-framework"
    ok(s.post_json(API + "/alliances", {"slug": slug, "name": "Zq framework alliance",
                                        "levels": ["Region", "District"],
                                        "visibility": "public"}), 201)
    region = ok(s.post_json(API + "/platforms", {"alliance": slug, "name": "Zq region"}), 201)
    district = ok(s.post_json(API + "/platforms", {"alliance": slug, "name": "Zq district",
                                                   "parent": region["id"]}), 201)
    f = framework(s, slug)
    for step in STEPS:
        assert f[step][0] == "Not yet", (step, f[step])
    assert numbers(f["Participation"][1]) == [0, 2, 0, 0], f["Participation"]
    assert numbers(f["People and capacities"][1]) == [0, 2, 0], f["People and capacities"]
    # The gap links: the platform lacking capabilities; its own page for
    # naming a facilitator; editing is for those who may (the admin may).
    assert f["Participation"][2] == "/platforms/%s/gaps" % region["id"], f["Participation"]
    assert f["Principles"][2] == "/alliances/%s/edit" % slug
    assert f["People and capacities"][2] == "/platforms/" + region["id"]
    anonymous = s.client()
    assert framework(anonymous, slug)["Principles"][2] is None, "an edit link signed out"

    # Principles, then preparation.
    ok(s.patch_json(API + "/alliances/" + slug, {
        "principles": "- Demand-driven\n- Social inclusion\n\n- Action research\n"}))
    f = framework(s, slug)
    assert f["Principles"][0] == "Done" and numbers(f["Principles"][1]) == [3], f["Principles"]
    assert f["Principles"][2] is None
    ok(s.patch_json(API + "/alliances/" + slug, {"going_in_issue": "Broken handpumps."}))
    assert framework(s, slug)["Preparation"][0] == "Started"
    ok(s.patch_json(API + "/alliances/" + slug, {"vision": "Water that works, for everyone."}))
    org = ok(s.post_json(API + "/organisations", {"name": "Zq district assembly",
                                                  "kind": "government"}), 201)
    ok(s.post_json(API + "/assessments", {"platform": district["id"], "organisation": org["id"],
                                          "influence": 5, "interest": 3,
                                          "visibility": "public"}), 201)
    f = framework(s, slug)
    assert f["Preparation"][0] == "Done", f["Preparation"]
    assert numbers(f["Preparation"][1]) == [1], f["Preparation"]

    # Participation and people: members with the five capabilities, a
    # facilitator and a documenter on each platform, attendance at an event.
    people = {}
    for platform in (region, district):
        for role, caps in (("facilitator", CAPABILITIES[:3]), ("documenter", CAPABILITIES[3:])):
            person = ok(s.post_json(API + "/people", {
                "name": "Zq %s %s" % (role, platform["name"]),
                "email": "%s.%s@framework.zq.test" % (role, platform["id"][-6:])}), 201)
            people[(platform["id"], role)] = person
            ok(s.post_json(API + "/memberships", {"platform": platform["id"],
                                                  "person": person["id"], "role": role,
                                                  "capabilities": caps}), 201)
    f = framework(s, slug)
    assert numbers(f["Participation"][1])[:2] == [2, 2], f["Participation"]
    assert f["Participation"][0] == "Started"            # no attendance yet
    assert f["People and capacities"][0] == "Done", f["People and capacities"]
    assert numbers(f["People and capacities"][1]) == [2, 2, 2]
    today = datetime.date.today()
    start = (today - datetime.timedelta(days=10)).isoformat()
    event = ok(s.post_json(API + "/events", {
        "platforms": [district["id"]], "kind": "meeting", "title": "Zq framework meeting",
        "start": start + "T09:00", "end": start + "T11:00", "status": "published",
        "visibility": "public"}), 201)
    for person in list(people.values())[:3]:
        ok(s.post_json(API + "/events/%s/attendance" % event["id"], {"person": person["id"]}),
           201)
    f = framework(s, slug)
    assert f["Participation"][0] == "Done", f["Participation"]
    assert numbers(f["Participation"][1]) == [2, 2, 3, 1], f["Participation"]

    # Production, proving and pulling together.
    lesson = ok(s.post_json(API + "/lessons", {
        "platform": district["id"], "title": "Zq spare parts", "lesson": "Keep them near.",
        "outcome": "success", "status": "published", "visibility": "public",
        "happened_on": start, "question": "How can repairs take a week?"}), 201)
    old = ok(s.post_json(API + "/lessons", {
        "platform": district["id"], "title": "Zq old lesson", "lesson": "Long ago.",
        "outcome": "failure", "status": "published", "visibility": "public",
        "happened_on": (today - datetime.timedelta(days=500)).isoformat()}), 201)
    assert old["id"]
    # Proving and improving counts the learning questions worked on in
    # action-research cycles (a question without a cycle does not count),
    # and its gap link is the learning agenda.
    question = ok(s.post_json(API + "/questions", {
        "platforms": [district["id"]], "title": "How can repairs take a week?",
        "visibility": "public"}), 201)
    f = framework(s, slug)
    assert numbers(f["Proving and improving"][1])[0] == 0, f["Proving and improving"]
    assert f["Proving and improving"][2] == "/alliances/%s/questions" % slug
    ok(s.post_json(API + "/cycles", {"question": question["id"], "platform": district["id"],
                                     "plan": {"text": "Keep spare parts in the district."}}), 201)
    f = framework(s, slug)
    assert f["Production"][0] == "Started" and numbers(f["Production"][1]) == [1, 0], \
        f["Production"]
    assert f["Proving and improving"][0] == "Started"
    assert numbers(f["Proving and improving"][1]) == [1, 0, 2], f["Proving and improving"]
    ok(s.post_json(API + "/applications", {
        "lesson": lesson["id"], "platform": district["id"], "kind": "guideline",
        "description": "In the regional repair guideline.", "applied_on": today.isoformat(),
        "link": "https://example.org/zq-guideline.pdf"}),
       201)
    ok(s.post_json(API + "/documents", {
        "platform": region["id"], "title": "Zq repair guideline", "status": "published",
        "visibility": "public", "url": "https://example.org/zq.pdf"}), 201)
    f = framework(s, slug)
    assert f["Production"][0] == "Done" and numbers(f["Production"][1]) == [1, 1]
    assert f["Proving and improving"][0] == "Done"
    assert numbers(f["Proving and improving"][1]) == [1, 1, 2]
    assert f["Pulling it all together"][0] == "Started"
    ok(s.post_json(API + "/entries", {
        "platform": district["id"], "kind": "observation", "title": "Zq field notes", "body": "Seen.",
        "status": "published", "visibility": "public", "happened_on": start}), 201)
    f = framework(s, slug)
    assert f["Pulling it all together"][0] == "Done", f["Pulling it all together"]
    assert numbers(f["Pulling it all together"][1]) == [1, 1]
    for step in STEPS:
        assert f[step][0] == "Done", (step, f[step])

    # Visibility: a platform-only lesson and entry count for a member of the
    # district platform, not for a visitor signed out.
    ok(s.post_json(API + "/lessons", {
        "platform": district["id"], "title": "Zq hidden failure", "lesson": "Quietly.",
        "outcome": "failure", "status": "published", "visibility": "platform",
        "happened_on": start}), 201)
    ok(s.post_json(API + "/entries", {
        "platform": district["id"], "kind": "reflection", "title": "Zq hidden reflection", "body": "Thought.",
        "status": "published", "visibility": "platform", "happened_on": start}), 201)
    member = people[(district["id"], "documenter")]
    s.cli_ok("user", "add", "--email", member["email"], "--name", member["name"],
             "--password-stdin", stdin=PASSWORD + "\n")
    inside = framework(s.web_client(member["email"], PASSWORD), slug)
    outside = framework(s.client(), slug)
    assert numbers(inside["Production"][1]) == [2, 1], inside["Production"]
    assert numbers(outside["Production"][1]) == [1, 1], outside["Production"]
    assert numbers(inside["Pulling it all together"][1]) == [2, 1]
    assert numbers(outside["Pulling it all together"][1]) == [1, 1]
    assert numbers(inside["Proving and improving"][1])[2] == 3
    assert numbers(outside["Proving and improving"][1])[2] == 2


def test_demo_alliance_shows_the_framework():
    with Server(demo=True) as s:
        f = framework(s, "ghana-wash")
        assert f["Principles"][0] == "Done" and numbers(f["Principles"][1])[0] >= 3
        assert numbers(f["Preparation"][1])[0] >= 1
        platforms = numbers(f["Participation"][1])
        assert platforms[1] >= 10 and platforms[2] > 0 and platforms[3] > 0, platforms
        assert numbers(f["Production"][1])[0] > 0
        assert numbers(f["Proving and improving"][1])[0] > 0
        assert numbers(f["People and capacities"][1])[0] > 0


def main():
    global server
    server = Server()
    server.start()
    try:
        run([test_steps_move_with_the_data, test_demo_alliance_shows_the_framework])
    finally:
        code = server.stop()
        server.cleanup()
    assert code == 0, "server exited with %r" % code


if __name__ == "__main__":
    main()
