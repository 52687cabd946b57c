/**
 * Fills `{name}` placeholders with plain-text values. Unknown placeholders stay as written, and values are
 * inserted literally (never interpreted), so prompt text can hold braces, `$&` or anything else.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Lower-cases the first letter so the prompt reads well after "Could you ..."; keeps "I" and acronyms. */
export function lowerFirst(text: string): string {
  const first = text.charAt(0);
  const second = text.charAt(1);
  if (first === '' || (first === 'I' && (second === ' ' || second === "'" || second === '’'))) return text;
  if (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()) return text;
  return first.toLowerCase() + text.slice(1);
}

/** JSON string escaping without the surrounding quotes, for prompts placed inside JSON or YAML templates. */
export function escapeJsonText(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** XML text escaping, for prompts placed inside XML or HTML templates. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The usual placeholder values derived from a prompt (and optionally a payload). The escaped forms are
 * getters, computed only when a template uses them: most templates need `{prompt}` alone, and this runs
 * for every variant.
 */
export function promptValues(prompt: string, payload = ''): Record<string, string> {
  return {
    prompt,
    payload,
    get prompt_lc() {
      return lowerFirst(prompt);
    },
    get prompt_json() {
      return escapeJsonText(prompt);
    },
    get prompt_xml() {
      return escapeXmlText(prompt);
    },
    get payload_json() {
      return escapeJsonText(payload);
    },
    get payload_xml() {
      return escapeXmlText(payload);
    },
  };
}
