/**
 * Reads CSV the way Gephi's spreadsheet importer does (Apache Commons CSV,
 * DEFAULT format with `\` as escape character): quoted fields, doubled quotes,
 * backslash escapes, empty fields as null. Returns the header and the rows as
 * records by column name.
 */
export function readCsv(text: string): { header: string[]; rows: Record<string, string | null>[] } {
  const records: (string | null)[][] = [];
  let record: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  const endField = (): void => {
    record.push(field === '' && !quoted ? null : field);
    field = '';
    quoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', ',': ',' };
      field += escapes[next] ?? `\\${next}`;
      i++;
    } else if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') {
      inQuotes = true;
      quoted = true;
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      records.push(record);
      record = [];
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  const [head, ...body] = records;
  const header = (head ?? []).map((h) => h ?? '');
  return {
    header,
    rows: body.map((r) => {
      if (r.length !== header.length) throw new Error(`row has ${r.length} fields, header has ${header.length}: ${JSON.stringify(r)}`);
      return Object.fromEntries(header.map((h, i) => [h, r[i] ?? null]));
    }),
  };
}
