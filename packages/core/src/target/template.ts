import type { JsonValue } from '../json.js';

/** How a body template is escaped: JSON string contents, URL-encoding, or raw text. */
export type TemplateFormat = 'json' | 'form' | 'text';

const placeholder = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}|\{([A-Za-z_][\w.-]*)\}/y;

/** Picks the escaping of a template from its content type, else from its look. */
export function detectTemplateFormat(template: string, contentType?: string): TemplateFormat {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('json')) return 'json';
  if (type.includes('x-www-form-urlencoded')) return 'form';
  if (type !== '') return 'text';
  const start = template.trimStart()[0];
  if (start === '{' || start === '[') return 'json';
  return /^[^\s={}]+=/.test(template.trim()) ? 'form' : 'text';
}

/** Replaces lone surrogates (which encodeURIComponent rejects) with U+FFFD. */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function asText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Replaces `{{name}}` / `{name}` placeholders with values escaped for where they stand: inside a JSON
 * string as that string's contents, standing alone in JSON as a whole JSON value, URL-encoded in form
 * templates, raw in text. Unknown names are left as written (they may be literal braces).
 * Escaping is done here, never by the agent's parser, so a prompt with quotes or `</script>` cannot
 * change the request's structure (Python Flakestorm's template injection bug).
 */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, JsonValue>>,
  format: TemplateFormat,
): string {
  let out = '';
  let inString = false;
  let i = 0;
  while (i < template.length) {
    const ch = template[i] as string;
    if (format === 'json' && inString && ch === '\\') {
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (format === 'json' && ch === '"') inString = !inString;
    if (ch === '{') {
      placeholder.lastIndex = i;
      const match = placeholder.exec(template);
      const name = match?.[1] ?? match?.[2];
      if (match && name !== undefined && Object.hasOwn(values, name)) {
        const value = values[name] as JsonValue;
        if (format === 'json') {
          // JSON.stringify escapes quotes, backslashes, control characters and lone surrogates.
          out += inString ? JSON.stringify(asText(value)).slice(1, -1) : JSON.stringify(value);
        } else if (format === 'form') {
          out += encodeURIComponent(toWellFormed(asText(value)));
        } else {
          out += asText(value);
        }
        i += match[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** True when a template mentions the named placeholder in either syntax. */
export function templateUses(template: string, name: string): boolean {
  return template.includes(`{${name}}`) || new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(template);
}
