/**
 * The graph model, defined once. The seed validator, the Cypher whitelist, the
 * GraphQL schema and the exporters all read it; `schema/MODEL.md` explains it.
 *
 * Every entity node carries the label `Entity` plus exactly one kind label below.
 * Every node and relationship carries `citations` (see src/model/citation.ts).
 */

export type PropertyType = 'string' | 'number' | 'date' | 'boolean' | 'string[]';

export interface PropertySpec {
  readonly type: PropertyType;
  readonly description: string;
  /** Closed vocabularies keep values comparable across documents. */
  readonly values?: readonly string[];
}

export interface LabelSpec {
  readonly description: string;
  readonly properties: Readonly<Record<string, PropertySpec>>;
}

export interface RelationshipSpec {
  readonly description: string;
  /** Allowed start-node labels; `Entity` means any kind. */
  readonly from: readonly EntityLabel[] | 'Entity';
  /** Allowed end-node labels; `Entity` means any kind. */
  readonly to: readonly EntityLabel[] | 'Entity';
  readonly properties: Readonly<Record<string, PropertySpec>>;
}

/** The label every entity carries besides its kind label. */
export const ENTITY_LABEL = 'Entity';

/** A retracted entity's label instead of `Entity` and its kind (docs/CURATION.md). */
export const RETRACTED_LABEL = 'Retracted';

/** The node that keeps a retracted relationship whole (docs/CURATION.md). */
export const RETRACTED_RELATIONSHIP_LABEL = 'RetractedRelationship';

const date = (description: string): PropertySpec => ({ type: 'date', description });
const text = (description: string, values?: readonly string[]): PropertySpec =>
  values ? { type: 'string', description, values } : { type: 'string', description };
const num = (description: string): PropertySpec => ({ type: 'number', description });

const start = date('When the relationship began (ISO date at the precision stated).');
const end = date('When the relationship ended (ISO date at the precision stated).');
const role = text('The role or capacity, in the words of the source where it names one.');
const amount = num('A money amount, in the unit of `currency`.');
const when = date('When it happened (ISO date at the precision stated).');
const currency = text('Currency and scale of `amount`, e.g. "USD billion".');
const rank = text('A rank or grade that goes with the post, where the source gives one (e.g. "senior", "deputy").');
const items = (what: string): PropertySpec => ({ type: 'string[]', description: what });
/**
 * How far a value can be trusted as read: PDF extraction scrambles some charts, so a
 * figure (or a timeline date) may have been paired with its label by inference.
 */
const readingQuality = text(
  'How the value was read from the document: "exact" where the text states it beside its label, "reconstructed" where it was paired with its label (or year) by inference from a chart that PDF extraction scrambled.',
  ['exact', 'reconstructed'],
);
const readingMethod = text('How a reconstructed value was paired with its label, in our words (e.g. "order of values matched to order of labels").');

export const ENTITY_LABELS = [
  'Person',
  'Country',
  'InternationalOrganization',
  'PublicBody',
  'Company',
  'Organization',
  'Treaty',
  'Policy',
  'Project',
  'Event',
  'Place',
  'Sanction',
  'Observation',
  'Statement',
  'Source',
] as const;

export type EntityLabel = (typeof ENTITY_LABELS)[number];

export const LABELS: Readonly<Record<EntityLabel, LabelSpec>> = {
  Person: {
    description: 'A named human being: a leader, minister, executive, expert or author.',
    properties: {},
  },
  Country: {
    description: 'A state, past or present (Russia, Japan, the Soviet Union, the United States).',
    properties: {
      start: date('When the state came into being, where a document says.'),
      end: date('When the state ceased to exist, where a document says.'),
    },
  },
  InternationalOrganization: {
    description: 'An international grouping or organisation of states (G7, G20, APEC, ASEAN, EU), or a coalition or alliance named as a party.',
    properties: {
      kind: text('What sort of grouping it is.', ['organisation', 'grouping', 'alliance', 'coalition', 'forum']),
    },
  },
  PublicBody: {
    description: 'A government, ministry, parliament, agency, armed force or regional administration.',
    properties: {
      kind: text('What sort of body it is.', [
        'government',
        'ministry',
        'parliament',
        'agency',
        'military',
        'regional-administration',
        'office',
        'committee',
        'other',
      ]),
    },
  },
  Company: {
    description: 'A commercial entity: a company, state corporation, bank or investment fund.',
    properties: {
      kind: text('What sort of company it is.', ['company', 'state-company', 'bank', 'fund', 'other']),
      sector: text('Its line of business (e.g. "oil and gas", "trading").'),
    },
  },
  Organization: {
    description: 'A non-state, non-commercial organisation: think tank, university, research institute, media outlet.',
    properties: {
      kind: text('What sort of organisation it is.', [
        'think-tank',
        'university',
        'research-institute',
        'media',
        'publication',
        'association',
        'other',
      ]),
    },
  },
  Treaty: {
    description: 'A treaty, declaration, agreement or memorandum between parties, signed or not.',
    properties: {
      kind: text('The legal form.', ['treaty', 'declaration', 'agreement', 'memorandum', 'statement', 'other']),
      status: text('Where it stands, as the documents describe it.', [
        'signed',
        'in-force',
        'unsigned',
        'proposed',
        'under-negotiation',
        'terminated',
      ]),
      date: date('When it was signed or adopted.'),
      items: items('The points, areas or provisions it lists, in our words, in the order given.'),
    },
  },
  Policy: {
    description: 'A plan, strategy, initiative, doctrine or dialogue format pursued by a party.',
    properties: {
      kind: text('What sort of policy it is.', [
        'plan',
        'strategy',
        'initiative',
        'doctrine',
        'dialogue-format',
        'program',
        'proposal',
      ]),
      date: date('When it was launched or announced.'),
      status: text('Where it stands (e.g. "agreed", "proposed", "suspended").'),
      items: items('The points, areas or sectors it lists, in our words, in the order given.'),
    },
  },
  Project: {
    description: 'A concrete economic project or investment vehicle, with amounts where stated.',
    properties: {
      sector: text('The field (e.g. "LNG", "oil", "healthcare", "infrastructure").'),
      amount,
      currency,
      date: date('When it was launched, agreed or announced.'),
      status: text('Where it stands (e.g. "planned", "operating", "agreed").'),
    },
  },
  Event: {
    description: 'Something that happened at a time: a summit, visit, forum, exercise, war or election.',
    properties: {
      kind: text('What sort of event it is.', [
        'summit',
        'meeting',
        'visit',
        'forum',
        'exercise',
        'war',
        'conflict',
        'election',
        'ceremony',
        'negotiation',
        'incident',
        'other',
      ]),
      date: date('When it happened, or when it began.'),
      endDate: date('When it ended, for events over several days.'),
      topics: items('What the event was about or focused on, in our words.'),
      ordinal: num('Its number in a series the source counts (e.g. 16 for "the 16th summit").'),
      readingQuality,
      readingMethod,
    },
  },
  Place: {
    description: 'A geographic place: island, island group, city, region, sea, strait.',
    properties: {
      kind: text('What sort of place it is.', [
        'island',
        'island-group',
        'city',
        'region',
        'sea',
        'strait',
        'ocean',
        'peninsula',
        'other',
      ]),
    },
  },
  Sanction: {
    description: 'A sanctions measure: who imposed it on whom, and when.',
    properties: {
      date: date('When it was imposed.'),
      endDate: date('When it was lifted.'),
    },
  },
  Observation: {
    description: 'One measured figure: a trade total, a poll result, an island statistic.',
    properties: {
      measure: text('What is measured, in our words (e.g. "bilateral trade turnover").'),
      value: num('The figure as a number.'),
      unit: text('The unit of `value` (e.g. "USD billion", "percent", "km2", "people").'),
      date: date('The point in time or period the figure refers to.'),
      qualifier: text('Who or what subgroup the figure refers to, where needed (e.g. "respondents in Japan").'),
      readingQuality,
      readingMethod,
    },
  },
  Statement: {
    description: 'A position, proposal or assessment someone expressed, summarised in our own words.',
    properties: {
      date: date('When it was made.'),
    },
  },
  Source: {
    description: 'One of the source documents the graph is built from.',
    properties: {
      fileName: text('The document file name under shared/seeds/.'),
      title: text('The title as the document states it.'),
      authors: { type: 'string[]', description: 'Author names as the document states them.' },
      publisher: text('The publisher as the document states it.'),
      date: date('The publication date, where the document states it.'),
      kind: text('What sort of document it is, where the document says so (e.g. a report that calls itself one).', [
        'article',
        'column',
        'report',
        'blog-post',
        'other',
      ]),
    },
  },
};

export const RELATIONSHIP_TYPES = [
  'HOLDS_OFFICE',
  'AFFILIATED_WITH',
  'APPOINTED',
  'ADVISES',
  'PARENT_OF',
  'COOPERATES_WITH',
  'DIPLOMATIC_RELATIONS',
  'GAVE',
  'RECEIVED',
  'CREATED',
  'DEPLOYS',
  'ORGANISED',
  'ADOPTED',
  'HELD_DURING',
  'MADE_AT',
  'LOCATED_IN',
  'CAPITAL_OF',
  'HOME_TOWN',
  'RESPONDS_TO',
  'RESULTS_FROM',
  'POSTPONED_BECAUSE_OF',
  'CONDITIONAL_ON',
  'OBSTRUCTS',
  'MODELLED_ON',
  'NATIONAL_OF',
  'MEMBER_OF',
  'PART_OF',
  'BASED_IN',
  'OWNS',
  'PARTICIPATES_IN',
  'HELD_IN',
  'PARTY_TO',
  'CONCLUDED_AT',
  'PROPOSED',
  'AFFECTS_TERRITORY',
  'CLAIMS',
  'ADMINISTERS',
  'OCCUPIED',
  'INVESTS_IN',
  'FINANCES',
  'IMPOSED',
  'TARGETS',
  'SUPPORTS',
  'OPPOSES',
  'STATED',
  'ABOUT',
  'REPORTED_BY',
  'AUTHORED',
  'PUBLISHED',
  'ALLIED_WITH',
  'SUCCEEDED',
  'ADJACENT_TO',
  'RELATED_TO',
] as const;

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

const ORGS = ['Company', 'Organization', 'PublicBody', 'InternationalOrganization'] as const;
const ACTORS = ['Person', 'Country', ...ORGS] as const;

export const RELATIONSHIPS: Readonly<Record<RelationshipType, RelationshipSpec>> = {
  HOLDS_OFFICE: {
    description: 'A person holds (or held) an office in a state, body or company.',
    from: ['Person'],
    to: ['Country', ...ORGS],
    properties: { role, rank, start, end, termEnds: date('When the current term is due to end, where a source says.') },
  },
  AFFILIATED_WITH: {
    description: 'A person works for or is attached to an organisation (expert, researcher, columnist).',
    from: ['Person'],
    to: [...ORGS],
    properties: { role, rank, start, end },
  },
  APPOINTED: {
    description: 'An actor appointed a person to a post (role names the post).',
    from: [...ACTORS],
    to: ['Person'],
    properties: { role, date: when },
  },
  ADVISES: {
    description: 'A person advises or serves as an aide to a leader or body (role says in what capacity).',
    from: ['Person'],
    to: [...ACTORS],
    properties: { role, rank, start, end },
  },
  PARENT_OF: {
    description: 'A person is a parent (father or mother) of another person.',
    from: ['Person'],
    to: ['Person'],
    properties: {},
  },
  COOPERATES_WITH: {
    description: 'Two actors work together or keep a partnership; `field` says in what. Stored in one direction; query it without direction.',
    from: [...ACTORS],
    to: [...ACTORS],
    properties: { field: text('What the cooperation covers, in our words (e.g. "energy", "political, economic and military").'), start, end, date: when },
  },
  DIPLOMATIC_RELATIONS: {
    description: 'Two states established, broke off or restored diplomatic relations (`start`/`end` say when).',
    from: ['Country'],
    to: ['Country'],
    properties: { start, end, date: when },
  },
  GAVE: {
    description: 'An actor was the giver in a gift, donation or offer (the Event or Policy that records it).',
    from: [...ACTORS],
    to: ['Event', 'Policy', 'Project'],
    properties: { date: when },
  },
  RECEIVED: {
    description: 'An actor was the recipient of a gift, donation or offer (the Event or Policy that records it).',
    from: [...ACTORS],
    to: ['Event', 'Policy', 'Project'],
    properties: { date: when },
  },
  CREATED: {
    description: 'An actor made a work or product: directed or co-produced a film, drew an illustration, wrote a programme (role says how).',
    from: [...ACTORS],
    to: ['Project', 'Source', 'Policy', 'Observation'],
    properties: { role, date: when },
  },
  DEPLOYS: {
    description: 'A state or armed force deploys a weapons system, or military forces in a place.',
    from: ['Country', 'PublicBody', 'InternationalOrganization'],
    to: ['Project', 'Policy', 'Place'],
    properties: { what: text('What is deployed, where the end node does not say it (e.g. "military forces").'), start, date: when },
  },
  ORGANISED: {
    description: 'An actor organised or hosted an event (an exercise, a forum, a summit).',
    from: [...ACTORS],
    to: ['Event'],
    properties: { role },
  },
  ADOPTED: {
    description: 'A government, body or grouping formally adopted or approved a policy, doctrine or agreement.',
    from: [...ACTORS],
    to: ['Policy', 'Treaty'],
    properties: { date: when },
  },
  HELD_DURING: {
    description: 'A meeting or session took place during, or on the sidelines of, a larger event (a forum, a summit, the Olympics).',
    from: ['Event'],
    to: ['Event'],
    properties: {
      setting: text('Where within the larger event.', ['sidelines', 'session', 'ceremony', 'programme']),
      order: num('Position in the larger event\'s sequence, where the document gives an order (1 = first).'),
    },
  },
  MADE_AT: {
    description: 'A statement was made at an event: a speech at a forum, an answer in an interview, words at a press conference.',
    from: ['Statement'],
    to: ['Event'],
    properties: { date: when },
  },
  LOCATED_IN: {
    description: 'A project, facility or site lies in a place or country.',
    from: ['Project', 'Policy', 'Organization', 'Company', 'PublicBody'],
    to: ['Place', 'Country'],
    properties: {},
  },
  CAPITAL_OF: {
    description: 'A city is the capital of a country or region.',
    from: ['Place'],
    to: ['Country', 'Place'],
    properties: { start, end },
  },
  HOME_TOWN: {
    description: "A place is a person's home town (the document calls it so; not necessarily the place of birth).",
    from: ['Person'],
    to: ['Place'],
    properties: {},
  },
  RESPONDS_TO: {
    description: 'A measure, policy, statement or event was a response to an event or development.',
    from: 'Entity',
    to: 'Entity',
    properties: { date: when },
  },
  RESULTS_FROM: {
    description: 'Something is a legacy or consequence of an earlier event (a dispute left by a war).',
    from: 'Entity',
    to: ['Event', 'Treaty', 'Policy', 'Sanction'],
    properties: {},
  },
  POSTPONED_BECAUSE_OF: {
    description: 'An event or plan was put off because of another event.',
    from: ['Event', 'Treaty', 'Policy', 'Project'],
    to: 'Entity',
    properties: {
      plannedDate: date('When it had first been planned (ISO date at the precision stated).'),
      delay: text('How long it was put off, in the words of the source (e.g. "two years").'),
    },
  },
  CONDITIONAL_ON: {
    description: 'A treaty, policy or step takes effect only once another is done (e.g. a transfer only after a peace treaty).',
    from: ['Treaty', 'Policy', 'Project', 'Event'],
    to: ['Treaty', 'Policy', 'Project', 'Event'],
    properties: { condition: text('What is conditional, in our words.') },
  },
  OBSTRUCTS: {
    description: 'Something stands in the way of, or has kept back, a treaty, policy or rapprochement.',
    from: 'Entity',
    to: ['Treaty', 'Policy', 'Project', 'Event'],
    properties: { start, end },
  },
  MODELLED_ON: {
    description: 'A body, policy or project is (or is proposed to be) modelled on, or extends, an earlier one.',
    from: [...ORGS, 'Policy', 'Project', 'Treaty'],
    to: [...ORGS, 'Policy', 'Project', 'Treaty'],
    properties: {},
  },
  NATIONAL_OF: {
    description: 'A person is a national of a country.',
    from: ['Person'],
    to: ['Country'],
    properties: {},
  },
  MEMBER_OF: {
    description: 'A state or organisation is (or was) a member of a grouping.',
    from: [...ACTORS],
    to: ['InternationalOrganization', 'Organization', 'Policy'],
    properties: {
      status: text('Membership status where notable.', ['member', 'suspended', 'observer', 'former']),
      role: text('Role in the grouping where the source names one (e.g. "leader").'),
      start,
      end,
    },
  },
  PART_OF: {
    description: 'A part of a larger whole: island of a group, body of a government, event of a larger event, project of a plan.',
    from: 'Entity',
    to: 'Entity',
    properties: { start, end, order: num('Position among the parts, where the source gives an order (1 = first).') },
  },
  BASED_IN: {
    description: 'An organisation is based in (headquartered in, belongs to) a country or place.',
    from: [...ORGS],
    to: ['Country', 'Place'],
    properties: {},
  },
  OWNS: {
    description: 'An owner holds a stake in a company or project.',
    from: [...ACTORS],
    to: ['Company', 'Project'],
    properties: { share: num('Stake in percent.'), start },
  },
  PARTICIPATES_IN: {
    description: 'An actor takes part in an event, project, policy or dialogue (role says how).',
    from: [...ACTORS],
    to: ['Event', 'Project', 'Policy', 'Treaty'],
    properties: { role, share: num('Stake in percent, for project participants.'), start, end },
  },
  HELD_IN: {
    description: 'An event took place in a place or country.',
    from: ['Event'],
    to: ['Place', 'Country'],
    properties: {},
  },
  PARTY_TO: {
    description: 'A state, person or body is a party to or signatory of a treaty or agreement.',
    from: [...ACTORS],
    to: ['Treaty'],
    properties: { role: text('How: "party", "signatory" ...'), date: when },
  },
  CONCLUDED_AT: {
    description: 'A treaty or policy was signed, agreed or announced at an event or place.',
    from: ['Treaty', 'Policy', 'Project', 'Event'],
    to: ['Event', 'Place'],
    properties: {},
  },
  PROPOSED: {
    description: 'An actor proposed, initiated or offered something.',
    from: [...ACTORS],
    to: ['Treaty', 'Policy', 'Project', 'Event', 'Statement'],
    properties: { date: when },
  },
  AFFECTS_TERRITORY: {
    description: 'What a treaty, policy or event did (or would do) to a territory.',
    from: ['Treaty', 'Policy', 'Event'],
    to: ['Place'],
    properties: {
      effect: text('The effect, in our words (e.g. "assigned to Japan", "transfer to Japan after a peace treaty").'),
      beneficiary: text('Id of the country the effect favours, if any.'),
      date: when,
    },
  },
  CLAIMS: {
    description: 'A state claims sovereignty over a territory.',
    from: ['Country'],
    to: ['Place'],
    properties: { start, end },
  },
  ADMINISTERS: {
    description: 'A state or body administers (controls) a territory.',
    from: ['Country', 'PublicBody'],
    to: ['Place'],
    properties: { start, end },
  },
  OCCUPIED: {
    description: 'A state took or occupied a territory by force.',
    from: ['Country'],
    to: ['Place'],
    properties: { start, end },
  },
  INVESTS_IN: {
    description: 'An investor puts money into a project or company, or into a region.',
    from: [...ACTORS],
    to: ['Project', 'Company', 'Place'],
    properties: { amount, currency, share: num('Stake acquired, in percent.'), date: when },
  },
  FINANCES: {
    description: 'A lender or fund provides financing to a project or company.',
    from: [...ACTORS],
    to: ['Project', 'Company'],
    properties: { amount, currency, date: when },
  },
  IMPOSED: {
    description: 'A state or grouping imposed a sanction.',
    from: ['Country', 'InternationalOrganization', 'PublicBody'],
    to: ['Sanction'],
    properties: { date: when },
  },
  TARGETS: {
    description: 'A sanction is aimed at a state, person, company or sector.',
    from: ['Sanction'],
    to: 'Entity',
    properties: {},
  },
  SUPPORTS: {
    description: 'An actor supports, favours or backs something.',
    from: 'Entity',
    to: 'Entity',
    properties: { date: when },
  },
  OPPOSES: {
    description: 'An actor opposes, rejects or objects to something.',
    from: 'Entity',
    to: 'Entity',
    properties: { date: when },
  },
  STATED: {
    description: 'Who made a statement.',
    from: [...ACTORS],
    to: ['Statement'],
    properties: { date: when },
  },
  ABOUT: {
    description: 'What a statement, observation, source, event or policy concerns.',
    from: ['Statement', 'Observation', 'Source', 'Event', 'Policy', 'Treaty', 'Sanction', 'Project'],
    to: 'Entity',
    properties: {},
  },
  REPORTED_BY: {
    description: 'Who produced a figure or reported a statement (pollster, statistics office, news agency).',
    from: ['Observation', 'Statement'],
    to: [...ACTORS, 'Source'],
    properties: {},
  },
  AUTHORED: {
    description: 'A person or organisation wrote a source document.',
    from: ['Person', 'Organization'],
    to: ['Source'],
    properties: {},
  },
  PUBLISHED: {
    description: 'An organisation published a source document.',
    from: [...ORGS],
    to: ['Source'],
    properties: {},
  },
  ALLIED_WITH: {
    description: 'Two states are allies.',
    from: ['Country'],
    to: ['Country'],
    properties: { start, end },
  },
  SUCCEEDED: {
    description: 'One state, body, office holder or policy succeeded (replaced) another.',
    from: [...ACTORS, 'Policy'],
    to: [...ACTORS, 'Policy'],
    properties: { date: when },
  },
  ADJACENT_TO: {
    description: 'Two places border each other (a strait between islands, a sea off a coast).',
    from: ['Place'],
    to: ['Place', 'Country'],
    properties: {},
  },
  RELATED_TO: {
    description: 'Any other stated relation; `relation` says what it is. Use only when no other type fits.',
    from: 'Entity',
    to: 'Entity',
    properties: { relation: text('What the relation is, in our words.'), start, end, date: when },
  },
};

/** Required properties per label, beyond the common ones (id, name, citations). */
export const REQUIRED_PROPERTIES: Partial<Record<EntityLabel, readonly string[]>> = {
  Observation: ['measure', 'unit'],
  Source: ['fileName', 'title'],
};

/** Required properties per relationship type. */
export const REQUIRED_RELATIONSHIP_PROPERTIES: Partial<Record<RelationshipType, readonly string[]>> = {
  RELATED_TO: ['relation'],
  AFFECTS_TERRITORY: ['effect'],
};

export function isEntityLabel(value: string): value is EntityLabel {
  return (ENTITY_LABELS as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}
