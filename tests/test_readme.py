#!/usr/bin/python3
"""README.md's sessions are real: every ```console, ```python and ```r block is run and its output
compared with what the README shows (the convention is at the top of README's "Development"
section). Without FILE.md arguments, it also runs the R vignette's and the example notebook's code,
to see that they execute.

    test_readme.py [--update] [--build DIR] [--source DIR] [FILE.md ...]

  ```console  `$ COMMAND` (continued by a trailing backslash or an open quote), then its output:
              stderr first, then stdout; `exit N` as the last line when the status is not 0. Run
              with bash in a scratch directory whose entries link to the source tree's (data/,
              tests/, examples/, ...) and whose build/ is the build directory, with the built
              yrkesresa first on PATH and `python3` being /usr/bin/python3.
  ```python   `>>> ` and `... ` lines, each statement's output below it, as the interactive
              interpreter prints it (a traceback as `Traceback ...`, `  ...`, the last line).
              Run with /usr/bin/python3, PYTHONPATH=BUILD/bindings/python.
  ```r        `> ` and `+ ` lines and the output, as R's console prints them. Run with R
              (the Rscript installation), R_LIBS=BUILD/bindings/r/library.
  ```sh, ```text, ...   shown, not run (commands without output, set-up steps).

Compared exactly, after normalising only the version (the program's own, also after
`yrkesresa-`, `yrkesresa_`, `yrkesresa `) and absolute paths (the scratch directory is `.`, the
source tree `.` and the build directory `build`). A block that looks like a session but is not
labelled (a bare ``` fence whose first line starts with `$ `, `>>> ` or `> `) is an error.

A mismatch prints FILE:LINE of the command or statement, the command, and a unified diff; exit 1.
--update rewrites the outputs in FILE.md from the real runs (never edit an output by hand).
Without the Python or R binding in the build, those blocks are skipped and counted.
Env (meson test): BUILD_DIR, SOURCE_DIR.
"""

import argparse
import difflib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PY = "/usr/bin/python3"
TIMEOUT = 300
FENCE = re.compile(r"^```(\S*)\s*$")


class Block:
    """A fenced block: its language, the 1-based line of its first body line, its body lines."""

    def __init__(self, lang, first, lines):
        self.lang, self.first, self.lines = lang, first, lines


class Unit:
    """One command or statement: its input lines, expected output lines, README line."""

    def __init__(self, line, source, expected):
        self.line, self.source, self.expected = line, source, expected
        self.actual = None


def fenced_blocks(text):
    lines = text.split("\n")
    blocks, k = [], 0
    while k < len(lines):
        m = FENCE.match(lines[k])
        if not m:
            k += 1
            continue
        end = k + 1
        while end < len(lines) and lines[end].rstrip() != "```":
            end += 1
        blocks.append(Block(m.group(1), k + 2, lines[k + 1:end]))
        k = end + 1
    return blocks


def shell_incomplete(cmd):
    if cmd.endswith("\\"):
        return True
    try:
        shlex.split(cmd, comments=False)
    except ValueError:  # an open quote: the command goes on
        return True
    return False


def console_units(block):
    units, k, lines = [], 0, block.lines
    while k < len(lines):
        if not lines[k].startswith("$ "):
            raise SyntaxError(f"line {block.first + k}: console output before the first '$ '")
        start, src = k, [lines[k]]
        cmd = lines[k][2:]
        k += 1
        while shell_incomplete(cmd) and k < len(lines):
            src.append(lines[k])
            cmd += "\n" + lines[k]
            k += 1
        out = []
        while k < len(lines) and not lines[k].startswith("$ "):
            out.append(lines[k])
            k += 1
        units.append(Unit(block.first + start, src, out))
    return units


def session_units(block, prompt, cont):
    """Split a python (>>>, ...) or r (>, +) block into statements and their output."""
    units, k, lines = [], 0, block.lines
    while k < len(lines):
        if not lines[k].startswith(prompt):
            raise SyntaxError(f"line {block.first + k}: output before the first '{prompt}'")
        start, src = k, [lines[k]]
        k += 1
        while k < len(lines) and (lines[k].startswith(cont) or lines[k] == cont.rstrip()):
            src.append(lines[k])
            k += 1
        out = []
        while k < len(lines) and not lines[k].startswith(prompt):
            out.append(lines[k])
            k += 1
        units.append(Unit(block.first + start, src, out))
    return units


class Env:
    """The scratch directory and the environment the blocks run in."""

    def __init__(self, source, build):
        self.source, self.build = source.resolve(), build.resolve()
        self.scratch = Path(tempfile.mkdtemp(prefix="yr-readme-"))
        for entry in self.source.iterdir():
            if entry.name in (".git", "build") or entry.name.startswith(("build", "_build")):
                continue
            (self.scratch / entry.name).symlink_to(entry)
        (self.scratch / "build").symlink_to(self.build)
        bindir = self.scratch / ".bin"
        bindir.mkdir()
        (bindir / "python3").symlink_to(PY)
        exe = self.build / "tools" / "yrkesresa"
        if not (exe.is_file() and os.access(exe, os.X_OK)):
            sys.exit(f"test_readme: no program {exe} (build it first)")
        self.version = subprocess.run([str(exe), "--version"], capture_output=True, text=True,
                                      check=True).stdout.strip()
        self.env = {
            "PATH": f"{exe.parent}:{bindir}:/usr/local/bin:/usr/bin:/bin",
            "HOME": str(self.scratch), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC",
            "PYTHONPATH": str(self.build / "bindings" / "python"),
            "R_LIBS": str(self.build / "bindings" / "r" / "library"),
            "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "80",
        }

    def has_python(self):
        return (self.build / "bindings" / "python" / "yrkesresa" / "__init__.py").exists()

    def has_r(self):
        return ((self.build / "bindings" / "r" / "library" / "yrkesresa").is_dir()
                and shutil.which("R") is not None)

    def paths(self, text):
        """Absolute paths as the README writes them."""
        for real, shown in ((self.scratch, "."), (self.build, "build"), (self.source, ".")):
            for p in {str(real), os.path.realpath(real)}:
                text = text.replace(p + "/", "" if shown == "." else shown + "/")
                text = text.replace(p, shown)
        return text

    def version_free(self, text):
        text = re.sub(r"((?:lib)?yrkesresa[-_ ])\d+\.\d+\.\d+", r"\1<VERSION>", text)
        return text.replace(self.version, "<VERSION>")

    def close(self):
        shutil.rmtree(self.scratch, ignore_errors=True)


def run_console(env, units):
    """All commands of a block in one bash (exports carry on), each output captured apart."""
    work = Path(tempfile.mkdtemp(dir=env.scratch, prefix=".block-"))
    script = []
    for k, u in enumerate(units):
        cmd = "\n".join(u.source)[2:]
        script.append(f"{{ {cmd}\n}} >{work}/o{k} 2>{work}/e{k} </dev/null; echo $? >{work}/s{k}")
    try:
        subprocess.run(["bash", "-c", "\n".join(script)], cwd=env.scratch, env=env.env,
                       timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:  # the commands not finished say "(not run)" below
        pass
    for k, u in enumerate(units):
        def read(x):
            p = work / f"{x}{k}"
            return p.read_bytes().decode("utf-8", "replace") if p.exists() else ""
        text = read("e") + read("o")
        status = read("s").strip() or "(not run)"
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        if status != "0":
            lines.append(f"exit {status}")
        u.actual = [env.paths(line) for line in lines]
    shutil.rmtree(work, ignore_errors=True)


PY_DRIVER = r'''
import json, sys, traceback
sys.stderr = sys.stdout
ns = {"__name__": "__main__"}
for src in json.load(open(sys.argv[1], encoding="utf-8")):
    print("\x00STATEMENT", flush=True)
    try:
        exec(compile(src + "\n", "<stdin>", "single"), ns)
    except BaseException as e:  # what the interpreter prints, shortened as in doctest
        print("Traceback (most recent call last):\n  ...")
        print("".join(traceback.format_exception_only(type(e), e)), end="")
    sys.stdout.flush()
'''


def run_python(env, units):
    work = Path(tempfile.mkdtemp(dir=env.scratch, prefix=".block-"))
    stmts = ["\n".join(line[4:] for line in u.source) for u in units]
    (work / "s.json").write_text(json.dumps(stmts), encoding="utf-8")
    (work / "d.py").write_text(PY_DRIVER, encoding="utf-8")
    r = subprocess.run([PY, str(work / "d.py"), str(work / "s.json")], cwd=env.scratch,
                       env=env.env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    parts = (r.stdout + r.stderr).split("\x00STATEMENT\n")[1:]
    for k, u in enumerate(units):
        text = parts[k] if k < len(parts) else "(not run)"
        u.actual = [env.paths(line) for line in text.removesuffix("\n").split("\n")]
        if u.actual == [""]:  # a statement that prints nothing
            u.actual = []
    shutil.rmtree(work, ignore_errors=True)


def run_r(env, units):
    """R's console transcript (--interactive: an error does not stop the session). R echoes
    every input line after its prompt; what lies between them is the output."""
    flat = [(k, line[2:]) for k, u in enumerate(units) for line in u.source]
    r = subprocess.run(["R", "--no-save", "--no-restore", "--quiet", "--interactive"],
                       input="".join(src + "\n" for _, src in flat), cwd=env.scratch,
                       env=env.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       timeout=TIMEOUT, check=False)
    out, i, k = {}, 0, None
    for line in r.stdout.split("\n"):
        if i < len(flat) and line[:2] in ("> ", "+ ") and line[2:] == flat[i][1]:
            k = flat[i][0]
            out.setdefault(k, [])
            i += 1
        elif k is not None and line not in ("> ", ">"):
            out[k].append(env.paths(line))
    for k, u in enumerate(units):
        while out.get(k) and out[k][-1] == "":
            out[k].pop()
        u.actual = out.get(k, ["(not run)"])


def check(env, path, units, what):
    bad = 0
    for u in units:
        exp = [env.version_free(x) for x in u.expected]
        act = [env.version_free(x) for x in u.actual]
        if exp == act:
            continue
        bad += 1
        print(f"{path}:{u.line}: {what} output differs")
        print("  " + "\n  ".join(u.source))
        sys.stdout.writelines(difflib.unified_diff(
            [x + "\n" for x in exp], [x + "\n" for x in act],
            f"{path}:{u.line} (README)", "(real run)"))
    return bad


def update(path, text, done):
    """Rewrite each unit's output lines with the real ones (bottom-up, so line numbers hold)."""
    lines = text.split("\n")
    for u in sorted(done, key=lambda u: -u.line):
        start = u.line - 1 + len(u.source)
        lines[start:start + len(u.expected)] = u.actual
    path.write_text("\n".join(lines), encoding="utf-8")


def check_unlabelled(path, blocks):
    bad = 0
    for b in blocks:
        if b.lang == "" and b.lines and b.lines[0].startswith(("$ ", ">>> ", "> ")):
            print(f"{path}:{b.first - 1}: a session block without a language: label it "
                  "console, python or r (or sh/text if it must not run)")
            bad += 1
    return bad


def run_file(env, path, args, tally):
    text = path.read_text(encoding="utf-8")
    blocks = fenced_blocks(text)
    bad = check_unlabelled(path, blocks)
    kinds = {"console": (lambda b: console_units(b), run_console, lambda: True),
             "python": (lambda b: session_units(b, ">>> ", "... "), run_python, env.has_python),
             "r": (lambda b: session_units(b, "> ", "+ "), run_r, env.has_r)}
    done = []
    for b in blocks:
        if b.lang not in kinds:
            continue
        parse, run, available = kinds[b.lang]
        units = parse(b)
        if not available():
            key = b.lang + " skipped (binding not built)"
            tally[key] = tally.get(key, 0) + len(units)
            continue
        try:
            run(env, units)
        except subprocess.TimeoutExpired:
            print(f"{path}:{b.first}: the {b.lang} block took more than {TIMEOUT} s")
            bad += 1
            continue
        tally[b.lang] = tally.get(b.lang, 0) + len(units)
        shown = os.path.relpath(path, env.source) if path.is_relative_to(env.source) else path
        bad += check(env, shown, units, b.lang)
        done += units
    if args.update:
        update(path, text, done)
    return bad


def check_vignette_and_notebook(env):
    """They show no stored output: they must at least still run (exit 0)."""
    bad = 0
    rmd = env.source / "bindings" / "r" / "vignettes" / "dalarna.Rmd"
    if rmd.exists() and env.has_r():
        code = "\n".join(re.findall(r"^```\{r[^}]*\}\n(.*?)^```", rmd.read_text(), re.M | re.S))
        r = subprocess.run(["Rscript", "-"], input=code, cwd=rmd.parent, capture_output=True,
                           text=True, env=env.env | {"YRKESRESA_SOURCE_ROOT": str(env.source)},
                           timeout=TIMEOUT, check=False)
        bad += report_run("R vignette " + str(rmd.relative_to(env.source)), r)
    elif rmd.exists():
        print("skipped: the R vignette (the R package is not built)")
    nb = env.source / "examples" / "python" / "dalarna.ipynb"
    if nb.exists() and env.has_python():
        cells = [c for c in json.loads(nb.read_text())["cells"] if c["cell_type"] == "code"]
        code = "\n\n".join("".join(c["source"]) for c in cells)
        r = subprocess.run([PY, "-"], input=code, cwd=nb.parent, capture_output=True, text=True,
                           env=env.env, timeout=TIMEOUT, check=False)
        bad += report_run("notebook " + str(nb.relative_to(env.source)), r)
    elif nb.exists():
        print("skipped: the notebook (the Python binding is not built)")
    return bad


def report_run(what, r):
    if r.returncode == 0:
        print(f"ok: {what} runs")
        return 0
    print(f"{what}: exit {r.returncode}\n{r.stdout[-2000:]}{r.stderr[-4000:]}")
    return 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--update", action="store_true", help="rewrite the outputs from real runs")
    ap.add_argument("--build", default=os.environ.get("BUILD_DIR"))
    ap.add_argument("--source", default=os.environ.get("SOURCE_DIR"))
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    source = Path(args.source or Path(__file__).resolve().parent.parent)
    if not args.build:
        sys.exit("test_readme: give --build DIR (or BUILD_DIR)")
    env = Env(source, Path(args.build))
    tally = {}
    try:
        bad = 0
        for f in args.files or [str(source / "README.md")]:
            bad += run_file(env, Path(f).resolve(), args, tally)
        if not args.files:
            bad += check_vignette_and_notebook(env)
    finally:
        env.close()
    counts = ", ".join(f"{n} {k}" for k, n in tally.items())
    print(f"test_readme: {counts}; {bad} differ" + (" (README updated)" if args.update else ""))
    return 1 if bad and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
