/**
 * Example operations shown as tabs in GraphiQL, listed in the README and run
 * by tests (playground-and-schema, and the browser test), so none of them rots.
 *
 * Format, for whoever adds a tab: a title, and a query whose first comment
 * line says what it shows and whose `# Try:` line names one thing to change.
 * Copy the query verbatim into README.md's "Examples" section.
 */
export interface PlaygroundExample {
  readonly title: string;
  readonly query: string;
}

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  {
    title: 'Search by name or alias',
    query: `# Full-text search over names and aliases; case, diacritics and one typo per word are forgiven.
# Try: query: "Kurils" or "Etorofu", or misspell a name.
query Search {
  search(query: "Northern Territories", first: 5) {
    score
    entity { key name type aliases { name usedBy { name } } }
  }
}`,
  },
  {
    title: 'An entity with relationships and citations',
    query: `# One entity: its description, where the documents say so, and its first 10 relationships.
# Try: id: "vladimir-putin" or "rosneft"; or first: 20.
query Abe {
  entity(id: "shinzo-abe") {
    name
    description
    citations { reference source { title } }
    relationshipCounts { type total }
    relationships(first: 10) {
      totalCount
      edges {
        direction
        other { key name type }
        node { type role start end citations { document startLine endLine } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`,
  },
  {
    title: 'How are two entities connected? (k best paths)',
    query: `# The three cheapest routes; generic ties (BASED_IN, RELATED_TO) and hubs such as Japan cost more.
# Try: from: "shinzo-abe", to: "rosneft"; or k: 1 for the single best route.
query Paths {
  paths(from: "mitsui", to: "rdif", k: 3, maxHops: 4) {
    rank
    cost
    hops {
      from { name }
      kind
      direction
      relation
      to { name }
      firstDate
      citations { reference }
      evidence { entity { name type } }
    }
  }
}`,
  },
  {
    title: 'Neighbourhood for drawing',
    query: `# Actors and context; statements and figures are folded into the ties. omitted says what the cap left out.
# Try: id: "southern-kuril-islands", or limit: 100 to see what the cap left out.
query Neighbourhood {
  neighborhood(id: "japan", depth: 1, limit: 30) {
    totalCount
    omitted
    truncated
    nodes { key name type }
    ties { kind derived weight from { key } to { key } citations { reference } }
  }
}`,
  },
  {
    title: 'The actor network',
    query: `# Actors tied directly or through shared events, treaties, projects and statements, with the evidence.
# Try: minWeight: 1 for every tie, or from: "2018", to: "2018".
query ActorNetwork {
  network(layers: [ACTORS], from: "2016", to: "2016", minWeight: 2) {
    totalCount
    nodes { key name type }
    ties {
      kind
      weight
      firstDate
      lastDate
      from { key }
      to { key }
      evidence { entity { name type } }
    }
  }
}`,
  },
  {
    title: 'Timeline of 2016',
    query: `# Putin's 2016 in date order: each event with its kind, places and participants.
# Try: entityIds: ["shinzo-abe"], or to: "2018" for three years.
query Timeline {
  timeline(from: "2016", to: "2016", entityIds: ["vladimir-putin"]) {
    name
    dateFrom
    ... on Event {
      kind
      places { edges { other { name } } }
      participants { edges { other { name } } }
    }
    citations { reference }
  }
}`,
  },
  {
    title: 'Lists with filters and keyset pages',
    query: `# A filtered list: companies with a BASED_IN relationship to Japan, 10 per page.
# Try: ids: ["russia"]; or copy pageInfo.endCursor into after: "..." for the next page.
query JapaneseCompanies {
  companies(
    filter: { some: [{ type: BASED_IN, direction: OUTGOING, target: { ids: ["japan"] } }] }
    first: 10
  ) {
    totalCount
    nodes { key name }
    pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    title: 'Sources and what they support',
    query: `# The source documents: title, authors, publisher, and how many relationships each supports.
# Try: add supportedEntities { name } to see what one document is the source for.
query Sources {
  sources(first: 10) {
    nodes {
      key
      name
      ... on Source { fileName title authors publisher supportedRelationshipCount }
    }
  }
}`,
  },
  {
    title: 'Exports: a selection as a file',
    query: `# An ego network: people, countries and events one hop from Abe. The same selection as a file:
# http://localhost:4000/export/graphml?id=shinzo-abe&depth=1&types=Person,Country,Event
# Try: depth: 2, then the same in the URL, or /export/gexf, /export/csv-edges, /export/node-link.
query Export {
  subgraph(id: "shinzo-abe", depth: 1, types: [Person, Country, Event]) {
    nodes { key name type }
    edges { type from { key } to { key } citations { reference } }
  }
}`,
  },
];
