#!/usr/bin/env python3
"""Reads Recimap's GraphML and GEXF exports back with NetworkX and checks them
against what they should hold.

    python3 crates/formats/tests/check_exports.py EXPECTED.json FILE.graphml FILE.gexf

EXPECTED.json (written by tests/exchange_xml.rs) holds
{"graph": {name: value}, "nodes": {id: {name: value}},
 "edges": [{"source": id, "target": id, name: value, ...}]}; a value that is
absent from a node or edge must be absent from the file too.

The script runs itself inside a virtual environment with networkx from PyPI
(created on first use in $RECIMAP_PY_VENV, default target/py-venv).

Exit status: 0 all equal; 1 a mismatch (listed); 3 the environment could not
be set up (no venv module, no network to PyPI).
"""

import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VENV = os.environ.get("RECIMAP_PY_VENV", os.path.join(HERE, "..", "..", "..", "target", "py-venv"))
NETWORKX = "networkx==3.6.1"


def venv_python():
    return os.path.join(VENV, "bin", "python3")


def ensure_venv():
    """Re-runs this script inside the venv, creating it if needed."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    py = venv_python()
    try:
        if not os.path.exists(py):
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        probe = subprocess.run([py, "-c", "import networkx"], capture_output=True)
        if probe.returncode != 0:
            subprocess.run([py, "-m", "pip", "install", "--quiet", NETWORKX], check=True)
    except (subprocess.CalledProcessError, OSError) as e:
        print(f"check_exports: cannot set up the venv at {VENV}: {e}", file=sys.stderr)
        sys.exit(3)
    os.execv(py, [py, os.path.abspath(__file__)] + sys.argv[1:])


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or a == b and type(a) is type(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0) or a == b
    return a == b


def compare(what, expected, got, problems, ignore=()):
    for k in sorted(set(expected) | set(got)):
        if k in ignore:
            continue
        if k not in got:
            problems.append(f"{what}: '{k}' missing (expected {expected[k]!r})")
        elif k not in expected:
            problems.append(f"{what}: unexpected '{k}' = {got[k]!r}")
        elif not same(expected[k], got[k]):
            problems.append(f"{what}: '{k}' is {got[k]!r} ({type(got[k]).__name__}), expected {expected[k]!r}")


def check(name, g, expected, node_rename, edge_rename, graph_keys, problems):
    if not g.is_directed():
        problems.append(f"{name}: the graph is not directed")
    if set(g.nodes) != set(expected["nodes"]):
        problems.append(f"{name}: nodes differ: {sorted(set(g.nodes) ^ set(expected['nodes']))}")
    for n, attrs in expected["nodes"].items():
        if n in g.nodes:
            want = {node_rename.get(k, k): v for k, v in attrs.items()}
            compare(f"{name} node {n}", want, dict(g.nodes[n]), problems)
    want_edges = {(e["source"], e["target"]): e for e in expected["edges"]}
    if set(g.edges) != set(want_edges):
        problems.append(f"{name}: edges differ: {sorted(set(g.edges) ^ set(want_edges))}")
    for (s, t), e in want_edges.items():
        if g.has_edge(s, t):
            want = {edge_rename.get(k, k): v for k, v in e.items() if k not in ("source", "target")}
            compare(f"{name} edge {s}->{t}", want, dict(g.edges[s, t]), problems, ignore=("id",))
    if graph_keys:
        want = {k: v for k, v in expected["graph"].items()}
        got = {k: v for k, v in g.graph.items() if k in graph_keys}
        compare(f"{name} graph", want, got, problems)


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    ensure_venv()
    import networkx as nx

    expected_path, graphml_path, gexf_path = sys.argv[1:]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    problems = []
    g = nx.read_graphml(graphml_path)
    check("graphml", g, expected, {}, {}, set(expected["graph"]), problems)
    h = nx.read_gexf(gexf_path)
    check("gexf", h, expected, {"name": "label"}, {}, set(), problems)
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"networkx {nx.__version__}: GraphML and GEXF match "
          f"({len(expected['nodes'])} nodes, {len(expected['edges'])} edges)")


if __name__ == "__main__":
    main()
