#!/usr/bin/python3
"""Generate lib/read/municipalities.c: Sweden's 290 municipalities, 21 counties and the nation,
with every accepted form of their names as name keys in a hash table (lib/read/municipalities.h).

    /usr/bin/python3 scripts/gen-municipalities.py           # write lib/read/municipalities.c
    /usr/bin/python3 scripts/gen-municipalities.py --check   # exit 1 unless the file is what
                                                             # this script writes, byte for byte

Input: data/sweden/municipalities.csv (code,municipality,county_code,county; see
data/sweden/README.md). Standard library only. The generated file is committed, so the library,
the R package and the wheel build without Python.

The forms (decided here, documented in include/yrkesresa/identity.h):
- a municipality N: N; "N kommun" and "N stad"; with the genitive G: "G kommun", "G stad".
  G is N + "s" unless N ends in s, x or z (then N itself: "Borås stad", "Kalix kommun"), and
  "Falu" for Falun ("Falu kommun"). Gotland (0980) also "Region Gotland".
- a county "Dalarnas län" (the official name): itself, "Dalarna län" and "Dalarnas län" (the
  short name with and without the genitive s). The bare short name ("Dalarna") is not a form:
  six of the short names are municipalities (Stockholm, Uppsala, Jönköping, Kalmar, Gotland,
  Örebro). It is kept as the county's short key, accepted only after the county's code
  ("20 Dalarna").
- the nation: Riket, Hela riket, Sverige, Hela Sverige, Hela landet, Sweden.
Checked here: the CSV's own invariants (README), and that no form of one place equals a name or
form of another (so no genitive s added or taken away ever turns one municipality into another).
"""
import csv
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSV = os.path.join(ROOT, "data", "sweden", "municipalities.csv")
OUT = os.path.join(ROOT, "lib", "read", "municipalities.c")

# Values of yr_place (include/yrkesresa/read.h).
PLACE = {"municipality": "YR_PLACE_MUNICIPALITY", "county": "YR_PLACE_COUNTY",
         "nation": "YR_PLACE_NATION"}
# From lib/read/municipalities.h.
FORM_KEY_MAX = 48
FORM_SLOTS = 4096

IRREGULAR_GENITIVE = {2080: "Falu"}  # Falun: "Falu kommun"
EXTRA_FORMS = {980: ["Region Gotland"]}  # Gotland: the municipality is also the region
NATION_NAME = "Riket"
NATION_FORMS = ["Riket", "Hela riket", "Sverige", "Hela Sverige", "Hela landet", "Sweden"]


def fail(msg):
    sys.exit("gen-municipalities.py: " + msg)


def name_key(s):
    """The name key of a name made of letters, blanks and '-' (the only characters the list
    and the forms have, checked by the caller): NFC of the case-folded canonical decomposition,
    '-' and blanks as one space, trimmed."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFD", s).casefold())
    return " ".join(folded.replace("-", " ").split())


def genitives(code, name):
    if code in IRREGULAR_GENITIVE:
        return [IRREGULAR_GENITIVE[code]]
    return [] if name[-1] in "sxz" else [name + "s"]


def municipality_forms(code, name):
    forms = [name, name + " kommun", name + " stad"]
    for g in genitives(code, name):
        forms += [g + " kommun", g + " stad"]
    return forms + EXTRA_FORMS.get(code, [])


def county_short(name):
    """'Dalarnas län' -> 'Dalarna', 'Skåne län' -> 'Skåne'."""
    if not name.endswith(" län"):
        fail(f"county '{name}' does not end in ' län'")
    short = name[: -len(" län")]
    return short[:-1] if short.endswith("s") else short


def county_forms(name):
    short = county_short(name)
    return [name, short + " län", short + "s län"]


def read_list():
    with open(CSV, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["code", "municipality", "county_code", "county"]:
        fail(f"unexpected header {rows[0]}")
    munis, counties = [], {}
    for r in rows[1:]:
        code, name, ccode, cname = r
        if not re.fullmatch(r"\d{4}", code) or code[:2] != ccode:
            fail(f"bad code {code} (county {ccode})")
        for n in (name, cname):
            if unicodedata.normalize("NFC", n) != n or not re.fullmatch(r"[^\W\d_]+([ -][^\W\d_]+)*", n):
                fail(f"name '{n}' is not NFC letters, blanks and '-'")
        if counties.setdefault(int(ccode), cname) != cname:
            fail(f"county {ccode} has two names")
        munis.append((int(code), name, int(ccode)))
    codes = [m[0] for m in munis]
    if len(munis) != 290 or len(set(codes)) != 290 or codes != sorted(codes):
        fail("expected 290 unique municipality codes in order")
    if len({name_key(m[1]) for m in munis}) != 290 or len(counties) != 21:
        fail("expected 290 distinct names and 21 counties")
    if max(counties) > 25:
        fail("a county code above 25")
    return munis, sorted(counties.items())


def all_forms(munis, counties):
    """[(key, place, code)] in table order; fails when one key would name two places."""
    forms, owner = [], {}

    def add(text, place, code):
        key = name_key(text)
        if len(key.encode()) >= FORM_KEY_MAX:
            fail(f"form '{text}' is too long")
        if key in owner:
            if owner[key] != (place, code):
                fail(f"'{text}' would name both {owner[key]} and {(place, code)}")
            return
        owner[key] = (place, code)
        forms.append((key, place, code))

    for code, name, _ in munis:
        for f in municipality_forms(code, name):
            add(f, "municipality", code)
    for code, name in counties:
        for f in county_forms(name):
            add(f, "county", code)
    for f in NATION_FORMS:
        add(f, "nation", 0)
    # The genitive s, added or taken away, never leads from one municipality to another (the
    # forms above would have collided already; said separately because it is the likely slip).
    names = {name_key(n): c for c, n, _ in munis}
    for key, code in names.items():
        for other in (key + "s", key[:-1] if key.endswith("s") else None):
            if other in names and names[other] != code:
                fail(f"'{key}' and '{other}' differ by a genitive s")
    # A county's short name after its code ("20 Dalarna") must not be another county's form.
    for code, name in counties:
        short = name_key(county_short(name))
        if short in owner and owner[short][0] == "county":
            fail(f"short name '{short}' is a form of county {owner[short][1]}")
    return forms


def word_hash(b):
    """yrr_hash() in municipalities.h: eight bytes a step, little-endian words."""
    k, mask = 0x9E3779B97F4A7C15, (1 << 64) - 1
    h = (len(b) * k) & mask
    for i in range(0, len(b), 8):
        w = int.from_bytes(b[i:i + 8], "little")
        h = ((h ^ w) * k) & mask
        h ^= h >> 32
    return h & 0xFFFFFFFF


def slots(forms):
    if 2 * len(forms) > FORM_SLOTS:
        fail("the hash table would be more than half full")
    table = [0] * FORM_SLOTS
    for i, (key, _, _) in enumerate(forms):
        s = word_hash(key.encode()) % FORM_SLOTS
        while table[s]:
            s = (s + 1) % FORM_SLOTS
        table[s] = i + 1
    return table


def c_string(s):
    """A C string literal of s's UTF-8 bytes, ASCII only (octal escapes cannot run on)."""
    out = []
    for b in s.encode():
        if b < 0x80 and b not in (ord('"'), ord("\\")):
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def generate():
    munis, counties = read_list()
    forms = all_forms(munis, counties)
    table = slots(forms)
    index = [-1] * 26
    for i, (code, _) in enumerate(counties):
        index[code] = i
    o = ["/* Generated by scripts/gen-municipalities.py from data/sweden/municipalities.csv: do not",
         " * edit (a test checks that regenerating gives this file byte for byte). Strings are",
         " * UTF-8 in octal escapes. One entry a line, as written: clang-format leaves it. */",
         '#include "municipalities.h"', "",
         '#include "yrkesresa/read.h"', "",
         "// clang-format off",
         "const yrr_municipality yrr_municipalities[YRR_MUNICIPALITIES] = {"]
    for code, name, ccode in munis:
        o.append(f"    {{{code}, {ccode}, {c_string(name)}}}, /* {code:04d} */")
    o += ["};", "", "const yrr_county yrr_counties[YRR_COUNTIES] = {"]
    for code, name in counties:
        o.append(f"    {{{code}, {c_string(name)}, {c_string(name_key(county_short(name)))}}},")
    o += ["};", "", "const int8_t yrr_county_index[YRR_COUNTY_CODE_MAX + 1] = {"]
    o.append("    " + ", ".join(str(x) for x in index) + ",")
    o += ["};", "", "const yrr_form yrr_forms[] = {"]
    for key, place, code in forms:
        o.append(f"    {{{c_string(key)}, {len(key.encode())}, {PLACE[place]}, {code}}},")
    o += ["};", "", f"const size_t yrr_nforms = {len(forms)};", "",
          "const uint16_t yrr_form_slots[YRR_FORM_SLOTS] = {"]
    for i in range(0, FORM_SLOTS, 16):
        o.append("    " + ", ".join(str(x) for x in table[i:i + 16]) + ",")
    o += ["};", "// clang-format on", ""]
    return "\n".join(o).encode()


def main():
    args = sys.argv[1:]
    if args not in ([], ["--check"]):
        fail("usage: gen-municipalities.py [--check]")
    text = generate()
    if args == ["--check"]:
        with open(OUT, "rb") as f:
            old = f.read()
        if old != text:
            sys.exit("lib/read/municipalities.c differs from what scripts/gen-municipalities.py "
                     "writes: run it and commit the result")
        print("lib/read/municipalities.c is up to date")
        return
    with open(OUT, "wb") as f:
        f.write(text)


if __name__ == "__main__":
    main()
