/*
 * demo_agenda.h — the learning agenda of the demo's Ghana alliance (seed
 * 001: action research): two learning questions, each owned by a national,
 * a regional or district platforms, with action-research cycles on two of
 * them (every step written for the first cycles), a reflection that became
 * a lesson and a cycle that followed it, and links to the demo's events,
 * lessons and documents.
 */
#ifndef ALLIANCE_DEMO_AGENDA_H
#define ALLIANCE_DEMO_AGENDA_H

#include "cli/demo_enquiries.h"

struct ctx;

/* demo_agenda_load raises the demo questions, runs their cycles and links
 * them, each as the person of the demo who would (their roles checked by the
 * domain calls). Returns 0, or -1 after saying why on stderr. */
int demo_agenda_load(struct ctx *c, demo_lookup lookup, const void *platforms, const void *people);

#endif
