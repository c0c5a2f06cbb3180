/**
 * Dates are ISO strings at the precision a document states: `2016`, `2016-05`
 * or `2016-05-06`. Range checks need the first and last day they cover.
 */
export type DatePrecision = 'year' | 'month' | 'day';

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision of a valid partial ISO date, or `undefined` if it is not one. */
export function datePrecision(value: string): DatePrecision | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month === undefined) return 'year';
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  if (day === undefined) return 'month';
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth ? 'day' : undefined;
}

/** The first day a partial date covers: `2016-05` → `2016-05-01`. */
export function firstDay(value: string): string {
  const precision = datePrecision(value);
  if (precision === 'year') return `${value}-01-01`;
  if (precision === 'month') return `${value}-01`;
  return value;
}

/** The last day a partial date covers: `2016-02` → `2016-02-29`. */
export function lastDay(value: string): string {
  const precision = datePrecision(value);
  if (precision === 'year') return `${value}-12-31`;
  if (precision === 'month') {
    const [year, month] = value.split('-').map(Number);
    const day = new Date(Date.UTC(year ?? 0, month ?? 1, 0)).getUTCDate();
    return `${value}-${String(day).padStart(2, '0')}`;
  }
  return value;
}
