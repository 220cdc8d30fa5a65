/*
 * store/proposal.c — proposals, their options, answers and scores, and the
 * decisions of a platform they record (store/proposal.h).
 */
#include "store/proposal.h"

#include "core/arena.h"
#include "core/id.h"
#include "core/str.h"
#include "store/row.h"
#include "store/store.h"

#include <string.h>

/* The author (au) is joined where the reader may know them: parameter 3
 * holds the item author the reader may not know (0: none). The decision is
 * the first one recording the proposal; its event is checked by the caller. */
#define PROPOSAL_COLUMNS                                                                           \
    "pr.key, pr.id, pr.discussion_key, coalesce(au.key, 0), au.id, au.name, pr.title, pr.body, "   \
    "pr.process, pr.score_min, pr.score_max, pr.closes_at, pr.time_zone, pr.results_open, "        \
    "pr.closed_at, pr.outcome, pr.created_at, pr.updated_at, dc.id, dce.id, dce.title, "           \
    "(SELECT count(*) FROM proposal_answer pa WHERE pa.proposal_key = pr.key) "
#define PROPOSAL_FROM                                                                              \
    "FROM proposal pr LEFT JOIN person au ON au.key = pr.author_key AND au.key <> ? AND "          \
    "" ROW_VISIBLE_PERSON("au") " LEFT JOIN decision dc ON dc.key = (SELECT min(x.key) FROM "      \
                                "decision x WHERE x.proposal_key = pr.key) LEFT JOIN event dce "   \
                                "ON dce.key = dc.event_key "

static void proposal_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct proposal *p = item;
    p->key = db_column_int(st, 0);
    p->id = row_text(c, st, 1);
    p->discussion_key = db_column_int(st, 2);
    p->author_key = db_column_int(st, 3);
    p->author_id = row_text_or_null(c, st, 4);
    p->author_name = row_text_or_null(c, st, 5);
    p->title = row_text(c, st, 6);
    p->body = row_text(c, st, 7);
    p->process = row_text(c, st, 8);
    p->score_min = (int)db_column_int(st, 9);
    p->score_max = (int)db_column_int(st, 10);
    p->closes_at = row_text(c, st, 11);
    p->time_zone = row_text(c, st, 12);
    p->results_open = db_column_int(st, 13) != 0;
    p->closed_at = row_text_or_null(c, st, 14);
    p->outcome = row_text(c, st, 15);
    p->created_at = row_text(c, st, 16);
    p->updated_at = row_text(c, st, 17);
    p->decision_id = row_text_or_null(c, st, 18);
    p->decision_event_id = row_text_or_null(c, st, 19);
    p->decision_event_title = row_text_or_null(c, st, 20);
    p->answer_count = db_column_int(st, 21);
}

/* options_load reads the options of a proposal. */
static enum status options_load(struct ctx *c, struct proposal *p)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT position, label FROM proposal_option WHERE "
                                           "proposal_key = ? ORDER BY position");
    db_bind_int(st, 1, p->key);
    p->options = arena_array(c->arena, PROPOSAL_OPTIONS_MAX, sizeof *p->options);
    p->option_count = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t position = db_column_int(st, 0);
        if (position < 0 || position >= PROPOSAL_OPTIONS_MAX)
            continue;
        p->options[position] = row_text(c, st, 1);
        if (position + 1 > p->option_count)
            p->option_count = (int)position + 1;
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status store_proposal_list(struct ctx *c, const struct discussion *d,
                                struct proposal_list *out)
{
    struct db_stmt *st =
        db_prepare(c->db, ROW_VIEWER "SELECT " PROPOSAL_COLUMNS PROPOSAL_FROM
                                     "WHERE pr.discussion_key = ? ORDER BY pr.key DESC LIMIT 200");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, d->unknown_author_key);
    db_bind_int(st, 4, d->key);
    enum status s = row_all(c, st, 200, sizeof *out->items, proposal_row, &out->items, &out->count);
    for (int i = 0; s == STATUS_OK && i < out->count; i++) {
        out->items[i].discussion_id = d->id;
        s = options_load(c, &out->items[i]);
    }
    return s;
}

enum status store_proposal_get(struct ctx *c, const char *id, const struct discussion *d,
                               struct proposal **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " PROPOSAL_COLUMNS PROPOSAL_FROM
                                                      "WHERE pr.id = ? AND pr.discussion_key = ?");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, d->unknown_author_key);
    db_bind_text(st, 4, id);
    db_bind_int(st, 5, d->key);
    enum status s = row_one(c, st, sizeof(struct proposal), proposal_row, out);
    if (s != STATUS_OK)
        return s;
    (*out)->discussion_id = d->id;
    return options_load(c, *out);
}

char *store_proposal_thread_id(struct ctx *c, const char *proposal_id)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT dn.id FROM proposal pr JOIN discussion dn ON dn.key = pr.discussion_key "
               "WHERE pr.id = ?");
    db_bind_text(st, 1, proposal_id);
    char *id = db_step(st) == DB_ROW ? row_text(c, st, 0) : NULL;
    db_done(st);
    return id;
}

int64_t store_proposal_open_count(struct ctx *c, int64_t discussion_key, const char *now)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT count(*) FROM proposal WHERE discussion_key = ? AND "
                          "closed_at IS NULL AND closes_at > ?");
    db_bind_int(st, 1, discussion_key);
    db_bind_text(st, 2, now);
    return row_count(st);
}

enum status store_proposal_insert(struct ctx *c, struct proposal *p)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO proposal (id, discussion_key, author_key, title, body, process, "
               "score_min, score_max, closes_at, time_zone, results_open, created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, p->discussion_key);
    db_bind_key(st, 3, p->author_key);
    db_bind_text(st, 4, p->title);
    db_bind_text(st, 5, p->body);
    db_bind_text(st, 6, p->process);
    db_bind_int(st, 7, p->score_min);
    db_bind_int(st, 8, p->score_max);
    db_bind_text(st, 9, p->closes_at);
    db_bind_text(st, 10, p->time_zone);
    db_bind_int(st, 11, p->results_open ? 1 : 0);
    db_bind_text(st, 12, now);
    db_bind_text(st, 13, now);
    enum status s = row_insert(c, st, &p->key);
    if (s != STATUS_OK)
        return s;
    p->id = arena_strdup(c->arena, id);
    p->created_at = p->updated_at = arena_strdup(c->arena, now);
    for (int i = 0; s == STATUS_OK && i < p->option_count; i++) {
        st = db_prepare(c->db, "INSERT INTO proposal_option (proposal_key, position, label) "
                               "VALUES (?, ?, ?)");
        db_bind_int(st, 1, p->key);
        db_bind_int(st, 2, i);
        db_bind_text(st, 3, p->options[i]);
        s = row_write(c, st);
    }
    return s;
}

enum status store_proposal_answer_save(struct ctx *c, const struct proposal *p,
                                       const struct proposal_answer *a)
{
    char now[32];
    row_now(now);
    bool vote = str_eq(p->process, "vote"), consent = str_eq(p->process, "consent");
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO proposal_answer (proposal_key, person_key, choice, option_position, "
               "reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
               "(proposal_key, person_key) DO UPDATE SET choice = excluded.choice, "
               "option_position = excluded.option_position, reason = excluded.reason, "
               "updated_at = excluded.updated_at RETURNING key");
    db_bind_int(st, 1, p->key);
    db_bind_int(st, 2, a->person_key);
    if (consent)
        db_bind_text(st, 3, a->choice);
    else
        db_bind_null(st, 3);
    if (vote)
        db_bind_int(st, 4, a->option);
    else
        db_bind_null(st, 4);
    db_bind_text(st, 5, a->reason ? a->reason : "");
    db_bind_text(st, 6, now);
    db_bind_text(st, 7, now);
    int64_t key = 0;
    enum status s = row_insert(c, st, &key);
    if (s != STATUS_OK || !str_eq(p->process, "score"))
        return s;
    s = row_exec_key(c, "DELETE FROM proposal_score WHERE answer_key = ?", key);
    for (int i = 0; s == STATUS_OK && i < p->option_count; i++) {
        st = db_prepare(
            c->db, "INSERT INTO proposal_score (answer_key, position, score) VALUES (?, ?, ?)");
        db_bind_int(st, 1, key);
        db_bind_int(st, 2, i);
        db_bind_int(st, 3, a->scores[i]);
        s = row_write(c, st);
    }
    return s;
}

static void answer_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct proposal_answer *a = item;
    a->person_key = db_column_int(st, 0);
    a->person_id = row_text_or_null(c, st, 1);
    a->person_name = row_text_or_null(c, st, 2);
    a->choice = row_text_or_null(c, st, 3);
    a->option = db_column_is_null(st, 4) ? -1 : (int)db_column_int(st, 4);
    a->reason = row_text(c, st, 5);
    a->updated_at = row_text(c, st, 6);
    a->scores = NULL;
}

/* scores_load reads the scores of the answers of a score proposal. */
static enum status scores_load(struct ctx *c, const struct proposal *p,
                               struct proposal_answer_list *out)
{
    for (int i = 0; i < out->count; i++)
        out->items[i].scores = arena_array(c->arena, PROPOSAL_OPTIONS_MAX, sizeof(int));
    struct db_stmt *st =
        db_prepare(c->db, "SELECT pa.person_key, ps.position, ps.score FROM proposal_score ps JOIN "
                          "proposal_answer pa ON pa.key = ps.answer_key WHERE pa.proposal_key = ?");
    db_bind_int(st, 1, p->key);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t person = db_column_int(st, 0), position = db_column_int(st, 1);
        if (position < 0 || position >= PROPOSAL_OPTIONS_MAX)
            continue;
        for (int i = 0; i < out->count; i++)
            if (out->items[i].person_key == person)
                out->items[i].scores[position] = (int)db_column_int(st, 2);
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status store_proposal_answers(struct ctx *c, const struct discussion *d,
                                   const struct proposal *p, int64_t person_key,
                                   struct proposal_answer_list *out)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT pa.person_key, pe.id, pe.name, pa.choice, pa.option_position, "
                          "pa.reason, pa.updated_at FROM proposal_answer pa LEFT JOIN person pe "
                          "ON pe.key = pa.person_key AND pe.key <> ? AND " ROW_VISIBLE_PERSON(
                              "pe") " WHERE pa.proposal_key = ? AND (? = 0 OR pa.person_key = ?) "
                                    "ORDER BY pa.key LIMIT 5000");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, d->unknown_author_key);
    db_bind_int(st, 4, p->key);
    db_bind_int(st, 5, person_key);
    db_bind_int(st, 6, person_key);
    enum status s = row_all(c, st, 5000, sizeof *out->items, answer_row, &out->items, &out->count);
    if (s == STATUS_OK && str_eq(p->process, "score"))
        s = scores_load(c, p, out);
    return s;
}

enum status store_proposal_close(struct ctx *c, struct proposal *p, int64_t by_person_key)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE proposal SET closed_at = ?, closed_by_key = ?, "
                                           "updated_at = ? WHERE key = ?");
    db_bind_text(st, 1, now);
    db_bind_key(st, 2, by_person_key);
    db_bind_text(st, 3, now);
    db_bind_int(st, 4, p->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        p->closed_at = p->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_proposal_outcome(struct ctx *c, struct proposal *p, const char *outcome)
{
    char now[32];
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "UPDATE proposal SET outcome = ?, updated_at = ? WHERE key = ?");
    db_bind_text(st, 1, outcome);
    db_bind_text(st, 2, now);
    db_bind_int(st, 3, p->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK) {
        p->outcome = arena_strdup(c->arena, outcome);
        p->updated_at = arena_strdup(c->arena, now);
    }
    return s;
}

enum status store_proposal_decision_insert(struct ctx *c, int64_t platform_key,
                                           const struct proposal *p, const char *text,
                                           char **id_out)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "INSERT INTO decision (id, event_key, platform_key, proposal_key, text, "
                          "created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?, ?)");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, platform_key);
    db_bind_int(st, 3, p->key);
    db_bind_text(st, 4, text);
    db_bind_text(st, 5, now);
    db_bind_text(st, 6, now);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        *id_out = arena_strdup(c->arena, id);
    return s;
}

static void person_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct proposal_person *pp = item;
    pp->key = db_column_int(st, 0);
    pp->id = row_text_or_null(c, st, 1);
    pp->name = row_text_or_null(c, st, 2);
}

enum status store_proposal_members(struct ctx *c, int64_t platform_key, int64_t unknown_key,
                                   int max, struct proposal_person_list *out)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT m.person_key, pe.id, pe.name FROM (SELECT DISTINCT person_key "
                          "FROM membership WHERE platform_key = ? AND person_key IS NOT NULL) m "
                          "LEFT JOIN person pe ON pe.key = m.person_key AND pe.key <> ? AND "
                          "" ROW_VISIBLE_PERSON("pe") " ORDER BY m.person_key LIMIT ?");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, platform_key);
    db_bind_int(st, 4, unknown_key);
    db_bind_int(st, 5, max);
    return row_all(c, st, max, sizeof *out->items, person_row, &out->items, &out->count);
}

bool store_proposal_answered(struct ctx *c, int64_t proposal_key, int64_t person_key)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT count(*) FROM proposal_answer WHERE proposal_key = ? AND person_key = ?");
    db_bind_int(st, 1, proposal_key);
    db_bind_int(st, 2, person_key);
    return row_count(st) > 0;
}

int store_proposal_due(struct ctx *c, const char *now, const char *until, int64_t *keys,
                       int64_t *discussion_keys, int64_t *platform_keys, int max)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT pr.key, pr.discussion_key, dn.platform_key FROM proposal pr JOIN "
               "discussion dn ON dn.key = pr.discussion_key WHERE pr.closes_at > ? AND "
               "pr.closes_at <= ? AND pr.closed_at IS NULL AND pr.reminded_at IS NULL ORDER BY "
               "pr.closes_at LIMIT ?");
    db_bind_text(st, 1, now);
    db_bind_text(st, 2, until);
    db_bind_int(st, 3, max);
    int n = 0;
    while (n < max && db_step(st) == DB_ROW) {
        keys[n] = db_column_int(st, 0);
        discussion_keys[n] = db_column_int(st, 1);
        platform_keys[n] = db_column_int(st, 2);
        n++;
    }
    db_done(st);
    return n;
}

enum status store_proposal_reminded(struct ctx *c, int64_t proposal_key, const char *now,
                                    bool *mine)
{
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE proposal SET reminded_at = ? WHERE key = ? AND reminded_at IS NULL");
    db_bind_text(st, 1, now);
    db_bind_int(st, 2, proposal_key);
    enum status s = row_write(c, st);
    *mine = s == STATUS_OK && db_changes(c->db) > 0;
    return s;
}

enum status store_proposal_backdate(struct ctx *c, int64_t proposal_key, const char *opened_at,
                                    const char *closes_at)
{
    static const char *const statements[] = {
        "UPDATE proposal SET created_at = ?1, updated_at = ?2, closes_at = ?2, reminded_at = "
        "CASE WHEN reminded_at IS NULL THEN NULL ELSE ?1 END WHERE key = ?3",
        "UPDATE proposal_answer SET created_at = ?1, updated_at = ?1 WHERE proposal_key = ?3 AND "
        "?2 <> ''",
        "UPDATE notification SET created_at = ?1 WHERE proposal_key = ?3 AND ?2 <> ''",
        "UPDATE decision SET created_at = ?2, updated_at = ?2 WHERE proposal_key = ?3 AND ?1 <> ''",
    };
    enum status s = STATUS_OK;
    for (size_t i = 0; s == STATUS_OK && i < sizeof statements / sizeof statements[0]; i++) {
        struct db_stmt *st = db_prepare(c->db, statements[i]);
        db_bind_text(st, 1, opened_at);
        db_bind_text(st, 2, closes_at);
        db_bind_int(st, 3, proposal_key);
        s = row_write(c, st);
    }
    return s;
}
