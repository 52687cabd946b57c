const BASE64_TOKEN = /[A-Za-z0-9+/]{16,}={0,2}/g;

/**
 * Decodes base64 runs, %XX escapes and \uXXXX escapes found in a prompt, the way a naive agent "helpfully"
 * normalises input before reading it. Returns undefined when nothing decoded to readable text.
 */
export function naiveDecode(prompt: string): string | undefined {
  let changed = false;
  let text = prompt.replace(BASE64_TOKEN, (token) => {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    if (!isReadable(decoded)) return token;
    changed = true;
    return decoded;
  });
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      const decoded = decodeURIComponent(text);
      if (decoded !== text) {
        text = decoded;
        changed = true;
      }
    } catch {
      // Malformed escapes stay as they are, like in most hand-written agents.
    }
  }
  if (/\\u[0-9a-f]{4}/i.test(text)) {
    text = text.replace(/\\u([0-9a-f]{4})/gi, (_m, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    changed = true;
  }
  return changed ? text : undefined;
}

function isReadable(text: string): boolean {
  if (text.length < 8) return false;
  let printable = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 32 && code < 127) || code === 10) printable++;
  }
  return printable / text.length > 0.95 && /[a-z]{3}/i.test(text);
}
