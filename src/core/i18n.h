/*
 * i18n.h — every string a person reads goes through _() (gettext), so that
 * French, Spanish and Portuguese can follow without touching the code. N_()
 * marks a string in a static table for translation at the point of use.
 */
#ifndef ALLIANCE_I18N_H
#define ALLIANCE_I18N_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)

/* i18n_init sets the locale from the environment and binds the text domain. */
void i18n_init(void);

#endif
