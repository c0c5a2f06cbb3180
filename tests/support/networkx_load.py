"""Loads one of our exports with NetworkX and prints what it read, as JSON.

Usage: python3 networkx_load.py <graphml|gexf|node-link> <file>

Prints {"networkx": version, "directed", "multigraph", "nodes": {id: attrs},
"edges": [[source, target, key, attrs], ...]} so the test can compare it with
the database. Requires NetworkX >= 3.6 (GEXF 1.3, node-link key "edges").
"""

import json
import sys

import networkx as nx


def load(kind, path):
    if kind == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if kind == "gexf":
        return nx.read_gexf(path, version="1.3")
    if kind == "node-link":
        with open(path, encoding="utf-8") as f:
            # NetworkX 3.6+ reads the "edges" key by default; 3.4-3.5 need edges="edges".
            return nx.node_link_graph(json.load(f))
    raise SystemExit(f"unknown kind {kind}")


def main():
    major, minor = (int(x) for x in nx.__version__.split(".")[:2])
    if (major, minor) < (3, 6):
        raise SystemExit(f"NetworkX {nx.__version__} is too old: GEXF 1.3 needs 3.6 or later")
    kind, path = sys.argv[1], sys.argv[2]
    graph = load(kind, path)
    if graph.is_multigraph():
        edges = [[u, v, str(k), d] for u, v, k, d in graph.edges(keys=True, data=True)]
    else:
        edges = [[u, v, None, d] for u, v, d in graph.edges(data=True)]
    json.dump(
        {
            "networkx": nx.__version__,
            "directed": graph.is_directed(),
            "multigraph": graph.is_multigraph(),
            "nodes": {str(n): d for n, d in graph.nodes(data=True)},
            "edges": edges,
        },
        sys.stdout,
        default=str,
    )


if __name__ == "__main__":
    main()
