/** One CSV record: its fields (`null` for an empty unquoted field) and the line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly (string | null)[];
}

/**
 * Splits CSV text (RFC 4180, as Neo4j's importer reads it: `,` between
 * fields, `"` around fields that hold commas, quotes or line breaks, `""` for
 * a quote) into records, each with the line it starts on so that problems can
 * name it. Blank lines are skipped. An unterminated quote is an error naming
 * the line it opened on.
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first column's name
  const endField = (): void => {
    fields.push(field === '' && !quoted ? null : field);
    field = '';
    quoted = false;
  };
  const endRecord = (): void => {
    endField();
    if (!(fields.length === 1 && fields[0] === null)) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '' && !quoted) {
      // A quoted field: up to the closing quote, line breaks included.
      quoted = true;
      quoteLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`${file}:${quoteLine}: a quote opened here is never closed`);
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      continue;
    }
    if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
    i++;
  }
  if (field !== '' || quoted || fields.length > 0) endRecord();
  return records;
}
