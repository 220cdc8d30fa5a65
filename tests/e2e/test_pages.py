#!/usr/bin/env python3
"""End-to-end tests of the HTML pages (UI.md, DESIGN.md §5, §6).

With the demo loaded, crawls every same-site page reachable from "/" and
checks each one: status, size (under 30 KB), security headers, no script;
then validates all the HTML in one run of html-validate. Then exercises the
forms, sorting, paging, filters, empty states and 404s through the web.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, parse_qsl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Server, run  # noqa: E402

PAGE_CAP = 400
PAGE_MAX_BYTES = 30 * 1024
STYLE_MAX_BYTES = 15 * 1024
VALIDATOR = os.path.join(harness.ROOT, "node_modules", ".bin", "html-validate")
VALIDATOR_CONFIG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "htmlvalidate.json")
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"


server = None
pages = {}          # url -> html text, filled by the crawl
page_dir = None     # where the crawl saved the pages for the validator


class LinkParser(HTMLParser):
    """Collects <a href>, <link href>, the actions of GET forms, and the
    actions of POST forms (with the names of their fields)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.resources = []
        self.post_forms = []    # (action, [field names])
        self.get_form = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href") and "download" in a:
            self.resources.append(a["href"])    # a file to keep, not a page
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "link" and a.get("href"):
            self.resources.append(a["href"])
        elif tag == "form" and (a.get("method") or "get").lower() == "get":
            self.get_form = a.get("action") or ""
            self.links.append(self.get_form)
        elif tag == "form":
            self.get_form = None
            self.post_forms.append((a.get("action") or "", []))
        elif tag == "input" and self.get_form is not None and a.get("name") == "q":
            # A search form: also search for something, to reach the results
            # (the pages that add a member or a peer show their form there).
            sep = "&" if "?" in self.get_form else "?"
            self.links.append(self.get_form + sep + "q=a")
        elif tag in ("input", "select", "textarea") and self.get_form is None \
                and self.post_forms and a.get("name"):
            self.post_forms[-1][1].append(a["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.get_form = None


def same_site(base, href):
    """The path?query of href when it points at this server, else None."""
    url = urljoin("http://127.0.0.1:%d%s" % (server.port, base), href)
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.netloc != "127.0.0.1:%d" % server.port:
        return None
    return parts.path + ("?" + parts.query if parts.query else "")


def shape(url):
    """The route a URL belongs to, with record ids and slugs blanked out and
    only the names of query parameters kept, so that the crawl visits every
    kind of page before it visits many pages of one kind."""
    path, _, query = url.partition("?")
    segs = path.split("/")
    for i, s in enumerate(segs):
        if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", s):
            segs[i] = "{id}"
        elif i == 2 and segs[1] == "alliances" and s != "new":
            segs[i] = "{slug}"
    keys = sorted(k for k, _ in parse_qsl(query, keep_blank_values=True))
    return "/".join(segs) + ("?" + "&".join(keys) if keys else "")


def check_security_headers(url, resp):
    csp = resp.header("Content-Security-Policy")
    assert csp, "%s: no Content-Security-Policy" % url
    directives = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    script = directives.get("script-src", directives.get("default-src"))
    assert script is not None, "%s: CSP restricts no scripts: %s" % (url, csp)
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script, \
        "%s: CSP allows inline script: %s" % (url, csp)
    assert directives.get("frame-ancestors") == ["'none'"], \
        "%s: CSP lacks frame-ancestors 'none': %s" % (url, csp)
    assert (resp.header("X-Content-Type-Options") or "").lower() == "nosniff", \
        "%s: X-Content-Type-Options is %r" % (url, resp.header("X-Content-Type-Options"))
    assert resp.header("Referrer-Policy"), "%s: no Referrer-Policy" % url


def check_resource(url):
    """Stylesheets, the OpenAPI document and downloads: 200, headers, small,
    right type."""
    resp = server.get(url)
    assert resp.status == 200, "%s answered %d" % (url, resp.status)
    check_security_headers(url, resp)
    ctype = resp.header("Content-Type") or ""
    if url.startswith("/static/") and url.split("?")[0].endswith(".css"):
        assert ctype.startswith("text/css"), "%s: Content-Type %r" % (url, ctype)
        assert len(resp.body) < STYLE_MAX_BYTES, "%s: %d bytes, over 15 KB" % (url, len(resp.body))
    if url.split("?")[0].endswith(".csv"):
        assert ctype == "text/csv; charset=utf-8", "%s: Content-Type %r" % (url, ctype)
        assert (resp.header("Content-Disposition") or "").startswith("attachment;"), \
            "%s: not an attachment" % url
    if url.split("?")[0].endswith(".atom"):
        assert ctype == "application/atom+xml; charset=utf-8", "%s: Content-Type %r" % (url, ctype)
        import xml.etree.ElementTree as ET
        root = ET.fromstring(resp.body)     # well-formed, or it raises
        assert root.tag == "{http://www.w3.org/2005/Atom}feed", "%s: not an Atom feed" % url
    if url.split("?")[0].endswith(".ics"):
        # RFC 5545: CRLF lines of at most 75 octets, one VCALENDAR (parsed
        # with python3-icalendar in test_events.py).
        assert ctype == "text/calendar; charset=utf-8", "%s: Content-Type %r" % (url, ctype)
        lines = resp.body.split(b"\r\n")
        assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2:] == [b"END:VCALENDAR", b""], url
        assert all(len(line) <= 75 and b"\n" not in line for line in lines), url
    if url.startswith("/api/"):
        assert ctype.startswith("application/json") or ctype.startswith(
            "application/vnd.oai.openapi+json"), "%s: Content-Type %r" % (url, ctype)
        doc = resp.json()
        # DESIGN.md §5: the API is described by an OpenAPI 3 document.
        assert str(doc.get("openapi", "")).startswith("3."), \
            "%s: not an OpenAPI 3 document (no \"openapi\": \"3.x\"): %.200s" % (url, resp.text)
        paths = doc.get("paths") or {}
        for p in ["/alliances", "/platforms", "/platform-links", "/organisations", "/people",
                  "/memberships"]:
            assert p in paths or "/api/v1" + p in paths, "%s does not describe %s" % (url, p)


def check_html_page(url, resp, status=200):
    """The checks every HTML page passes; returns its text."""
    assert resp.status == status, "%s answered %d, not %d" % (url, resp.status, status)
    check_security_headers(url, resp)
    ctype = resp.header("Content-Type") or ""
    assert ctype.startswith("text/html"), "%s: Content-Type %r" % (url, ctype)
    assert len(resp.body) < PAGE_MAX_BYTES, \
        "%s: %d bytes of HTML, over 30 KB" % (url, len(resp.body))
    html = resp.text
    assert not re.search(r"<script\b", html, re.I), "%s contains <script>" % url
    return html


def save_page(label, html):
    """Keeps a page for the validator; label is what a report names it by."""
    pages[label] = html
    name = "%03d%s.html" % (len(pages), re.sub(r"[^A-Za-z0-9]+", "_", label)[:80])
    with open(os.path.join(page_dir, name), "w", encoding="utf-8") as f:
        f.write(html)
    with open(os.path.join(page_dir, "index.txt"), "a", encoding="utf-8") as f:
        f.write("%s %s\n" % (name, label))


def test_crawl_every_page_answers_small_safe_html():
    """UI.md: every page under 30 KB, no JavaScript; DESIGN.md §4 security
    headers. Crawls from "/" through <a href> and GET forms; also submits
    each kind of add/edit form blank (it must answer 400 with its errors),
    and keeps a 404 page, so that error pages are validated too."""
    global page_dir
    page_dir = tempfile.mkdtemp(prefix="alliance-pages-")
    queue = ["/"]
    seen = {"/"}
    resources = set()
    shape_count = {}
    post_forms = {}     # shape of the action -> (page url, action, field names)
    failures = []
    while queue and len(pages) < PAGE_CAP:
        # The least-visited kind of page first: every route gets covered.
        queue.sort(key=lambda u: shape_count.get(shape(u), 0))
        url = queue.pop(0)
        shape_count[shape(url)] = shape_count.get(shape(url), 0) + 1
        if url.startswith("/api/") or url.split("?")[0].endswith((".atom", ".ics")):
            resources.add(url)   # JSON, feeds and calendars: checked as resources, below
            continue
        try:
            html = check_html_page(url, server.get(url))
        except AssertionError as e:
            failures.append(str(e))
            continue
        save_page(url, html)
        parser = LinkParser()
        parser.feed(html)
        for action, fields in parser.post_forms:
            target = same_site(url, action)
            # Only forms that add or edit: never sign out, revoke the test's own
            # token, make password links, delete, withdraw a share or close a
            # proposal (confirmations, with no field to leave blank).
            if target and not target.endswith(("/delete", "/revoke", "/link", "/sign-out",
                                               "/withdraw", "/close")):
                post_forms.setdefault(shape(target), (url, target, fields))
        for href in parser.resources:
            target = same_site(url, href)
            if target:
                resources.add(target)
        for href in parser.links:
            target = same_site(url, href)
            if not target or target in seen:
                continue
            if target.startswith("/api/") and target.split("?")[0] != "/api/v1/openapi.json":
                continue
            seen.add(target)
            queue.append(target)
    for url in sorted(resources):
        try:
            check_resource(url)
        except AssertionError as e:
            failures.append(str(e))
    # Error pages: every kind of add/edit form sent blank, and a 404.
    for kind, (from_url, action, fields) in sorted(post_forms.items()):
        form = [(f, "") for f in fields if f != "csrf"]
        label = "POST %s (blank, from %s)" % (action, from_url)
        try:
            resp = server.post_form(action, form)
            html = check_html_page(label, resp, 400)
            assert 'class="error-summary"' in html, "%s: no error summary" % label
            save_page(label, html)
        except AssertionError as e:
            failures.append(str(e))
    try:
        save_page("/no/such/page (404)", check_html_page("/no/such/page", server.get(
            "/no/such/page"), 404))
    except AssertionError as e:
        failures.append(str(e))
    print("submitted %d kinds of form blank: %s" % (len(post_forms), ", ".join(sorted(post_forms))))
    kinds = sorted(shape_count)
    largest = sorted(pages, key=lambda u: -len(pages[u].encode()))[:3]
    print("largest pages: " + ", ".join("%s %d bytes" % (u, len(pages[u].encode()))
                                        for u in largest))
    print("crawled %d pages of %d kinds, %d other resources, %d links left unvisited"
          % (len(pages), len(kinds), len(resources), len(queue)))
    for k in kinds:
        print("    %4d  %s" % (shape_count[k], k))
    # Every kind of page the demo links to must have been reached.
    for expected in ["/", "/organisations", "/people", "/alliances/new", "/alliances/{slug}",
                     "/alliances/{slug}/platforms", "/platforms/{id}", "/organisations/{id}",
                     "/people/{id}", "/memberships/{id}/edit", "/platforms/{id}/members/new",
                     "/platforms/{id}/peers/new"]:
        assert any(k == expected or k.startswith(expected + "?") for k in kinds), \
            "the crawl never reached %s" % expected
    assert len(pages) >= 100, "only %d pages reached from /" % len(pages)
    assert not failures, "%d problems:\n  %s" % (len(failures), "\n  ".join(failures[:60]))


def test_html_validates():
    """UI.md accessibility: every crawled page is valid HTML (html-validate,
    recommended rules, tests/e2e/htmlvalidate.json). Set ALLIANCE_KEEP_PAGES=1
    to keep the saved pages for a look."""
    assert page_dir and pages, "the crawl saved no pages"
    assert os.path.exists(VALIDATOR), "html-validate is not installed at %s" % VALIDATOR
    names = {}
    with open(os.path.join(page_dir, "index.txt"), encoding="utf-8") as f:
        for line in f:
            n, _, u = line.rstrip("\n").partition(" ")
            names[n] = u
    files = sorted(os.path.join(page_dir, n) for n in names)
    # The validator refuses keys it does not know, so the "$comment" keys that
    # explain our choices are taken out of the copy it reads.
    def strip_comments(v):
        if isinstance(v, dict):
            return {k: strip_comments(x) for k, x in v.items() if k != "$comment"}
        if isinstance(v, list):
            return [strip_comments(x) for x in v]
        return v
    with open(VALIDATOR_CONFIG, encoding="utf-8") as f:
        config = strip_comments(json.load(f))
    config_path = os.path.join(page_dir, "htmlvalidate.json")
    with open(config_path, "w", encoding="utf-8") as f:
        json.dump(config, f)
    # The report goes to a file: node may exit before a large piped stdout is flushed.
    report = os.path.join(page_dir, "report.json")
    done = subprocess.run([VALIDATOR, "--config", config_path,
                           "--formatter", "json=" + report, *files],
                          capture_output=True, text=True, timeout=240, cwd=harness.ROOT)
    try:
        with open(report, encoding="utf-8") as f:
            results = json.load(f)
    except (OSError, ValueError):
        raise AssertionError("html-validate failed (exit %d): %s %s"
                             % (done.returncode, done.stdout[:2000], done.stderr[:2000]))
    problems = {}   # (rule, message) -> list of (url, line, col, selector)
    for result in results:
        url = names.get(os.path.basename(result["filePath"]), result["filePath"])
        for m in result.get("messages", []):
            key = (m.get("ruleId"), m.get("message"))
            problems.setdefault(key, []).append((url, m.get("line"), m.get("column"),
                                                 m.get("selector")))
    if problems or done.returncode != 0:
        lines = []
        for (rule, message), where in sorted(problems.items(), key=lambda kv: -len(kv[1])):
            lines.append("[%s] %s — %d times, e.g. %s" % (
                rule, message, len(where),
                "; ".join("%s line %s col %s (%s)" % w for w in where[:3])))
        raise AssertionError("html-validate found %d kinds of problem (exit %d):\n  %s%s" % (
            len(problems), done.returncode, "\n  ".join(lines),
            "" if problems else "\n" + done.stderr[:2000]))


# Forms -----------------------------------------------------------------------

def field_block(html, name):
    """The <div class="field …"> that wraps the field called name."""
    m = re.search(r'<div class="field[^"]*">(?:(?!<div class="field).)*?name="%s".*?</div>'
                  % re.escape(name), html, re.S)
    assert m, "no field %s in the page" % name
    return m.group(0)


def test_form_creates_organisation_and_redirects():
    """UI.md forms: a valid POST with the CSRF token saves and answers 303 to
    the new record's page."""
    resp = server.post_form("/organisations/new", {
        "name": "Tamale Water Users Forum", "kind": "community",
        "description": "Users of *small piped* systems.", "website": "https://forum.example.org"})
    assert resp.status == 303, (resp.status, resp.text[:500])
    location = resp.header("Location")
    assert re.fullmatch(r"/organisations/[0-9a-f-]{36}", location or ""), location
    page = server.get(location)
    assert page.status == 200
    assert "Tamale Water Users Forum" in page.text
    assert "<em>small piped</em>" in page.text
    assert 'href="https://forum.example.org"' in page.text
    listing = server.get("/organisations?q=Tamale+Water+Users")
    assert location in listing.text


def test_form_missing_name_rerenders_with_errors_and_values():
    """UI.md forms: a missing name answers 400 with an error summary linking to
    the field, the error beside the field in its words, what was typed kept."""
    resp = server.post_form("/organisations/new", {
        "name": "  ", "kind": "donor", "description": "Funds <b>boreholes</b> & latrines",
        "website": "https://donor.example.org/water?a=1&b=2"})
    assert resp.status == 400, resp.status
    html = resp.text
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert summary, "no error summary"
    assert 'href="#f-name"' in summary.group(0), summary.group(0)
    assert "Enter the name of the organisation" in summary.group(0)
    name = field_block(html, "name")
    assert "Enter the name of the organisation" in name, name
    assert "field--error" in name and 'aria-describedby="f-name-error"' in name, name
    kind = field_block(html, "kind")
    assert re.search(r'<option value="donor" selected>', kind), kind
    assert "Funds &lt;b&gt;boreholes&lt;/b&gt; &amp; latrines</textarea>" in html
    assert 'value="https://donor.example.org/water?a=1&amp;b=2"' in html
    # The form posts back to itself with a fresh CSRF token.
    assert 'action="/organisations/new"' in html and 'name="csrf"' in html


def test_form_without_csrf_is_refused():
    """DESIGN.md §3 / forms: a POST without the CSRF token is refused with 403
    and nothing is saved; a wrong token too."""
    before = server.get("/api/v1/organisations?q=Forged").json()["total"]
    resp = server.post_form("/organisations/new", {"name": "Forged org", "kind": "ngo"},
                            with_csrf=False)
    assert resp.status == 403, resp.status
    resp = server.post_form("/organisations/new", [("name", "Forged org"), ("kind", "ngo"),
                                                   ("csrf", "x" * 43)], with_csrf=False)
    assert resp.status == 403, resp.status
    assert server.get("/api/v1/organisations?q=Forged").json()["total"] == before


def table_first_column(html):
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S)
    assert body, "no table"
    return [re.sub(r"<[^>]+>", "", c) for c in
            re.findall(r"<tr><td>(.*?)</td>", body.group(1), re.S)]


def test_sorting_links():
    """UI.md tables: sortable column headers are links; ?sort=name&dir=desc
    sorts by name descending and marks the column."""
    import html as htmllib
    asc = server.get("/organisations?sort=name&dir=asc")
    desc = server.get("/organisations?sort=name&dir=desc")
    assert asc.status == 200 and desc.status == 200
    a = [htmllib.unescape(x) for x in table_first_column(asc.text)]
    d = [htmllib.unescape(x) for x in table_first_column(desc.text)]
    assert len(a) == 50 and len(d) == 50, (len(a), len(d))
    assert [x.lower() for x in a] == sorted(x.lower() for x in a), a
    assert [x.lower() for x in d] == sorted((x.lower() for x in d), reverse=True), d
    assert a[0] != d[0]
    assert 'aria-sort="descending"' in desc.text
    # The header of the current column reverses the order.
    assert re.search(r'aria-sort="ascending"><a class="sort sort--asc" href="[^"]*dir=desc',
                     asc.text), "the name header does not offer the reverse order"


def test_paging_people():
    """UI.md tables: paging links below, "Page 2 of 4" with the demo's 157
    people at 50 a page, and the count."""
    one = server.get("/people")
    two = server.get("/people?page=2")
    four = server.get("/people?page=4")
    assert two.status == 200
    assert "157 people" in two.text
    assert "Page 2 of 4" in two.text, re.findall(r"Page \d+ of \d+", two.text)
    r1, r2, r4 = (table_first_column(p.text) for p in (one, two, four))
    assert len(r1) == 50 and len(r2) == 50 and len(r4) == 7, (len(r1), len(r2), len(r4))
    assert not set(r1) & set(r2)
    assert re.search(r'rel="prev" href="/people"', two.text), "no link back to page 1"
    assert re.search(r'rel="next" href="/people\?page=3"', two.text), "no link to page 3"
    assert 'rel="next"' not in four.text


def test_filter_by_kind():
    """UI.md tables: filters as a GET form; /organisations?kind=donor lists
    donors only, and the count agrees with the API."""
    resp = server.get("/organisations?kind=donor")
    assert resp.status == 200
    total = server.get("/api/v1/organisations?kind=donor&limit=200").json()["total"]
    assert total > 0
    rows = re.findall(r"<tr><td>.*?</tr>", re.search(r"<tbody>(.*?)</tbody>", resp.text,
                                                        re.S).group(1), re.S)
    assert len(rows) == min(total, 50), (len(rows), total)
    for row in rows:
        assert "<td>Donor</td>" in row, row
    assert '<option value="donor" selected>' in resp.text
    assert re.search(r'<p class="count">%d organisations?</p>' % total, resp.text)


def test_empty_search_shows_empty_state():
    """UI.md empty states: say what belongs here and offer the action."""
    for path, action in [("/organisations?q=zzzz-no-such-name", "/organisations/new"),
                         ("/people?q=zzzz-no-such-name", "/people/new")]:
        resp = server.get(path)
        assert resp.status == 200, (path, resp.status)
        empty = re.search(r'<div class="empty">.*?</div>', resp.text, re.S)
        assert empty, "%s: no empty state" % path
        assert 'href="%s"' % action in empty.group(0), empty.group(0)
        assert "<tbody>" not in resp.text


def test_unknown_ids_answer_404():
    """DESIGN.md §5: every record has a page; an unknown id is a 404 page."""
    paths = ["/alliances/no-such-alliance", "/alliances/no-such-alliance/edit",
             "/alliances/no-such-alliance/platforms", "/alliances/no-such-alliance/platforms/new",
             "/alliances/no-such-alliance/delete"]
    for noun in ["platforms", "organisations", "people"]:
        paths += ["/%s/%s" % (noun, UNKNOWN_ID), "/%s/%s/edit" % (noun, UNKNOWN_ID),
                  "/%s/%s/delete" % (noun, UNKNOWN_ID), "/%s/not-an-id" % noun]
    paths += ["/platforms/%s/members/new" % UNKNOWN_ID, "/platforms/%s/peers/new" % UNKNOWN_ID,
              "/memberships/%s/edit" % UNKNOWN_ID, "/memberships/%s/delete" % UNKNOWN_ID,
              "/platform-links/%s/delete" % UNKNOWN_ID, "/no/such/page"]
    for path in paths:
        resp = server.get(path)
        assert resp.status == 404, "%s answered %d" % (path, resp.status)
        assert (resp.header("Content-Type") or "").startswith("text/html"), path
        assert "<h1>" in resp.text and "<script" not in resp.text, path
        check_security_headers(path, resp)
    # Posting to an unknown record is a 404 too, not a save.
    resp = server.post_form("/organisations/%s/edit" % UNKNOWN_ID, {"name": "x", "kind": "ngo"})
    assert resp.status == 404, resp.status


def main():
    global server
    server = Server(demo=True)
    server.start()
    try:
        run([test_crawl_every_page_answers_small_safe_html, test_html_validates,
             test_form_creates_organisation_and_redirects,
             test_form_missing_name_rerenders_with_errors_and_values,
             test_form_without_csrf_is_refused, test_sorting_links, test_paging_people,
             test_filter_by_kind, test_empty_search_shows_empty_state,
             test_unknown_ids_answer_404])
    finally:
        code = server.stop()
        server.cleanup()
        if page_dir and os.environ.get("ALLIANCE_KEEP_PAGES"):
            print("pages kept in %s (index.txt maps files to addresses)" % page_dir)
        elif page_dir:
            shutil.rmtree(page_dir, ignore_errors=True)
    assert code == 0, "server exited with %r" % code


if __name__ == "__main__":
    main()
