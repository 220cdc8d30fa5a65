#!/usr/bin/env python3
"""Monitoring (src/domain/indicator.h, src/domain/rollup.h, src/web/indicator.c,
src/api/indicator.c) on the demo, whose figures follow formulas of their own
(src/cli/demo_monitoring.c), written again here so that every roll-up can be
checked to the unit.

Covered:
  * the roll-up through the API and on the indicator page: a sum, a weighted
    mean and a maximum for the regions and the nation, with the demo's
    missing reports left out and listed, a correction rolling up in place of
    the figure it corrected, and the figure a region entered itself kept
    beside its roll-up and flagged;
  * recording and correcting through the API and the form; the history;
  * the visibility of indicators and figures: a public indicator for anyone,
    an "alliance" one for members of the alliance only, a "platform" one
    whose figures only the members of each platform read (in the list, the
    roll-up, the page, the CSV), an indicator of the members-only alliance
    for nobody outside it — 404 and absent from lists, never 401/403;
  * rights: members may not record, documenters may, signed out is 401;
  * bad input answered 400 naming the field;
  * the CSV export of figures;
  * budgets: the demo gives every platform lines of every category; the
    alliance and platform pages roll totals up the tree and show the share
    of facilitation and documentation, flagging a budget without one; the
    visibility of lines (alliance by default, a published national budget,
    staff costs kept to the platform, a members-only alliance) in the API
    list, its total and the pages; who may keep a budget; bad input;
  * needs: recorded by any member, their status changed by the convenor;
  * CSV import of figures: an export goes back in unchanged (round trip, with
    a dry run first that imports nothing); bad rows are reported with their
    line numbers (a quoted note over two lines counts) and nothing is
    imported.
"""
import csv
import io
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, run, ok  # noqa: E402

API = "/api/v1"
server = None
IND = {}  # name -> indicator document (as the administrator reads it)
PLATFORMS = {}  # name -> id

DISTRICTS = {  # demo order: index d of the formulas, and the region
    "Tamale Metropolitan WASH Platform": (0, "Northern"),
    "Savelugu Municipal WASH Platform": (1, "Northern"),
    "Yendi Municipal WASH Platform": (2, "Northern"),
    "Bolgatanga Municipal WASH Platform": (3, "Upper East"),
    "Bongo District WASH Platform": (4, "Upper East"),
    "Kassena-Nankana Municipal WASH Platform": (5, "Upper East"),
}
MISSING = {(2, 7), (10, 5), (4, 7)}


def water_points(d, q):
    return 120 + 13 * d + 4 * q + d % 3


def share_working(d, q):
    return min(95, 58 + (d * 7) % 15 + 3 * q)


def longest_wait(d, q):
    return max(5, 40 - 3 * q + (d * 3) % 9)


def period(q):
    return "%d-Q%d" % (2024 + q // 4, q % 4 + 1)


def setup():
    r = ok(server.get(API + "/indicators?alliance=ghana-wash&limit=50"))
    for ind in r["items"]:
        IND[ind["name"]] = ind
    assert len(IND) == 6, sorted(IND)
    for item in ok(server.get(API + "/platforms?alliance=ghana-wash&limit=100"))["items"]:
        PLATFORMS[item["name"]] = item["id"]


def rollup(name, q, viewer=None):
    c = viewer or server
    r = ok(c.get(API + "/indicators/%s/rollup?period=%s" % (IND[name]["id"], period(q))))
    return {p["name"]: p for p in r["platforms"]}


def test_sum_rolls_up_with_missing_reports_left_out():
    for q in (0, 5, 7):
        fig = rollup("Functional water points", q)
        total = 0
        for d in range(12):
            if (d, q) in MISSING:
                continue
            total += water_points(d, q)
        assert fig["Ghana National WASH Learning Platform"]["rolled_up"] == total, (q, total)
        assert fig["Ghana National WASH Learning Platform"]["children"] == 4
    fig = rollup("Functional water points", 7)
    yendi = fig["Yendi Municipal WASH Platform"]
    assert yendi["missing"] and yendi["entered"] is None
    north = fig["Northern Regional WASH Platform"]
    # Tamale's corrected figure rolls up; Yendi's report is missing.
    assert north["rolled_up"] == water_points(0, 7) + water_points(1, 7), north
    assert north["reported"] == 2 and north["children"] == 3
    assert north["entered"] == 430 and north["differs"] is True
    ue = fig["Upper East Regional WASH Platform"]
    assert ue["entered"] is None and ue["differs"] is False


def test_weighted_mean_and_maximum():
    fig = rollup("Share of hand pumps working", 3)
    num = den = 0
    for d in range(3):
        w = water_points(d, 3)
        num += share_working(d, 3) * w
        den += w
    got = fig["Northern Regional WASH Platform"]["rolled_up"]
    assert abs(got - num / den) < 1e-9, (got, num / den)
    fig = rollup("Longest wait for a hand pump repair", 2)
    worst = max(longest_wait(d, 2) for d in range(12))
    assert fig["Ghana National WASH Learning Platform"]["rolled_up"] == worst


def test_indicator_page_shows_roll_up_missing_reports_and_charts():
    ind = IND["Functional water points"]
    page = ok_page("/indicators/%s?period=2025-Q4" % ind["id"])
    assert "Differs from the roll-up" in page
    assert "Report missing" in page
    assert "Missing reports" in page and "Yendi Municipal WASH Platform" in page
    assert page.count("<svg") == 2, page.count("<svg")
    assert "Progress to the target" in page
    total = sum(water_points(d, 7) for d in range(12) if (d, 7) not in MISSING)
    assert "{:,}".format(total).replace(",", "") in page.replace(",", "")
    # The correction: the history keeps the figure it corrected.
    obs = ok(server.get(API + "/indicators/%s/observations?platform=%s&period=2025-Q4&history=true"
                        % (ind["id"], PLATFORMS["Tamale Metropolitan WASH Platform"])))
    values = [(o["value"], o["current"]) for o in obs["items"]]
    # The demo's first report, a second one too high, and its correction.
    assert values == [(water_points(0, 7), True), (water_points(0, 7) + 40, False),
                      (water_points(0, 7), False)], values
    hist = ok_page("/observations/%s" % obs["items"][1]["id"])
    assert "This figure was corrected" in hist and "Corrected" in hist
    dash = ok_page("/platforms/%s/indicators" % PLATFORMS["Northern Regional WASH Platform"])
    assert "Functional water points" in dash and "Differs from the roll-up" in dash


def ok_page(path, viewer=None):
    r = (viewer or server).get(path)
    assert r.status == 200, "%s: %d %s" % (path, r.status, r.text[:300])
    return r.text


def test_record_and_correct_through_the_api_and_the_form():
    ind = IND["People trained in operation and maintenance"]
    bolga = PLATFORMS["Bolgatanga Municipal WASH Platform"]
    documenter = server.web_client("patience.atanga@example.org")
    member = server.web_client("juliana.ayeebo@example.net")
    # A member of Navrongo may not record; a documenter of Upper East may
    # record for the region (her platform) but not for Bolgatanga.
    r = member.post_form("/indicators/%s/record" % ind["id"],
                         {"platform": PLATFORMS["Kassena-Nankana Municipal WASH Platform"],
                          "period": "2026-Q1", "value": "3"})
    assert r.status == 403, r.status
    r = documenter.post_form("/indicators/%s/record" % ind["id"],
                             {"platform": bolga, "period": "2026-Q1", "value": "3"})
    assert r.status == 403, r.status
    uer = PLATFORMS["Upper East Regional WASH Platform"]
    r = documenter.post_form("/indicators/%s/record" % ind["id"],
                             {"platform": uer, "period": "2026-Q1", "value": "12",
                              "source": "Training register"})
    assert r.status == 303, (r.status, r.text[:300])
    r = documenter.post_form("/indicators/%s/record" % ind["id"],
                             {"platform": uer, "period": "2026-Q1", "value": "", "weight": "x"})
    assert r.status == 400 and "Enter the value" in r.text
    # The administrator records and corrects through the API.
    first = ok(server.post_json(API + "/indicators/%s/observations" % ind["id"],
                                {"platform": bolga, "period": "2026-Q1", "value": 7}), 201)
    second = ok(server.post_json(API + "/indicators/%s/observations" % ind["id"],
                                 {"platform": bolga, "period": "2026-Q1", "value": 9,
                                  "note": "Two more came"}), 201)
    assert ok(server.get(API + "/observations/" + first["id"]))["current"] is False
    assert second["current"] is True
    fig = rollup("People trained in operation and maintenance", 8)
    assert fig["Upper East Regional WASH Platform"]["rolled_up"] == 9
    assert fig["Upper East Regional WASH Platform"]["entered"] == 12
    anon = server.client()
    public = IND["Functional water points"]
    r = anon.post_json(API + "/indicators/%s/observations" % public["id"],
                       {"platform": bolga, "period": "2026-Q1", "value": 1})
    assert r.status == 401, r.status
    # An indicator the visitor may not read does not exist for them.
    r = anon.post_json(API + "/indicators/%s/observations" % ind["id"],
                       {"platform": bolga, "period": "2026-Q1", "value": 1})
    assert r.status == 404, r.status


def test_bad_input_names_the_field():
    ind = IND["Strength of the district platform"]
    bolga = PLATFORMS["Bolgatanga Municipal WASH Platform"]
    cases = [
        ({"platform": bolga, "period": "2026-Q5", "value": 2}, "period"),
        ({"platform": bolga, "period": "2026-Q1", "value": 9}, "value"),
        ({"platform": bolga, "period": "2026-Q1", "value": "2"}, "value"),
        ({"platform": "nope", "period": "2026-Q1", "value": 2}, "platform"),
        ({"platform": bolga, "period": "2026-Q1", "value": 2, "colour": "red"}, "colour"),
    ]
    for body, field in cases:
        r = server.post_json(API + "/indicators/%s/observations" % ind["id"], body)
        assert r.status == 400, (body, r.status)
        assert r.json()["error"]["field"] == field, (body, r.json())
    r = server.post_json(API + "/indicators", {"alliance": "ghana-wash", "name": "Steps",
                                               "kind": "qualitative", "aggregation": "sum",
                                               "frequency": "year", "scale": ["a", "b"]})
    assert r.status == 400 and r.json()["error"]["field"] == "aggregation", r.text
    r = server.post_json(API + "/indicators", {"alliance": "ghana-wash", "name": "Odd",
                                               "kind": "quantitative", "aggregation": "median",
                                               "frequency": "year"})
    assert r.status == 400 and r.json()["error"]["field"] == "aggregation", r.text
    made = ok(server.post_json(API + "/indicators", {
        "alliance": "ghana-wash", "name": "Latrines built", "kind": "quantitative",
        "unit": "latrines", "target": 500, "aggregation": "sum", "frequency": "year",
        "visibility": "public"}), 201)
    assert made["target"] == 500 and made["visibility"] == "public"
    upd = ok(server.patch_json(API + "/indicators/" + made["id"], {"target": 600}))
    assert upd["target"] == 600


def test_visibility_of_indicators_and_figures():
    anon = server.client()
    member = server.web_client("juliana.ayeebo@example.net")  # Navrongo member, Ghana
    names = {i["name"] for i in ok(anon.get(API + "/indicators?limit=100"))["items"]}
    assert "Functional water points" in names and "Share of hand pumps working" in names
    assert "People trained in operation and maintenance" not in names
    assert "Households with a latrine" not in names  # members-only alliance
    hidden = IND["People trained in operation and maintenance"]
    assert anon.get(API + "/indicators/" + hidden["id"]).status == 404
    assert anon.get("/indicators/" + hidden["id"]).status == 404
    assert member.get("/indicators/" + hidden["id"]).status == 200
    listing = anon.get("/alliances/ghana-wash/indicators").text
    public = ok(anon.get(API + "/indicators?alliance=ghana-wash"))["total"]
    assert public == sum(1 for i in ok(server.get(API + "/indicators?alliance=ghana-wash"))["items"]
                         if i["visibility"] == "public")
    assert "People trained" not in listing and "%d indicators" % public in listing
    # The Burkina Faso indicator exists for nobody outside that alliance.
    bf = [i for i in ok(server.get(API + "/indicators?alliance=burkina-eau"))["items"]]
    assert len(bf) == 1
    for viewer in (anon, member):
        assert viewer.get(API + "/indicators/" + bf[0]["id"]).status == 404
        assert viewer.get("/indicators/" + bf[0]["id"]).status == 404
        assert viewer.get("/indicators/%s/observations.csv" % bf[0]["id"]).status == 404
    # A "platform" indicator: each platform's figures for its own members.
    price = IND["Price of a hand pump cylinder"]
    r = member.get("/indicators/%s/observations.csv" % price["id"])
    assert r.status == 200
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert rows and {row["platform_name"] for row in rows} == \
        {"Kassena-Nankana Municipal WASH Platform"}, {row["platform_name"] for row in rows}
    fig = rollup("Price of a hand pump cylinder", 7, member)
    assert fig["Ghana National WASH Learning Platform"]["reported"] == 1
    assert fig["Bolgatanga Municipal WASH Platform"]["entered"] is None
    page = member.get("/indicators/%s?period=2025-Q4" % price["id"]).text
    assert "%d GHS" % (350 + 70 + 2 * 5) in page
    assert "%d GHS" % (350 + 70 + 2 * 3) not in page  # Bolgatanga's figure
    admin_rows = list(csv.DictReader(io.StringIO(
        server.get("/indicators/%s/observations.csv" % price["id"]).text.lstrip("\ufeff"))))
    assert len(admin_rows) == 8 * 12 - len(MISSING)
    assert anon.get(API + "/indicators/%s/observations" % price["id"]).status == 404


def test_csv_export_of_figures():
    ind = IND["Functional water points"]
    r = server.get("/indicators/%s/observations.csv?history=1" % ind["id"])
    assert r.status == 200 and r.header("Content-Type").startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert len(rows) == 8 * 12 - len(MISSING) + 3
    assert sum(1 for row in rows if row["current"] == "no") == 2
    tamale = [row for row in rows if row["platform_name"].startswith("Tamale")
              and row["period"] == "2024-Q1"]
    assert tamale[0]["value"] == str(water_points(0, 0))


def all_pages(c, path):
    items, cursor = [], None
    while True:
        r = ok(c.get(path + ("&" if "?" in path else "?") + "limit=200" +
                     ("&cursor=" + cursor if cursor else "")))
        items += r["items"]
        cursor = r["next_cursor"]
        if not cursor:
            return items, r["total"]


def test_every_platform_has_a_budget_and_totals_roll_up():
    lines, total = all_pages(server, API + "/budget-lines")
    assert total == len(lines) > 0
    platforms = {p["id"]: p for p in ok(server.get(API + "/platforms?limit=200"))["items"]}
    assert set(platforms) == {line["platform"] for line in lines}, "a platform without budget"
    for pid in platforms:
        cats = {line["category"] for line in lines if line["platform"] == pid}
        assert {"facilitation", "documentation"} <= cats, platforms[pid]["name"]
    ghana = [line for line in lines if line["alliance"] == "ghana-wash"]
    planned = sum(line["planned"] for line in ghana)
    spent = sum(line["spent"] for line in ghana)
    admin = server.web_client("admin@example.org")
    page = ok_page("/alliances/ghana-wash/budget", admin)
    assert "{:,} GHS".format(planned) in page and "{:,} GHS".format(spent) in page
    fd = sum(line["planned"] for line in ghana
             if line["category"] in ("facilitation", "documentation"))
    assert "%d%% of the planned budget" % round(100 * fd / planned) in page
    assert page.count("<svg") == 1
    # Keta left documentation out of its 2025 budget: flagged for 2025.
    keta = PLATFORMS["Keta Municipal WASH Platform"]
    page = ok_page("/platforms/%s/budget?period=2025" % keta, admin)
    assert "No documentation budget" in page
    # A region's page adds its districts' lines to its own.
    north = PLATFORMS["Northern Regional WASH Platform"]
    mine = [PLATFORMS[n] for n, (d, region) in DISTRICTS.items() if region == "Northern"] + [north]
    region_planned = sum(line["planned"] for line in ghana if line["platform"] in mine)
    page = ok_page("/platforms/%s/budget" % north, admin)
    assert "{:,} GHS".format(region_planned) in page, region_planned


def test_visibility_of_budgets_and_needs():
    anon = server.client()
    member = server.web_client("juliana.ayeebo@example.net")
    lines, total = all_pages(server, API + "/budget-lines")
    nat = PLATFORMS["Ghana National WASH Learning Platform"]

    def readable(line, viewer):
        if viewer == "anon":
            return line["visibility"] == "public" and line["alliance"] == "ghana-wash"
        if line["alliance"] != "ghana-wash":
            return False
        return line["visibility"] in ("public", "alliance")  # not a member of the national one

    for name, c in (("anon", anon), ("member", member)):
        got, got_total = all_pages(c, API + "/budget-lines")
        want = {line["id"] for line in lines if readable(line, name)}
        assert {line["id"] for line in got} == want and got_total == len(want), name
        hidden = [line for line in lines if not readable(line, name)]
        assert hidden
        for line in (hidden[0], hidden[-1]):
            assert c.get(API + "/budget-lines/" + line["id"]).status == 404
    assert any(line["visibility"] == "public" for line in lines)
    staff = [line for line in lines if line["platform"] == nat and line["category"] == "staff"]
    assert staff and all(line["visibility"] == "platform" for line in staff)
    page = ok_page("/platforms/%s/budget" % nat, anon)
    assert "Part-time coordinator" not in page and "Facilitator" in page
    page = ok_page("/alliances/burkina-eau/budget", server.web_client("admin@example.org"))
    assert "XOF" in page
    assert anon.get("/alliances/burkina-eau/budget").status == 404
    needs, _ = all_pages(server, API + "/needs")
    anon_needs, anon_total = all_pages(anon, API + "/needs")
    assert {n["id"] for n in anon_needs} == {n["id"] for n in needs if n["visibility"] == "public"}
    assert anon_total == len(anon_needs) == 1


def test_who_may_keep_a_budget_and_record_needs():
    uer = PLATFORMS["Upper East Regional WASH Platform"]
    line = {"platform": uer, "period": "2026", "category": "documentation",
            "currency": "GHS", "planned": 9000, "spent": 0}
    member = server.web_client("juliana.ayeebo@example.net")
    documenter = server.web_client("patience.atanga@example.org")
    convenor = server.web_client("grace.adongo@example.gov.gh")
    assert member.post_json(API + "/budget-lines", line).status == 403
    assert documenter.post_json(API + "/budget-lines", line).status == 403
    assert server.client().post_json(API + "/budget-lines", line).status == 401
    made = ok(convenor.post_json(API + "/budget-lines", line), 201)
    assert made["visibility"] == "alliance"
    upd = ok(convenor.patch_json(API + "/budget-lines/" + made["id"], {"spent": 2500}))
    assert upd["spent"] == 2500 and upd["planned"] == 9000
    r = convenor.post_form("/budget-lines/%s/delete" % made["id"], {})
    assert r.status == 303, r.status
    assert server.get(API + "/budget-lines/" + made["id"]).status == 404
    r = convenor.post_form("/platforms/%s/budget/new" % uer,
                           {"period": "2026", "category": "facilitation", "currency": "GHS",
                            "planned": "ten", "spent": "0"})
    assert r.status == 400 and "whole number" in r.text
    for body, field in ((dict(line, currency="cedi"), "currency"),
                        (dict(line, period="2026-Q5"), "period"),
                        (dict(line, category="food"), "category"),
                        (dict(line, planned=-5), "planned"),
                        (dict(line, planned="5"), "planned")):
        r = convenor.post_json(API + "/budget-lines", body)
        assert r.status == 400 and r.json()["error"]["field"] == field, (body, r.text)
    navrongo = PLATFORMS["Kassena-Nankana Municipal WASH Platform"]
    need = ok(member.post_json(API + "/needs", {"platform": navrongo, "kind": "equipment",
                                                 "title": "A borehole camera"}), 201)
    assert need["status"] == "open" and need["visibility"] == "alliance"
    assert member.patch_json(API + "/needs/" + need["id"], {"status": "met"}).status == 403
    r = member.post_json(API + "/needs", {"platform": navrongo, "kind": "luck", "title": "x"})
    assert r.status == 400 and r.json()["error"]["field"] == "kind"
    page = ok_page("/platforms/%s/needs" % navrongo, member)
    assert "A borehole camera" in page


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def import_csv(c, ind_id, figures, mode, period=""):
    return c.post_form("/indicators/%s/import" % ind_id,
                       {"figures": figures, "mode": mode, "period": period})


def test_csv_round_trip():
    source = IND["Functional water points"]
    copy = ok(server.post_json(API + "/indicators", {
        "alliance": "ghana-wash", "name": "Functional water points (copy)",
        "kind": "quantitative", "unit": "water points", "aggregation": "sum",
        "frequency": "quarter", "visibility": "public"}), 201)
    admin = server.web_client("admin@example.org")
    exported = admin.get("/indicators/%s/observations.csv?history=1" % source["id"]).text
    original = [row for row in rows_of(exported) if row["current"] == "yes"]
    r = import_csv(admin, copy["id"], exported, "check")
    assert r.status == 200, r.text[:500]
    assert "%d figures would be recorded" % len(original) in r.text, r.text[:2000]
    assert "2 corrected rows left out" in r.text
    assert ok(server.get(API + "/indicators/%s/observations" % copy["id"]))["total"] == 0
    r = import_csv(admin, copy["id"], exported, "import")
    assert r.status == 200 and "Imported: %d figures" % len(original) in r.text, r.text[:2000]
    again = rows_of(admin.get("/indicators/%s/observations.csv" % copy["id"]).text)
    keys = ("platform", "platform_name", "period", "value", "weight", "source", "note", "current")
    assert [tuple(row[k] for k in keys) for row in again] == \
        [tuple(row[k] for k in keys) for row in original]
    # The same file again corrects every figure with itself, and says so.
    r = import_csv(admin, copy["id"], exported, "check")
    assert "(%d of them correcting" % len(original) in r.text
    fig = ok(server.get(API + "/indicators/%s/rollup?period=2025-Q4" % copy["id"]))
    want = ok(server.get(API + "/indicators/%s/rollup?period=2025-Q4" % source["id"]))
    assert [p["figure"] for p in fig["platforms"]] == [p["figure"] for p in want["platforms"]]


def test_bad_csv_rows_are_reported_by_line_and_nothing_is_imported():
    ind = IND["Share of hand pumps working"]
    admin = server.web_client("admin@example.org")
    before = ok(server.get(API + "/indicators/%s/observations?history=true" % ind["id"]))["total"]
    figures = ("platform,value,weight,note\r\n"
               "Tamale Metropolitan WASH Platform,80,150,\"two\nlines\"\r\n"   # lines 2-3
               "Savelugu Municipal WASH Platform,lots,160,\r\n"                  # line 4
               "Nowhere District,70,100,\r\n"                                    # line 5
               "Tamale Metropolitan WASH Platform,81,150,\r\n"                   # line 6
               "Yendi Municipal WASH Platform,75,,\r\n"                          # line 7
               "Bongo District WASH Platform,76,120,\r\n")                       # line 8
    r = import_csv(admin, ind["id"], figures, "import", period="2026-Q1")
    assert r.status == 400, r.status
    found = re.findall(r"<tr><td>(\d+)</td><td>([a-z]+)</td><td>([^<]*)</td></tr>", r.text)
    assert [(int(line), col) for line, col, _ in found] == \
        [(4, "value"), (5, "platform"), (6, "platform"), (7, "weight")], found
    assert "Nothing was imported" in r.text
    after = ok(server.get(API + "/indicators/%s/observations?history=true" % ind["id"]))["total"]
    assert after == before
    r = import_csv(admin, ind["id"], "platform,colour\r\nx,y\r\n", "check")
    assert r.status == 400 and "unknown column" in r.text and "“value” is missing" in r.text
    # The rows for another period than the file's are refused by line.
    r = import_csv(admin, ind["id"], "platform,period,value,weight\r\n"
                   "Bongo District WASH Platform,2026-Q2,70,100\r\n", "check", period="2026-Q1")
    assert r.status == 400 and "<tr><td>2</td><td>period</td>" in r.text
    # Someone who may not record for a platform is refused by line too.
    member = server.web_client("juliana.ayeebo@example.net")
    r = import_csv(member, ind["id"], "platform,period,value,weight\r\n"
                   "Bongo District WASH Platform,2026-Q1,70,100\r\n", "import")
    assert r.status == 400 and "may not record" in r.text


def test_withdrawing_a_figure_and_deleting_an_indicator():
    ind = IND["Functional water points"]
    tamale = PLATFORMS["Tamale Metropolitan WASH Platform"]
    obs = ok(server.get(API + "/indicators/%s/observations?platform=%s&period=2025-Q4&history=true"
                        % (ind["id"], tamale)))["items"]
    assert len(obs) == 3
    member = server.web_client("juliana.ayeebo@example.net")
    assert member.get("/observations/%s/delete" % obs[0]["id"]).status == 403
    admin = server.web_client("admin@example.org")
    page = ok_page("/observations/%s/delete" % obs[1]["id"], admin)
    assert "Withdraw the figure" in page
    r = admin.post_form("/observations/%s/delete" % obs[1]["id"], {})
    assert r.status == 303, r.status
    for o in obs:  # the whole history goes
        assert server.get(API + "/observations/" + o["id"]).status == 404
    tombs = server.sql("SELECT count(*) FROM tombstone WHERE kind = 'observation'")
    assert int(tombs[0][0]) == 3, tombs
    fig = rollup("Functional water points", 7)
    assert fig["Tamale Metropolitan WASH Platform"]["missing"] is True
    assert fig["Northern Regional WASH Platform"]["rolled_up"] == water_points(1, 7)
    # Deleting an indicator takes its figures with it.
    doomed = IND["Longest wait for a hand pump repair"]
    figures = ok(server.get(API + "/indicators/%s/observations" % doomed["id"]))["items"]
    page = ok_page("/indicators/%s/delete" % doomed["id"], admin)
    assert "%d figures" % len(figures) in page
    assert member.get("/indicators/%s/delete" % doomed["id"]).status == 403
    assert server.delete(API + "/indicators/" + doomed["id"]).status == 204
    assert server.get(API + "/indicators/" + doomed["id"]).status == 404
    assert server.get(API + "/observations/" + figures[0]["id"]).status == 404
    audit = server.sql("SELECT count(*) FROM audit WHERE kind = 'indicator' AND action = 'delete'")
    assert int(audit[0][0]) == 1


def main():
    global server
    server = Server(demo=True)
    server.start()
    try:
        setup()
        run([test_sum_rolls_up_with_missing_reports_left_out,
             test_weighted_mean_and_maximum,
             test_indicator_page_shows_roll_up_missing_reports_and_charts,
             test_record_and_correct_through_the_api_and_the_form,
             test_bad_input_names_the_field,
             test_visibility_of_indicators_and_figures,
             test_csv_export_of_figures,
             test_every_platform_has_a_budget_and_totals_roll_up,
             test_visibility_of_budgets_and_needs,
             test_who_may_keep_a_budget_and_record_needs,
             test_csv_round_trip,
             test_bad_csv_rows_are_reported_by_line_and_nothing_is_imported,
             test_withdrawing_a_figure_and_deleting_an_indicator])
    finally:
        server.stop()
        server.cleanup()


if __name__ == "__main__":
    main()
