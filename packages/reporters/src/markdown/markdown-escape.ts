/** Characters that would end a code span or confuse a renderer: controls and zero-width tricks. */
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const ch of text) {
    run = ch === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * Untrusted text as an inline code span for a GFM table cell. Inside code spans no HTML, link,
 * image, emphasis or @mention is interpreted; pipes are escaped (GFM splits cells before inline parsing)
 * and the backtick fence is longer than any backtick run in the text, so nothing breaks out.
 */
export function mdCell(text: string): string {
  const flat = text.replace(controls, '').replace(/\s+/g, ' ').trim();
  if (flat === '') return ' ';
  const fence = '`'.repeat(longestRun(flat, '`') + 1);
  // `\\|` would be an escaped backslash then a cell break: backslashes before a pipe are doubled too.
  const body = flat.replace(/(\\*)\|/g, (_match, slashes: string) => `${slashes}${slashes}\\|`);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Untrusted, possibly multi-line text as a fenced code block nothing inside can close. */
export function mdBlock(text: string): string {
  const body = text.replace(/\r\n?/g, '\n').replace(controls, '');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}text\n${body}\n${fence}\n`;
}

/** Text for HTML-ish places (a details summary): entities for markup, and @ broken so it cannot mention. */
export function mdHtmlText(text: string): string {
  return text
    .replace(controls, '')
    .replace(/\s+/g, ' ')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replace(/[\\`*_[\]()#!~|]/g, (ch) => `&#${ch.charCodeAt(0)};`)
    .replaceAll('@', '@\u200b');
}
