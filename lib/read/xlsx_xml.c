/* Zip entries through expat, for an xlsx from anyone's mailbox.
 *
 * An entry is inflated in chunks (growing to XML_FEED bytes) and each chunk is given to expat as it
 * comes: the sizes the zip declares are never used (not for allocation, not as limits). Limits: the
 * whole workbook inflates to at most YR_READ_MAX_BYTES; one entry to at most YR_READ_MAX_RATIO
 * times its compressed size (which cannot exceed the archive); encrypted entries and methods
 * other than store and deflate are refused. XML: UTF-8 only (expat is told so; another declared
 * encoding or a UTF-16 byte order mark is refused); a DOCTYPE is refused where it starts, so no
 * entity is ever declared, expanded or fetched; elements nest at most XML_MAX_DEPTH deep.
 *
 * Expat 2.5 (Debian 12) parses a markup token again from its start each time a chunk ends
 * inside it, so one long token fed in chunks costs its length squared over the chunk size (a
 * 16 MiB attribute in 64 KiB chunks: 1.7 s; 1 GiB would take hours). A small scanner here
 * measures every markup token (tag, comment, processing instruction, CDATA, reference) before
 * expat sees it and refuses one longer than XML_MAX_TOKEN; with chunks at least that long a
 * token is parsed again at most once, so parsing stays linear. Chunks start at XML_FIRST and
 * double up to XML_FEED (small parts, the most common, need no 1 MiB buffer): the bytes parsed
 * again before chunks reach XML_FEED are at most 7 times XML_MAX_TOKEN. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx_impl.h"

#define XML_FIRST ((size_t)1 << 14)
#define XML_FEED ((size_t)1 << 20)
#define XML_MAX_TOKEN ((size_t)1 << 20)
#define XML_MAX_DEPTH 256u
#define NS_SEP '|'

/* --------------------------------------------------------------------- errors */

/* The length of the valid UTF-8 character at s (NUL-terminated), or 0. */
static size_t utf8_char(const unsigned char *s)
{
    size_t k = s[0] < 0x80                    ? 1
               : s[0] >= 0xC2 && s[0] <= 0xDF ? 2
               : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
               : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
                                              : 0;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((k == 3 && s[0] == 0xE0 && s[1] < 0xA0) || (k == 3 && s[0] == 0xED && s[1] >= 0xA0) ||
        (k == 4 && s[0] == 0xF0 && s[1] < 0x90) || (k == 4 && s[0] == 0xF4 && s[1] >= 0x90))
        return 0; /* overlong, a surrogate, above U+10FFFF */
    return k;
}

/* A message is one line of valid UTF-8 whatever the workbook put in it (a sheet name, a cell's
 * text, a character cut by %.40s or by the message's size): control characters become blanks,
 * bytes that are not UTF-8 become '?'. */
static void message_clean(char *m)
{
    unsigned char *s = (unsigned char *)m;
    while (*s != '\0') {
        size_t k = utf8_char(s);
        if (k == 0)
            *s++ = '?';
        else if (k == 1 && (*s < 0x20 || *s == 0x7F))
            *s++ = ' ';
        else
            s += k;
    }
}

static void fail_v(yr_read_error *err, yr_read_status st, size_t line, size_t col, const char *ref,
                   const char *fmt, va_list ap)
{
    if (err == NULL || fmt == NULL)
        return;
    err->status = st;
    err->line = line;
    err->other_line = 0;
    err->column = col;
    err->cell_ref[0] = '\0';
    if (ref != NULL)
        snprintf(err->cell_ref, sizeof err->cell_ref, "%s", ref);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    message_clean(err->message);
}

yr_read_status xlsx_fail(yr_read_error *err, yr_read_status st, size_t line, size_t col,
                         const char *ref, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(err, st, line, col, ref, fmt, ap);
    va_end(ap);
    return st;
}

void xml_fail(xml_run *r, yr_read_status st, size_t line, size_t col, const char *ref,
              const char *fmt, ...)
{
    if (r->st != YR_READ_OK)
        return;
    r->st = st;
    va_list ap;
    va_start(ap, fmt);
    fail_v(r->err, st, line, col, ref, fmt, ap);
    va_end(ap);
    XML_StopParser(r->parser, XML_FALSE);
}

/* --------------------------------------------------------------------- memory */

int xlsx_grow(void **items, size_t n, size_t *cap, size_t size, size_t min)
{
    if (n < *cap)
        return 1;
    size_t c = *cap ? *cap : min;
    while (c <= n) {
        if (c > SIZE_MAX / 2 / size)
            return 0;
        c *= 2;
    }
    void *p = realloc(*items, c * size);
    if (p == NULL)
        return 0;
    *items = p;
    *cap = c;
    return 1;
}

int xlsx_append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (n > SIZE_MAX - 1 - *len || !xlsx_grow((void **)buf, *len + n, cap, 1, 4096))
        return 0;
    memcpy(*buf + *len, s, n);
    *len += n;
    return 1;
}

/* ----------------------------------------------------------------- namespaces */

static int ns_kind(const char *uri, size_t n)
{
    static const struct {
        const char *uri;
        int kind;
    } known[] = {
        {"http://schemas.openxmlformats.org/spreadsheetml/2006/main", XNS_MAIN},
        {"http://purl.oclc.org/ooxml/spreadsheetml/main", XNS_MAIN},
        {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", XNS_REL},
        {"http://purl.oclc.org/ooxml/officeDocument/relationships", XNS_REL},
        {"http://schemas.openxmlformats.org/package/2006/relationships", XNS_PKG},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strlen(known[i].uri) == n && memcmp(known[i].uri, uri, n) == 0)
            return known[i].kind;
    return XNS_FOREIGN;
}

/* Split expat's "uri|local" into the namespace kind and the local name. */
static const char *split_name(const char *name, int *ns)
{
    const char *sep = strchr(name, NS_SEP);
    if (sep == NULL) {
        *ns = XNS_NONE;
        return name;
    }
    *ns = ns_kind(name, (size_t)(sep - name));
    return sep + 1;
}

const char *xml_attr(const char **attrs, int ns, const char *name)
{
    for (size_t i = 0; attrs[i] != NULL; i += 2) {
        int k;
        const char *local = split_name(attrs[i], &k);
        if (k == ns && strcmp(local, name) == 0)
            return attrs[i + 1];
    }
    return NULL;
}

int xml_ours(int ns)
{
    return ns == XNS_NONE || ns == XNS_MAIN || ns == XNS_PKG;
}

/* ------------------------------------------------------------ expat handlers */

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
    xml_run *r = ud;
    if (r->st != YR_READ_OK)
        return;
    if (++r->depth > XML_MAX_DEPTH) {
        xml_fail(r, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                 "%s: elements nested more than %u deep: not an Excel workbook part", r->part,
                 XML_MAX_DEPTH);
        return;
    }
    int ns;
    const char *local = split_name(name, &ns);
    if (r->start != NULL)
        r->start(r, ns, local, attrs);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    xml_run *r = ud;
    if (r->st != YR_READ_OK)
        return;
    r->depth--;
    int ns;
    const char *local = split_name(name, &ns);
    if (r->end != NULL)
        r->end(r, ns, local);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    xml_run *r = ud;
    if (r->st == YR_READ_OK && r->text != NULL && len > 0)
        r->text(r, s, (size_t)len);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
    xml_run *r = ud;
    xml_fail(r, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
             "%s: has a DOCTYPE (entity declarations), which Excel never writes: refused", r->part);
}

static int ascii_ieq(const char *a, const char *b)
{
    for (; *a != '\0' && *b != '\0'; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

static void XMLCALL on_decl(void *ud, const XML_Char *version, const XML_Char *encoding,
                            int standalone)
{
    (void)version, (void)standalone;
    xml_run *r = ud;
    if (encoding != NULL && !ascii_ieq(encoding, "UTF-8"))
        xml_fail(r, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                 "%s: the XML is declared in encoding '%.40s', but xlsx parts are UTF-8: save the "
                 "workbook again in Excel",
                 r->part, encoding);
}

/* ------------------------------------------------------------- token scanner */

enum { T_TEXT, T_LT, T_BANG, T_BANG_DASH, T_TAG, T_COMMENT, T_PI, T_CDATA, T_REF };

typedef struct tokscan {
    int state;
    char quote; /* inside a tag: the quote of an attribute value, or 0 */
    int run;    /* dashes, brackets or '?' just seen */
    size_t len; /* bytes of the current markup token */
} tokscan;

/* One byte inside markup; returns the next state. */
static int tok_step(tokscan *t, char c)
{
    switch (t->state) {
    case T_LT:
        if (c == '!')
            return T_BANG;
        if (c == '?')
            return T_PI;
        return c == '>' ? T_TEXT : T_TAG;
    case T_BANG:
        if (c == '-')
            return T_BANG_DASH;
        if (c == '[')
            return T_CDATA;
        break; /* <!DOCTYPE ...: a tag (expat refuses it through on_doctype) */
    case T_BANG_DASH:
        return c == '-' ? (t->run = 0, T_COMMENT) : T_TAG;
    case T_COMMENT:
        if (c == '>' && t->run >= 2)
            return T_TEXT;
        t->run = c == '-' ? t->run + 1 : 0;
        return T_COMMENT;
    case T_PI:
        if (c == '>' && t->run)
            return T_TEXT;
        t->run = c == '?';
        return T_PI;
    case T_CDATA:
        if (c == '>' && t->run >= 2)
            return T_TEXT;
        t->run = c == ']' ? t->run + 1 : 0;
        return T_CDATA;
    case T_REF:
        return c == ';' ? T_TEXT : T_REF;
    default:
        break;
    }
    /* T_TAG (and a declaration) */
    if (t->quote != 0) {
        if (c == t->quote)
            t->quote = 0;
    } else if (c == '"' || c == '\'') {
        t->quote = c;
    } else if (c == '>') {
        return T_TEXT;
    }
    return T_TAG;
}

/* 0, or -1 when a markup token is longer than XML_MAX_TOKEN. */
static int tok_scan(tokscan *t, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (t->state == T_TEXT) {
            if (c == '<' || c == '&') {
                t->state = c == '<' ? T_LT : T_REF;
                t->len = 1;
                t->quote = 0;
                t->run = 0;
            }
            continue;
        }
        if (++t->len > XML_MAX_TOKEN)
            return -1;
        t->state = tok_step(t, c);
    }
    return 0;
}

/* ------------------------------------------------------------------ entries */

/* The entry named @p name: exactly (libzip's hash), else ignoring case (a scan, as OPC names
 * are case-insensitive); -1 when there is none. */
static zip_int64_t locate(const xzip *z, const char *name)
{
    zip_int64_t idx = zip_name_locate(z->za, name, 0);
    return idx >= 0 ? idx : zip_name_locate(z->za, name, ZIP_FL_NOCASE);
}

int xzip_has(const xzip *z, const char *name)
{
    return locate(z, name) >= 0;
}

/* Check the entry can be inflated; *limit: the most it may inflate to; *declared: the size the
 * zip says it has (checked at the end, never used before). */
static yr_read_status entry_check(xzip *z, zip_uint64_t idx, const char *name, zip_uint64_t *limit,
                                  zip_uint64_t *declared, yr_read_error *err)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z->za, idx, 0, &st) != 0 || !(st.valid & ZIP_STAT_COMP_SIZE) ||
        !(st.valid & ZIP_STAT_COMP_METHOD) || !(st.valid & ZIP_STAT_SIZE))
        return xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                         "%s: the zip's directory entry does not read: a damaged file", name);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                         "%s: is encrypted: save the workbook without a password", name);
    if (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE)
        return xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                         "%s: is compressed with zip method %d, which Excel does not write: save "
                         "the workbook again in Excel",
                         name, (int)st.comp_method);
    zip_uint64_t comp = st.comp_size < z->len ? st.comp_size : z->len;
    *limit = comp * YR_READ_MAX_RATIO;
    *declared = st.size;
    return YR_READ_OK;
}

static yr_read_status zip_read_error(zip_file_t *f, const char *name, yr_read_error *err)
{
    int code = zip_error_code_zip(zip_file_get_error(f));
    const char *why = code == ZIP_ER_CRC      ? "its checksum does not match"
                      : code == ZIP_ER_ZLIB   ? "its compressed data does not inflate"
                      : code == ZIP_ER_INCONS ? "its size is not the one the zip declares"
                      : code == ZIP_ER_MEMORY ? NULL
                                              : zip_error_strerror(zip_file_get_error(f));
    if (why == NULL)
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL,
                         "%s: out of memory while inflating", name);
    return xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                     "%s: the zip entry is damaged (%s)", name, why);
}

/* Fill buf[0..cap) from the entry: *n bytes, *eof at its end. Counts against the limits. */
static yr_read_status entry_read(xzip *z, zip_file_t *f, char *buf, size_t cap, size_t *n, int *eof,
                                 zip_uint64_t *total, zip_uint64_t limit, const char *name,
                                 yr_read_error *err)
{
    *n = 0;
    *eof = 0;
    while (*n < cap) {
        zip_int64_t k = zip_fread(f, buf + *n, cap - *n);
        if (k < 0)
            return zip_read_error(f, name, err);
        if (k == 0) {
            *eof = 1;
            break;
        }
        *n += (size_t)k;
        *total += (zip_uint64_t)k;
        z->inflated += (size_t)k;
        if (*total > limit)
            return xlsx_fail(err, YR_READ_ERR_LIMIT, 0, YR_READ_NONE, NULL,
                             "%s: inflates to more than %d times its compressed size (a zip "
                             "bomb?): refused",
                             name, YR_READ_MAX_RATIO);
        if (z->inflated > YR_READ_MAX_BYTES)
            return xlsx_fail(err, YR_READ_ERR_LIMIT, 0, YR_READ_NONE, NULL,
                             "%s: the workbook inflates to more than 1 GiB of XML: refused", name);
    }
    return YR_READ_OK;
}

static yr_read_status xml_error(xml_run *r)
{
    XML_Parser p = r->parser;
    enum XML_Error code = XML_GetErrorCode(p);
    if (code == XML_ERROR_NO_MEMORY)
        return xlsx_fail(r->err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL,
                         "%s: out of memory while parsing", r->part);
    return xlsx_fail(r->err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                     "%s: not well-formed XML at line %lu, column %lu (%s)", r->part,
                     (unsigned long)XML_GetCurrentLineNumber(p),
                     (unsigned long)XML_GetCurrentColumnNumber(p) + 1, XML_ErrorString(code));
}

/* Feed the open entry to the parser. The size the zip declares is compared with what inflated
 * only at the end: a directory that lies is a damaged (or crafted) file. */
static yr_read_status feed(xzip *z, zip_file_t *f, zip_uint64_t limit, zip_uint64_t declared,
                           xml_run *r)
{
    tokscan ts = {T_TEXT, 0, 0, 0};
    zip_uint64_t total = 0;
    size_t chunk = XML_FIRST;
    for (int eof = 0, first = 1; !eof; first = 0, chunk = chunk < XML_FEED ? chunk * 2 : chunk) {
        char *buf = XML_GetBuffer(r->parser, (int)chunk);
        if (buf == NULL)
            return xlsx_fail(r->err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL,
                             "%s: out of memory while parsing", r->part);
        size_t n;
        yr_read_status st = entry_read(z, f, buf, chunk, &n, &eof, &total, limit, r->part, r->err);
        if (st != YR_READ_OK)
            return st;
        if (first && n >= 2 &&
            ((buf[0] == '\xFF' && buf[1] == '\xFE') || (buf[0] == '\xFE' && buf[1] == '\xFF')))
            return xlsx_fail(r->err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                             "%s: the XML is in UTF-16, but xlsx parts are UTF-8: save the "
                             "workbook again in Excel",
                             r->part);
        if (tok_scan(&ts, buf, n) != 0)
            return xlsx_fail(r->err, YR_READ_ERR_LIMIT, 0, YR_READ_NONE, NULL,
                             "%s: an XML tag longer than 1 MiB: refused", r->part);
        if (XML_ParseBuffer(r->parser, (int)n, eof) != XML_STATUS_OK)
            return r->st != YR_READ_OK ? r->st : xml_error(r);
        if (r->st != YR_READ_OK)
            return r->st;
    }
    if (total != declared)
        return xlsx_fail(r->err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                         "%s: the zip entry is damaged (it inflates to %llu bytes, but the zip "
                         "says %llu)",
                         r->part, (unsigned long long)total, (unsigned long long)declared);
    return YR_READ_OK;
}

yr_read_status xzip_parse(xzip *z, const char *name, int required, xml_run *r, int *found)
{
    *found = 0;
    zip_int64_t idx = locate(z, name);
    if (idx < 0) {
        if (!required)
            return YR_READ_OK;
        return xlsx_fail(r->err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                         "%s: missing from the zip: not an Excel workbook, or a damaged one", name);
    }
    *found = 1;
    zip_uint64_t limit = 0, declared = 0;
    yr_read_status st = entry_check(z, (zip_uint64_t)idx, name, &limit, &declared, r->err);
    if (st != YR_READ_OK)
        return st;
    zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
    if (f == NULL)
        return xlsx_fail(r->err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                         "%s: the zip entry does not open (%s)", name,
                         zip_error_strerror(zip_get_error(z->za)));
    r->parser = XML_ParserCreateNS("UTF-8", NS_SEP);
    if (r->parser == NULL) {
        zip_fclose(f);
        return xlsx_fail(r->err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "%s: out of memory",
                         name);
    }
    r->part = name;
    r->st = YR_READ_OK;
    r->depth = 0;
    XML_SetUserData(r->parser, r);
    XML_SetElementHandler(r->parser, on_start, on_end);
    XML_SetCharacterDataHandler(r->parser, on_text);
    XML_SetStartDoctypeDeclHandler(r->parser, on_doctype);
    XML_SetXmlDeclHandler(r->parser, on_decl);
    XML_SetParamEntityParsing(r->parser, XML_PARAM_ENTITY_PARSING_NEVER);
    st = feed(z, f, limit, declared, r);
    XML_ParserFree(r->parser);
    r->parser = NULL;
    zip_fclose(f);
    return st;
}
