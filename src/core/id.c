/*
 * id.c — UUIDv7 from the wall clock and libsodium's random bytes. Within one
 * millisecond ids from one process stay ordered: the 12-bit rand_a field holds
 * a counter that restarts at a random value each millisecond.
 */
#include "core/id.h"

#include <pthread.h>
#include <sodium.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t id_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t last_ms;
static uint16_t counter;

void id_new(char out[ID_LEN + 1])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t ms = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;

    pthread_mutex_lock(&id_lock);
    if (ms <= last_ms) {
        ms = last_ms;
        counter++;
        if (counter > 0x0fff) { /* counter spent: borrow the next millisecond */
            ms++;
            counter = (uint16_t)(b[6] & 0x07);
        }
    } else {
        counter = (uint16_t)(((b[6] & 0x07) << 8) | b[7]) >> 1;
    }
    last_ms = ms;
    uint16_t seq = counter;
    pthread_mutex_unlock(&id_lock);

    for (int i = 0; i < 6; i++)
        b[i] = (unsigned char)(ms >> (40 - 8 * i));
    b[6] = (unsigned char)(0x70 | ((seq >> 8) & 0x0f));
    b[7] = (unsigned char)(seq & 0xff);
    b[8] = (unsigned char)(0x80 | (b[8] & 0x3f));

    char *p = out;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        *p++ = hex[b[i] >> 4];
        *p++ = hex[b[i] & 0x0f];
    }
    *p = '\0';
}

bool id_valid(const char *s)
{
    if (!s || strlen(s) != ID_LEN)
        return false;
    for (int i = 0; i < ID_LEN; i++) {
        char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}
