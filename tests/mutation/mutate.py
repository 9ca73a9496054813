#!/usr/bin/python3
"""The mutant list of tests/mutation/run.sh (format in README.md): parse it, check that every
`from:` text occurs exactly once in its file, plant one mutant, or list the names.

    mutate.py list LIST                 the names, one per line, with 'equivalent' when listed so
    mutate.py check LIST ROOT [NAME..]  every (named) mutant applies to the tree at ROOT
    mutate.py apply LIST ROOT NAME SAVE plant NAME in the tree at ROOT: the file's original goes
                                        to SAVE, its path (relative to ROOT) to stdout

Exit status 1, with the mutant and the reason, when the list is malformed or a `from:` text is
missing or ambiguous (a stale mutant fails loudly instead of testing nothing). Standard library.
"""
import sys

KEYS = ("file:", "from:", "to:", "equivalent:")


def parse(path):
    """The mutants: dicts with name, about, file, edits [(from, to)], equivalent (or None)."""
    mutants, cur, last = [], None, None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            where = f"{path}:{number}"
            if line.startswith("## "):
                name, _, about = line[3:].partition(":")
                cur = {"name": name.strip(), "about": about.strip(), "file": None, "edits": [],
                       "equivalent": None, "where": where}
                mutants.append(cur)
                last = None
            elif line.startswith("#") or not line.strip():
                last = None
            elif cur is None:
                sys.exit(f"{where}: text before the first '## NAME: what' line")
            elif line.startswith(KEYS):
                key, _, value = line.partition(":")
                value = value.strip()
                if key == "file":
                    cur["file"] = value
                elif key == "from":
                    cur["edits"].append([value, None])
                elif key == "to":
                    if not cur["edits"] or cur["edits"][-1][1] is not None:
                        sys.exit(f"{where}: 'to:' without its 'from:'")
                    cur["edits"][-1][1] = value
                else:
                    cur["equivalent"] = value
                last = key
            elif last in ("from", "to"):  # a continuation line, kept as it is (indentation too)
                cur["edits"][-1][0 if last == "from" else 1] += "\n" + line
            else:
                sys.exit(f"{where}: not 'file:', 'from:', 'to:' or 'equivalent:': {line!r}")
    names = [m["name"] for m in mutants]
    for m in mutants:
        if not m["file"] or not m["edits"] or any(t is None for _, t in m["edits"]):
            sys.exit(f"{m['where']}: mutant {m['name']} needs file:, and from: with to:")
        if m["equivalent"] == "":
            sys.exit(f"{m['where']}: mutant {m['name']}: 'equivalent:' needs the reason")
        if names.count(m["name"]) > 1:
            sys.exit(f"{m['where']}: mutant {m['name']} twice")
    return mutants


def planted(root, m):
    """The file's text with the mutant planted; exits naming a stale or ambiguous edit."""
    path = f"{root}/{m['file']}"
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        sys.exit(f"{m['where']}: mutant {m['name']}: cannot read {m['file']}: {e.strerror}")
    for old, new in m["edits"]:
        count = text.count(old)
        if count != 1:
            sys.exit(f"{m['where']}: mutant {m['name']}: {m['file']} has {count} copies of "
                     f"{old!r} (exactly one expected: the list is stale)")
        text = text.replace(old, new)
    return path, text


def main(argv):
    if len(argv) < 3 or argv[1] not in ("list", "check", "apply"):
        sys.exit(__doc__)
    mutants = parse(argv[2])
    if argv[1] == "list":
        for m in mutants:
            print(m["name"] + (" equivalent" if m["equivalent"] else ""))
        return 0
    if len(argv) < 4:
        sys.exit(__doc__)
    root, wanted = argv[3], argv[4:]
    by_name = {m["name"]: m for m in mutants}
    for name in wanted[:1] if argv[1] == "apply" else wanted:
        if name not in by_name:
            sys.exit(f"no mutant {name} in {argv[2]}")
    if argv[1] == "check":
        chosen = [by_name[n] for n in wanted] if wanted else mutants
        for m in chosen:
            planted(root, m)
        return 0
    if len(wanted) != 2:
        sys.exit("apply needs ROOT, NAME and SAVE")
    m = by_name[wanted[0]]
    path, text = planted(root, m)
    with open(path, encoding="utf-8") as f, open(wanted[1], "w", encoding="utf-8") as save:
        save.write(f.read())
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(m["file"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
