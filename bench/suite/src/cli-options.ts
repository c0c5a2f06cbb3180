/** `--name=a,b` as a list of allowed values; `fallback` when the flag is absent; an unknown value throws. */
export function listOption<T extends string>(argv: readonly string[], name: string, allowed: readonly T[], fallback: readonly T[]): T[] {
  const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return [...fallback];
  const values = raw.split(',');
  const unknown = values.find((v) => !(allowed as readonly string[]).includes(v));
  if (unknown !== undefined) throw new Error(`unknown ${name} value ${unknown} (allowed: ${allowed.join(', ')})`);
  return values as T[];
}

/** The value of `--name=value` in `argv`, or `fallback` when absent. */
export function valueOption(argv: readonly string[], name: string, fallback: string): string {
  return argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}
