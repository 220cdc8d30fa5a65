/*
 * testdb.h — the database of a unit test: an empty SQLite database in memory,
 * or, when ALLIANCE_TEST_DB names a PostgreSQL database, that database emptied
 * (its public schema dropped and made again), so that every test runs on both
 * engines. Migrated to the latest schema either way.
 */
#ifndef ALLIANCE_TESTDB_H
#define ALLIANCE_TESTDB_H

#include "store/db.h"
#include "store/schema.h"

#include <stdlib.h>

static inline int test_db_open(struct db **out)
{
    const char *url = getenv("ALLIANCE_TEST_DB");
    if (url && *url) {
        struct db *db;
        if (db_open(url, &db) != 0)
            return -1;
        int rc = db_exec(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        db_close(db);
        if (rc != DB_DONE)
            return -1;
    }
    if (db_open(url && *url ? url : ":memory:", out) != 0)
        return -1;
    return schema_migrate(*out);
}

#endif
