#!/usr/bin/env python3
"""Section-3 man pages generated from the public headers (the headers are the manual).

    yrkesresa-man3.py --list HEADER...              the file names it would write, one a line
    yrkesresa-man3.py --outdir DIR --version V --template libyrkesresa.3.in HEADER...

For each header yrkesresa/NAME.h: a page yrkesresa-NAME.3 (the header's @file text, then every
documented type, constant and function with its Doxygen comment), and for each function and
type a one-line page FUNCTION.3 that sources it (`man yr_split` works). libyrkesresa.3 is the
template with @VERSION@ and @HEADERS@ (the list of those pages) filled in. Only the Doxygen
subset the headers use is understood: @file @brief @param[in|out] @returns @p ::name name().
"""
import argparse
import os
import re

COMMENT = re.compile(r"/\*\*(?!<)(.*?)\*/", re.S)
IDENT = re.compile(r"[A-Za-z_]\w*")


def page_name(header):
    """yrkesresa/split.h -> yrkesresa-split; yrkesresa.h -> yrkesresa."""
    stem = os.path.splitext(os.path.basename(header))[0]
    return "yrkesresa" if stem == "yrkesresa" else "yrkesresa-" + stem


def comment_lines(body):
    out = []
    for line in body.split("\n"):
        out.append(re.sub(r"^\s*\*? ?", "", line, count=1).rstrip())
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return out


def declaration(text, pos):
    """The declaration starting at text[pos:]: (kind, name, source) or None."""
    rest = text[pos:].lstrip()
    if rest.startswith("#define"):
        line = rest.split("\n", 1)[0]
        return "constant", line.split()[1].split("(")[0], line
    depth = 0
    for i, ch in enumerate(rest):
        if ch in "({":
            depth += 1
        elif ch in ")}":
            depth -= 1
        elif ch == ";" and depth == 0:
            src = rest[: i + 1]
            break
    else:
        return None
    if src.startswith("typedef"):
        return "type", IDENT.findall(src.rsplit("}", 1)[-1])[-1], src
    if "(" in src and "YR_API" in src:
        name = IDENT.findall(src.split("(", 1)[0])[-1]
        # Drop the export macro; continuation lines were aligned after it.
        src = src.replace("YR_API ", "", 1).replace("\n" + " " * len("YR_API "), "\n")
        return "function", name, src
    return None


def parse(path):
    """(file brief, file text lines, items [(kind, name, source, comment lines)])."""
    text = open(path, encoding="utf-8").read()
    brief, intro, items = "", [], []
    for m in COMMENT.finditer(text):
        lines = comment_lines(m.group(1))
        if lines and lines[0].startswith("@file"):
            body = lines[1:]
            if body and body[0].startswith("@brief"):
                brief = body.pop(0)[len("@brief"):].strip()
                while body and body[0].strip() and not body[0].startswith("@"):
                    brief += " " + body.pop(0).strip()
            intro = body
            continue
        decl = declaration(text, m.end())
        if decl:
            items.append(decl + (lines,))
    return brief, intro, items


def inline(s):
    """Escape for roff, then the inline Doxygen markup."""
    s = s.replace("\\", "\\e").replace("-", "\\-")
    s = re.sub(r"@p\s+(\w+)", r"\\fI\1\\fR", s)
    s = re.sub(r"::(\w+)", r"\\fB\1\\fR", s)
    s = re.sub(r"\b(\w+)\(\)", r"\\fB\1\\fR()", s)
    return s


def roff_lines(lines):
    """Text lines as roff source: no line may start with a control character."""
    return [("\\&" + l if l[:1] in ".'" else l) for l in lines]


def paragraphs(lines):
    """Comment lines -> roff: paragraphs, @param as tagged paragraphs, @returns."""
    out, params = [], []
    blocks, cur = [], []
    for line in lines + [""]:
        if not line.strip() or line.startswith("@"):
            if cur:
                blocks.append(cur)
            cur = [line] if line.strip() else []
        else:
            cur.append(line)
    for b in blocks:
        head = b[0]
        m = re.match(r"@param(?:\[(\w+)\])?\s+(\w+)\s*(.*)", head)
        if m:
            params.append((m.group(2), m.group(1) or "", [m.group(3)] + b[1:]))
            continue
        if head.startswith("@returns") or head.startswith("@return "):
            flush_params(out, params)
            head = "Returns " + head.split(None, 1)[1] if len(head.split(None, 1)) > 1 else ""
        elif head.startswith("@brief"):
            head = head[len("@brief"):].strip()
        tagged = head.startswith("@") or head.startswith("Returns")
        indented = not tagged and len(b) > 1 and all(l.startswith("  ") for l in b[1:])
        out.append(".PP")
        if indented:  # a formula or list, kept as written
            out += roff_lines([inline(head)]) + [".nf"] + roff_lines(
                [inline(l) for l in b[1:]]) + [".fi"]
        else:
            out += roff_lines([inline(l.strip()) for l in [head] + b[1:] if l.strip()])
    flush_params(out, params)
    return out


def flush_params(out, params):
    for name, direction, text in params:
        tag = "\\fI%s\\fR" % name + (" (%s)" % direction if direction else "")
        out += [".TP", tag] + roff_lines([inline(t.strip()) for t in text if t.strip()])
    params.clear()


def header_page(header, include, version):
    brief, intro, items = parse(header)
    name = page_name(header)
    names = [name] + [i[1] for i in items if i[0] != "constant"]
    out = ['.TH "%s" 3 "" "libyrkesresa %s" "libyrkesresa manual"' % (name.upper(), version),
           ".SH NAME", ", ".join(n.replace("-", "\\-") for n in names) + " \\- " + inline(brief),
           ".SH SYNOPSIS", ".nf", "#include <%s>" % include, "", "\\fIlink with\\fR "
           "\\fBpkg\\-config \\-\\-cflags \\-\\-libs yrkesresa\\fR"]
    for kind, fname, src, _ in items:
        if kind == "function":
            out += [""] + roff_lines([inline(l) for l in src.split("\n")])
    out += [".fi", ".SH DESCRIPTION"] + paragraphs(intro)
    for title, kinds in (("TYPES AND CONSTANTS", ("type", "constant")), ("FUNCTIONS", ("function",))):
        chosen = [i for i in items if i[0] in kinds]
        if not chosen:
            continue
        out.append(".SH " + title)
        for kind, fname, src, lines in chosen:
            out += [".SS " + fname, ".nf"] + roff_lines(
                [inline(l) for l in src.split("\n")]) + [".fi"] + paragraphs(lines)
    out += [".SH SEE ALSO", ".BR libyrkesresa (3)"]
    return name, names[1:], "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--outdir")
    ap.add_argument("--version", default="")
    ap.add_argument("--template")
    ap.add_argument("headers", nargs="+")
    a = ap.parse_args()
    pages, seen = [], set()
    for h in a.headers:
        include = "yrkesresa/" + os.path.basename(h)
        h, name, links, text = (h,) + header_page(h, include, a.version)
        # A name declared in two headers (a guarded duplicate) links to the first one.
        links = [l for l in links if l not in seen]
        seen.update(links)
        pages.append((h, name, links, text))
    files = ["libyrkesresa.3"]
    for _, name, links, _ in pages:
        files += [name + ".3"] + [l + ".3" for l in links]
    if a.list:
        print("\n".join(files))
        return
    listing = []
    for h, name, links, text in pages:
        brief = parse(h)[0]
        listing += [".TP", "\\fB%s\\fR(3)" % name.replace("-", "\\-"), inline(brief)]
        if links:
            listing += [".br", ", ".join("\\fB%s\\fR" % l for l in links)]
        with open(os.path.join(a.outdir, name + ".3"), "w", encoding="utf-8") as f:
            f.write(text)
        for link in links:
            with open(os.path.join(a.outdir, link + ".3"), "w", encoding="utf-8") as f:
                f.write(".so man3/%s.3\n" % name)
    tpl = open(a.template, encoding="utf-8").read()
    tpl = tpl.replace("@VERSION@", a.version).replace("@HEADERS@", "\n".join(listing))
    with open(os.path.join(a.outdir, "libyrkesresa.3"), "w", encoding="utf-8") as f:
        f.write(tpl)


if __name__ == "__main__":
    main()
