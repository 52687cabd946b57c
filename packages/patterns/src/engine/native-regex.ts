/**
 * RegExp objects that V8 compiles to machine code at once, without a first pass through its regexp
 * bytecode interpreter.
 *
 * Why: V8 counts every byte of regexp code an isolate generates, bytecode included, and once that total
 * passes 1 MB (while over 16 MB of executable memory is committed) it compiles every later regex with
 * its optimisations off: no Boyer-Moore skips, no quick checks (`TooMuchRegExpCode` in V8's regexp.cc).
 * By default V8 runs a new regex in the interpreter first and compiles machine code on its second run,
 * and the rules' large alternations made about 15 MB of bytecode in the first pass over the dev corpus:
 * the regexes compiled after that (ours, and any other code's in the process) ran up to 14 times slower
 * for the life of the process. V8 skips the bytecode when a regex first runs on a subject of 1,000
 * characters or more, so each rule's regex makes its first run on such a subject here, at its very end,
 * where the run itself costs nothing.
 */

// At least V8's kTierUpForSubjectLengthValue (1,000) characters. V8 also samples the middle of the
// first subject for how common each character is (to choose what a Boyer-Moore skip looks for), so it
// is ordinary lowercase prose, like the views the rules run on.
export const FIRST_SUBJECT =
  'the quick brown fox jumps over the lazy dog, and then it reads the notes again. '.repeat(16);

/** `new RegExp(source, flags)`, already compiled to machine code for one-byte subjects. */
export function nativeRegExp(source: string, flags: string): RegExp {
  const re = new RegExp(source, flags);
  // The last index of a global or sticky regex is where its run starts: at the end, a run tries one
  // position at most. (Past the end, V8 would return before compiling anything. A regex with neither
  // flag searches the whole subject once.)
  re.lastIndex = FIRST_SUBJECT.length;
  re.exec(FIRST_SUBJECT);
  re.lastIndex = 0;
  return re;
}
