/*
 * schema.c — the migrations. Tables are STRICT, so a value of the wrong type is
 * refused in SQLite as PostgreSQL would refuse it; every table has an integer
 * key for joins and a global id (UUIDv7 text) for the outside world. Instants
 * are ISO 8601 UTC text.
 *
 * PostgreSQL runs the same migrations, numbered alike: each is written in
 * SQLite's dialect within a subset that translates word for word (see
 * postgres.c): "INTEGER PRIMARY KEY" (the row key) becomes an identity column,
 * other INTEGERs become BIGINT, and STRICT is dropped. Nothing else may
 * differ: no AUTOINCREMENT, no rowid, no SQLite-only functions.
 */
#include "store/schema.h"

#include "core/clock.h"
#include "store/db.h"

#include <stdio.h>

/* A migration: its SQL in SQLite's dialect, translated for PostgreSQL; or,
 * where the engines really differ (full-text search, changing a constraint),
 * the PostgreSQL text, and for SQLite a list of edits of the tables' text. */
struct migration {
    const char *sql;
    const char *postgres;           /* NULL: translate sql */
    const struct table_edit *edits; /* SQLite: applied after sql, until one with no table */
};

/* A table edit: in SQLite, a constraint is part of the table's CREATE text
 * and cannot be altered; a table rebuilt would cascade the deletes of its
 * rows to the tables that refer to it. A constraint that only allows more
 * than before (a longer IN list, a NOT NULL dropped) is changed in place
 * instead, in the text SQLite keeps (sqlite_schema), as SQLite's documentation
 * of ALTER TABLE describes ("making other kinds of table schema changes"):
 * every row stored satisfies the new text, so nothing else changes. Each edit
 * must find its text exactly once, or the migration fails. */
struct table_edit {
    const char *table;
    const char *from;
    const char *to;
};

#define SAME(sql)                                                                                  \
    {                                                                                              \
        sql, NULL, NULL                                                                            \
    }

/* 19: what the constraints of earlier tables allow, widened for what comes
 * next: shares of event minutes and learning questions; threads on events,
 * learning questions and shares; notifications of proposals opened and
 * closing, of action items due and of enquiries assigned (a notification has a
 * reply when it is of a mention or a reply, and only then); decisions of a
 * platform, not taken at an event. */
static const struct table_edit widen_19[] = {
    {"share", "CHECK (kind IN ('lesson','entry','document'))",
     "CHECK (kind IN ('lesson','entry','document','event','question'))"},
    {"discussion", "CHECK (item_kind IN ('platform','lesson','entry',    'document'))",
     "CHECK (item_kind IN ('platform','lesson','entry','document','event','question','share'))"},
    {"notification", "CHECK (kind IN ('mention','reply','share'))",
     "CHECK (kind IN ('mention','reply','share','proposal','proposal_closing','action_due',"
     "'enquiry_assigned'))"},
    {"notification", "CHECK ((kind = 'share') = (reply_key IS NULL))",
     "CHECK ((kind IN ('mention','reply')) = (reply_key IS NOT NULL))"},
    {"notification_preference", "CHECK (kind IN ('mention','reply','share'))",
     "CHECK (kind IN ('mention','reply','share','proposal','proposal_closing','action_due',"
     "'enquiry_assigned'))"},
    {"decision", "event_key INTEGER NOT NULL REFERENCES event(key)",
     "event_key INTEGER REFERENCES event(key)"},
    {NULL, NULL, NULL},
};

static const struct migration migrations[] = {
    /* 1: the alliance, its levels and platforms, organisations, people, memberships. */
    SAME("CREATE TABLE alliance ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  slug TEXT NOT NULL UNIQUE,"
         "  name TEXT NOT NULL,"
         "  going_in_issue TEXT NOT NULL DEFAULT '',"
         "  vision TEXT NOT NULL DEFAULT '',"
         "  principles TEXT NOT NULL DEFAULT '',"
         "  time_zone TEXT NOT NULL DEFAULT 'UTC',"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX alliance_by_name ON alliance(lower(name));"
         "CREATE TABLE alliance_level ("
         "  alliance_key INTEGER NOT NULL REFERENCES alliance(key) ON DELETE CASCADE,"
         "  depth INTEGER NOT NULL CHECK (depth >= 0 AND depth < 8),"
         "  label TEXT NOT NULL,"
         "  PRIMARY KEY (alliance_key, depth)"
         ") STRICT;"
         "CREATE TABLE platform ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  alliance_key INTEGER NOT NULL REFERENCES alliance(key),"
         "  depth INTEGER NOT NULL CHECK (depth >= 0 AND depth < 8),"
         "  parent_key INTEGER REFERENCES platform(key),"
         "  name TEXT NOT NULL,"
         "  place TEXT NOT NULL DEFAULT '',"
         "  description TEXT NOT NULL DEFAULT '',"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX platform_by_alliance ON platform(alliance_key, depth, lower(name));"
         "CREATE INDEX platform_by_name ON platform(lower(name));"
         "CREATE INDEX platform_by_parent ON platform(parent_key);"
         "CREATE TABLE platform_link ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  a_key INTEGER NOT NULL REFERENCES platform(key),"
         "  b_key INTEGER NOT NULL REFERENCES platform(key),"
         "  note TEXT NOT NULL DEFAULT '',"
         "  created_at TEXT NOT NULL,"
         "  CHECK (a_key < b_key),"
         "  UNIQUE (a_key, b_key)"
         ") STRICT;"
         "CREATE INDEX platform_link_by_b ON platform_link(b_key);"
         "CREATE TABLE organisation ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  name TEXT NOT NULL,"
         "  kind TEXT NOT NULL CHECK (kind IN ('government','ngo','private','academic',"
         "    'community','donor','other')),"
         "  description TEXT NOT NULL DEFAULT '',"
         "  website TEXT NOT NULL DEFAULT '',"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX organisation_by_name ON organisation(lower(name));"
         "CREATE INDEX organisation_by_kind ON organisation(kind, lower(name));"
         "CREATE TABLE person ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  name TEXT NOT NULL,"
         "  email TEXT UNIQUE,"
         "  gender TEXT NOT NULL DEFAULT '',"
         "  marginalised_group TEXT NOT NULL DEFAULT '',"
         "  organisation_key INTEGER REFERENCES organisation(key),"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX person_by_name ON person(lower(name));"
         "CREATE INDEX person_by_organisation ON person(organisation_key);"
         "CREATE TABLE membership ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  person_key INTEGER REFERENCES person(key),"
         "  organisation_key INTEGER REFERENCES organisation(key),"
         "  role TEXT NOT NULL CHECK (role IN ('convenor','facilitator','documenter','member',"
         "    'observer')),"
         "  cap_implementation INTEGER NOT NULL DEFAULT 0 CHECK (cap_implementation IN (0,1)),"
         "  cap_regulation INTEGER NOT NULL DEFAULT 0 CHECK (cap_regulation IN (0,1)),"
         "  cap_policy INTEGER NOT NULL DEFAULT 0 CHECK (cap_policy IN (0,1)),"
         "  cap_research INTEGER NOT NULL DEFAULT 0 CHECK (cap_research IN (0,1)),"
         "  cap_documentation INTEGER NOT NULL DEFAULT 0 CHECK (cap_documentation IN (0,1)),"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  CHECK ((person_key IS NULL) <> (organisation_key IS NULL)),"
         "  UNIQUE (platform_key, person_key),"
         "  UNIQUE (platform_key, organisation_key)"
         ") STRICT;"
         "CREATE INDEX membership_by_person ON membership(person_key);"
         /* Covers the member count and the capability mask of a platform. */
         "CREATE INDEX membership_by_platform ON membership(platform_key, cap_implementation,"
         "  cap_regulation, cap_policy, cap_research, cap_documentation);"
         "CREATE INDEX membership_by_organisation ON membership(organisation_key);"
         "CREATE TABLE tombstone ("
         "  id TEXT PRIMARY KEY,"
         "  kind TEXT NOT NULL,"
         "  deleted_at TEXT NOT NULL,"
         "  deleted_by TEXT"
         ") STRICT;"),

    /* 2: accounts, sessions, API tokens, single-use links, sign-in throttling,
     * the audit trail, and whether an alliance is public or members-only. */
    SAME("ALTER TABLE alliance ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public'"
         "  CHECK (visibility IN ('public','members'));"
         "CREATE TABLE account ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  person_key INTEGER NOT NULL UNIQUE REFERENCES person(key),"
         "  password_hash TEXT,"
         "  is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0,1)),"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  signed_in_at TEXT"
         ") STRICT;"
         "CREATE TABLE session ("
         "  key INTEGER PRIMARY KEY,"
         "  token_hash TEXT NOT NULL UNIQUE,"
         "  account_key INTEGER NOT NULL REFERENCES account(key) ON DELETE CASCADE,"
         "  csrf_token TEXT NOT NULL,"
         "  created_at TEXT NOT NULL,"
         "  seen_at TEXT NOT NULL,"
         "  expires_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX session_by_account ON session(account_key);"
         "CREATE TABLE api_token ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  account_key INTEGER NOT NULL REFERENCES account(key) ON DELETE CASCADE,"
         "  label TEXT NOT NULL,"
         "  token_hash TEXT NOT NULL UNIQUE,"
         "  created_at TEXT NOT NULL,"
         "  used_at TEXT,"
         "  revoked_at TEXT"
         ") STRICT;"
         "CREATE INDEX api_token_by_account ON api_token(account_key);"
         "CREATE TABLE link_token ("
         "  key INTEGER PRIMARY KEY,"
         "  token_hash TEXT NOT NULL UNIQUE,"
         "  account_key INTEGER NOT NULL REFERENCES account(key) ON DELETE CASCADE,"
         "  purpose TEXT NOT NULL CHECK (purpose IN ('password','invitation')),"
         "  platform_key INTEGER REFERENCES platform(key) ON DELETE SET NULL,"
         "  created_by INTEGER REFERENCES account(key) ON DELETE SET NULL,"
         "  created_at TEXT NOT NULL,"
         "  expires_at TEXT NOT NULL,"
         "  used_at TEXT"
         ") STRICT;"
         "CREATE INDEX link_token_by_account ON link_token(account_key);"
         "CREATE TABLE throttle ("
         "  subject TEXT PRIMARY KEY,"
         "  window_start TEXT NOT NULL,"
         "  failures INTEGER NOT NULL"
         ") STRICT;"
         "CREATE TABLE audit ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  at TEXT NOT NULL,"
         "  actor_key INTEGER REFERENCES account(key) ON DELETE SET NULL,"
         "  actor_name TEXT NOT NULL,"
         "  action TEXT NOT NULL CHECK (action IN ('create','update','delete')),"
         "  kind TEXT NOT NULL,"
         "  record_id TEXT NOT NULL,"
         "  record_name TEXT NOT NULL,"
         "  alliance_key INTEGER,"
         "  platform_key INTEGER,"
         "  related_alliance_key INTEGER"
         ") STRICT;"
         "CREATE INDEX audit_by_platform ON audit(platform_key, key);"
         "CREATE INDEX audit_by_alliance ON audit(alliance_key, key);"
         "CREATE INDEX audit_by_record ON audit(record_id, key);"
         "CREATE INDEX audit_by_actor ON audit(actor_key, key);"
         "CREATE TABLE audit_change ("
         "  audit_key INTEGER NOT NULL REFERENCES audit(key) ON DELETE CASCADE,"
         "  position INTEGER NOT NULL,"
         "  field TEXT NOT NULL,"
         "  old_value TEXT,"
         "  new_value TEXT,"
         "  PRIMARY KEY (audit_key, position)"
         ") STRICT;"),

    /* 3: where an import holds the platform parents back until every platform
     * is in (transfer.c). Empty outside an import. */
    SAME("CREATE TABLE transfer_parent ("
         "  key INTEGER PRIMARY KEY,"
         "  parent_key INTEGER NOT NULL"
         ") STRICT;"),

    /* 4: lessons learned, with their tags and evidence. */
    SAME("CREATE TABLE lesson ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  title TEXT NOT NULL,"
         "  context TEXT NOT NULL DEFAULT '',"
         "  what_happened TEXT NOT NULL DEFAULT '',"
         "  lesson TEXT NOT NULL,"
         "  recommendation TEXT NOT NULL DEFAULT '',"
         "  outcome TEXT NOT NULL CHECK (outcome IN ('success','failure','mixed')),"
         "  status TEXT NOT NULL CHECK (status IN ('draft','published')),"
         "  visibility TEXT NOT NULL CHECK (visibility IN ('platform','alliance','public')),"
         "  question TEXT NOT NULL DEFAULT '',"
         "  happened_on TEXT NOT NULL,"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  published_at TEXT"
         ") STRICT;"
         "CREATE INDEX lesson_by_platform ON lesson(platform_key, happened_on);"
         "CREATE INDEX lesson_by_date ON lesson(happened_on, key);"
         "CREATE TABLE lesson_tag ("
         "  lesson_key INTEGER NOT NULL REFERENCES lesson(key) ON DELETE CASCADE,"
         "  tag TEXT NOT NULL,"
         "  PRIMARY KEY (lesson_key, tag)"
         ") STRICT;"
         "CREATE INDEX lesson_tag_by_tag ON lesson_tag(tag, lesson_key);"
         "CREATE TABLE lesson_evidence ("
         "  lesson_key INTEGER NOT NULL REFERENCES lesson(key) ON DELETE CASCADE,"
         "  position INTEGER NOT NULL,"
         "  label TEXT NOT NULL,"
         "  url TEXT NOT NULL,"
         "  PRIMARY KEY (lesson_key, position)"
         ") STRICT;"),

    /* 5: the search index over every knowledge item (lessons now; entries,
     * documents and answered enquiries as they come): one row an item with
     * what visibility needs, and its text. The text index differs by engine:
     * FTS5 in SQLite (diacritics removed, prefixes indexed), a tsvector after
     * unaccent in PostgreSQL. */
    {"CREATE TABLE search_item ("
     "  key INTEGER PRIMARY KEY,"
     "  kind TEXT NOT NULL,"
     "  item_key INTEGER NOT NULL,"
     "  item_id TEXT NOT NULL,"
     "  platform_key INTEGER NOT NULL,"
     "  alliance_key INTEGER NOT NULL,"
     "  visibility TEXT NOT NULL,"
     "  published INTEGER NOT NULL,"
     "  author_key INTEGER,"
     "  outcome TEXT NOT NULL DEFAULT '',"
     "  happened_on TEXT NOT NULL,"
     "  title TEXT NOT NULL,"
     "  UNIQUE (kind, item_key)"
     ") STRICT;"
     "CREATE INDEX search_item_by_platform ON search_item(platform_key);"
     "CREATE VIRTUAL TABLE search_text USING fts5(title, body, tags,"
     "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');",
     /* PostgreSQL: the text in a table of its own with its tsvector, weighted
      * title A, tags B, body C, after unaccent (in an immutable wrapper, as an
      * index needs). */
     "CREATE EXTENSION IF NOT EXISTS unaccent;"
     "CREATE OR REPLACE FUNCTION alliance_unaccent(text) RETURNS text"
     "  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT"
     "  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;"
     "CREATE TABLE search_item ("
     "  key BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
     "  kind TEXT NOT NULL,"
     "  item_key BIGINT NOT NULL,"
     "  item_id TEXT NOT NULL,"
     "  platform_key BIGINT NOT NULL,"
     "  alliance_key BIGINT NOT NULL,"
     "  visibility TEXT NOT NULL,"
     "  published BIGINT NOT NULL,"
     "  author_key BIGINT,"
     "  outcome TEXT NOT NULL DEFAULT '',"
     "  happened_on TEXT NOT NULL,"
     "  title TEXT NOT NULL,"
     "  UNIQUE (kind, item_key)"
     ");"
     "CREATE INDEX search_item_by_platform ON search_item(platform_key);"
     "CREATE TABLE search_text ("
     "  key BIGINT PRIMARY KEY REFERENCES search_item(key) ON DELETE CASCADE,"
     "  title TEXT NOT NULL,"
     "  body TEXT NOT NULL,"
     "  tags TEXT NOT NULL,"
     "  document tsvector GENERATED ALWAYS AS ("
     "    setweight(to_tsvector('simple', alliance_unaccent(title)), 'A') ||"
     "    setweight(to_tsvector('simple', alliance_unaccent(tags)), 'B') ||"
     "    setweight(to_tsvector('simple', alliance_unaccent(body)), 'C')) STORED"
     ");"
     "CREATE INDEX search_text_document ON search_text USING GIN (document);",
     NULL},

    /* 6: the process-documentation journal: entries of a platform (an
     * observation, a story of change, a reflection, a quote or a photo) with
     * when, where and who, and their attachments as links. */
    SAME("CREATE TABLE entry ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  kind TEXT NOT NULL CHECK (kind IN ('observation','story','reflection','quote',"
         "    'photo')),"
         "  title TEXT NOT NULL,"
         "  body TEXT NOT NULL DEFAULT '',"
         "  happened_on TEXT NOT NULL,"
         "  place TEXT NOT NULL DEFAULT '',"
         "  people TEXT NOT NULL DEFAULT '',"
         "  visibility TEXT NOT NULL DEFAULT 'platform'"
         "    CHECK (visibility IN ('platform','alliance','public')),"
         "  status TEXT NOT NULL CHECK (status IN ('draft','published')),"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  published_at TEXT"
         ") STRICT;"
         "CREATE INDEX entry_by_platform ON entry(platform_key, happened_on);"
         "CREATE INDEX entry_by_date ON entry(happened_on, key);"
         "CREATE TABLE entry_link ("
         "  entry_key INTEGER NOT NULL REFERENCES entry(key) ON DELETE CASCADE,"
         "  position INTEGER NOT NULL,"
         "  label TEXT NOT NULL,"
         "  url TEXT NOT NULL,"
         "  PRIMARY KEY (entry_key, position)"
         ") STRICT;"),

    /* 7: enquiries to a platform's resource centre: a question from a member
     * (asker_person_key) or a visitor (name and email only), who answers it,
     * the answer, and whether it is published as a frequently asked question.
     * The times give the time to answer. */
    SAME("CREATE TABLE enquiry ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  asker_person_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  asker_name TEXT NOT NULL,"
         "  asker_email TEXT NOT NULL DEFAULT '',"
         "  question TEXT NOT NULL,"
         "  status TEXT NOT NULL CHECK (status IN ('open','assigned','answered','closed')),"
         "  assignee_person_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  answer TEXT NOT NULL DEFAULT '',"
         "  faq INTEGER NOT NULL DEFAULT 0 CHECK (faq IN (0,1)),"
         "  asked_at TEXT NOT NULL,"
         "  assigned_at TEXT,"
         "  answered_at TEXT,"
         "  updated_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX enquiry_by_platform ON enquiry(platform_key, status, asked_at);"
         "CREATE INDEX enquiry_by_faq ON enquiry(platform_key, faq, answered_at);"
         "CREATE INDEX enquiry_by_asker ON enquiry(asker_person_key);"
         "CREATE INDEX enquiry_by_assignee ON enquiry(assignee_person_key);"),

    /* 8: the resource library: files kept by their SHA-256 (store/files.h;
     * the same bytes once), and documents with the Dublin Core elements (date
     * and type as dc_date and dc_type), each a file or a link, never both. */
    SAME("CREATE TABLE file ("
         "  key INTEGER PRIMARY KEY,"
         "  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),"
         "  size INTEGER NOT NULL CHECK (size >= 0),"
         "  media_type TEXT NOT NULL,"
         "  created_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE TABLE document ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  doc_type TEXT NOT NULL CHECK (doc_type IN ('guideline','tool','policy','report',"
         "    'case_study','training_material','other')),"
         "  title TEXT NOT NULL,"
         "  creator TEXT NOT NULL DEFAULT '',"
         "  subject TEXT NOT NULL DEFAULT '',"
         "  description TEXT NOT NULL DEFAULT '',"
         "  publisher TEXT NOT NULL DEFAULT '',"
         "  contributor TEXT NOT NULL DEFAULT '',"
         "  dc_date TEXT NOT NULL DEFAULT '',"
         "  dc_type TEXT NOT NULL DEFAULT '',"
         "  format TEXT NOT NULL DEFAULT '',"
         "  identifier TEXT NOT NULL DEFAULT '',"
         "  source TEXT NOT NULL DEFAULT '',"
         "  language TEXT NOT NULL DEFAULT '',"
         "  relation TEXT NOT NULL DEFAULT '',"
         "  coverage TEXT NOT NULL DEFAULT '',"
         "  rights TEXT NOT NULL DEFAULT '',"
         "  status TEXT NOT NULL CHECK (status IN ('draft','published')),"
         "  visibility TEXT NOT NULL DEFAULT 'alliance'"
         "    CHECK (visibility IN ('platform','alliance','public')),"
         "  file_key INTEGER REFERENCES file(key),"
         "  url TEXT,"
         "  file_name TEXT NOT NULL DEFAULT '',"
         "  extracted_text TEXT NOT NULL DEFAULT '',"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  published_at TEXT,"
         "  CHECK ((file_key IS NULL) <> (url IS NULL))"
         ") STRICT;"
         "CREATE INDEX document_by_platform ON document(platform_key, created_at);"
         "CREATE INDEX document_by_type ON document(doc_type, created_at);"
         "CREATE INDEX document_by_language ON document(language, created_at);"
         "CREATE INDEX document_by_file ON document(file_key);"),

    /* 9: PostgreSQL's search splits words as SQLite's FTS5 does, and folds
     * accents word by word. Before, to_tsvector('simple', …) kept words of
     * addresses and hyphenated words whole (zqword in example.org/zqword.pdf
     * could not be found, "in Kassena-Nankana" as a phrase neither), and the
     * query went through unaccent as a whole string, where ’ became a quote
     * that broke the tsquery's syntax. Now every punctuation character is a
     * space before the words are cut, and the text search configuration
     * alliance_search removes accents from each word, in the document and in
     * the query alike (so ts_headline marks São for sao too). SQLite: nothing. */
    {"",
     "CREATE TEXT SEARCH CONFIGURATION alliance_search (COPY = simple);"
     "ALTER TEXT SEARCH CONFIGURATION alliance_search ALTER MAPPING FOR asciiword, asciihword,"
     "  hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart"
     "  WITH public.unaccent, simple;"
     "CREATE OR REPLACE FUNCTION alliance_words(text) RETURNS text"
     "  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT"
     "  AS $$ SELECT regexp_replace($1, '[!-/:-@\\[-`{-~\\u00A0-\\u00BF\\u00D7\\u00F7"
     "\\u02B9-\\u02DF\\u2000-\\u206F\\u2190-\\u2BFF\\u3000-\\u303F\\uFE30-\\uFE6F"
     "\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65]+', ' ', 'g') $$;"
     "ALTER TABLE search_text DROP COLUMN document;"
     "ALTER TABLE search_text ADD COLUMN document tsvector GENERATED ALWAYS AS ("
     "  setweight(to_tsvector('alliance_search', alliance_words(title)), 'A') ||"
     "  setweight(to_tsvector('alliance_search', alliance_words(tags)), 'B') ||"
     "  setweight(to_tsvector('alliance_search', alliance_words(body)), 'C')) STORED;"
     "CREATE INDEX search_text_document ON search_text USING GIN (document);",
     NULL},

    /* 10: what visibility needs of a deleted item, kept when it leaves the
     * search index: the audit trail goes on hiding entries about a deleted
     * draft (its title, its text) from those who could not read it. */
    SAME("CREATE TABLE retired_item ("
         "  key INTEGER PRIMARY KEY,"
         "  kind TEXT NOT NULL,"
         "  item_id TEXT NOT NULL,"
         "  platform_key INTEGER NOT NULL,"
         "  alliance_key INTEGER NOT NULL,"
         "  visibility TEXT NOT NULL,"
         "  published INTEGER NOT NULL,"
         "  author_key INTEGER,"
         "  UNIQUE (kind, item_id)"
         ") STRICT;"
         "CREATE INDEX retired_item_by_platform ON retired_item(platform_key);"),

    /* 11: shares: a knowledge item (lesson, journal entry, document) sent from
     * a platform up to its parent, down to a child or across to a peer, with
     * a message, with or without naming its author; the receiver's response
     * (acknowledged, discussed, adopted, not relevant) with its note and link;
     * and its withdrawal, which ends the access it gave. The item is named by
     * kind and key (for visibility) and by id (which a deleted item's key,
     * reused, cannot take). */
    SAME("CREATE TABLE share ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  kind TEXT NOT NULL CHECK (kind IN ('lesson','entry','document')),"
         "  item_key INTEGER NOT NULL,"
         "  item_id TEXT NOT NULL,"
         "  from_platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  to_platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  direction TEXT NOT NULL CHECK (direction IN ('up','down','across')),"
         "  message TEXT NOT NULL DEFAULT '',"
         "  attributed INTEGER NOT NULL CHECK (attributed IN (0,1)),"
         "  shared_by_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  shared_at TEXT NOT NULL,"
         "  withdrawn_at TEXT,"
         "  withdrawn_by_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  response TEXT CHECK (response IN ('acknowledged','discussed','adopted',"
         "    'not_relevant')),"
         "  response_note TEXT NOT NULL DEFAULT '',"
         "  response_link TEXT NOT NULL DEFAULT '',"
         "  responded_by_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  responded_at TEXT,"
         "  CHECK (from_platform_key <> to_platform_key),"
         "  CHECK ((response IS NULL) = (responded_at IS NULL))"
         ") STRICT;"
         "CREATE INDEX share_by_item ON share(kind, item_key);"
         "CREATE INDEX share_by_receiver ON share(to_platform_key, shared_at);"
         "CREATE INDEX share_by_sender ON share(from_platform_key, shared_at);"),

    /* 12: private feed addresses (domain/feed.h): a secret a member puts in
     * a feed reader, kept as its SHA-256 only, for one platform's feed or
     * (platform_key NULL) for every feed; revocable. A platform deleted takes
     * its addresses with it (never turning them into addresses for all). */
    SAME("CREATE TABLE feed_token ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  account_key INTEGER NOT NULL REFERENCES account(key) ON DELETE CASCADE,"
         "  platform_key INTEGER REFERENCES platform(key) ON DELETE CASCADE,"
         "  token_hash TEXT NOT NULL UNIQUE,"
         "  created_at TEXT NOT NULL,"
         "  used_at TEXT,"
         "  revoked_at TEXT"
         ") STRICT;"
         "CREATE INDEX feed_token_by_account ON feed_token(account_key);"
         "CREATE INDEX feed_token_by_platform ON feed_token(platform_key);"),

    /* 13: events (domain/event.h): meetings, workshops, field visits,
     * trainings and exchange visits of one or more platforms of an alliance
     * (event_platform; the first is the home platform, whose rules of
     * rights apply), from a start to an end (UTC instants) in a time zone
     * (its IANA name), with agenda and minutes; who attended (a person, or
     * a name as typed) and spoke, with gender and marginalised group as
     * recorded; the decisions taken, and the action items agreed, with an
     * owner, a due date, a status and the later event that followed them up. */
    SAME("CREATE TABLE event ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  alliance_key INTEGER NOT NULL REFERENCES alliance(key),"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  kind TEXT NOT NULL CHECK (kind IN ('meeting','workshop','field_visit','training',"
         "    'exchange_visit')),"
         "  title TEXT NOT NULL,"
         "  starts_at TEXT NOT NULL,"
         "  ends_at TEXT NOT NULL,"
         "  time_zone TEXT NOT NULL,"
         "  place TEXT NOT NULL DEFAULT '',"
         "  facilitator TEXT NOT NULL DEFAULT '',"
         "  agenda TEXT NOT NULL DEFAULT '',"
         "  minutes TEXT NOT NULL DEFAULT '',"
         "  visibility TEXT NOT NULL CHECK (visibility IN ('platform','alliance','public')),"
         "  status TEXT NOT NULL CHECK (status IN ('draft','published')),"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  published_at TEXT,"
         "  CHECK (ends_at >= starts_at)"
         ") STRICT;"
         "CREATE INDEX event_by_start ON event(starts_at, key);"
         "CREATE INDEX event_by_alliance ON event(alliance_key, starts_at);"
         "CREATE TABLE event_platform ("
         "  event_key INTEGER NOT NULL REFERENCES event(key) ON DELETE CASCADE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  position INTEGER NOT NULL,"
         "  PRIMARY KEY (event_key, platform_key)"
         ") STRICT;"
         "CREATE INDEX event_platform_by_platform ON event_platform(platform_key, event_key);"
         "CREATE TABLE attendance ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  event_key INTEGER NOT NULL REFERENCES event(key) ON DELETE CASCADE,"
         "  person_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  name TEXT NOT NULL,"
         "  organisation TEXT NOT NULL DEFAULT '',"
         "  role TEXT NOT NULL DEFAULT '',"
         "  spoke INTEGER NOT NULL CHECK (spoke IN (0,1)),"
         "  gender TEXT NOT NULL DEFAULT '',"
         "  marginalised_group TEXT NOT NULL DEFAULT '',"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  UNIQUE (event_key, person_key)"
         ") STRICT;"
         "CREATE INDEX attendance_by_person ON attendance(person_key);"
         "CREATE TABLE decision ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  event_key INTEGER NOT NULL REFERENCES event(key) ON DELETE CASCADE,"
         "  text TEXT NOT NULL,"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX decision_by_event ON decision(event_key, key);"
         "CREATE TABLE action_item ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  event_key INTEGER NOT NULL REFERENCES event(key) ON DELETE CASCADE,"
         "  title TEXT NOT NULL,"
         "  owner_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  due_on TEXT,"
         "  status TEXT NOT NULL CHECK (status IN ('open','done','dropped')),"
         "  note TEXT NOT NULL DEFAULT '',"
         "  follow_up_key INTEGER REFERENCES event(key) ON DELETE SET NULL,"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  CHECK (follow_up_key IS NULL OR follow_up_key <> event_key)"
         ") STRICT;"
         "CREATE INDEX action_item_by_event ON action_item(event_key, key);"
         "CREATE INDEX action_item_by_owner ON action_item(owner_key, status, due_on);"
         "CREATE INDEX action_item_by_follow_up ON action_item(follow_up_key);"),

    /* 14: monitoring and resources (domain/indicator.h, domain/budget.h):
     * indicators of an alliance, quantitative (unit, baseline, target,
     * direction; values are decimal text, exact as typed) or qualitative (a
     * scale of labelled steps, one a line; values are step numbers), with
     * the rule that rolls them up the hierarchy and their reporting period;
     * observations of a platform for a period, where a correction is a new
     * row that names the one it corrects and only the latest is current;
     * budget lines of a platform by period and category, planned and spent
     * in whole units of a currency; and what a platform needs beyond its
     * budget, and which organisation could bring it. */
    SAME("CREATE TABLE indicator ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  alliance_key INTEGER NOT NULL REFERENCES alliance(key) ON DELETE CASCADE,"
         "  name TEXT NOT NULL,"
         "  description TEXT NOT NULL DEFAULT '',"
         "  kind TEXT NOT NULL CHECK (kind IN ('quantitative','qualitative')),"
         "  unit TEXT NOT NULL DEFAULT '',"
         "  baseline TEXT,"
         "  target TEXT,"
         "  direction TEXT NOT NULL CHECK (direction IN ('increase','decrease')),"
         "  scale TEXT NOT NULL DEFAULT '',"
         "  aggregation TEXT NOT NULL CHECK (aggregation IN ('sum','mean','weighted_mean',"
         "    'min','max','latest')),"
         "  frequency TEXT NOT NULL CHECK (frequency IN ('month','quarter','year')),"
         "  visibility TEXT NOT NULL CHECK (visibility IN ('platform','alliance','public')),"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX indicator_by_alliance ON indicator(alliance_key, lower(name));"
         "CREATE TABLE observation ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  indicator_key INTEGER NOT NULL REFERENCES indicator(key) ON DELETE CASCADE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  period TEXT NOT NULL,"
         "  value TEXT NOT NULL,"
         "  weight TEXT,"
         "  source TEXT NOT NULL DEFAULT '',"
         "  note TEXT NOT NULL DEFAULT '',"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  recorded_at TEXT NOT NULL,"
         "  corrects_key INTEGER REFERENCES observation(key),"
         "  is_current INTEGER NOT NULL CHECK (is_current IN (0,1))"
         ") STRICT;"
         "CREATE UNIQUE INDEX observation_current ON observation(indicator_key, platform_key, "
         "period) WHERE is_current = 1;"
         "CREATE INDEX observation_by_period ON observation(indicator_key, period, platform_key);"
         "CREATE INDEX observation_by_platform ON observation(platform_key, indicator_key);"
         "CREATE TABLE budget_line ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  period TEXT NOT NULL,"
         "  category TEXT NOT NULL CHECK (category IN ('facilitation','documentation','events',"
         "    'research','travel','staff','other')),"
         "  description TEXT NOT NULL DEFAULT '',"
         "  currency TEXT NOT NULL,"
         "  planned INTEGER NOT NULL CHECK (planned >= 0),"
         "  spent INTEGER NOT NULL CHECK (spent >= 0),"
         "  visibility TEXT NOT NULL CHECK (visibility IN ('platform','alliance','public')),"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX budget_line_by_platform ON budget_line(platform_key, period, category);"
         "CREATE TABLE need ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  kind TEXT NOT NULL CHECK (kind IN ('money','expertise','equipment','data')),"
         "  title TEXT NOT NULL,"
         "  description TEXT NOT NULL DEFAULT '',"
         "  provider_key INTEGER REFERENCES organisation(key) ON DELETE SET NULL,"
         "  provider_note TEXT NOT NULL DEFAULT '',"
         "  status TEXT NOT NULL CHECK (status IN ('open','met','dropped')),"
         "  visibility TEXT NOT NULL CHECK (visibility IN ('platform','alliance','public')),"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX need_by_platform ON need(platform_key, status);"),

    /* 15: applications of lessons (domain/application.h): a platform records
     * that a lesson it holds became the basis of a guideline, a policy, a
     * decision or a change of practice, when, by whom, with a link. Removing
     * one marks it removed (the audit trail goes on knowing its lesson);
     * deleting its lesson or its platform deletes it, with a tombstone. */
    SAME("CREATE TABLE application ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  lesson_key INTEGER NOT NULL REFERENCES lesson(key),"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  kind TEXT NOT NULL CHECK (kind IN ('guideline','policy','decision','practice')),"
         "  description TEXT NOT NULL,"
         "  applied_on TEXT NOT NULL,"
         "  applied_by TEXT NOT NULL DEFAULT '',"
         "  link TEXT NOT NULL,"
         "  recorded_by_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  created_at TEXT NOT NULL,"
         "  removed_at TEXT,"
         "  removed_by_key INTEGER REFERENCES person(key) ON DELETE SET NULL"
         ") STRICT;"
         "CREATE INDEX application_by_lesson ON application(lesson_key);"
         "CREATE INDEX application_by_platform ON application(platform_key, applied_on);"),

    /* 16: stakeholder analysis (domain/assessment.h): dated assessments of
     * an organisation or a person, member or not, made on a platform:
     * influence and interest from 1 to 5, needs, demands, expectations, the
     * capabilities and resources they could bring, a marginalised group and
     * notes, kept to the platform unless chosen otherwise; and the members'
     * dated self-assessments of the health of their platform, one condition
     * of a learning collaborative each (domain/health.h). */
    SAME("CREATE TABLE assessment ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  organisation_key INTEGER REFERENCES organisation(key),"
         "  person_key INTEGER REFERENCES person(key),"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  assessed_on TEXT NOT NULL,"
         "  influence INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),"
         "  interest INTEGER NOT NULL CHECK (interest BETWEEN 1 AND 5),"
         "  needs TEXT NOT NULL DEFAULT '',"
         "  demands TEXT NOT NULL DEFAULT '',"
         "  expectations TEXT NOT NULL DEFAULT '',"
         "  resources TEXT NOT NULL DEFAULT '',"
         "  cap_implementation INTEGER NOT NULL DEFAULT 0 CHECK (cap_implementation IN (0,1)),"
         "  cap_regulation INTEGER NOT NULL DEFAULT 0 CHECK (cap_regulation IN (0,1)),"
         "  cap_policy INTEGER NOT NULL DEFAULT 0 CHECK (cap_policy IN (0,1)),"
         "  cap_research INTEGER NOT NULL DEFAULT 0 CHECK (cap_research IN (0,1)),"
         "  cap_documentation INTEGER NOT NULL DEFAULT 0 CHECK (cap_documentation IN (0,1)),"
         "  marginalised_group TEXT NOT NULL DEFAULT '',"
         "  notes TEXT NOT NULL DEFAULT '',"
         "  visibility TEXT NOT NULL CHECK (visibility IN ('platform','alliance','public')),"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  CHECK ((person_key IS NULL) <> (organisation_key IS NULL))"
         ") STRICT;"
         "CREATE INDEX assessment_by_platform ON assessment(platform_key, assessed_on);"
         "CREATE INDEX assessment_by_organisation ON assessment(organisation_key, assessed_on);"
         "CREATE INDEX assessment_by_person ON assessment(person_key, assessed_on);"
         "CREATE TABLE health_check ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  aspect TEXT NOT NULL CHECK (aspect IN ('size','mix','trust','structure',"
         "    'glue')),"
         "  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),"
         "  comment TEXT NOT NULL DEFAULT '',"
         "  assessed_on TEXT NOT NULL,"
         "  created_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX health_check_by_platform ON health_check(platform_key, aspect,"
         "  assessed_on);"),

    /* 17: discussions (domain/discussion.h): a thread on a knowledge item
     * (item_kind and item_key: a lesson, a journal entry, a document; it
     * takes the item's visibility) or a stand-alone thread of a platform
     * (item_kind 'platform', item_key NULL, with a visibility of its own);
     * its replies in Markdown, each perhaps quoting an earlier one, edited
     * (the earlier bodies kept in reply_revision) and hidden by a
     * facilitator with a reason; the people a reply mentions; each reader's
     * read mark (the last reply they saw). Replies are paged by key. */
    SAME("CREATE TABLE discussion ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  item_kind TEXT NOT NULL CHECK (item_kind IN ('platform','lesson','entry',"
         "    'document')),"
         "  item_key INTEGER,"
         "  title TEXT NOT NULL DEFAULT '',"
         "  visibility TEXT CHECK (visibility IN ('platform','alliance','public')),"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  reply_count INTEGER NOT NULL DEFAULT 0,"
         "  last_reply_at TEXT,"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  CHECK ((item_kind = 'platform') = (item_key IS NULL)),"
         "  CHECK ((item_kind = 'platform') = (visibility IS NOT NULL)),"
         "  UNIQUE (item_kind, item_key)"
         ") STRICT;"
         "CREATE INDEX discussion_by_platform ON discussion(platform_key, last_reply_at);"
         "CREATE TABLE reply ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  discussion_key INTEGER NOT NULL REFERENCES discussion(key) ON DELETE CASCADE,"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  quote_key INTEGER REFERENCES reply(key) ON DELETE SET NULL,"
         "  body TEXT NOT NULL,"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  edited_at TEXT,"
         "  hidden_at TEXT,"
         "  hidden_by_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  hidden_reason TEXT NOT NULL DEFAULT ''"
         ") STRICT;"
         "CREATE INDEX reply_by_discussion ON reply(discussion_key, key);"
         "CREATE INDEX reply_by_author ON reply(author_key);"
         "CREATE TABLE reply_revision ("
         "  key INTEGER PRIMARY KEY,"
         "  reply_key INTEGER NOT NULL REFERENCES reply(key) ON DELETE CASCADE,"
         "  body TEXT NOT NULL,"
         "  written_at TEXT NOT NULL,"
         "  replaced_at TEXT NOT NULL,"
         "  replaced_by_key INTEGER REFERENCES person(key) ON DELETE SET NULL"
         ") STRICT;"
         "CREATE INDEX reply_revision_by_reply ON reply_revision(reply_key, key);"
         "CREATE TABLE reply_mention ("
         "  reply_key INTEGER NOT NULL REFERENCES reply(key) ON DELETE CASCADE,"
         "  person_key INTEGER NOT NULL REFERENCES person(key) ON DELETE CASCADE,"
         "  PRIMARY KEY (reply_key, person_key)"
         ") STRICT;"
         "CREATE INDEX reply_mention_by_person ON reply_mention(person_key);"
         "CREATE TABLE discussion_read ("
         "  person_key INTEGER NOT NULL REFERENCES person(key) ON DELETE CASCADE,"
         "  discussion_key INTEGER NOT NULL REFERENCES discussion(key) ON DELETE CASCADE,"
         "  reply_key INTEGER NOT NULL,"
         "  PRIMARY KEY (person_key, discussion_key)"
         ") STRICT;"
         "CREATE INDEX discussion_read_by_discussion ON discussion_read(discussion_key);"),

    /* 18: notifications (domain/notification.h): what happened that a person
     * should know — a mention, a reply in a thread they took part in, a share
     * received by their platform — kept in the application, read or not; and
     * each person's choice per kind (at once, daily, weekly, never). */
    SAME("CREATE TABLE notification ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  person_key INTEGER NOT NULL REFERENCES person(key) ON DELETE CASCADE,"
         "  kind TEXT NOT NULL CHECK (kind IN ('mention','reply','share')),"
         "  actor_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  discussion_key INTEGER REFERENCES discussion(key) ON DELETE CASCADE,"
         "  reply_key INTEGER REFERENCES reply(key) ON DELETE CASCADE,"
         "  share_key INTEGER REFERENCES share(key) ON DELETE CASCADE,"
         "  created_at TEXT NOT NULL,"
         "  read_at TEXT,"
         "  CHECK ((kind = 'share') = (share_key IS NOT NULL)),"
         "  CHECK ((kind = 'share') = (reply_key IS NULL))"
         ") STRICT;"
         "CREATE INDEX notification_by_person ON notification(person_key, key);"
         "CREATE INDEX notification_unread ON notification(person_key, read_at);"
         "CREATE INDEX notification_by_reply ON notification(reply_key);"
         "CREATE INDEX notification_by_share ON notification(share_key);"
         "CREATE TABLE notification_preference ("
         "  person_key INTEGER NOT NULL REFERENCES person(key) ON DELETE CASCADE,"
         "  kind TEXT NOT NULL CHECK (kind IN ('mention','reply','share')),"
         "  delivery TEXT NOT NULL CHECK (delivery IN ('now','daily','weekly','never')),"
         "  PRIMARY KEY (person_key, kind)"
         ") STRICT;"),

    /* 19: the constraints widened (widen_19 above); PostgreSQL names its
     * constraints, so they are dropped and added again. */
    {"",
     "ALTER TABLE share DROP CONSTRAINT share_kind_check,"
     "  ADD CONSTRAINT share_kind_check"
     "  CHECK (kind IN ('lesson','entry','document','event','question'));"
     "ALTER TABLE discussion DROP CONSTRAINT discussion_item_kind_check,"
     "  ADD CONSTRAINT discussion_item_kind_check CHECK (item_kind IN ('platform','lesson',"
     "  'entry','document','event','question','share'));"
     "ALTER TABLE notification DROP CONSTRAINT notification_kind_check,"
     "  ADD CONSTRAINT notification_kind_check CHECK (kind IN ('mention','reply','share',"
     "  'proposal','proposal_closing','action_due','enquiry_assigned')),"
     "  DROP CONSTRAINT notification_check1,"
     "  ADD CONSTRAINT notification_check1"
     "  CHECK ((kind IN ('mention','reply')) = (reply_key IS NOT NULL));"
     "ALTER TABLE notification_preference DROP CONSTRAINT notification_preference_kind_check,"
     "  ADD CONSTRAINT notification_preference_kind_check CHECK (kind IN ('mention','reply',"
     "  'share','proposal','proposal_closing','action_due','enquiry_assigned'));"
     "ALTER TABLE decision ALTER COLUMN event_key DROP NOT NULL;",
     widen_19},

    /* 20: email (domain/mail.h). A notification may be about an enquiry
     * assigned or an action item due (once per item and owner); it keeps how
     * its person chose to hear of it when it was made, and when it went out
     * by email (at once or in a digest). The queue holds one row per message,
     * rendered at its first attempt, with its Message-ID for good; the
     * unsubscribe links of the messages are kept as hashes. */
    SAME("ALTER TABLE notification ADD COLUMN enquiry_key INTEGER"
         "  REFERENCES enquiry(key) ON DELETE CASCADE;"
         "ALTER TABLE notification ADD COLUMN action_item_key INTEGER"
         "  REFERENCES action_item(key) ON DELETE CASCADE;"
         "ALTER TABLE notification ADD COLUMN delivery TEXT NOT NULL DEFAULT 'now'"
         "  CHECK (delivery IN ('now','daily','weekly'));"
         "ALTER TABLE notification ADD COLUMN mailed_at TEXT;"
         "CREATE INDEX notification_waiting ON notification(mailed_at, delivery, person_key);"
         "CREATE INDEX notification_by_enquiry ON notification(enquiry_key);"
         "CREATE UNIQUE INDEX notification_action_due ON notification(action_item_key, "
         "  person_key);"
         "CREATE TABLE mail ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  person_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  address TEXT NOT NULL,"
         /* the kind of its one notification, or daily or weekly: a digest */
         "  kind TEXT NOT NULL,"
         "  notification_key INTEGER REFERENCES notification(key) ON DELETE SET NULL,"
         "  subject TEXT NOT NULL DEFAULT '',"
         "  text_body TEXT NOT NULL DEFAULT '',"
         "  html_body TEXT NOT NULL DEFAULT '',"
         "  message_id TEXT NOT NULL UNIQUE,"
         "  state TEXT NOT NULL CHECK (state IN ('queued','sending','sent','failed','dropped')),"
         "  attempts INTEGER NOT NULL DEFAULT 0,"
         "  next_attempt_at TEXT NOT NULL,"
         "  last_error TEXT NOT NULL DEFAULT '',"
         "  created_at TEXT NOT NULL,"
         "  sent_at TEXT"
         ") STRICT;"
         "CREATE INDEX mail_due ON mail(state, next_attempt_at);"
         "CREATE INDEX mail_by_notification ON mail(notification_key);"
         "CREATE TABLE mail_unsubscribe ("
         "  key INTEGER PRIMARY KEY,"
         "  token_hash TEXT NOT NULL UNIQUE,"
         "  mail_key INTEGER NOT NULL REFERENCES mail(key) ON DELETE CASCADE,"
         "  person_key INTEGER NOT NULL REFERENCES person(key) ON DELETE CASCADE,"
         "  kind TEXT NOT NULL,"
         "  created_at TEXT NOT NULL,"
         "  used_at TEXT"
         ") STRICT;"
         "CREATE INDEX mail_unsubscribe_by_mail ON mail_unsubscribe(mail_key);"),
    /* 21: the learning agenda (domain/question.h): questions of an alliance,
     * owned by one or more of its platforms (the first its home), with the
     * events, lessons and documents linked to them; and the action-research
     * cycles (domain/cycle.h), numbered per question and platform, each with
     * its four steps (plan, act, observe, reflect) and their evidence; and
     * the other platforms of items held by several, for search. */
    SAME("CREATE TABLE question ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  alliance_key INTEGER NOT NULL REFERENCES alliance(key),"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  title TEXT NOT NULL,"
         "  body TEXT NOT NULL DEFAULT '',"
         "  status TEXT NOT NULL CHECK (status IN ('open','exploring','answered','set_aside')),"
         "  visibility TEXT NOT NULL CHECK (visibility IN ('platform','alliance','public')),"
         "  raised_on TEXT NOT NULL,"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL"
         ") STRICT;"
         "CREATE INDEX question_by_alliance ON question(alliance_key, raised_on);"
         "CREATE TABLE question_platform ("
         "  question_key INTEGER NOT NULL REFERENCES question(key) ON DELETE CASCADE,"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  position INTEGER NOT NULL,"
         "  PRIMARY KEY (question_key, platform_key)"
         ") STRICT;"
         "CREATE INDEX question_platform_by_platform ON question_platform(platform_key);"
         "CREATE TABLE question_link ("
         "  question_key INTEGER NOT NULL REFERENCES question(key) ON DELETE CASCADE,"
         "  kind TEXT NOT NULL CHECK (kind IN ('event','lesson','document')),"
         "  item_key INTEGER NOT NULL,"
         "  created_at TEXT NOT NULL,"
         "  PRIMARY KEY (question_key, kind, item_key)"
         ") STRICT;"
         "CREATE INDEX question_link_by_item ON question_link(kind, item_key);"
         "CREATE TABLE cycle ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  question_key INTEGER NOT NULL REFERENCES question(key),"
         "  platform_key INTEGER NOT NULL REFERENCES platform(key),"
         "  number INTEGER NOT NULL CHECK (number > 0),"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  UNIQUE (question_key, platform_key, number)"
         ") STRICT;"
         "CREATE INDEX cycle_by_platform ON cycle(platform_key);"
         "CREATE TABLE cycle_step ("
         "  cycle_key INTEGER NOT NULL REFERENCES cycle(key) ON DELETE CASCADE,"
         "  step TEXT NOT NULL CHECK (step IN ('plan','act','observe','reflect')),"
         "  text TEXT NOT NULL DEFAULT '',"
         "  starts_on TEXT,"
         "  ends_on TEXT,"
         "  PRIMARY KEY (cycle_key, step)"
         ") STRICT;"
         "CREATE TABLE cycle_evidence ("
         "  cycle_key INTEGER NOT NULL REFERENCES cycle(key) ON DELETE CASCADE,"
         "  step TEXT NOT NULL CHECK (step IN ('plan','act','observe','reflect')),"
         "  position INTEGER NOT NULL,"
         "  label TEXT NOT NULL,"
         "  url TEXT NOT NULL,"
         "  PRIMARY KEY (cycle_key, step, position)"
         ") STRICT;"
         /* The other platforms of an item held by several (a joint event, a
          * question's owners) in the search index, for its visibility. */
         "CREATE TABLE search_platform ("
         "  search_key INTEGER NOT NULL REFERENCES search_item(key) ON DELETE CASCADE,"
         "  platform_key INTEGER NOT NULL,"
         "  PRIMARY KEY (search_key, platform_key)"
         ") STRICT;"),

    /* 22: proposals in discussions (domain/proposal.h): a proposal of a
     * thread, opened by a facilitator, with a process (consent, a vote
     * between options, a score of each option within score_min..score_max),
     * a closing instant (closes_at, UTC) given in a time zone, whether
     * results show while it is open, when it was closed early (closed_at)
     * and the closing reminder sent (reminded_at), and the outcome statement;
     * its options by position; one answer per person (a consent choice with
     * a reason, an option, or scores in proposal_score). A decision records
     * the outcome as a decision of an event or of the platform
     * (decision.platform_key), linking back to the proposal; a notification
     * names the proposal it is about. */
    SAME("CREATE TABLE proposal ("
         "  key INTEGER PRIMARY KEY,"
         "  id TEXT NOT NULL UNIQUE,"
         "  discussion_key INTEGER NOT NULL REFERENCES discussion(key) ON DELETE CASCADE,"
         "  author_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  title TEXT NOT NULL,"
         "  body TEXT NOT NULL DEFAULT '',"
         "  process TEXT NOT NULL CHECK (process IN ('consent','vote','score')),"
         "  score_min INTEGER NOT NULL DEFAULT 0,"
         "  score_max INTEGER NOT NULL DEFAULT 0,"
         "  closes_at TEXT NOT NULL,"
         "  time_zone TEXT NOT NULL,"
         "  results_open INTEGER NOT NULL CHECK (results_open IN (0,1)),"
         "  closed_at TEXT,"
         "  closed_by_key INTEGER REFERENCES person(key) ON DELETE SET NULL,"
         "  reminded_at TEXT,"
         "  outcome TEXT NOT NULL DEFAULT '',"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  CHECK (score_min <= score_max)"
         ") STRICT;"
         "CREATE INDEX proposal_by_discussion ON proposal(discussion_key, key);"
         "CREATE INDEX proposal_by_closing ON proposal(closes_at);"
         "CREATE TABLE proposal_option ("
         "  proposal_key INTEGER NOT NULL REFERENCES proposal(key) ON DELETE CASCADE,"
         "  position INTEGER NOT NULL CHECK (position >= 0 AND position < 20),"
         "  label TEXT NOT NULL,"
         "  PRIMARY KEY (proposal_key, position)"
         ") STRICT;"
         "CREATE TABLE proposal_answer ("
         "  key INTEGER PRIMARY KEY,"
         "  proposal_key INTEGER NOT NULL REFERENCES proposal(key) ON DELETE CASCADE,"
         "  person_key INTEGER NOT NULL REFERENCES person(key) ON DELETE CASCADE,"
         "  choice TEXT CHECK (choice IN ('agree','abstain','disagree','block')),"
         "  option_position INTEGER,"
         "  reason TEXT NOT NULL DEFAULT '',"
         "  created_at TEXT NOT NULL,"
         "  updated_at TEXT NOT NULL,"
         "  UNIQUE (proposal_key, person_key)"
         ") STRICT;"
         "CREATE INDEX proposal_answer_by_person ON proposal_answer(person_key);"
         "CREATE TABLE proposal_score ("
         "  answer_key INTEGER NOT NULL REFERENCES proposal_answer(key) ON DELETE CASCADE,"
         "  position INTEGER NOT NULL,"
         "  score INTEGER NOT NULL,"
         "  PRIMARY KEY (answer_key, position)"
         ") STRICT;"
         "ALTER TABLE decision ADD COLUMN platform_key INTEGER REFERENCES platform(key);"
         "ALTER TABLE decision ADD COLUMN proposal_key INTEGER REFERENCES proposal(key) "
         "  ON DELETE SET NULL;"
         "CREATE INDEX decision_by_platform ON decision(platform_key, key);"
         "CREATE INDEX decision_by_proposal ON decision(proposal_key);"
         "ALTER TABLE notification ADD COLUMN proposal_key INTEGER REFERENCES proposal(key) "
         "  ON DELETE CASCADE;"
         "CREATE INDEX notification_by_proposal ON notification(proposal_key);"),

    /* 23: the order of a platform's members kept with them (schema.h): the
     * name they go by, and an index of the default order. */
    SAME("ALTER TABLE membership ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';"
         "UPDATE membership SET sort_name = " MEMBERSHIP_SORT_NAME ";"
         "CREATE INDEX membership_in_order ON membership(platform_key, (" MEMBERSHIP_ROLE_RANK(
             "role") "), sort_name, key);"),

    /* 24: what deciding who may read a lesson, a document or a journal entry
     * needs, in an index of each, so that counting those of an alliance reads
     * the index and not the records (whose text runs to kilobytes). */
    SAME("CREATE INDEX lesson_seen ON lesson(platform_key, status, visibility, author_key, "
         "happened_on, outcome, question);"
         "CREATE INDEX document_seen ON document(platform_key, status, visibility, author_key);"
         "CREATE INDEX entry_seen ON entry(platform_key, status, visibility, author_key, "
         "happened_on);"),
};

#define MIGRATION_COUNT ((int)(sizeof migrations / sizeof migrations[0]))

int schema_latest(void)
{
    return MIGRATION_COUNT;
}

int schema_version(struct db *db)
{
    if (db_exec_schema(db,
                       "CREATE TABLE IF NOT EXISTS schema_version ("
                       "  version INTEGER NOT NULL, applied_at TEXT NOT NULL) STRICT") != DB_DONE)
        return -1;
    struct db_stmt *st = db_prepare(db, "SELECT coalesce(max(version), 0) FROM schema_version");
    int version = db_step(st) == DB_ROW ? (int)db_column_int(st, 0) : -1;
    db_done(st);
    return version;
}

/* edit_tables applies a migration's table edits (SQLite only), within the
 * migration's transaction, and makes every connection read the tables again
 * (the schema cookie moves on). */
static int edit_tables(struct db *db, const struct table_edit *edits)
{
    if (db_exec(db, "PRAGMA writable_schema=ON") != DB_DONE)
        return -1;
    int rc = 0;
    for (const struct table_edit *e = edits; e->table && rc == 0; e++) {
        struct db_stmt *st = db_prepare(db, "UPDATE sqlite_schema SET sql = replace(sql, ?, ?) "
                                            "WHERE type = 'table' AND name = ? AND "
                                            "instr(sql, ?) > 0");
        db_bind_text(st, 1, e->from);
        db_bind_text(st, 2, e->to);
        db_bind_text(st, 3, e->table);
        db_bind_text(st, 4, e->from);
        if (db_step(st) != DB_DONE || db_changes(db) != 1) {
            fprintf(stderr, "alliance: the table %s has no \"%s\" to change\n", e->table, e->from);
            rc = -1;
        }
        db_done(st);
    }
    struct db_stmt *st = db_prepare(db, "PRAGMA schema_version");
    int64_t cookie = rc == 0 && db_step(st) == DB_ROW ? db_column_int(st, 0) : -1;
    db_done(st);
    char bump[64];
    snprintf(bump, sizeof bump, "PRAGMA schema_version=%lld", (long long)cookie + 1);
    if (cookie < 0 || db_exec(db, bump) != DB_DONE)
        rc = -1;
    if (db_exec(db, "PRAGMA writable_schema=OFF") != DB_DONE)
        rc = -1;
    return rc;
}

int schema_migrate(struct db *db)
{
    int version = schema_version(db);
    if (version < 0) {
        fprintf(stderr, "alliance: cannot read the schema version: %s\n", db_errmsg(db));
        return -1;
    }
    if (version > MIGRATION_COUNT) {
        fprintf(stderr,
                "alliance: the database is at schema version %d, newer than this program "
                "(%d); use a newer alliance\n",
                version, MIGRATION_COUNT);
        return -1;
    }
    for (int v = version; v < MIGRATION_COUNT; v++) {
        const char *postgres = migrations[v].postgres;
        bool pg = db_dialect_postgres(db);
        if (db_begin(db) != DB_DONE ||
            (pg && postgres ? db_exec(db, postgres) : db_exec_schema(db, migrations[v].sql)) !=
                DB_DONE ||
            (!pg && migrations[v].edits && edit_tables(db, migrations[v].edits) != 0))
            goto fail;
        char now[32];
        clock_now_iso(now, sizeof now);
        struct db_stmt *st =
            db_prepare(db, "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)");
        db_bind_int(st, 1, v + 1);
        db_bind_text(st, 2, now);
        int rc = db_step(st);
        db_done(st);
        if (rc != DB_DONE || db_commit(db) != DB_DONE)
            goto fail;
        continue;
    fail:
        fprintf(stderr, "alliance: migration %d failed: %s\n", v + 1, db_errmsg(db));
        db_rollback(db);
        return -1;
    }
    return 0;
}
