"""Recomputes an export's node metrics with NetworkX, as an analyst would.

Usage: python3 networkx_metrics.py <graphml|cytoscape> <file>

Reads the file (GraphML with read_graphml, Cytoscape JSON with cytoscape_graph),
computes degree, normalised betweenness and PageRank (damping 0.85) on the graph
as read (directed or not, as the file says), and prints
{"directed", "multigraph", "nodes", "edges", "metrics": {id: {...}}, "stored": {id: {...}}}
where "stored" holds the metrics the file itself carries.
"""

import json
import sys

import networkx as nx


def load(kind, path):
    if kind == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if kind == "cytoscape":
        with open(path, encoding="utf-8") as f:
            return nx.cytoscape_graph(json.load(f))
    raise SystemExit(f"unknown kind {kind}")


def main():
    kind, path = sys.argv[1], sys.argv[2]
    graph = load(kind, path)
    # A file that merges parallel ties (parallel=merge) says how many each edge stands for:
    # counting them, degree and PageRank are those of the unmerged multigraph.
    weight = "multiplicity" if any("multiplicity" in d for _, _, d in graph.edges(data=True)) else None
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    try:
        pagerank = nx.pagerank(graph, alpha=0.85, weight=weight)
    except ImportError:
        # nx.pagerank needs NumPy and SciPy; CI installs NetworkX alone, whose pure-Python
        # implementation computes the same power iteration.
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        pagerank = _pagerank_python(graph, alpha=0.85, weight=weight)
    metrics = {
        str(n): {"degree": graph.degree(n, weight=weight), "betweenness": betweenness[n], "pagerank": pagerank[n]} for n in graph.nodes
    }
    stored = {
        str(n): {k: d[k] for k in ("degree", "betweenness", "pagerank", "type") if k in d} for n, d in graph.nodes(data=True)
    }
    edge_ids = sorted(str(d.get("relationshipId", k)) for _, _, k, d in graph.edges(keys=True, data=True))
    json.dump(
        {
            "directed": graph.is_directed(),
            "multigraph": graph.is_multigraph(),
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "edgeIds": edge_ids,
            "metrics": metrics,
            "stored": stored,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
