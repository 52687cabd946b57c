/** `s` as a regex source that matches it literally (any of the syntax characters escaped). */
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
