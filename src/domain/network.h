/*
 * network.h — the alliance as a network (seed 000: vertical and horizontal
 * information sharing; seed 004: the people and organisations that carry
 * knowledge between levels): its platforms by level, the vertical links
 * (parent and child) and the horizontal ones (peers), and the organisations
 * and people who sit on several platforms, with the platforms and levels
 * each spans. Built from what the viewer may read: a peer in an alliance
 * they may not read is left out.
 */
#ifndef ALLIANCE_NETWORK_H
#define ALLIANCE_NETWORK_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/platform.h"

#include <stdbool.h>
#include <stdint.h>

#define NETWORK_PLATFORMS_MAX 200

/* A peer link. Both ends are platforms of the alliance (indexes into
 * network.platforms), or b is -1 and the peer is in another alliance. */
struct network_link {
    int a, b;
    char *peer_id; /* the far end when b is -1 */
    char *peer_name;
    char *peer_alliance_name;
};

/* An organisation holding memberships (its own, or those of its people) on
 * two or more platforms of the alliance. People who sit on several platforms
 * themselves are counted (people_bridge_count), not listed. */
struct network_bridge {
    bool organisation;
    char *id;
    char *name;
    char *kind; /* the organisation's kind; "" for a person */
    int platform_count;
    int *platforms;  /* indexes into network.platforms */
    int level_count; /* distinct levels among them */
};

struct network {
    struct platform_list platforms; /* tree order: by level, then name */
    int *parent;                    /* index of each platform's parent, or -1 */
    struct network_link *links;
    int link_count;
    int linked_count; /* platforms with at least one peer */
    struct network_bridge *bridges;
    int bridge_count;
    int level_bridge_count;        /* bridges spanning two or more levels */
    int people_bridge_count;       /* people on two or more platforms (not in bridges) */
    int people_level_bridge_count; /* of them, on two or more levels */
};

/* network_build assembles the network of the alliance (arena). */
enum status network_build(struct ctx *c, int64_t alliance_key, struct network *out);

/* Rows the store returns to network_build. */
struct network_peer_row {
    int64_t a_key, b_key; /* a_key is in the alliance */
    char *b_id, *b_name, *b_alliance_name;
    bool b_inside;
};
struct network_seat_row {
    bool organisation;
    char *id, *name, *kind;
    int64_t platform_key;
};

#endif
