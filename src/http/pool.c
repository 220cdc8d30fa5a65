/*
 * pool.c — see pool.h. A mutex-protected ring of jobs and a condition
 * variable; completions go back with event_base_once, which is safe from any
 * thread once libevent's pthread locking is on (server.c turns it on).
 */
#include "http/pool.h"

#include <event2/event.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
    struct event_base *base;
    void (*work)(void *arg);
    void (*done)(void *arg);
    void *arg;
};

struct pool {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    struct job *ring;
    int size, head, count;
    bool stopping;
    int threads;
    pthread_t *ids;
};

static void done_on_loop(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    struct job *j = arg;
    j->done(j->arg);
    free(j);
}

static void *worker(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->count == 0 && !p->stopping)
            pthread_cond_wait(&p->ready, &p->lock);
        if (p->count == 0) { /* stopping, and nothing left to do */
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        struct job *j = malloc(sizeof *j);
        if (!j)
            abort();
        *j = p->ring[p->head];
        p->head = (p->head + 1) % p->size;
        p->count--;
        pthread_mutex_unlock(&p->lock);
        j->work(j->arg);
        struct timeval now = {0, 0};
        if (event_base_once(j->base, -1, EV_TIMEOUT, done_on_loop, j, &now) != 0) {
            fputs("alliance: cannot hand a finished job back to its loop\n", stderr);
            abort();
        }
    }
}

struct pool *pool_start(int threads, int queue_max)
{
    struct pool *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->ready, NULL);
    p->size = queue_max;
    p->ring = calloc((size_t)queue_max, sizeof *p->ring);
    p->ids = calloc((size_t)threads, sizeof *p->ids);
    if (!p->ring || !p->ids)
        abort();
    for (int i = 0; i < threads; i++) {
        if (pthread_create(&p->ids[i], NULL, worker, p) != 0)
            abort();
        p->threads++;
    }
    return p;
}

void pool_stop(struct pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->stopping = true;
    pthread_cond_broadcast(&p->ready);
    pthread_mutex_unlock(&p->lock);
    for (int i = 0; i < p->threads; i++)
        pthread_join(p->ids[i], NULL);
    pthread_cond_destroy(&p->ready);
    pthread_mutex_destroy(&p->lock);
    free(p->ring);
    free(p->ids);
    free(p);
}

bool pool_submit(struct pool *p, struct event_base *base, void (*work)(void *arg),
                 void (*done)(void *arg), void *arg)
{
    pthread_mutex_lock(&p->lock);
    bool room = p->count < p->size && !p->stopping;
    if (room) {
        struct job *j = &p->ring[(p->head + p->count) % p->size];
        j->base = base;
        j->work = work;
        j->done = done;
        j->arg = arg;
        p->count++;
        pthread_cond_signal(&p->ready);
    }
    pthread_mutex_unlock(&p->lock);
    return room;
}
