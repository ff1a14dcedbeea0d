#!/usr/bin/env python3
"""Times igraph and NetworkX on the graphs of Recimap's analysis benchmarks and
prints them side by side with Recimap's own criterion figures, from one run.

    python3 scripts/bench_reference.py            # cargo bench, then igraph + NetworkX
    python3 scripts/bench_reference.py --skip-cargo   # reuse target/criterion results

Graphs: the synthetic 10,000-unit / 100,000-link map (exported to
target/bench-data/ by `cargo bench --bench analysis`) and polblogs
(tests/fixtures/data/polblogs). The same conventions as the reference figures:
a directed graph for reciprocity, components and betweenness (unweighted), its
undirected simple version for articulation points, and Louvain on the
undirected weighted graph U with w_uv = w_uv + w_vu.

igraph 1.0.0 and NetworkX 3.6.1 (the versions of the reference figures) are
installed into a venv under target/bench-venv on first use. NetworkX's exact
betweenness on the 10k graph takes far too long in pure Python; it is
estimated from 500 sampled sources (time × n / 500) and marked as such.
Results also go to target/bench-reference.json.
"""

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "bench-venv"
SYNTHETIC = ROOT / "target" / "bench-data" / "synthetic_10000_100000"
POLBLOGS = ROOT / "tests" / "fixtures" / "data" / "polblogs"
PINNED = ["igraph==1.0.0", "networkx==3.6.1"]


def ensure_venv():
    """Re-runs this script inside target/bench-venv, creating it if needed."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PINNED], check=True)
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


def read_graph(folder, relation=None):
    """Node ids (file order) and merged arcs {(s, t): w} of a nodes/edges CSV pair."""
    import csv

    with open(folder / "nodes.csv", newline="") as f:
        nodes = [row["id"] for row in csv.DictReader(f)]
    arcs = {}
    with open(folder / "edges.csv", newline="") as f:
        for row in csv.DictReader(f):
            if relation and row.get("relation") not in (None, relation):
                continue
            key = (row["source"], row["target"])
            if key[0] != key[1]:
                arcs[key] = arcs.get(key, 0.0) + float(row.get("weight") or 1)
    return nodes, arcs


def best_of(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def undirected_weights(arcs):
    u = {}
    for (s, t), w in arcs.items():
        key = (s, t) if s < t else (t, s)
        u[key] = u.get(key, 0.0) + w
    return u


def time_igraph(nodes, arcs, betweenness=True):
    import igraph as ig
    import random

    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[s], index[t]) for s, t in arcs], directed=True)
    uw = undirected_weights(arcs)
    u = ig.Graph(n=len(nodes), edges=[(index[s], index[t]) for s, t in uw])
    u.es["weight"] = list(uw.values())

    def louvain():
        random.seed(42)
        return u.community_multilevel(weights="weight")

    out = {
        "louvain": best_of(louvain, 3),
        "reciprocity + components + articulation points": best_of(
            lambda: (
                g.reciprocity(),
                g.connected_components(mode="weak"),
                g.connected_components(mode="strong"),
                u.articulation_points(),
            ),
            3,
        ),
    }
    out["modularity"] = louvain().modularity
    if betweenness:
        out["exact betweenness"] = best_of(lambda: g.betweenness(directed=True), 1)
    return out


def time_networkx(nodes, arcs, betweenness_sample=None):
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_weighted_edges_from((s, t, w) for (s, t), w in arcs.items())
    u = nx.Graph()
    u.add_nodes_from(nodes)
    u.add_weighted_edges_from((s, t, w) for (s, t), w in undirected_weights(arcs).items())
    out = {
        "louvain": best_of(lambda: nx.community.louvain_communities(u, weight="weight", seed=42), 1),
        "reciprocity + components + articulation points": best_of(
            lambda: (
                nx.overall_reciprocity(g),
                list(nx.weakly_connected_components(g)),
                list(nx.strongly_connected_components(g)),
                list(nx.articulation_points(g.to_undirected())),
            ),
            1,
        ),
    }
    communities = nx.community.louvain_communities(u, weight="weight", seed=42)
    out["modularity"] = nx.community.modularity(u, communities, weight="weight")
    if betweenness_sample:
        k = betweenness_sample
        t = best_of(lambda: nx.betweenness_centrality(g, k=k, seed=1, normalized=True), 1)
        out["exact betweenness (estimated)"] = t * len(nodes) / k
    else:
        out["exact betweenness"] = best_of(lambda: nx.betweenness_centrality(g, normalized=True), 1)
    return out


def criterion_results():
    """{full benchmark id: mean seconds} from target/criterion."""
    results = {}
    for bench in (ROOT / "target" / "criterion").glob("**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        results[meta["full_id"]] = estimates["mean"]["point_estimate"] / 1e9
    return results


def fmt(seconds):
    if seconds is None:
        return "—"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "load average at start": os.getloadavg()[0],
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d"),
    }


def main():
    ensure_venv()
    import igraph
    import networkx

    if "--skip-cargo" not in sys.argv:
        subprocess.run(["cargo", "bench", "--bench", "analysis"], cwd=ROOT, check=True)
    if not (SYNTHETIC / "edges.csv").exists():
        env = dict(os.environ, RECIMAP_BENCH_EXPORT_ONLY="1")
        subprocess.run(["cargo", "bench", "--bench", "analysis"], cwd=ROOT, env=env, check=True)
    ours = criterion_results()
    info = machine()
    info["igraph"] = igraph.__version__
    info["networkx"] = networkx.__version__

    syn = read_graph(SYNTHETIC)
    blogs = read_graph(POLBLOGS, "hyperlink")
    print("timing igraph and NetworkX (the 10k betweenness takes a while)…", file=sys.stderr)
    results = {
        "machine": info,
        "synthetic": {"igraph": time_igraph(*syn), "networkx": time_networkx(*syn, betweenness_sample=500)},
        "polblogs": {"igraph": time_igraph(*blogs), "networkx": time_networkx(*blogs)},
        "recimap": ours,
    }
    (ROOT / "target" / "bench-reference.json").write_text(json.dumps(results, indent=2))

    s = "synthetic 10k units 100k links"
    rows = [
        ("synthetic 10k/100k", "Louvain", ours.get(f"{s}/louvain"), "louvain"),
        (
            "synthetic 10k/100k",
            "reciprocity + components + articulation points",
            ours.get(f"{s}/reciprocity, components, articulation points (igraph's set)"),
            "reciprocity + components + articulation points",
        ),
        ("synthetic 10k/100k", "whole analysis without betweenness", ours.get(f"{s}/analysis without betweenness"), None),
        ("synthetic 10k/100k", "exact betweenness", ours.get(f"{s}, betweenness/exact betweenness"), "exact betweenness"),
        ("polblogs", "whole analysis", ours.get("polblogs/full analysis"), None),
        ("polblogs", "whole analysis without betweenness", ours.get("polblogs/analysis without betweenness"), None),
        ("demo map", "whole analysis", ours.get("demo map: full analysis"), None),
    ]
    print(f"\nMachine: {info['cpu']}, {info['nproc']} cores, load {info['load average at start']:.1f}; {info['date']}")
    print(f"igraph {info['igraph']}, NetworkX {info['networkx']}, Python {info['python']}\n")
    print("| graph | figures | Recimap | igraph | NetworkX |")
    print("|---|---|---|---|---|")
    for graph, what, mine, key in rows:
        ref = results["synthetic" if graph.startswith("synthetic") else "polblogs"] if key or graph == "polblogs" else None
        ig = nx_t = None
        if ref and key:
            ig = ref["igraph"].get(key)
            nx_t = ref["networkx"].get(key) or ref["networkx"].get(key + " (estimated)")
        if ref and graph == "polblogs" and what == "whole analysis":
            ig = sum(ref["igraph"][k] for k in ["louvain", "reciprocity + components + articulation points", "exact betweenness"])
            nx_t = sum(ref["networkx"][k] for k in ["louvain", "reciprocity + components + articulation points", "exact betweenness"])
        estimated = " (est.)" if key == "exact betweenness" and "exact betweenness (estimated)" in (ref or {}).get("networkx", {}) else ""
        print(f"| {graph} | {what} | {fmt(mine)} | {fmt(ig)} | {fmt(nx_t)}{estimated} |")
    mine = json.loads((ROOT / "target" / "bench-data" / "recimap_modularity.json").read_text())
    print()
    for graph in ["synthetic", "polblogs"]:
        r = results[graph]
        print(
            f"Louvain modularity on {graph}: Recimap {mine[graph]:.4f}, "
            f"igraph {r['igraph']['modularity']:.4f}, NetworkX {r['networkx']['modularity']:.4f}"
        )


if __name__ == "__main__":
    main()
