"""alliance backup and restore: a copy made while the server writes, checked
whole; restore over a running server's data, with a copy of what it replaced;
every refusal with a clear message. SQLite only (PostgreSQL has pg_dump)."""
import os
import sqlite3
import subprocess
import tempfile
import threading
import time

import harness
from harness import BINARY, Server, run


def cli(*args, stdin=None):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=120,
                          input=stdin)


def count(path, table):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM %s" % table).fetchone()[0]
    finally:
        conn.close()


def test_backup_while_writing_is_a_consistent_checked_copy():
    with Server(sqlite=True) as s:
        s.post_json("/api/v1/alliances", {"slug": "t", "name": "T", "levels": ["National"]})
        stop = threading.Event()
        written = []

        def write():
            i = 0
            while not stop.is_set():
                r = s.post_json("/api/v1/organisations", {"name": "Org %d" % i, "kind": "ngo"})
                assert r.status == 201, r.text
                written.append(i)
                i += 1

        writer = threading.Thread(target=write)
        writer.start()
        copy = os.path.join(tempfile.mkdtemp(prefix="alliance-backup-"), "copy.db")
        try:
            while len(written) < 20:
                time.sleep(0.01)
            done = cli("backup", "--data", s.data_dir, copy)
        finally:
            stop.set()
            writer.join()
        assert done.returncode == 0, done.stderr
        assert "checked whole" in done.stdout and copy in done.stdout
        assert not os.path.exists(copy + ".partial")
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        conn.close()
        kept = count(copy, "organisation")
        assert 20 <= kept <= len(written), (kept, len(written))
        # Every organisation in the copy has its audit entry: one moment, not a mix.
        assert count(copy, "audit") >= kept

        # The copy serves: restored into a new directory, it answers the same.
        fresh = tempfile.mkdtemp(prefix="alliance-restored-")
        done = cli("restore", "--data", fresh, copy)
        assert done.returncode == 0, done.stderr
        with Server(data_dir=fresh, admin_email=Server.ADMIN_EMAIL, sqlite=True) as r:
            assert r.get("/api/v1/organisations?limit=1").json()["total"] == kept
            assert r.get("/api/v1/alliances/t").status == 200


def test_restore_over_a_running_server_asks_and_keeps_what_it_replaced():
    with Server(sqlite=True) as s:
        s.post_json("/api/v1/alliances", {"slug": "before", "name": "Before",
                                          "levels": ["National"]})
        copy = os.path.join(tempfile.mkdtemp(prefix="alliance-backup-"), "copy.db")
        assert cli("backup", "--data", s.data_dir, copy).returncode == 0
        s.post_json("/api/v1/alliances", {"slug": "after", "name": "After",
                                          "levels": ["National"]})
        assert s.get("/api/v1/alliances/after").status == 200

        # Without a terminal and without --yes: refused, nothing changed.
        done = cli("restore", "--data", s.data_dir, copy, stdin="")
        assert done.returncode == 1 and "--yes" in done.stderr
        assert s.get("/api/v1/alliances/after").status == 200

        done = cli("restore", "--data", s.data_dir, "--yes", copy)
        assert done.returncode == 0, done.stderr
        kept = [f for f in os.listdir(s.data_dir) if f.startswith("alliance-before-restore-")]
        assert len(kept) == 1 and kept[0] in done.stdout
        # The running server sees the restored data at its next request.
        for _ in range(8):  # every event loop
            assert s.get("/api/v1/alliances/after").status == 404
            assert s.get("/api/v1/alliances/before").status == 200
        # And what was replaced is whole in the kept copy.
        conn = sqlite3.connect(os.path.join(s.data_dir, kept[0]))
        slugs = {row[0] for row in conn.execute("SELECT slug FROM alliance")}
        conn.close()
        assert slugs == {"before", "after"}


def test_refusals_name_the_problem():
    with Server(sqlite=True) as s:
        where = tempfile.mkdtemp(prefix="alliance-backup-")
        copy = os.path.join(where, "copy.db")
        assert cli("backup", "--data", s.data_dir, copy).returncode == 0
        done = cli("backup", "--data", s.data_dir, copy)
        assert done.returncode == 1 and "--force" in done.stderr
        assert cli("backup", "--data", s.data_dir, "--force", copy).returncode == 0

        bad = os.path.join(where, "bad.db")
        with open(bad, "w") as f:
            f.write("not a database at all " * 100)
        fresh = tempfile.mkdtemp(prefix="alliance-restored-")
        done = cli("restore", "--data", fresh, bad)
        assert done.returncode == 1 and "not a database" in done.stderr
        done = cli("restore", "--data", fresh, os.path.join(where, "missing.db"))
        assert done.returncode == 1 and "No such file" in done.stderr

        other = os.path.join(where, "other.db")
        conn = sqlite3.connect(other)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
        done = cli("restore", "--data", fresh, other)
        assert done.returncode == 1 and "not an Alliance database" in done.stderr

        newer = os.path.join(where, "newer.db")
        assert cli("backup", "--data", s.data_dir, newer).returncode == 0
        conn = sqlite3.connect(newer)
        conn.execute("INSERT INTO schema_version VALUES (999, '2030-01-01T00:00:00Z')")
        conn.commit()
        conn.close()
        done = cli("restore", "--data", fresh, newer)
        assert done.returncode == 1 and "newer than this program" in done.stderr

        done = cli("backup", "--db", "postgresql:///x", copy)
        assert done.returncode == 1 and "pg_dump" in done.stderr
        for command in ("backup", "restore"):
            assert cli(command).returncode == 2
            assert cli(command, "--frobnicate", copy).returncode == 2
            done = cli(command, "--help")
            assert done.returncode == 0 and "Usage: alliance " + command in done.stdout


if __name__ == "__main__":
    run([test_backup_while_writing_is_a_consistent_checked_copy,
         test_restore_over_a_running_server_asks_and_keeps_what_it_replaced,
         test_refusals_name_the_problem])
