/*
 * schema.h — the database schema as numbered migrations, applied in order at
 * start. The version reached is recorded in schema_version; a migration runs
 * in the same transaction as the record of it, so a crash leaves the database
 * at one version or the next, never between.
 */
#ifndef ALLIANCE_SCHEMA_H
#define ALLIANCE_SCHEMA_H

struct db;

/* The order a platform's members are listed in by default (role, then name),
 * kept in the table so that an index gives a page of it (migration 23): at a
 * million records, sorting the 11,588 members of the biggest platform on every
 * request made its page answer in 80-120 ms. MEMBERSHIP_SORT_NAME is the name
 * a member goes by, in lower case (its person's, else its organisation's), as
 * kept in membership.sort_name; MEMBERSHIP_ROLE_RANK(r) ranks the role r. */
#define MEMBERSHIP_SORT_NAME                                                                       \
    "lower(coalesce((SELECT name FROM person WHERE person.key = membership.person_key), "          \
    "(SELECT name FROM organisation WHERE organisation.key = membership.organisation_key), ''))"
#define MEMBERSHIP_ROLE_RANK(r)                                                                    \
    "CASE " r " WHEN 'convenor' THEN 0 WHEN 'facilitator' THEN 1 WHEN 'documenter' THEN 2 WHEN "   \
    "'member' THEN 3 ELSE 4 END"

/* schema_migrate brings the database to the latest version. Returns 0, or -1
 * with a message on standard error (the database is left as it was). */
int schema_migrate(struct db *db);

/* schema_version reads the version the database is at (0 when empty). */
int schema_version(struct db *db);

/* schema_latest is the version this program brings a database to. */
int schema_latest(void);

#endif
