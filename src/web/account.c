/*
 * web/account.c — signing in and out, the account page (password, API
 * tokens), and the single-use links that set a password or accept an
 * invitation. Checking and hashing passwords runs on the worker pool (argon2id
 * takes tens of milliseconds); the request waits, deferred, and the rest runs
 * back on its loop.
 */
#include "domain/account.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/membership.h"
#include "domain/platform.h"
#include "domain/session.h"
#include "domain/throttle.h"
#include "domain/token.h"
#include "http/dispatch.h"
#include "http/pool.h"
#include "web/form.h"
#include "web/html.h"
#include "web/page.h"
#include "web/web.h"

#include <string.h>

/* Work for the pool: check a password, hash a new one, or both. */
struct password_job {
    struct request *r;
    struct account *account; /* NULL: an unknown email, checked against nothing */
    const char *check;       /* a password to check, or NULL */
    bool checked;            /* it opens the account */
    const char *fresh;       /* a new password to hash, or NULL */
    char fresh_hash[ACCOUNT_HASH_SIZE];
    bool hashed;
    void (*finish)(struct password_job *job); /* runs on the loop */
    const char *next;                         /* where to go afterwards */
    struct account_link *link;                /* the link being used, if any */
};

static void password_work(void *arg)
{
    struct password_job *job = arg;
    if (job->check)
        job->checked = account_password_check(job->account, job->check);
    if (job->fresh)
        job->hashed = account_hash(job->fresh, job->fresh_hash);
}

static void password_done(void *arg)
{
    struct password_job *job = arg;
    job->finish(job);
    dispatch_finish(job->r);
}

/* password_submit hands the job to the pool; answers 503 when it is full. */
static void password_submit(struct request *r, struct password_job *job)
{
    job->r = r;
    request_defer(r);
    if (!pool_submit(r->pool, r->base, password_work, password_done, job)) {
        r->deferred = false;
        page_error(r, 503, _("Too many people are signing in at once. Try again in a minute."));
    }
}

/* safe_next keeps a return address only when it is a path of this site:
 * one slash, then no second slash or backslash, and no control character at
 * all (browsers drop tabs and line breaks from addresses, so "/\t/evil" would
 * become "//evil", another site). */
static const char *safe_next(const char *next)
{
    if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\')
        return "/";
    for (const unsigned char *p = (const unsigned char *)next; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return "/";
    return next;
}

/* session_open starts a session for the account and sets its cookie. */
static enum status session_open(struct request *r, struct account *a)
{
    struct session_limits limits = {r->config->session_idle_seconds,
                                    r->config->session_max_seconds};
    char secret[SECRET_LEN + 1];
    struct session *s;
    if (r->session_secret)
        session_end(&r->ctx, r->session_secret);
    enum status st = session_start(&r->ctx, a, &limits, secret, &s);
    if (st == STATUS_OK)
        st = account_signed_in(&r->ctx, a);
    if (st == STATUS_OK)
        request_set_cookie(r, "alliance_session", secret, r->config->session_max_seconds);
    return st;
}

static void sign_in_form(struct request *r, const char *email, const char *next,
                         const struct problems *p, int status)
{
    struct page page = {.title = _("Sign in")};
    page_crumb(&page, _("Sign in"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Sign in"));
    form_begin(r, "/sign-in", p);
    form_hidden(r, "next", safe_next(next));
    form_input(r, p, "email", _("Email address"), NULL, email, "email", false);
    form_input(r, p, "password", _("Password"), NULL, "", "password", false);
    form_end(r, _("Sign in"), NULL, false);
    html_printf(&r->out, "<p>%s</p>\n",
                _("Forgotten your password? Ask a convenor of your platform or an administrator "
                  "for a link to set a new one."));
    page_end(r, status);
}

void sign_in_page(struct request *r)
{
    sign_in_form(r, "", request_query(r, "next"), NULL, 200);
}

static void sign_in_finish(struct password_job *job)
{
    struct request *r = job->r;
    const char *email = request_form(r, "email");
    char *by_account = arena_printf(&r->arena, "account:%s",
                                    str_trim(&r->arena, str_lower_ascii(&r->arena, email)));
    char *by_address = arena_printf(&r->arena, "address:%s", request_peer(r));
    if (!job->checked) {
        throttle_fail(&r->ctx, by_account);
        throttle_fail(&r->ctx, by_address);
        struct problems p = {0};
        /* One message whether the email or the password was wrong. */
        problems_invalid(&p, "email", _("Enter a correct email address and password"));
        sign_in_form(r, email, job->next, &p, 400);
        return;
    }
    throttle_clear(&r->ctx, by_account);
    if (session_open(r, job->account) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    request_redirect(r, job->next);
}

void sign_in_post(struct request *r)
{
    const char *email = request_form(r, "email");
    const char *password = request_form(r, "password");
    const char *next = safe_next(request_form(r, "next"));
    struct problems p = {0};
    if (str_empty(email))
        problems_invalid(&p, "email", _("Enter your email address"));
    if (str_empty(password))
        problems_invalid(&p, "password", _("Enter your password"));
    if (p.count) {
        sign_in_form(r, email ? email : "", next, &p, 400);
        return;
    }
    char *by_account = arena_printf(&r->arena, "account:%s",
                                    str_trim(&r->arena, str_lower_ascii(&r->arena, email)));
    char *by_address = arena_printf(&r->arena, "address:%s", request_peer(r));
    int64_t wait = throttle_wait(&r->ctx, by_account);
    int64_t wait_address = throttle_wait(&r->ctx, by_address);
    if (wait_address > wait)
        wait = wait_address;
    if (wait > 0) {
        char *seconds = arena_printf(&r->arena, "%lld", (long long)wait);
        request_set_header(r, "Retry-After", seconds);
        page_error(r, 429,
                   arena_printf(&r->arena,
                                _("Too many failed sign-ins. Try again in %lld minutes."),
                                (long long)(wait + 59) / 60));
        return;
    }
    struct password_job *job = arena_alloc(&r->arena, sizeof *job);
    if (account_find_by_email(&r->ctx, email, &job->account) != STATUS_OK)
        job->account = NULL;
    job->check = password;
    job->next = next;
    job->finish = sign_in_finish;
    password_submit(r, job);
}

void sign_out_post(struct request *r)
{
    if (r->session_secret)
        session_end(&r->ctx, r->session_secret);
    request_set_cookie(r, "alliance_session", "", 0);
    request_redirect(r, "/");
}

/* signed_in_account loads the viewer's account, or answers (sign-in
 * redirect) and returns NULL. */
static struct account *signed_in_account(struct request *r)
{
    struct account *a;
    if (r->ctx.viewer->account_key &&
        account_find(&r->ctx, r->ctx.viewer->account_id, &a) == STATUS_OK)
        return a;
    page_fail(r, STATUS_UNAUTHORIZED);
    return NULL;
}

static void tokens_section(struct request *r, const struct account *a)
{
    struct buf *b = &r->out;
    struct api_token_list tokens;
    html_printf(b, "<h2 id=\"tokens\">%s</h2>\n<p>%s</p>\n", _("API tokens"),
                _("A token lets a script use the JSON API with your rights. Send it as "
                  "Authorization: Bearer followed by the token."));
    if (token_list(&r->ctx, a->key, &tokens) == STATUS_OK && tokens.count) {
        html_printf(b,
                    "<table class=\"table\"><thead><tr><th scope=\"col\">%s</th>"
                    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s"
                    "</th></tr></thead><tbody>",
                    _("Label"), _("Created"), _("Last used"), _("Status"));
        for (int i = 0; i < tokens.count; i++) {
            struct api_token *t = &tokens.items[i];
            html_printf(b, "<tr><td>%s</td><td>", t->label);
            page_date(r, t->created_at);
            html_raw(b, "</td><td>");
            if (t->used_at)
                page_date(r, t->used_at);
            else
                html_text(b, _("Never"));
            html_raw(b, "</td><td>");
            if (t->revoked_at) {
                page_tag(r, "grey", _("Revoked"));
            } else {
                form_begin(r, page_href(r, "/account/tokens/", t->id, "/revoke"), NULL);
                form_end(r, _("Revoke"), NULL, true);
            }
            html_raw(b, "</td></tr>\n");
        }
        html_raw(b, "</tbody></table>\n");
    }
    html_printf(b, "<h3>%s</h3>\n", _("Create a token"));
    form_begin(r, "/account/tokens", NULL);
    form_input(r, NULL, "label", _("Label"), _("What the token is for, such as a report script."),
               "", "text", false);
    form_end(r, _("Create the token"), NULL, false);
}

void account_page(struct request *r)
{
    struct account *a = signed_in_account(r);
    if (!a)
        return;
    struct page page = {.title = _("Your account"), .nav = "account"};
    page_crumb(&page, _("Your account"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<dl class=\"summary\">", _("Your account"));
    page_fact_begin(r, _("Name"));
    html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", a->person_id, ""), a->name);
    page_fact_end(r);
    page_fact(r, _("Email address"), a->email);
    if (a->admin)
        page_fact(r, _("Role"), _("Site administrator"));
    html_raw(b, "</dl>\n");
    html_printf(b, "<p><a href=\"/account/password\">%s</a></p>\n", _("Change your password"));
    tokens_section(r, a);
    feed_tokens_section(r, a);
    html_printf(b, "<h2>%s</h2>\n", _("Sign out"));
    form_begin(r, "/sign-out", NULL);
    form_end(r, _("Sign out"), NULL, false);
    page_end(r, 200);
}

static void password_form(struct request *r, const struct problems *p, int status)
{
    struct page page = {.title = _("Change your password"), .nav = "account"};
    page_crumb(&page, _("Your account"), "/account");
    page_crumb(&page, _("Change your password"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Change your password"));
    form_begin(r, "/account/password", p);
    form_input(r, p, "current", _("Current password"), NULL, "", "password", false);
    form_input(r, p, "password", _("New password"), _("At least 10 characters."), "", "password",
               false);
    form_input(r, p, "confirm", _("Type the new password again"), NULL, "", "password", false);
    form_end(r, _("Change the password"), "/account", false);
    page_end(r, status);
}

void password_page(struct request *r)
{
    if (signed_in_account(r))
        password_form(r, NULL, 200);
}

static void password_finish(struct password_job *job)
{
    struct request *r = job->r;
    struct problems p = {0};
    if (!job->checked) {
        problems_invalid(&p, "current", _("Enter your current password correctly"));
        password_form(r, &p, 400);
        return;
    }
    /* Changing the password ends every session; this one starts afresh. */
    if (!job->hashed ||
        account_store_password(&r->ctx, job->account, job->fresh_hash) != STATUS_OK ||
        session_open(r, job->account) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    request_redirect(r, "/account");
}

void password_post(struct request *r)
{
    struct account *a = signed_in_account(r);
    if (!a)
        return;
    struct problems p = {0};
    const char *current = request_form(r, "current");
    if (str_empty(current))
        problems_invalid(&p, "current", _("Enter your current password"));
    account_password_problems(request_form(r, "password"), request_form(r, "confirm"), &p);
    if (p.count) {
        password_form(r, &p, 400);
        return;
    }
    struct password_job *job = arena_alloc(&r->arena, sizeof *job);
    job->account = a;
    job->check = current;
    job->fresh = request_form(r, "password");
    job->finish = password_finish;
    password_submit(r, job);
}

void token_create_post(struct request *r)
{
    struct account *a = signed_in_account(r);
    if (!a)
        return;
    char secret[SECRET_LEN + 1];
    struct api_token *t;
    struct problems p = {0};
    enum status s = token_create(&r->ctx, a, request_form(r, "label"), secret, &t, &p);
    if (s != STATUS_OK && !p.count) {
        page_fail(r, s);
        return;
    }
    struct page page = {.title = p.count ? _("Your account") : _("Your new API token"),
                        .nav = "account"};
    page_crumb(&page, _("Your account"), "/account");
    page_crumb(&page, page.title, NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    if (p.count) {
        html_printf(b, "<h1>%s</h1>\n", _("Create a token"));
        form_begin(r, "/account/tokens", &p);
        form_input(r, &p, "label", _("Label"), NULL, request_form(r, "label"), "text", false);
        form_end(r, _("Create the token"), "/account", false);
        page_end(r, 400);
        return;
    }
    html_printf(b,
                "<h1>%s</h1>\n<div class=\"banner banner--success\"><p class=\"banner__title\">"
                "%s</p><p><code>%s</code></p></div>\n<p>%s</p>\n",
                _("Your new API token"), t->label, secret,
                _("Copy the token now: it is shown only once. If you lose it, revoke it and "
                  "create another."));
    html_printf(b, "<p><a href=\"/account#tokens\">%s</a></p>\n", _("Back to your account"));
    page_end(r, 201);
}

void token_revoke_post(struct request *r)
{
    struct account *a = signed_in_account(r);
    if (!a)
        return;
    enum status s = token_revoke(&r->ctx, a->key, request_capture(r, 0));
    if (s == STATUS_OK)
        request_redirect(r, "/account#tokens");
    else
        page_fail(r, s);
}

/* Single-use links. */
static struct account_link *link_load(struct request *r)
{
    struct account_link *link;
    if (account_link_find(&r->ctx, request_capture(r, 0), &link) == STATUS_OK)
        return link;
    page_error(r, 404, _("This link has expired or has been used. Ask for a new one."));
    return NULL;
}

static void link_form(struct request *r, const struct account_link *link, const struct problems *p,
                      int status)
{
    bool invitation = link->purpose == LINK_INVITATION;
    const char *title = invitation ? _("Accept your invitation") : _("Set your password");
    struct page page = {.title = title};
    page_crumb(&page, title, NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">", title);
    html_printf(b, _("Welcome, %s."), link->account->name);
    html_raw(b, "</p>\n");
    html_printf(b, "<p>%s</p>\n",
                _("Choose a password to sign in with. Your email address is your sign-in name."));
    form_begin(r, page_href(r, "/links/", request_capture(r, 0), ""), p);
    form_input(r, p, "password", _("Password"), _("At least 10 characters."), "", "password",
               false);
    form_input(r, p, "confirm", _("Type the password again"), NULL, "", "password", false);
    form_end(r, _("Save the password and sign in"), NULL, false);
    page_end(r, status);
}

void link_page(struct request *r)
{
    struct account_link *link = link_load(r);
    if (link)
        link_form(r, link, NULL, 200);
}

static void link_finish(struct password_job *job)
{
    struct request *r = job->r;
    struct account_link *link = job->link;
    enum status s =
        job->hashed ? account_link_redeem(&r->ctx, link, job->fresh_hash) : STATUS_ERROR;
    if (s == STATUS_NOT_FOUND) {
        page_error(r, 404, _("This link has expired or has been used. Ask for a new one."));
        return;
    }
    if (s != STATUS_OK || session_open(r, link->account) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    /* The person is now signed in: an invitation leads to its platform. */
    if (link->platform_id)
        request_redirect(r, page_href(r, "/platforms/", link->platform_id, ""));
    else
        request_redirect(r, "/account");
}

void link_post(struct request *r)
{
    struct account_link *link = link_load(r);
    if (!link)
        return;
    struct problems p = {0};
    account_password_problems(request_form(r, "password"), request_form(r, "confirm"), &p);
    if (p.count) {
        link_form(r, link, &p, 400);
        return;
    }
    struct password_job *job = arena_alloc(&r->arena, sizeof *job);
    job->account = link->account;
    job->fresh = request_form(r, "password");
    job->link = link;
    job->finish = link_finish;
    password_submit(r, job);
}
