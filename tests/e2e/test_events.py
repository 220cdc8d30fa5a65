#!/usr/bin/env python3
"""End-to-end tests of events (src/domain/event.h): meetings, workshops, field
visits, trainings and exchange visits, with attendance, decisions and action
items; their calendars (iCalendar, RFC 5545) and the inclusion figures.

A fixture of two alliances (one public in Africa/Accra, one members-only),
five platforms and viewers of every kind (signed out, signed in without a
membership, convenor and member of a platform, member of a sibling platform,
member of the members-only alliance, administrator) is built on an empty data
directory, so that every count is known. Then:

  * times: events given in New York, Paris, Kolkata, Lord Howe Island and
    Accra wall time (across the changes of daylight saving time, one in the
    hour that never happens) keep the right UTC instant in the API, on the
    page (in the event's zone) and in the .ics, parsed with Debian's
    python3-icalendar;
  * the .ics of a platform, of a person (private address) and of an event
    parse, escape text, and carry exactly the events the reader may read;
  * joint events: on the lists, pages, calendars and .ics of every platform
    that holds them, and read through any of them; adding a platform needs
    the right to write there;
  * action items: the overdue flag (open and due before today, in UTC), the
    ?overdue= filter, "my action items" (never an item of an event the owner
    may not read), the owner's right to change the status only;
  * the attendance form: members of every platform of the event, ticks, a
    name typed in, and the blank post that crashed the server (UBSan,
    misaligned pointer in event_attendance_post);
  * inclusion: the shares of attendees and speakers by gender and group on
    the event page and the platform's page, against numbers worked out by
    hand;
  * visibility: for every viewer, every event (platform, alliance, public;
    draft and published; on the public and the members-only alliance): its
    page, minutes, .ics, API read, API list and total, action items, search,
    platform lists and calendars show it exactly when the rule says so.
"""
import datetime
import html
import os
import re
import sys
from urllib.parse import quote

try:
    import icalendar
except ImportError:
    # Debian's python3-icalendar is in Debian's Python; ctest may have found
    # another python3 first (pyenv and the like): run again with Debian's.
    DEBIAN = "/usr/bin/python3"
    if os.path.exists(DEBIAN) and not os.environ.get("ALLIANCE_EVENTS_DEBIAN_PYTHON"):
        os.environ["ALLIANCE_EVENTS_DEBIAN_PYTHON"] = "1"
        os.execv(DEBIAN, [DEBIAN, os.path.abspath(__file__)] + sys.argv[1:])
    raise SystemExit("test_events needs icalendar: install python3-icalendar "
                     "(tools/install-deps test)")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, run, Obj, ok  # noqa: E402

API = "/api/v1"
PASSWORD = "zq-events-secret"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"
UTC = datetime.timezone.utc

server = None
F = None   # the fixture


def cli(*args, stdin=None):
    return server.cli_ok(*args, stdin=stdin)


def today():
    return datetime.datetime.now(UTC).date()


def day(offset):
    return (today() + datetime.timedelta(days=offset)).isoformat()


# Fixture ---------------------------------------------------------------------

def build_fixture():
    global F
    F = Obj(viewers=[], platforms={}, alliances={})
    for label, slug, vis in (("open", "zq-events-open", "public"),
                             ("closed", "zq-events-closed", "members")):
        doc = ok(server.post_json(API + "/alliances", {
            "slug": slug, "name": "Zq %s alliance" % label.title(), "time_zone": "Africa/Accra",
            "levels": ["Region", "District"], "visibility": vis}), 201, "alliance " + label)
        F.alliances[label] = Obj(label=label, slug=slug, visibility=vis, id=doc["id"])
    for label, alliance, parent in (("o-top", "open", None), ("o-a", "open", "o-top"),
                                    ("o-b", "open", "o-top"), ("c-top", "closed", None),
                                    ("c-a", "closed", "c-top")):
        body = {"alliance": F.alliances[alliance].slug, "name": "Zq platform %s" % label}
        if parent:
            body["parent"] = F.platforms[parent].id
        doc = ok(server.post_json(API + "/platforms", body), 201, "platform " + label)
        F.platforms[label] = Obj(label=label, id=doc["id"], alliance=F.alliances[alliance],
                                 name=body["name"])
    anonymous = Obj(label="signed-out", admin=False, signed_in=False, person=None, roles={})
    anonymous.api = anonymous.web = server.client()
    F.viewers.append(anonymous)
    for label, gender, group, memberships in (
            ("no-membership", "", "", []),
            ("convenor", "female", "", [("o-a", "convenor")]),
            ("member", "male", "youth", [("o-a", "member")]),
            ("member2", "female", "women's group", [("o-a", "member")]),
            ("sibling", "other", "", [("o-b", "member")]),
            ("top", "", "", [("o-top", "convenor")]),
            ("c-member", "female", "", [("c-a", "member")])):
        email = "%s@events.zq.test" % label
        name = "Zq Viewer %s" % label.title()
        person = ok(server.post_json(API + "/people", {
            "name": name, "email": email, "gender": gender, "marginalised_group": group}), 201)
        for platform, role in memberships:
            ok(server.post_json(API + "/memberships", {
                "platform": F.platforms[platform].id, "person": person["id"], "role": role}),
               201, "membership %s on %s" % (label, platform))
        cli("user", "add", "--email", email, "--name", name, "--password-stdin",
            stdin=PASSWORD + "\n")
        token = cli("token", "add", "--email", email, "--label", "events").strip()
        v = Obj(label=label, admin=False, signed_in=True, person=person["id"], name=name,
                email=email, roles={F.platforms[p].label: role for p, role in memberships})
        v.api = server.client(token)
        v.web = server.web_client(email, PASSWORD)
        F.viewers.append(v)
    admin = Obj(label="administrator", admin=True, signed_in=True, person=None, roles={})
    admin.api = server.client(server.token)
    admin.web = server.web_client(Server.ADMIN_EMAIL, Server.ADMIN_PASSWORD)
    F.viewers.append(admin)
    F.by = {v.label: v for v in F.viewers}


def V(label):
    return F.by[label]


def P(label):
    return F.platforms[label].id


def new_event(viewer, platforms, title, start, end, time_zone="", status="published",
              visibility="public", **more):
    body = dict({"platforms": [P(p) for p in platforms], "kind": "meeting", "title": title,
                 "start": start, "end": end, "time_zone": time_zone, "status": status,
                 "visibility": visibility}, **more)
    return ok(viewer.api.post_json(API + "/events", body), 201, "event " + title)


def ics_of(resp, what):
    assert resp.status == 200, "%s: %d %s" % (what, resp.status, resp.text[:200])
    ctype = resp.header("Content-Type") or ""
    assert ctype == "text/calendar; charset=utf-8", "%s: Content-Type %r" % (what, ctype)
    lines = resp.body.split(b"\r\n")
    assert lines[-1] == b"", "%s: does not end in CRLF" % what
    for line in lines:
        assert len(line) <= 75, "%s: a line of %d octets" % (what, len(line))
        assert b"\n" not in line and b"\r" not in line, "%s: a bare line break" % what
    cal = icalendar.Calendar.from_ical(resp.body)
    assert cal.name == "VCALENDAR" and str(cal["VERSION"]) == "2.0", what
    return {str(ev["UID"]).split("@")[0]: ev for ev in cal.walk("VEVENT")}


def utc_of(ev, name):
    value = ev.decoded(name)
    assert isinstance(value, datetime.datetime) and value.tzinfo is not None, (name, value)
    return value.astimezone(UTC)


def iso_utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def private_calendar(viewer):
    """Makes viewer's private calendar address on /account/calendar."""
    resp = viewer.web.post_form("/account/calendar", {"understood": "yes"})
    assert resp.status == 200, (resp.status, resp.text[:300])
    m = re.search(r"<code>[^<]*?(/account/calendar\.ics\?token=[^<\s]+)</code>", resp.text)
    assert m, "no calendar address on the page"
    return m.group(1).replace("&amp;", "&")


# Times -----------------------------------------------------------------------

# (zone, start, end as wall times; the instants in UTC they are)
ZONES = [
    # New York: clocks go forward at 02:00 on 8 March 2026 (EST -5 → EDT -4).
    ("America/New_York", "2026-03-08T01:30", "2026-03-08T03:30",
     "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z"),
    # 02:30 never happens there: read with the offset before the change (tz.h).
    ("America/New_York", "2026-03-08T02:30", "2026-03-08T04:00",
     "2026-03-08T07:30:00Z", "2026-03-08T08:00:00Z"),
    # Paris: clocks go back at 03:00 on 25 October 2026 (CEST +2 → CET +1).
    ("Europe/Paris", "2026-10-24T22:00", "2026-10-25T09:00",
     "2026-10-24T20:00:00Z", "2026-10-25T08:00:00Z"),
    # Kolkata: +05:30 all year.
    ("Asia/Kolkata", "2026-07-01T09:00", "2026-07-01T17:15",
     "2026-07-01T03:30:00Z", "2026-07-01T11:45:00Z"),
    # Lord Howe Island: +10:30 in winter, +11 in summer (half an hour of DST).
    ("Australia/Lord_Howe", "2026-01-15T10:00", "2026-06-15T10:00",
     "2026-01-14T23:00:00Z", "2026-06-14T23:30:00Z"),
    # No zone given: the alliance's (Africa/Accra, +0).
    ("", "2026-05-05T09:00", "2026-05-05T12:00", "2026-05-05T09:00:00Z",
     "2026-05-05T12:00:00Z"),
]


def test_times_keep_across_time_zones():
    conv = V("convenor")
    for zone, start, end, starts_at, ends_at in ZONES:
        title = "Zq times %s %s" % (zone or "default", start)
        # Events last at most 31 days: Lord Howe's winter end is checked
        # apart, below.
        if zone == "Australia/Lord_Howe":
            first = new_event(conv, ["o-a"], title, start, "2026-01-15T12:00", zone)
            assert first["starts_at"] == starts_at, first
            second = new_event(conv, ["o-a"], title + " winter", end, "2026-06-15T12:00", zone)
            assert second["starts_at"] == ends_at, second
            for e in (first, second):
                cal = ics_of(server.client().get("/events/%s/calendar.ics" % e["id"]), title)
                assert utc_of(cal[e["id"]], "DTSTART") == iso_utc(e["starts_at"]), e
            continue
        ev = new_event(conv, ["o-a"], title, start, end, zone)
        assert (ev["starts_at"], ev["ends_at"]) == (starts_at, ends_at), (zone, ev)
        assert ev["time_zone"] == (zone or "Africa/Accra"), ev
        # Read back as given (the hour that never happens reads as the clock then shows).
        if not (zone == "America/New_York" and start.endswith("02:30")):
            assert (ev["start"], ev["end"]) == (start, end), ev
        else:
            assert ev["start"] == "2026-03-08T03:30", ev
        cal = ics_of(server.client().get("/events/%s/calendar.ics" % ev["id"]), title)
        vev = cal[ev["id"]]
        assert utc_of(vev, "DTSTART") == iso_utc(starts_at), (zone, vev.to_ical())
        assert utc_of(vev, "DTEND") == iso_utc(ends_at), (zone, vev.to_ical())
        assert str(vev["SUMMARY"]) == title
        # The page gives the wall time in the event's zone, and the instant.
        page = server.client().get("/events/" + ev["id"]).text
        assert 'datetime="%s"' % starts_at in page, (zone, "no <time> of the start")
        assert ev["start"][11:] in page, (zone, "the page does not show the wall time")
    # A zone the database does not know, and an end before the start: 400 by name.
    for body, field in (({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
                        ({"time_zone": "../../etc/passwd"}, "time_zone"),
                        ({"end": "2026-05-05T08:00"}, "end"),
                        ({"start": "2026-02-30T09:00"}, "start"),
                        ({"kind": "party"}, "kind")):
        doc = dict({"platforms": [P("o-a")], "kind": "meeting", "title": "Zq bad",
                    "start": "2026-05-05T09:00", "end": "2026-05-05T12:00"}, **body)
        err = ok(conv.api.post_json(API + "/events", doc), 400, "bad %s" % field)
        assert err["error"]["field"] == field, (body, err)


# Calendars -------------------------------------------------------------------

def test_ics_of_platform_person_and_event():
    conv, member = V("convenor"), V("member")
    tricky = "Zq review; costs, tariffs \\ and more"
    ev = new_event(conv, ["o-a"], tricky, "2026-04-02T09:00", "2026-04-02T11:00",
                   "Europe/Paris", place="Tamale, Gumani road",
                   agenda="1. Costs\n2. Tariffs; who pays, and when")
    hidden = new_event(conv, ["o-a"], "Zq members only review", "2026-04-03T09:00",
                       "2026-04-03T11:00", visibility="platform")
    # The platform's calendar without an address: what anyone may read.
    cal = ics_of(server.client().get("/platforms/%s/calendar.ics" % P("o-a")), "platform ics")
    assert ev["id"] in cal and hidden["id"] not in cal, sorted(cal)
    vev = cal[ev["id"]]
    assert str(vev["SUMMARY"]) == tricky, vev["SUMMARY"]
    assert str(vev["LOCATION"]) == "Tamale, Gumani road"
    assert str(vev["DESCRIPTION"]) == "1. Costs\n2. Tariffs; who pays, and when"
    assert utc_of(vev, "DTSTART") == iso_utc("2026-04-02T07:00:00Z")
    # A browser's cookie does not change it (as Atom feeds): same calendar.
    again = ics_of(member.web.get("/platforms/%s/calendar.ics" % P("o-a")), "platform ics")
    assert sorted(again) == sorted(cal)
    # The person's own calendar, by its private address: events of their
    # platforms, the platform-only one included.
    address = private_calendar(member)
    mine = ics_of(server.client().get(address), "person ics")
    assert ev["id"] in mine and hidden["id"] in mine, sorted(mine)
    # A sibling's address does not read o-a's platform-only event.
    theirs = ics_of(server.client().get(private_calendar(V("sibling"))), "sibling ics")
    assert hidden["id"] not in theirs and ev["id"] not in theirs, sorted(theirs)
    # Without an address, or with a wrong one: 404.
    assert server.client().get("/account/calendar.ics").status == 404
    assert server.client().get("/account/calendar.ics?token=zq-wrong").status == 404
    # One event's file is read as its page.
    assert server.client().get("/events/%s/calendar.ics" % hidden["id"]).status == 404
    one = ics_of(member.web.get("/events/%s/calendar.ics" % hidden["id"]), "event ics")
    assert list(one) == [hidden["id"]]
    # The calendar pages: the month of the event shows it, on the platform
    # and on the alliance.
    for path in ("/platforms/%s/calendar?month=2026-04" % P("o-a"),
                 "/alliances/%s/calendar?month=2026-04" % F.alliances["open"].slug):
        page = server.client().get(path)
        assert page.status == 200, (path, page.status)
        assert ev["id"] in page.text and hidden["id"] not in page.text, path
        assert hidden["id"] in member.web.get(path).text, path


# Joint events ------------------------------------------------------------------

def test_joint_events_on_every_platform():
    conv = V("convenor")
    # The convenor of o-a may not put an event on o-b's calendar.
    err = ok(conv.api.post_json(API + "/events", {
        "platforms": [P("o-a"), P("o-b")], "kind": "workshop", "title": "Zq joint refused",
        "start": "2026-06-01T09:00", "end": "2026-06-01T12:00"}), 403, "joint refused")
    assert err["error"]["field"] == "platforms", err
    # Nor across alliances.
    err = ok(V("administrator").api.post_json(API + "/events", {
        "platforms": [P("o-a"), P("c-a")], "kind": "workshop", "title": "Zq across",
        "start": "2026-06-01T09:00", "end": "2026-06-01T12:00"}), 400, "across")
    assert err["error"]["field"] == "platforms", err
    admin = V("administrator")
    joint = new_event(admin, ["o-a", "o-b"], "Zq joint workshop", "2026-06-10T09:00",
                      "2026-06-10T16:00", visibility="platform", kind="workshop")
    assert joint["platforms"] == [P("o-a"), P("o-b")], joint
    for label in ("o-a", "o-b"):
        listed = ok(admin.api.get(API + "/events?platform=" + P(label)))
        assert joint["id"] in [e["id"] for e in listed["items"]], label
        page = admin.web.get("/platforms/%s/events" % P(label)).text
        assert joint["id"] in page, "joint event not on the events page of " + label
        month = admin.web.get("/platforms/%s/calendar?month=2026-06" % P(label)).text
        assert joint["id"] in month, "joint event not on the calendar of " + label
    assert joint["id"] not in [e["id"] for e in ok(admin.api.get(
        API + "/events?platform=" + P("o-top")))["items"]]
    # Read through either platform: a member of o-b reads it, one of
    # neither does not.
    assert ok(V("sibling").api.get(API + "/events/" + joint["id"]))["id"] == joint["id"]
    assert V("member").api.get(API + "/events/" + joint["id"]).status == 200
    assert V("top").api.get(API + "/events/" + joint["id"]).status == 404
    # Published for the public, it is on the public .ics of both platforms.
    ok(admin.api.patch_json(API + "/events/" + joint["id"], {"visibility": "public"}))
    for label in ("o-a", "o-b"):
        cal = ics_of(server.client().get("/platforms/%s/calendar.ics" % P(label)), label)
        assert joint["id"] in cal, label
    # The home platform stays first.
    err = ok(admin.api.patch_json(API + "/events/" + joint["id"], {
        "platforms": [P("o-b"), P("o-a")]}), 400, "home changed")
    assert err["error"]["field"] == "platforms"


# Action items --------------------------------------------------------------------

def test_overdue_and_my_action_items():
    conv, member = V("convenor"), V("member")
    ev = new_event(conv, ["o-a"], "Zq planning meeting", day(-20) + "T09:00",
                   day(-20) + "T12:00", visibility="alliance")
    items = {}
    for key, due, status in (("late", day(-1), "open"), ("late-done", day(-5), "done"),
                             ("today", day(0), "open"), ("later", day(10), "open"),
                             ("undated", None, "open"), ("late-dropped", day(-3), "dropped")):
        items[key] = ok(conv.api.post_json(API + "/events/%s/action-items" % ev["id"], {
            "title": "Zq action " + key, "owner": member.person, "due_on": due,
            "status": status}), 201, key)
    flags = {k: v["overdue"] for k, v in items.items()}
    assert flags == {"late": True, "late-done": False, "today": False, "later": False,
                     "undated": False, "late-dropped": False}, flags
    overdue = ok(member.api.get(API + "/action-items?owner=me&overdue=true"))
    assert [a["id"] for a in overdue["items"]] == [items["late"]["id"]], overdue
    assert overdue["total"] == 1
    # A due date before the event: refused by name.
    err = ok(conv.api.post_json(API + "/events/%s/action-items" % ev["id"], {
        "title": "Zq too early", "due_on": day(-30)}), 400, "too early")
    assert err["error"]["field"] == "due_on", err
    # "My action items": the open ones by default, the overdue one flagged.
    page = member.web.get("/account/actions").text
    for key in ("late", "today", "later", "undated"):
        assert "Zq action " + key in page, key
    assert "Zq action late-done" not in page
    row = page[page.index("Zq action late"):]
    row = row[:row.index("</tr>")]
    assert "Overdue" in row, row
    assert "Overdue" not in page[page.index("Zq action today"):][:400].split("</tr>")[0]
    assert "Zq action late-done" in member.web.get("/account/actions?status=all").text
    assert "Zq action" not in V("member2").web.get("/account/actions").text
    # The platform page flags the overdue items to its members.
    assert "Zq action late" in conv.web.get("/platforms/" + P("o-a")).text
    # The owner may change the status, and nothing else.
    done = ok(member.api.patch_json(API + "/action-items/" + items["late"]["id"],
                                    {"status": "done"}))
    assert done["status"] == "done" and done["overdue"] is False, done
    assert member.api.patch_json(API + "/action-items/" + items["later"]["id"],
                                 {"title": "Zq renamed"}).status == 403
    assert V("member2").api.patch_json(API + "/action-items/" + items["later"]["id"],
                                       {"status": "done"}).status == 403
    # Follow-up at a later event of the alliance, not an earlier one.
    later = new_event(conv, ["o-a"], "Zq follow-up meeting", day(-2) + "T09:00",
                      day(-2) + "T11:00", visibility="alliance")
    fu = ok(conv.api.patch_json(API + "/action-items/" + items["today"]["id"],
                                {"follow_up": later["id"]}))
    assert fu["follow_up"] == later["id"]
    assert "Zq action today" in conv.web.get("/events/" + later["id"]).text
    err = ok(conv.api.patch_json(API + "/action-items/" + items["today"]["id"],
                                 {"follow_up": ev["id"]}), 400, "self follow-up")
    assert err["error"]["field"] == "follow_up"
    # A follow-up at an event the reader may not read does not show: not its
    # id in the API, not its title on the page (it once did, through the
    # join of action items with their follow-up event).
    closed = new_event(conv, ["o-a"], "Zq closed follow-up", day(-1) + "T09:00",
                       day(-1) + "T10:00", visibility="platform")
    ok(conv.api.patch_json(API + "/action-items/" + items["later"]["id"],
                           {"follow_up": closed["id"]}))
    assert ok(member.api.get(API + "/action-items/" + items["later"]["id"]))["follow_up"] \
        == closed["id"]
    seen = ok(V("sibling").api.get(API + "/action-items/" + items["later"]["id"]))
    assert seen["follow_up"] is None, seen
    assert "Zq closed follow-up" not in V("sibling").web.get("/events/" + ev["id"]).text
    assert "Zq closed follow-up" in member.web.get("/events/" + ev["id"]).text
    # An action item of an event its owner may not read is not on their list.
    hidden = new_event(conv, ["o-a"], "Zq closed-door meeting", day(-10) + "T09:00",
                       day(-10) + "T10:00", visibility="platform")
    ok(conv.api.post_json(API + "/events/%s/action-items" % hidden["id"], {
        "title": "Zq sibling's secret action", "owner": V("sibling").person,
        "due_on": day(-9)}), 201)
    assert "Zq sibling" not in V("sibling").web.get("/account/actions").text
    assert ok(V("sibling").api.get(API + "/action-items?owner=me"))["total"] == 0


# Attendance ----------------------------------------------------------------------

def form_fields(text):
    return re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', text)


def test_attendance_form():
    conv = V("convenor")
    ev = new_event(conv, ["o-a"], "Zq attendance meeting", "2026-02-02T09:00",
                   "2026-02-02T11:00", visibility="alliance")
    page = conv.web.get("/events/%s/attendance" % ev["id"])
    assert page.status == 200, page.status
    text = page.text
    assert 'name="viewport"' in text, "the form must work on a phone"
    rows = {v: n for n, v in form_fields(text) if n.startswith("person")}
    for label in ("convenor", "member", "member2"):
        assert V(label).person in rows, "%s is not on the form" % label
    assert V("sibling").person not in rows
    number = {pid: name[len("person"):] for pid, name in rows.items()}
    fields = [(name, pid) for pid, name in rows.items()]
    fields += [("attended", number[V("convenor").person]), ("spoke", number[V("convenor").person]),
               ("role" + number[V("convenor").person], "chair"),
               ("attended", number[V("member").person]),
               ("new_name", "Zq Guest Ama"), ("new_organisation", "Zq women's group"),
               ("new_gender", "female"), ("new_group", "women's group"), ("new_spoke", "yes")]
    resp = conv.web.post_form("/events/%s/attendance" % ev["id"], fields)
    assert resp.status == 303, (resp.status, resp.text[:300])
    got = ok(conv.api.get(API + "/events/" + ev["id"]))["attendance"]
    by = {a["name"]: a for a in got}
    assert set(by) == {V("convenor").name, V("member").name, "Zq Guest Ama"}, sorted(by)
    assert by[V("convenor").name]["spoke"] and by[V("convenor").name]["role"] == "chair"
    assert by[V("member").name]["gender"] == "male"           # from their record
    assert by[V("member").name]["marginalised_group"] == "youth"
    assert (by["Zq Guest Ama"]["gender"], by["Zq Guest Ama"]["spoke"]) == ("female", True)
    # The blank form (every field empty), as the page crawler sends it,
    # once crashed the server (UBSan: misaligned pointer in
    # event_attendance_post): now a 400 with the error summary.
    blank = [(n, "") for n, _v in form_fields(text) if n != "csrf"] + [("attended", "")]
    resp = conv.web.post_form("/events/%s/attendance" % ev["id"], blank)
    assert resp.status == 400 and 'class="error-summary"' in resp.text, resp.status
    # Nothing changed, and the server still answers.
    assert len(ok(conv.api.get(API + "/events/" + ev["id"]))["attendance"]) == 3
    # Someone who may not edit the event gets no form.
    assert V("member").web.get("/events/%s/attendance" % ev["id"]).status == 403
    # The API: a person twice is a 409; person and name together a 400.
    err = ok(conv.api.post_json(API + "/events/%s/attendance" % ev["id"],
                                {"person": V("member").person}), 409, "twice")
    assert err["error"]["field"] == "person"
    err = ok(conv.api.post_json(API + "/events/%s/attendance" % ev["id"],
                                {"person": V("member2").person, "name": "Zq X"}), 400, "both")
    assert err["error"]["field"] == "name"
    err = ok(conv.api.post_json(API + "/events/%s/attendance" % ev["id"],
                                {"name": "Zq Y", "spoke": "yes"}), 400, "spoke")
    assert err["error"]["field"] == "spoke"


# Inclusion -----------------------------------------------------------------------

def table_rows(text, caption_start):
    """{row header: [cells]} of the table whose caption starts so."""
    i = text.index("<caption>" + caption_start)
    table = text[i:text.index("</table>", i)]
    rows = {}
    for head, cells in re.findall(r'<tr><th scope="row">([^<]*)</th>(.*?)</tr>', table, re.S):
        rows[html.unescape(head)] = [re.sub(r"<[^>]+>", "", c).strip()
                      for c in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)]
    return rows


def test_inclusion_figures():
    admin = V("administrator")
    # A platform of its own, so that only these events count.
    plat = ok(admin.api.post_json(API + "/platforms", {
        "alliance": F.alliances["open"].slug, "name": "Zq inclusion platform",
        "parent": P("o-top")}), 201)["id"]
    quarter_one = ok(admin.api.post_json(API + "/events", {
        "platforms": [plat], "kind": "meeting", "title": "Zq inclusion Q1",
        "start": "2025-02-10T09:00", "end": "2025-02-10T12:00", "status": "published",
        "visibility": "public"}), 201)
    quarter_two = ok(admin.api.post_json(API + "/events", {
        "platforms": [plat], "kind": "meeting", "title": "Zq inclusion Q2",
        "start": "2025-05-10T09:00", "end": "2025-05-10T12:00", "status": "published",
        "visibility": "public"}), 201)
    # Q1: five people. female ×3 (2 spoke), male ×1 (spoke), not recorded ×1.
    # Groups: women's group ×2 (1 spoke), youth ×1 (spoke), none ×2 (1 spoke).
    q1 = [({"person": V("member2").person, "spoke": True}),       # female, women's group
          ({"person": V("member").person, "spoke": True}),        # male, youth
          ({"name": "Zq A", "gender": "female", "marginalised_group": "women's group"}),
          ({"name": "Zq B", "gender": "female", "spoke": True}),
          ({"name": "Zq C"})]
    # Q2: two: other (spoke), female (no).
    q2 = [({"person": V("sibling").person, "spoke": True}),       # other
          ({"name": "Zq D", "gender": "female"})]
    for ev, people in ((quarter_one, q1), (quarter_two, q2)):
        for body in people:
            ok(admin.api.post_json(API + "/events/%s/attendance" % ev["id"], body), 201)
    # The event page: by gender and by group, of attendees and speakers.
    page = server.client().get("/events/" + quarter_one["id"]).text
    rows = table_rows(page, "")
    want = {"Female": ["3", "60%", "2", "67%"], "Male": ["1", "20%", "1", "33%"],
            "Not recorded": ["1", "20%", "0", "0%"],
            "women's group": ["2", "40%", "1", "33%"], "youth": ["1", "20%", "1", "33%"],
            "No group recorded": ["2", "40%", "1", "33%"], "Everyone": ["5", "", "3", ""]}
    for head, cells in want.items():
        assert rows.get(head) == cells, (head, rows.get(head), rows)
    # The platform's page over time: a row a quarter.
    page = server.client().get("/platforms/%s/inclusion" % plat)
    assert page.status == 200
    summary = table_rows(page.text, "Share of attendees")
    # Columns: attended/spoke, female, male, another gender, not recorded, any group.
    assert summary["2025-Q1"] == ["53", "60%67%", "20%33%", "0%0%", "20%0%", "60%67%"], summary
    assert summary["2025-Q2"] == ["21", "50%0%", "0%0%", "50%100%", "0%0%", "0%0%"], summary
    detail = table_rows(page.text, "Attendance and speakers in 2025-Q2")
    assert detail["Female"] == ["1", "50%", "0", "0%"], detail
    by_year = table_rows(server.client().get(
        "/platforms/%s/inclusion?by=year" % plat).text, "Share of attendees")
    assert by_year["2025"][0] == "74", by_year          # 7 attendees, 4 speakers
    # Only what the reader may read is counted: hide Q2 from the public.
    ok(admin.api.patch_json(API + "/events/" + quarter_two["id"], {"visibility": "platform"}))
    public = table_rows(server.client().get(
        "/platforms/%s/inclusion?by=year" % plat).text, "Share of attendees")
    assert public["2025"][0] == "53", public


# Visibility ----------------------------------------------------------------------

def readers(event):
    """The labels of the viewers who may read event (the rule of event.h)."""
    out = set()
    platforms = event.platforms
    alliance = F.platforms[platforms[0]].alliance
    for v in F.viewers:
        if v.admin:
            out.add(v.label)
            continue
        on = [p for p in platforms if p in v.roles]
        in_alliance = any(F.platforms[p].alliance is alliance for p in v.roles)
        if event.status == "draft":
            if v.label == event.author or any(v.roles[p] in ("convenor", "facilitator",
                                                             "documenter") for p in on):
                out.add(v.label)
            continue
        if event.visibility == "platform" and on:
            out.add(v.label)
        elif event.visibility == "alliance" and in_alliance:
            out.add(v.label)
        elif event.visibility == "public" and (alliance.visibility == "public" or in_alliance):
            out.add(v.label)
    return out


def test_visibility_of_events_and_minutes():
    cases = []
    n = 0
    for platforms, author in ((["o-a"], "convenor"), (["c-a"], "c-member")):
        for visibility in ("platform", "alliance", "public"):
            for status in ("draft", "published"):
                if author == "c-member" and status == "published":
                    author_v = V("administrator")       # a member may not publish
                else:
                    author_v = V(author)
                n += 1
                secret = "zqminutes%03d" % n
                title = "Zq vis %s %s %s" % (platforms[0], visibility, status)
                ev = new_event(author_v, platforms, title, "2026-08-%02dT09:00" % n,
                               "2026-08-%02dT10:00" % n, status=status, visibility=visibility,
                               minutes="Minutes word " + secret)
                ok(V("administrator").api.post_json(
                    API + "/events/%s/action-items" % ev["id"],
                    {"title": "Zq vis action " + secret}), 201)
                cases.append(Obj(id=ev["id"], title=title, secret=secret, platforms=platforms,
                                 visibility=visibility, status=status,
                                 author=author_v.label))
    failures = []
    for v in F.viewers:
        listed = {e["id"] for e in ok(v.api.get(API + "/events?limit=200"))["items"]}
        actions = ok(v.api.get(API + "/action-items?limit=200"))
        action_titles = {a["title"] for a in actions["items"]}
        search = v.api.get(API + "/search?q=zqminutes*&kind=event&limit=50")
        found = {h["id"] for h in ok(search)["items"]}
        for case in cases:
            may = v.label in readers(case)
            where = "%s reading %s" % (v.label, case.title)
            got = {
                "api": v.api.get(API + "/events/" + case.id).status == 200,
                "list": case.id in listed,
                "page": v.web.get("/events/" + case.id).status == 200,
                "ics": v.web.get("/events/%s/calendar.ics" % case.id).status == 200,
                "action items": "Zq vis action " + case.secret in action_titles,
                "search": case.id in found,
            }
            for platform in case.platforms:
                body = v.web.get("/platforms/%s/events" % F.platforms[platform].id)
                got["platform events"] = body.status == 200 and case.id in body.text
                month = v.web.get("/platforms/%s/calendar?month=2026-08" %
                                  F.platforms[platform].id)
                got["calendar"] = month.status == 200 and case.id in month.text
            for view, seen in got.items():
                if seen != may:
                    failures.append("%s: %s %s" % (where, view, "shown" if seen else "hidden"))
            # The minutes and the title never travel without the event (the
            # search page echoes its query, so it is searched by the secret
            # and checked for the event's id and title).
            if not may:
                for path, word in (("/platforms/%s/events" % P(case.platforms[0]), case.secret),
                                   ("/search?q=" + case.secret, case.id),
                                   ("/search?q=" + case.secret, case.title),
                                   ("/account/actions", case.secret)):
                    if v.signed_in or path != "/account/actions":
                        if word in v.web.get(path).text:
                            failures.append("%s: %s in %s" % (where, word, path))
        # The public .ics of each platform carries the published public
        # events of a public alliance only, whoever asks.
    for label in ("o-a", "c-a"):
        resp = server.client().get("/platforms/%s/calendar.ics" % P(label))
        if F.platforms[label].alliance.visibility == "members":
            if resp.status != 404:
                failures.append("members-only platform .ics answered %d" % resp.status)
            continue
        cal = ics_of(resp, label)
        for case in cases:
            want = case.platforms[0] == label and "signed-out" in readers(case)
            if (case.id in cal) != want:
                failures.append("public .ics of %s: %s %s" % (label, case.title,
                                                               "shown" if case.id in cal
                                                               else "hidden"))
    assert not failures, "%d problems:\n  %s" % (len(failures), "\n  ".join(failures))


def test_demo_events():
    """The demo has a year of events with attendance, minutes, decisions and
    action items, some overdue, and a joint event."""
    with Server(demo=True) as s:
        events = []
        cursor = None
        while True:
            page = ok(s.get(API + "/events?limit=200" + ("&cursor=" + cursor if cursor else "")))
            events += page["items"]
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert len(events) >= 12, len(events)
        starts = sorted(e["starts_at"] for e in events)
        assert (iso_utc(starts[-1]) - iso_utc(starts[0])).days >= 365, starts
        with_minutes = [e for e in events if e["minutes"] and e["attendance"]]
        assert len(with_minutes) >= 10
        assert sum(len(e["decisions"]) for e in events) >= 10
        assert any(len(e["platforms"]) > 1 for e in events), "no joint event"
        overdue = ok(s.get(API + "/action-items?overdue=true"))
        assert overdue["total"] >= 1, overdue
        assert any(a["follow_up"] for e in events for a in e["action_items"])
        assert any(e["time_zone"] != "Africa/Accra" for e in events)
        member = s.web_client("juliana.ayeebo@example.net")
        mine = member.get("/account/actions?status=all").text
        assert "phone reports" in mine, "Juliana's action items are not on her page"


def main():
    global server
    server = Server()
    server.start()
    try:
        build_fixture()
        run([test_times_keep_across_time_zones, test_ics_of_platform_person_and_event,
             test_joint_events_on_every_platform, test_overdue_and_my_action_items,
             test_attendance_form, test_inclusion_figures,
             test_visibility_of_events_and_minutes, test_demo_events])
    finally:
        code = server.stop()
        server.cleanup()
    assert code == 0, "server exited with %r" % code


if __name__ == "__main__":
    main()
