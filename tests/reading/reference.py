#!/usr/bin/env python3
"""Independent recomputation of the reading corpus's numeric expectations.

Written from tests/reading/README.md and the rules in include/yrkesresa/read.h, not from the C
code: its own CSV reading (the csv module), its own aliases and its own number grammar
(fractions.Fraction). It re-reads the simple cases -- UTF-8 text (a BOM allowed) whose header is
line 1, no year, sheet or header_row option, no expected error -- and checks each
`expect_values:` it can recompute: the data rows (not empty, not notes, not Summa/Delsumma/Riket/
county rows) of the column with the role. Cases it cannot recompute are skipped with a reason.
Exits 1 on a mismatch, or when fewer than 25 value lists were recomputed.

    reference.py [DIR]
"""
import csv
import datetime
import io
import os
import re
import sys
import unicodedata
from fractions import Fraction

ALIASES = {
    'population': ['population', 'befolkning', 'invånare', 'folkmängd', 'antal invånare'],
    'weight': ['weight', 'vikt'],
    'amount': ['amount', 'belopp', 'kostnad', 'publicerat belopp'],
    'participants': ['participants', 'deltagare', 'antal deltagare'],
    'respondents': ['respondents', 'svarande', 'antal svarande'],
    'yes': ['antal ja', 'ja', 'yes'],
    'yes_share': ['andel ja'],
    'target': ['target', 'mål'],
    'day': ['day', 'datum', 'dag', 'date'],
    'present': ['present', 'närvaro', 'närvarande'],
    'year': ['year', 'år'],
    'fees': ['fees', 'avgifter', 'avgift'],
    'rate': ['kr per invånare'],
}
LABEL_HEADERS = ('kommun', 'municipality', 'region', 'namn', 'name')  # where a Summa is written
NOTE_WORDS = ('källa', 'fotnot', 'anm', 'not:', 'kommentar', 'source', 'note')
BLANKS = '\u00a0\u202f\u2009\u2007 \t'


def header_base(h):
    """The header without a parenthesised part, a trailing year or date, or a unit word."""
    h = re.sub(r'\(.*?\)', ' ', h).lower()
    h = re.split(r'\s\d', ' ' + h.strip(), maxsplit=1)[0].strip()
    words = h.replace('-', ' ').split()
    while len(words) > 1 and words[-1] in ('kr', 'tkr', 'mkr', 'i', 'tusental', '%', 'procent'):
        words.pop()
    return ' '.join(words)


MONEY_WORDS = {'kr', 'kronor', 'krona', 'sek'}
THOUSANDS_OF_KRONOR = {'tkr', 'tsek', 'ksek', 'kkr'}
MILLIONS_OF_KRONOR = {'mkr', 'msek', 'mnkr'}
THOUSAND_WORDS = {'tusen', 'tusental', 'tusentals', 'tsd', '000', 'thousand', 'thousands'}
MILLION_WORDS = {'milj', 'miljon', 'miljoner', 'million', 'millions', 'mio'}


def unit_of(header):
    """The multiplier of the header's unit place (a last part in parentheses, else the words
    after the last comma) when it names a unit, else of all the header's unit words."""
    h = header.strip()
    m = re.search(r'[(\[]([^()\[\]]*)[)\]]$', h)
    place = m.group(1) if m else (h.rsplit(',', 1)[1] if ',' in h else '')
    if percent_header(place) == 'percent':
        return 1
    return words_unit(place) or words_unit(header) or 1


def words_unit(header):
    """The multiplier a text's unit words say (read.h rule 5, Swedish and English spellings):
    thousands or millions, of kronor or (thousands) of people; t/k/m count only beside a money
    word ('t kr'), 1000 only before '-tal' or a money word; None when it says none."""
    words = re.findall(r'[\wåäö%]+', header.lower())
    mult = None
    for i, w in enumerate(words):
        near = words[max(i - 1, 0):i] + words[i + 1:i + 2]
        money_near = any(x in MONEY_WORDS for x in near)
        if w in THOUSANDS_OF_KRONOR or w in THOUSAND_WORDS or (w in ('t', 'k') and money_near) \
                or (w == '1000' and words[i + 1:i + 2] and (words[i + 1] == 'tal' or money_near)):
            mult = max(mult or 1, 1000)
        if w in MONEY_WORDS:
            mult = mult or 1
        if w in MILLIONS_OF_KRONOR or w in MILLION_WORDS or (w == 'm' and money_near):
            mult = 1000000
    return mult


def percent_header(header):
    h = header.lower()
    if '%' in h or 'procent' in h or 'percent' in h:
        return 'percent'
    if 'andel' in h or 'share' in h:
        return 'share'
    return None


def split_number(cell):
    """(sign, integer digits, fraction digits, unit multiplier, percent) for the grammar, with
    the separators decided by the cell alone; None when the cell is not a number; 'amb' as the
    fraction for a single '.' or ',' before exactly three digits."""
    s = cell.strip(BLANKS)
    mult, pct = 1, False
    for suffix, m in ((':-', 1), ('tkr', 1000), ('mkr', 1000000), ('kr', 1), ('%', 1)):
        if s.lower().endswith(suffix):
            s = s[: -len(suffix)].strip(BLANKS)
            mult = m
            pct = suffix == '%'
            break
    sign = 1
    if s.startswith('-'):
        sign, s = -1, s[1:]
    for b in BLANKS:
        s = s.replace(b, ' ')
    if not re.fullmatch(r'[0-9][0-9 .,]*', s) or s.endswith((' ', '.', ',')):
        return None
    parts = re.split(r'([ .,])', s)
    digits = parts[0::2]
    seps = parts[1::2]
    if not seps:
        return sign, digits[0], '', mult, pct, None
    marks = [x for x in seps if x in '.,']
    if not marks:
        return sign, ''.join(digits), '', mult, pct, None
    last = marks[-1]
    if len(set(marks)) == 2 or (' ' in seps):
        i = len(seps) - 1 - seps[::-1].index(last)
        return sign, ''.join(digits[: i + 1]), ''.join(digits[i + 1:]), mult, pct, None
    if len(marks) >= 2:
        return sign, ''.join(digits), '', mult, pct, None
    if len(digits[1]) == 3 and 1 <= len(digits[0]) <= 3 and digits[0] != '0':
        return sign, digits[0], digits[1], mult, pct, last  # ambiguous
    return sign, digits[0], digits[1], mult, pct, None


def column_values(cells, role, header, delim=','):
    """The values of a column, the grouping decided over the whole column. In a ';' file a
    rate's ',' that no cell decides is its decimal mark (read.h rule 5)."""
    if role == 'day':
        out = []
        for c in cells:
            c = c.strip()
            m = re.fullmatch(r'(\d{4})-(\d{1,2})-(\d{1,2})', c[:10].strip())
            if re.fullmatch(r'\d{5}', c):
                out.append((datetime.date(1899, 12, 30) + datetime.timedelta(int(c))).isoformat())
            elif m:  # year first, the month and the day with one digit or two (2024-2-6)
                out.append(datetime.date(*map(int, m.groups())).isoformat())
            else:
                out.append(c[:10])
        return out
    if role == 'present':
        yes = ('x', 'ja', 'yes', '1', 'närvarande', 'närvarat', 'deltog', 'present', 'attended')
        return ['1' if c.strip().lower() in yes else '0' for c in cells]
    parsed = [split_number(c) for c in cells]
    if any(p is None for p in parsed):
        return None
    amb = {p[5] for p in parsed if p[5]}
    big_other = [p for p in parsed if not p[5] and len(p[1]) + (0 if p[2] == '' else 0) >= 4]
    out = []
    whole = role in ('population', 'participants', 'respondents', 'year', 'yes')
    shown_decimal = any(q[5] is None and q[2] != '' for q in parsed)
    if whole and (shown_decimal or unit_of(header) != 1):
        whole = False  # a cell like '20,39', or a unit (tusental): the cells may have decimals
    for sign, ip, fp, mult, pct, a in parsed:
        if a:
            as_group = whole or any(q[2] != '' and q[5] is None for q in parsed if q[1]) is False
            if whole and big_other:
                return None  # the column does not group one way: an error, not values
            rate_decimal = role == 'rate' and delim == ';' and a == ',' and unit_of(header) == 1
            if not whole and not shown_decimal and not rate_decimal:
                return None  # '58,923' alone under 'tusental': 58.923 or 58 923? an error
            if not whole:
                decimals = [q for q in parsed if q[5] is None and q[2] != '']
                as_group = not decimals and not rate_decimal
            if as_group:
                ip, fp = ip + fp, ''
        v = Fraction(int(ip or '0') * 10 ** len(fp) + int(fp or '0'), 10 ** len(fp)) * sign
        v *= mult * unit_of(header)
        if role in ('yes_share', 'target'):
            kind = percent_header(header)
            if pct or kind == 'percent':
                v /= 100
        out.append(v)
    return [fmt(v) for v in out]


def fmt(v):
    if v.denominator == 1:
        return str(v.numerator)
    s = f'{float(v):.10f}'.rstrip('0')
    return s


def is_aggregate(label, counties_too=True):
    """counties_too=False: a table of days or records, where a county is a record (rule 4)."""
    # the pot table's own rows 'undistributed' / 'ej fördelat' (alone or before ':'): rule 4
    if re.match(r'(undistributed|ej fördelat)\s*(:|$)', label.strip().lower()):
        return True
    w = label.strip().lower().rstrip(':').strip()
    w = re.sub(r'^\d+\s+', '', w)
    if not counties_too and w in counties():
        return False
    # S:a (summa), Tot. (totalt), Länet (the county of the rows): read.h rule 4
    return (w.startswith(('summa', 'delsumma', 'totalt', 'total')) or w in ('riket', 'hela riket')
            or w in ('s:a', 'tot.', 'tot', 'länet')
            or w in counties() or re.search(r'\s(totalt|total|summa)$', w) is not None)


def counties():
    """The 21 counties' names, lower case ('dalarnas län'), and their form without the genitive
    s ('dalarna län'): a county is an aggregate by its name, not by ending in län ('Region
    Jönköpings län' is a region)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data', 'sweden',
                        'municipalities.csv')
    with open(path, encoding='utf-8') as f:
        names = {r['county'].lower() for r in csv.DictReader(f)}
    return names | {re.sub(r's län$', ' län', n) for n in names}


# The error rules this file recomputes itself (read.h rules 2, 4 and "one number said twice"):
# the line of the first row that breaks them must be the case's expect_line.
STAT_WORDS = ('medelvärde', 'medelvärdet', 'medelvarde', 'medeltal', 'genomsnitt', 'genomsnittet',
              'snitt', 'median', 'medianen', 'typvärde', 'standardavvikelse', 'average', 'mean',
              'varav', 'därav')  # varav/därav: a part of the row above (no party, no sum)
STAT_ALONE = ('max', 'maximum', 'min', 'minimum', 'högst', 'lägst', 'högsta', 'lägsta')


def is_statistic(label):
    words = label.strip().rstrip(':').split()
    if not words:
        return False
    first = words[0].lower().rstrip(':')
    if first in STAT_WORDS:
        return True
    if first in ('medel', 'andel', 'antal'):
        return len(words) == 1
    return first in STAT_ALONE and (len(words) == 1 or not words[1][:1].isupper())


def names_roles(text):
    """How many roles the words of one cell name (split at blanks and '|')."""
    found = set()
    for w in re.split(r'[\s|]+', text):
        if w.lower() in LABEL_HEADERS:
            found.add('municipality')
        for role, names in ALIASES.items():
            if w.lower() in names:
                found.add(role)
    return len(found)


def error_line(text, rows, header):
    """(status, line) of the first break of the rules above, or None; rows[0] is the header."""
    lines = text.splitlines()
    for i, line in enumerate(lines[:200]):
        if line.strip() and len([c for c in next(csv.reader([line], delimiter=';'))]) == 1 \
                and ',' not in line and '\t' not in line and names_roles(line) >= 2:
            return 'YR_READ_ERR_HEADER', i + 1
    base = [header_base(h) for h in header]
    lab = next((i for i, h in enumerate(header) if h.lower() in LABEL_HEADERS), 0)
    note = None  # read.h rule 3: a note ends the table; a row below it is an error at the note
    for n, r in enumerate(rows[1:], start=2):
        filled = [x.strip(BLANKS) for x in r if x.strip(BLANKS)]
        if not filled:
            continue
        sentence = len(filled) == 1 and (len(filled[0].split()) >= 4 or filled[0][-1] in '.:')
        if note is None and (r[0].strip().lower().startswith(NOTE_WORDS) or sentence):
            note = n
        elif note is not None and len(filled) >= 2:
            return 'YR_READ_ERR_SYNTAX', note
    for n, r in enumerate(rows[1:], start=2):
        if len(r) > lab and is_statistic(r[lab]) and any(x.strip() for x in r[lab + 1:]):
            return 'YR_READ_ERR_AGGREGATE', n
    cols = [next((i for i, b in enumerate(base) if b in ALIASES[k]), None)
            for k in ('yes_share', 'yes', 'respondents')]
    if None not in cols:
        s, y, b = cols
        for n, r in enumerate(rows[1:], start=2):
            got = column_values([r[s]], 'yes_share', header[s])
            if not got or not r[y].strip().isdigit() or not r[b].strip().isdigit():
                continue
            cell = r[s].strip(BLANKS).rstrip('%').strip(BLANKS)
            shown = len(re.split(r'[.,]', cell)[1]) if re.search(r'[.,]', cell) else 0
            if '%' in r[s] or percent_header(header[s]) == 'percent':
                shown += 2
            if abs(Fraction(int(r[y]), int(r[b])) - Fraction(got[0])) > Fraction(1, 2 * 10 ** shown):
                return 'YR_READ_ERR_CELL', n
    return None


# Label roles whose column is a unique key (read.h rules 6 and 7), and code columns.
LABEL_ROLES = {'item': ('item', 'post', 'kostnadspost'), 'question': ('question', 'fråga'),
               'course': ('course', 'kurs', 'pass', 'kurspass', 'session')}
CODE_HEADERS = ('kod', 'kommunkod', 'kommunnummer', 'kommunnr', 'knkod', 'scbkod', 'code')


def label_key(cell):
    """A label compared as the municipality identity is: NFC, case folded, blanks one space."""
    return ' '.join(unicodedata.normalize('NFC', cell).casefold().split())


def municipalities():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data', 'sweden',
                        'municipalities.csv')
    with open(path, encoding='utf-8') as f:
        return {int(r['code']): r['municipality'] for r in csv.DictReader(f)}


def error_line_keys(get_all, rows, header):
    """(status, line) of a repeated label key, a code naming another municipality than its
    name, or a day in no form of the date grammar; None when none."""
    wants = [v.split() for k, v in get_all if k == 'want']
    low = [header_base(h) for h in header]
    for w in wants:
        if w[0] in LABEL_ROLES and 'unique' in w:
            c = next((i for i, h in enumerate(low) if h in LABEL_ROLES[w[0]]), None)
            seen = {}
            for n, r in enumerate(rows[1:], start=2):
                if c is None or len(r) <= c or not r[c].strip():
                    continue
                if label_key(r[c]) in seen:
                    return 'YR_READ_ERR_IDENTITY', n
                seen[label_key(r[c])] = n
        if w[0] == 'day':
            c = next((i for i, h in enumerate(low) if h in ALIASES['day']), None)
            for n, r in enumerate(rows[1:], start=2):
                d = r[c].strip() if c is not None and len(r) > c else ''
                if d and not re.fullmatch(r'\d{4}-\d{1,2}-\d{1,2}|\d{5}', d):
                    return 'YR_READ_ERR_CELL', n
    code = next((i for i, h in enumerate(low) if h in CODE_HEADERS), None)
    name = next((i for i, h in enumerate(header) if h.lower() in LABEL_HEADERS), None)
    if code is not None and name is not None:
        known = municipalities()
        by_name = {label_key(v): k for k, v in known.items()}
        for n, r in enumerate(rows[1:], start=2):
            k = int(r[code]) if r[code].strip().isdigit() else None
            m = by_name.get(label_key(r[name]))
            if k in known and m is not None and m != k:
                return 'YR_READ_ERR_IDENTITY', n
    return None


YES_WORDS = ('ja', 'j', 'yes', 'y', 'x', 'sant', 'true', 'närvarande', 'närvarat', 'deltog',
             'present', 'attended')
NO_WORDS = ('nej', 'n', 'no', 'falskt', 'false', 'frånvarande', 'frånvarat', 'ej närvarande',
            'deltog ej', 'absent', 'uteblev')


def error_line_unread(get_all, rows, header):
    """(status, line) of read.h's rule for a column nobody reads that says whether a row takes
    part, in its plainest form: a caller that requires a role, a header that names none of
    the wanted roles and no absence, cells that are all yes/no words (not digits) with a no —
    a blank counting as no beside an X. None when no column is such."""
    wants = [v.split() for k, v in get_all if k == 'want']
    if not any('required' in w for w in wants):
        return None
    read = {a for w in wants for a in ALIASES.get(w[0], ())}
    for c, h in enumerate(header):
        base = header_base(h)
        if not h.strip() or base in read or 'frånvar' in base:
            continue
        cells = [(n, r[c].strip(BLANKS).lower() if len(r) > c else '')
                 for n, r in enumerate(rows[1:], start=2)]
        filled = [(n, x) for n, x in cells if x]
        if not filled or any(x not in YES_WORDS + NO_WORDS for _, x in filled):
            continue
        nos = [n for n, x in cells if x in NO_WORDS or (not x and any(y == 'x' for _, y in filled))]
        if nos:
            return 'YR_READ_ERR_HEADER', nos[0]
    return None


def check_error(get, text, rows, header, keys=()):
    """Compare the recomputed error with the case's; (why, 1 | 0 | -1)."""
    found = error_line(text, rows, header) or error_line_keys(keys, rows, header) or \
        error_line_unread(keys, rows, header)
    if found is None:
        return 'error not recomputable by these rules', 0
    if found != (get['expect_error'], int(get.get('expect_line', '0'))):
        print(f'MISMATCH error: expected {get["expect_error"]} at line {get.get("expect_line")},'
              f' recomputed {found[0]} at line {found[1]}')
        return 'mismatch', -1
    return 'ok', 1


def recompute(path):
    keys = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            k, _, v = line.partition(':')
            keys.append((k.strip(), v.strip()))
    get = dict(keys)
    if 'expect_error' not in get and not any(k == 'expect_values' for k, _ in keys):
        return 'no values', 0
    for k in ('year', 'sheet', 'header_row', 'file'):
        if k in get:
            return f'option {k}', 0
    stem = path[: -len('.expect')]
    data = None
    for ext in ('.csv', '.tsv', '.txt'):
        if os.path.exists(stem + ext):
            with open(stem + ext, 'rb') as f:
                data = f.read()
    if data is None:
        return 'not a .csv or .tsv', 0
    try:
        text = data.decode('utf-8-sig')
    except UnicodeDecodeError:
        return 'not UTF-8', 0
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return 'no header on line 1', 0
    first = lines[0]
    delim = max(';,\t', key=lambda d: (first.count(d), d == ';'))
    rows = list(csv.reader(io.StringIO(text, newline=None), delimiter=delim))
    header = [h.strip() for h in rows[0]]
    explicit = {}
    for k, v in keys:
        if k == 'column':
            role, _, h = v.partition('=')
            explicit[role.strip()] = h.strip()
    if 'expect_error' in get:
        return check_error(get, text, rows, header, keys)
    lab = next((i for i, h in enumerate(header) if h.lower() in LABEL_HEADERS), 0)
    days = any(header_base(h) in ALIASES['day'] for h in header)  # a table of days
    checked = 0
    for k, v in keys:
        if k != 'expect_values':
            continue
        role, _, want = v.partition('=')
        role = role.strip()
        if role in explicit:
            names = [explicit[role].lower()]
            col = [i for i, h in enumerate(header) if h.lower() in names]
        else:
            col = [i for i, h in enumerate(header) if header_base(h) in ALIASES.get(role, [])]
        if len(col) != 1:
            return f'cannot find the {role} column', 0
        c = col[0]
        cells = []
        for r in rows[1:]:
            if not any(x.strip(BLANKS) for x in r):
                continue
            if r[0].strip().lower().startswith(NOTE_WORDS):
                continue
            if len(r) <= c or not r[c].strip(BLANKS):
                if len([x for x in r if x.strip()]) == 1:
                    continue  # a footnote line
            if is_aggregate(r[0], not days) or (len(r) > lab and is_aggregate(r[lab], not days)):
                continue
            cells.append(r[c] if len(r) > c else '')
        got = column_values(cells, role, header[c], delim)
        if got is None:
            return f'{role}: not recomputable by these rules', 0
        if got != want.split():
            print(f'MISMATCH {os.path.basename(path)}: {role}: expected {want}, recomputed'
                  f' {" ".join(got)}')
            return 'mismatch', -1
        checked += 1
    return 'ok', checked


def main():
    """reference.py [--check] [DIR]: recompute every case of DIR (default: this directory).
    The last line is 'reference: N cases recomputed, M differ' (tests/test_references.sh)."""
    args = [a for a in sys.argv[1:] if a != '--check']
    d = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    files = sorted(f for f in os.listdir(d) if f.endswith('.expect'))
    if not files:
        print('reference.py: no cases in', d)
        return 1
    cases, lists, bad = 0, 0, 0
    for f in files:
        why, n = recompute(os.path.join(d, f))
        if n < 0:
            bad += 1
        elif n == 0:
            print(f'skip {f}: {why}')
        else:
            print(f'ok   {f}: {n} value list(s)')
            cases += 1
            lists += n
    print(f'reference.py: {lists} value lists in {cases} cases')
    too_few = cases < 25
    if too_few:
        print('reference.py: fewer than 25 cases recomputed')
    print(f'reference: {cases} cases recomputed, {bad} differ')
    return 1 if bad or too_few else 0


if __name__ == '__main__':
    sys.exit(main())
