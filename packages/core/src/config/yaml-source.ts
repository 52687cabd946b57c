import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { SourceLocation } from '../errors.js';
import { ConfigIssues } from './config-issues.js';
import type { ConfigPath } from './config-path.js';

/** Finds where a config path sits in its source: the key itself, or its value. */
export type Locator = (path: ConfigPath, part?: 'key' | 'value') => SourceLocation | undefined;

/** A parsed YAML config: its plain data and a way back from paths to file positions. */
export interface YamlSource {
  data: unknown;
  locate: Locator;
}

// Aliases can make a tiny file expand enormously ("billion laughs"); real configs need few.
const MAX_ALIAS_COUNT = 50;

/**
 * Parses YAML text, keeping node positions. Syntax errors throw FLAKESTORM_CONFIG_INVALID with the
 * parser's own line and column for every error in the file.
 */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  // YAML 1.1 merge keys (`<<: *defaults`) are common in CI-style configs, so they are allowed.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true });
  const issues = new ConfigIssues(file);
  for (const error of doc.errors) {
    const position = error.linePos?.[0];
    issues.add({
      message: `YAML syntax error: ${firstLine(error.message)}`,
      ...(position === undefined ? {} : { location: { file, line: position.line, column: position.col } }),
      hint: yamlHint(error.code),
    });
  }
  issues.throwIfAny('is not valid YAML');
  const toLocation = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    issues.add({
      message: `YAML could not be read: ${cause instanceof Error ? firstLine(cause.message) : String(cause)}`,
      location: toLocation(0),
      hint: 'Use fewer YAML aliases (*name); a config should not need many.',
    });
    issues.throwIfAny('is not valid YAML');
  }
  const locate: Locator = (path, part = 'value') => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const segment of path) {
      const next = childOf(node, segment);
      if (next === undefined) break;
      node = next.value;
      keyNode = next.key;
    }
    const target = part === 'key' && keyNode !== undefined ? keyNode : (node ?? keyNode);
    const range = (target as Node | null | undefined)?.range;
    return range ? toLocation(range[0]) : toLocation(0);
  };
  return { data: data ?? null, locate };
}

function childOf(node: unknown, segment: string | number): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(key) === String(segment)) return { key: pair.key, value: pair.value ?? pair.key };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { key: item, value: item };
  }
  return undefined;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once per section; merge the two entries.';
    case 'TAB_AS_INDENT':
      return 'Indent YAML with spaces, not tabs.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'Check the indentation and the quotes around this line.';
    default:
      return 'Check the YAML syntax around this line (indentation, colons, quotes).';
  }
}
