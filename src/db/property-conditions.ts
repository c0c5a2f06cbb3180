import type { PropertyType } from '../model/graph-model.js';

/** A condition on one declared property; every given bound must hold. */
export interface PropertyCondition {
  readonly name: string;
  readonly type: PropertyType;
  readonly eq?: string | number | boolean;
  readonly in?: readonly (string | number)[];
  readonly gt?: string | number;
  readonly gte?: string | number;
  readonly lt?: string | number;
  readonly lte?: string | number;
  /** Case-, dash- and quote-folded substring (text properties). */
  readonly contains?: string;
  /** True: the property is set; false: it is not. */
  readonly exists?: boolean;
}

/** Dashes and typographic quotes that users type differently from the documents. */
const DASHES = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'];

/**
 * Cypher folding a text expression the way `foldText` folds a needle: lower
 * case, every dash a hyphen-minus. ("Russia–Japan" matches "russia-japan".)
 */
export function foldExpression(expression: string): string {
  return DASHES.reduce((acc, dash) => `replace(${acc}, '${dash}', '-')`, `toLower(${expression})`);
}

/** Folds a needle for `foldExpression`: lower case, every dash a hyphen-minus. */
export function foldText(text: string): string {
  let out = text.toLowerCase();
  for (const dash of DASHES) out = out.split(dash).join('-');
  return out;
}

/**
 * Cypher for the conditions on `variable` (a node or relationship). Names must
 * already be whitelisted by the model (src/model/property-catalogue.ts);
 * values go through `param`.
 */
export function propertyClauses(variable: string, conditions: readonly PropertyCondition[], param: (value: unknown) => string): string[] {
  const out: string[] = [];
  for (const c of conditions) {
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(c.name)) throw new Error(`invalid property name ${c.name}`);
    const p = `${variable}.${c.name}`;
    const list = c.type === 'string[]';
    if (c.exists !== undefined) out.push(c.exists ? `${p} IS NOT NULL` : `${p} IS NULL`);
    if (c.eq !== undefined) out.push(list ? `${param(c.eq)} IN coalesce(${p}, [])` : `${p} = ${param(c.eq)}`);
    if (c.in !== undefined) out.push(list ? `any(x IN coalesce(${p}, []) WHERE x IN ${param(c.in)})` : `${p} IN ${param(c.in)}`);
    if (c.gt !== undefined) out.push(`${p} > ${param(c.gt)}`);
    if (c.gte !== undefined) out.push(`${p} >= ${param(c.gte)}`);
    if (c.lt !== undefined) out.push(`${p} < ${param(c.lt)}`);
    if (c.lte !== undefined) out.push(`${p} <= ${param(c.lte)}`);
    if (c.contains !== undefined) {
      const needle = param(foldText(c.contains));
      out.push(list ? `any(x IN coalesce(${p}, []) WHERE ${foldExpression('x')} CONTAINS ${needle})` : `${foldExpression(p)} CONTAINS ${needle}`);
    }
  }
  return out;
}

/** A line range of one document that a citation must overlap. */
export interface CitedIn {
  readonly document: string;
  readonly from?: number;
  readonly to?: number;
}

/**
 * Cypher: some citation of `variable` is in the document (and overlaps the
 * line range). Citations are stored as `file.txt:12-14` or `file.txt:12`.
 */
export function citedInClause(variable: string, cited: CitedIn, param: (value: unknown) => string): string {
  const prefix = param(`${cited.document}:`);
  if (cited.from === undefined && cited.to === undefined) {
    return `any(c IN ${variable}.citations WHERE c STARTS WITH ${prefix})`;
  }
  const range = `split(substring(c, size(${prefix})), '-')`;
  const start = `toInteger(${range}[0])`;
  const end = `toInteger(coalesce(${range}[1], ${range}[0]))`;
  const bounds = [
    ...(cited.to !== undefined ? [`${start} <= ${param(cited.to)}`] : []),
    ...(cited.from !== undefined ? [`${end} >= ${param(cited.from)}`] : []),
  ];
  return `any(c IN ${variable}.citations WHERE c STARTS WITH ${prefix} AND ${bounds.join(' AND ')})`;
}
