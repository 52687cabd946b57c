/**
 * Reads "Key: Value" lines of a prompt into placeholder values (Python Flakestorm's
 * parse_structured_input): keys are lower-cased with spaces turned into underscores.
 */
export function parseStructuredInput(prompt: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of prompt.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z][\w .-]{0,63}?)\s*:\s*(.*?)\s*$/.exec(line);
    if (!match?.[1] || match[2] === undefined || match[2] === '') continue;
    vars[match[1].toLowerCase().replace(/[\s.-]+/g, '_')] = match[2];
  }
  return vars;
}
