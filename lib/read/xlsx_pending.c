/* TRANSITIONAL (removed when the xlsx branch is merged): weak stand-ins for xlsx.h so that the
 * reader links while lib/read/xlsx.c is still its placeholder. A workbook is refused with a
 * message saying so; xlsx.c's definitions replace these at link time. */
#include "xlsx.h"
#include "internal.h"

__attribute__((weak)) yr_read_status xlsx_open(const void *bytes, size_t len, xlsx_book **out,
                                               yr_read_error *err)
{
    (void)bytes;
    (void)len;
    *out = NULL;
    return rd_fail(err, YR_READ_ERR_FORMAT, 0, "xlsx workbooks are not read by this build yet");
}

__attribute__((weak)) size_t xlsx_nsheets(const xlsx_book *b)
{
    (void)b;
    return 0;
}

__attribute__((weak)) const char *xlsx_sheet_name(const xlsx_book *b, size_t i)
{
    (void)b;
    (void)i;
    return "";
}

__attribute__((weak)) yr_read_status xlsx_sheet_grid(xlsx_book *b, size_t i, grid *out,
                                                     yr_read_error *err)
{
    (void)b;
    (void)i;
    (void)out;
    return rd_fail(err, YR_READ_ERR_FORMAT, 0, "xlsx workbooks are not read by this build yet");
}

__attribute__((weak)) void xlsx_close(xlsx_book *b)
{
    (void)b;
}
