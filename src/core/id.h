/*
 * id.h — global record ids: UUID version 7 (RFC 9562), 48 bits of Unix
 * milliseconds then random bits, written as 36 lower-case characters. Two
 * nodes can mint them independently, and they sort by creation time.
 */
#ifndef ALLIANCE_ID_H
#define ALLIANCE_ID_H

#include <stdbool.h>

#define ID_LEN 36

/* id_new writes a fresh id and its terminator into out (ID_LEN + 1 bytes). */
void id_new(char out[ID_LEN + 1]);

/* id_valid says whether s has the shape of an id (any UUID version). */
bool id_valid(const char *s);

#endif
