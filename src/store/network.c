/*
 * store/network.c — the rows the alliance network is drawn from: the peer
 * links of its platforms (with the far end, where its alliance may be read)
 * and who sits on which of its platforms.
 */
#include "domain/network.h"
#include "store/row.h"
#include "store/store.h"

static void peer_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct network_peer_row *x = item;
    x->a_key = db_column_int(st, 0);
    x->b_key = db_column_int(st, 1);
    x->b_id = row_text(c, st, 2);
    x->b_name = row_text(c, st, 3);
    x->b_alliance_name = row_text(c, st, 4);
    x->b_inside = db_column_int(st, 5) != 0;
}

enum status store_network_peers(struct ctx *c, int64_t alliance_key, int limit,
                                struct network_peer_row **out, int *count)
{
    /* Each link once: from its end in the alliance with the smaller key. */
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER
        ", ends(a_key, b_key) AS (SELECT a_key, b_key FROM platform_link UNION ALL SELECT "
        "b_key, a_key FROM platform_link) SELECT e.a_key, e.b_key, bp.id, bp.name, ba.name, "
        "CASE WHEN bp.alliance_key = ap.alliance_key THEN 1 ELSE 0 END FROM ends e JOIN "
        "platform ap ON ap.key = e.a_key JOIN platform bp ON bp.key = e.b_key JOIN alliance ba "
        "ON ba.key = bp.alliance_key WHERE ap.alliance_key = ? AND " ROW_VISIBLE_ALLIANCE_KEY(
            "bp.alliance_key") " AND (bp.alliance_key <> ap.alliance_key OR e.a_key < e.b_key) "
                               "ORDER BY e.a_key, e.b_key LIMIT ?");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, alliance_key);
    db_bind_int(st, 4, limit);
    return row_all(c, st, limit, sizeof **out, peer_row, out, count);
}

static void seat_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct network_seat_row *x = item;
    x->organisation = db_column_int(st, 0) != 0;
    x->id = row_text(c, st, 1);
    x->name = row_text(c, st, 2);
    x->kind = row_text(c, st, 3);
    x->platform_key = db_column_int(st, 4);
}

enum status store_network_seats(struct ctx *c, int64_t alliance_key, int limit,
                                struct network_seat_row **out, int *count)
{
    /* An organisation sits where it or one of its people is a member; a
     * person where they are. Ordered so that each one's rows are together. */
    struct db_stmt *st = db_prepare(
        c->db,
        "SELECT DISTINCT 1, o.id, o.name, o.kind, m.platform_key, lower(o.name) FROM membership "
        "m JOIN platform p ON p.key = m.platform_key LEFT JOIN person pe ON pe.key = "
        "m.person_key JOIN organisation o ON o.key = coalesce(m.organisation_key, "
        "pe.organisation_key) WHERE p.alliance_key = ? UNION SELECT DISTINCT 0, pe.id, pe.name, "
        "'', m.platform_key, lower(pe.name) FROM membership m JOIN platform p ON p.key = "
        "m.platform_key JOIN person pe ON pe.key = m.person_key WHERE p.alliance_key = ? "
        "ORDER BY 1 DESC, 6, 2, 5 LIMIT ?");
    db_bind_int(st, 1, alliance_key);
    db_bind_int(st, 2, alliance_key);
    db_bind_int(st, 3, limit);
    return row_all(c, st, limit, sizeof **out, seat_row, out, count);
}
