/* The names of what the program writes, in English and Swedish, and the Excel formula guard
 * (include/yrkesresa/names.h). */
#include <stdio.h>
#include <string.h>

#include "yrkesresa/names.h"
#include "yrkesresa/read.h"

/* One name: its texts (English, Swedish), category and the role of a column so named. */
typedef struct out_name {
    const char *text[YR_LANG_COUNT];
    yr_out_category cat;
    yr_read_role role;
} out_name;

#define COL(en, sv, role)                                                                          \
    {                                                                                              \
        {en, sv}, YR_OUT_COLUMN, role                                                              \
    }
#define PREFIX(en, sv)                                                                             \
    {                                                                                              \
        {en, sv}, YR_OUT_PREFIX, YR_ROLE_NONE                                                      \
    }
#define ROW(en, sv)                                                                                \
    {                                                                                              \
        {en, sv}, YR_OUT_ROW, YR_ROLE_NONE                                                         \
    }
#define VALUE(en, sv)                                                                              \
    {                                                                                              \
        {en, sv}, YR_OUT_VALUE, YR_ROLE_NONE                                                       \
    }

/* In the order of yr_out_name (test_names checks every entry). */
static const out_name names[YR_OUT_NAME_COUNT] = {
    [YR_OUT_MUNICIPALITY] = COL("municipality", "kommun", YR_ROLE_MUNICIPALITY),
    [YR_OUT_POPULATION] = COL("population", "befolkning", YR_ROLE_POPULATION),
    [YR_OUT_AMOUNT] = COL("amount", "belopp", YR_ROLE_AMOUNT),
    [YR_OUT_GROUP_AMOUNT] = COL("group_amount", "gruppbelopp", YR_ROLE_NONE),
    [YR_OUT_TOTAL] = COL("total", "totalt", YR_ROLE_NONE),
    [YR_OUT_NAME] = COL("name", "namn", YR_ROLE_MUNICIPALITY),
    [YR_OUT_WEIGHT] = COL("weight", "vikt", YR_ROLE_WEIGHT),
    [YR_OUT_PUBLISHED] = COL("published", "publicerat", YR_ROLE_AMOUNT),
    [YR_OUT_QUOTA] = COL("quota", "kvot", YR_ROLE_NONE),
    [YR_OUT_LARGEST_REMAINDER] = COL("largest_remainder", "största rest", YR_ROLE_NONE),
    [YR_OUT_DIFFERENCE] = COL("difference", "skillnad", YR_ROLE_NONE),
    [YR_OUT_WITHIN_QUOTA] = COL("within_quota", "inom kvot", YR_ROLE_NONE),
    [YR_OUT_METHODS] = COL("methods", "metoder", YR_ROLE_NONE),
    [YR_OUT_PARTICIPANT_DAYS] = COL("participant_days", "deltagardagar", YR_ROLE_PARTICIPANT_DAYS),
    [YR_OUT_FEES] = COL("fees", "avgifter", YR_ROLE_FEES),
    [YR_OUT_ADMIN] = COL("admin", "administration", YR_ROLE_NONE),
    [YR_OUT_POT_IN] = COL("pot_in", "pott", YR_ROLE_POT),
    [YR_OUT_KICKBACK] = COL("kickback", "återbetalning", YR_ROLE_NONE),
    [YR_OUT_NET] = COL("net", "netto", YR_ROLE_NONE),
    [YR_OUT_INVOICE_DATE] = COL("invoice_date", "fakturadatum", YR_ROLE_NONE),
    [YR_OUT_DUE_DATE] = COL("due_date", "förfallodatum", YR_ROLE_NONE),
    [YR_OUT_YEAR] = COL("year", "år", YR_ROLE_YEAR),
    [YR_OUT_COLUMN_NAME] = COL("column", "kolumn", YR_ROLE_NONE),
    [YR_OUT_SUM] = COL("sum", "summa", YR_ROLE_NONE),
    [YR_OUT_STATED] = COL("stated", "angivet", YR_ROLE_NONE),
    [YR_OUT_STATUS] = COL("status", "status", YR_ROLE_NONE),
    [YR_OUT_CHECK] = COL("check", "kontroll", YR_ROLE_NONE),
    [YR_OUT_COUNT] = COL("count", "antal", YR_ROLE_NONE),
    [YR_OUT_COURSE] = COL("course", "kurs", YR_ROLE_COURSE),
    [YR_OUT_REGISTERED] = COL("registered", "anmälda", YR_ROLE_REGISTERED),
    [YR_OUT_ATTENDED] = COL("attended", "deltagit", YR_ROLE_ATTENDED),
    [YR_OUT_RATE] = COL("rate", "närvaroandel", YR_ROLE_NONE),
    [YR_OUT_LOW] = COL("low", "nedre", YR_ROLE_NONE),
    [YR_OUT_HIGH] = COL("high", "övre", YR_ROLE_NONE),
    [YR_OUT_PUBLISHED_PERCENT] = COL("published_percent", "publicerad procent", YR_ROLE_PUBLISHED),
    [YR_OUT_COMPUTED_PERCENT] = COL("computed_percent", "beräknad procent", YR_ROLE_NONE),
    [YR_OUT_QUESTION] = COL("question", "fråga", YR_ROLE_QUESTION),
    [YR_OUT_YES] = COL("yes", "antal ja", YR_ROLE_YES),
    [YR_OUT_RESPONDENTS] = COL("respondents", "svarande", YR_ROLE_RESPONDENTS),
    [YR_OUT_SHARE] = COL("share", "andel", YR_ROLE_NONE),
    [YR_OUT_TARGET] = COL("target", "mål", YR_ROLE_TARGET),
    [YR_OUT_VERDICT] = COL("verdict", "bedömning", YR_ROLE_NONE),
    [YR_OUT_NOTE] = COL("note", "anmärkning", YR_ROLE_NONE),
    [YR_OUT_FROM_COURSE] = COL("from_course", "från kurs", YR_ROLE_NONE),
    [YR_OUT_TO_COURSE] = COL("to_course", "till kurs", YR_ROLE_NONE),
    [YR_OUT_COMPLETED_FROM] = COL("completed_from", "klarat från", YR_ROLE_NONE),
    [YR_OUT_COMPLETED_TO] = COL("completed_to", "klarat till", YR_ROLE_NONE),
    [YR_OUT_LINE] = COL("line", "rad", YR_ROLE_NONE),
    [YR_OUT_KIND] = COL("kind", "radtyp", YR_ROLE_NONE),
    [YR_OUT_CODE] = COL("code", "kod", YR_ROLE_CODE),
    [YR_OUT_DAY] = COL("day", "dag", YR_ROLE_DAY),
    [YR_OUT_ITEM] = COL("item", "post", YR_ROLE_ITEM),
    [YR_OUT_TRAINERS] = COL("trainers", "utbildare", YR_ROLE_NONE),
    [YR_OUT_EXACT] = COL("exact", "exakt", YR_ROLE_NONE),
    [YR_OUT_SHARE_PERCENT] = COL("share_percent", "andel_procent", YR_ROLE_NONE),
    [YR_OUT_COMPLETED_COURSE] = PREFIX("completed_course", "klarat kurs "),
    [YR_OUT_PER] = PREFIX("per_", "per "),
    [YR_OUT_DIFFERENCE_OF] = PREFIX("difference ", "skillnad "),
    [YR_OUT_QUOTA_OF] = PREFIX("quota ", "kvot "),
    [YR_OUT_SUMMA] = ROW("Summa", "Summa"),
    [YR_OUT_TOTALT] = ROW("Totalt", "Totalt"),
    [YR_OUT_UNDISTRIBUTED] = ROW("undistributed", "ej fördelat"),
    [YR_OUT_ALL_YEARS] = ROW("all", "alla"),
    [YR_OUT_V_YES] = VALUE("yes", "ja"),
    [YR_OUT_V_NO] = VALUE("no", "nej"),
    [YR_OUT_V_OK] = VALUE("ok", "ok"),
    [YR_OUT_V_MISMATCH] = VALUE("MISMATCH", "AVVIKER"),
    [YR_OUT_V_NO_STATED_TOTAL] = VALUE("no stated total", "ingen angiven summa"),
    [YR_OUT_V_MET] = VALUE("met", "uppnått"),
    [YR_OUT_V_NOT_MET] = VALUE("not met", "ej uppnått"),
    [YR_OUT_V_INCONCLUSIVE] = VALUE("inconclusive", "osäkert"),
};

static const char *const lang_codes[YR_LANG_COUNT] = {"en", "sv"};

int yr_lang_from_code(const char *code, yr_lang *out)
{
    if (code == NULL || out == NULL)
        return -1;
    for (int k = 0; k < YR_LANG_COUNT; k++) {
        const char *c = lang_codes[k];
        if (strlen(code) == 2 && (code[0] | 0x20) == c[0] && (code[1] | 0x20) == c[1]) {
            *out = (yr_lang)k;
            return 0;
        }
    }
    return -1;
}

const char *yr_lang_code(yr_lang lang)
{
    return (unsigned)lang < YR_LANG_COUNT ? lang_codes[lang] : "";
}

const char *yr_out_text(yr_out_name name, yr_lang lang)
{
    if ((unsigned)name >= YR_OUT_NAME_COUNT || (unsigned)lang >= YR_LANG_COUNT)
        return "";
    return names[name].text[lang];
}

yr_out_category yr_out_name_category(yr_out_name name)
{
    return (unsigned)name < YR_OUT_NAME_COUNT ? names[name].cat : YR_OUT_VALUE;
}

yr_read_role yr_out_name_role(yr_out_name name)
{
    return (unsigned)name < YR_OUT_NAME_COUNT ? names[name].role : YR_ROLE_NONE;
}

yr_out_name yr_out_name_find(const char *text, yr_out_category cat)
{
    for (int n = 0; text != NULL && n < YR_OUT_NAME_COUNT; n++)
        for (int l = 0; l < YR_LANG_COUNT; l++)
            if (names[n].cat == cat && strcmp(names[n].text[l], text) == 0)
                return (yr_out_name)n;
    return YR_OUT_NAME_COUNT;
}

int yr_out_fresh(yr_out_name name, yr_lang lang, int (*taken)(const char *header, void *ctx),
                 void *ctx, char *dst, size_t cap)
{
    static const char *const suffix[YR_LANG_COUNT] = {"_new", "_ny"};
    if (taken == NULL || dst == NULL)
        return -1;
    const char *base = yr_out_text(name, lang);
    if (*base == '\0') {
        if (cap > 0)
            dst[0] = '\0';
        return -1;
    }
    for (unsigned k = 0; k <= 1000000; k++) {
        int n = k == 0   ? snprintf(dst, cap, "%s", base)
                : k == 1 ? snprintf(dst, cap, "%s%s", base, suffix[lang])
                         : snprintf(dst, cap, "%s%s_%u", base, suffix[lang], k);
        if (n < 0 || (size_t)n >= cap) {
            if (cap > 0)
                dst[0] = '\0';
            return -1;
        }
        if (!taken(dst, ctx))
            return 0;
    }
    dst[0] = '\0';
    return -1;
}

/* ------------------------------------------------------------------------ tables */

typedef struct out_table {
    const char *id;
    const char *sheet[YR_LANG_COUNT];
    yr_out_name cols[10];
    size_t ncols;
} out_table;

#define N(...) {__VA_ARGS__}, sizeof((yr_out_name[]){__VA_ARGS__}) / sizeof(yr_out_name)

static const out_table tables[YR_TABLE_COUNT] = {
    [YR_TABLE_SPLIT] = {"split",
                        {"Split", "Fördelning"},
                        N(YR_OUT_AMOUNT, YR_OUT_GROUP_AMOUNT, YR_OUT_TOTAL)},
    [YR_TABLE_AUDIT] = {"audit",
                        {"Audit", "Granskning"},
                        N(YR_OUT_NAME, YR_OUT_WEIGHT, YR_OUT_PUBLISHED, YR_OUT_QUOTA,
                          YR_OUT_LARGEST_REMAINDER, YR_OUT_DIFFERENCE, YR_OUT_WITHIN_QUOTA,
                          YR_OUT_METHODS)},
    [YR_TABLE_POT] = {"pot",
                      {"Pot", "Utbildarpott"},
                      N(YR_OUT_MUNICIPALITY, YR_OUT_PARTICIPANT_DAYS, YR_OUT_FEES, YR_OUT_ADMIN,
                        YR_OUT_POT_IN, YR_OUT_KICKBACK, YR_OUT_NET)},
    [YR_TABLE_STATEMENT] = {"statement",
                            {"Statement", "Faktureringsunderlag"},
                            N(YR_OUT_TOTAL, YR_OUT_FEES, YR_OUT_KICKBACK, YR_OUT_NET,
                              YR_OUT_INVOICE_DATE, YR_OUT_DUE_DATE)},
    [YR_TABLE_COMPARE] = {"compare", {"Compare", "Jämförelse"}, N(YR_OUT_DIFFERENCE_OF)},
    [YR_TABLE_STATS_CHECK] = {"stats check",
                              {"Check", "Kontroll"},
                              N(YR_OUT_COLUMN_NAME, YR_OUT_SUM, YR_OUT_STATED, YR_OUT_DIFFERENCE,
                                YR_OUT_STATUS)},
    [YR_TABLE_STATS_PARTS] = {"stats check --parts",
                              {"Parts", "Delar"},
                              N(YR_OUT_CHECK, YR_OUT_STATED, YR_OUT_SUM, YR_OUT_DIFFERENCE,
                                YR_OUT_STATUS)},
    [YR_TABLE_STATS_COUNT] = {"stats count", {"Count", "Antal"}, N(YR_OUT_COUNT)},
    [YR_TABLE_STATS_ATTENDANCE] = {"stats attendance",
                                   {"Attendance", "Närvaro"},
                                   N(YR_OUT_COURSE, YR_OUT_REGISTERED, YR_OUT_ATTENDED, YR_OUT_RATE,
                                     YR_OUT_LOW, YR_OUT_HIGH, YR_OUT_PUBLISHED_PERCENT,
                                     YR_OUT_COMPUTED_PERCENT, YR_OUT_CHECK)},
    [YR_TABLE_STATS_SURVEY] = {"stats survey",
                               {"Survey", "Enkät"},
                               N(YR_OUT_QUESTION, YR_OUT_YES, YR_OUT_RESPONDENTS, YR_OUT_SHARE,
                                 YR_OUT_LOW, YR_OUT_HIGH, YR_OUT_TARGET, YR_OUT_VERDICT,
                                 YR_OUT_NOTE)},
    [YR_TABLE_STATS_PROGRESS] = {"stats progress",
                                 {"Progress", "Progression"},
                                 N(YR_OUT_MUNICIPALITY, YR_OUT_FROM_COURSE, YR_OUT_TO_COURSE,
                                   YR_OUT_COMPLETED_FROM, YR_OUT_COMPLETED_TO, YR_OUT_SHARE,
                                   YR_OUT_LOW, YR_OUT_HIGH, YR_OUT_NOTE)},
    [YR_TABLE_STATS_COVERAGE] = {"stats progress --population",
                                 {"Coverage", "Täckning"},
                                 N(YR_OUT_MUNICIPALITY, YR_OUT_COMPLETED_COURSE, YR_OUT_POPULATION,
                                   YR_OUT_PER, YR_OUT_LOW, YR_OUT_HIGH, YR_OUT_NOTE)},
    [YR_TABLE_READ] = {"read",
                       {"Read table", "Inläst tabell"},
                       N(YR_OUT_LINE, YR_OUT_KIND, YR_OUT_CODE)},
};

const char *yr_out_table_id(yr_out_table table)
{
    return (unsigned)table < YR_TABLE_COUNT ? tables[table].id : "";
}

yr_out_table yr_out_table_from_id(const char *id)
{
    for (int t = 0; id != NULL && t < YR_TABLE_COUNT; t++)
        if (strcmp(tables[t].id, id) == 0)
            return (yr_out_table)t;
    return YR_TABLE_COUNT;
}

const char *yr_out_table_sheet(yr_out_table table, yr_lang lang)
{
    if ((unsigned)table >= YR_TABLE_COUNT || (unsigned)lang >= YR_LANG_COUNT)
        return "";
    return tables[table].sheet[lang];
}

size_t yr_out_table_columns(yr_out_table table, yr_out_name *out, size_t cap)
{
    if ((unsigned)table >= YR_TABLE_COUNT)
        return 0;
    const out_table *t = &tables[table];
    for (size_t k = 0; out != NULL && k < t->ncols && k < cap; k++)
        out[k] = t->cols[k];
    return t->ncols;
}

/* --------------------------------------------------------------- the formula guard */

/* A character that makes Excel read a CSV cell as a formula (OWASP: = + - @ TAB CR). */
static int formula_start(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

int yr_excel_guard_needed(const char *s, size_t len)
{
    size_t k = 0;
    if (s == NULL)
        return 0;
    while (k < len && s[k] == '\'')
        k++;
    return k < len && formula_start(s[k]);
}

size_t yr_excel_guard_len(const char *s, size_t len)
{
    if (s == NULL || len < 2 || s[0] != '\'')
        return 0;
    return yr_excel_guard_needed(s + 1, len - 1) ? 1 : 0;
}
