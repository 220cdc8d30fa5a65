/*
 * demo_documents.c — the documents of the demo (see demo_documents.h).
 */
#include "cli/demo_documents.h"

#include "core/i18n.h"
#include "domain/document.h"
#include "domain/person.h"

#include "store/files.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* The table keeps one record per block, so clang-format is told to leave it alone. */
/* clang-format off */

const struct demo_document demo_documents[] = {
    {"nat", "esi.quansah@example.org", "guideline",
     "National guidelines for the operation and maintenance of rural water facilities",
     "Community Water and Sanitation Agency", "water supply; operation and maintenance; handpumps",
     "What district assemblies, water and sanitation management teams and area mechanics each do "
     "to keep handpumps and small piped schemes working, with the **monthly checklist** and the "
     "spare-parts price list agreed by the national platform.",
     "Community Water and Sanitation Agency", "2025-03", "en", "Ghana", "Open licence",
     "https://example.org/ghana/cwsa/om-guidelines-2025.pdf", "public", "published"},
    {"nat", "esi.quansah@example.org", "policy",
     "Sector review: district budgets for WASH, 2024",
     "Ministry of Sanitation and Water Resources", "budgets; finance; district assemblies",
     "Planned and spent budgets of forty districts for water, sanitation and hygiene, and what "
     "the national platform recommends for the next medium-term plan.",
     "Ministry of Sanitation and Water Resources", "2025-06-30", "en", "Ghana, 2024", "",
     "https://example.org/ghana/mswr/sector-review-2024.pdf", "alliance", "published"},
    {"uer", "patience.atanga@example.org", "tool",
     "Water point functionality survey form",
     "Upper East Regional Learning Platform", "monitoring; water points; mobile phones",
     "The form the district monitors fill in each month on their phones, with the meaning of "
     "every answer. Print it for places without a signal.",
     "Upper East Regional Learning Platform", "2025-01", "en", "Upper East region", "",
     "https://example.org/uer/functionality-survey-form.xlsx", "public", "published"},
    {"uer", "patience.atanga@example.org", "report",
     "Regional learning event on spare parts supply, Bolgatanga",
     "Patience Atanga", "spare parts; area mechanics; learning event",
     "Minutes and conclusions of the two-day event where mechanics, dealers and three "
     "district assemblies compared how spare parts reach communities.",
     "Gurune Community Radio", "2024-11-21", "en", "Upper East region", "",
     "https://example.org/uer/spare-parts-learning-event-report.pdf", "alliance", "published"},
    {"uer-bolga", "cynthia.atampugre@example.org", "case_study",
     "How Zaare kept its handpump working through the dry season",
     "Cynthia Atampugre", "handpumps; water committees; women",
     "A water committee led by women, a savings box and a mechanic on a motorbike: what "
     "changed in Zaare, and what it cost.",
     "Bolgatanga Municipal Learning Platform", "2025-05", "en", "Zaare, Bolgatanga", "",
     "https://example.org/bolga/zaare-case-study.pdf", "public", "published"},
    {"uer-bolga", "cynthia.atampugre@example.org", "training_material",
     "Bookkeeping for water and sanitation management teams",
     "Cynthia Atampugre", "finance; training; water committees",
     "Slides and exercises for a one-day training of treasurers: receipts, the cash book and "
     "the monthly report to the assembly.",
     "Bolgatanga Municipal Learning Platform", "2025", "en", "Bolgatanga", "",
     "https://example.org/bolga/bookkeeping-training.pptx", "platform", "published"},
    {"ner", "mariama.iddrisu@example.org", "report",
     "Northern region drilling contracts: siting failures and what to change",
     "Mariama Iddrisu", "boreholes; siting; contracts",
     "Twelve dry boreholes in two years, traced back to how siting was paid for. A draft for "
     "the regional platform to discuss.",
     "Northern Regional Learning Platform", "2026-02", "en", "Northern region", "",
     "https://example.org/ner/drilling-contracts-draft.docx", "alliance", "draft"},
    {"bf-centre-est", "edwige.sorgho@example.gov.bf", "policy",
     "Référentiel des coûts du service public de l'eau potable en milieu rural",
     "Direction générale de l'eau potable", "coûts; tarifs; service public de l'eau",
     "Les coûts de référence d'un forage équipé, d'une adduction d'eau potable simplifiée et "
     "de leur entretien, et la part que paient les usagers, les communes et l'État.",
     "Ministère de l'Eau et de l'Assainissement", "2024-09", "fr", "Burkina Faso", "",
     "https://example.org/bf/referentiel-couts-eau-2024.pdf", "public", "published"},
};

const struct demo_upload demo_uploads[] = {
    {{"uer-bolga", "cynthia.atampugre@example.org", "tool",
      "Monthly handpump inspection checklist",
      "Bolgatanga Municipal Learning Platform", "handpumps; inspection; area mechanics",
      "The one-page checklist area mechanics and water committees use on the first Monday of "
      "each month, as a text file to print or copy.",
      "Bolgatanga Municipal Learning Platform", "2025-02", "en", "Bolgatanga", "Open licence",
      NULL, "public", "published"},
     "handpump-inspection-checklist.txt",
     "MONTHLY HANDPUMP INSPECTION CHECKLIST\n"
     "Bolgatanga Municipal WASH Platform - first Monday of each month\n\n"
     "Community: ________   Water point number: ________   Date: ________\n\n"
     "1. Pump head: bolts tight, no cracks, handle moves freely without knocking.\n"
     "2. Spout: water within ten strokes; note the number of strokes to first water.\n"
     "3. Apron and drain: no cracks, no standing water, soakaway not blocked.\n"
     "4. Fence and gate: goats and cattle kept out; gate closes.\n"
     "5. Chain and rods: listen for a rattle; report any change to the area mechanic.\n"
     "6. Water quality: colour, smell and taste as usual; if not, stop use and call the "
     "environmental health officer.\n"
     "7. Committee box: the savings box counted with two members present; amount written in "
     "the cash book.\n"
     "8. Spare parts: cup seals, O-rings and the pump rod coupling in stock at the dealer in "
     "Bolgatanga market.\n\n"
     "Send the answers by SMS to the district monitor the same day. A pump that gives no "
     "water for two days is reported at once, not at the end of the month.\n"},
    {{"uer", "patience.atanga@example.org", "report",
      "Terms of reference of the Upper East regional learning platform",
      "Upper East Regional Learning Platform", "learning alliance; platform; governance",
      "Who sits on the regional platform, how often it meets, who documents its work and how "
      "lessons travel to the national platform.",
      "Upper East Regional Learning Platform", "2024-06", "en", "Upper East region", "",
      NULL, "alliance", "published"},
     "uer-platform-terms-of-reference.txt",
     "TERMS OF REFERENCE - UPPER EAST REGIONAL WASH LEARNING PLATFORM\n\n"
     "Purpose. The platform brings together the Regional Coordinating Council, the district "
     "assemblies, the Community Water and Sanitation Agency, NGOs, the private sector and "
     "community representatives to learn together how water, sanitation and hygiene services "
     "can last.\n\n"
     "Meetings. Four times a year, rotating between the districts, with a field visit the day "
     "before. The convenor invites; the facilitator prepares the agenda with the members.\n\n"
     "Process documentation. A documenter keeps the journal of the platform, writes the "
     "minutes within a week and records lessons, failures as well as successes.\n\n"
     "Flow of knowledge. Lessons of the district platforms are discussed at every meeting; "
     "those that concern national policy go to the national platform with a short note. "
     "Decisions of the national platform are explained to the districts within a month.\n"},
    {{"bf-kaya", "edwige.sorgho@example.gov.bf", "report",
      "Compte rendu de l'atelier communal sur l'assainissement à Kaya",
      "Plateforme communale de Kaya", "assainissement; latrines; atelier",
      "Ce que les conseillers, les maçons et les associations de femmes ont conclu sur les "
      "latrines familiales et la vidange.",
      "Plateforme communale de Kaya", "2025-04-17", "fr", "Kaya", "",
      NULL, "alliance", "published"},
     "atelier-assainissement-kaya.txt",
     "COMPTE RENDU DE L'ATELIER COMMUNAL SUR L'ASSAINISSEMENT - KAYA, 17 AVRIL 2025\n\n"
     "Participants : conseillers municipaux, service de l'hygiène, maçons formés, associations "
     "de femmes, deux villages pilotes.\n\n"
     "Constats. Les latrines construites en 2023 sont utilisées quand la fosse est maçonnée ; "
     "les fosses non maçonnées se sont effondrées pendant l'hivernage. La vidange manuelle "
     "reste chère et mal vue.\n\n"
     "Décisions. La commune subventionne le ciment des fosses pour les ménages vulnérables ; "
     "les maçons formés donnent une garantie d'un an ; la plateforme régionale est saisie de "
     "la question de la vidange et du dépotage.\n\n"
     "Leçon à partager : sans fosse maçonnée, pas de latrine durable en sol sableux.\n"},
};

/* clang-format on */

const size_t demo_upload_count = sizeof demo_uploads / sizeof demo_uploads[0];

const size_t demo_document_count = sizeof demo_documents / sizeof demo_documents[0];

/* A text file written into the files directory, and its name. */
struct written {
    struct files_writer w;
    char sha[FILES_HASH_LEN + 1];
};

/* keep_file puts the written file in its place (document_keep). */
static int keep_file(void *arg)
{
    struct written *f = arg;
    return files_commit(&f->w, f->sha);
}

/* add adds one document as its author, with its file when file is not NULL. */
static int add(struct ctx *c, demo_lookup lookup, const void *platforms, const void *people,
               const struct demo_document *x, const struct document_file *file,
               struct written *written)
{
    const struct viewer *loader = c->viewer;
    const char *person_id = lookup(people, x->author_email);
    struct person *pe;
    if (!person_id || person_find(c, person_id, &pe) != STATUS_OK) {
        fprintf(stderr, _("alliance: demo: no person %s\n"), x->author_email);
        return -1;
    }
    struct viewer author = {
        .person_key = pe->key, .person_id = pe->id, .name = pe->name, .admin = true};
    struct document d = {.platform_id = (char *)lookup(platforms, x->platform_key),
                         .doc_type = (char *)x->doc_type,
                         .title = (char *)x->title,
                         .creator = (char *)x->creator,
                         .subject = (char *)x->subject,
                         .description = (char *)x->description,
                         .publisher = (char *)x->publisher,
                         .date = (char *)x->date,
                         .language = (char *)x->language,
                         .coverage = (char *)x->coverage,
                         .rights = (char *)x->rights,
                         .url = (char *)x->url,
                         .visibility = (char *)x->visibility,
                         .status = (char *)x->status};
    struct problems p = {0};
    c->viewer = &author;
    enum status s = document_create(c, &d, file, file ? keep_file : NULL, written, &p);
    c->viewer = loader;
    if (s != STATUS_OK) {
        fprintf(stderr, _("alliance: demo: cannot add the document \"%.40s…\": %s%s%s\n"), x->title,
                p.count ? p.items[0].message : status_code(s),
                p.count && p.items[0].field ? " — " : "",
                p.count && p.items[0].field ? p.items[0].field : "");
        return -1;
    }
    return 0;
}

/* add_upload writes the text into the files directory, then adds it. */
static int add_upload(struct ctx *c, demo_lookup lookup, const void *platforms, const void *people,
                      const struct demo_upload *u, const char *files_dir)
{
    struct written f;
    size_t n = strlen(u->text);
    if (files_begin(files_dir, &f.w) != 0 || files_write(&f.w, u->text, n) != 0 ||
        files_finish(&f.w, f.sha) != 0) {
        fprintf(stderr, _("alliance: demo: cannot write %s into %s: %s\n"), u->file_name, files_dir,
                strerror(errno));
        files_abort(&f.w);
        return -1;
    }
    struct document_file file = {f.sha, (int64_t)n, "text/plain", u->file_name, u->text};
    int rc = add(c, lookup, platforms, people, &u->record, &file, &f);
    files_abort(&f.w); /* nothing left once kept; the temporary file otherwise */
    return rc;
}

int demo_documents_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                        const void *people, const char *files_dir, size_t *uploaded)
{
    *uploaded = 0;
    for (size_t i = 0; i < demo_document_count; i++)
        if (add(c, lookup, platforms, people, &demo_documents[i], NULL, NULL) != 0)
            return -1;
    if (!files_dir)
        return 0;
    for (size_t i = 0; i < demo_upload_count; i++) {
        if (add_upload(c, lookup, platforms, people, &demo_uploads[i], files_dir) != 0)
            return -1;
        ++*uploaded;
    }
    return 0;
}
