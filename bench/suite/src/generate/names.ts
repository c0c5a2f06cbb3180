import type { EntityLabel } from '../../../../src/model/graph-model.js';
import type { Random } from './prng.js';

// Name parts in the style of the corpus (Japanese, Russian and other names,
// places of the Far East, the vocabulary of summits and plans). Synthetic:
// combined at random, they name nobody in particular.
const GIVEN = [
  'Shinzo', 'Fumio', 'Taro', 'Yoshihide', 'Hiroshi', 'Kenji', 'Akira', 'Yuko', 'Haruka', 'Satoshi', 'Kazuo', 'Naoko',
  'Vladimir', 'Sergei', 'Dmitry', 'Igor', 'Alexei', 'Maria', 'Olga', 'Anatoly', 'Yuri', 'Nikolai', 'Irina', 'Elena',
  'James', 'Anna', 'Li', 'Wei', 'Min-jun', 'Sofia', 'Pavel', 'Tatiana', 'Mikhail', 'Ichiro', 'Kaito', 'Rin',
];
const FAMILY = [
  'Abe', 'Kishida', 'Suga', 'Tanaka', 'Suzuki', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Sato', 'Kato',
  'Ivanov', 'Petrov', 'Lavrov', 'Shoigu', 'Kozlov', 'Volkov', 'Morozov', 'Orlov', 'Sokolov', 'Lebedev', 'Novikov', 'Popov',
  'Smith', 'Chen', 'Park', 'Müller', 'Rossi', 'Kuznetsova', 'Matsuda', 'Okada', 'Fedorov', 'Takahashi', 'Hayashi', 'Mori',
];
const SYLLABLES = ['ka', 'ri', 'to', 'mo', 'shi', 'na', 'vo', 'lo', 'sk', 'ya', 'ro', 'ku', 'ne', 'za', 'ha', 'tsu', 'bo', 'mi', 'ev', 'an', 'or', 'is', 'te', 'gra'];
const PLACE_SUFFIX = ['sk', 'vo', 'shima', 'gawa', 'grad', 'yama', 'oka', 'ino', 'saki', 'ovo'];
const TOPICS = [
  'energy', 'fisheries', 'LNG', 'visa', 'investment', 'security', 'trade', 'tourism', 'customs', 'healthcare', 'port',
  'railway', 'islands', 'humanitarian', 'research', 'agriculture', 'shipbuilding', 'finance', 'sanctions', 'border',
];
const ORG_WORDS = ['Institute', 'Centre', 'Council', 'Foundation', 'Society', 'Forum', 'Club', 'Academy', 'Agency', 'Fund'];
const COMPANY_WORDS = ['Holdings', 'Trading', 'Energy', 'Bank', 'Capital', 'Industries', 'Shipping', 'Gas', 'Mining', 'Logistics'];

/** A capitalised pseudo-word of 2–3 syllables, e.g. "Korivo". */
export function word(random: Random): string {
  const n = 2 + random.int(2);
  let out = '';
  for (let i = 0; i < n; i++) out += random.pick(SYLLABLES);
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** A display name for an entity of `label` (numbered so that names rarely collide). */
export function entityName(label: EntityLabel, index: number, random: Random, year: number): string {
  switch (label) {
    case 'Person':
      return `${random.pick(GIVEN)} ${random.pick(FAMILY)}`;
    case 'Country':
      return `${random.chance(0.5) ? 'Republic of ' : ''}${word(random)}ia`;
    case 'InternationalOrganization':
      return `${word(random)} ${random.pick(['Union', 'Cooperation Council', 'Forum', 'Partnership', 'Group'])}`;
    case 'PublicBody':
      return `Ministry of ${random.pick(TOPICS)} of ${word(random)}ia`;
    case 'Company':
      return `${word(random)} ${random.pick(COMPANY_WORDS)}`;
    case 'Organization':
      return `${word(random)} ${random.pick(ORG_WORDS)}`;
    case 'Treaty':
      return `${word(random)} ${random.pick(['agreement', 'declaration', 'memorandum', 'treaty'])} on ${random.pick(TOPICS)} (${year})`;
    case 'Policy':
      return `${word(random)} ${random.pick(TOPICS)} ${random.pick(['plan', 'initiative', 'strategy', 'programme'])}`;
    case 'Project':
      return `${word(random)} ${random.pick(TOPICS)} project`;
    case 'Event':
      return `${random.pick(['Summit', 'Talks', 'Visit', 'Forum', 'Exercise', 'Meeting'])} in ${word(random)}${random.pick(PLACE_SUFFIX)} (${year})`;
    case 'Place':
      return `${word(random)}${random.pick(PLACE_SUFFIX)}`;
    case 'Sanction':
      return `${word(random)}ian sanctions on ${random.pick(TOPICS)} (${year})`;
    case 'Observation':
      return `${random.pick(TOPICS)} figure ${index} (${year})`;
    case 'Statement':
      return `${random.pick(FAMILY)} on ${random.pick(TOPICS)} ${index}`;
    case 'Source':
      return `Source ${index}`;
  }
}

/** A short description in the corpus' style; synthetic. */
export function description(label: EntityLabel, random: Random): string {
  return `Synthetic ${label.toLowerCase()} about ${random.pick(TOPICS)} and ${random.pick(TOPICS)}, generated for benchmarks.`;
}

export const ROLES = ['president', 'prime minister', 'minister', 'ambassador', 'chairman', 'adviser', 'signatory', 'party', 'host', 'delegate', 'investor', 'expert'];
export const TOPIC_WORDS = TOPICS;
