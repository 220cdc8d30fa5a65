/*
 * demo_proposals.h — proposals of the demo (seed 003: a collaborative
 * decides together): in the thread on taking the Bolgatanga spare-parts
 * store to four more districts, a consent proposal the regional platform
 * closed weeks ago, its outcome recorded as a decision of the platform; in
 * the thread on the March meeting's agenda, an open vote on where to meet;
 * in the Navrongo thread on training young caretakers, an open consent
 * proposal that Juliana Ayeebo has not answered yet. Those who take part are
 * told as they would be, so that each demo sign-in has a proposal among
 * their notifications.
 */
#ifndef ALLIANCE_DEMO_PROPOSALS_H
#define ALLIANCE_DEMO_PROPOSALS_H

#include "cli/demo_enquiries.h"

struct ctx;

/* demo_proposals_load makes the proposals, their answers and the decision
 * through the domain calls, as the people of the demo, after the demo's
 * discussions; *count receives the number of proposals. Returns 0, or -1
 * after saying why on stderr. */
int demo_proposals_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                        const void *people, size_t *count);

#endif
