const secretName =
  /authorization|api[-_]?key|token|secret|password|passwd|cookie|session|signature|^sig$|credential|^key$|auth/i;

/** Masks the value of a header whose name suggests a secret, keeping an auth scheme visible. */
export function maskHeaderValue(name: string, value: string): string {
  if (!secretName.test(name)) return value;
  const scheme = /^(Bearer|Basic|Token|Bot)\s+/i.exec(value);
  return scheme ? `${scheme[1]} ***` : '***';
}

/** Headers with secret values masked, ready for a report. */
export function maskHeaders(headers: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  return headers.map(([name, value]) => [name, maskHeaderValue(name, value)]);
}

// Every call of a run records the same URL: the last answer is kept so it is parsed once, not per call.
let lastUrl: string | undefined;
let lastMasked = '';

/** The URL with secret query values and any password masked (reports never hold secrets). */
export function maskUrl(url: string): string {
  if (url === lastUrl) return lastMasked;
  const masked = maskUrlUncached(url);
  lastUrl = url;
  lastMasked = masked;
  return masked;
}

function maskUrlUncached(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.password) parsed.password = '***';
  const params = [...parsed.searchParams];
  if (params.some(([name]) => secretName.test(name))) {
    parsed.search = '';
    for (const [name, value] of params)
      parsed.searchParams.append(name, secretName.test(name) ? '***' : value);
  }
  return parsed.toString();
}

/** First `limit` bytes of a body as text, for a report preview. */
export function previewBody(body: string | Uint8Array | undefined, limit = 2048): string {
  if (body === undefined) return '';
  // A UTF-8 byte count never exceeds three per UTF-16 unit: short texts are their own preview.
  if (typeof body === 'string' && body.length * 3 <= limit) return body;
  const bytes = typeof body === 'string' ? Buffer.from(body.slice(0, limit * 2)) : body;
  const text = Buffer.from(bytes.subarray(0, limit)).toString('utf8');
  return bytes.length > limit ? `${text}…` : text;
}
