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
    kind
    places { edges { other { name } } }
    participants { edges { other { name } } }
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
# Try: add supportedEntities(first: 5, kinds: [Person]) { totalCount nodes { name } } to see whom one document is the source for.
query Sources {
  sources(first: 10) {
    nodes {
      key
      title
      kind
      authors
      publisher
      date
      fileName
      supportedRelationshipCount
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
  {
    title: 'Largest figures of a chart (order by value)',
    query: `# Figures ordered by value: Russia's largest trade partners of 2016, as charted in the
# Valdai report (document 004, lines 755-796), each with the quoted lines.
# Try: orderBy: VALUE_ASC for the smallest, or first: 10.
query LargestFigures {
  observations(
    filter: { citedIn: { document: "004", fromLine: 755, toLine: 796 }, unit: { eq: "USD billion" } }
    orderBy: VALUE_DESC
    first: 3
  ) {
    nodes { name value unit date citations { reference quote } }
  }
}`,
  },
  {
    title: 'Aggregates: count, min, max, grouped',
    query: `# Aggregates computed in the database: trade figures above $20 billion, counted and
# summarised per year (count, min, max, avg).
# Try: groupBy: DOCUMENT, or value: { gt: 30 }.
query TradeFigures {
  observations(filter: { measure: { eq: "bilateral trade turnover" }, value: { gt: 20 } }) {
    aggregate(groupBy: YEAR) {
      count
      numbers { property min max avg }
      groups { key count numbers { property max } }
    }
  }
}`,
  },
  {
    title: 'According to one document (citedIn)',
    query: `# "According to document 002": the people it cites, most widely cited first.
# Try: document: "001", or countries instead of people.
query PeopleInDocument002 {
  people(filter: { citedIn: { document: "002" } }, orderBy: DOCUMENTS_DESC, first: 20) {
    totalCount
    nodes { name citations { reference quote } }
  }
}`,
  },
  {
    title: 'Text search with highlights',
    query: `# Words that appear in descriptions, measures or relations, not only in names,
# with the matching fragment of each hit.
# Try: query: "liquefied natural gas", or in: [TEXT] only.
query TextSearch {
  search(query: "home town", in: [NAMES, TEXT], first: 5) {
    match
    highlights { field fragment matches { start end } }
    entity { key name type }
  }
}`,
  },
  {
    title: 'Where the documents disagree',
    query: `# Where the documents disagree: the same measure and date, different values from
# different documents, each side with its citations and quoted lines.
# Try: disagreements(measureContains: "trade").
query Disagreements {
  disagreements {
    measure
    unit
    difference
    figures { value qualifier citations { reference quote } }
  }
}`,
  },
];
