/*
 * store/transfer.c — see transfer.h. The column lists are explicit, so that
 * both engines give the columns in the same order and an export made on one is
 * read by the other.
 */
#include "store/transfer.h"

#include "core/arena.h"
#include "core/str.h"
#include "store/db.h"
#include "store/row.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

#define I(n)                                                                                       \
    {                                                                                              \
        n, TRANSFER_INT, false                                                                     \
    }
#define IN(n)                                                                                      \
    {                                                                                              \
        n, TRANSFER_INT, true                                                                      \
    }
#define T(n)                                                                                       \
    {                                                                                              \
        n, TRANSFER_TEXT, false                                                                    \
    }
#define TN(n)                                                                                      \
    {                                                                                              \
        n, TRANSFER_TEXT, true                                                                     \
    }

static const struct transfer_table tables[] = {
    {"alliance",
     "key",
     11,
     {I("key"), T("id"), T("slug"), T("name"), T("going_in_issue"), T("vision"), T("principles"),
      T("time_zone"), T("created_at"), T("updated_at"), T("visibility")}},
    {"alliance_level", "alliance_key, depth", 3, {I("alliance_key"), I("depth"), T("label")}},
    {"organisation",
     "key",
     8,
     {I("key"), T("id"), T("name"), T("kind"), T("description"), T("website"), T("created_at"),
      T("updated_at")}},
    {"person",
     "key",
     9,
     {I("key"), T("id"), T("name"), TN("email"), T("gender"), T("marginalised_group"),
      IN("organisation_key"), T("created_at"), T("updated_at")}},
    {"platform",
     "key",
     10,
     {I("key"), T("id"), I("alliance_key"), I("depth"), IN("parent_key"), T("name"), T("place"),
      T("description"), T("created_at"), T("updated_at")}},
    {"platform_link",
     "key",
     6,
     {I("key"), T("id"), I("a_key"), I("b_key"), T("note"), T("created_at")}},
    {"membership",
     "key",
     13,
     {I("key"), T("id"), I("platform_key"), IN("person_key"), IN("organisation_key"), T("role"),
      I("cap_implementation"), I("cap_regulation"), I("cap_policy"), I("cap_research"),
      I("cap_documentation"), T("created_at"), T("updated_at")}},
    {"account",
     "key",
     8,
     {I("key"), T("id"), I("person_key"), TN("password_hash"), I("is_admin"), T("created_at"),
      T("updated_at"), TN("signed_in_at")}},
    {"api_token",
     "key",
     8,
     {I("key"), T("id"), I("account_key"), T("label"), T("token_hash"), T("created_at"),
      TN("used_at"), TN("revoked_at")}},
    /* Private feed addresses go with API tokens (their hashes only: an export
     * opens no feed), so that feed readers go on working after a move. */
    {"feed_token",
     "key",
     8,
     {I("key"), T("id"), I("account_key"), IN("platform_key"), T("token_hash"), T("created_at"),
      TN("used_at"), TN("revoked_at")}},
    {"audit",
     "key",
     12,
     {I("key"), T("id"), T("at"), IN("actor_key"), T("actor_name"), T("action"), T("kind"),
      T("record_id"), T("record_name"), IN("alliance_key"), IN("platform_key"),
      IN("related_alliance_key")}},
    {"audit_change",
     "audit_key, position",
     5,
     {I("audit_key"), I("position"), T("field"), TN("old_value"), TN("new_value")}},
    {"lesson",
     "key",
     17,
     {I("key"), T("id"), I("platform_key"), IN("author_key"), T("title"), T("context"),
      T("what_happened"), T("lesson"), T("recommendation"), T("outcome"), T("status"),
      T("visibility"), T("question"), T("happened_on"), T("created_at"), T("updated_at"),
      TN("published_at")}},
    {"lesson_tag", "lesson_key, tag", 2, {I("lesson_key"), T("tag")}},
    {"lesson_evidence",
     "lesson_key, position",
     4,
     {I("lesson_key"), I("position"), T("label"), T("url")}},
    {"entry",
     "key",
     15,
     {I("key"), T("id"), I("platform_key"), IN("author_key"), T("kind"), T("title"), T("body"),
      T("happened_on"), T("place"), T("people"), T("visibility"), T("status"), T("created_at"),
      T("updated_at"), TN("published_at")}},
    {"entry_link", "entry_key, position", 4, {I("entry_key"), I("position"), T("label"), T("url")}},
    {"enquiry",
     "key",
     15,
     {I("key"), T("id"), I("platform_key"), IN("asker_person_key"), T("asker_name"),
      T("asker_email"), T("question"), T("status"), IN("assignee_person_key"), T("answer"),
      I("faq"), T("asked_at"), TN("assigned_at"), TN("answered_at"), T("updated_at")}},
    {"file", "key", 5, {I("key"), T("sha256"), I("size"), T("media_type"), T("created_at")}},
    {"document", "key", 29, {I("key"),          T("id"),
                             I("platform_key"), IN("author_key"),
                             T("doc_type"),     T("title"),
                             T("creator"),      T("subject"),
                             T("description"),  T("publisher"),
                             T("contributor"),  T("dc_date"),
                             T("dc_type"),      T("format"),
                             T("identifier"),   T("source"),
                             T("language"),     T("relation"),
                             T("coverage"),     T("rights"),
                             T("status"),       T("visibility"),
                             IN("file_key"),    TN("url"),
                             T("file_name"),    T("extracted_text"),
                             T("created_at"),   T("updated_at"),
                             TN("published_at")}},
    {"event",
     "key",
     19,
     {I("key"), T("id"), I("alliance_key"), I("platform_key"), IN("author_key"), T("kind"),
      T("title"), T("starts_at"), T("ends_at"), T("time_zone"), T("place"), T("facilitator"),
      T("agenda"), T("minutes"), T("visibility"), T("status"), T("created_at"), T("updated_at"),
      TN("published_at")}},
    {"event_platform",
     "event_key, platform_key",
     3,
     {I("event_key"), I("platform_key"), I("position")}},
    {"attendance",
     "key",
     12,
     {I("key"), T("id"), I("event_key"), IN("person_key"), T("name"), T("organisation"), T("role"),
      I("spoke"), T("gender"), T("marginalised_group"), T("created_at"), T("updated_at")}},
    {"action_item",
     "key",
     11,
     {I("key"), T("id"), I("event_key"), T("title"), IN("owner_key"), TN("due_on"), T("status"),
      T("note"), IN("follow_up_key"), T("created_at"), T("updated_at")}},
    {"question",
     "key",
     12,
     {I("key"), T("id"), I("alliance_key"), I("platform_key"), IN("author_key"), T("title"),
      T("body"), T("status"), T("visibility"), T("raised_on"), T("created_at"), T("updated_at")}},
    {"question_platform",
     "question_key, platform_key",
     3,
     {I("question_key"), I("platform_key"), I("position")}},
    {"question_link",
     "question_key, kind, item_key",
     4,
     {I("question_key"), T("kind"), I("item_key"), T("created_at")}},
    {"cycle",
     "key",
     8,
     {I("key"), T("id"), I("question_key"), I("platform_key"), I("number"), IN("author_key"),
      T("created_at"), T("updated_at")}},
    {"cycle_step",
     "cycle_key, step",
     5,
     {I("cycle_key"), T("step"), T("text"), TN("starts_on"), TN("ends_on")}},
    {"cycle_evidence",
     "cycle_key, step, position",
     5,
     {I("cycle_key"), T("step"), I("position"), T("label"), T("url")}},
    {"indicator",
     "key",
     16,
     {I("key"), T("id"), I("alliance_key"), T("name"), T("description"), T("kind"), T("unit"),
      TN("baseline"), TN("target"), T("direction"), T("scale"), T("aggregation"), T("frequency"),
      T("visibility"), T("created_at"), T("updated_at")}},
    {"observation",
     "key",
     13,
     {I("key"), T("id"), I("indicator_key"), I("platform_key"), T("period"), T("value"),
      TN("weight"), T("source"), T("note"), IN("author_key"), T("recorded_at"), IN("corrects_key"),
      I("is_current")}},
    {"budget_line",
     "key",
     12,
     {I("key"), T("id"), I("platform_key"), T("period"), T("category"), T("description"),
      T("currency"), I("planned"), I("spent"), T("visibility"), T("created_at"), T("updated_at")}},
    {"need",
     "key",
     12,
     {I("key"), T("id"), I("platform_key"), T("kind"), T("title"), T("description"),
      IN("provider_key"), T("provider_note"), T("status"), T("visibility"), T("created_at"),
      T("updated_at")}},
    {"assessment",
     "key",
     23,
     {I("key"),
      T("id"),
      I("platform_key"),
      IN("organisation_key"),
      IN("person_key"),
      IN("author_key"),
      T("assessed_on"),
      I("influence"),
      I("interest"),
      T("needs"),
      T("demands"),
      T("expectations"),
      T("resources"),
      I("cap_implementation"),
      I("cap_regulation"),
      I("cap_policy"),
      I("cap_research"),
      I("cap_documentation"),
      T("marginalised_group"),
      T("notes"),
      T("visibility"),
      T("created_at"),
      T("updated_at")}},
    {"health_check",
     "key",
     9,
     {I("key"), T("id"), I("platform_key"), IN("author_key"), T("aspect"), I("score"), T("comment"),
      T("assessed_on"), T("created_at")}},
    {"tombstone", "id", 4, {T("id"), T("kind"), T("deleted_at"), TN("deleted_by")}},
    {"retired_item",
     "key",
     8,
     {I("key"), T("kind"), T("item_id"), I("platform_key"), I("alliance_key"), T("visibility"),
      I("published"), IN("author_key")}},
    {"share",
     "key",
     19,
     {I("key"), T("id"), T("kind"), I("item_key"), T("item_id"), I("from_platform_key"),
      I("to_platform_key"), T("direction"), T("message"), I("attributed"), IN("shared_by_key"),
      T("shared_at"), TN("withdrawn_at"), IN("withdrawn_by_key"), TN("response"),
      T("response_note"), T("response_link"), IN("responded_by_key"), TN("responded_at")}},
    {"application",
     "key",
     13,
     {I("key"), T("id"), I("lesson_key"), I("platform_key"), T("kind"), T("description"),
      T("applied_on"), T("applied_by"), T("link"), IN("recorded_by_key"), T("created_at"),
      TN("removed_at"), IN("removed_by_key")}},
    {"discussion",
     "key",
     12,
     {I("key"), T("id"), I("platform_key"), T("item_kind"), IN("item_key"), T("title"),
      TN("visibility"), IN("author_key"), I("reply_count"), TN("last_reply_at"), T("created_at"),
      T("updated_at")}},
    {"reply",
     "key",
     12,
     {I("key"), T("id"), I("discussion_key"), IN("author_key"), IN("quote_key"), T("body"),
      T("created_at"), T("updated_at"), TN("edited_at"), TN("hidden_at"), IN("hidden_by_key"),
      T("hidden_reason")}},
    {"reply_revision",
     "key",
     6,
     {I("key"), I("reply_key"), T("body"), T("written_at"), T("replaced_at"),
      IN("replaced_by_key")}},
    {"reply_mention", "reply_key, person_key", 2, {I("reply_key"), I("person_key")}},
    {"discussion_read",
     "person_key, discussion_key",
     3,
     {I("person_key"), I("discussion_key"), I("reply_key")}},
    /* Proposals, then the decisions (of events and of platforms) that may
     * record their outcome. */
    {"proposal",
     "key",
     18,
     {I("key"), T("id"), I("discussion_key"), IN("author_key"), T("title"), T("body"), T("process"),
      I("score_min"), I("score_max"), T("closes_at"), T("time_zone"), I("results_open"),
      TN("closed_at"), IN("closed_by_key"), TN("reminded_at"), T("outcome"), T("created_at"),
      T("updated_at")}},
    {"proposal_option",
     "proposal_key, position",
     3,
     {I("proposal_key"), I("position"), T("label")}},
    {"proposal_answer",
     "key",
     8,
     {I("key"), I("proposal_key"), I("person_key"), TN("choice"), IN("option_position"),
      T("reason"), T("created_at"), T("updated_at")}},
    {"proposal_score", "answer_key, position", 3, {I("answer_key"), I("position"), I("score")}},
    {"decision",
     "key",
     8,
     {I("key"), T("id"), IN("event_key"), T("text"), T("created_at"), T("updated_at"),
      IN("platform_key"), IN("proposal_key")}},
    /* A notification with what it is about (a proposal, an enquiry, an action
     * item too), how its person chose to hear of it and when it went out by
     * email: so that the copy neither mails again what went nor forgets what
     * waits for a digest. */
    {"notification",
     "key",
     15,
     {I("key"), T("id"), I("person_key"), T("kind"), IN("actor_key"), IN("discussion_key"),
      IN("reply_key"), IN("share_key"), T("created_at"), TN("read_at"), IN("enquiry_key"),
      IN("action_item_key"), T("delivery"), TN("mailed_at"), IN("proposal_key")}},
    {"notification_preference", "person_key, kind", 3, {I("person_key"), T("kind"), T("delivery")}},
    /* The mail queue goes too: messages still queued are sent by the copy,
     * and those sent or failed stay on /admin/mail. It holds no secret (a
     * message's unsubscribe address is made afresh at each attempt); the
     * unsubscribe links themselves (mail_unsubscribe, hashes of single-use
     * links) stay behind, as the other single-use links do. */
    {"mail",
     "key",
     16,
     {I("key"), T("id"), IN("person_key"), T("address"), T("kind"), IN("notification_key"),
      T("subject"), T("text_body"), T("html_body"), T("message_id"), T("state"), I("attempts"),
      T("next_attempt_at"), T("last_error"), T("created_at"), TN("sent_at")}},
};

#define TABLE_COUNT ((int)(sizeof tables / sizeof tables[0]))

const struct transfer_table *store_transfer_tables(int *count)
{
    *count = TABLE_COUNT;
    return tables;
}

/* column_list writes "a, b, c" for a table into the arena. */
static char *column_list(struct ctx *c, const struct transfer_table *t)
{
    char *list = "";
    for (int i = 0; i < t->column_count; i++)
        list = arena_printf(c->arena, "%s%s%s", list, i ? ", " : "", t->columns[i].name);
    return list;
}

int64_t store_transfer_count(struct ctx *c, const struct transfer_table *t)
{
    return row_count(db_prepare(c->db, arena_printf(c->arena, "SELECT count(*) FROM %s", t->name)));
}

int store_transfer_each(struct ctx *c, const struct transfer_table *t,
                        int (*each)(const struct transfer_row *row, void *arg), void *arg)
{
    struct db_stmt *st = db_prepare(c->db, arena_printf(c->arena, "SELECT %s FROM %s ORDER BY %s",
                                                        column_list(c, t), t->name, t->order));
    struct transfer_row row;
    int rc = 0, step;
    while (rc == 0 && (step = db_step(st)) == DB_ROW) {
        for (int i = 0; i < t->column_count; i++)
            row.values[i] = db_column_text(st, i);
        rc = each(&row, arg);
    }
    db_done(st);
    return rc;
}

enum status store_transfer_insert(struct ctx *c, const struct transfer_table *t,
                                  const struct transfer_row *row)
{
    char *marks = "";
    for (int i = 0; i < t->column_count; i++)
        marks = arena_printf(c->arena, "%s%s?", marks, i ? ", " : "");
    struct db_stmt *st = db_prepare(c->db, arena_printf(c->arena, "INSERT INTO %s (%s) VALUES (%s)",
                                                        t->name, column_list(c, t), marks));
    bool platform = strcmp(t->name, "platform") == 0;
    for (int i = 0; i < t->column_count; i++) {
        const char *value = row->values[i];
        /* Parents come afterwards (store_transfer_finish): they may have greater keys. */
        if (platform && strcmp(t->columns[i].name, "parent_key") == 0)
            value = NULL;
        if (!value) {
            db_bind_null(st, i + 1);
        } else if (t->columns[i].type == TRANSFER_INT) {
            int64_t n;
            if (str_parse_int64(value, INT64_MIN, INT64_MAX, &n) != 0) {
                db_done(st);
                return STATUS_INVALID;
            }
            db_bind_int(st, i + 1, n);
        } else {
            db_bind_text(st, i + 1, value);
        }
    }
    enum status s = row_write(c, st);
    if (s == STATUS_OK && platform && row->values[4]) {
        int64_t key, parent;
        if (str_parse_int64(row->values[0], 1, INT64_MAX, &key) != 0 ||
            str_parse_int64(row->values[4], 1, INT64_MAX, &parent) != 0)
            return STATUS_INVALID;
        struct db_stmt *hold = db_prepare(c->db, "INSERT INTO transfer_parent (key, parent_key) "
                                                 "VALUES (?, ?)");
        db_bind_int(hold, 1, key);
        db_bind_int(hold, 2, parent);
        s = row_write(c, hold);
    }
    return s;
}

enum status store_transfer_finish(struct ctx *c)
{
    enum status s = row_write(c, db_prepare(c->db, "UPDATE platform SET parent_key = (SELECT "
                                                   "parent_key FROM transfer_parent t WHERE "
                                                   "t.key = platform.key) WHERE key IN "
                                                   "(SELECT key FROM transfer_parent)"));
    if (s == STATUS_OK)
        s = row_write(c, db_prepare(c->db, "DELETE FROM transfer_parent"));
    /* The order of members is not moved: it is made again from the names. */
    if (s == STATUS_OK)
        s = store_membership_sort_names(c, MEMBERSHIP_OF_ALL, 0);
    for (int i = 0; s == STATUS_OK && i < TABLE_COUNT; i++)
        if (strcmp(tables[i].columns[0].name, "key") == 0 &&
            db_reset_keys(c->db, tables[i].name) != 0)
            s = STATUS_ERROR;
    return s;
}

void store_transfer_bulk(struct ctx *c, bool on)
{
    if (!db_dialect_postgres(c->db))
        db_exec(c->db, on ? "PRAGMA cache_size=-262144" : "PRAGMA cache_size=-8000");
}

bool store_transfer_empty(struct ctx *c)
{
    for (int i = 0; i < TABLE_COUNT; i++)
        if (store_transfer_count(c, &tables[i]) > 0)
            return false;
    return true;
}
