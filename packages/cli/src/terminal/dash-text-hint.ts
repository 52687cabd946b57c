/**
 * Text that starts with "-" (a PEM header, "-1 is the answer") reaches commander as an unknown option,
 * and its error alone does not say how to pass such text. This finds those cases and says it.
 */

// What a mistyped option looks like: one or two dashes, a name, maybe "=value". Anything else that
// commander calls an unknown option (spaces, a run of dashes, a digit after the dash) was meant as text.
const OPTION_SHAPED = /^--?[a-z][\w-]*(?:=.*)?$/is;
const QUOTED_OPTION = /unknown option '(.*)'$/s;
const SHOWN = 24;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A hint for an unknown-option error whose "option" is text, or undefined. */
export function dashTextHint(
  errorCode: string,
  message: string,
  argv: readonly string[],
): string | undefined {
  if (errorCode !== 'commander.unknownOption') return undefined;
  const token = QUOTED_OPTION.exec(message)?.[1];
  if (token === undefined || OPTION_SHAPED.test(token)) return undefined;
  const command = argv.find((a) => !a.startsWith('-'));
  if (command === undefined) return undefined;
  // Echoed to a terminal: control characters in it must not drive the terminal.
  const clean = token.replace(CONTROL, '?');
  const shown = clean.length > SHOWN ? `${clean.slice(0, SHOWN)}...` : clean;
  const other = command === 'scan' ? ', or pass it with --file or on stdin' : '';
  return `"${shown}" starts with "-", so it was read as an option. Put -- before such text: flakestorm ${command} [options] -- "<text>"${other}.\n`;
}
