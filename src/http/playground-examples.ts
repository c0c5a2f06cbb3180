/**
 * Example operations shown as tabs in GraphiQL, listed in the README and run
 * by tests/integration/playground-examples.test.ts, so none of them rots.
 */
export interface PlaygroundExample {
  readonly title: string;
  readonly query: string;
}

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  {
    title: 'Search by name or alias',
    query: `# Names, aliases and spellings; case, diacritics and one typo per word are forgiven.
query Search {
  search(query: "Northern Territories", first: 5) {
    score
    entity { key name type aliases { name usedBy { name } } }
  }
}`,
  },
  {
    title: 'An entity with relationships and citations',
    query: `query Abe {
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
    query: `query Timeline {
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
    query: `query JapaneseCompanies {
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
    query: `query Sources {
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
    title: 'Largest figures of a chart (order by value)',
    query: `query LargestFigures {
  # Russia's trade partners in 2016, as charted in the Valdai report (document 004, lines 755-796).
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
    query: `query TradeFigures {
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
    query: `query PeopleInDocument002 {
  people(filter: { citedIn: { document: "002" } }, orderBy: DOCUMENTS_DESC, first: 20) {
    totalCount
    nodes { name citations { reference quote } }
  }
}`,
  },
  {
    title: 'Text search with highlights',
    query: `# Words that appear in descriptions, measures or relations, not only in names.
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
    query: `query Disagreements {
  disagreements {
    measure
    unit
    difference
    figures { value qualifier citations { reference quote } }
  }
}`,
  },
];
