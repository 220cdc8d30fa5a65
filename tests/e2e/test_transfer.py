"""Export and import (issues 10 and 11): a whole installation as JSON Lines,
moved between installations and between SQLite and PostgreSQL."""
import json
import os
import subprocess
import tempfile

import harness
from harness import BINARY, PG_DIR, Server, db_args, drop_db, run


def alliance(*args, stdin=None):
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, text=True,
                          timeout=120)


def export_of(data_dir, path):
    done = alliance("export", "--data", data_dir, *db_args(data_dir), path)
    assert done.returncode == 0, done.stderr
    with open(path, encoding="utf-8") as f:
        return f.read()


def test_export_import_export_gives_the_same_file_and_the_copy_works():
    """The demo, with some changes made through the API, exported; imported into
    an empty installation (the other engine when PostgreSQL is under test:
    SQLite ⇄ PostgreSQL); exported again: the same bytes. The copy serves and
    takes new records."""
    with Server(demo=True) as s, tempfile.TemporaryDirectory() as tmp:
        made = s.post_json("/api/v1/organisations", {"name": "Exported Trust", "kind": "ngo"})
        assert made.status == 201
        first = export_of(s.data_dir, os.path.join(tmp, "one.jsonl"))
        header = json.loads(first.splitlines()[0])
        assert header["format"] == "alliance" and header["records"] == len(first.splitlines()) - 1
        # The demo's proposals go with it, and the decision of a platform that
        # records one's outcome keeps its platform and proposal (its event_key
        # is null, which the export's list of columns did not allow).
        lines = [json.loads(line) for line in first.splitlines()[1:]]
        kinds = {line.get("record") for line in lines}
        assert {"proposal", "proposal_option", "proposal_answer", "decision"} <= kinds, kinds
        assert any(line["record"] == "decision" and line["event_key"] is None
                   and line["platform_key"] and line["proposal_key"] for line in lines), \
            "no decision of a platform in the export"
        # Into SQLite (a plain data directory, whatever the suite's engine).
        copy = os.path.join(tmp, "copy")
        done = alliance("import", "--data", copy, os.path.join(tmp, "one.jsonl"))
        assert done.returncode == 0, done.stderr
        done = alliance("export", "--data", copy, os.path.join(tmp, "two.jsonl"))
        assert done.returncode == 0, done.stderr
        assert open(os.path.join(tmp, "two.jsonl"), encoding="utf-8").read() == first
        # The copy serves, and new records take new keys.
        with Server(data_dir=copy, admin_email=harness.DEMO_ADMIN, sqlite=True) as c:
            assert c.get("/api/v1/organisations/" + made.json()["id"]).json()["name"] == \
                "Exported Trust"
            again = c.post_json("/api/v1/organisations", {"name": "After Import", "kind": "ngo"})
            assert again.status == 201, again.text
            assert c.get("/alliances/ghana-wash").status == 200


def rows_of(query, server=None, sqlite_path=None):
    """The rows of a query as text (PostgreSQL's psql answers text, SQLite
    numbers), from a running server's database or from an SQLite file."""
    if server:
        rows = server.sql(query)
    else:
        import sqlite3
        conn = sqlite3.connect(sqlite_path)
        try:
            rows = conn.execute(query).fetchall()
        finally:
            conn.close()
    # Sorted here: the engines' collations order text differently.
    return sorted((tuple(None if v is None else str(v) for v in row) for row in rows),
                  key=lambda row: tuple((v is not None, v or "") for v in row))


# What migrations 19 to 24 added that is data, column by column (text that
# may run over lines by its length: psql answers a line a row; the same
# file exported again, in the test above, checks every byte).
ADDED_COLUMNS = {
    "notification": "key, proposal_key, enquiry_key, action_item_key, delivery, mailed_at",
    "decision": "key, event_key, platform_key, proposal_key",
    "proposal": "key, discussion_key, process, score_min, score_max, closes_at, time_zone, "
                "results_open, closed_at, closed_by_key, reminded_at, length(outcome)",
    "proposal_option": "proposal_key, position, label",
    "proposal_answer": "key, proposal_key, person_key, choice, option_position, length(reason)",
    "proposal_score": "answer_key, position, score",
    "question": "key, platform_key, status, visibility, raised_on",
    "question_platform": "question_key, platform_key, position",
    "question_link": "question_key, kind, item_key",
    "cycle": "key, question_key, platform_key, number",
    "cycle_step": "cycle_key, step, length(text), starts_on, ends_on",
    "cycle_evidence": "cycle_key, step, position, label, url",
    "mail": "key, person_key, address, kind, notification_key, subject, message_id, state, "
            "attempts, next_attempt_at, sent_at",
}


def test_bug_notifications_lost_their_links_and_mail_state_in_an_import():
    """Bug: the export left out the columns migrations 20 and 22 added to
    notifications (proposal_key, enquiry_key, action_item_key, delivery,
    mailed_at), so a notification lost what it was about, a notification
    waiting for a digest was never mailed and one mailed could go again;
    and the mail queue was left behind. Every column added by migrations 19
    to 24 that is data holds the same rows in the copy; unsubscribe links
    (hashes of single-use links) do not go."""
    with Server(demo=True) as s, tempfile.TemporaryDirectory() as tmp:
        # A notification of an action item due (the server's jobs may have
        # made it already) waiting for a weekly digest, and a message queued
        # about it (the demo runs without email: it has neither).
        s.sql_write("INSERT INTO notification (id, person_key, kind, action_item_key, delivery, "
                    "created_at) SELECT 'transfer-due', ai.owner_key, 'action_due', ai.key, "
                    "'now', '2026-03-02T08:00:00Z' FROM action_item ai WHERE ai.owner_key IS "
                    "NOT NULL AND NOT EXISTS (SELECT 1 FROM notification n WHERE "
                    "n.action_item_key = ai.key AND n.person_key = ai.owner_key) "
                    "ORDER BY ai.key LIMIT 1")
        due = "(SELECT min(key) FROM notification WHERE kind = 'action_due')"
        s.sql_write("UPDATE notification SET delivery = 'weekly', mailed_at = NULL WHERE key = "
                    + due)
        s.sql_write("INSERT INTO mail (id, person_key, address, kind, notification_key, "
                    "message_id, state, attempts, next_attempt_at, last_error, created_at) "
                    "SELECT 'transfer-mail', person_key, 'owner@example.org', kind, key, "
                    "'<transfer@example.org>', 'queued', 2, '2026-03-02T09:00:00Z', "
                    "'421 try later', '2026-03-02T08:00:00Z' FROM notification WHERE key = " + due)
        # The demo has no score proposal: a score, as a table's row.
        s.sql_write("INSERT INTO proposal_score (answer_key, position, score) "
                    "SELECT min(key), 0, 4 FROM proposal_answer")
        s.sql_write("INSERT INTO mail_unsubscribe (token_hash, mail_key, person_key, kind, "
                    "created_at) SELECT 'secret-hash', key, person_key, kind, created_at "
                    "FROM mail")
        path = os.path.join(tmp, "one.jsonl")
        text = export_of(s.data_dir, path)
        assert "secret-hash" not in text and "mail_unsubscribe" not in text
        copy = os.path.join(tmp, "copy")
        done = alliance("import", "--data", copy, path)
        assert done.returncode == 0, done.stderr
        copy_db = os.path.join(copy, "alliance.db")
        for table, columns in ADDED_COLUMNS.items():
            query = "SELECT %s FROM %s" % (columns, table)
            before = rows_of(query, server=s)
            assert before, "the demo has no %s to check" % table
            after = rows_of(query, sqlite_path=copy_db)
            assert after == before, (table, [r for r in before if r not in after][:3],
                                     [r for r in after if r not in before][:3])
        # The demo's notifications are of every link the bug lost but the
        # action item's, added above.
        linked = rows_of("SELECT count(proposal_key), count(enquiry_key), count(action_item_key), "
                         "count(mailed_at), sum(CASE WHEN delivery <> 'now' THEN 1 ELSE 0 END) "
                         "FROM notification", sqlite_path=copy_db)[0]
        assert all(int(n) > 0 for n in linked), linked
        assert rows_of("SELECT count(*) FROM mail_unsubscribe", sqlite_path=copy_db) == [("0",)]


def test_into_postgresql_and_back():
    """With the PostgreSQL server of the suite: SQLite → PostgreSQL → SQLite."""
    if not PG_DIR:
        print("   (SQLite run: the PostgreSQL leg runs in test_transfer_pg)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "source")
        assert alliance("demo", "--data", source).returncode == 0
        done = alliance("export", "--data", source, os.path.join(tmp, "a.jsonl"))
        assert done.returncode == 0, done.stderr
        middle = os.path.join(tmp, "middle")  # named for its database
        done = alliance("import", *db_args(middle), os.path.join(tmp, "a.jsonl"))
        assert done.returncode == 0, done.stderr
        done = alliance("export", *db_args(middle), os.path.join(tmp, "b.jsonl"))
        assert done.returncode == 0, done.stderr
        # PostgreSQL's key counters move past the imported keys.
        with Server(data_dir=middle, admin_email=harness.DEMO_ADMIN) as m:
            made = m.post_json("/api/v1/people", {"name": "After The Move"})
            assert made.status == 201, made.text
        back = os.path.join(tmp, "back")
        done = alliance("import", "--data", back, os.path.join(tmp, "b.jsonl"))
        assert done.returncode == 0, done.stderr
        done = alliance("export", "--data", back, os.path.join(tmp, "c.jsonl"))
        text = [open(os.path.join(tmp, n), encoding="utf-8").read()
                for n in ("a.jsonl", "b.jsonl", "c.jsonl")]
        assert text[0] == text[1] == text[2]


def test_a_bad_record_stops_the_import_with_its_line_and_nothing_is_imported():
    with Server(demo=True) as s, tempfile.TemporaryDirectory() as tmp:
        good = export_of(s.data_dir, os.path.join(tmp, "good.jsonl")).splitlines()
        cases = [
            (5, lambda d: d.update(depth="two"), "Line 5"),                 # wrong type
            (7, lambda d: d.update(extra=1), "Line 7"),                     # unknown field
            (9, lambda d: d.update(record="nonsense"), "Line 9"),           # unknown kind
            (len(good) - 3, lambda d: d.pop(list(d)[1]), "Line %d" % (len(good) - 3)),
        ]
        for number, change, expected in cases:
            lines = list(good)
            record = json.loads(lines[number - 1])
            change(record)
            lines[number - 1] = json.dumps(record)
            bad = os.path.join(tmp, "bad.jsonl")
            open(bad, "w", encoding="utf-8").write("\n".join(lines) + "\n")
            target = os.path.join(tmp, "target-%d" % number)
            done = alliance("import", "--data", target, bad)
            assert done.returncode == 1, (number, done.stdout)
            assert expected in done.stderr, done.stderr
            # Nothing was imported: the good file still goes in whole.
            done = alliance("import", "--data", target, os.path.join(tmp, "good.jsonl"))
            assert done.returncode == 0, done.stderr
        # A reference to a record that is not there (the database's own check).
        lines = list(good)
        for i, line in enumerate(lines):
            record = json.loads(line)
            if record.get("record") == "membership":
                record["platform_key"] = 999999
                lines[i] = json.dumps(record)
                break
        bad = os.path.join(tmp, "dangling.jsonl")
        open(bad, "w", encoding="utf-8").write("\n".join(lines) + "\n")
        done = alliance("import", "--data", os.path.join(tmp, "dangling"), bad)
        assert done.returncode == 1 and "Line %d" % (i + 1) in done.stderr, done.stderr


def test_an_import_fills_only_an_empty_installation():
    with Server(demo=True) as s, tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "e.jsonl")
        export_of(s.data_dir, path)
        done = alliance("import", "--data", s.data_dir, *db_args(s.data_dir), path)
        assert done.returncode == 1 and "empty" in done.stderr, done.stderr
        assert alliance("import", "--data", os.path.join(tmp, "x"), "/no/such/file").returncode == 1
        assert alliance("import").returncode == 2
        assert alliance("export", "--help").returncode == 0
        assert alliance("import", "--help").returncode == 0


if __name__ == "__main__":
    run([test_export_import_export_gives_the_same_file_and_the_copy_works,
         test_bug_notifications_lost_their_links_and_mail_state_in_an_import,
         test_into_postgresql_and_back,
         test_a_bad_record_stops_the_import_with_its_line_and_nothing_is_imported,
         test_an_import_fills_only_an_empty_installation])
