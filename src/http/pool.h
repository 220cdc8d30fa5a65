/*
 * pool.h — a small pool of worker threads for work that would stall an event
 * loop (hashing a password with argon2id takes tens of milliseconds; later,
 * text extraction and exports). A job runs its work on a worker, then its
 * completion on the event loop that submitted it, where it may use that
 * loop's database connection and answer the request. Work must not touch a
 * database connection: connections belong to their loops.
 */
#ifndef ALLIANCE_POOL_H
#define ALLIANCE_POOL_H

#include <stdbool.h>

struct event_base;
struct pool;

/* pool_start starts threads workers; the queue holds at most queue_max jobs. */
struct pool *pool_start(int threads, int queue_max);

/* pool_stop finishes every queued job and joins the threads. The completions
 * are then waiting on their loops: run each loop once more to deliver them. */
void pool_stop(struct pool *p);

/* pool_submit queues work(arg) for a worker, then done(arg) on base's loop.
 * Returns false (running nothing) when the queue is full. */
bool pool_submit(struct pool *p, struct event_base *base, void (*work)(void *arg),
                 void (*done)(void *arg), void *arg);

#endif
