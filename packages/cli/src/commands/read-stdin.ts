/** Reading the text `flakestorm scan` was not given, from stdin. */

/** Stdin, or anything shaped like it. */
export interface TextInput extends AsyncIterable<Buffer | string> {
  readonly isTTY?: boolean;
}

/** Where a hint goes: normally stderr. */
export interface HintOutput {
  write(chunk: string): unknown;
}

/**
 * On a terminal, nothing else would show that the command is waiting for typed or pasted text: says
 * how to end it and what to pass instead. Silent for pipes and files.
 */
export function hintIfTerminal(input: TextInput, hint: HintOutput, what: string): void {
  if (input.isTTY !== true) return;
  hint.write(
    `flakestorm scan: reading ${what} from the terminal; end with Ctrl-D on a line of its own ` +
      '(or pass the text as an argument, --file F, or pipe it in)\n',
  );
}

/** Reads `input` to its end as UTF-8, after the hint when it is a terminal. */
export async function readAll(input: TextInput, hint: HintOutput): Promise<string> {
  hintIfTerminal(input, hint, 'the text to scan');
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
