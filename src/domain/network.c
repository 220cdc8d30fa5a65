/*
 * network.c — see network.h. The rows come from the store in three
 * queries (platforms, peer links, seats); the figures are counted here.
 */
#include "domain/network.h"

#include "core/arena.h"
#include "core/str.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#define NETWORK_ROWS_MAX 5000

static int platform_index(const struct network *n, int64_t key)
{
    for (int i = 0; i < n->platforms.count; i++)
        if (n->platforms.items[i].key == key)
            return i;
    return -1;
}

static enum status network_links(struct ctx *c, int64_t alliance_key, struct network *n)
{
    struct network_peer_row *rows;
    int count;
    enum status s = store_network_peers(c, alliance_key, NETWORK_ROWS_MAX, &rows, &count);
    if (s != STATUS_OK)
        return s;
    n->links = arena_array(c->arena, (size_t)count + 1, sizeof *n->links);
    bool *linked = arena_array(c->arena, (size_t)n->platforms.count + 1, sizeof *linked);
    for (int i = 0; i < count; i++) {
        int a = platform_index(n, rows[i].a_key);
        int b = rows[i].b_inside ? platform_index(n, rows[i].b_key) : -1;
        if (a < 0 || (rows[i].b_inside && b < 0))
            continue;
        struct network_link *l = &n->links[n->link_count++];
        l->a = a;
        l->b = b;
        l->peer_id = rows[i].b_id;
        l->peer_name = rows[i].b_name;
        l->peer_alliance_name = rows[i].b_alliance_name;
        linked[a] = true;
        if (b >= 0)
            linked[b] = true;
    }
    for (int i = 0; i < n->platforms.count; i++)
        n->linked_count += linked[i];
    return STATUS_OK;
}

static int bridge_compare(const void *a, const void *b)
{
    const struct network_bridge *p = a, *q = b;
    if (p->level_count != q->level_count)
        return q->level_count - p->level_count;
    if (p->platform_count != q->platform_count)
        return q->platform_count - p->platform_count;
    return strcmp(p->name, q->name);
}

/* network_bridges keeps those who sit on two or more platforms, those
 * spanning most levels and platforms first. */
static enum status network_bridges(struct ctx *c, int64_t alliance_key, struct network *n)
{
    struct network_seat_row *rows;
    int count;
    enum status s = store_network_seats(c, alliance_key, NETWORK_ROWS_MAX, &rows, &count);
    if (s != STATUS_OK)
        return s;
    n->bridges = arena_array(c->arena, (size_t)count + 1, sizeof *n->bridges);
    for (int i = 0; i < count;) {
        int j = i;
        while (j < count && rows[j].organisation == rows[i].organisation &&
               str_eq(rows[j].id, rows[i].id))
            j++;
        if (j - i >= 2 && !rows[i].organisation) {
            unsigned levels = 0;
            for (int k = i; k < j; k++) {
                int p = platform_index(n, rows[k].platform_key);
                if (p >= 0)
                    levels |= 1u << (n->platforms.items[p].depth & 31);
            }
            n->people_bridge_count++;
            n->people_level_bridge_count += (levels & (levels - 1)) != 0;
        } else if (j - i >= 2) {
            struct network_bridge *br = &n->bridges[n->bridge_count++];
            br->organisation = rows[i].organisation;
            br->id = rows[i].id;
            br->name = rows[i].name;
            br->kind = rows[i].kind;
            br->platforms = arena_array(c->arena, (size_t)(j - i), sizeof *br->platforms);
            unsigned levels = 0;
            for (int k = i; k < j; k++) {
                int p = platform_index(n, rows[k].platform_key);
                if (p < 0)
                    continue;
                br->platforms[br->platform_count++] = p;
                levels |= 1u << (n->platforms.items[p].depth & 31);
            }
            for (; levels; levels &= levels - 1)
                br->level_count++;
            if (br->level_count >= 2)
                n->level_bridge_count++;
        }
        i = j;
    }
    qsort(n->bridges, (size_t)n->bridge_count, sizeof *n->bridges, bridge_compare);
    return STATUS_OK;
}

enum status network_build(struct ctx *c, int64_t alliance_key, struct network *n)
{
    *n = (struct network){0};
    enum status s = platform_tree(c, alliance_key, NETWORK_PLATFORMS_MAX, &n->platforms);
    if (s != STATUS_OK)
        return s;
    n->parent = arena_array(c->arena, (size_t)n->platforms.count + 1, sizeof *n->parent);
    for (int i = 0; i < n->platforms.count; i++)
        n->parent[i] = n->platforms.items[i].parent_key
                           ? platform_index(n, n->platforms.items[i].parent_key)
                           : -1;
    s = network_links(c, alliance_key, n);
    return s == STATUS_OK ? network_bridges(c, alliance_key, n) : s;
}
