/**
 * @file yrkesresa/read.h
 * @brief libyrkesresa-read: the one table reader. Every interface (the `yrkesresa` program,
 *        Python's `read_table`, R's `yr_read_table`, the bindings' frame functions) reads a
 *        user's table through these functions, so a file means the same everywhere.
 *
 * A separate library beside the arithmetic core (as libxkbregistry beside libxkbcommon): it
 * needs a zip, an XML and a Unicode library (libzip, expat, utf8proc), the core needs none.
 * Link with `pkg-config --cflags --libs yrkesresa-read`, or in CMake with
 * `find_package(yrkesresa-read 0.3 REQUIRED)` and the imported target `yrkesresa::read` (it
 * brings `yrkesresa::yrkesresa`). Pure: it takes bytes (the caller reads
 * the file) and does no I/O; no global mutable state; reentrant.
 *
 * ## What a reading is
 * yr_read_table() turns the bytes of a CSV/TSV text or an xlsx workbook into a ::yr_table:
 * a header, rows of cells, each row's kind (::yr_row_kind), each column's role (::yr_read_role)
 * and, for the columns the caller asked for (::yr_read_want), every cell read in its role's grammar
 * (an exact number, a share, a date, a municipality identity). Every line of the input is
 * accounted for (yr_table_spans()): a title above the header, the header, a data row, an
 * aggregate row, an empty line, a note after the table, or a line of another year (long PxWeb
 * exports with yr_read_options::year) — or reading stops with an error naming the line.
 *
 * ## The rules (SPEC §6; each decided here, once)
 * 1. **Formats.** By content, not by the file's name: a zip whose first entry is
 *    `[Content_Types].xml` or that holds `xl/workbook.xml` is xlsx; an OLE2 file (`.xls`) and an
 *    OpenDocument zip (`.ods`) are refused with a message saying how to save as xlsx; anything
 *    else is text: UTF-8 (a BOM allowed), UTF-16 LE/BE with a BOM, else Windows-1252; `,` `;`
 *    or TAB (the header's most frequent delimiter outside quotes); LF, CRLF or CR; RFC 4180
 *    quotes. xlsx: the sheet named or numbered by yr_read_options::sheet, else the first sheet
 *    that has a table; shared and inline strings, numbers, cached formula values (a formula
 *    without one is an error), booleans, dates from their number format, the value of a merged
 *    range in every cell of the range. A cell that Excel shows as text stays text. A row of the
 *    table that the sheet hides (or a filter may hide) is an error; so is a row of the table
 *    struck through (the font of its name or label cell, or of every non-blank cell, has
 *    `<strike/>`: a row marked 'utgår') and a row with a struck cell the table is read by (a
 *    figure withdrawn, or the row: the reader cannot tell), naming the row and the sheet: delete
 *    the row, or remove the strikethrough. Struck text on a title or note line, or in a column
 *    nobody reads, is left aside.
 * 2. **The header** is the first line (of the first 200), after any title lines, that has two or
 *    more non-blank cells (one, when no line has two) of which one names a wanted role (the alias
 *    table, yr_role_is_header(); every role when none is wanted) or a column given in
 *    yr_read_options::columns; lines above it are titles (PxWeb "med rubrik"; a one-cell title
 *    `Befolkning 2023` is a title, not the header). When no line does, the first line with as many
 *    cells is the header (so the error names the wanted column missing there, not a title), else
 *    the first non-empty line (yr_read_options::header_row overrides). Two header names equal after
 *    trimming and case folding are an error (`Folkmängd 2022` and `Folkmängd 2023` have one
 *    yr_header_key() but are two columns: two candidates for the population, rule 7); when the line
 *    below names the two apart with years or text (`Folkmängd` merged over `2017` and `2018`), the
 *    message says the header spans two lines and the one line to write. A header of one column
 *    whose words (split at blanks and `|`) name two roles or more — `Kommun Befolkning` aligned
 *    with spaces from a PDF, `| Kommun | Befolkning |` from a wiki — is a table without a
 *    delimiter: an error at that line saying so and to save it as CSV or TSV.
 * 3. **Every line accounted for.** After the header, a line is empty (every cell blank), a note, or
 *    a row. A note is a line whose wanted columns are all blank, whose first non-blank cell starts
 *    with a note word (Källa, Fotnot, Fotnoter, Anm, Anmärkning, Not, Kommentar, Observera, Source,
 *    Note, Footnote, `*`, `#`, `1)`), or (in a table of two columns or more) whose one non-blank
 *    cell is a sentence: four words or more, or ending in `.` or `:` (SCB's `Folkmängden avser den
 *    31 december.`; no municipality's name is one). Every other line is a row and must read in
 *    every wanted column — also after an empty line: a row is never silently dropped. A note ends
 *    the table: a row below a note (`Övriga kommuner (ingår ej)`, `Not: preliminära siffror`: a
 *    heading over rows left out, another table, or rows it qualifies) is an error at the note's
 *    line naming the row (other_line), in CSV and xlsx alike; delete the rows below it or the note.
 *    A text line with more cells than the header is an error unless the extra cells are blank (a
 *    trailing `;`); one with fewer is an error unless the missing columns have no name. A sheet's
 *    row is never short (Excel stores no empty cells: the missing ones are blank).
 * 4. **Aggregates are never parties.** A row is an aggregate by its label (Summa…, `S:a`,
 *    `Tot.`, Delsumma, Totalt…, Total, Sum, Totalsumma, `Länet` (the table's total), Riket, Hela
 *    riket) — in the name column, else in the first column when it
 *    is a label column (an item, a course, a question) — or by its
 *    identity relative to the table's level (yr_identity.h: in a table of municipalities, county
 *    and nation rows are aggregates; in a table of counties, the nation row is). A county is
 *    known by its name only (`Dalarnas län`, `Dalarna län`, `20 Dalarnas län`): a label that
 *    merely ends in län (`Region Jönköpings län`, `Länsstyrelsen i Dalarnas län`) is a party
 *    with yr_read_options::other_parties, else a name that is not one of the 290. A table of
 *    records — no wanted role and no column that sums (a per-person list, a platform export,
 *    `stats count`'s input) — has no aggregate rows by place where the row states no number,
 *    nor has a table of days (a day column: attendance per day and municipality): a county or
 *    the nation in its name cell is a record (a person's organisation), refused as not one of
 *    the 290, or a party with other parties; never a row left out. A county row that states
 *    numbers in a table the caller checks itself stays an aggregate (stats check, pot --check:
 *    without a total row, the one county or nation row is the total:
 *    yr_table_checked_total_row()). Labels (Summa, Riket)
 *    keep their kind everywhere. For every
 *    wanted column used as input (not ::YR_WANT_CHECKED) an aggregate must agree with its rows:
 *    a total with every data row, a subtotal (Delsumma, Summa X, and a label that ends in the
 *    word totalt, total or summa: "Länet totalt", "Västerdalarna summa") with the data rows
 *    since the previous aggregate, a county with its municipalities in the table — whether or
 *    not all of them are there: a missing municipality is the likely cause of a disagreement, and
 *    the error names the missing ones —, the nation with every municipality when the table
 *    covers the nation (each county has a municipality or its county row in it: 289 of 290 is
 *    an error naming the missing one); a nation row above one region's rows (SCB's `00 Riket`
 *    above `20 Dalarnas län` and its municipalities) is not checked, and the reading report says
 *    so. In a table of counties the nation is checked against the 21 counties.
 *    A data row, not so labelled, whose value in a population, weight, amount, fees or pot
 *    input column is not 0 and equals the sum of the two or more data rows above it since the
 *    previous aggregate, or the sum of all other data rows (three or more, none negative), is an
 *    error naming it (::YR_TOTALS_NO_GUESS turns this off: the old `--no-total-row`).
 *    ::YR_TOTALS_IGNORE leaves disagreeing aggregates out, unchecked (`--ignore-total-row`).
 *    A row labelled as a statistic of the rows — a first word Medelvärde, Medeltal, Genomsnitt,
 *    Snitt, Median, Typvärde, Standardavvikelse, Average, Mean; Max, Min, Högst, Lägst, Störst,
 *    Minst alone or before words in lower case (not `Max Svensson`); Medel, Andel, Antal alone
 *    (not `Medel från Region Dalarna`) — is no party and no sum: an aggregate error at its line,
 *    in a table or a frame, whatever the options. When the last aggregate, a total, agrees with
 *    the data rows above it but not with every data row, the error names the first data row
 *    below it (no part of the table), never the total. The program's own pot table
 *    (`yrkesresa pot`) is read as its input: its rows `undistributed` and `undistributed: DAY`
 *    (`ej fördelat`), the pot that no municipality could get, are ::YR_ROW_UNDISTRIBUTED,
 *    no party and no sum of rows (`pot --check` checks them against the total row).
 *    **One number said twice**: a share column beside its count and its base (`Andel ja` with
 *    `Antal ja` and `Antal svarande`; `published` with attended and registered), not
 *    ::YR_WANT_CHECKED, must equal count / base within half a unit of the last decimal the share
 *    shows (`77 %` ±0.5 %, `68,2 %` ±0.05 %; an xlsx number as a whole percent), in every data
 *    row: else a cell error naming the line and both numbers.
 * 5. **One number grammar** (yr_read_number()): an optional sign, digits, grouping, a decimal
 *    mark, a unit; the column is read in one format. Whole-number roles (::YR_KIND_WHOLE) never
 *    take a fraction; `22.986` or `22,986` is 22 986 only when every cell of four or more digits
 *    in the column is grouped the same way, else an error; blanks (space, NBSP, U+202F) always
 *    group. In a decimal role `1,500` is 1.5 when the column shows `,` as its decimal mark
 *    elsewhere, 1500 when it groups with `,` elsewhere (or marks decimals with `.`), else an
 *    error whose advice keeps the value (`1,5000` for a decimal, `1500` for thousands) — except
 *    in a rate (::YR_ROLE_RATE, `kr per invånare`) of a text file delimited by `;`: `;` is the
 *    list separator exactly where `,` is the decimal mark, and a rate is a price written with
 *    three decimals (`2,285` kr), never in grouped thousands, so `2,285` is 2.285 there. An
 *    amount of kronor, a weight or a count keeps the error (`850,000` kr or a population copied
 *    as a weight are as likely thousands). A whole-number role never takes a negative number; a
 * number with a leading zero
 *    (`0114`) is a code, never a count or an amount. Units in the header or the cell — `kr`,
 *    `:-`, `tkr` (×1000), `Mkr` (×10^6), `tusental` (×1000), `st` — are applied exactly; a unit
 *    the role cannot take, or a cell's unit that contradicts the header's, is an error. The
 *    header's unit is the one in its unit place — a last part in parentheses (`Andel av 39 Mkr
 *    (tkr)`: tkr) or the words after its last comma (`Belopp, tkr`) — else the one its words
 *    name; a money word after a number that is no year (`39 Mkr`) is an amount the header speaks
 *    of, not a unit. A header of a column read as numbers that names two units (kr, tkr, Mkr,
 *    percent) or speaks of an amount, with no unit in its unit place (`Andel av 39 Mkr tkr`,
 *    `Budget 5 Mkr`), is an error at the header naming both. Share
 *    roles
 *    (::YR_KIND_SHARE): by the header (`andel`/share: 0–1; `procent`/percent/`%`: 0–100), then
 *    by a `%` sign in the cells (or an xlsx percent format); a column that says neither, or mixes
 *    `0,77` and `77`, is an error; so is a value below 1 in a percent column without a `%` sign
 *    (`0,8` under `Mål (%)`: 0.8 % or 80 %?) and one above 1 in a share column. Dates
 *    (::YR_KIND_DATE): ISO `2024-02-06` (or `2024-2-6`), with a zero time `2024-02-06 00:00:00`,
 * `T00:00` or `T00:00:00`, an xlsx date cell, or an Excel serial 20000–80000 (1954–2119, so course
 * days numbered 1, 2, 3 are never dates); a day column cell that is not a date is an error.
 * 6. **One identity** for a municipality (yrkesresa/identity.h): SCB code, else the name under
 *    NFC + case folding + invisible characters removed + dashes and blanks unified; the 290
 *    municipalities' names and forms (`Falu kommun`, `Region Gotland`) map to their codes. With
 *    ::YR_WANT_UNIQUE in the name column's want, two data rows with one identity are an error
 *    naming both lines; a name that is not a municipality while other rows are is an error with
 *    the nearest name, unless yr_read_options::other_parties.
 * 7. **Roles only by name.** A column plays a role only when its header is one of the role's
 *    aliases (Swedish and English, case, punctuation, a parenthesised unit and a trailing year
 *    ignored: `Folkmängd 2023`, `Belopp (tkr)`) or yr_read_options::columns names it. Two
 *    candidates are an error naming both — except a numbered series (`Kurs 1`, `Kurs 2`: one
 *    stem, different trailing numbers) for a label role the caller does not require: the
 *    columns of a wide table, whose labels are in the header, so the role has no column. A
 *    column of codes, ids or years is never a weight. One column is found by its content: a
 *    column without a header (PxWeb's xlsx export leaves the region's empty) whose cells, down
 *    to the first empty line, are all places (code, name or `2080 Falun`; one a municipality) is
 *    the municipality column when one is wanted and no header names one; any column can be
 *    named by its place, `--column municipality=#1`.
 *    A column gets one role: a header that names two wanted roles (`Namn`: the municipality
 *    and the person) goes to the role that has no column of its own (`Namn` beside `Kommun` is
 *    the person; beside `Deltagare-id` the municipality), else it is an error naming the column
 *    and the `--column ROLE=HEADER` to give. (With nothing wanted, the first role in
 *    ::yr_read_role order takes it.)
 * 8. **PxWeb exports**: region cells `2080 Falun`, `20 Dalarnas län`, `00 Riket` (code and name
 *    checked against each other); wide (one column per year: choose with a `population=2023`
 *    entry in yr_read_options::columns) and long (a year column: choose with
 *    yr_read_options::year; rows of other years are accounted for as ::YR_SPAN_OTHER_YEAR).
 *    PxWeb's `..` (not available) is an error in an input column. A year cell is a calendar
 *    year (1000–9999), a budget year counted from 1 (`1`…`999`: a budget over years, as the
 *    feasibility study's seven), or `all`/`alla` (::YR_READ_YEAR_ALL: the summary block of a
 *    statement over years); anything else is an error naming the cell.
 * 9. **A column nobody reads changes nothing.** A caller that requires a role
 *    (::YR_WANT_REQUIRED) takes every row as it stands, so a column no wanted role reads is an
 *    error (::YR_READ_ERR_HEADER at the cell, naming the column and what to do) when it
 *    gives the numbers' unit (`Enhet`: tkr; this one also without a required role); is a share
 *    or percent (its header: andel, also inside a word as `Närvaroandel`, procent, `%`; or
 *    every cell a percentage) while the caller reads a share role (the message names the
 *    wanted share roles without a column: `--column 'published=H'`); says whether a row takes
 *    part — yes/no marks of rule 5 with a no (0/1 only under a header of presence or in a table
 *    of people; a blank is a no beside an X), or a header of presence or participation
 *    (Närvaro, Deltar, Ingår, Status, ...) over cells not all alike; under a header of absence
 *    (Frånvaro, Uteblev) a yes is the row that does not take part —; in a table of people (a
 *    person, participants or participant-days column) sorts the rows into kinds (a header
 *    roll, funktion, typ, kategori, befattning with two values or more); or, in a table of
 *    items (the item role required), is anything but a comment, a description, an account, a
 *    code or id, a name, a unit or the equal part (`Lika del`, which the program reads as a
 *    fraction); or, in a table of people or days (a person, participants, participant-days, day
 *    or role column), is a comment (Kommentar, Anmärkning, Notering, Övrigt, Comment) whose cell
 *    says the row did not take part in the absence words of a header of absence (`Sjuk, kom
 *    ej`, Frånvarande, Uteblev, Ej närvarande, Inställd): the error names that cell. A column
 *    that says yes on every row, or one kind, selects nothing: no error.
 *    A caller that requires nothing (read_table, `stats check`) gets every column and decides
 *    with them; `stats count` requires the columns it counts by (as the group role: a column
 *    it does not count by that says who takes part is refused).
 *
 * Personal data: a column of ::YR_ROLE_PERSON is read only to count and to find duplicates; no
 * message or report repeats its cells (messages point at lines).
 *
 * Limits: ::YR_READ_MAX_BYTES of text (after decoding) or of inflated xlsx XML (the zip's
 * declared sizes are not trusted; an entry that inflates more than ::YR_READ_MAX_RATIO times
 * its compressed size is refused), ::YR_READ_MAX_COLS columns, ::YR_READ_MAX_FIELD bytes a cell,
 * ::YR_READ_MAX_ROWS rows. XML external entities are never resolved; entity expansion is
 * bounded.
 *
 * Memory (CSV/TSV): with yr_read_options::borrow and UTF-8 input the bytes are not copied
 * (else the decoded text is kept once). The table holds 4 bytes a line (where it starts), 1
 * byte a row (its kind), 2 bytes a row for identities when the table names municipalities, and
 * 4 bytes a row for its line only when some line after the header is not a row; cells are not
 * stored but read again from the text when asked (a cell with doubled quotes is kept undone).
 * Reading also needs, while it runs, 2 bytes a line and, for a unique key, a hash table of 4
 * bytes a slot (two slots a row). A 10^6-row file of 21 MiB peaks at 1.8 times its size
 * (bench/bench_read.c).
 */
#ifndef YRKESRESA_READ_H
#define YRKESRESA_READ_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(YR_BUILDING_READ_LIBRARY) && defined(__GNUC__)
#define YR_READ_API __attribute__((visibility("default")))
#else
#define YR_READ_API
#endif

/** Maximum decoded text, or inflated XML of an xlsx, in bytes (1 GiB). */
#define YR_READ_MAX_BYTES ((size_t)1 << 30)
/** Maximum inflated/compressed ratio of one xlsx entry. */
#define YR_READ_MAX_RATIO 1000
/** Maximum number of columns. */
#define YR_READ_MAX_COLS ((size_t)16384)
/** Maximum size of one cell in bytes (1 MiB). */
#define YR_READ_MAX_FIELD ((size_t)1 << 20)
/** Maximum number of rows (header not counted). */
#define YR_READ_MAX_ROWS ((size_t)20000000)
/** "No column" / "no row" / "no line". */
#define YR_READ_NONE ((size_t)-1)
/** The year of a row of a statement's summary over its years: a year cell `all` / `alla`
 *  (yr_table_value() of the year column; with yr_read_options::year set, such rows are rows
 *  of another year). */
#define YR_READ_YEAR_ALL (-1)

/** Result of every fallible call of the reader. 0 is success. */
typedef enum yr_read_status {
    YR_READ_OK = 0,
    YR_READ_ERR_NULL = 1,      /**< a required pointer is NULL */
    YR_READ_ERR_FORMAT = 2,    /**< not a table this library reads (.xls, .ods, binary, a broken
                                    zip or XML, no such sheet) */
    YR_READ_ERR_SYNTAX = 3,    /**< text: encoding, quotes, a ragged row, a NUL byte */
    YR_READ_ERR_HEADER = 4,    /**< no header, duplicate header names, a wanted role missing or
                                    in two columns, a `columns` entry naming no column */
    YR_READ_ERR_CELL = 5,      /**< a cell does not read in its column's grammar (number, unit,
                                    share/percent, date, grouping) */
    YR_READ_ERR_AGGREGATE = 6, /**< a stated total or subtotal disagrees with its rows, or an
                                    unlabelled row is the sum of others */
    YR_READ_ERR_IDENTITY = 7,  /**< two rows with one identity, an unknown municipality, a code
                                    that disagrees with its name */
    YR_READ_ERR_LIMIT = 8,     /**< a limit above is exceeded */
    YR_READ_ERR_OPTION = 9,    /**< an option is invalid (unknown role, header_row past the end,
                                    year not in the table, ...) */
    YR_READ_ERR_NOMEM = 10,    /**< allocation failed */
    YR_READ_STATUS_COUNT = 11  /**< number of values, not a value */
} yr_read_status;

/** @brief The symbolic name of a status ("YR_READ_ERR_CELL"); never NULL. */
YR_READ_API const char *yr_read_status_name(yr_read_status st);

/**
 * Where and why reading failed. The message is one line of English composed by the library
 * (no file name in front, no trailing newline): every interface shows it unchanged — the
 * program as `yrkesresa: FILE:LINE: message`, Python in `yrkesresa.Error`, R in a condition.
 */
typedef struct yr_read_error {
    yr_read_status status;
    size_t line;       /**< 1-based line (text) or sheet row (xlsx); 0 when none applies */
    size_t other_line; /**< a second line the message is about (a duplicate's first line, a
                            total's rows), or 0 */
    size_t column;     /**< 0-based column, or ::YR_READ_NONE */
    char cell_ref[16]; /**< xlsx: the cell ("B7"), else "" */
    char message[320]; /**< the message; valid UTF-8 */
} yr_read_error;

/* ------------------------------------------------------------------------------- roles */

/** What a column means. The names (yr_role_name()) are the `ROLE` of `--column ROLE=HEADER`.
 *  (Named yr_read_role, with yr_read_role_from_name() and YR_READ_ROLE_COUNT, because the core's
 *  yrkesresa/pot.h has its own ::yr_role, YR_ROLE_COUNT and yr_role_from_name() for a trainer's
 *  role: both headers are included together by the program.) */
typedef enum yr_read_role {
    YR_ROLE_NONE = 0,         /**< no role: echoed as text */
    YR_ROLE_MUNICIPALITY,     /**< "municipality": kommun, namn, region, name (parties' names) */
    YR_ROLE_CODE,             /**< "code": kommunkod, kod, KnKod, SCB-kod, regionkod, länskod */
    YR_ROLE_POPULATION,       /**< "population": befolkning, invånare, folkmängd, antal inv. */
    YR_ROLE_WEIGHT,           /**< "weight": weight, vikt (may have decimals) */
    YR_ROLE_AMOUNT,           /**< "amount": belopp, kostnad, summa kr, published */
    YR_ROLE_DAY,              /**< "day": datum, dag, date, kursdag */
    YR_ROLE_PARTICIPANTS,     /**< "participants": deltagare, antal deltagare */
    YR_ROLE_ROLE,             /**< "role": roll (kursledare, utbildare) */
    YR_ROLE_REGISTERED,       /**< "registered": anmälda */
    YR_ROLE_ATTENDED,         /**< "attended": deltagit, närvarande */
    YR_ROLE_YES,              /**< "yes": ja, antal ja */
    YR_ROLE_YES_SHARE,        /**< "yes_share": andel ja (share or percent by header/cells) */
    YR_ROLE_RESPONDENTS,      /**< "respondents": svarande, antal svarande, n */
    YR_ROLE_TARGET,           /**< "target": mål (share or percent by header/cells) */
    YR_ROLE_GROUP,            /**< "group": län, county, grupp */
    YR_ROLE_ITEM,             /**< "item": post, kostnadspost */
    YR_ROLE_YEAR,             /**< "year": år */
    YR_ROLE_COURSE,           /**< "course": kurs; a course's session: pass, session (a pot's
                                   course day is its day and course: yr_course_days_begin()) */
    YR_ROLE_QUESTION,         /**< "question": fråga */
    YR_ROLE_PUBLISHED,        /**< "published": attendance rate published (share or percent) */
    YR_ROLE_PERSON,           /**< "person": person, namn på deltagare, deltagare-id, e-post,
                                   personnummer — personal data, never repeated */
    YR_ROLE_PRESENT,          /**< "present": närvaro, närvarande (Ja/Nej, 1/0, X/blank) */
    YR_ROLE_FEES,             /**< "fees": avgifter, avgift */
    YR_ROLE_POT,              /**< "pot": pott */
    YR_ROLE_PARTICIPANT_DAYS, /**< "participant_days": deltagardagar */
    YR_ROLE_RATE,             /**< "rate": kr per invånare, per invånare (a money rate) */
    YR_ROLE_EQUAL_PART,       /**< "equal_part": lika del (share or percent) */
    YR_ROLE_COMPLETED,        /**< "completed": klarat kurs K, courseK_completed (a count of
                                   those who completed course K; one column a course) */
    YR_READ_ROLE_COUNT        /**< number of values, not a value */
} yr_read_role;

/** How a role's cells are read (rule 5). */
typedef enum yr_kind {
    YR_KIND_TEXT = 0, /**< kept as text (trimmed for identities) */
    YR_KIND_CODE,     /**< an SCB code: digits kept as text ("0114"), never a number */
    YR_KIND_WHOLE,    /**< a whole number (counts, population), units applied */
    YR_KIND_DECIMAL,  /**< an exact decimal (weights, money, rates), units applied */
    YR_KIND_SHARE,    /**< a share of 1 (0–1) from a share or percent column */
    YR_KIND_DATE,     /**< a calendar date */
    YR_KIND_YEAR,     /**< a year: 1000..9999, a budget year 1..999, or YR_READ_YEAR_ALL */
    YR_KIND_BOOL,     /**< yes/no: Ja/Nej, Yes/No, 1/0, X/blank, Sant/Falskt, TRUE/FALSE */
    YR_KIND_INTEGER   /**< a whole number of either sign (a net, a checked column: `-2 500`),
                           read as ::YR_KIND_WHOLE is (grouping, units) but negatives allowed;
                           no role has it: for yr_read_value() and yr_read_strings() */
} yr_kind;

/** @brief The role's name ("population"); "none" for ::YR_ROLE_NONE; never NULL. */
YR_READ_API const char *yr_role_name(yr_read_role role);
/** @brief The role named @p name ("population", "Population", "yes-share"); YR_ROLE_NONE when
 *         none. */
YR_READ_API yr_read_role yr_read_role_from_name(const char *name);
/** @brief How the role's cells are read. */
YR_READ_API yr_kind yr_role_kind(yr_read_role role);
/**
 * @brief 1 when header @p h names role @p role: its key (yr_header_key()) is one of the role's
 *        aliases in Swedish or English (or the role's output name in either language).
 */
YR_READ_API int yr_role_is_header(const char *h, yr_read_role role);
/**
 * @brief The key of a header for comparisons: a parenthesised part and a trailing year or date
 *        dropped, letters and digits only, case folded ("Folkmängd 2023" -> "folkmängd",
 *        "Belopp (tkr)" -> "belopp"). Writes at most @p cap bytes with the NUL.
 */
YR_READ_API yr_read_status yr_header_key(const char *h, char *dst, size_t cap);
/**
 * @brief 1 when header @p h names a column of codes, ids or years (`Kommunnummer`, `KnKod`,
 *        `SCB-kod`, `id`, `Postnummer`, `Period`, `År`, ...), which is never a weight, a
 *        population or an amount (rule 7; the bindings' frame functions refuse such a weight
 *        column as yr_read_table() refuses it); 0 otherwise (NULL included).
 */
YR_READ_API int yr_header_is_code(const char *h);
/**
 * @brief 1 when header @p h names a count of days (`Antal dagar`, `dagar`, `Kursdagar`,
 *        `days`, `number of days`, `course days`, `Deltagardagar`, `participant days`): a file
 *        of one row per course day (a pot's counted attendance) with such a column is refused,
 *        since its rows would be counted as one day each; 0 otherwise (NULL included).
 */
YR_READ_API int yr_header_counts_days(const char *h);

/* ------------------------------------------------------------------- the request */

/** Flags of a wanted role. */
enum {
    YR_WANT_REQUIRED = 1u << 0, /**< a missing column is an error (else absent is fine) */
    YR_WANT_CHECKED = 1u << 1,  /**< the column is being checked (audit's amounts, `stats check`,
                                     `pot --check`): aggregates that disagree are findings for
                                     the caller (yr_table_aggregate_check()), not errors */
    YR_WANT_MANY = 1u << 2,     /**< several columns may have the role (item columns, courses) */
    YR_WANT_UNIQUE = 1u << 3,   /**< the role is part of the row key: two data rows with equal
                                     key cells (identities for the municipality column) are an
                                     error naming both lines */
    YR_WANT_BLANK_OK = 1u << 4  /**< a blank cell is allowed (reads as "no value"); implied for
                                     every column when nothing is wanted (nwant 0), and for a
                                     yes/no column that marks yes with X */
};

/** One role the caller wants read. */
typedef struct yr_read_want {
    yr_read_role role;
    unsigned flags; /**< YR_WANT_* and YR_WANT_UNIQUE */
} yr_read_want;

/** How aggregates of input columns are treated (rule 4). */
typedef enum yr_totals {
    YR_TOTALS_CHECK = 0, /**< a disagreeing aggregate is an error; an unlabelled sum row too */
    YR_TOTALS_IGNORE,    /**< disagreeing aggregates are left out, unchecked (the report says) */
    YR_TOTALS_NO_GUESS   /**< as CHECK, but an unlabelled row is never taken for a sum */
} yr_totals;

/** Options of yr_read_table(). Initialise with yr_read_options_init(); fields may be added at
 *  the end. */
typedef struct yr_read_options {
    const yr_read_want *want; /**< the roles the caller uses; NULL with nwant 0: every column
                                   whose header names a role is read in that role's grammar,
                                   none required, none unique (Python's and R's read_table) */
    size_t nwant;
    const char *const *columns; /**< "ROLE=HEADER" entries (`--column`): HEADER is compared as
                                     yr_header_key() does, else exactly; "population=2023" picks
                                     a year column of a wide PxWeb export; "municipality=#1" the
                                     first column by its place, counted from 1 (when no header
                                     is `#1`: a column without a header) */
    size_t ncolumns;
    const char *sheet; /**< xlsx: a sheet name, or its number counted from 1 ("2"); NULL: the
                            first sheet that has a table */
    size_t header_row; /**< 1-based line (text) or row (xlsx) of the header; 0: find it */
    int year;          /**< long exports: keep the rows of this year; 0: one year only */
    yr_totals totals;
    int other_parties; /**< 1: names outside the 290 beside municipalities are parties */
    int borrow;        /**< 1: the bytes outlive the table (not copied when they need no
                            decoding) */
} yr_read_options;

/** @brief Defaults: nothing wanted, no columns, first sheet with a table, header found,
 *         YR_TOTALS_CHECK, no other parties, no borrow. */
YR_READ_API void yr_read_options_init(yr_read_options *opt);

/* ------------------------------------------------------------------------- the table */

/** A read table (opaque). */
typedef struct yr_table yr_table;

/** The kind of a row. */
typedef enum yr_row_kind {
    YR_ROW_DATA = 0,     /**< a party / a record */
    YR_ROW_TOTAL,        /**< the table's total (Summa, Totalt, ...) */
    YR_ROW_SUBTOTAL,     /**< a part's sum (Delsumma, Summa Västerdalarna) */
    YR_ROW_COUNTY,       /**< a county in a table of municipalities */
    YR_ROW_NATION,       /**< the nation (Riket, 00) in a table of municipalities or counties */
    YR_ROW_UNDISTRIBUTED /**< the pot table's own row `undistributed` (`ej fördelat`), alone or
                              `undistributed: DAY` (`yrkesresa pot`, yrkesresa/pot.h): the pot no
                              municipality could get, no party and no sum of rows; not checked
                              by the reader (`pot --check` checks it: rule 4) */
} yr_row_kind;

/** @brief "data", "total", "subtotal", "county", "nation", "undistributed". */
YR_READ_API const char *yr_row_kind_name(yr_row_kind k);

/**
 * @brief Read a table.
 * @param[in]  bytes  the file's bytes (len may be 0; bytes may be NULL then)
 * @param[in]  opt    options (NULL: defaults)
 * @param[out] out    the table (NULL on error); free with yr_table_free()
 * @param[out] err    filled on error (may be NULL); on success its status is YR_READ_OK
 * @returns ::YR_READ_OK or the error's status; on error nothing is allocated.
 */
YR_READ_API yr_read_status yr_read_table(const void *bytes, size_t len, const yr_read_options *opt,
                                         yr_table **out, yr_read_error *err);

/** @brief Free a table (NULL is fine). */
YR_READ_API void yr_table_free(yr_table *t);

/** @brief Rows of the table: data and aggregate rows, in file order (titles, header, empty
 *         lines, notes and other years' rows are not rows). */
YR_READ_API size_t yr_table_nrows(const yr_table *t);
/** @brief Columns (the header's cells). */
YR_READ_API size_t yr_table_ncols(const yr_table *t);
/** @brief Header cell @p col (UTF-8, as written, trimmed). */
YR_READ_API const char *yr_table_header(const yr_table *t, size_t col);
/** @brief The role of column @p col (::YR_ROLE_NONE for columns nobody asked for). */
YR_READ_API yr_read_role yr_table_column_role(const yr_table *t, size_t col);
/** @brief The first column with @p role, or ::YR_READ_NONE. */
YR_READ_API size_t yr_table_find_role(const yr_table *t, yr_read_role role);
/** @brief The column headed @p name as a user names it (`--column day=Datum`, `--min-column`):
 *         the header as written, else the one header equal to it under yr_header_key(); two
 *         such headers and none written exactly so, or none: ::YR_READ_NONE. */
YR_READ_API size_t yr_table_find_header(const yr_table *t, const char *name);
/** @brief The line (sheet row) of the header, from the spans (0 when none). */
YR_READ_API size_t yr_table_header_line(const yr_table *t);
/** @brief The kind of row @p row. */
YR_READ_API yr_row_kind yr_table_row_kind(const yr_table *t, size_t row);
/** @brief The 1-based line (sheet row for xlsx) where row @p row starts. */
YR_READ_API size_t yr_table_row_line(const yr_table *t, size_t row);

/** The type of a cell as the file gave it (for writing it again faithfully). */
typedef enum yr_cell_type {
    YR_CELL_EMPTY = 0,
    YR_CELL_TEXT,   /**< text (CSV: every non-empty cell that is not read as a number by its
                         role; xlsx: a string cell) — written back as text ("0114", "007") */
    YR_CELL_NUMBER, /**< a number (xlsx number, or a CSV cell of a numeric role) */
    YR_CELL_DATE,   /**< a date (xlsx date, or a CSV cell of a date role) */
    YR_CELL_BOOL    /**< an xlsx boolean */
} yr_cell_type;

/**
 * @brief Cell (@p row, @p col) as written (UTF-8, quotes removed, not trimmed; xlsx numbers as
 *        their shortest round-trip decimal, dates as ISO 8601). Valid until yr_table_free().
 *        NOT NUL-terminated in general: a text table points into its text (the caller's bytes
 *        themselves with yr_read_options::borrow and UTF-8 input), so the cell is s[0..*len).
 * @param[out] len its length in bytes; pass it (NULL gives the pointer without a length, which
 *                 is only safe for an empty cell). Never NULL: "" for an empty cell.
 */
YR_READ_API const char *yr_table_cell(const yr_table *t, size_t row, size_t col, size_t *len);
/** @brief The type of cell (@p row, @p col). */
YR_READ_API yr_cell_type yr_table_cell_type(const yr_table *t, size_t row, size_t col);

/** A cell read in its role's grammar. */
typedef struct yr_value {
    int present; /**< 0: the cell is blank (allowed by ::YR_WANT_BLANK_OK, or an aggregate's) */
    int64_t num; /**< WHOLE: the number (den 1); DECIMAL: num/den, den = 10^k, units applied;
                      SHARE: the share num/den of 1; DATE: days since 1970-01-01; YEAR: the
                      year; BOOL: 0 or 1 */
    int64_t den; /**< > 0 */
} yr_value;

/**
 * @brief The value of cell (@p row, @p col) of a wanted column of a numeric, share, date, year
 *        or bool kind. ::YR_READ_ERR_OPTION for a column of another kind or not wanted.
 */
YR_READ_API yr_read_status yr_table_value(const yr_table *t, size_t row, size_t col, yr_value *v);

/**
 * @brief The data rows' values of column @p col over one common denominator: out[i] (i over
 *        the data rows in order, yr_table_ndata() of them) = value × *den. A blank cell gives 0.
 *        Every wanted column but text and code columns (dates as days since 1970-01-01, yes/no
 *        as 1/0, years). ::YR_READ_ERR_OPTION for other columns; ::YR_READ_ERR_LIMIT when the
 *        common denominator does not keep every value in int64.
 */
YR_READ_API yr_read_status yr_table_column_values(const yr_table *t, size_t col, int64_t *out,
                                                  int64_t *den, yr_read_error *err);

/**
 * @brief Exact values num[i] / den[i] (den[i] > 0) over their least common denominator, the
 *        one rule by which yr_table_column_values() puts a column's cells over one denominator:
 *        out[i] = num[i] / den[i] × *common. Decimals (denominators powers of ten) are put over
 *        the finest one's: 1,5 1,25 1,125 1 (15/10, 125/100, 1125/1000, 1/1) are 1500 1250 1125
 *        1000 over 1000. What a weight column with decimals (`Vikt`: `1,5`) is split by in
 *        `yrkesresa split`, Python's split_frame() and R's yr_split_frame(): a split by these
 *        integers is the split by the exact decimals.
 * @param[out] out    n values (may be NULL when n is 0)
 * @param[out] common the common denominator (1 for n = 0)
 * @param[out] err    on error (may be NULL): err->line = the position (from 1) of the value
 *                    that does not fit
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_OPTION (a denominator not positive);
 *          ::YR_READ_ERR_LIMIT when the common denominator or a value over it does not fit
 *          int64 (too many decimals, or numbers too large).
 */
YR_READ_API yr_read_status yr_read_common_den(const int64_t *num, const int64_t *den, size_t n,
                                              int64_t *out, int64_t *common, yr_read_error *err);

/**
 * @brief The unit column @p col's numbers are written to: *exp10 such that every cell of the
 *        column (data and aggregate rows) is written to a whole multiple of 10^exp10 of the
 *        unit yr_table_value() gives (kronor for money): the place of the last digit written,
 *        after the header's or the cell's unit. 'Belopp (tkr)' with 290 and 772, cells '290
 *        tkr', and 0,290 under 'Kostnad (Mkr)' are 3 (whole tkr: what a table published in tkr
 *        is rounded to); 850 000 kr is 0; 120,50 is -2 (öre). The finest cell decides; 0 for a
 *        column without numbers. An audit of a published table checks it in this unit
 *        (`yrkesresa audit`: "amounts in tkr: checked to whole tkr").
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_OPTION (not a wanted column of whole or
 *          decimal numbers); ::YR_READ_ERR_NOMEM.
 */
YR_READ_API yr_read_status yr_table_column_unit(const yr_table *t, size_t col, int *exp10,
                                                yr_read_error *err);

/** @brief Number of data rows. */
YR_READ_API size_t yr_table_ndata(const yr_table *t);
/** @brief The row of data row @p i (0 <= i < yr_table_ndata()). */
YR_READ_API size_t yr_table_data_row(const yr_table *t, size_t i);

/* ------------------------------------------------------------------ identities */

/** Where a name or code places a row (yrkesresa/identity.h). */
typedef enum yr_place {
    YR_PLACE_OTHER = 0, /**< not a Swedish municipality, county or the nation: a free name */
    YR_PLACE_MUNICIPALITY,
    YR_PLACE_COUNTY,
    YR_PLACE_NATION
} yr_place;

/** The identity of a row (from its municipality and code columns). */
typedef struct yr_identity {
    yr_place place;
    int code;        /**< SCB code (2080, 20, 0), or -1 for ::YR_PLACE_OTHER */
    const char *key; /**< a known place: the key (yr_name_key()) of its official name, valid
                          until yr_table_free(); NULL for ::YR_PLACE_OTHER, whose key
                          yr_table_identity_key() writes (the table keeps no per-row keys: a
                          table of 10^6 free names costs no memory for them) */
} yr_identity;

/** @brief The identity of row @p row (::YR_READ_ERR_OPTION when the table has no
 *         municipality or code column). */
YR_READ_API yr_read_status yr_table_identity(const yr_table *t, size_t row, yr_identity *id);

/**
 * @brief The identity key of row @p row: a known place's official name key (as
 *        yr_identity::key), else the name key (yr_name_key()) of its municipality cell. Two rows
 *        of any tables are one identity exactly when their places and codes are equal and, for
 *        ::YR_PLACE_OTHER, their keys are.
 * @param[out] dst  @p cap bytes: the key and a NUL (3 × the cell's length + 1 always suffice)
 * @param[out] len  the key's length (may be NULL)
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_OPTION (no such row, or no
 *          municipality or code column); ::YR_READ_ERR_LIMIT (@p cap too small).
 */
YR_READ_API yr_read_status yr_table_identity_key(const yr_table *t, size_t row, char *dst,
                                                 size_t cap, size_t *len);

/**
 * @brief Join @p probe's data rows to @p lookup's by identity (SCB code when both have one,
 *        else the normalised name): map[i] = the lookup data row (index among lookup's data
 *        rows) of probe data row i. An unknown identity, or (with @p unique) one found twice in
 *        @p probe, is an error at the probe's line; @p what names the looked-up thing in the
 *        message ("population"). Rows of @p lookup not reached are fine.
 */
YR_READ_API yr_read_status yr_table_join(const yr_table *lookup, const yr_table *probe,
                                         const char *what, int unique, size_t *map,
                                         yr_read_error *err);

/* --------------------------------------------------------------------- aggregates */

/** One aggregate row's check of one column. */
typedef struct yr_aggregate_check {
    size_t row;       /**< the aggregate row */
    size_t col;       /**< the column */
    yr_row_kind kind; /**< total, subtotal, county, nation */
    int checked;      /**< 0: not checkable (the nation without every municipality, ...) */
    int64_t stated;   /**< the cell, over den */
    int64_t sum;      /**< the sum of its rows, over den */
    int64_t den;
    size_t first_row, last_row; /**< the data rows summed (first..last, in row order) */
} yr_aggregate_check;

/**
 * @brief The checks of the aggregates of column @p col (a wanted numeric column), in row
 *        order: the caller of a ::YR_WANT_CHECKED column reports the disagreements. Writes at
 *        most @p cap entries and returns the number there are.
 */
YR_READ_API size_t yr_table_aggregate_checks(const yr_table *t, size_t col, yr_aggregate_check *out,
                                             size_t cap);

/* ------------------------------------------------------------- a table being checked */

/**
 * @brief The column that labels the rows of @p t, the one rule 4 reads aggregate labels in: the
 *        municipality column, else the first course, item or question column, else 0 (the
 *        first column). Where `stats check`, `pot --check` and `stats check-parts` name a row.
 */
YR_READ_API size_t yr_table_label_column(const yr_table *t);

/**
 * @brief The same rule for columns already in memory (a pandas/R frame), by their headers: the
 *        first header whose role (the alias table: the first role it names, a column of codes
 *        none) is the municipality, else the first whose role is a course, an item or a
 *        question; ::YR_READ_NONE when there is none (the frame's row names label it). Python's
 *        split_frame and R's yr_split_frame take their labels from it.
 * @param[in] headers n headers (UTF-8, NUL-terminated; a NULL entry names nothing)
 */
YR_READ_API size_t yr_label_column_of(const char *const *headers, size_t n);

/**
 * @brief The total row of a table being checked (`stats check`, `pot --check`, the progress and
 *        attendance checks, Python's audit_frame, R's yr_audit_frame): the table's total row
 *        (::YR_ROW_TOTAL: Summa, Totalt, ...); without one, its one county or nation row when
 *        that is the table's only aggregate row (SCB's tables end with `Dalarnas län`, not
 *        Totalt). A subtotal beside a total, or a county and the nation beside each other
 *        without a total, leave that rule out: the total is the ::YR_ROW_TOTAL, or there is
 *        none.
 * @param[in]  required 1: no total row is an error (`no total row (...)`, line 0)
 * @param[out] row      the row (::YR_READ_NONE when none, or on error)
 * @param[out] err      on error (may be NULL): two total rows are ::YR_READ_ERR_AGGREGATE at the
 *                      second's line, other_line the first's: `a second total row (the first is
 *                      on line L)`
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_AGGREGATE.
 */
YR_READ_API yr_read_status yr_table_checked_total_row(const yr_table *t, int required, size_t *row,
                                                      yr_read_error *err);

/**
 * @brief yr_table_checked_total_row() over @p n row kinds already known (a frame's, from
 *        yr_read_classify() or the label rule): the same rule and messages. @p lines gives each
 *        row's line for the messages (may be NULL: position + 1); *row is a position.
 */
YR_READ_API yr_read_status yr_checked_total_row(const yr_row_kind *kinds, size_t n,
                                                const size_t *lines, int required, size_t *row,
                                                yr_read_error *err);

/** The columns of a statement (`yrkesresa statement`'s table, or one saved by hand). */
typedef struct yr_statement_columns {
    size_t name;     /**< the municipality column */
    size_t year;     /**< the year column (a statement over years), or ::YR_READ_NONE */
    size_t total;    /**< the total column */
    size_t fees;     /**< fees, kickback, net: the first column of that name, or ::YR_READ_NONE */
    size_t kickback; /**< see fees */
    size_t net;      /**< see fees */
    size_t nitems;   /**< the item columns, between name and total */
} yr_statement_columns;

/**
 * @brief The columns of a statement saved by hand, read for `yrkesresa audit` (one rule, so a
 *        statement and a published split are told apart the same way everywhere).
 *
 * - The municipality column: the table's (::YR_ROLE_MUNICIPALITY), else the first header that
 *   names it.
 * - The total: the first column after it named total in either language (`total`, `totalt`,
 *   as yr_out_name_find() or equal under yr_header_key(): `Totalt`, `TOTAL`); else, a total
 *   renamed by hand (`Summa`, `Att betala`), the first column naming the amount that comes after
 *   one or more item-like columns (a header naming no role over a whole number in the first
 *   data row, read in the one grammar; a column of codes between them is passed over), when the
 *   item-like columns add up to it on the Summa line (the first ::YR_ROW_TOTAL, else the first
 *   row) — a published split's population beside its amount does not.
 * - The items: every column between the municipality column and the total but a column of
 *   codes, ids or years (yr_header_is_code(): an inserted `Kommunkod` is no item).
 * - Fees, kickback and net: the first columns so named (either language), when there are.
 * @param[out] items the item columns in order, room for @p cap (yr_table_ncols() always do)
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_HEADER `not a statement: no item
 *          columns between the municipality column and a column 'total' (or 'totalt')` when
 *          there is no municipality column, no total or no item; ::YR_READ_ERR_LIMIT when @p cap
 *          is too small.
 */
YR_READ_API yr_read_status yr_table_statement_columns(const yr_table *t, yr_statement_columns *sc,
                                                      size_t *items, size_t cap,
                                                      yr_read_error *err);

/**
 * @brief 1 when @p t is a statement by yr_table_statement_columns() and none of its item
 *        columns names a population or a weight (`kommun,befolkning,total` is a published
 *        split, not a statement); 0 otherwise. How `yrkesresa audit` chooses between the audit
 *        of a statement and that of a split.
 */
YR_READ_API int yr_table_is_statement(const yr_table *t);

/* ------------------------------------------------------------------ the reading */

/** What a span of lines is. */
typedef enum yr_span_kind {
    YR_SPAN_TITLE = 0, /**< above the header */
    YR_SPAN_HEADER,
    YR_SPAN_DATA,
    YR_SPAN_AGGREGATE,
    YR_SPAN_EMPTY,
    YR_SPAN_NOTE,
    YR_SPAN_OTHER_YEAR, /**< long exports: a row of another year than yr_read_options::year */
    YR_SPAN_IGNORED     /**< an aggregate left out by ::YR_TOTALS_IGNORE */
} yr_span_kind;

/** A run of consecutive lines of one kind; the spans of a table cover every line. */
typedef struct yr_span {
    yr_span_kind kind;
    size_t first; /**< the first line, 1-based (xlsx: the row) */
    size_t last;  /**< the last line, inclusive */
} yr_span;

/** @brief The spans in line order: writes at most @p cap, returns how many there are. */
YR_READ_API size_t yr_table_spans(const yr_table *t, yr_span *out, size_t cap);

/** How the input was written (for output that follows the same convention). */
typedef struct yr_read_format {
    const char *format;   /**< "csv" or "xlsx" */
    const char *encoding; /**< "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252" (xlsx: "UTF-8") */
    int bom;              /**< the text began with a byte order mark */
    char delimiter;       /**< ',', ';', '\t' (xlsx: 0) */
    char decimal_mark;    /**< ',' or '.' as the numbers of the file were written (0: none seen) */
    const char *eol;      /**< "\n", "\r\n" or "\r" (static; xlsx: "\n") */
    const char *sheet;    /**< xlsx: the sheet read; NULL for text */
    int excel_quoted;     /**< a file in Excel's CSV convention as `--excel` writes it (BOM,
                               ';', CRLF) neutralised formulas with a leading ' before = + - @
                               TAB CR: taken off (yr_excel_guard_len()); in any other text
                               file a leading ' is kept, byte for byte */
} yr_read_format;

/** @brief How the input was written. */
YR_READ_API const yr_read_format *yr_table_format(const yr_table *t);

/**
 * @brief The reading in one line, in English ("en") or Swedish ("sv"), e.g.
 *        `read 15 municipalities from column 'Befolkning 2023', total row at line 17, lines
 *        19–22 notes` / `läste 15 kommuner från kolumnen 'Befolkning 2023', summarad på rad 17,
 *        rad 19–22 noter`. Truncated to @p cap bytes (valid UTF-8); returns the full length.
 *
 * The parts, each when there is one: `read N municipalities|counties|rows` (municipalities when
 * every data row is one), ` from column 'H'` (the first wanted input column of numbers, in want
 * order), `total row at line L` (`total rows at lines L, L`), then subtotal, county and nation
 * rows alike — a nation row that could not be checked adds ` (not checked: K of 290
 * municipalities)` (or `K of 21 counties`) —, `line L title` / `lines L–L title`, `line L
 * note` / `lines L–L notes`, `N rows of other years left out`, `line L left out unchecked`.
 * Swedish: `läste N kommuner|län|rader`, ` från kolumnen 'H'`, `summarad på rad L`, `delsumma
 * på rad`, `länsrad på rad`, `riksrad på rad` (` (ej kontrollerad: K av 290 kommuner)`), `rad
 * L–L rubrik`, `rad L–L noter`, `N rader andra år utelämnade`, `rad L utelämnad okontrollerad`.
 * Ranges use an en dash (U+2013).
 */
YR_READ_API size_t yr_table_reading(const yr_table *t, const char *lang, char *dst, size_t cap);

/* ----------------------------------------------------------- one grammar for values */

/**
 * @brief Read one value (a command-line option, a Python string, an R character) in the
 *        grammar of @p kind, as a one-cell column with header @p header (may be NULL: no unit or
 *        share word from a header). The same rules as a file's column: `--target 0,8` reads
 *        as the cell `0,8` of a column named "target" would — an error, because neither the
 *        header nor the cell says share or percent — while "80 %" and "0,8" under "andel" read.
 *        @p what names the value in the message ("--target", "equal_part").
 */
YR_READ_API yr_read_status yr_read_value(const char *text, yr_kind kind, const char *header,
                                         const char *what, yr_value *v, yr_read_error *err);

/**
 * @brief Read a column of strings (Python str, R character) in the grammar of @p kind under
 *        @p header, as a file's column would be read (grouping decided over the whole column).
 *        out[i] = value × *den over one common denominator; a blank cell is an error naming its
 *        position (err->line = position + 1).
 */
YR_READ_API yr_read_status yr_read_strings(const char *const *cells, size_t n, yr_kind kind,
                                           const char *header, const char *what, int64_t *out,
                                           int64_t *den, yr_read_error *err);

/** A day column read cell by cell (yr_read_day()): zero it before the first cell. */
typedef struct yr_day_column {
    int kind;          /**< 0 nothing read yet, 1 the days are dates, 2 labels (`d1`, `Dag 3`) */
    size_t first_line; /**< the line of the cell that decided it */
    const char *where; /**< optional: where that line is ("attendance.csv"), for messages */
} yr_day_column;

/**
 * @brief Read one cell of a course-day column, for a caller that reads a file's cells itself
 *        (the pot's counted attendance and trainer files). A day is a date in rule 5's grammar —
 *        ISO `2024-02-06` (the month and day with one digit or two: `2024-2-6` is unambiguous),
 *        with a zero time, or an Excel serial 20000–80000 (`45328` is 2024-02-06) — written to
 *        @p dst as ISO, so `2024-2-6`, `45328` and `2024-02-06` are one day; or a label that is
 *        no date and does not look like one (`d1`, `Dag 3`, `1`), copied trimmed. Errors
 *        (::YR_READ_ERR_CELL, at @p line, naming the accepted forms): an empty cell; a cell that
 *        looks like a date written another way (`6 feb 2024`, `6/2/2024`, `06.02.2024`: a year
 *        and another number, or numbers joined by `/`, `.` or `-`), never a label that matches
 *        nothing; a date among labels or a label among dates (@p col remembers which the column
 *        holds; give one @p col to every day column that must match, e.g. a pot's attendance and
 *        trainers). ::YR_READ_ERR_LIMIT when @p cap is too small (11 bytes hold any date).
 *        A serial is in the 1900 system; a cell of a table read from a workbook is read with
 *        yr_table_day(), which knows the workbook's.
 * @param[out] out_len the length written (may be NULL)
 */
YR_READ_API yr_read_status yr_read_day(yr_day_column *col, const char *s, size_t len, size_t line,
                                       char *dst, size_t cap, size_t *out_len, yr_read_error *err);

/* ------------------------------------------------------------ a trainer pot's course days */

/** One file of a trainer pot's records for yr_course_days_begin() (0 the attendance, 1 the
 *  trainers). */
typedef struct yr_course_day_file {
    const char *where;  /**< the file as messages name it ("narvaro.csv", "attendance"); not NULL */
    const char *course; /**< its course column's header ("Kurs", "Pass"), or NULL: none */
    size_t header_line; /**< the header's line (0 when none applies) */
} yr_course_day_file;

/**
 * The course days of a trainer pot (SPEC §3, yrkesresa/pot.h): a day's pot is a course day's,
 * and a course day is the date (or the day label) and, when the files say it, the course
 * (opaque; yr_course_days_begin(), yr_course_days_add() for every record of both files, then
 * yr_course_days_finish(), yr_course_days_count(), yr_course_days_label(),
 * yr_course_days_free()).
 *
 * The rule, one for the program (`pot`, `statement`) and the bindings (pot_settle, yr_pot_settle):
 * - Neither file has a course column: a course day is the day.
 * - Both have one: a course day is the day and the course (the course compared as
 *   yr_label_key() compares labels: case, blanks around and '-' do not matter), so two courses
 *   held on one date (Kurs 1 and Kurs 2 in two rooms, the FM and EM sessions) each have their
 *   own pot, shared by their own trainers. A day on which the two files name different courses
 *   is refused by yr_course_days_finish(): a course with attendance rows and no trainer while
 *   the trainers file names other courses that day (its pot would be undistributed by a typing
 *   difference), or a course with trainers and no attendance while the attendance names others.
 *   A day that only one file has is not refused (a day without trainers: its pot is
 *   undistributed; a day without participants: nothing to share).
 * - Only one has one: each day may have one course in it (the column then only names the
 *   day's course, and the day's pot is the course's); a second course on a day is refused,
 *   naming both lines and the other file, to which a course column must be added.
 * A blank course cell is refused (each row's course is part of its key). A course column is
 * thus never dropped: it splits the pots, or it is checked.
 *
 * A course day is numbered by its first record (attendance first, then trainers, as the caller
 * adds them), so ties and the output's order follow the input; without courses the numbers are
 * the days' own order of first appearance.
 */
typedef struct yr_course_days yr_course_days;

/**
 * @brief Start the course days of a pot's two files.
 * @param[in]  files two: the attendance's and the trainers' (copied; the strings must outlive
 *                   the object)
 * @param[out] out   the new object (NULL on error); free with yr_course_days_free()
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_NOMEM.
 */
YR_READ_API yr_read_status yr_course_days_begin(const yr_course_day_file files[2],
                                                yr_course_days **out, yr_read_error *err);

/**
 * @brief Add one record: its file, its day and its course cell; *key the course day's number.
 * @param[in]  file     0 the attendance, 1 the trainers
 * @param[in]  day      the day's number as the caller numbers days (one number a day, however
 *                      written: the program by yr_read_day()'s text and yr_label_key())
 * @param[in]  day_text the day as shown ("2024-03-12", "Dag 1"; the first record's is kept)
 * @param[in]  course   the record's course cell (NULL when its file has no course column)
 * @param[in]  line     the record's line (or position counted from 1), for messages
 * @param[out] key      the course day
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_OPTION (file not 0 or 1, a course
 *          given for a file without a course column or none for one with it);
 *          ::YR_READ_ERR_CELL (a blank course cell; a second course on one day when the other
 *          file has no course column: err->line this record's line, err->other_line the first
 *          course's line); ::YR_READ_ERR_NOMEM. The error is in file @p file.
 */
YR_READ_API yr_read_status yr_course_days_add(yr_course_days *cd, int file, size_t day,
                                              const char *day_text, const char *course, size_t line,
                                              size_t *key, yr_read_error *err);

/**
 * @brief After the last record: the check that both files name the same courses on a day they
 *        share (the rule above).
 * @param[out] file the file the error is in (0 or 1; may be NULL): err->line is the first line
 *                  of the course the other file does not name
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_CELL.
 */
YR_READ_API yr_read_status yr_course_days_finish(const yr_course_days *cd, int *file,
                                                 yr_read_error *err);

/** @brief The number of course days (0 for NULL). */
YR_READ_API size_t yr_course_days_count(const yr_course_days *cd);

/**
 * @brief How course day @p key is shown: the day as first written, and when both files have a
 *        course column a blank and the course as first written ("2024-03-12 Kurs 1"); NULL when
 *        @p key is past the count. Valid until yr_course_days_free().
 */
YR_READ_API const char *yr_course_days_label(const yr_course_days *cd, size_t key);

/**
 * @brief Course day @p key's day (the caller's number) and course as first written (NULL when
 *        the course is not part of the key); either output may be NULL.
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_OPTION (@p key past the count).
 */
YR_READ_API yr_read_status yr_course_days_get(const yr_course_days *cd, size_t key, size_t *day,
                                              const char **course);

/** @brief Free (NULL is fine). */
YR_READ_API void yr_course_days_free(yr_course_days *cd);

/**
 * @brief yr_read_day() of cell (@p row, @p col) of a table the reader read, at the row's line.
 *        A serial number is a day in the epoch of the workbook the table came from, whatever
 *        the cell's number format: a workbook that counts from 1904 (`date1904`, a Mac
 *        workbook) holds 2024-02-06 as 43866 (45328 in the 1900 system of every other
 *        workbook and of text files), also after its date format was cleared.
 *        ::YR_READ_ERR_NULL when @p t, @p dc or @p dst is NULL or the cell is outside the table.
 * @param[out] out_len the length written (may be NULL)
 */
YR_READ_API yr_read_status yr_table_day(const yr_table *t, size_t row, size_t col,
                                        yr_day_column *dc, char *dst, size_t cap, size_t *out_len,
                                        yr_read_error *err);
/** How a pot's course day fails to meet (yr_read_day_warning()). */
typedef enum yr_day_unmet {
    YR_DAY_NO_PARTICIPANTS = 0, /**< the day has trainers but no participants */
    YR_DAY_NO_TRAINER = 1       /**< the day has participants but no trainer: its pot stays */
} yr_day_unmet;

/**
 * @brief The warning for a course day of a pot whose trainers and participants do not meet, the
 *        sentence `yrkesresa pot` and the bindings (Python pot_settle, R yr_pot_settle) give:
 *        "day '2024-02-07' has trainers but no participants (nothing to share)", or with
 *        ::YR_DAY_NO_TRAINER "day '2024-02-06' has participants but no trainer (its pot 6000 is
 *        undistributed)". Such a day is often the same date written two ways that were not read
 *        as one day, or a date typed wrong in one of the files.
 * @param[in]  day           the day as yr_read_day() wrote it (NULL is shown as '')
 * @param[in]  unmet         which side is missing
 * @param[in]  undistributed the day's undistributed pot (::YR_DAY_NO_TRAINER; else not read)
 * @param[out] buf           the sentence, cut to @p cap - 1 bytes (may be NULL when cap is 0)
 * @returns the sentence's length (as snprintf: a result >= @p cap means it was cut)
 */
YR_READ_API size_t yr_read_day_warning(const char *day, yr_day_unmet unmet, int64_t undistributed,
                                       char *buf, size_t cap);

/**
 * @brief The aggregate rule for columns that are already in memory (a pandas/R frame): row
 *        kinds by label and identity (rule 4) for @p n labels, one identity per municipality
 *        (two labels of one municipality — `Falun`, `FALUN`, `2080 Falun` — are an error) and
 *        rule 6 (a label that is not a municipality among municipalities is an error with the
 *        nearest name, unless @p other_parties), then the check of every input column (@p ncols
 *        columns of n values each, column-major; a column's values share one denominator, which
 *        the checks do not need: messages show the values as given). kinds receives n kinds.
 *        With ::YR_TOTALS_IGNORE a disagreeing aggregate is no error (it is not a data row).
 *        Errors as yr_read_table() (err->line = position + 1, other_line the other position).
 */
YR_READ_API yr_read_status yr_read_classify(const char *const *labels, size_t n,
                                            const int64_t *const *cols, size_t ncols,
                                            yr_totals totals, int other_parties, yr_row_kind *kinds,
                                            yr_read_error *err);

/**
 * @brief The groups of a nested split, by one rule (`yrkesresa split --group-column`, Python
 *        split_nested and split_frame(groups=), R yr_split_nested): @p n group labels numbered
 *        0, 1, ... in order of first appearance.
 *
 * - A label that names a county by the reader's identity (yr_place_of(): `Dalarnas län`,
 *   `Dalarna län`, `20`, `20 Dalarnas län`) is keyed by its county: those are one group. In a
 *   county column (@p header names county codes, `Länskod`, `Länsnummer`, or every label is a
 *   county's code of one or two digits) `1` is county 01 too.
 * - When one label names a county, every label must: `Dalarna` beside `Uppsala län` is an error
 *   (it would be a group of its own beside `Dalarnas län`).
 * - Any other label is keyed by its name key (yr_name_key(): `Västerdalarna` and
 *   `VÄSTERDALARNA` are one group); an empty label is an error.
 * - With @p municipalities, a municipality under a county group must be in that county (`Habo`
 *   under `Uppsala län` is an error naming both counties).
 * @param[in]  labels          n group labels (UTF-8, NUL-terminated)
 * @param[in]  header          the group column's header, for the county-code rule and the
 *                             messages (may be NULL: `group`)
 * @param[in]  lines           n line numbers for the messages (may be NULL: position + 1)
 * @param[in]  municipalities  n municipality codes (2080; 0 or -1 for a row that is none), or
 *                             NULL
 * @param[out] group           n group numbers
 * @param[out] ngroups         the number of groups
 * @param[out] err             on error (may be NULL): err->line the row's line, err->other_line
 *                             the other line; the message names the column and what to do
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_NOMEM; ::YR_READ_ERR_IDENTITY for the
 *          errors above.
 */
YR_READ_API yr_read_status yr_read_groups(const char *const *labels, size_t n, const char *header,
                                          const size_t *lines, const int *municipalities,
                                          size_t *group, size_t *ngroups, yr_read_error *err);

/* ----------------------------------------------------------------- a pot's two files */

/** Which file of a trainer pot (yr_read_pot_layout()). */
typedef enum yr_pot_input {
    YR_POT_INPUT_ATTENDANCE = 0, /**< the participants of each course day (`pot --attendance`) */
    YR_POT_INPUT_TRAINERS = 1    /**< the trainers of each course day (`pot --trainers`) */
} yr_pot_input;

/** The most `ROLE=HEADER` entries of a layout's request (the caller's and its own). */
#define YR_POT_LAYOUT_COLUMNS 24

/**
 * How a pot's input file is laid out (yr_read_pot_layout()), and the request to read it with:
 * yr_read_options::want = @c want, ::columns = @c columns. @c columns may point into @c entry:
 * use the layout where it was filled (do not copy it).
 */
typedef struct yr_pot_layout {
    int list;      /**< attendance: 1 a list of persons (one row per participant and day: a person
                        column and no participants column; the reader reads its days as dates, keys
                        the rows by day and person and counts the present ones); 0 a counted table
                        (one row per day and municipality with its participants) */
    int named;     /**< trainers: 1 when the rows name their persons and the days are dates: the
                        request keys the rows by day and person, so one person twice on one day is
                        the reader's error naming both lines (as in a list of persons) */
    int dates;     /**< the day column's first data cell is a date (yr_read_day()); 0 a label
                        (`Dag 1`), or no data row */
    char day[256]; /**< the day column's header as written ("" for a list: the reader finds
                        it); a counted file's and an unnamed trainers file's days are read
                        cell by cell with yr_read_day() from the column with this header */
    char person[256];     /**< the person column's header ("" when none) */
    char count[256];      /**< attendance: the header of the column read as the participants when no
                               header names them (the count column of `stats count --long` read
                               back), else "" */
    char role[256];       /**< trainers: the header of a trainer-word column read as the role, else
                               "" */
    yr_read_want want[6]; /**< the roles to read the file with (the course among them: a
                               course column splits the pots, yr_course_days_begin()) */
    size_t nwant;
    const char *columns[YR_POT_LAYOUT_COLUMNS]; /**< the entries to read the file with: the
                    caller's (yr_read_options::columns; a `day=` entry left out when the days
                    are read cell by cell), then the layout's own (`participants=H`,
                    `person=H`, `role=H`) */
    size_t ncolumns;
    char entry[4][300]; /**< the layout's own entries */
} yr_pot_layout;

/**
 * @brief The layout of a trainer pot's input file (`yrkesresa pot --attendance A --trainers T`),
 *        decided from its header, read once (a text file's first 64 KiB of whole lines, all of
 *        it when they do not read; a trainers file or a workbook whole), so that every caller
 *        reads a pot's files alike.
 *
 * Attendance: a `participants=` entry of @p opt's columns makes it counted and a `person=`
 * entry a list (the first of the two given decides); else it is a list when a header names
 * the person (Person, Namn på deltagare, E-post, ...; yr_role_is_header()) and none the
 * participants. A counted table without a participants header reads the count column of
 * `stats count --long` (`count`, `antal`) as the participants. A counted table with a column
 * that counts days (yr_header_counts_days()) is refused: each row is one course day.
 *
 * Trainers: the rows name their persons when a header names the person, a `person=` entry
 * names a column, or — the trainer-word rule — a column headed by a word for a trainer
 * (Utbildare, Kursledare, Föreläsare, Handledare, Lärare, Instruktör, Trainer, Leader,
 * Instructor, Teacher, and their forms `Utbildarens namn`, `Namn på utbildare`,
 * `Kursledarnamn`, `Trainer name`) holds names: such a column is the person column when its
 * cells are names, the role column when they are role words (`kursledare`, `utbildare`: what
 * yr_role_from_name() reads, or another trainer word) and no other column says the role; a
 * column named by @p opt's columns is left as named. Doubt is refused (::YR_READ_ERR_HEADER,
 * naming the column and `--trainers-column person=HEADER` or `role=HEADER`): a trainer-word
 * column of names and role words mixed, or of numbers, two such columns of names, or one of
 * role words beside a role column. The request then keys the rows by day and person when the
 * days are dates (named); days written as labels (`Dag 1`) are no date the reader's key holds,
 * and are not keyed.
 *
 * A counted attendance file and an unnamed trainers file must have a day column (by its header:
 * day, datum, dag, date, kursdag; or a `day=` entry), else ::YR_READ_ERR_HEADER naming what
 * was looked for. Errors name the line of the header; a file whose header does not read is the
 * reader's error (yr_read_table()).
 *
 * @param[in]  bytes  the file's bytes
 * @param[in]  opt    the caller's options (columns, sheet, ...; NULL: defaults); its want is
 *                    not used
 * @param[in]  input  which file of the pot
 * @param[out] out    the layout (filled on success; the request's columns point into @p opt's
 *                    columns and into @p out)
 * @param[out] err    on error (may be NULL)
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_OPTION (an unknown @p input, more
 *          than ::YR_POT_LAYOUT_COLUMNS entries); ::YR_READ_ERR_HEADER (above); the reader's
 *          errors of the header.
 */
YR_READ_API yr_read_status yr_read_pot_layout(const void *bytes, size_t len,
                                              const yr_read_options *opt, yr_pot_input input,
                                              yr_pot_layout *out, yr_read_error *err);

#ifdef __cplusplus
}
#endif

#endif
