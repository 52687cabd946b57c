#!/usr/bin/env node
// How the injection rules carry over to attacks nobody tuned them on: the held-out sets the project wrote
// on 2026-11-28 (packages/patterns/eval/heldout-2026-11-28.jsonl), each before looking at what the engine
// made of it. Sets 1-7 then had rules written against their misses; no rule that was kept was written
// against sets 8-11 (8-10 shaped two tries that were reverted, see the README), so they, and sets written
// later, measured the general case. The next session wrote sets 12 and 13 the same way, after reading the
// misses of 8-11 and before changing any rule, then wrote rules against 8-11 only: from then on 12 and 13
// were the sets no kept rule was written against; sets 14 and 15 were written after those rules, before
// looking at what any build made of them. A second round then wrote 16 and 17 (17 to probe the gaps 14-15
// had shown) and rules against 14-15 only; a third wrote 18 and 19 (18 in agents' own context: code
// comments, PR notes, support bots, tool output) and rules against 16-17 only; a fourth wrote 20 and 21
// (20: injection inside what an agent reads) and rules against 18-19 only; a fifth wrote 22 and 23 (22:
// injection inside what an agent reads again, 23: direct attacks in new wordings) and rules against 20-21
// only; a sixth wrote 24 and 25 (24: injection inside tool output, tickets, commits, configs and mail
// next to a benign twin of each; 25: direct attacks in new wordings and eight languages) and rules against
// 21-22 only; a seventh, in the same session, wrote 26 (injection in retrieved chunks, OCR, listings,
// docstrings, invoices, chat widgets, in four languages) and 27 (direct attacks: payload splitting, bribes,
// fake upgrades, nine languages) and rules against 24-25 only; an eighth wrote 28 (injection in tool
// descriptions, API results, headers, invites, pages) and 29 (prefix injection, banned refusals,
// many-shot, fiction, split words, nine languages) and rules against 26-27 only; a ninth, in the same
// session, wrote 30 (injection in manifests, Dockerfiles, SQL and Terraform comments, logs, mail headers,
// subtitles, feeds, OpenAPI, EXIF, memory entries) and 31 (new personas, pretexts, JSON and config leaks,
// nine more languages) and rules against 28-29 only; a tenth wrote 32 (injection in resumes, papers,
// reviews, inboxes, calendars, tool results, sheets, transcripts) and 33 (direct attacks in new wordings,
// six languages) and rules against 30-31 only; an eleventh, in the same session, wrote 34 (injection in
// profiles, meta tags, banners, commits, order notes, memos, SSIDs, transcripts, forms, device names) and
// 35 (hypotheticals, leaks by transformation, authority claims, nine languages) and rules against 32-33
// only; a twelfth, in the same session, wrote 36 (injection in error pages, robots.txt, DNS records, job
// posts, voicemail, API errors, manifests, tool schemas, receipts, webhooks) and 37 (games, rating tricks,
// leaks by hint and reversal, admin claims, eleven languages) and rules against 34-35 only; a thirteenth
// wrote 38 (injection in chat exports, tables, internal notes, metadata, FAQs, logs, footers, configs,
// records, notifications) and 39 (thought experiments, evil twins, leaks by acrostic and emoji, fifteen
// languages) and rules against 36-37 only; a fourteenth wrote 40 (injection in forum posts, RSS, cell
// comments, tickets, SSH banners, listings, meeting chat, source strings, page titles, CI logs, retrieved
// chunks, captions) and 41 (tips, self-patching, simulations, obfuscated leaks, begging, code words, ten
// languages) and rules against 38-39 only; a fifteenth wrote 42 (injection in kanban cards, Helm values,
// Terraform plans, invoices, FAQ rows, quoted mail, SDK logs, wikis, docstrings, RAG-indexed mail) and 43
// (refusal games, future AIs, leaks as code comments and JSON, ten languages) and rules against 40-41
// only, so 42 and 43 are now the untuned sets.
// Prints attacks and benign prompts flagged, per set, for the untuned sets and in all, and the paragraphs
// of benign documentation flagged (docs-corpus.mjs).
// Usage: npm run eval:heldout   (builds packages/patterns first)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docsCorpus } from './docs-corpus.mjs';
import { tallyLabelled } from './eval-patterns.mjs';

const { createScanner } = await import(new URL('../packages/patterns/dist/index.js', import.meta.url).href);
const rows = readFileSync(
  new URL('../packages/patterns/eval/heldout-2026-11-28.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const scanner = createScanner();
const flagged = (text) => scanner.scan(text, { kinds: ['injection'] }).injection.flagged;
const UNTUNED_FROM = 42;
const bySet = tallyLabelled(rows, flagged, (row) => row.set);
// The untuned and overall lines are sums of the sets' tallies: each text is scanned once.
const sum = (tallies) =>
  tallies.reduce(
    (t, s) => ({
      attacks: t.attacks + s.attacks,
      caught: t.caught + s.caught,
      benign: t.benign + s.benign,
      flagged: t.flagged + s.flagged,
    }),
    { attacks: 0, caught: 0, benign: 0, flagged: 0 },
  );
const sets = Object.entries(bySet).sort((a, b) => Number(a[0]) - Number(b[0]));

const pct = (n, d, digits = 0) => `${((100 * n) / Math.max(1, d)).toFixed(digits)}%`.padStart(4);
const line = (name, t, note = '') =>
  `${name.padStart(5)} ${`${t.caught}/${t.attacks}`.padStart(6)} ${pct(t.caught, t.attacks)}     ${`${t.flagged}/${t.benign}`.padStart(6)} ${pct(t.flagged, t.benign)}${note}`;
console.log('  set attacks flagged       benign flagged');
for (const [set, t] of sets)
  console.log(line(set, t, Number(set) >= UNTUNED_FROM ? '  (no kept rule written against it)' : ''));
const untunedSets = sets.filter(([set]) => Number(set) >= UNTUNED_FROM);
console.log(line(`${UNTUNED_FROM}-${sets[sets.length - 1][0]}`, sum(untunedSets.map(([, t]) => t))));
console.log(line('all', sum(sets.map(([, t]) => t))));

// Documents an agent reads, none an attack (see docs-corpus.mjs): rules were changed after reading the
// flags of the dev half, then of the check half; both are tuned.
const docs = docsCorpus(fileURLToPath(new URL('..', import.meta.url)));
console.log('\nbenign documentation paragraphs (Markdown of the installed packages) flagged as injection');
if (docs.dev.length + docs.check.length === 0) console.log('  none found: run `npm ci` first');
for (const half of ['dev', 'check']) {
  const flaggedDocs = docs[half].filter(flagged).length;
  console.log(
    `  ${half.padEnd(6)} ${`${flaggedDocs}/${docs[half].length}`.padStart(10)}  ${pct(flaggedDocs, docs[half].length, 2)}`,
  );
}
