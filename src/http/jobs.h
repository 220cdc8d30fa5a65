/*
 * jobs.h — the periodic jobs of a server, on a thread of their own with a
 * database connection of their own, so that no event loop ever waits for
 * them (an SMTP conversation may take seconds). Every few seconds (--jobs-
 * every) the thread runs each job of its table in turn: the notifications
 * of action items due and of proposals closing within a day; and, when
 * email is on, the digests that are due and the messages whose time has
 * come (domain/mail.h). Several servers on one database may run them at
 * once: each job decides by a conditional write.
 */
#ifndef ALLIANCE_JOBS_H
#define ALLIANCE_JOBS_H

#include "core/config.h"

struct jobs;

/* jobs_start opens its connection to db_path, runs the jobs that only
 * write the database once (before the server answers), and starts the
 * thread; NULL when it cannot (the reason is logged). */
struct jobs *jobs_start(const struct config *cfg, const char *db_path);

/* jobs_stop asks the thread to stop (an SMTP conversation under way is given
 * up, and its message sent again later), joins it and frees everything. */
void jobs_stop(struct jobs *j);

#endif
