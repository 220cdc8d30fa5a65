"""Accounts end to end: signing in and out, session cookies, sign-in
throttling, CSRF, stolen secrets, API tokens, password change, single-use
links, invitations, rights through the web, and the audit trail.

Each test starts its own server, so that sessions, throttle counters and
changed passwords never leak from one test into another.
"""
import copy
import http.client
import os
import re
import statistics
import time
from urllib.parse import unquote, urlencode

from harness import (DEMO_ADMIN, DEMO_CONVENOR, DEMO_DOCUMENTER, DEMO_MEMBER, DEMO_PASSWORD,
                     Response, Server, run)

LINK = re.compile(r"/links/([A-Za-z0-9_-]{20,})")
BAD_SIGN_IN = "Enter a correct email address and password"


# Helpers -----------------------------------------------------------------

def client(s):
    """A second browser against the same server: its own cookies, no API
    token. It has visited the sign-in page, so it holds the signed-out CSRF
    cookie (harness.csrf() fetches /alliances/new, which now sends a
    signed-out visitor to the sign-in page without setting the cookie)."""
    c = copy.copy(s)
    c.cookies = {}
    c.token = None
    assert c.get("/sign-in").status == 200
    assert "alliance_csrf" in c.cookies
    return c


def raw(s, method, path, body=None, headers=None, source="127.0.0.1"):
    """One request from a chosen loopback source address, with exactly the
    headers given (no cookie jar, no token)."""
    conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30,
                                      source_address=(source, 0))
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return Response(resp.status, resp.getheaders(), resp.read())
    finally:
        conn.close()


def sign_in_from(s, source, email, password, csrf):
    """Posts the sign-in form from a source address with a double-submit token."""
    body = urlencode({"email": email, "password": password, "next": "/", "csrf": csrf})
    return raw(s, "POST", "/sign-in", body,
               {"Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "alliance_csrf=" + csrf}, source=source)


def cookie_attributes(response, name):
    """The attributes of the Set-Cookie header for name: (value, set of
    lower-cased attributes)."""
    for k, v in response.headers:
        if k.lower() == "set-cookie" and v.startswith(name + "="):
            parts = [p.strip() for p in v.split(";")]
            return parts[0].split("=", 1)[1], {p.lower() for p in parts[1:]}
    raise AssertionError("no Set-Cookie for %s in %r" % (name, response.headers))


def header_nav(page):
    """The site header (where the signed-in person's name is shown)."""
    m = re.search(r'<header class="site-header">.*?</header>', page, re.S)
    assert m, "no site header"
    return m.group(0)


def platform_id(s, prefix):
    """The id of the platform whose name starts with prefix (admin API token)."""
    items = s.get("/api/v1/platforms?limit=200", auth=True).json()["items"]
    found = [p["id"] for p in items if p["name"].startswith(prefix)]
    assert len(found) == 1, (prefix, [p["name"] for p in items])
    return found[0]


def db_rows(s, sql, args=()):
    """Rows of the server's database, on either engine (harness.Server.sql)."""
    return s.sql(sql, args)


def audit_text(s):
    """Every value of the audit and audit_change tables, as one text."""
    rows = db_rows(s, "SELECT * FROM audit") + db_rows(s, "SELECT * FROM audit_change")
    return "\n".join("\t".join("" if v is None else str(v) for v in row) for row in rows)


def add_user(s, email, name, password=None):
    """alliance user add; with a password, through --password-stdin.
    Returns the command's standard output."""
    args = ["user", "add", "--email", email, "--name", name]
    if password:
        args.append("--password-stdin")
    done = s.run_cli(*args, stdin=(password + "\n") if password else None)
    assert done.returncode == 0, done.stderr
    return done.stdout


def link_path(text):
    m = LINK.search(text)
    assert m, "no /links/ address in %r" % text[-2000:]
    return "/links/" + m.group(1)


def create_token(c, label):
    """Creates a token on the account page of signed-in client c; returns it."""
    r = c.post_form("/account/tokens", {"label": label})
    assert r.status == 201, (r.status, r.text[-1500:])
    m = re.search(r"<code>([A-Za-z0-9_-]{20,})</code>", r.text)
    assert m, r.text
    return m.group(1)


def is_signed_out(c):
    """The account page sends a signed-out visitor to the sign-in page."""
    r = c.get("/account")
    return r.status == 303 and r.header("Location").startswith("/sign-in?next=")


# Signing in and out --------------------------------------------------------

def test_sign_in_and_out_through_forms_with_httponly_lax_cookie_and_name_in_header():
    with Server(demo=True) as s:
        c = client(s)
        form = c.get("/sign-in")
        assert form.status == 200 and 'action="/sign-in"' in form.text
        assert "Sign in" in header_nav(form.text)
        r = c.sign_in(DEMO_ADMIN)
        assert r.status == 303 and r.header("Location") == "/", (r.status, r.text[-800:])
        value, attrs = cookie_attributes(r, "alliance_session")
        assert value and value == c.cookies["alliance_session"]
        assert "httponly" in attrs, attrs
        assert "samesite=lax" in attrs, attrs
        assert "path=/" in attrs, attrs
        assert "secure" not in attrs, "Secure without --secure-cookies: %r" % attrs

        home = c.get("/")
        assert home.status == 200
        nav = header_nav(home.text)
        assert "Efua Boateng" in nav and 'href="/account"' in nav, nav
        assert ">Sign in<" not in nav
        assert c.get("/account").status == 200

        old = c.cookies["alliance_session"]
        out = c.post_form("/sign-out", {})
        assert out.status == 303 and out.header("Location") == "/"
        value, attrs = cookie_attributes(out, "alliance_session")
        assert value == "" and "max-age=0" in attrs, (value, attrs)
        # The old cookie, replayed, no longer opens a session.
        replay = {"Cookie": "alliance_session=" + old}
        r = raw(s, "GET", "/account", headers=replay)
        assert r.status == 303 and r.header("Location").startswith("/sign-in?next="), r.status
        r = raw(s, "GET", "/", headers=replay)
        assert r.status == 200 and "Efua Boateng" not in header_nav(r.text)
        assert "Sign in" in header_nav(r.text)
        assert not db_rows(s, "SELECT key FROM session")


def test_sign_in_next_leads_only_within_the_site_no_open_redirect():
    """The return address after signing in must stay on this site, as a
    browser reads it: browsers drop every tab and newline from a URL
    (WHATWG URL parser), so "/<TAB>/evil.example" is "//evil.example"."""
    with Server(demo=True) as s:
        upper_east = platform_id(s, "Upper East")
        # The round trip: a signed-out visitor is sent to sign in, and back.
        c = client(s)
        r = c.get("/platforms/%s/edit" % upper_east)
        form = c.get(r.header("Location"))
        assert 'name="next" value="/platforms/%s/edit"' % upper_east in form.text
        r = c.post_form("/sign-in", {"email": DEMO_ADMIN, "password": DEMO_PASSWORD,
                                     "next": "/platforms/%s/edit" % upper_east})
        assert r.status == 303 and r.header("Location") == "/platforms/%s/edit" % upper_east
        for evil in ("//evil.example/", "/\\evil.example/", "https://evil.example/",
                     "/\t/evil.example/", "/\t\\evil.example/", "\t//evil.example/"):
            c = client(s)
            r = c.post_form("/sign-in", {"email": DEMO_MEMBER, "password": DEMO_PASSWORD,
                                         "next": evil})
            assert r.status == 303, (evil, r.status)
            location = r.header("Location")
            as_read = re.sub(r"[\t\n\r]", "", location)
            assert as_read.startswith("/") and as_read[1:2] not in ("/", "\\"), \
                "open redirect: next=%r answered Location %r" % (evil, location)


def test_session_cookie_is_secure_with_secure_cookies_option():
    with Server(args=["--secure-cookies"]) as s:
        c = client(s)
        r = c.sign_in(Server.ADMIN_EMAIL, Server.ADMIN_PASSWORD)
        assert r.status == 303, r.text[-800:]
        _, attrs = cookie_attributes(r, "alliance_session")
        assert {"secure", "httponly", "samesite=lax", "path=/"} <= attrs, attrs
        _, attrs = cookie_attributes(raw(s, "GET", "/sign-in"), "alliance_csrf")
        assert "secure" in attrs, attrs


def test_wrong_password_and_unknown_email_same_answer_and_comparable_time():
    """Both run argon2id: the unknown email's median time is at least a third
    of the wrong password's, and the answers are the same but for the echoed
    email. (10 failures in all: under the address limit.)"""
    with Server() as s:
        c = client(s)
        c.get("/sign-in")
        wrong, unknown, bodies = [], [], {}
        for i in range(5):
            for kind, email, password in (
                    ("wrong", Server.ADMIN_EMAIL, "not-the-password-%d" % i),
                    ("unknown", "nobody-%d@example.org" % i, Server.ADMIN_PASSWORD)):
                start = time.perf_counter()
                r = c.post_form("/sign-in", {"email": email, "password": password, "next": "/"})
                took = time.perf_counter() - start
                assert r.status == 400, (kind, r.status)
                assert BAD_SIGN_IN in r.text, kind
                (wrong if kind == "wrong" else unknown).append(took)
                bodies[kind] = r.text.replace(email, "EMAIL")
        assert bodies["wrong"] == bodies["unknown"], "the two failures answer differently"
        mw, mu = statistics.median(wrong), statistics.median(unknown)
        assert mu >= mw / 3, "unknown email %.1f ms vs wrong password %.1f ms" % (
            mu * 1000, mw * 1000)


# Throttling -------------------------------------------------------------------

def test_throttle_ten_failures_for_one_account_then_429_with_retry_after():
    """The failures come from ten different addresses, so only the account's
    own counter can trip."""
    with Server() as s:
        csrf = client(s).csrf()
        for i in range(10):
            r = sign_in_from(s, "127.0.0.%d" % (i + 2), Server.ADMIN_EMAIL, "wrong-password-x",
                             csrf)
            assert r.status == 400, (i, r.status)
        # The 11th, from a fresh address and with the right password.
        r = sign_in_from(s, "127.0.0.20", Server.ADMIN_EMAIL.upper(), Server.ADMIN_PASSWORD, csrf)
        assert r.status == 429, r.status
        retry = r.header("Retry-After")
        assert retry and retry.isdigit() and 0 < int(retry) <= 15 * 60, retry
        assert "alliance_session" not in str(r.headers)
        # Another account from that address is not held back.
        add_user(s, "other@example.org", "Other Person", "other-password-1")
        r = sign_in_from(s, "127.0.0.20", "other@example.org", "other-password-1", csrf)
        assert r.status == 303, r.status


def test_throttle_ten_failures_from_one_address_over_unknown_emails_then_429():
    with Server() as s:
        csrf = client(s).csrf()
        for i in range(10):
            r = sign_in_from(s, "127.0.0.1", "unknown-%d@example.org" % i, "whatever-123",
                             csrf)
            assert r.status == 400, (i, r.status)
        r = sign_in_from(s, "127.0.0.1", Server.ADMIN_EMAIL, Server.ADMIN_PASSWORD, csrf)
        assert r.status == 429, r.status
        retry = r.header("Retry-After")
        assert retry and retry.isdigit() and 0 < int(retry) <= 15 * 60, retry
        # The account itself is not held back from another address.
        r = sign_in_from(s, "127.0.0.9", Server.ADMIN_EMAIL, Server.ADMIN_PASSWORD, csrf)
        assert r.status == 303, r.status


# CSRF ---------------------------------------------------------------------------

def test_csrf_form_post_without_token_refused_signed_out_and_signed_in():
    with Server(demo=True) as s:
        c = client(s)
        c.get("/sign-in")
        r = c.post_form("/sign-in", {"email": DEMO_ADMIN, "password": DEMO_PASSWORD},
                        with_csrf=False)
        assert r.status == 403, r.status
        assert "alliance_session" not in c.cookies
        # A token without its cookie is refused too.
        r = raw(s, "POST", "/sign-in",
                urlencode({"email": DEMO_ADMIN, "password": DEMO_PASSWORD,
                           "csrf": c.cookies["alliance_csrf"]}),
                {"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status == 403, r.status

        assert c.sign_in(DEMO_ADMIN).status == 303
        r = c.post_form("/account/tokens", {"label": "no token"}, with_csrf=False)
        assert r.status == 403, r.status
        r = c.post_form("/sign-out", {}, with_csrf=False)
        assert r.status == 403, r.status
        assert c.get("/account").status == 200, "signed out by a forged form"


def test_csrf_signed_in_refuses_signed_out_cookie_token_requires_session_token():
    with Server(demo=True) as s:
        c = client(s)
        assert c.sign_in(DEMO_ADMIN).status == 303
        cookie_token = c.cookies["alliance_csrf"]
        session_token = c.session_csrf()
        assert session_token and session_token != cookie_token
        pairs = [("label", "by cookie"), ("csrf", cookie_token)]
        r = c.post_form("/account/tokens", pairs, with_csrf=False)
        assert r.status == 403, r.status
        pairs = [("label", "by session"), ("csrf", session_token)]
        r = c.post_form("/account/tokens", pairs, with_csrf=False)
        assert r.status == 201, r.status


def test_json_api_write_with_session_cookie_and_text_plain_refused_415():
    with Server(demo=True) as s:
        c = client(s)
        assert c.sign_in(DEMO_ADMIN).status == 303
        body = '{"name": "Plain Text Org", "kind": "ngo"}'
        r = c.request("POST", "/api/v1/organisations", body=body,
                      headers={"Content-Type": "text/plain"})
        assert r.status == 415, r.status
        r = c.request("POST", "/api/v1/organisations", body=body,
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status == 415, r.status
        orgs = s.get("/api/v1/organisations?q=Plain%20Text&limit=200").json()["items"]
        assert not [o for o in orgs if o["name"] == "Plain Text Org"]


# Stolen secrets --------------------------------------------------------------------

def test_stolen_database_hashes_do_not_work_as_session_cookie_or_bearer_token():
    with Server(demo=True) as s:
        c = client(s)
        assert c.sign_in(DEMO_ADMIN).status == 303
        assert c.get("/account").status == 200
        sessions = [row[0] for row in db_rows(s, "SELECT token_hash FROM session")]
        tokens = [row[0] for row in db_rows(s, "SELECT token_hash FROM api_token")]
        assert sessions and tokens
        assert c.cookies["alliance_session"] not in sessions, "session secret stored in clear"
        assert s.token not in tokens, "API token stored in clear"
        for h in sessions:
            r = raw(s, "GET", "/", headers={"Cookie": "alliance_session=" + h})
            assert r.status == 200 and "Efua Boateng" not in header_nav(r.text)
            r = raw(s, "GET", "/account", headers={"Cookie": "alliance_session=" + h})
            assert r.status == 303 and r.header("Location").startswith("/sign-in"), r.status
        for h in tokens:
            r = raw(s, "GET", "/api/v1/alliances", headers={"Authorization": "Bearer " + h})
            assert r.status == 401, r.status
            r = raw(s, "GET", "/account", headers={"Authorization": "Bearer " + h})
            assert r.status == 401, r.status


# API tokens -----------------------------------------------------------------------

def test_api_tokens_shown_once_act_with_account_rights_and_revoke_to_401():
    with Server(demo=True) as s:
        navrongo = platform_id(s, "Kassena-Nankana")
        upper_east = platform_id(s, "Upper East")
        member, convenor = client(s), client(s)
        assert member.sign_in(DEMO_MEMBER).status == 303
        assert convenor.sign_in(DEMO_CONVENOR).status == 303
        member_token = create_token(member, "member script")
        convenor_token = create_token(convenor, "convenor script")
        account = member.get("/account").text
        assert "member script" in account and member_token not in account, "shown again"

        def bearer(token):
            return {"Authorization": "Bearer " + token, "Content-Type": "application/json"}

        r = raw(s, "PATCH", "/api/v1/platforms/" + navrongo, '{"place": "By member"}',
                bearer(member_token))
        assert r.status == 403, r.status
        r = raw(s, "PATCH", "/api/v1/platforms/" + upper_east, '{"place": "By convenor"}',
                bearer(convenor_token))
        assert r.status == 200, (r.status, r.text)
        assert s.get("/api/v1/platforms/" + upper_east).json()["place"] == "By convenor"

        m = re.search(r'action="/account/tokens/([^"/]+)/revoke"', member.get("/account").text)
        assert m, "no revoke form"
        r = member.post_form("/account/tokens/%s/revoke" % m.group(1), {})
        assert r.status == 303, r.status
        r = raw(s, "GET", "/api/v1/platforms/" + navrongo, headers=bearer(member_token))
        assert r.status == 401, r.status
        assert "Revoked" in member.get("/account").text


def test_cli_token_add_prints_a_working_token():
    with Server(demo=True) as s:
        navrongo = platform_id(s, "Kassena-Nankana")
        done = s.run_cli("token", "add", "--email", DEMO_MEMBER, "--label", "cli script")
        assert done.returncode == 0, done.stderr
        token = done.stdout.strip()
        assert re.fullmatch(r"[A-Za-z0-9_-]{20,}", token), done.stdout
        auth = {"Authorization": "Bearer " + token}
        assert raw(s, "GET", "/api/v1/platforms/" + navrongo, headers=auth).status == 200
        r = raw(s, "GET", "/account", headers=auth)
        assert r.status == 200 and "Juliana Ayeebo" in r.text, r.status
        r = raw(s, "PATCH", "/api/v1/platforms/" + navrongo, '{"place": "X"}',
                dict(auth, **{"Content-Type": "application/json"}))
        assert r.status == 403, r.status


def test_malformed_authorization_header_is_401_with_www_authenticate():
    with Server(demo=True) as s:
        for value in ("Basic YWRtaW46YWxsaWFuY2U=", "Bearer", "Bearer ", "Bearer not-a-token",
                      "Token " + s.token, "bearer" + s.token):
            for path in ("/api/v1/alliances", "/"):
                r = raw(s, "GET", path, headers={"Authorization": value})
                assert r.status == 401, (value, path, r.status)
                assert (r.header("WWW-Authenticate") or "").startswith("Bearer"), (value, path)
        assert raw(s, "GET", "/api/v1/alliances",
                   headers={"Authorization": "Bearer " + s.token}).status == 200


# Password change -----------------------------------------------------------------

def test_password_change_requires_current_ends_other_sessions_new_works_old_not():
    with Server() as s:
        email, old, new = "changer@example.org", "old-password-1", "new-password-2"
        add_user(s, email, "Pat Changer", old)
        first, second = client(s), client(s)
        assert first.sign_in(email, old).status == 303
        assert second.sign_in(email, old).status == 303
        assert first.get("/account/password").status == 200

        r = first.post_form("/account/password",
                            {"current": "wrong-password", "password": new, "confirm": new})
        assert r.status == 400 and 'id="f-current-error"' in r.text, r.status
        r = first.post_form("/account/password", {"password": new, "confirm": new})
        assert r.status == 400 and 'id="f-current-error"' in r.text, r.status
        assert not is_signed_out(second), "a refused change ended a session"

        r = first.post_form("/account/password", {"current": old, "password": new,
                                                   "confirm": new})
        assert r.status == 303 and r.header("Location") == "/account", r.status
        assert first.get("/account").status == 200, "the changing session was signed out"
        assert is_signed_out(second), "the other session survived the password change"

        third = client(s)
        r = third.sign_in(email, old)
        assert r.status == 400 and BAD_SIGN_IN in r.text, r.status
        assert third.sign_in(email, new).status == 303
        assert third.get("/account").status == 200


# Single-use links ------------------------------------------------------------------

def test_cli_user_add_link_sets_password_signs_in_and_is_single_use():
    with Server() as s:
        out = add_user(s, "new@example.org", "New Person")
        assert re.search(r"https?://\S+/links/\S+", out), out
        path = link_path(out)
        c = client(s)
        page = c.get(path)
        assert page.status == 200 and "New Person" in page.text
        r = c.post_form(path, {"password": "short", "confirm": "short"})
        assert r.status == 400, r.status
        m = re.search(r'<div class="field field--error">.*?</div>', r.text, re.S)
        assert m and 'name="password"' in m.group(0) and 'id="f-password-error"' in m.group(0), \
            "the error is not beside the password field"
        r = c.post_form(path, {"password": "long-enough-pw", "confirm": "long-enough-pw"})
        assert r.status == 303 and r.header("Location") == "/account", r.status
        account = c.get("/account")
        assert account.status == 200 and "New Person" in header_nav(account.text)
        again = client(s)
        assert again.get(path).status == 404
        r = again.post_form(path, {"password": "another-password", "confirm": "another-password"})
        assert r.status == 404, r.status
        assert again.sign_in("new@example.org", "long-enough-pw").status == 303
        assert again.sign_in("new@example.org", "another-password").status == 400


def test_admin_makes_password_link_from_admin_accounts():
    with Server(demo=True) as s:
        add_user(s, "linked@example.org", "Linda Linked")
        admin = client(s)
        assert admin.sign_in(DEMO_ADMIN).status == 303
        page = admin.get("/admin/accounts")
        assert page.status == 200
        row = [tr for tr in page.text.split("<tr>") if "linked@example.org" in tr]
        assert row, "the account is not listed"
        m = re.search(r'action="(/admin/accounts/[^"]+/link)"', row[0])
        assert m, row[0]
        r = admin.post_form(m.group(1), {})
        assert r.status == 200, r.status
        path = link_path(r.text)
        c = client(s)
        r = c.post_form(path, {"password": "linda-password", "confirm": "linda-password"})
        assert r.status == 303, r.status
        assert "Linda Linked" in header_nav(c.get("/").text)
        assert client(s).get(path).status == 404


# Invitations --------------------------------------------------------------------------

def test_convenor_invites_new_email_who_sets_password_lands_on_platform_as_member():
    with Server(demo=True) as s:
        upper_east = platform_id(s, "Upper East")
        convenor = client(s)
        assert convenor.sign_in(DEMO_CONVENOR).status == 303
        invite = "/platforms/%s/invite" % upper_east
        assert convenor.get(invite).status == 200
        r = convenor.post_form(invite, {"email": "invitee@example.org", "name": "Ivy Invitee",
                                        "role": "member"})
        assert r.status == 201, (r.status, r.text[-1500:])
        path = link_path(r.text)

        invitee = client(s)
        page = invitee.get(path)
        assert page.status == 200 and "Ivy Invitee" in page.text
        r = invitee.post_form(path, {"password": "ivy-password-1", "confirm": "ivy-password-1"})
        assert r.status == 303, r.status
        assert r.header("Location") == "/platforms/" + upper_east, r.header("Location")
        landed = invitee.get(r.header("Location"))
        assert landed.status == 200 and "Ivy Invitee" in header_nav(landed.text)
        # The rows of the page's tables, not what comes before the first one
        # (the header, which names the person too).
        row = [tr for tr in landed.text.split("<tr")[1:] if "Ivy Invitee" in tr]
        assert row and "Member" in row[0], "not listed as a member"
        roles = db_rows(s, "SELECT m.role FROM membership m JOIN person p ON p.key = m.person_key "
                           "JOIN platform pl ON pl.key = m.platform_key "
                           "WHERE p.email = ? AND pl.id = ?", ("invitee@example.org", upper_east))
        assert roles == [("member",)], roles
        assert client(s).get(path).status == 404


def test_inviting_someone_with_a_password_gives_no_link():
    """Else the inviter could choose the password of an existing account."""
    with Server(demo=True) as s:
        upper_east = platform_id(s, "Upper East")
        add_user(s, "known@example.org", "Kim Known", "kim-password-1")
        convenor = client(s)
        assert convenor.sign_in(DEMO_CONVENOR).status == 303
        r = convenor.post_form("/platforms/%s/invite" % upper_east,
                               {"email": "known@example.org", "role": "member"})
        assert r.status == 201, (r.status, r.text[-1500:])
        assert "/links/" not in r.text
        links = db_rows(s, "SELECT l.key FROM link_token l JOIN account a "
                           "ON a.key = l.account_key JOIN person p ON p.key = a.person_key "
                           "WHERE p.email = ?", ("known@example.org",))
        assert not links, "a link was made for an account with a password"
        assert client(s).sign_in("known@example.org", "kim-password-1").status == 303


def test_member_not_convenor_gets_403_on_invite_page():
    with Server(demo=True) as s:
        navrongo = platform_id(s, "Kassena-Nankana")
        member = client(s)
        assert member.sign_in(DEMO_MEMBER).status == 303
        invite = "/platforms/%s/invite" % navrongo
        assert member.get(invite).status == 403
        r = member.post_form(invite, {"email": "sneaky@example.org", "name": "Sneaky",
                                      "role": "convenor"})
        assert r.status == 403, r.status
        assert not db_rows(s, "SELECT key FROM person WHERE email = ?", ("sneaky@example.org",))


# Rights through the web, and the audit trail ------------------------------------------

def test_edit_platform_rights_member_403_signed_out_redirect_convenor_audited():
    with Server(demo=True) as s:
        navrongo = platform_id(s, "Kassena-Nankana")
        upper_east = platform_id(s, "Upper East")
        member = client(s)
        assert member.sign_in(DEMO_MEMBER).status == 303
        assert member.get("/platforms/%s/edit" % navrongo).status == 403
        assert member.post_form("/platforms/%s/edit" % navrongo,
                                {"name": "Hijacked", "place": "X"}).status == 403
        documenter = client(s)
        assert documenter.sign_in(DEMO_DOCUMENTER).status == 303
        assert documenter.get("/platforms/%s/edit" % upper_east).status == 403

        path = "/platforms/%s/edit" % navrongo
        r = client(s).get(path)
        location = r.header("Location") or ""
        assert r.status == 303 and location.startswith("/sign-in?next="), (r.status, location)
        assert unquote(location[len("/sign-in?next="):]) == path, location

        convenor = client(s)
        assert convenor.sign_in(DEMO_CONVENOR).status == 303
        assert convenor.get("/platforms/%s/edit" % upper_east).status == 200
        before = s.get("/api/v1/platforms/" + upper_east).json()
        r = convenor.post_form("/platforms/%s/edit" % upper_east,
                               {"name": before["name"], "level": "", "parent": before["parent"],
                                "place": "Zebilla Road", "description": before["description"]})
        assert r.status == 303, (r.status, r.text[-1500:])
        assert s.get("/api/v1/platforms/" + upper_east).json()["place"] == "Zebilla Road"

        trail = convenor.get("/platforms/%s/audit" % upper_east)
        assert trail.status == 200
        assert "<strong>place</strong>: %s → Zebilla Road" % before["place"] in trail.text
        assert "Grace Adongo" in trail.text
        done = s.run_cli("audit", "--platform", upper_east)
        assert done.returncode == 0, done.stderr
        assert "place: %s -> Zebilla Road" % before["place"] in done.stdout, done.stdout
        assert "Grace Adongo" in done.stdout


def test_audit_trail_never_contains_password_or_token_values():
    with Server(demo=True) as s:
        secrets = [DEMO_PASSWORD, s.token]
        admin = client(s)
        assert admin.sign_in(DEMO_ADMIN).status == 303
        secrets.append(create_token(admin, "audited token"))
        done = s.run_cli("token", "add", "--email", DEMO_CONVENOR, "--label", "cli token")
        secrets.append(done.stdout.strip())
        new_password = "changed-password-9"
        r = admin.post_form("/account/password", {"current": DEMO_PASSWORD,
                                                   "password": new_password,
                                                   "confirm": new_password})
        assert r.status == 303, r.status
        secrets.append(new_password)
        path = link_path(add_user(s, "linkee@example.org", "Lee Linkee"))
        secrets.append(path.split("/")[-1])
        r = client(s).post_form(path, {"password": "linkee-password", "confirm": "linkee-password"})
        assert r.status == 303
        secrets.append("linkee-password")
        hashes = [row[0] for row in db_rows(s, "SELECT token_hash FROM session UNION ALL "
                                               "SELECT token_hash FROM api_token UNION ALL "
                                               "SELECT token_hash FROM link_token UNION ALL "
                                               "SELECT password_hash FROM account "
                                               "WHERE password_hash IS NOT NULL")]
        text = audit_text(s)
        assert text, "empty audit trail"
        for secret in secrets + hashes:
            assert secret and secret not in text, "secret in the audit trail: %s" % secret[:12]
        assert "$argon2" not in text

        changes = db_rows(s, "SELECT c.old_value, c.new_value FROM audit_change c "
                             "JOIN audit a ON a.key = c.audit_key "
                             "WHERE a.kind = 'account' AND a.record_name = 'Efua Boateng' "
                             "AND c.field = 'password' ORDER BY a.key")
        assert changes, "the password change is not recorded"
        assert all(old is None and new is None for old, new in changes), changes
        page = s.get("/admin/audit?kind=account").text
        assert "<strong>password</strong>: changed (not shown)" in page


def test_admin_pages_403_for_non_administrators_200_for_administrator():
    with Server(demo=True) as s:
        for email in (DEMO_CONVENOR, DEMO_MEMBER):
            c = client(s)
            assert c.sign_in(email).status == 303
            for path in ("/admin/accounts", "/admin/audit", "/admin/accounts/new"):
                assert c.get(path).status == 403, (email, path)
            assert "/admin/accounts" not in header_nav(c.get("/").text)
        admin = client(s)
        assert admin.sign_in(DEMO_ADMIN).status == 303
        for path in ("/admin/accounts", "/admin/audit"):
            assert admin.get(path).status == 200, path
        for path in ("/admin/accounts", "/admin/audit"):
            r = client(s).get(path)
            assert r.status == 303 and r.header("Location").startswith("/sign-in"), path


if __name__ == "__main__":
    run([test_sign_in_and_out_through_forms_with_httponly_lax_cookie_and_name_in_header,
         test_sign_in_next_leads_only_within_the_site_no_open_redirect,
         test_session_cookie_is_secure_with_secure_cookies_option,
         test_wrong_password_and_unknown_email_same_answer_and_comparable_time,
         test_throttle_ten_failures_for_one_account_then_429_with_retry_after,
         test_throttle_ten_failures_from_one_address_over_unknown_emails_then_429,
         test_csrf_form_post_without_token_refused_signed_out_and_signed_in,
         test_csrf_signed_in_refuses_signed_out_cookie_token_requires_session_token,
         test_json_api_write_with_session_cookie_and_text_plain_refused_415,
         test_stolen_database_hashes_do_not_work_as_session_cookie_or_bearer_token,
         test_api_tokens_shown_once_act_with_account_rights_and_revoke_to_401,
         test_cli_token_add_prints_a_working_token,
         test_malformed_authorization_header_is_401_with_www_authenticate,
         test_password_change_requires_current_ends_other_sessions_new_works_old_not,
         test_cli_user_add_link_sets_password_signs_in_and_is_single_use,
         test_admin_makes_password_link_from_admin_accounts,
         test_convenor_invites_new_email_who_sets_password_lands_on_platform_as_member,
         test_inviting_someone_with_a_password_gives_no_link,
         test_member_not_convenor_gets_403_on_invite_page,
         test_edit_platform_rights_member_403_signed_out_redirect_convenor_audited,
         test_audit_trail_never_contains_password_or_token_values,
         test_admin_pages_403_for_non_administrators_200_for_administrator])
