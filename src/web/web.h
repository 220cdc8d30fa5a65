/*
 * web.h — the handlers of the HTML pages, one group per noun (web/alliance.c,
 * web/platform.c, …). The route table in http/routes.c names them.
 */
#ifndef ALLIANCE_WEB_H
#define ALLIANCE_WEB_H

#include "http/request.h"

/* web/alliance.c */
void alliance_index_page(struct request *r);
void alliance_page(struct request *r);
void alliance_new_page(struct request *r);
void alliance_create_post(struct request *r);
void alliance_edit_page(struct request *r);
void alliance_edit_post(struct request *r);
void alliance_delete_page(struct request *r);
void alliance_delete_post(struct request *r);
void alliance_platforms_page(struct request *r);

/* web/platform.c */
void platform_page(struct request *r);
void platform_new_page(struct request *r);
void platform_create_post(struct request *r);
void platform_edit_page(struct request *r);
void platform_edit_post(struct request *r);
void platform_delete_page(struct request *r);
void platform_delete_post(struct request *r);
void platform_peer_new_page(struct request *r);
void platform_peer_create_post(struct request *r);
void platform_link_delete_page(struct request *r);
void platform_link_delete_post(struct request *r);

/* web/membership.c */
void membership_new_page(struct request *r);
void membership_create_post(struct request *r);
void membership_edit_page(struct request *r);
void membership_edit_post(struct request *r);
void membership_delete_page(struct request *r);
void membership_delete_post(struct request *r);

/* web/organisation.c */
void organisation_index_page(struct request *r);
void organisation_page(struct request *r);
void organisation_new_page(struct request *r);
void organisation_create_post(struct request *r);
void organisation_edit_page(struct request *r);
void organisation_edit_post(struct request *r);
void organisation_delete_page(struct request *r);
void organisation_delete_post(struct request *r);

/* web/person.c */
void person_index_page(struct request *r);
void person_page(struct request *r);
void person_new_page(struct request *r);
void person_create_post(struct request *r);
void person_edit_page(struct request *r);
void person_edit_post(struct request *r);
void person_delete_page(struct request *r);
void person_delete_post(struct request *r);

/* web/sheet.c: the lists as CSV files. sheet_link writes the "Download CSV"
 * link of a list page to path, with the page's filters. */
void organisation_csv_page(struct request *r);
void person_csv_page(struct request *r);
void platform_members_csv_page(struct request *r);
void sheet_link(struct request *r, const char *path);

/* web/account.c */
void sign_in_page(struct request *r);
void sign_in_post(struct request *r);
void sign_out_post(struct request *r);
void account_page(struct request *r);
void password_page(struct request *r);
void password_post(struct request *r);
void token_create_post(struct request *r);
void token_revoke_post(struct request *r);
void link_page(struct request *r);
void link_post(struct request *r);

/* web/admin.c */
void admin_accounts_page(struct request *r);
void admin_account_new_page(struct request *r);
void admin_account_create_post(struct request *r);
void admin_account_link_post(struct request *r);
void admin_audit_page(struct request *r);

/* web/audit.c (the platform's trail) and web/membership.c (invitations) */
void platform_audit_page(struct request *r);
void membership_invite_page(struct request *r);
void membership_invite_post(struct request *r);

/* web/lesson.c */
void lesson_index_page(struct request *r);
/* lesson_outcome_options lists the outcomes for a select, after an empty
 * choice labelled empty (four options, in the arena). */
struct form_option;
struct form_option *lesson_outcome_options(struct request *r, const char *empty);
void platform_lessons_page(struct request *r);
void lesson_page(struct request *r);
void lesson_new_page(struct request *r);
void lesson_create_post(struct request *r);
void lesson_edit_page(struct request *r);
void lesson_edit_post(struct request *r);
void lesson_delete_page(struct request *r);
void lesson_delete_post(struct request *r);

/* web/assessment.c and web/grid.c: stakeholder analysis. grid_svg writes
 * the influence–interest grid of the latest assessments as an SVG document
 * titled title; grid_table the table that says the same, numbered alike;
 * stakeholder_platform_section the platform page's links to its
 * stakeholders, health and gaps. */
struct assessment_list;
void platform_stakeholders_page(struct request *r);
void platform_stakeholders_svg(struct request *r);
void alliance_stakeholders_page(struct request *r);
void alliance_stakeholders_svg(struct request *r);
void assessment_page(struct request *r);
void assessment_new_page(struct request *r);
void assessment_create_post(struct request *r);
void assessment_delete_page(struct request *r);
void assessment_delete_post(struct request *r);
const char *grid_kind_colour(const char *kind);
void grid_svg(struct request *r, const struct assessment_list *list, const char *title);
void grid_table(struct request *r, const struct assessment_list *list, bool show_platform);
struct platform;
void stakeholder_platform_section(struct request *r, const struct platform *pl);
/* assessment_stakeholder_section writes, on an organisation's or a person's
 * page, the assessments of them the viewer may read, on every platform,
 * newest first (nothing when there are none). */
void assessment_stakeholder_section(struct request *r, int64_t organisation_key,
                                    int64_t person_key);

/* web/network.c and web/health.c: the alliance network, the health of a
 * collaborative and a platform's gaps. */
void alliance_network_page(struct request *r);
void alliance_network_svg(struct request *r);
void platform_health_page(struct request *r);
void platform_health_post(struct request *r);
void alliance_health_page(struct request *r);
void platform_gaps_page(struct request *r);

/* web/entry.c */
void platform_journal_page(struct request *r);
void entry_page(struct request *r);
void entry_new_page(struct request *r);
void entry_create_post(struct request *r);
void entry_edit_page(struct request *r);
void entry_edit_post(struct request *r);
void entry_delete_page(struct request *r);
void entry_delete_post(struct request *r);

/* web/event.c, web/calendar.c, web/inclusion.c: events, calendars and who
 * takes part. event_platform_section and inclusion_platform_section write
 * the Events and "Who takes part" sections of a platform's page. */
struct platform;
void platform_events_page(struct request *r);
void platform_decisions_page(struct request *r);
void event_new_page(struct request *r);
void event_create_post(struct request *r);
void event_page(struct request *r);
void event_edit_page(struct request *r);
void event_edit_post(struct request *r);
void event_delete_page(struct request *r);
void event_delete_post(struct request *r);
void event_attendance_page(struct request *r);
void event_attendance_post(struct request *r);
void decision_new_page(struct request *r);
void decision_create_post(struct request *r);
void decision_edit_page(struct request *r);
void decision_edit_post(struct request *r);
void decision_delete_page(struct request *r);
void decision_delete_post(struct request *r);
void action_new_page(struct request *r);
void action_create_post(struct request *r);
void action_edit_page(struct request *r);
void action_edit_post(struct request *r);
void action_status_page(struct request *r);
void action_status_post(struct request *r);
void action_delete_page(struct request *r);
void action_delete_post(struct request *r);
void account_actions_page(struct request *r);
void event_platform_section(struct request *r, const struct platform *pl);
void platform_calendar_page(struct request *r);
void alliance_calendar_page(struct request *r);
void platform_calendar_ics(struct request *r);
void account_calendar_ics(struct request *r);
void event_calendar_ics(struct request *r);
void account_calendar_page(struct request *r);
void account_calendar_post(struct request *r);
void platform_inclusion_page(struct request *r);
void inclusion_platform_section(struct request *r, const struct platform *pl);

/* web/enquiry.c */
void enquiry_ask_page(struct request *r);
void enquiry_ask_post(struct request *r);
void platform_enquiries_page(struct request *r);
void platform_faq_page(struct request *r);
void enquiry_page(struct request *r);
void enquiry_assign_post(struct request *r);
void enquiry_answer_post(struct request *r);
void enquiry_status_post(struct request *r);
void enquiry_faq_post(struct request *r);

/* web/document.c */
struct platform;
void document_index_page(struct request *r);
void platform_documents_page(struct request *r);
void document_page(struct request *r);
void document_file_page(struct request *r);
void document_new_page(struct request *r);
void document_create_post(struct request *r);
void document_edit_page(struct request *r);
void document_edit_post(struct request *r);
void document_delete_page(struct request *r);
void document_delete_post(struct request *r);
/* document_platform_section writes the Documents section of a platform's page. */
void document_platform_section(struct request *r, const struct platform *pl);

/* web/search.c */
void search_page(struct request *r);

/* web/share.c */
void share_lesson_page(struct request *r);
void share_lesson_post(struct request *r);
void share_entry_page(struct request *r);
void share_entry_post(struct request *r);
void share_document_page(struct request *r);
void share_document_post(struct request *r);
void share_event_page(struct request *r);
void share_event_post(struct request *r);
void share_question_page(struct request *r);
void share_question_post(struct request *r);
void share_page(struct request *r);
void share_respond_post(struct request *r);
void share_withdraw_page(struct request *r);
void share_withdraw_post(struct request *r);
void platform_inbox_page(struct request *r);
void platform_outbox_page(struct request *r);
/* share_item_section writes an item's journey (its shares the reader may
 * see) in the main column; share_item_side its Share card, for those who may
 * share it; share_platform_section a platform's inbox counts, for members. */
struct share_item;
void share_item_section(struct request *r, const struct share_item *item);
void share_item_side(struct request *r, const struct share_item *item);
void share_platform_section(struct request *r, const struct platform *pl);

/* web/application.c */
void application_new_page(struct request *r);
void application_create_post(struct request *r);
void application_page(struct request *r);
void application_remove_page(struct request *r);
void application_remove_post(struct request *r);

/* application_lesson_side writes a lesson's "Record an application" card,
 * for those who may; journey_lesson_section (web/journey.c) its journey. */
struct lesson;
void application_lesson_side(struct request *r, const struct lesson *ls);
void journey_lesson_section(struct request *r, const struct lesson *ls);

/* web/flow.c: flow figures of an alliance and of a platform, as pages and
 * CSV; flow_alliance_section the alliance page's summary. */
struct alliance;
void flow_alliance_page(struct request *r);
void flow_alliance_csv(struct request *r);
void flow_platform_page(struct request *r);
void flow_platform_csv(struct request *r);
void flow_alliance_section(struct request *r, const struct alliance *a);

/* framework_alliance_section writes the seven steps of the framework of the
 * alliance (web/framework.c), as the viewer may read its records. */
void framework_alliance_section(struct request *r, const struct alliance *a);
void flow_platform_link(struct request *r, const struct platform *pl);

/* web/feed.c: the Atom feeds and the private feed addresses.
 * feed_tokens_section writes the account page's section of them;
 * feed_platform_card the platform page's "Follow" card; feed_platform_href
 * is the address of a platform's public feed (arena), NULL for a platform
 * of a members-only alliance, which has none. */
struct account;
void feed_platform_atom(struct request *r);
void feed_site_atom(struct request *r);
void feed_token_create_post(struct request *r);
void feed_token_revoke_page(struct request *r);
void feed_token_revoke_post(struct request *r);
void feed_tokens_section(struct request *r, const struct account *a);
void feed_platform_card(struct request *r, const struct platform *pl);
char *feed_platform_href(struct request *r, const struct platform *pl);

/* web/indicator.c: indicators, their figures rolled up the hierarchy, the
 * recording and correcting of figures, a platform's dashboard. */
void alliance_indicators_page(struct request *r);
void indicator_new_page(struct request *r);
void indicator_create_post(struct request *r);
void indicator_page(struct request *r);
void indicator_edit_page(struct request *r);
void indicator_edit_post(struct request *r);
void indicator_csv_page(struct request *r);
void observation_new_page(struct request *r);
void observation_create_post(struct request *r);
void observation_page(struct request *r);
void platform_indicators_page(struct request *r);
/* indicator_platform_section writes the platform page's section of its
 * latest figures (a few indicators; the dashboard has them all). */
void indicator_platform_section(struct request *r, const struct platform *pl);
void observation_import_page(struct request *r);
void indicator_delete_page(struct request *r);
void indicator_delete_post(struct request *r);
void observation_delete_page(struct request *r);
void observation_delete_post(struct request *r);
void observation_import_post(struct request *r);
/* web/budget.c: budgets of platforms and alliances, and needs. */
void platform_budget_page(struct request *r);
void alliance_budget_page(struct request *r);
void budget_new_page(struct request *r);
void budget_create_post(struct request *r);
void budget_edit_page(struct request *r);
void budget_edit_post(struct request *r);
void budget_delete_page(struct request *r);
void budget_delete_post(struct request *r);
void platform_needs_page(struct request *r);
void need_new_page(struct request *r);
void need_create_post(struct request *r);
void need_edit_page(struct request *r);
void need_edit_post(struct request *r);
void need_delete_page(struct request *r);
void need_delete_post(struct request *r);
/* monitoring_platform_card writes the platform page's card of links to its
 * indicators, budget and needs; monitoring_alliance_links the items of the
 * alliance page's list of actions that lead to them. */
void monitoring_platform_card(struct request *r, const struct platform *pl);
void monitoring_alliance_links(struct request *r, const char *slug);
/* web/discussion.c: threads on items and of platforms, replies. */
void discussion_page(struct request *r);
void discussion_reply_page(struct request *r);
void discussion_reply_post(struct request *r);
void reply_page(struct request *r);
void reply_edit_page(struct request *r);
void reply_edit_post(struct request *r);
void reply_history_page(struct request *r);
void reply_hide_page(struct request *r);
void reply_hide_post(struct request *r);
void platform_discussions_page(struct request *r);
/* discussion_crumbs adds the breadcrumbs of a thread (the thread itself
 * linked unless current). */
struct page;
struct discussion;
void discussion_crumbs(struct request *r, struct page *p, const struct discussion *d, bool current);

/* web/proposal.c: proposals in discussions. */
/* proposal_section writes the proposals of a thread on its page: the open
 * one with its answer form, who has not answered and its results, then the
 * earlier ones. */
void proposal_section(struct request *r, const struct discussion *d);
void proposal_new_page(struct request *r);
void proposal_create_post(struct request *r);
void proposal_page(struct request *r);
void proposal_answer_post(struct request *r);
void proposal_close_page(struct request *r);
void proposal_close_post(struct request *r);
void proposal_outcome_page(struct request *r);
void proposal_outcome_post(struct request *r);
void discussion_new_page(struct request *r);
void discussion_create_post(struct request *r);
void lesson_discussion_page(struct request *r);
void lesson_discussion_post(struct request *r);
void entry_discussion_page(struct request *r);
void entry_discussion_post(struct request *r);
void document_discussion_page(struct request *r);
void document_discussion_post(struct request *r);
void event_discussion_page(struct request *r);
void event_discussion_post(struct request *r);
void share_discussion_page(struct request *r);
void share_discussion_post(struct request *r);
void question_discussion_page(struct request *r);
void question_discussion_post(struct request *r);
/* discussion_item_section writes the Discussion section of an item's page:
 * the link to its thread (with the reader's unread count) or to start one. */
void discussion_item_section(struct request *r, const char *kind, int64_t key, const char *id);
/* discussion_platform_section writes a platform's most active threads. */
struct platform;
void discussion_platform_section(struct request *r, const struct platform *pl);

/* web/notification.c */
/* notification_sentence says what happened, naming who only where the
 * reader may know; notification_path is the address of what it is about,
 * from the root of the site (both in the arena): pages and email alike. */
struct notification;
const char *notification_sentence(struct arena *a, const struct notification *n);
const char *notification_path(struct arena *a, const struct notification *n);
void notification_index_page(struct request *r);

/* Email (web/mail.c). mail_message_render is the mail_render of mail.h. */
struct ctx;
struct mail;
struct notification_list;
void mail_message_render(struct ctx *c, struct mail *m, const struct notification_list *items);
void mail_unsubscribe_page(struct request *r);
void mail_unsubscribe_post(struct request *r);
void mail_unsubscribe_one_click(struct request *r);
void admin_mail_page(struct request *r);
void notification_read_post(struct request *r);
void notification_preferences_page(struct request *r);
void notification_preferences_post(struct request *r);

/* web/question.c: the learning agenda. */
void alliance_questions_page(struct request *r);
void question_page(struct request *r);
void question_new_page(struct request *r);
void question_create_post(struct request *r);
void question_edit_page(struct request *r);
void question_edit_post(struct request *r);
void question_delete_page(struct request *r);
void question_delete_post(struct request *r);
void question_link_post(struct request *r);
void question_unlink_post(struct request *r);
/* question_item_side writes the card of the learning questions an event,
 * lesson or document (kind, key) is linked to, those the viewer may read;
 * nothing when none. */
void question_item_side(struct request *r, const char *kind, int64_t key);
/* question_platform_section writes a platform's page section of the
 * learning questions it owns (the newest five the viewer may read). */
void question_platform_section(struct request *r, const struct platform *pl);
/* question_status_tag writes a question's status as a tag. */
void question_status_tag(struct request *r, const char *status);

/* web/cycle.c: action-research cycles. */
void cycle_page(struct request *r);
void cycle_new_page(struct request *r);
void cycle_create_post(struct request *r);
void cycle_edit_page(struct request *r);
void cycle_edit_post(struct request *r);
void cycle_delete_page(struct request *r);
void cycle_delete_post(struct request *r);

#endif
