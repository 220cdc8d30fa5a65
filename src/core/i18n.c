/*
 * i18n.c — binds the "alliance" gettext domain. Catalogues are looked up under
 * ALLIANCE_LOCALEDIR (default /usr/share/locale); with none installed every
 * string stays English.
 */
#include "core/i18n.h"

#include <locale.h>
#include <stdlib.h>

void i18n_init(void)
{
    setlocale(LC_ALL, "");
    /* Numbers, dates and sorting stay in the C locale; only messages are translated. */
    setlocale(LC_NUMERIC, "C");
    setlocale(LC_TIME, "C");
    setlocale(LC_COLLATE, "C");
    const char *dir = getenv("ALLIANCE_LOCALEDIR");
    bindtextdomain("alliance", dir ? dir : "/usr/share/locale");
    bind_textdomain_codeset("alliance", "UTF-8");
    textdomain("alliance");
}
