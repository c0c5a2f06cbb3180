import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
interface HelpOption { help: { type: 'boolean'; short: 'h' } }
/** The parsed flags: a boolean option gives `true`, a string option its text (no `multiple` options here). */
type CliValues<O extends Options> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

/** A mistake on the command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliDescription<O extends Options> {
  /** How the user runs it, e.g. `npm run export`. */
  readonly command: string;
  /** The help text after the first line (what it does, its options). */
  readonly help: string;
  readonly options: O;
}

/**
 * Parses `argv` strictly. `--help` / `-h` prints the help and exits 0; an
 * unknown option or a missing value throws a one-line UsageError that points
 * at `--help`, instead of Node's ERR_PARSE_ARGS_* stack.
 */
export function parseCliArgs<O extends Options>(cli: CliDescription<O>, argv = process.argv.slice(2)): CliValues<O> {
  const options: O & HelpOption = { ...cli.options, help: { type: 'boolean', short: 'h' } };
  let values: CliValues<O>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${cli.command}: ${describeParseError(error)} (\`${cli.command} -- --help\` lists the options).`);
  }
  if ((values as { help?: boolean }).help === true) {
    process.stdout.write(`usage: ${cli.command} -- [options]\n\n${cli.help.trim()}\n`);
    process.exit(0);
  }
  return values;
}

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const name = /'(-[^']*)'/.exec(message ?? '')?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${name ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `option ${name?.split(' ')[0] ?? ''} ${/needs an argument|argument missing/.test(message ?? '') ? 'needs a value' : 'takes no value'}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(message ?? '')?.[1] ?? ''}`.trim();
    case undefined:
    default:
      return message?.split('\n')[0] ?? 'bad arguments';
  }
}
