/*
 * web/health.c — the health of a collaborative (domain/health.h) as pages:
 * for a platform and for an alliance, one section per condition of seed 003
 * (size, mix, trust, structure, glue), each with its figures, a reading in
 * plain words and the members' latest self-assessments beside them; the
 * form to add a self-assessment; and a platform's gaps, each with a link to
 * act on it.
 */
#include "domain/health.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/capability.h"
#include "domain/organisation.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/web.h"

#define CHECKS_MAX    100
#define CHECKS_SHOWN  3 /* per condition */
#define SIZE_SMALL    4 /* fewer members than this: a small group */
#define PERCENT(a, b) ((b) ? (int)((200 * (a) + (b)) / (2 * (b))) : 0)

/* share_text says "a of b (p%)", or what stands for none. */
static const char *share_text(struct request *r, int64_t a, int64_t b)
{
    if (!b)
        return _("None to count yet");
    return arena_printf(&r->arena, _("%lld of %lld (%d%%)"), (long long)a, (long long)b,
                        PERCENT(a, b));
}

static void fact_int(struct request *r, const char *term, int64_t n)
{
    page_fact(r, term, arena_printf(&r->arena, "%lld", (long long)n));
}

static void reading(struct request *r, const char *text)
{
    html_printf(&r->out, "<p class=\"reading\"><strong>%s</strong> %s</p>\n", _("Reading:"), text);
}

static void size_section(struct request *r, const struct health *h)
{
    html_raw(&r->out, "<dl class=\"summary\">");
    fact_int(r, _("Members"), h->members);
    page_fact(r, _("Active members (took part in a meeting in the last six months)"),
              share_text(r, h->active_members, h->members));
    fact_int(r, _("Meetings in the last six months"), h->events_recent);
    html_raw(&r->out, "</dl>\n");
    if (h->members == 0)
        reading(r, _("Nobody is a member yet: a collaborative starts with its members."));
    else if (h->events_recent == 0)
        reading(r, _("No meeting with an attendance register in the last six months, so "
                     "nobody can be counted as active. Hold a meeting and record who came."));
    else if (h->members < SIZE_SMALL * h->platforms)
        reading(r, _("A small group: if one member has a setback, the whole platform feels it. "
                     "Consider who else could join."));
    else if (2 * h->active_members < h->members)
        reading(r, _("Fewer than half of the members took part in the last six months: the "
                     "platform may be larger on paper than in practice."));
    else
        reading(r, _("Most members took part in the last six months."));
}

static void mix_section(struct request *r, const struct health *h)
{
    struct buf *b = &r->out;
    html_raw(b, "<dl class=\"summary\">");
    page_fact_begin(r, _("Kinds of member organisation"));
    if (!h->kinds_present)
        html_text(b, _("None recorded"));
    for (int i = 0, shown = 0; i < ORGANISATION_KIND_COUNT; i++) {
        if (!h->kinds[i])
            continue;
        html_printf(b, "%s%s: %lld", shown++ ? ", " : "",
                    organisation_kind_label(organisation_kind_name(i)), (long long)h->kinds[i]);
    }
    page_fact_end(r);
    int caps = 0;
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        caps += (h->capabilities & capability_bit(i)) != 0;
    page_fact_begin(r, arena_printf(&r->arena, _("Capabilities covered: %d of 5"), caps));
    page_capabilities(r, h->capabilities, 1);
    page_fact_end(r);
    page_fact(r, _("Women among member people"), share_text(r, h->people_women, h->member_people));
    page_fact(r, _("Member people from a marginalised group"),
              share_text(r, h->people_marginalised, h->member_people));
    fact_int(r, _("Marginalised groups among members"), h->marginalised_groups);
    page_fact(r, _("Women among attendances (last twelve months)"),
              share_text(r, h->attendances_women, h->attendances));
    page_fact(r, _("Women among speakers"), share_text(r, h->speakers_women, h->speakers));
    page_fact(r, _("Speakers from a marginalised group"),
              share_text(r, h->speakers_marginalised, h->speakers));
    html_raw(b, "</dl>\n");
    if (caps < CAPABILITY_COUNT)
        reading(r, _("Some capabilities are missing: see what the platform lacks, and who "
                     "could bring them."));
    else if (h->kinds_present < 3)
        reading(r, _("All five capabilities are there, but from few kinds of organisation: "
                     "diversity helps learning, as long as members share enough to agree "
                     "on a joint agenda."));
    else if (h->speakers && 3 * h->speakers_women < h->speakers)
        reading(r, _("A varied mix, but women speak in fewer than a third of the turns: "
                     "check who gets the floor."));
    else
        reading(r, _("A varied mix of organisations, with every capability covered."));
}

static void trust_section(struct request *r, const struct health *h)
{
    html_raw(&r->out, "<dl class=\"summary\">");
    page_fact(r, _("People who came back (at two meetings or more in twelve months)"),
              share_text(r, h->attendees_returning, h->attendees));
    page_fact(r, _("Lessons that are failures"), share_text(r, h->lessons_failures, h->lessons));
    page_fact(r, _("Shares sent without attribution"),
              share_text(r, h->shares_unattributed, h->shares_sent));
    html_raw(&r->out, "</dl>\n");
    if (h->lessons && !h->lessons_failures)
        reading(r, _("No failure has been written down yet. Learning together needs a safe "
                     "space where members are open about what went wrong."));
    else if (h->attendees && 2 * h->attendees_returning < h->attendees)
        reading(r, _("Most people came only once: trust grows with time spent together. "
                     "Plan moments for the same people to meet again."));
    else if (!h->attendees && !h->lessons)
        reading(r, _("Nothing to read trust from yet: no meetings with a register and no "
                     "lessons."));
    else
        reading(r, _("People come back and failures are shared: signs of trust."));
}

static void structure_section(struct request *r, const struct health *h)
{
    html_raw(&r->out, "<dl class=\"summary\">");
    page_fact(r, _("Platforms with a convenor"), share_text(r, h->with_convenor, h->platforms));
    page_fact(r, _("Platforms with a facilitator"),
              share_text(r, h->with_facilitator, h->platforms));
    page_fact(r, _("Platforms with a documenter"), share_text(r, h->with_documenter, h->platforms));
    fact_int(r, _("Meetings held in the last twelve months"), h->meetings);
    page_fact(r, _("Action items due that are done"),
              share_text(r, h->actions_done, h->actions_due));
    page_fact(r, _("Action items closed on time (last changed by their due date)"),
              share_text(r, h->actions_on_time, h->actions_due));
    html_raw(&r->out, "</dl>\n");
    if (h->with_convenor < h->platforms || h->with_facilitator < h->platforms)
        reading(r, _("A convenor or a facilitator is missing: in a purely horizontal group "
                     "nobody feels responsible for shaping decisions."));
    else if (h->with_documenter < h->platforms)
        reading(r, _("Nobody is named to document: what is learnt may not be written down."));
    else if (h->actions_due && 2 * h->actions_done < h->actions_due)
        reading(r, _("Fewer than half of the action items due are done: agreed actions need "
                     "someone to follow them up."));
    else
        reading(r, _("Roles are named and the platform meets."));
}

static void glue_section(struct request *r, const struct health *h)
{
    html_raw(&r->out, "<dl class=\"summary\">");
    fact_int(r, _("Learning questions on the agenda"), h->questions);
    fact_int(r, _("Of them, held jointly with another platform (owned by two or more)"),
             h->questions_shared);
    page_fact(r, _("Events held with another platform (twelve months)"),
              share_text(r, h->events_cross, h->meetings));
    page_fact(r, _("Shares received that were answered"),
              share_text(r, h->shares_answered, h->shares_received));
    html_raw(&r->out, "</dl>\n");
    if (!h->questions_shared && !h->events_cross)
        reading(r, _("Nothing joint yet: no learning question held with another platform "
                     "and no event held together. A commitment to learning alone may not "
                     "hold the group together."));
    else if (h->shares_received && 2 * h->shares_answered < h->shares_received)
        reading(r, _("Fewer than half of the shares received were answered."));
    else
        reading(r, _("Shared questions and joint events give the group something in common."));
}

static void checks_list(struct request *r, const struct health_check_list *checks, int condition,
                        bool show_platform)
{
    struct buf *b = &r->out;
    const char *name = health_condition_name(condition);
    int shown = 0;
    for (int i = 0; i < checks->count && shown < CHECKS_SHOWN; i++) {
        const struct health_check *hc = &checks->items[i];
        if (!str_eq(hc->condition, name))
            continue;
        if (!shown++)
            html_printf(b, "<h3>%s</h3><ul class=\"checks\">", _("What members say"));
        html_raw(b, "<li>");
        page_date(r, hc->assessed_on);
        html_printf(b, " — %s", arena_printf(&r->arena, _("%d out of 5"), hc->score));
        if (hc->author_name)
            html_printf(b, ", %s", hc->author_name);
        if (show_platform)
            html_printf(b, " (%s)", hc->platform_name);
        if (*hc->comment)
            html_printf(b, ": %s", hc->comment);
        html_raw(b, "</li>");
    }
    if (shown)
        html_raw(b, "</ul>\n");
}

static void health_sections(struct request *r, const struct health *h,
                            const struct health_check_list *checks, bool show_platform)
{
    static void (*const sections[HEALTH_CONDITION_COUNT])(
        struct request *, const struct health *) = {size_section, mix_section, trust_section,
                                                    structure_section, glue_section};
    for (int i = 0; i < HEALTH_CONDITION_COUNT; i++) {
        html_printf(&r->out, "<section class=\"condition\" id=\"%s\"><h2>%s</h2>\n",
                    health_condition_name(i), health_condition_label(i));
        sections[i](r, h);
        checks_list(r, checks, i, show_platform);
        html_raw(&r->out, "</section>\n");
    }
}

static void check_form(struct request *r, const struct platform *pl, const struct health_check *hc,
                       const struct problems *p)
{
    html_printf(&r->out, "<h2 id=\"self-assessment\">%s</h2>\n<p>%s</p>\n",
                _("Add a self-assessment"),
                _("How do you, as a member, see this condition now? Your score and comment "
                  "are shown beside the figures to the platform's members."));
    form_begin(r, page_href(r, "/platforms/", pl->id, "/health"), p);
    struct form_option conds[HEALTH_CONDITION_COUNT + 1] = {{"", _("Choose a condition")}};
    for (int i = 0; i < HEALTH_CONDITION_COUNT; i++)
        conds[i + 1] = (struct form_option){health_condition_name(i), health_condition_label(i)};
    form_select(r, p, "condition", _("Condition"), NULL, conds, HEALTH_CONDITION_COUNT + 1,
                hc->condition);
    struct form_option scores[6] = {
        {"", _("Choose a score")}, {"1", _("1 – poor")}, {"2", "2"}, {"3", "3"}, {"4", "4"},
        {"5", _("5 – very good")}};
    char score[2] = {hc->score >= 1 && hc->score <= 5 ? (char)('0' + hc->score) : '\0', '\0'};
    form_select(r, p, "score", _("Score"), NULL, scores, 6, score);
    form_textarea(r, p, "comment", _("Comment"), _("Why this score?"), hc->comment, 3);
    form_input(r, p, "assessed_on", _("Date"), _("Leave empty for today."), hc->assessed_on, "date",
               true);
    form_end(r, _("Save the self-assessment"), NULL, false);
}

static void platform_health_render(struct request *r, const struct platform *pl,
                                   const struct health_check *hc, const struct problems *p)
{
    struct health h;
    struct health_check_list checks;
    if (health_compute(&r->ctx, pl->key, 0, &h) != STATUS_OK ||
        health_checks(&r->ctx, pl->key, 0, CHECKS_MAX, &checks) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page page = {.title = _("Health"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&page, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&page, _("Health"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n<p><a href=\"%s\">%s</a></p>\n",
                arena_printf(&r->arena, _("Health of %s"), pl->name),
                _("Does the group work? Figures from the platform's own records, for each "
                  "condition of a learning collaborative, with what its members say."),
                page_href(r, "/platforms/", pl->id, "/gaps"), _("What the platform lacks"));
    if (p && p->count)
        form_error_summary(r, p);
    health_sections(r, &h, &checks, false);
    if (rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS)))
        check_form(r, pl, hc, p);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void platform_health_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct health_check hc = {0};
    platform_health_render(r, pl, &hc, NULL);
}

void platform_health_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct health_check hc = {0};
    hc.condition = (char *)request_form(r, "condition");
    hc.comment = (char *)request_form(r, "comment");
    hc.assessed_on = (char *)request_form(r, "assessed_on");
    int64_t score = 0;
    const char *text = request_form(r, "score");
    if (text && str_parse_int64(text, 1, 5, &score) == 0)
        hc.score = (int)score;
    struct problems p = {0};
    enum status s = health_check_add(&r->ctx, pl->id, &hc, &p);
    if (s == STATUS_OK)
        request_redirect(r, arena_printf(&r->arena, "%s#%s",
                                         page_href(r, "/platforms/", pl->id, "/health"),
                                         hc.condition));
    else if (p.count)
        platform_health_render(r, pl, &hc, &p);
    else
        page_fail(r, s);
}

void alliance_health_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct health h;
    struct health_check_list checks;
    if (health_compute(&r->ctx, 0, a->key, &h) != STATUS_OK ||
        health_checks(&r->ctx, 0, a->key, CHECKS_MAX, &checks) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page page = {.title = _("Health"), .context = a->name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, a->name, page_href(r, "/alliances/", a->slug, ""));
    page_crumb(&page, _("Health"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Health of %s"), a->name),
                _("Every platform of the alliance together. Members add their self-assessments "
                  "on the health page of their platform."));
    health_sections(r, &h, &checks, true);
    page_end(r, 200);
}

void platform_gaps_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct health_gap_list gaps;
    if (health_gaps(&r->ctx, pl->key, &gaps) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page page = {.title = _("Gaps"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&page, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&page, _("Gaps"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("What %s lacks"), pl->name),
                _("Who is missing and who matters: capabilities nobody brings, influential "
                  "stakeholders who are not members, marginalised groups absent from the "
                  "meetings of the last twelve months."));
    if (gaps.count == 0) {
        page_empty(r,
                   _("No gaps found: every capability is brought, no influential "
                     "stakeholder is outside, and every marginalised group came."),
                   NULL, NULL);
        page_end(r, 200);
        return;
    }
    char *invite = page_href(r, "/platforms/", pl->id, "/members/new");
    char *assess = page_href(r, "/platforms/", pl->id, "/stakeholders/new");
    char *plan = page_href(r, "/platforms/", pl->id, "/events/new");
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr><th scope=\"col\">"
                "%s</th><th scope=\"col\">%s</th></tr></thead><tbody>\n",
                _("What is lacking"), _("What to do"));
    for (int i = 0; i < gaps.count; i++) {
        const struct health_gap *g = &gaps.items[i];
        html_raw(b, "<tr><td>");
        if (g->kind == GAP_CAPABILITY) {
            html_text(
                b, arena_printf(&r->arena, _("Nobody brings %s"), capability_label(g->capability)));
            html_printf(b, "</td><td><a href=\"%s\">%s</a> · <a href=\"%s\">%s</a></td></tr>\n",
                        invite, _("Invite a member who brings it"), assess, _("Assess who could"));
        } else if (g->kind == GAP_STAKEHOLDER) {
            html_text(b, arena_printf(&r->arena,
                                      _("%s: assessed as influential but none is a member "
                                        "(such as %s)"),
                                      organisation_kind_label(g->stakeholder_kind),
                                      g->stakeholder_name));
            html_printf(b, "</td><td><a href=\"%s\">%s</a> · <a href=\"%s\">%s</a></td></tr>\n",
                        invite, _("Invite them"),
                        page_href(r, "/assessments/", g->stakeholder_id, ""),
                        _("See the assessment"));
        } else {
            html_text(b, arena_printf(&r->arena,
                                      _("%s: named among members or stakeholders, absent "
                                        "from the meetings"),
                                      g->group));
            html_printf(b, "</td><td><a href=\"%s\">%s</a></td></tr>\n", plan,
                        _("Plan an event with them"));
        }
    }
    html_raw(b, "</tbody></table></div>\n");
    page_end(r, 200);
}
