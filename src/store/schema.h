/*
 * schema.h — the database schema as numbered migrations, applied in order at
 * start. The version reached is recorded in schema_version; a migration runs
 * in the same transaction as the record of it, so a crash leaves the database
 * at one version or the next, never between.
 */
#ifndef ALLIANCE_SCHEMA_H
#define ALLIANCE_SCHEMA_H

struct db;

/* schema_migrate brings the database to the latest version. Returns 0, or -1
 * with a message on standard error (the database is left as it was). */
int schema_migrate(struct db *db);

/* schema_version reads the version the database is at (0 when empty). */
int schema_version(struct db *db);

/* schema_latest is the version this program brings a database to. */
int schema_latest(void);

#endif
