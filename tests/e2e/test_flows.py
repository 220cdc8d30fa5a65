#!/usr/bin/env python3
"""Applications of lessons, journeys and flow figures (issue 6, parts 3 and 4:
src/domain/application.h, src/domain/flow.h, src/web/journey.c,
src/web/flow.c, src/api/application.c, src/api/flow.c), and what the issue
asks of parts 1, 2 and 5 that test_shares and test_feeds leave open.

One server with no demo, and a fixture made through the API and the CLI: a
public alliance "open" with levels National / District / Commune (a national
platform, two districts, two communes under each), a members-only alliance
"other" whose top platform is a peer of district B, and a convenor with an
account on each platform, a plain member of commune A1, a member of the
other alliance, someone with no membership, and the administrator.

Covered:
  * the issue's named test: a lesson travels commune A1 → district A →
    national → back down to district B and its communes (all at once), and
    across to the other alliance, with a response at each step (one left
    waiting), and two applications; the shares are dated by hand in 2025 Q2
    so that every figure below is worked out by hand, not by the program:
    per alliance and per platform, per quarter and per month, in the API,
    the CSV and the page, for the administrator, the author (who may not
    read the other alliance: no share across), a commune's convenor (only
    its own share), someone from outside and nobody signed in (nothing);
  * the journey on the lesson's page: a timeline with every share, response
    and application in order, and the SVG picture by level (one box a
    platform, numbered arrows), for those who may see them and no more;
  * applications: the form (CSRF, errors beside the field, what was typed
    kept), the API (400s naming the field, 401, 403, 404), where one may be
    recorded (a platform that holds the lesson), removing one (a page that
    asks first), the audit trail;
  * without attribution: the receivers see neither the author nor the
    author's organisation in the journey, an application's page and API
    (by whom, recorded by), the private Atom feed and its JSON twin;
  * withdrawing the share removes the access everywhere: the lesson, its
    applications and journey, the figures;
  * a share waits more than --response-days (here 7, not the default 30)
    and is flagged, one of 6 days is not; ALLIANCE_RESPONSE_DAYS likewise;
  * bad input to the figures (period, periods, until) names the field.
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Server, run  # noqa: E402

API = "/api/v1"
PASSWORD = "zq-flows-secret"
AUTHOR_NAME = "Zq Flows Author Akosua"
AUTHOR_ORG = "Zq Flows Author Organisation"

server = None
F = None


class Obj:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def ok(resp, status=200, what=""):
    assert resp.status == status, "%s: %d %s" % (what, resp.status, resp.text[:400])
    return resp.json() if resp.body else None


def field_of(resp):
    try:
        return resp.json()["error"]["field"]
    except (ValueError, KeyError, TypeError):
        return None


def client(srv, token=None):
    c = Server(admin=False, data_dir=srv.data_dir)
    c.port = srv.port
    c.token = token
    return c


def cli(srv, *args, stdin=None):
    done = srv.run_cli(*args, stdin=stdin)
    assert done.returncode == 0, "alliance %s: %s" % (" ".join(args), done.stderr)
    return done.stdout


def sql_write(srv, query, args=()):
    """Changes the database from outside (the dates of the journey)."""
    if not harness.PG_DIR:
        import sqlite3
        conn = sqlite3.connect(os.path.join(srv.data_dir, "alliance.db"), timeout=10)
        try:
            conn.execute(query, args)
            conn.commit()
        finally:
            conn.close()
    else:
        srv.sql(query, args)


# Fixture ---------------------------------------------------------------------------

PLATFORMS = (  # label, alliance, parent
    ("nat", "open", None), ("dist-a", "open", "nat"), ("dist-b", "open", "nat"),
    ("com-a1", "open", "dist-a"), ("com-a2", "open", "dist-a"),
    ("com-b1", "open", "dist-b"), ("com-b2", "open", "dist-b"),
    ("o-top", "other", None))

VIEWERS = (  # label, [(platform, role)]
    ("outsider", []),
    ("author", [("com-a1", "convenor")]),
    ("a1-member", [("com-a1", "member")]),
    ("a2-convenor", [("com-a2", "convenor")]),
    ("da-convenor", [("dist-a", "convenor")]),
    ("da-member", [("dist-a", "member")]),
    ("nat-convenor", [("nat", "convenor")]),
    ("db-convenor", [("dist-b", "convenor")]),
    ("b1-convenor", [("com-b1", "convenor")]),
    ("b2-convenor", [("com-b2", "convenor")]),
    ("o-convenor", [("o-top", "convenor")]),
    ("bridge", [("dist-b", "documenter"), ("o-top", "member")]),
)


def build_fixture(srv):
    f = Obj(platforms={}, alliances={}, by={})
    for label, vis, levels in (("open", "public", ["National", "District", "Commune"]),
                               ("other", "members", ["National", "District"])):
        slug = "zq-flows-" + label
        ok(srv.post_json(API + "/alliances", {
            "slug": slug, "name": "Zq Flows %s alliance" % label.title(), "levels": levels,
            "visibility": vis}), 201, "alliance " + label)
        f.alliances[label] = slug
    for label, alliance, parent in PLATFORMS:
        body = {"alliance": f.alliances[alliance], "name": "Zq flows platform %s" % label}
        if parent:
            body["parent"] = f.platforms[parent].id
        doc = ok(srv.post_json(API + "/platforms", body), 201, "platform " + label)
        f.platforms[label] = Obj(label=label, id=doc["id"], name=body["name"])
    ok(srv.post_json(API + "/platform-links", {
        "platform": f.platforms["dist-b"].id, "peer": f.platforms["o-top"].id}), 201)
    org = ok(srv.post_json(API + "/organisations", {"name": AUTHOR_ORG, "kind": "ngo"}), 201)
    anonymous = Obj(label="signed-out", person=None)
    anonymous.api = anonymous.web = client(srv)
    f.by["signed-out"] = anonymous
    for label, memberships in VIEWERS:
        email = "%s@flows.zq.test" % label
        name = AUTHOR_NAME if label == "author" else "Zq Flows %s" % label.title()
        body = {"name": name, "email": email}
        if label == "author":
            body["organisation"] = org["id"]
        person = ok(srv.post_json(API + "/people", body), 201)
        for platform, role in memberships:
            ok(srv.post_json(API + "/memberships", {
                "platform": f.platforms[platform].id, "person": person["id"], "role": role}),
               201, "membership of %s" % label)
        cli(srv, "user", "add", "--email", email, "--name", name, "--password-stdin",
            stdin=PASSWORD + "\n")
        token = cli(srv, "token", "add", "--email", email, "--label", "flows").strip()
        v = Obj(label=label, person=person["id"], name=name, email=email)
        v.api = client(srv, token)
        v.web = client(srv)
        r = v.web.sign_in(email, PASSWORD)
        assert r.status == 303, (label, r.status)
        f.by[label] = v
    admin = Obj(label="administrator", person=None)
    admin.api = client(srv, srv.token)
    admin.web = client(srv)
    assert admin.web.sign_in(Server.ADMIN_EMAIL, Server.ADMIN_PASSWORD).status == 303
    f.by["administrator"] = admin
    return f


def V(label):
    return F.by[label]


def P(label):
    return F.platforms[label]


def lesson(viewer, platform, title, **kw):
    doc = {"platform": P(platform).id, "title": title, "outcome": "success",
           "lesson": "Zq keep a stock of pump parts with the area mechanic.",
           "visibility": "platform", "status": "published"}
    doc.update(kw)
    return ok(V(viewer).api.post_json(API + "/lessons", doc), 201, "lesson " + title)


def share_ok(viewer, item, to, **kw):
    body = {"kind": "lesson", "item": item,
            "to": [P(t).id for t in to] if isinstance(to, list) else to}
    body.update(kw)
    return ok(V(viewer).api.post_json(API + "/shares", body), 201, "share by " + viewer)["items"]


def respond(viewer, share_id, **body):
    return ok(V(viewer).api.patch_json(API + "/shares/%s/response" % share_id, body), 200,
              "response of " + viewer)


def apply_(viewer, item, platform, status=201, **kw):
    body = {"lesson": item, "platform": P(platform).id, "kind": "guideline",
            "description": "Zq it changed", "applied_on": "2025-05-10",
            "link": "https://example.org/zq-guideline"}
    body.update(kw)
    r = V(viewer).api.post_json(API + "/applications", body)
    assert r.status == status, (viewer, r.status, r.text[:300])
    return r.json() if r.body else None


def flows(viewer, path, **query):
    q = "&".join("%s=%s" % kv for kv in query.items())
    return ok(V(viewer).api.get(API + path + "/flows" + ("?" + q if q else "")), 200,
              "flows " + path)


# 1. The journey commune → district → national → back down ----------------------------

# When each share was made and answered, and by whom (dated by hand, 2025 Q2):
#   step  from → to        direction  shared      response (days later)
#   1     com-a1 → dist-a  up         2025-04-02  acknowledged (2)
#   2     dist-a → nat     up         2025-04-05  adopted (10)
#   3     nat → dist-b     down       2025-04-20  discussed (4)
#   4     dist-b → com-b1  down       2025-05-03  adopted (6)
#   5     dist-b → com-b2  down       2025-05-03  not relevant (1)
#   6     dist-a → com-a2  down       2025-05-15  — (waiting)
#   7     dist-b → o-top   across     2025-06-10  acknowledged (3), in the other alliance
# Applications: nat a guideline on 2025-05-10; com-b1 a practice on 2025-06-01.
STEPS = (
    ("com-a1", "dist-a", "up", "2025-04-02", "da-convenor", "acknowledged", 2),
    ("dist-a", "nat", "up", "2025-04-05", "nat-convenor", "adopted", 10),
    ("nat", "dist-b", "down", "2025-04-20", "db-convenor", "discussed", 4),
    ("dist-b", "com-b1", "down", "2025-05-03", "b1-convenor", "adopted", 6),
    ("dist-b", "com-b2", "down", "2025-05-03", "b2-convenor", "not_relevant", 1),
    ("dist-a", "com-a2", "down", "2025-05-15", None, None, 0),
    ("dist-b", "o-top", "across", "2025-06-10", "o-convenor", "acknowledged", 3),
)


def day_after(day, n):
    import datetime
    d = datetime.date.fromisoformat(day) + datetime.timedelta(days=n)
    return d.isoformat()


def build_journey():
    L = lesson("author", "com-a1", "Zq flows spare parts near the pumps")["id"]
    F.lesson = L
    made = {}
    up1 = share_ok("author", L, ["dist-a"], message="Zq from the commune")[0]
    made[("com-a1", "dist-a")] = up1
    respond("da-convenor", up1["id"], response="acknowledged")
    up2 = share_ok("da-convenor", L, ["nat"])[0]
    made[("dist-a", "nat")] = up2
    respond("nat-convenor", up2["id"], response="adopted", note="Zq in the guideline",
            link="https://example.org/zq-national-guideline")
    # Down to every district below that lacks it: dist-a has it, so dist-b only.
    down = share_ok("nat-convenor", L, "children", message="Zq take it down")
    assert [d["to"] for d in down] == [P("dist-b").id], down
    made[("nat", "dist-b")] = down[0]
    respond("db-convenor", down[0]["id"], response="discussed",
            link="https://example.org/zq-district-meeting")
    # Down to both communes at once.
    both = share_ok("db-convenor", L, "children")
    assert sorted(d["to"] for d in both) == sorted([P("com-b1").id, P("com-b2").id]), both
    for d in both:
        made[("dist-b", "com-b1" if d["to"] == P("com-b1").id else "com-b2")] = d
    respond("b1-convenor", made[("dist-b", "com-b1")]["id"], response="adopted",
            link="https://example.org/zq-commune-practice")
    respond("b2-convenor", made[("dist-b", "com-b2")]["id"], response="not_relevant",
            note="Zq our pumps are solar")
    # The district passes it down to its other commune (com-a1 has it: its own).
    other = share_ok("da-convenor", L, "children")
    assert [d["to"] for d in other] == [P("com-a2").id], other
    made[("dist-a", "com-a2")] = other[0]
    # Across to a peer in the other, members-only alliance.
    across = share_ok("bridge", L, ["o-top"])[0]  # who may read the other alliance
    assert across["direction"] == "across"
    made[("dist-b", "o-top")] = across
    respond("o-convenor", across["id"], response="acknowledged")
    F.shares = made
    for frm, to, direction, day, _who, response, after in STEPS:
        sh = made[(frm, to)]
        assert sh["direction"] == direction, (frm, to, sh["direction"])
        if response:
            sql_write(server, "UPDATE share SET shared_at = ?, responded_at = ? WHERE id = ?",
                      (day + "T09:00:00Z", day_after(day, after) + "T09:00:00Z", sh["id"]))
        else:
            sql_write(server, "UPDATE share SET shared_at = ? WHERE id = ?",
                      (day + "T09:00:00Z", sh["id"]))
    F.app_nat = apply_("nat-convenor", L, "nat", kind="guideline", applied_on="2025-05-10",
                       description="Zq the national guideline asks for a parts stock",
                       applied_by="Zq Water Agency")
    F.app_b1 = apply_("b1-convenor", L, "com-b1", kind="practice", applied_on="2025-06-01",
                      description="Zq the commune keeps parts with the mechanic",
                      link="/lessons/" + L)


def figures_of(doc, label):
    for p in doc["periods"]:
        if p["label"] == label:
            return p
    raise AssertionError("no period %s in %s" % (label, [p["label"] for p in doc["periods"]]))


def brief(fig):
    """The figures as a tuple, for one comparison with the hand-worked ones."""
    return (fig["shared"]["up"], fig["shared"]["down"], fig["shared"]["across"],
            fig["received"], fig["responded"], fig["adopted"], fig["response_rate"],
            fig["median_days_to_response"], fig["adoption_rate"], fig["lessons_applied"],
            fig["applications"])


ZERO = (0, 0, 0, 0, 0, 0, None, None, None, 0, 0)


def test_journey_figures_counted_by_hand():
    """The issue's named test: commune → district → national → back down to
    other communes, with responses at each step; the figures count it right
    for each viewer, per alliance and per platform, per quarter and month."""
    build_journey()
    Q = dict(period="quarter", periods="2", until="2025-06-30")
    # The alliance, for the administrator, who sees every share:
    # up 2 (steps 1, 2); down 4 (3, 4, 5, 6); across 1 (7, sent by dist-b);
    # received by the alliance's platforms 6 (steps 1-6; 7 went to the other
    # alliance); answered 5 (all but 6): 83.3 %; adopted 2 (2, 4): 33.3 %;
    # days to the responses 2, 10, 4, 6, 1 → median 4; one lesson applied twice.
    doc = flows("administrator", "/alliances/zq-flows-open", **Q)
    assert [p["label"] for p in doc["periods"]] == ["Q1 2025", "Q2 2025"], doc
    assert brief(figures_of(doc, "Q1 2025")) == ZERO
    assert brief(figures_of(doc, "Q2 2025")) == (2, 4, 1, 6, 5, 2, 83.3, 4.0, 33.3, 1, 2), doc
    assert brief(doc["total"]) == brief(figures_of(doc, "Q2 2025"))
    assert (doc["total"]["from"], doc["total"]["to"]) == ("2025-01-01", "2025-07-01")
    # The other alliance: it received step 7 (answered in 3 days) and sent nothing.
    other = flows("administrator", "/alliances/zq-flows-other", **Q)
    assert brief(other["total"]) == (0, 0, 0, 1, 1, 0, 100.0, 3.0, 0.0, 0, 0), other
    # By month: April holds steps 1-3 (up 2, down 1; received 3, answered in 2,
    # 10 and 4 days), May steps 4-6 (down 3; received 3, 2 answered in 6 and 1
    # days: median 3.5), June step 7 (across) and nothing received.
    months = flows("administrator", "/alliances/zq-flows-open", period="month", periods="3",
                   until="2025-06-15")
    assert [p["label"] for p in months["periods"]] == ["2025-04", "2025-05", "2025-06"]
    assert brief(months["periods"][0]) == (2, 1, 0, 3, 3, 1, 100.0, 4.0, 33.3, 0, 0), months
    assert brief(months["periods"][1]) == (0, 3, 0, 3, 2, 1, 66.7, 3.5, 33.3, 1, 1), months
    assert brief(months["periods"][2]) == (0, 0, 1, 0, 0, 0, None, None, None, 1, 1), months
    # Per platform: dist-b sent down 2 and across 1, received step 3 (discussed
    # in 4 days); nat sent 1 down, received step 2 (adopted in 10), applied it.
    assert brief(flows("administrator", "/platforms/" + P("dist-b").id, **Q)["total"]) == (
        0, 2, 1, 1, 1, 0, 100.0, 4.0, 0.0, 0, 0)
    assert brief(flows("administrator", "/platforms/" + P("nat").id, **Q)["total"]) == (
        0, 1, 0, 1, 1, 1, 100.0, 10.0, 100.0, 1, 1)
    assert brief(flows("administrator", "/platforms/" + P("com-a2").id, **Q)["total"]) == (
        0, 0, 0, 1, 0, 0, 0.0, None, 0.0, 0, 0)
    # The author sees every share of the lesson but the one into the other
    # alliance, which they may not read: across 0, the rest the same.
    assert brief(flows("author", "/alliances/zq-flows-open", **Q)["total"]) == (
        2, 4, 0, 6, 5, 2, 83.3, 4.0, 33.3, 1, 2)
    # A commune's convenor sees only the share to their commune (and the
    # lesson it gave them, so both applications).
    assert brief(flows("b2-convenor", "/alliances/zq-flows-open", **Q)["total"]) == (
        0, 1, 0, 1, 1, 0, 100.0, 1.0, 0.0, 1, 2)
    # Someone from outside and nobody signed in: nothing at all.
    for who in ("outsider", "signed-out"):
        assert brief(flows(who, "/alliances/zq-flows-open", **Q)["total"]) == ZERO, who
        assert brief(flows(who, "/platforms/" + P("nat").id, **Q)["total"]) == ZERO, who
    # The other alliance is not there for those outside it.
    assert V("author").api.get(API + "/alliances/zq-flows-other/flows").status == 404
    # The CSV is the same figures.
    r = V("administrator").web.get("/alliances/zq-flows-open/flows.csv?period=quarter&"
                                   "periods=2&until=2025-06-30")
    assert r.status == 200 and r.header("Content-Type").startswith("text/csv"), r.status
    assert "attachment" in r.header("Content-Disposition")
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert [row["period"] for row in rows] == ["Q1 2025", "Q2 2025", "total"], rows
    q2 = rows[1]
    assert (q2["shared_up"], q2["shared_down"], q2["shared_across"], q2["received"],
            q2["responded"], q2["response_rate"], q2["median_days_to_response"],
            q2["adopted"], q2["adoption_rate"], q2["lessons_applied"],
            q2["applications"]) == ("2", "4", "1", "6", "5", "83.3", "4.0", "2", "33.3", "1",
                                    "2"), q2
    assert rows[0]["response_rate"] == "" and rows[0]["shared_up"] == "0"
    # The page: a chooser, two charts with a text alternative, the table.
    page = V("administrator").web.get("/alliances/zq-flows-open/flows?period=quarter&"
                                      "periods=2&until=2025-06-30")
    assert page.status == 200
    html = page.text
    assert html.count("<svg") == 2 and 'role="img"' in html and "<desc" in html
    assert re.search(r"<th scope=\"row\">Q2 2025</th><td>2</td><td>4</td><td>1</td><td>6</td>"
                     r"<td>83%</td><td>4.0</td><td>33%</td><td>1</td>", html), html[-4000:]
    assert 'name="period"' in html and 'name="periods"' in html and 'name="until"' in html
    assert "flows.csv?period=quarter&amp;periods=2&amp;until=2025-06-30" in html
    assert "Lessons applied" in html and F.app_nat["id"] in html
    # The outsider's page shows zeros and no application.
    html = V("outsider").web.get("/alliances/zq-flows-open/flows?period=quarter&periods=2&"
                                 "until=2025-06-30").text
    assert F.app_nat["id"] not in html and "<td>83%</td>" not in html
    # The alliance page shows its flow figures (the last four quarters).
    home = V("administrator").web.get("/alliances/zq-flows-open")
    assert home.status == 200 and 'id="flows"' in home.text and "Flow figures" in home.text


def test_journey_on_the_lesson_page():
    """The journey: a timeline of every share, response and application,
    oldest first, and the picture by level."""
    L = F.lesson
    page = V("administrator").web.get("/lessons/" + L)
    assert page.status == 200 and len(page.body) < 30 * 1024, len(page.body)
    html = page.text
    j = html.index('id="journey"')
    part = html[j:]
    assert "Shares: 7. Responses: 6. Applications: 2." in part, part[:300]
    # The picture: a row a level, a box a platform (8), an arrow a share (7).
    svg = re.search(r"<svg.*?</svg>", part, re.S).group(0)
    root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(ns + "title").text == "The lesson's journey by level"
    levels = [t.text for t in root.iter(ns + "text") if t.get("font-weight") == "bold"]
    assert levels == ["National", "District", "Commune"], levels
    assert len(root.findall(ns + "line")) == 7
    steps = [t.text for t in root.iter(ns + "text") if t.get("font-size") == "11" and
             (t.text or "").isdigit()]
    assert steps == [str(n) for n in range(1, 8)], steps
    boxes = [t.text for t in root.iter(ns + "text") if t.get("text-anchor") == "middle" and
             t.get("font-size") is None]
    assert len(boxes) == 8 and boxes[0].startswith("Zq flows platfor"), boxes
    # The timeline: oldest first; the shares numbered as in the picture.
    timeline = part[part.index('<ol class="timeline">'):]
    order = [m for m in re.findall(r"(Shared (?:up|down|across)|responded:|Applied at)",
                                   timeline)]
    assert order[:5] == ["Shared up", "responded:", "Shared up", "responded:",
                         "Shared down"], order
    assert order.count("Applied at") == 2 and order.count("responded:") == 6, order
    assert timeline.index("Zq the national guideline") < timeline.index("Zq the commune keeps")
    for n in range(1, 8):
        assert "<strong>%d.</strong>" % n in timeline, n
    for month in ("April 2025", "May 2025", "June 2025"):
        assert "<h3>%s</h3>" % month in timeline, month
    # A commune's convenor sees only their share and the applications.
    html = V("b2-convenor").web.get("/lessons/" + L).text
    part = html[html.index('id="journey"'):]
    assert "Shares: 1. Responses: 1. Applications: 2." in part, part[:300]
    assert P("com-a2").name not in part and P("o-top").name not in part
    # The author sees all but the share into the other alliance.
    part = V("author").web.get("/lessons/" + L).text
    assert "Shares: 6." in part and P("o-top").name not in part


def test_applications_rights_form_and_api():
    L = F.lesson
    # The API read and list.
    got = ok(V("da-member").api.get(API + "/applications/" + F.app_nat["id"]))
    assert (got["kind"], got["platform"], got["applied_on"], got["applied_by"]) == (
        "guideline", P("nat").id, "2025-05-10", "Zq Water Agency"), got
    assert got["recorded_by"] == V("nat-convenor").person
    listed = ok(V("author").api.get(API + "/applications?lesson=" + L))
    assert listed["total"] == 2 and [a["id"] for a in listed["items"]] == [
        F.app_nat["id"], F.app_b1["id"]], listed  # the API pages in id order
    assert ok(V("author").api.get(API + "/applications?platform=" + P("nat").id))["total"] == 1
    assert ok(V("author").api.get(API + "/applications?from=2025-06-01"))["total"] == 1
    # Those who may not read the lesson see no application.
    for who in ("outsider", "signed-out"):
        assert V(who).api.get(API + "/applications/" + F.app_nat["id"]).status == 404
        assert ok(V(who).api.get(API + "/applications"))["total"] == 0
        assert V(who).web.get("/applications/" + F.app_nat["id"]).status in (303, 404)
    # Rights: signed out 401, a plain member 403, a platform without the
    # lesson 400 naming platform, bad fields 400 naming each.
    r = V("signed-out").api.post_json(API + "/applications", {
        "lesson": L, "platform": P("nat").id, "kind": "policy", "description": "x",
        "applied_on": "2025-05-01", "link": "https://example.org/x"})
    assert r.status == 401, r.status
    r = V("a1-member").api.post_json(API + "/applications", {
        "lesson": L, "platform": P("com-a1").id, "kind": "policy", "description": "x",
        "applied_on": "2025-05-01", "link": "https://example.org/x"})
    assert r.status == 403, r.status
    apply_("a2-convenor", L, "com-b1", status=403)  # not on com-b1
    bad = apply_("author", L, "com-a1", status=201)  # its own platform: fine
    r = V("author").api.delete(API + "/applications/" + bad["id"])
    assert r.status == 204, r.status
    assert V("author").api.get(API + "/applications/" + bad["id"]).status == 404
    for body, field in (({"kind": "law"}, "kind"), ({"description": ""}, "description"),
                        ({"applied_on": "2025-02-30"}, "applied_on"),
                        ({"applied_on": "2999-01-01"}, "applied_on"),
                        ({"link": "javascript:alert(1)"}, "link"), ({"link": ""}, "link"),
                        ({"lesson": "01900000-0000-7000-8000-000000000000"}, "lesson")):
        r = V("author").api.post_json(API + "/applications", dict({
            "lesson": L, "platform": P("com-a1").id, "kind": "policy", "description": "x",
            "applied_on": "2025-05-01", "link": "https://example.org/x"}, **body))
        assert (r.status, field_of(r)) == (400, field), (body, r.status, r.text[:200])
    r = V("author").api.post_json(API + "/applications", {
        "lesson": L, "platform": P("dist-b").id, "kind": "policy", "description": "x",
        "applied_on": "2025-05-01", "link": "https://example.org/x"})
    assert r.status in (400, 403), r.status  # not the author's platform
    lone = lesson("author", "com-a1", "Zq flows not shared")["id"]
    r = V("da-convenor").api.post_json(API + "/applications", {
        "lesson": lone, "platform": P("dist-a").id, "kind": "policy", "description": "x",
        "applied_on": "2025-05-01", "link": "https://example.org/x"})
    assert r.status == 400 and field_of(r) == "lesson", (r.status, r.text)  # not readable
    r = V("author").api.post_json(API + "/applications", {
        "lesson": lone, "platform": P("dist-a").id, "kind": "policy", "description": "x",
        "applied_on": "2025-05-01", "link": "https://example.org/x"})
    assert r.status == 403, r.status  # not a convenor there
    # The web form: a link on the lesson page for those who may.
    web = V("db-convenor").web
    page = web.get("/lessons/" + L).text
    assert "/lessons/%s/apply" % L in page and "Record an application" in page
    assert "/lessons/%s/apply" % L not in V("a1-member").web.get("/lessons/" + L).text
    form = web.get("/lessons/%s/apply" % L)
    assert form.status == 200 and 'name="csrf"' in form.text
    r = web.post_form("/lessons/%s/apply" % L, {"platform": P("dist-b").id, "kind": "decision",
                                                  "description": "Zq typed description",
                                                  "applied_on": "2025-06-05", "link": ""})
    assert r.status == 400, r.status
    assert "Give the link to the guideline" in r.text and "Zq typed description" in r.text
    assert 'class="field-error"' in r.text or "field--error" in r.text
    r = web.post_form("/lessons/%s/apply" % L, {"platform": P("dist-b").id, "kind": "decision",
                                                  "description": "Zq typed description",
                                                  "applied_on": "2025-06-05",
                                                  "link": "https://example.org/zq-decision"},
                      with_csrf=False)
    assert r.status in (400, 403), r.status
    r = web.post_form("/lessons/%s/apply" % L, {"platform": P("dist-b").id, "kind": "decision",
                                                  "description": "Zq typed description",
                                                  "applied_on": "2025-06-05",
                                                  "link": "https://example.org/zq-decision"})
    assert r.status == 303, (r.status, r.text[:300])
    made = [a for a in ok(V("db-convenor").api.get(API + "/applications?platform=" +
                                                   P("dist-b").id))["items"]]
    assert len(made) == 1 and made[0]["kind"] == "decision", made
    # Its page, and removing it after a page that asks.
    page = web.get("/applications/" + made[0]["id"])
    assert page.status == 200 and "Zq typed description" in page.text
    confirm = web.get("/applications/%s/delete" % made[0]["id"])
    assert confirm.status == 200 and "Remove the application" in confirm.text
    assert V("b2-convenor").web.get("/applications/%s/delete" % made[0]["id"]).status == 403
    r = web.post_form("/applications/%s/delete" % made[0]["id"], {})
    assert r.status == 303, r.status
    assert web.get("/applications/" + made[0]["id"]).status == 404
    # The audit trail of dist-b has both.
    trail = V("administrator").web.get("/platforms/%s/audit?kind=application" %
                                       P("dist-b").id).text
    assert trail.count("Zq flows spare parts near the pumps") >= 2, trail[-2000:]


# 2. Without attribution; withdrawing -------------------------------------------------

def test_without_attribution_in_journey_applications_and_feeds():
    L = lesson("author", "com-a1", "Zq flows unnamed lesson", visibility="platform")["id"]
    sh = share_ok("author", L, ["dist-a"], attributed=False)[0]
    assert sh["attributed"] is False
    own = apply_("author", L, "com-a1", applied_by=AUTHOR_ORG, applied_on="2025-05-01",
                 description="Zq own application")
    there = apply_("da-convenor", L, "dist-a", applied_by="Zq District Assembly",
                   applied_on="2025-05-02", description="Zq district application")
    hidden = (AUTHOR_NAME, AUTHOR_ORG, V("author").person)
    receiver = V("da-member")
    views = ["/lessons/" + L, "/applications/" + own["id"], "/applications/" + there["id"],
             "/platforms/%s/flows" % P("dist-a").id,
             API + "/applications/" + own["id"], API + "/applications?lesson=" + L,
             API + "/shares?kind=lesson&item=" + L]
    for path in views:
        r = receiver.api.get(path) if path.startswith(API) else receiver.web.get(path)
        assert r.status == 200, (path, r.status)
        for text in hidden:
            assert text not in r.text, (path, text)
    got = ok(receiver.api.get(API + "/applications/" + own["id"]))
    assert (got["applied_by"], got["recorded_by"]) == (None, None), got
    # Recorded on the receiver's own platform: their own record, named.
    got = ok(receiver.api.get(API + "/applications/" + there["id"]))
    assert got["applied_by"] == "Zq District Assembly" and got["recorded_by"], got
    # The author's side sees it all.
    got = ok(V("a1-member").api.get(API + "/applications/" + own["id"]))
    assert got["applied_by"] == AUTHOR_ORG and got["recorded_by"] == V("author").person
    # The private feed of the receiver (every feed) holds the lesson, unnamed.
    r = receiver.web.post_form("/account/feeds", {"platform": "all"})
    assert r.status == 201, r.status
    m = re.search(r"/feed\.atom\?token=([A-Za-z0-9_-]+)", r.text)
    assert m, r.text[:2000]
    feed = client(server).get("/feed.atom?token=" + m.group(1), auth=False)
    assert feed.status == 200 and "Zq flows unnamed lesson" in feed.text, feed.status
    atom = "{http://www.w3.org/2005/Atom}"
    entries = [e for e in ET.fromstring(feed.body).findall(atom + "entry")
               if e.find(atom + "title").text == "Zq flows unnamed lesson"]
    assert len(entries) == 1, feed.text[:1000]
    entry = ET.tostring(entries[0], encoding="unicode")
    for text in hidden:
        assert text not in entry, text
    assert entries[0].find(atom + "author") is None, entry
    data = ok(receiver.api.get(API + "/platforms/%s/feed" % P("com-a1").id))
    item = [i for i in data["items"] if i["title"] == "Zq flows unnamed lesson"]
    assert item == [] or item[0]["author_name"] is None, item
    # Withdrawing the share removes the access everywhere: the lesson, its
    # applications, the journey, the figures.
    before = flows("da-member", "/platforms/" + P("dist-a").id, period="year", periods="2")
    assert before["total"]["received"] >= 1
    assert V("author").api.delete(API + "/shares/" + sh["id"]).status == 204
    for path in ("/lessons/" + L, "/applications/" + own["id"],
                 "/applications/" + there["id"]):
        assert receiver.web.get(path).status == 404, path
    assert receiver.api.get(API + "/applications/" + there["id"]).status == 404
    assert there["id"] not in receiver.api.get(API + "/applications?limit=200").text
    after = flows("da-member", "/platforms/" + P("dist-a").id, period="year", periods="2")
    assert after["total"]["received"] == before["total"]["received"] - 1, (before, after)
    assert after["total"]["applications"] == before["total"]["applications"] - 1
    assert "Zq flows unnamed lesson" not in client(server).get(
        "/feed.atom?token=" + m.group(1), auth=False).text


def test_discussed_links_an_event_of_the_platform():
    """A response "discussed" links the event where it was discussed: the
    form offers the receiving platform's events, the one chosen becomes the
    link, and a link to an event that does not exist (or that the responder
    may not read) is refused naming the link."""
    L = lesson("author", "com-a1", "Zq flows to be discussed")["id"]
    sh = share_ok("author", L, ["dist-a"])[0]
    event = ok(V("da-convenor").api.post_json(API + "/events", {
        "platforms": [P("dist-a").id], "kind": "meeting", "title": "Zq district quarterly",
        "start": "2025-05-06T09:00", "end": "2025-05-06T12:00", "status": "published",
        "visibility": "platform"}), 201, "event")
    web = V("da-convenor").web
    page = web.get("/shares/" + sh["id"]).text
    assert 'name="event"' in page and "Zq district quarterly" in page, page[-3000:]
    r = web.post_form("/shares/%s/respond" % sh["id"], {"response": "discussed",
                                                        "event": event["id"], "link": "",
                                                        "note": "Zq at the quarterly"})
    assert r.status == 303, (r.status, r.text[:300])
    got = ok(V("da-convenor").api.get(API + "/shares/" + sh["id"]))
    assert (got["response"], got["link"]) == ("discussed", "/events/" + event["id"]), got
    # The journey links the event.
    assert 'href="/events/%s"' % event["id"] in V("author").web.get("/lessons/" + L).text
    for link in ("/events/01900000-0000-7000-8000-000000000000", "/events/"):
        r = V("da-convenor").api.patch_json(API + "/shares/%s/response" % sh["id"], {
            "response": "discussed", "link": link})
        assert (r.status, field_of(r)) == (400, "link"), (link, r.status, r.text[:200])


# 3. Bad input to the figures --------------------------------------------------------

def test_figures_bad_input_names_the_field():
    for query, field in (("period=week", "period"), ("periods=0", "periods"),
                         ("periods=25", "periods"), ("periods=x", "periods"),
                         ("until=2025-02-30", "until")):
        r = V("author").api.get(API + "/alliances/zq-flows-open/flows?" + query)
        assert (r.status, field_of(r)) == (400, field), (query, r.status, r.text[:200])
        page = V("author").web.get("/alliances/zq-flows-open/flows?" + query)
        assert page.status == 400 and field in page.text, (query, page.status)
    assert V("author").api.get(API + "/platforms/%s/flows" %
                               "01900000-0000-7000-8000-000000000000").status == 404


# 4. The response days ----------------------------------------------------------------

def test_flagged_after_response_days_set_by_flag_and_environment():
    """A share waiting longer than --response-days (7 here) is flagged, in
    the API, the inbox and the platform page; one of 6 days is not. The
    setting from ALLIANCE_RESPONSE_DAYS works alike."""
    for how in ("flag", "environment"):
        args = ("--response-days", "7") if how == "flag" else ()
        if how == "environment":
            os.environ["ALLIANCE_RESPONSE_DAYS"] = "7"
        try:
            check_response_days(how, args)
        finally:
            os.environ.pop("ALLIANCE_RESPONSE_DAYS", None)


def check_response_days(how, args):
    if True:
        with Server(args=args) as s:
            a = ok(s.post_json(API + "/alliances", {"slug": "zq-days", "name": "Zq days",
                                                    "levels": ["National", "District"]}), 201)
            top = ok(s.post_json(API + "/platforms", {"alliance": a["id"], "name": "Zq top"}),
                     201)
            low = ok(s.post_json(API + "/platforms", {"alliance": a["id"], "name": "Zq low",
                                                      "parent": top["id"]}), 201)
            ids = []
            for title in ("Zq eight days", "Zq six days"):
                doc = ok(s.post_json(API + "/lessons", {
                    "platform": low["id"], "title": title, "outcome": "success",
                    "lesson": "Zq", "status": "published"}), 201)
                ids.append(ok(s.post_json(API + "/shares", {
                    "kind": "lesson", "item": doc["id"], "to": [top["id"]]}), 201)["items"][0])
            import datetime
            now = datetime.datetime.now(datetime.timezone.utc)
            for sh, days in zip(ids, (8, 6)):
                when = (now - datetime.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
                sql_write(s, "UPDATE share SET shared_at = ? WHERE id = ?", (when, sh["id"]))
            eight = ok(s.get(API + "/shares/" + ids[0]["id"]))
            six = ok(s.get(API + "/shares/" + ids[1]["id"]))
            assert (eight["flagged"], eight["waiting_days"]) == (True, 8), (how, eight)
            assert (six["flagged"], six["waiting_days"]) == (False, 6), (how, six)
            flagged = ok(s.get(API + "/shares?flagged=true&platform=" + top["id"]))
            assert [x["id"] for x in flagged["items"]] == [ids[0]["id"]], (how, flagged)
            web = client(s)
            assert web.sign_in(Server.ADMIN_EMAIL, Server.ADMIN_PASSWORD).status == 303
            page = web.get("/platforms/" + top["id"]).text
            assert "1 for more than 7 days" in page, (how, page[-2000:])
            inbox = web.get("/platforms/%s/inbox?flagged=1" % top["id"]).text
            assert "Zq eight days" in inbox and "Zq six days" not in inbox, how
            assert "Waiting more than 7 days" in inbox, how


def main():
    global server, F
    with Server() as s:
        server = s
        F = build_fixture(s)
        run([test_journey_figures_counted_by_hand,
             test_journey_on_the_lesson_page,
             test_applications_rights_form_and_api,
             test_without_attribution_in_journey_applications_and_feeds,
             test_discussed_links_an_event_of_the_platform,
             test_figures_bad_input_names_the_field,
             test_flagged_after_response_days_set_by_flag_and_environment])


if __name__ == "__main__":
    main()
