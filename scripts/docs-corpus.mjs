// Benign documents of the kind a coding agent reads: the paragraphs of the Markdown files of the packages
// installed in node_modules (READMEs, changelogs, guides; pinned by package-lock.json, so every clone
// that ran `npm ci` reads the same text). None is an attack, so every paragraph the injection rules
// flag is a false positive in the channel where indirect injection hides. The packages are split in
// two halves by a hash of their names. Rules were first changed after reading the flags of the "dev"
// half only (15 -> 0 of 5,710), and the "check" half showed how little that carried over (18 -> 17 of
// 12,575); then its flags were fixed as well (17 -> 2), so both halves are tuned now, and documents
// nobody read are the measure of the general case (this machine's /usr/share/doc went 47 -> 34 of
// 32,577 paragraphs over the two steps).
// The peers' own docs are left out: they quote attacks on purpose.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const QUOTES_ATTACKS = /^(?:llm-guard|@andersmyrmel\/vard|redact-pii)$/;
const MIN_PARAGRAPH = 40;
const MAX_PARAGRAPH = 4000;
const MIN_FILE = 1024;

/** The package a file belongs to: `name` or `@scope/name`, from its path under node_modules. */
function packageOf(path) {
  const parts = path.split(sep);
  const at = parts.lastIndexOf('node_modules');
  const first = parts[at + 1] ?? '';
  return first.startsWith('@') ? `${first}/${parts[at + 2]}` : first;
}

function* markdownFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.isFile() && /\.md$/i.test(entry.name) && statSync(path).size >= MIN_FILE) yield path;
  }
}

// FNV-1a of the package name: which half a package falls in does not change between runs or machines.
function half(name) {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 0 ? 'dev' : 'check';
}

/**
 * `{ dev: string[], check: string[] }`: distinct paragraphs of MIN_PARAGRAPH to MAX_PARAGRAPH characters;
 * both empty when `root` has no node_modules.
 */
export function docsCorpus(root) {
  const out = { dev: [], check: [] };
  const seen = new Set();
  const modules = join(root, 'node_modules');
  if (!existsSync(modules)) return out;
  for (const path of [...markdownFiles(modules)].sort()) {
    const name = packageOf(relative(root, path));
    if (QUOTES_ATTACKS.test(name)) continue;
    for (const raw of readFileSync(path, 'utf8').split(/\n\s*\n/)) {
      const paragraph = raw.trim();
      if (paragraph.length < MIN_PARAGRAPH || paragraph.length > MAX_PARAGRAPH || seen.has(paragraph))
        continue;
      seen.add(paragraph);
      out[half(name)].push(paragraph);
    }
  }
  return out;
}
