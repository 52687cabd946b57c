/** Compiles a glob where `*` matches any run of characters (slashes included) and `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source.replace(/(\.\*)+/g, '.*')}$`, 's');
}

/** Whether text matches a glob (see globToRegExp). */
export function matchesGlob(glob: string, text: string): boolean {
  return globToRegExp(glob).test(text);
}
