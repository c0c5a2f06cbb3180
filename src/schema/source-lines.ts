import { builder } from '../builder.js';
import { badInput } from './arguments.js';
import { SourceRef } from './entity-refs.js';

interface LineShape {
  readonly number: number;
  readonly text: string;
}

const SourceLineRef = builder.objectRef<LineShape>('SourceLine').implement({
  description: 'One line of a source document, as the file holds it.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'The line number, 1-based, as citations count them.' }),
    text: t.exposeString('text', { description: 'The line\'s text (paragraphs are often single long lines).' }),
  }),
});

/** Most lines one request may read from a document. */
const MAX_LINES = 200;

builder.objectField(SourceRef, 'lines', (t) =>
  t.field({
    type: [SourceLineRef],
    nullable: true,
    description:
      `Lines \`from\`..\`to\` of the document (inclusive, at most ${MAX_LINES}; a range past the end is cut at the last line). ` +
      'Null when the document text is unavailable: it is read at start from SEED_DOCUMENTS_DIR (default ../shared/seeds), ' +
      'and the repository keeps no copy.',
    args: {
      from: t.arg.int({ required: true, description: 'First line, 1-based.' }),
      to: t.arg.int({ required: true, description: `Last line, inclusive; at most ${MAX_LINES} lines after \`from\`.` }),
    },
    resolve: (source, args, ctx) => {
      if (!Number.isInteger(args.from) || args.from < 1) throw badInput('from', `is ${args.from}; lines are numbered from 1`);
      if (args.to < args.from) throw badInput('to', `is ${args.to}; it must not be before "from" (${args.from})`);
      if (args.to - args.from + 1 > MAX_LINES) throw badInput('to', `asks for ${args.to - args.from + 1} lines; the limit is ${MAX_LINES}`);
      return ctx.documents.linesOf(String(source.props['fileName']), args.from, args.to);
    },
  }),
);

builder.objectField(SourceRef, 'lineCount', (t) =>
  t.int({
    nullable: true,
    description: 'How many lines the document has; null when its text is unavailable (see `lines`).',
    resolve: (source, _args, ctx) => ctx.documents.lineCount(String(source.props['fileName'])),
  }),
);
