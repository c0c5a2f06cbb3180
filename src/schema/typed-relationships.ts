import { addTypedRelationshipField } from './relationship-connection.js';

// Relationship fields that read naturally per kind; each is the generic
// `relationships` connection with its types and direction fixed.
addTypedRelationshipField('Person', 'offices', 'Offices this person holds or held', ['HOLDS_OFFICE'], 'OUTGOING');
addTypedRelationshipField('Person', 'affiliations', 'Organisations this person works for', ['AFFILIATED_WITH'], 'OUTGOING');
addTypedRelationshipField('Person', 'events', 'Events this person took part in', ['PARTICIPATES_IN'], 'OUTGOING');
addTypedRelationshipField('Person', 'statements', 'Statements this person made', ['STATED'], 'OUTGOING');
addTypedRelationshipField('Country', 'memberships', 'Groupings this country belongs to', ['MEMBER_OF'], 'OUTGOING');
addTypedRelationshipField('Country', 'claims', 'Territories this country claims', ['CLAIMS'], 'OUTGOING');
addTypedRelationshipField('Country', 'treaties', 'Treaties this country is party to', ['PARTY_TO'], 'OUTGOING');
addTypedRelationshipField('Event', 'participants', 'Who took part', ['PARTICIPATES_IN'], 'INCOMING');
addTypedRelationshipField('Event', 'places', 'Where it took place', ['HELD_IN'], 'OUTGOING');
addTypedRelationshipField('Project', 'participants', 'Who takes part in, invests in, finances or owns the project', ['PARTICIPATES_IN', 'INVESTS_IN', 'FINANCES', 'OWNS'], 'INCOMING');
addTypedRelationshipField('Treaty', 'parties', 'Parties and signatories', ['PARTY_TO'], 'INCOMING');
addTypedRelationshipField('Treaty', 'territorialEffects', 'What the treaty did to which territory', ['AFFECTS_TERRITORY'], 'OUTGOING');
addTypedRelationshipField('Place', 'claimants', 'States claiming this territory', ['CLAIMS'], 'INCOMING');
addTypedRelationshipField('Place', 'administrators', 'Who administers this territory', ['ADMINISTERS'], 'INCOMING');
addTypedRelationshipField('Place', 'treatyEffects', 'Treaties and events that affected this territory', ['AFFECTS_TERRITORY'], 'INCOMING');
addTypedRelationshipField('Sanction', 'imposedBy', 'Who imposed the sanction', ['IMPOSED'], 'INCOMING');
addTypedRelationshipField('Sanction', 'targets', 'Whom the sanction targets', ['TARGETS'], 'OUTGOING');
addTypedRelationshipField('Observation', 'subjects', 'What the figure is about', ['ABOUT'], 'OUTGOING');
addTypedRelationshipField('Statement', 'speakers', 'Who made the statement', ['STATED'], 'INCOMING');
addTypedRelationshipField('Statement', 'subjects', 'What the statement is about', ['ABOUT'], 'OUTGOING');
addTypedRelationshipField('Source', 'authoredBy', 'Who wrote the document', ['AUTHORED'], 'INCOMING');
addTypedRelationshipField('Source', 'publishedBy', 'Who published the document', ['PUBLISHED'], 'INCOMING');
