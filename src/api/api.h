/*
 * api.h — the handlers of the JSON API under /api/v1, one group per noun
 * (api/alliance.c, api/platform.c, …). The route table in http/routes.c names
 * them; the OpenAPI document (api/openapi.json) describes them.
 */
#ifndef ALLIANCE_API_H
#define ALLIANCE_API_H

#include "http/request.h"

/* api/alliance.c */
void api_alliance_list(struct request *r);
void api_alliance_create(struct request *r);
void api_alliance_get(struct request *r);
void api_alliance_update(struct request *r);
void api_alliance_delete(struct request *r);

/* api/platform.c */
void api_platform_list(struct request *r);
void api_platform_create(struct request *r);
void api_platform_get(struct request *r);
void api_platform_update(struct request *r);
void api_platform_delete(struct request *r);
void api_link_list(struct request *r);
void api_link_create(struct request *r);
void api_link_get(struct request *r);
void api_link_update(struct request *r);
void api_link_delete(struct request *r);

/* api/organisation.c */
void api_organisation_list(struct request *r);
void api_organisation_create(struct request *r);
void api_organisation_get(struct request *r);
void api_organisation_update(struct request *r);
void api_organisation_delete(struct request *r);

/* api/person.c */
void api_person_list(struct request *r);
void api_person_create(struct request *r);
void api_person_get(struct request *r);
void api_person_update(struct request *r);
void api_person_delete(struct request *r);

/* api/membership.c */
void api_membership_list(struct request *r);
void api_membership_create(struct request *r);
void api_membership_get(struct request *r);
void api_membership_update(struct request *r);
void api_membership_delete(struct request *r);

/* api/lesson.c */
void api_lesson_list(struct request *r);
void api_lesson_create(struct request *r);
void api_lesson_get(struct request *r);
void api_lesson_update(struct request *r);
void api_lesson_delete(struct request *r);
void api_search(struct request *r);

/* api/assessment.c */
void api_assessment_list(struct request *r);
void api_assessment_create(struct request *r);
void api_assessment_get(struct request *r);
void api_assessment_delete(struct request *r);

/* api/entry.c */
void api_entry_list(struct request *r);
void api_entry_create(struct request *r);
void api_entry_get(struct request *r);
void api_entry_update(struct request *r);
void api_entry_delete(struct request *r);

/* api/event.c */
void api_event_list(struct request *r);
void api_event_create(struct request *r);
void api_event_get(struct request *r);
void api_event_update(struct request *r);
void api_event_delete(struct request *r);
void api_attendance_create(struct request *r);
void api_attendance_get(struct request *r);
void api_attendance_update(struct request *r);
void api_attendance_delete(struct request *r);
void api_decision_create(struct request *r);
void api_platform_decisions(struct request *r);
void api_decision_get(struct request *r);
void api_decision_update(struct request *r);
void api_decision_delete(struct request *r);
void api_action_create(struct request *r);
void api_action_list(struct request *r);
void api_action_get(struct request *r);
void api_action_update(struct request *r);
void api_action_delete(struct request *r);

/* api/enquiry.c */
void api_enquiry_list(struct request *r);
void api_enquiry_create(struct request *r);
void api_enquiry_get(struct request *r);
void api_enquiry_update(struct request *r);

/* api/document.c */
void api_document_list(struct request *r);
void api_document_create(struct request *r);
void api_document_get(struct request *r);
void api_document_update(struct request *r);
void api_document_delete(struct request *r);
void api_document_file(struct request *r);

/* api/application.c */
void api_application_list(struct request *r);
void api_application_create(struct request *r);
void api_application_get(struct request *r);
void api_application_delete(struct request *r);

/* api/flow.c */
void api_flow_alliance(struct request *r);
void api_flow_platform(struct request *r);

/* api/share.c */
void api_share_list(struct request *r);
void api_share_create(struct request *r);
void api_share_get(struct request *r);
void api_share_respond(struct request *r);
void api_share_withdraw(struct request *r);

/* api/feed.c */
void api_feed_platform(struct request *r);

/* api/indicator.c */
void api_indicator_list(struct request *r);
void api_indicator_create(struct request *r);
void api_indicator_get(struct request *r);
void api_indicator_update(struct request *r);
void api_indicator_rollup(struct request *r);
void api_observation_list(struct request *r);
void api_observation_create(struct request *r);
void api_observation_get(struct request *r);
void api_observation_delete(struct request *r);
void api_indicator_delete(struct request *r);
/* api/discussion.c */
void api_discussion_list(struct request *r);
void api_discussion_create(struct request *r);
void api_discussion_get(struct request *r);
void api_discussion_replies(struct request *r);
void api_reply_create(struct request *r);
void api_reply_get(struct request *r);
void api_reply_update(struct request *r);
void api_reply_revisions(struct request *r);
void api_proposal_list(struct request *r);
void api_proposal_create(struct request *r);
void api_proposal_get(struct request *r);
void api_proposal_update(struct request *r);
void api_proposal_answer(struct request *r);
void api_notification_list(struct request *r);
void api_notification_read(struct request *r);
void api_notification_preferences_get(struct request *r);
void api_notification_preferences_update(struct request *r);

/* api/budget.c */
void api_budget_list(struct request *r);
void api_budget_create(struct request *r);
void api_budget_get(struct request *r);
void api_budget_update(struct request *r);
void api_budget_delete(struct request *r);
void api_need_list(struct request *r);
void api_need_create(struct request *r);
void api_need_get(struct request *r);
void api_need_update(struct request *r);
void api_need_delete(struct request *r);

/* api/question.c */
void api_question_list(struct request *r);
void api_question_create(struct request *r);
void api_question_get(struct request *r);
void api_question_update(struct request *r);
void api_question_delete(struct request *r);
void api_question_links(struct request *r);
void api_question_link_add(struct request *r);
void api_question_link_remove(struct request *r);
void api_cycle_list(struct request *r);
void api_cycle_create(struct request *r);
void api_cycle_get(struct request *r);
void api_cycle_update(struct request *r);
void api_cycle_delete(struct request *r);

#endif
