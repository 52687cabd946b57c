/** Parsers for network identifiers; a regex alone over-matches version numbers and timestamps. */

/** A dotted-quad IPv4 address with octets 0-255 and no leading zeros. */
export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** An IPv6 address (RFC 4291 text forms, with `::` and an embedded IPv4 tail). */
export function isIpv6(value: string): boolean {
  let text = value.split('%')[0] ?? '';
  let groupsNeeded = 8;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    if (!isIpv4(text.slice(lastColon + 1))) return false;
    text = `${text.slice(0, lastColon + 1)}0`;
    groupsNeeded = 7;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const parse = (s: string): string[] | undefined => {
    if (s === '') return [];
    const g = s.split(':');
    return g.every((x) => /^[0-9a-fA-F]{1,4}$/.test(x)) ? g : undefined;
  };
  const head = parse(halves[0] ?? '');
  if (!head) return false;
  if (halves.length === 1) return head.length === groupsNeeded;
  const tail = parse(halves[1] ?? '');
  if (!tail) return false;
  return head.length + tail.length < groupsNeeded;
}
