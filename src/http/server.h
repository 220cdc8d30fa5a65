/*
 * server.h — the HTTP server: one event loop per core, each with its own
 * listening socket (SO_REUSEPORT), its own database connection and its own
 * prepared statements; nothing is shared between loops but the database file.
 */
#ifndef ALLIANCE_SERVER_H
#define ALLIANCE_SERVER_H

#include "core/config.h"

/* server_run opens the database in cfg->data_dir (migrating it), listens on
 * cfg->listen and serves until SIGTERM or SIGINT, then finishes the requests
 * in flight and returns 0. It prints "listening on http://HOST:PORT" on
 * standard output once every loop accepts connections. Returns 1 when it
 * cannot start (the reason is on standard error). */
int server_run(const struct config *cfg);

#endif
