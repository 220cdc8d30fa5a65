/*
 * jobs.c — see jobs.h.
 */
#include "http/jobs.h"

#include "core/arena.h"
#include "core/log.h"
#include "domain/mail.h"
#include "domain/notification.h"
#include "domain/proposal.h"
#include "store/db.h"
#include "web/web.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#define SEND_BATCH 20

struct jobs {
    struct db *db;
    int every_seconds;
    atomic_bool stop;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
};

/* A job returns how much it did; more than nothing asks for another round
 * at once (a batch of messages left more behind). */
struct job {
    const char *name;
    enum status (*run)(struct ctx *c, struct jobs *j, int *done);
    bool at_start; /* run once before the server answers (it only writes the database) */
};

static enum status actions_due(struct ctx *c, struct jobs *j, int *done)
{
    (void)j;
    return notification_actions_due(c, done);
}

static enum status proposals_closing(struct ctx *c, struct jobs *j, int *done)
{
    (void)j;
    return proposal_remind(c, done);
}

static enum status digests(struct ctx *c, struct jobs *j, int *done)
{
    (void)j;
    return mail_digests(c, mail_message_render, done);
}

static enum status send_due(struct ctx *c, struct jobs *j, int *done)
{
    *done = 0;
    if (!mail_settings())
        return STATUS_OK;
    int64_t keys[SEND_BATCH];
    int count = mail_due(c, keys, SEND_BATCH);
    for (int i = 0; i < count && !atomic_load(&j->stop); i++) {
        enum status s = mail_send(c, keys[i], mail_message_render, &j->stop);
        if (s != STATUS_OK && s != STATUS_NOT_FOUND)
            return s;
    }
    *done = count == SEND_BATCH;
    return STATUS_OK;
}

static const struct job jobs_table[] = {
    {"action items due", actions_due, true},
    {"proposals closing", proposals_closing, true},
    {"digests", digests, true},
    {"email", send_due, false},
};

/* round_run runs every job once (only those run at the start, with
 * at_start); returns whether one asks for another round. */
static bool round_run(struct jobs *j, bool at_start)
{
    bool again = false;
    for (size_t i = 0; i < sizeof jobs_table / sizeof jobs_table[0]; i++) {
        if (at_start && !jobs_table[i].at_start)
            continue;
        struct arena arena;
        arena_init(&arena, 64 * 1024);
        struct ctx c = {j->db, &arena, &viewer_operator};
        int done = 0;
        enum status s = jobs_table[i].run(&c, j, &done);
        if (s != STATUS_OK)
            log_error("periodic job %s failed (status %d)", jobs_table[i].name, (int)s);
        again = again || (s == STATUS_OK && done > 0 && jobs_table[i].run == send_due);
        arena_free(&arena);
    }
    return again;
}

static void *jobs_main(void *arg)
{
    struct jobs *j = arg;
    while (!atomic_load(&j->stop)) {
        if (round_run(j, false))
            continue;
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += j->every_seconds;
        pthread_mutex_lock(&j->lock);
        while (!atomic_load(&j->stop) &&
               pthread_cond_timedwait(&j->wake, &j->lock, &until) != ETIMEDOUT)
            ;
        pthread_mutex_unlock(&j->lock);
    }
    return NULL;
}

struct jobs *jobs_start(const struct config *cfg, const char *db_path)
{
    struct jobs *j = calloc(1, sizeof *j);
    if (!j)
        abort();
    if (db_open(db_path, &j->db) != 0) {
        free(j);
        return NULL;
    }
    j->every_seconds = cfg->jobs_seconds;
    atomic_init(&j->stop, false);
    pthread_mutex_init(&j->lock, NULL);
    pthread_cond_init(&j->wake, NULL);
    /* What the data owes since the last run (notifications of action items
     * that fell due meanwhile) is made before the first answer, so that it
     * does not change the data under the first readers. */
    round_run(j, true);
    if (pthread_create(&j->thread, NULL, jobs_main, j) != 0) {
        log_error("cannot start the thread of periodic jobs");
        db_close(j->db);
        free(j);
        return NULL;
    }
    return j;
}

void jobs_stop(struct jobs *j)
{
    if (!j)
        return;
    pthread_mutex_lock(&j->lock);
    atomic_store(&j->stop, true);
    pthread_cond_signal(&j->wake);
    pthread_mutex_unlock(&j->lock);
    pthread_join(j->thread, NULL);
    pthread_cond_destroy(&j->wake);
    pthread_mutex_destroy(&j->lock);
    db_close(j->db);
    free(j);
}
