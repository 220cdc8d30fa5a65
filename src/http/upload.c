/*
 * upload.c — see upload.h. The worker owns the request (its arena, its body)
 * while it reads: the loop does not touch a deferred request until the
 * completion comes back through the pool.
 */
#include "http/upload.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/str.h"
#include "http/dispatch.h"
#include "http/multipart.h"
#include "http/pool.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/http.h>
#include <string.h>

#define FIELDS_MAX MULTIPART_PARTS_MAX

struct upload_job {
    struct request *r;
    const char *file_field;
    upload_done done;
    struct upload u;
    struct multipart parser;
    struct mediatype_sniff sniff;
    /* The part being read. */
    bool in_file, file_seen;
    char raw_name[1024];
    char declared[128];
    struct buf field;
    const char *field_name;
    size_t fields_bytes;
    struct param fields[FIELDS_MAX];
    int field_count;
    size_t upload_limit, body_limit;
    const char *pdftotext;
    int text_seconds;
};

/* fail records the first failure and stops the parse. */
static int fail(struct upload_job *j, int status, const char *field, const char *message)
{
    if (!j->u.status) {
        j->u.status = status;
        j->u.field = field;
        j->u.message = message;
    }
    return 1;
}

static int part_begin(void *arg, const struct multipart_part *part)
{
    struct upload_job *j = arg;
    struct arena *a = &j->r->arena;
    if (!str_utf8_valid(part->name, strlen(part->name)) || strlen(part->name) > 100)
        return fail(j, 400, NULL, _("A form field has a name that is not valid text"));
    if (part->has_filename) {
        if (strcmp(part->name, j->file_field) != 0 || j->file_seen)
            return fail(j, 400, arena_strdup(a, part->name),
                        arena_printf(a, _("Send one file, in the field %s"), j->file_field));
        j->in_file = j->file_seen = true;
        snprintf(j->raw_name, sizeof j->raw_name, "%s", part->filename);
        snprintf(j->declared, sizeof j->declared, "%s", part->content_type);
        return 0;
    }
    if (j->field_count == FIELDS_MAX)
        return fail(j, 400, NULL, _("The form has too many fields"));
    j->in_file = false;
    j->field_name = arena_strdup(a, part->name);
    buf_reset(&j->field);
    return 0;
}

static int file_data(struct upload_job *j, const char *data, size_t n)
{
    struct upload *u = &j->u;
    if (u->writer.size + n > j->upload_limit)
        return fail(j, 413, "file",
                    arena_printf(&j->r->arena, _("The file is larger than the limit of %s"),
                                 dispatch_size_text(j->r, j->upload_limit)));
    if (!u->writer.open && files_begin(u->files_dir, &u->writer) != 0) {
        log_error("upload: cannot create a file in %s: %s", u->files_dir, strerror(errno));
        return fail(j, 500, NULL, _("The file could not be stored. Try again later."));
    }
    mediatype_sniff_feed(&j->sniff, data, n);
    if (files_write(&u->writer, data, n) != 0) {
        log_error("upload: cannot write %s: %s", u->writer.tmp_path, strerror(errno));
        return fail(j, 500, NULL, _("The file could not be stored. Try again later."));
    }
    return 0;
}

static int part_data(void *arg, const char *data, size_t n)
{
    struct upload_job *j = arg;
    if (j->in_file)
        return file_data(j, data, n);
    j->fields_bytes += n;
    if (j->fields_bytes > j->body_limit || buf_append(&j->field, data, n) != 0)
        return fail(j, 413, NULL,
                    _("The fields beside the file are larger than the limit for a form"));
    return 0;
}

static int part_end(void *arg)
{
    struct upload_job *j = arg;
    if (j->in_file) {
        j->in_file = false;
        return 0;
    }
    const char *value = j->field.data ? j->field.data : "";
    if (!str_utf8_valid(value, j->field.len))
        return fail(j, 400, j->field_name, _("This field is not valid text (UTF-8)"));
    j->fields[j->field_count].name = j->field_name;
    j->fields[j->field_count].value = arena_strndup(&j->r->arena, value, j->field.len);
    j->field_count++;
    return 0;
}

/* problem_message says what is wrong with a malformed body. */
static const char *problem_message(enum multipart_problem p)
{
    switch (p) {
    case MULTIPART_TRUNCATED:
        return _("The upload is incomplete: the form ended before its last boundary. Nothing "
                 "was kept; send it again.");
    case MULTIPART_NO_BOUNDARY:
        return _("The form holds no part: its boundary never appears in the body");
    case MULTIPART_TOO_MANY_PARTS:
        return _("The form has too many fields");
    case MULTIPART_HEAD_TOO_LONG:
        return _("A part of the form has headers that are too long");
    default:
        return _("The form is malformed (multipart/form-data)");
    }
}

/* parse feeds the body to the parser, freeing it as it goes. */
static void parse(struct upload_job *j)
{
    struct evbuffer *in = evhttp_request_get_input_buffer(j->r->ev);
    struct multipart_handler h = {part_begin, part_data, part_end, j};
    multipart_init(&j->parser, j->r->boundary, &h);
    enum multipart_result res = MULTIPART_MORE;
    while (res == MULTIPART_MORE && evbuffer_get_length(in) > 0) {
        struct evbuffer_iovec v;
        if (evbuffer_peek(in, -1, NULL, &v, 1) < 1)
            break;
        res = multipart_feed(&j->parser, v.iov_base, v.iov_len);
        evbuffer_drain(in, v.iov_len);
    }
    evbuffer_drain(in, evbuffer_get_length(in));
    if (res == MULTIPART_MORE)
        res = multipart_finish(&j->parser);
    if (res == MULTIPART_BAD)
        fail(j, 400, NULL, problem_message(multipart_problem(&j->parser)));
}

/* judge weighs the file's content against its name and declared type. */
static void judge(struct upload_job *j)
{
    struct upload *u = &j->u;
    struct arena *a = &j->r->arena;
    enum mediatype_family family = mediatype_sniff_family(&j->sniff);
    const struct mediatype *by_name = mediatype_by_extension(j->raw_name);
    char *name = mediatype_safe_name(a, j->raw_name, by_name);
    const char *dot = strrchr(name, '.');
    switch (mediatype_judge(family, name, j->declared, &u->kind)) {
    case MEDIATYPE_ACCEPTED:
        break;
    case MEDIATYPE_NOT_TAKEN:
        fail(j, 400, "file",
             _("This kind of file is not taken: send a PDF, an image (PNG, JPEG or GIF), an "
               "Office or OpenDocument file, a ZIP archive, or text in UTF-8"));
        return;
    case MEDIATYPE_NAME_LIES:
        fail(j, 400, "file",
             arena_printf(a,
                          _("The file is called %s, but it is %s: rename it, or choose the "
                            "right file"),
                          name, mediatype_family_label(family)));
        return;
    case MEDIATYPE_DECLARED_LIES:
        fail(j, 400, "file",
             arena_printf(a, _("The file is sent as %s, but it is %s"), j->declared,
                          mediatype_family_label(family)));
        return;
    case MEDIATYPE_NAME_NOT_TAKEN:
        fail(j, 400, "file",
             arena_printf(a,
                          _("Files ending in %s are not taken: send a PDF, an image, an "
                            "Office or OpenDocument file, a ZIP archive, or text"),
                          dot ? dot : _("no extension")));
        return;
    }
    /* A name without the kind's extension gets it, so that it opens. */
    const struct mediatype *named = mediatype_by_extension(name);
    u->file_name = named ? name : arena_printf(a, "%s.%s", name, u->kind->extension);
}

static void upload_work(void *arg)
{
    struct upload_job *j = arg;
    struct upload *u = &j->u;
    parse(j);
    buf_free(&j->field);
    if (!u->status && j->file_seen && u->writer.size == 0 && j->raw_name[0])
        fail(j, 400, "file", _("The file is empty"));
    u->has_file = !u->status && u->writer.size > 0;
    if (u->has_file && files_finish(&u->writer, u->sha256) != 0) {
        log_error("upload: cannot sync %s: %s", u->writer.tmp_path, strerror(errno));
        fail(j, 500, NULL, _("The file could not be stored. Try again later."));
    }
    if (!u->status && u->has_file)
        judge(j);
    if (u->status) {
        files_abort(&u->writer);
        u->has_file = false;
        return;
    }
    u->size = u->writer.size;
    u->text = "";
    if (!u->has_file)
        return;
    enum mediatype_family family = u->kind->family;
    if (family == MEDIATYPE_PDF || family == MEDIATYPE_TEXT) {
        enum extract_kind kind = family == MEDIATYPE_PDF      ? EXTRACT_PDF
                                 : mediatype_is_html(u->kind) ? EXTRACT_HTML
                                                              : EXTRACT_TEXT;
        char *text;
        u->text_result = extract_text(&j->r->arena, u->writer.tmp_path, kind, j->pdftotext,
                                      j->text_seconds, &text);
        u->text = text;
        if (u->text_result == EXTRACT_TIMED_OUT)
            log_warn("upload: pdftotext ran out of time (%d s) on %s", j->text_seconds,
                     u->file_name);
        else if (u->text_result == EXTRACT_FAILED && family == MEDIATYPE_PDF)
            log_warn("upload: no text read from %s (is %s installed?)", u->file_name, j->pdftotext);
    }
}

static void upload_complete(void *arg)
{
    struct upload_job *j = arg;
    struct request *r = j->r;
    r->form = j->fields;
    r->form_count = j->field_count;
    j->done(r, &j->u);
    files_abort(&j->u.writer); /* whatever the handler did not keep */
    dispatch_finish(r);
}

void upload_receive(struct request *r, const char *file_field, upload_done done)
{
    struct upload_job *j = arena_alloc(&r->arena, sizeof *j);
    char files_dir[FILES_PATH_MAX];
    if (config_files(r->config, files_dir, sizeof files_dir) != 0) {
        request_set_header(r, "Retry-After", "3600");
        dispatch_error(r, 503,
                       _("This server keeps no files: documents can be links for now. (Its "
                         "operator must give it a files directory with --files.)"),
                       "file");
        return;
    }
    j->r = r;
    j->file_field = file_field;
    j->done = done;
    j->u.files_dir = arena_strdup(&r->arena, files_dir);
    j->u.writer.fd = -1;
    j->u.file_name = "";
    j->u.text = "";
    j->upload_limit = r->config->upload_limit;
    j->body_limit = r->config->body_limit;
    j->pdftotext = r->config->pdftotext;
    j->text_seconds = r->config->text_seconds;
    buf_init(&j->field, r->config->body_limit + 1);
    mediatype_sniff_init(&j->sniff);
    request_defer(r);
    if (!pool_submit(r->uploads, r->base, upload_work, upload_complete, j)) {
        r->deferred = false;
        buf_free(&j->field);
        request_set_header(r, "Retry-After", "30");
        dispatch_error(r, 503,
                       _("Too many files are being uploaded at this moment. Try again in a "
                         "minute."),
                       NULL);
    }
}

int upload_keep(struct upload *u)
{
    if (!u->has_file)
        return 0;
    if (files_commit(&u->writer, u->sha256) != 0) {
        log_error("upload: cannot keep %s in %s: %s", u->sha256, u->files_dir, strerror(errno));
        return -1;
    }
    return 0;
}

void upload_drop(struct upload *u)
{
    files_abort(&u->writer);
}
