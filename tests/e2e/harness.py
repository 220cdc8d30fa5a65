"""Harness for end-to-end tests: starts the real alliance binary on an
ephemeral 127.0.0.1 port with a fresh data directory, and talks HTTP to it.

The binary comes from $ALLIANCE_BIN (set by ctest), else build/alliance.
Only the Python standard library is used.
"""
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pg"))
import pgserver  # noqa: E402

ROOT = os.environ.get("ALLIANCE_ROOT") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("ALLIANCE_BIN") or os.path.join(ROOT, "build", "alliance")

# With ALLIANCE_TEST_PG (the directory of a server started by tests/pg/pgserver.py)
# every Server keeps its data in a PostgreSQL database of its own.
PG_DIR = os.environ.get("ALLIANCE_TEST_PG")
_pg_databases = {}


def db_args(data_dir):
    """The options that point a command at the data of data_dir: nothing on
    SQLite; on PostgreSQL, --db with a database made for that directory."""
    if not PG_DIR:
        return []
    if data_dir not in _pg_databases:
        name = "t_" + uuid.uuid4().hex[:16]
        _pg_databases[data_dir] = (name, pgserver.createdb(PG_DIR, name))
    return ["--db", _pg_databases[data_dir][1]]


def drop_db(data_dir):
    if PG_DIR and data_dir in _pg_databases:
        pgserver.dropdb(PG_DIR, _pg_databases.pop(data_dir)[0])


# The demo's sign-ins (alliance demo prints them), all with DEMO_PASSWORD.
DEMO_PASSWORD = "alliance-demo"
DEMO_ADMIN = "admin@example.org"
DEMO_CONVENOR = "grace.adongo@example.gov.gh"      # convenor, Upper East region
DEMO_DOCUMENTER = "patience.atanga@example.org"    # documenter, Upper East region
DEMO_MEMBER = "juliana.ayeebo@example.net"         # member, Navrongo district


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


class Server:
    """One alliance server process. Use as a context manager, or start()/stop()."""

    ADMIN_EMAIL = "e2e-admin@example.org"
    ADMIN_PASSWORD = "e2e-password-123"

    def __init__(self, demo=False, data_dir=None, args=(), admin=True, admin_email=None,
                 sqlite=False):
        self.sqlite = sqlite  # keep the data in the directory even in a PostgreSQL run
        self.owns_dir = data_dir is None
        self.admin = admin
        self.admin_email = admin_email  # an administrator the data already has
        self.token = None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="alliance-e2e-")
        self.demo = demo
        self.args = list(args)
        self.proc = None
        self.port = None
        self.cookies = {}

    def run_cli(self, *args, stdin=None):
        """Runs `alliance ARGS --data DIR` and returns the CompletedProcess."""
        return subprocess.run([BINARY, *args, "--data", self.data_dir, *self.db_args()],
                              input=stdin, capture_output=True, text=True, timeout=120)

    def start(self):
        if self.demo:
            done = self.run_cli("demo")
            assert done.returncode == 0, done.stderr
        if self.admin and self.token is None:
            # An administrator's API token: requests carry it unless auth=False.
            # With the demo, its administrator; otherwise one made for the test.
            email = self.admin_email or (DEMO_ADMIN if self.demo else self.ADMIN_EMAIL)
            if email == self.ADMIN_EMAIL:
                self.run_cli("user", "add", "--email", email, "--name", "E2E Administrator",
                             "--admin", "--password-stdin", stdin=self.ADMIN_PASSWORD + "\n")
            done = self.run_cli("token", "add", "--email", email, "--label", "e2e")
            assert done.returncode == 0, done.stderr
            self.token = done.stdout.strip()
        self.proc = subprocess.Popen(
            [BINARY, "serve", "--data", self.data_dir, *self.db_args(), "--listen",
             "127.0.0.1:0", *self.args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not m:
            err = self.proc.stderr.read() if self.proc.poll() is not None else ""
            raise RuntimeError("server did not start: %r %s" % (line, err))
        self.port = int(m.group(1))
        # The server logs every request to stderr: read it all the time, or a
        # full pipe (64 KiB, some 700 requests) blocks the server.
        self.log = []
        self.log_reader = threading.Thread(target=self._read_log, daemon=True)
        self.log_reader.start()
        return self

    def _read_log(self):
        for line in self.proc.stderr:
            self.log.append(line)

    def db_args(self):
        return [] if self.sqlite else db_args(self.data_dir)

    def stop(self, sig=signal.SIGTERM):
        """Stops the server; returns its exit code. Fails the test when the
        sanitizers reported anything."""
        if not self.proc:
            return None
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self.log_reader.join(timeout=30)
        err = "".join(self.log)
        self.proc.stdout.close()
        self.proc.stderr.close()
        self.proc = None
        if sig != signal.SIGKILL and ("ERROR: AddressSanitizer" in err or "runtime error:" in err
                                      or "LeakSanitizer" in err):
            sys.stderr.write(err)
            raise AssertionError("sanitizer report from the server")
        return code

    def sql(self, query, args=()):
        """Runs a query on the server's database, as an outsider with a copy of
        it would: rows as tuples. '?' placeholders take args (quoted here)."""
        if not PG_DIR or self.sqlite:
            import sqlite3
            conn = sqlite3.connect(os.path.join(self.data_dir, "alliance.db"), timeout=10)
            try:
                return conn.execute(query, args).fetchall()
            finally:
                conn.close()
        parts = query.split("?")
        assert len(parts) == len(args) + 1, "one value for each ?"
        text = parts[0]
        for value, rest in zip(args, parts[1:]):
            text += ("NULL" if value is None else "'%s'" % str(value).replace("'", "''")) + rest
        url = self.db_args()[1]
        done = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-P", "null=\\N",
                               "-v", "ON_ERROR_STOP=1", url, "-c", text],
                              capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError("psql: " + done.stderr)
        return [tuple(None if v == "\\N" else v for v in line.split("\t"))
                for line in done.stdout.splitlines() if line]

    def sql_write(self, query, args=()):
        """Changes the server's database behind its back, committed (sql()
        closes its SQLite connection without a commit): to move a time as if
        it had passed. '?' placeholders take args."""
        if PG_DIR and not self.sqlite:
            self.sql(query, args)
            return
        import sqlite3
        conn = sqlite3.connect(os.path.join(self.data_dir, "alliance.db"), timeout=10)
        try:
            conn.execute(query, args)
            conn.commit()
        finally:
            conn.close()

    def kill9(self):
        return self.stop(signal.SIGKILL)

    def cleanup(self):
        if self.owns_dir:
            drop_db(self.data_dir)
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        code = self.stop()
        self.cleanup()
        if exc[0] is None:
            assert code == 0, "server exited with %r" % code

    # HTTP ---------------------------------------------------------------

    def request(self, method, path, body=None, headers=None, timeout=30, auth=True):
        """Sends one request on a new connection. body may be bytes, str, or
        a dict/list (sent as JSON). Cookies set by the server are kept. With
        auth (the default) the administrator's API token goes along."""
        headers = dict(headers or {})
        if auth and self.token and "Authorization" not in headers:
            headers["Authorization"] = "Bearer " + self.token
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            body = body.encode()
        if self.cookies:
            headers.setdefault("Cookie", "; ".join("%s=%s" % kv for kv in self.cookies.items()))
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            hdrs = resp.getheaders()
        finally:
            conn.close()
        for k, v in hdrs:
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Response(resp.status, hdrs, data)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post_json(self, path, doc, **kw):
        return self.request("POST", path, body=doc, **kw)

    def patch_json(self, path, doc, **kw):
        return self.request("PATCH", path, body=doc, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def client(self, token=None):
        """Another client of this running server: its own cookies, and token
        (None: no Authorization header)."""
        c = Server(admin=False, data_dir=self.data_dir)
        c.port = self.port
        c.token = token
        return c

    def web_client(self, email, password=DEMO_PASSWORD):
        """Another client of this server, signed in through the form."""
        c = self.client()
        r = c.sign_in(email, password)
        assert r.status == 303 and "alliance_session" in c.cookies, \
            "sign-in of %s: %d %s" % (email, r.status, r.text[:200])
        return c

    def cli_ok(self, *args, stdin=None):
        """Runs `alliance ARGS` on this server's data; its output, or fails."""
        done = self.run_cli(*args, stdin=stdin)
        assert done.returncode == 0, "alliance %s: %s" % (" ".join(args), done.stderr)
        return done.stdout

    def csrf(self, path="/"):
        """Fetches a page with a form (or any page) so that the CSRF cookie is
        set, and returns the token to send as the form's csrf field."""
        if "alliance_csrf" not in self.cookies:
            self.get("/sign-in")
        return self.cookies["alliance_csrf"]

    def sign_in(self, email, password=DEMO_PASSWORD):
        """Signs in through the form as a browser would (no API token is sent
        afterwards by this client: self.token is dropped). Returns the
        response to the sign-in POST (303 on success)."""
        self.token = None
        self.cookies.pop("alliance_session", None)
        self.get("/sign-in")
        return self.post_form("/sign-in", {"email": email, "password": password, "next": "/"})

    def session_csrf(self, path="/account"):
        """The form token of the signed-in session, read from a page's form."""
        page = self.get(path).text
        m = re.search(r'name="csrf" value="([^"]+)"', page)
        return m.group(1) if m else None

    def post_form(self, path, fields, with_csrf=True, **kw):
        """Posts an urlencoded form; fields is a dict or a list of pairs."""
        from urllib.parse import urlencode
        pairs = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if with_csrf:
            # Signed in by a session, the form token is the session's own.
            token = self.session_csrf() if "alliance_session" in self.cookies else None
            pairs.append(("csrf", token or self.csrf()))
        return self.request("POST", path, body=urlencode(pairs),
                            headers={"Content-Type": "application/x-www-form-urlencoded"}, **kw)


def validate_html(named_pages):
    """Runs html-validate (as test_pages.py does, with its configuration
    tests/e2e/htmlvalidate.json) on pages given by name; fails on any report."""
    validator = os.path.join(ROOT, "node_modules", ".bin", "html-validate")
    assert os.path.exists(validator), "html-validate is not installed at %s" % validator
    config_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "htmlvalidate.json")
    with open(config_path, encoding="utf-8") as f:
        config = json.load(f)

    def strip(v):
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k != "$comment"}
        return [strip(x) for x in v] if isinstance(v, list) else v
    tmp = tempfile.mkdtemp(prefix="alliance-pages-")
    with open(os.path.join(tmp, "config.json"), "w") as f:
        json.dump(strip(config), f)
    files = []
    for name, text in named_pages.items():
        files.append(os.path.join(tmp, re.sub(r"[^a-z0-9]+", "_", name.lower()) + ".html"))
        with open(files[-1], "w", encoding="utf-8") as f:
            f.write(text)
    done = subprocess.run([validator, "--config", os.path.join(tmp, "config.json"), *files],
                          capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert done.returncode == 0, "html-validate: %s %s" % (done.stdout[-3000:], done.stderr[-2000:])


class Obj:
    """A bag of named values for test fixtures."""
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __repr__(self):
        return getattr(self, "label", "?")


def ok(resp, status=200, what=""):
    """Asserts the status of an answer; its JSON, if it has a body."""
    assert resp.status == status, "%s: %d %s" % (what, resp.status, resp.text[:400])
    return resp.json() if resp.body else None


def run(tests):
    """Runs test functions in order, printing each; exits non-zero on failure."""
    failed = 0
    for t in tests:
        start = time.time()
        try:
            t()
            print("ok   %-50s %.2fs" % (t.__name__, time.time() - start), flush=True)
        except Exception:
            failed += 1
            import traceback
            print("FAIL %s" % t.__name__, flush=True)
            traceback.print_exc()
    if failed:
        print("%d of %d failed" % (failed, len(tests)))
        sys.exit(1)
    print("all %d passed" % len(tests))
