#!/usr/bin/env python3
"""Fails when the modules of a crate import each other in a circle.

Cargo already refuses circles between crates; this checks the modules inside
each crate. Every module file is a node; every `crate::…`, `super::…` or
`self::…` path in its code (not in comments, not in `#[cfg(test)]` code) is an
edge to the module that defines the named item, following `pub use`
re-exports. An edge between a module and its own ancestor or descendant is
the module tree itself and is not counted; any other edge is lifted to the
two siblings under the modules' closest common ancestor, and a circle among
siblings is an error. `analysis` using `findings` while `findings` uses
`analysis` is such a circle.

    python3 scripts/check-module-cycles.py            # every crate
    python3 scripts/check-module-cycles.py crates/core
"""
import os
import re
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def crate_dirs(args):
    if args:
        return [os.path.abspath(a) for a in args]
    dirs = [os.path.join(ROOT, "crates", d) for d in sorted(os.listdir(os.path.join(ROOT, "crates")))]
    return dirs + [ROOT, os.path.join(ROOT, "src-tauri")]


def code_of(path):
    """The file's text without comments, string literals and test code."""
    text = open(path, encoding="utf-8").read()
    cut = re.search(r"^#\[cfg\(test\)\]", text, re.M)
    if cut:
        text = text[: cut.start()]
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r'r#*"(?:.|\n)*?"#*', '""', text)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    return text


def modules(src, entry):
    """Module path (tuple) -> file, following `mod x;` declarations."""
    found = {}

    def walk(path, file, mod_dir):
        found[path] = file
        for m in re.finditer(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;", code_of(file), re.M):
            name = m.group(1)
            for cand, sub_dir in (
                (os.path.join(mod_dir, name + ".rs"), os.path.join(mod_dir, name)),
                (os.path.join(mod_dir, name, "mod.rs"), os.path.join(mod_dir, name)),
            ):
                if os.path.exists(cand):
                    walk(path + (name,), cand, sub_dir)
                    break

    walk((), entry, src)
    return found


def use_paths(code):
    """Every path a module names, expanded from `use` trees."""
    paths = []
    for m in re.finditer(r"\buse\s+([^;]+);", code):
        paths.extend(expand(m.group(1).replace("\n", " ")))
    for m in re.finditer(r"\b((?:crate|super|self)(?:::\w+)+)", code):
        paths.append(m.group(1))
    return paths


def expand(tree):
    tree = tree.strip()
    m = re.match(r"^(.*?)::\{(.*)\}$", tree, re.S)
    if not m:
        return [re.sub(r"\s+as\s+\w+$", "", tree)]
    prefix, inner = m.group(1), m.group(2)
    parts, depth, cur = [], 0, ""
    for ch in inner:
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += ch == "{"
        depth -= ch == "}"
        cur += ch
    parts.append(cur)
    out = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        out.extend(prefix if p == "self" else e for e in expand(prefix + "::" + p))
    return out


def reexports(mods):
    """(module, name) -> the path a `pub use` re-exports."""
    found = {}
    for path, file in mods.items():
        for m in re.finditer(r"\bpub(?:\([^)]*\))?\s+use\s+([^;]+);", code_of(file)):
            for full in expand(m.group(1).replace("\n", " ")):
                name = full.split("::")[-1]
                if name not in ("*", "self"):
                    found[(path, name)] = full
    return found


def resolve(path, here, mods, reexp, depth=0):
    """The module a path from module `here` lands in, or None outside the crate."""
    segs = path.split("::")
    if segs[0] == "crate":
        base, rest = (), segs[1:]
    elif segs[0] in ("super", "self"):
        base = here
        while segs and segs[0] in ("super", "self"):
            if segs[0] == "super":
                base = base[:-1]
            segs = segs[1:]
        rest = segs
    else:
        # a path relative to `here` (`use child::x`): only a child module counts
        if here + (segs[0],) in mods:
            base, rest = here, segs
        else:
            return None
    mod = base
    for i, s in enumerate(rest):
        if mod + (s,) in mods:
            mod = mod + (s,)
            continue
        target = reexp.get((mod, s))
        if target and depth < 8:
            return resolve(target, mod, mods, reexp, depth + 1)
        break
    return mod


def cycles(edges):
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on, out, n = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in list(edges):
        if v not in index:
            visit(v)
    return out


def check(crate):
    src = os.path.join(crate, "src")
    entries = [os.path.join(src, f) for f in ("lib.rs", "main.rs") if os.path.exists(os.path.join(src, f))]
    problems = []
    for entry in entries:
        mods = modules(src, entry)
        reexp = reexports(mods)
        sibling_edges = defaultdict(lambda: defaultdict(set))
        for here, file in mods.items():
            for path in use_paths(code_of(file)):
                there = resolve(path, here, mods, reexp)
                if there is None or there == here:
                    continue
                k = 0
                while k < min(len(here), len(there)) and here[k] == there[k]:
                    k += 1
                if k == len(here) or k == len(there):
                    continue  # ancestor and descendant: the module tree itself
                parent, a, b = here[:k], here[k], there[k]
                sibling_edges[parent][a].add(b)
                sibling_edges[parent].setdefault(b, set())
        name = os.path.relpath(crate, ROOT)
        for parent, edges in sorted(sibling_edges.items()):
            for comp in cycles(edges):
                where = "::".join(("crate",) + parent)
                problems.append(f"{name} ({os.path.basename(entry)}): modules {', '.join(comp)} under {where} import each other in a circle")
    return problems


def main():
    problems = []
    for crate in crate_dirs(sys.argv[1:]):
        problems.extend(check(crate))
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print("no module imports form a circle")


if __name__ == "__main__":
    main()
