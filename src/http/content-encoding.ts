/** The encodings the server compresses with, in the order it prefers them. */
export type Encoding = 'br' | 'gzip';

const PREFERRED: readonly Encoding[] = ['br', 'gzip'];

/**
 * The encoding to answer with for an `accept-encoding` header: brotli over
 * gzip when both are acceptable, whatever their order; a `q=0` (or a `*;q=0`
 * without the encoding named) refuses one. Null when neither is acceptable.
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
  if (acceptEncoding === null) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weightOf = (encoding: Encoding): number => weights.get(encoding) ?? weights.get('*') ?? 0;
  const acceptable = PREFERRED.filter((encoding) => weightOf(encoding) > 0);
  if (acceptable.length === 0) return null;
  const best = Math.max(...acceptable.map(weightOf));
  return acceptable.find((encoding) => weightOf(encoding) === best) ?? null;
}

const COMPRESSIBLE = /^(text\/|application\/(json|graphql-response\+json|xml|javascript|ld\+json)|image\/svg\+xml|[^;]*\+(xml|json)\b)/i;

/** Whether a body of this content type is worth compressing (text formats; not images, fonts or archives). */
export function isCompressible(contentType: string | null): boolean {
  return contentType !== null && COMPRESSIBLE.test(contentType.trim());
}
