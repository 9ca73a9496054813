/* xlsx workbooks: the zip, the workbook's sheets, shared strings and styles (xlsx.h).
 *
 * Parts are found as Excel and the OPC package define them: _rels/.rels names the workbook
 * (xl/workbook.xml when it has no such relationship), the workbook's relationships
 * (xl/_rels/workbook.xml.rels) name each sheet's part and the shared strings and styles (their
 * usual names when the relationships do not). Targets are relative to the part's folder, or
 * absolute from the package's root ("/xl/worksheets/sheet1.xml"). */
#include <stdlib.h>
#include <string.h>

#include "xlsx_impl.h"

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d != NULL)
        memcpy(d, s, n);
    return d;
}

static void nomem(xml_run *r)
{
    xml_fail(r, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "%s: out of memory", r->part);
}

/* ----------------------------------------------------------------- part names */

/* The part a relationship's @p target names, seen from part @p source ("xl/workbook.xml"):
 * absolute targets from the root, relative ones from the source's folder, "." and ".." resolved.
 * "" when it climbs above the root (no part has that name); NULL when memory runs out. */
static char *resolve_target(const char *source, const char *target)
{
    size_t dir = 0;
    if (target[0] == '/') {
        target++;
    } else {
        const char *slash = strrchr(source, '/');
        dir = slash != NULL ? (size_t)(slash - source) + 1 : 0;
    }
    size_t tn = strlen(target);
    char *out = malloc(dir + tn + 1);
    if (out == NULL)
        return NULL;
    memcpy(out, source, dir);
    size_t o = dir;
    for (const char *seg = target; *seg != '\0';) {
        size_t len = strcspn(seg, "/");
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            if (o == 0) {
                out[0] = '\0';
                return out;
            }
            o--; /* the '/' that ends the folder */
            while (o > 0 && out[o - 1] != '/')
                o--;
        } else if (len > 0 && !(len == 1 && seg[0] == '.')) {
            memcpy(out + o, seg, len);
            o += len;
            if (seg[len] == '/')
                out[o++] = '/';
        }
        seg += len + (seg[len] == '/');
    }
    out[o] = '\0';
    return out;
}

/* "xl/_rels/workbook.xml.rels" for "xl/workbook.xml". */
static char *rels_of(const char *part)
{
    const char *slash = strrchr(part, '/');
    size_t dir = slash != NULL ? (size_t)(slash - part) + 1 : 0;
    size_t n = strlen(part);
    char *out = malloc(n + sizeof "_rels/" + sizeof ".rels");
    if (out == NULL)
        return NULL;
    memcpy(out, part, dir);
    memcpy(out + dir, "_rels/", 6);
    memcpy(out + dir + 6, part + dir, n - dir);
    memcpy(out + 6 + n, ".rels", sizeof ".rels");
    return out;
}

/* ------------------------------------------------------------- relationships */

typedef struct rel {
    char *id, *type, *target; /* target resolved to a part name; NULL when external */
} rel;

typedef struct rels {
    const char *source;
    rel *items;
    size_t n, cap;
} rels;

static void rels_free(rels *rs)
{
    for (size_t i = 0; i < rs->n; i++) {
        free(rs->items[i].id);
        free(rs->items[i].type);
        free(rs->items[i].target);
    }
    free(rs->items);
}

static void rels_start(xml_run *r, int ns, const char *name, const char **attrs)
{
    rels *rs = r->ud;
    if (!xml_ours(ns) || strcmp(name, "Relationship") != 0)
        return;
    const char *id = xml_attr(attrs, XNS_NONE, "Id");
    const char *type = xml_attr(attrs, XNS_NONE, "Type");
    const char *target = xml_attr(attrs, XNS_NONE, "Target");
    const char *mode = xml_attr(attrs, XNS_NONE, "TargetMode");
    if (id == NULL || type == NULL || target == NULL) {
        xml_fail(r, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                 "%s: a relationship without Id, Type or Target", r->part);
        return;
    }
    if (!xlsx_grow((void **)&rs->items, rs->n, &rs->cap, sizeof *rs->items, 8)) {
        nomem(r);
        return;
    }
    rel *x = &rs->items[rs->n];
    int external = mode != NULL && strcmp(mode, "External") == 0;
    x->id = dup_str(id);
    x->type = dup_str(type);
    x->target = external ? NULL : resolve_target(rs->source, target);
    rs->n++;
    if (x->id == NULL || x->type == NULL || (!external && x->target == NULL))
        nomem(r);
}

static yr_read_status rels_read(xzip *z, const char *source, int required, rels *out,
                                yr_read_error *err)
{
    memset(out, 0, sizeof *out);
    out->source = source;
    char *name = rels_of(source);
    if (name == NULL)
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
    xml_run r = {0};
    r.start = rels_start;
    r.ud = out;
    r.err = err;
    int found;
    yr_read_status st = xzip_parse(z, name, required, &r, &found);
    free(name);
    return st;
}

/* The relationship of type ".../SUFFIX" (transitional or strict), or NULL. */
static const rel *rels_by_type(const rels *rs, const char *suffix)
{
    size_t sn = strlen(suffix);
    for (size_t i = 0; i < rs->n; i++) {
        size_t tn = strlen(rs->items[i].type);
        if (tn > sn && rs->items[i].type[tn - sn - 1] == '/' &&
            strcmp(rs->items[i].type + tn - sn, suffix) == 0)
            return &rs->items[i];
    }
    return NULL;
}

static int rel_by_id_cmp(const void *a, const void *b)
{
    return strcmp(((const rel *)a)->id, ((const rel *)b)->id);
}

/* Sort the relationships by Id (looked up once a sheet); two with one Id are an error. */
static yr_read_status rels_index(rels *rs, const char *part, yr_read_error *err)
{
    if (rs->n > 1)
        qsort(rs->items, rs->n, sizeof *rs->items, rel_by_id_cmp);
    for (size_t i = 1; i < rs->n; i++)
        if (strcmp(rs->items[i - 1].id, rs->items[i].id) == 0)
            return xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                             "%s: two relationships have the Id '%s': a damaged workbook", part,
                             rs->items[i].id);
    return YR_READ_OK;
}

static const rel *rels_by_id(const rels *rs, const char *id)
{
    rel key = {(char *)id, NULL, NULL};
    return rs->n > 0 ? bsearch(&key, rs->items, rs->n, sizeof *rs->items, rel_by_id_cmp) : NULL;
}

/* --------------------------------------------------------------------- workbook */

typedef struct wb_sheet {
    char *name, *rid;
    int hidden;
} wb_sheet;

typedef struct wb_parse {
    wb_sheet *sheets;
    size_t n, cap;
    int date1904, full_calc;
} wb_parse;

static int truthy(const char *v)
{
    return v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

static void wb_start(xml_run *r, int ns, const char *name, const char **attrs)
{
    wb_parse *w = r->ud;
    if (!xml_ours(ns))
        return;
    if (strcmp(name, "workbookPr") == 0) {
        w->date1904 = truthy(xml_attr(attrs, XNS_NONE, "date1904"));
        return;
    }
    if (strcmp(name, "calcPr") == 0) {
        w->full_calc = truthy(xml_attr(attrs, XNS_NONE, "fullCalcOnLoad"));
        return;
    }
    if (strcmp(name, "sheet") != 0)
        return;
    const char *sname = xml_attr(attrs, XNS_NONE, "name");
    const char *rid = xml_attr(attrs, XNS_REL, "id");
    const char *state = xml_attr(attrs, XNS_NONE, "state");
    if (sname == NULL || rid == NULL) {
        xml_fail(r, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                 "%s: sheet %zu has no name or no r:id", r->part, w->n + 1);
        return;
    }
    if (!xlsx_grow((void **)&w->sheets, w->n, &w->cap, sizeof *w->sheets, 8)) {
        nomem(r);
        return;
    }
    wb_sheet *s = &w->sheets[w->n++];
    s->name = dup_str(sname);
    s->rid = dup_str(rid);
    s->hidden = state != NULL && (strcmp(state, "hidden") == 0 || strcmp(state, "veryHidden") == 0);
    if (s->name == NULL || s->rid == NULL)
        nomem(r);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Two sheets of one name are an error (sorted: a workbook of many sheets is no quadratic work). */
static yr_read_status distinct_names(const wb_parse *w, const char *part, yr_read_error *err)
{
    const char **names = malloc(w->n * sizeof *names);
    if (names == NULL)
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
    for (size_t i = 0; i < w->n; i++)
        names[i] = w->sheets[i].name;
    qsort(names, w->n, sizeof *names, name_cmp);
    yr_read_status st = YR_READ_OK;
    for (size_t i = 1; i < w->n && st == YR_READ_OK; i++)
        if (strcmp(names[i - 1], names[i]) == 0)
            st = xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                           "%s: two sheets are named '%s'", part, names[i]);
    free(names);
    return st;
}

static void wb_free(wb_parse *w)
{
    for (size_t i = 0; i < w->n; i++) {
        free(w->sheets[i].name);
        free(w->sheets[i].rid);
    }
    free(w->sheets);
}

/* The workbook part: the officeDocument relationship of _rels/.rels, else xl/workbook.xml. */
static yr_read_status find_workbook(xzip *z, char **part, yr_read_error *err)
{
    rels pr;
    yr_read_status st = rels_read(z, "", 0, &pr, err);
    if (st != YR_READ_OK) {
        rels_free(&pr);
        return st;
    }
    const rel *doc = rels_by_type(&pr, "officeDocument");
    *part = dup_str(doc != NULL && doc->target != NULL ? doc->target : "xl/workbook.xml");
    rels_free(&pr);
    if (*part == NULL)
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
    return YR_READ_OK;
}

/* Each sheet's part from the workbook's relationships. */
static yr_read_status place_sheets(xlsx_book *b, wb_parse *w, const rels *rs, const char *wbpart,
                                   yr_read_error *err)
{
    b->sheets = calloc(w->n, sizeof *b->sheets);
    if (b->sheets == NULL)
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
    for (size_t i = 0; i < w->n; i++) {
        const rel *x = rels_by_id(rs, w->sheets[i].rid);
        const char *part = x != NULL ? x->target : NULL;
        if (x == NULL)
            return xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                             "%s: sheet '%s' has no relationship %s: a damaged workbook", wbpart,
                             w->sheets[i].name, w->sheets[i].rid);
        if (part == NULL || part[0] == '\0')
            return xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                             "%s: sheet '%s' is outside the file (relationship %s): refused",
                             wbpart, w->sheets[i].name, w->sheets[i].rid);
        if (!xzip_has(&b->z, part))
            return xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                             "%s: sheet '%s' is %s, which is missing from the zip: a damaged "
                             "workbook",
                             wbpart, w->sheets[i].name, part);
        b->sheets[i].part = dup_str(part);
        b->sheets[i].name = w->sheets[i].name;
        w->sheets[i].name = NULL;
        b->sheets[i].hidden = w->sheets[i].hidden;
        b->nsheets = i + 1;
        if (b->sheets[i].part == NULL)
            return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
    }
    return YR_READ_OK;
}

/* ---------------------------------------------------------------- shared strings */

typedef struct sst_parse {
    xlsx_book *b;
    size_t len, cap; /* of b->sst */
    size_t offcap;   /* of b->sst_off */
    size_t start;    /* where the current string starts in b->sst */
    int in_si, in_t;
    unsigned skip; /* inside <rPh> (phonetic runs): not part of the text */
} sst_parse;

static void sst_start(xml_run *r, int ns, const char *name, const char **attrs)
{
    (void)attrs;
    sst_parse *p = r->ud;
    if (!xml_ours(ns))
        return;
    if (strcmp(name, "si") == 0) {
        p->in_si = 1;
        p->start = p->len;
    } else if (p->in_si && strcmp(name, "rPh") == 0) {
        p->skip++;
    } else if (p->in_si && p->skip == 0 && strcmp(name, "t") == 0) {
        p->in_t = 1;
    }
}

static void sst_end(xml_run *r, int ns, const char *name)
{
    sst_parse *p = r->ud;
    xlsx_book *b = p->b;
    if (!xml_ours(ns))
        return;
    if (strcmp(name, "t") == 0) {
        p->in_t = 0;
    } else if (strcmp(name, "rPh") == 0 && p->skip > 0) {
        p->skip--;
    } else if (strcmp(name, "si") == 0 && p->in_si) {
        p->in_si = 0;
        if (p->len > p->start) /* b->sst is NULL until the first text */
            p->len = p->start + xv_unescape(b->sst + p->start, p->len - p->start);
        if (!xlsx_grow((void **)&b->sst_off, b->nsst + 1, &p->offcap, sizeof *b->sst_off, 8)) {
            nomem(r);
            return;
        }
        b->sst_off[++b->nsst] = (uint32_t)p->len;
    }
}

static void sst_text(xml_run *r, const char *s, size_t n)
{
    sst_parse *p = r->ud;
    xlsx_book *b = p->b;
    if (!p->in_t)
        return;
    if (p->len - p->start + n > YR_READ_MAX_FIELD) {
        xml_fail(r, YR_READ_ERR_LIMIT, 0, YR_READ_NONE, NULL,
                 "%s: shared string %zu is longer than 1 MiB", r->part, b->nsst);
        return;
    }
    if (p->len + n > UINT32_MAX) {
        xml_fail(r, YR_READ_ERR_LIMIT, 0, YR_READ_NONE, NULL,
                 "%s: the shared strings hold more than 4 GiB", r->part);
        return;
    }
    if (!xlsx_append(&b->sst, &p->len, &p->cap, s, n))
        nomem(r);
}

static yr_read_status read_sst(xlsx_book *b, const char *part, yr_read_error *err)
{
    sst_parse p = {0};
    p.b = b;
    b->sst_off = malloc(8 * sizeof *b->sst_off);
    if (b->sst_off == NULL)
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
    b->sst_off[0] = 0;
    p.offcap = 8;
    xml_run r = {0};
    r.start = sst_start;
    r.end = sst_end;
    r.text = sst_text;
    r.ud = &p;
    r.err = err;
    return xzip_parse(&b->z, part, 0, &r, &b->have_sst);
}

/* ------------------------------------------------------------------------ styles */

typedef struct style_parse {
    struct numfmt {
        long id;
        int cls;
        uint16_t shows; /* 1 + its index in the book's shows, or 0 (a plain number) */
    } * fmts;
    xlsx_book *b;
    size_t nfmts, fmtcap;
    long *xf_fmt;  /* cellXfs: numFmtId of each */
    long *xf_font; /* cellXfs: fontId of each */
    size_t nxf, xfcap, fontcap;
    uint8_t *struck; /* fonts: 1 when font i has <strike/> (not val="0") */
    size_t nfonts, struckcap;
    int in_cellxfs, in_numfmts, in_fonts;
} style_parse;

static long attr_long(const char **attrs, const char *name, long dflt)
{
    const char *v = xml_attr(attrs, XNS_NONE, name);
    if (v == NULL)
        return dflt;
    char *end;
    long x = strtol(v, &end, 10);
    return end == v || *end != '\0' || x < 0 ? -1 : x;
}

/* The class of custom format @p code; a format that scales the number or writes a literal beside
 * it is kept in the book's shows (the format of the numFmt being added). */
static int format_shows(xml_run *r, style_parse *p, const char *code)
{
    int thousands;
    char literal[XV_LITERAL_MAX];
    int cls = xv_format_info(code, &thousands, literal);
    if (thousands == 0 && literal[0] == '\0')
        return cls;
    xlsx_book *b = p->b;
    size_t cap = b->nshows;
    if (b->nshows >= UINT16_MAX) {
        xml_fail(r, YR_READ_ERR_LIMIT, 0, YR_READ_NONE, NULL,
                 "%s: more than 65534 number formats that scale or label numbers", r->part);
        return cls;
    }
    char *copy = malloc(strlen(code) + 1);
    if (copy == NULL ||
        !xlsx_grow((void **)&b->shows, b->nshows, &cap, sizeof *b->shows, b->nshows + 1)) {
        free(copy);
        nomem(r);
        return cls;
    }
    strcpy(copy, code);
    b->shows[b->nshows] = (xlsx_shows){copy, thousands, ""};
    memcpy(b->shows[b->nshows].literal, literal, sizeof literal);
    p->fmts[p->nfmts].shows = (uint16_t)++b->nshows;
    return cls;
}

/* The fonts of <fonts> (not a <dxf>'s): a <font> is one more, its <strike/> strikes it through
 * (val="0" or "false" does not). */
static void font_start(xml_run *r, style_parse *p, const char *name, const char **attrs)
{
    if (strcmp(name, "fonts") == 0) {
        p->in_fonts = 1;
    } else if (p->in_fonts && strcmp(name, "font") == 0) {
        if (!xlsx_grow((void **)&p->struck, p->nfonts, &p->struckcap, 1, 8)) {
            nomem(r);
            return;
        }
        p->struck[p->nfonts++] = 0;
    } else if (p->in_fonts && p->nfonts > 0 && strcmp(name, "strike") == 0) {
        const char *v = xml_attr(attrs, XNS_NONE, "val");
        p->struck[p->nfonts - 1] = v == NULL || (strcmp(v, "0") != 0 && strcmp(v, "false") != 0);
    }
}

static void style_start(xml_run *r, int ns, const char *name, const char **attrs)
{
    style_parse *p = r->ud;
    if (!xml_ours(ns))
        return;
    if (strcmp(name, "cellXfs") == 0) {
        p->in_cellxfs = 1;
    } else if (strcmp(name, "numFmts") == 0) {
        p->in_numfmts = 1;
    } else if (p->in_numfmts && strcmp(name, "numFmt") == 0) {
        long id = attr_long(attrs, "numFmtId", -1);
        const char *code = xml_attr(attrs, XNS_NONE, "formatCode");
        if (id < 0 || code == NULL) {
            xml_fail(r, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                     "%s: a number format without numFmtId or formatCode", r->part);
            return;
        }
        if (!xlsx_grow((void **)&p->fmts, p->nfmts, &p->fmtcap, sizeof *p->fmts, 8)) {
            nomem(r);
            return;
        }
        p->fmts[p->nfmts].id = id;
        p->fmts[p->nfmts].shows = 0;
        int cls = format_shows(r, p, code);
        p->fmts[p->nfmts++].cls = cls;
    } else if (p->in_cellxfs && strcmp(name, "xf") == 0) {
        long id = attr_long(attrs, "numFmtId", 0);
        if (id < 0) {
            xml_fail(r, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                     "%s: cell style %zu has an invalid numFmtId", r->part, p->nxf);
            return;
        }
        if (!xlsx_grow((void **)&p->xf_fmt, p->nxf, &p->xfcap, sizeof *p->xf_fmt, 8) ||
            !xlsx_grow((void **)&p->xf_font, p->nxf, &p->fontcap, sizeof *p->xf_font, 8)) {
            nomem(r);
            return;
        }
        p->xf_font[p->nxf] = attr_long(attrs, "fontId", 0);
        p->xf_fmt[p->nxf++] = id;
    } else {
        font_start(r, p, name, attrs);
    }
}

static void style_end(xml_run *r, int ns, const char *name)
{
    style_parse *p = r->ud;
    if (xml_ours(ns) && strcmp(name, "cellXfs") == 0)
        p->in_cellxfs = 0;
    if (xml_ours(ns) && strcmp(name, "numFmts") == 0)
        p->in_numfmts = 0;
    if (xml_ours(ns) && strcmp(name, "fonts") == 0)
        p->in_fonts = 0;
}

/* The class of format @p id: a custom format of that id (the last one), else the built-in;
 * *shows its entry in the book's shows (0: none). */
static int fmt_class(const style_parse *p, long id, uint16_t *shows)
{
    *shows = 0;
    for (size_t i = p->nfmts; i-- > 0;)
        if (p->fmts[i].id == id) {
            *shows = p->fmts[i].shows;
            return p->fmts[i].cls;
        }
    return xv_builtin_class(id);
}

static yr_read_status read_styles(xlsx_book *b, const char *part, yr_read_error *err)
{
    style_parse p = {0};
    p.b = b;
    xml_run r = {0};
    r.start = style_start;
    r.end = style_end;
    r.ud = &p;
    r.err = err;
    int found;
    yr_read_status st = xzip_parse(&b->z, part, 0, &r, &found);
    if (st == YR_READ_OK && p.nxf > 0) {
        b->xf = malloc(p.nxf);
        b->xf_shows = calloc(p.nxf, sizeof *b->xf_shows);
        if (b->xf == NULL || b->xf_shows == NULL)
            st = xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
        for (size_t i = 0; st == YR_READ_OK && i < p.nxf; i++) {
            long f = p.xf_font[i];
            int struck = f >= 0 && (size_t)f < p.nfonts && p.struck[f];
            b->xf[i] =
                (uint8_t)(fmt_class(&p, p.xf_fmt[i], &b->xf_shows[i]) | (struck ? XF_STRUCK : 0));
        }
        b->nxf = st == YR_READ_OK ? p.nxf : 0;
    }
    free(p.fmts);
    free(p.xf_fmt);
    free(p.xf_font);
    free(p.struck);
    return st;
}

/* -------------------------------------------------------------------- the book */

static yr_read_status open_zip(xlsx_book *b, const void *bytes, size_t len, yr_read_error *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(len > 0 ? bytes : NULL, len, 0, &ze);
    if (src == NULL) {
        zip_error_fini(&ze);
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
    }
    b->z.za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (b->z.za == NULL) {
        int code = zip_error_code_zip(&ze);
        zip_source_free(src);
        zip_error_fini(&ze);
        if (code == ZIP_ER_MEMORY)
            return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
        return xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                         "not a readable xlsx: %s (a truncated or damaged zip): save the "
                         "workbook again in Excel",
                         code == ZIP_ER_NOZIP ? "no zip directory" : "the zip is inconsistent");
    }
    zip_error_fini(&ze);
    b->z.len = len;
    return YR_READ_OK;
}

/* The workbook's parts: sheets, then the shared strings and styles. */
static yr_read_status read_book(xlsx_book *b, yr_read_error *err)
{
    char *wbpart = NULL;
    wb_parse w = {0};
    rels rs = {0};
    yr_read_status st = find_workbook(&b->z, &wbpart, err);
    xml_run r = {0};
    r.start = wb_start;
    r.ud = &w;
    r.err = err;
    int found;
    if (st == YR_READ_OK)
        st = xzip_parse(&b->z, wbpart, 1, &r, &found);
    if (st == YR_READ_OK && w.n == 0)
        st = xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                       "%s: the workbook has no sheets", wbpart);
    if (st == YR_READ_OK)
        st = distinct_names(&w, wbpart, err);
    if (st == YR_READ_OK)
        st = rels_read(&b->z, wbpart, 1, &rs, err);
    if (st == YR_READ_OK)
        st = rels_index(&rs, wbpart, err);
    if (st == YR_READ_OK)
        st = place_sheets(b, &w, &rs, wbpart, err);
    b->date1904 = w.date1904;
    b->stale_formulas = w.full_calc;
    if (st == YR_READ_OK) {
        const rel *x = rels_by_type(&rs, "sharedStrings");
        st = read_sst(b, x != NULL && x->target != NULL ? x->target : "xl/sharedStrings.xml", err);
    }
    if (st == YR_READ_OK) {
        const rel *x = rels_by_type(&rs, "styles");
        st = read_styles(b, x != NULL && x->target != NULL ? x->target : "xl/styles.xml", err);
    }
    wb_free(&w);
    rels_free(&rs);
    free(wbpart);
    return st;
}

yr_read_status xlsx_open(const void *bytes, size_t len, xlsx_book **out, yr_read_error *err)
{
    if (out == NULL || (bytes == NULL && len > 0))
        return xlsx_fail(err, YR_READ_ERR_NULL, 0, YR_READ_NONE, NULL,
                         "xlsx_open: a required pointer is NULL");
    *out = NULL;
    xlsx_book *b = calloc(1, sizeof *b);
    if (b == NULL)
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
    yr_read_status st = open_zip(b, bytes, len, err);
    if (st == YR_READ_OK)
        st = read_book(b, err);
    if (st != YR_READ_OK) {
        xlsx_close(b);
        return st;
    }
    *out = b;
    return YR_READ_OK;
}

size_t xlsx_nsheets(const xlsx_book *b)
{
    return b != NULL ? b->nsheets : 0;
}

const char *xlsx_sheet_name(const xlsx_book *b, size_t i)
{
    return b != NULL && i < b->nsheets ? b->sheets[i].name : NULL;
}

int xlsx_sheet_hidden(const xlsx_book *b, size_t i)
{
    return b != NULL && i < b->nsheets ? b->sheets[i].hidden : 0;
}

yr_read_status xlsx_sheet_grid(xlsx_book *b, size_t i, grid *out, yr_read_error *err)
{
    if (b == NULL || out == NULL)
        return xlsx_fail(err, YR_READ_ERR_NULL, 0, YR_READ_NONE, NULL,
                         "xlsx_sheet_grid: a required pointer is NULL");
    if (i >= b->nsheets)
        return xlsx_fail(err, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                         "the workbook has %zu sheets, not %zu", b->nsheets, i + 1);
    return xlsx_parse_sheet(b, i, out, err);
}

void xlsx_close(xlsx_book *b)
{
    if (b == NULL)
        return;
    if (b->z.za != NULL)
        zip_discard(b->z.za);
    for (size_t i = 0; i < b->nsheets; i++) {
        free(b->sheets[i].name);
        free(b->sheets[i].part);
    }
    free(b->sheets);
    free(b->sst);
    free(b->sst_off);
    free(b->xf);
    free(b->xf_shows);
    for (size_t i = 0; i < b->nshows; i++)
        free(b->shows[i].code);
    free(b->shows);
    free(b);
}
