import type { JsonObject } from '../../json.js';
import { type Severity, severities } from '../../severity.js';
import { defineInvariant } from '../invariant.js';
import type { ScanFinding } from '../invariant-context.js';
import { ParamProblems, stringListParam, stringParam } from '../params.js';

const rank = (s: Severity): number => severities.length - severities.indexOf(s);

function describeFinding(f: ScanFinding): string {
  const decoded = f.decodedFrom ? `, ${f.decodedFrom}-encoded` : '';
  return `${f.id} (${f.kind === 'secret' ? 'secret' : f.category}, ${f.severity}${decoded}) at ${f.start}–${f.end}`;
}

/**
 * `excludes_pii {types?, categories?, kinds?, min_severity?}`: no personal data or secret in the
 * answer, found by the pattern engine (validated national ids, cards with Luhn, keys with entropy...)
 * instead of Python Flakestorm's five naive regexes. The reason names what was found and where,
 * never the value itself.
 */
export const excludesPiiInvariant = defineInvariant({
  type: 'excludes_pii',
  description:
    'The response contains no PII or secrets (pattern engine; limit with types, categories, min_severity).',
  example: { categories: ['contact', 'financial', 'credentials'], min_severity: 'medium' },
  validate(params) {
    const p = new ParamProblems(params);
    p.stringList('types', {});
    p.stringList('categories', {});
    p.stringList('kinds', { allowed: ['pii', 'secret'] });
    p.optionalString('min_severity', severities);
    return p.problems;
  },
  async load(spec, context) {
    if (!context.scanner)
      throw new Error(
        'excludes_pii needs the pattern engine (@flakestorm/patterns), which is not available.',
      );
    return excludesPiiInvariant.create(spec, context);
  },
  create(spec, context) {
    const scanner = context?.scanner;
    const types = stringListParam(spec.params, 'types');
    const categories = stringListParam(spec.params, 'categories');
    const kinds = (stringListParam(spec.params, 'kinds') ?? ['pii', 'secret']) as ('pii' | 'secret')[];
    const minSeverity = (stringParam(spec.params, 'min_severity') ?? 'low') as Severity;
    return (observation) => {
      if (!scanner) return { passed: false, reason: 'No PII scanner is available to check the response.' };
      const findings = scanner
        .scan(observation.response, { kinds })
        .findings.filter(
          (f) =>
            (f.kind === 'pii' || f.kind === 'secret') &&
            rank(f.severity) >= rank(minSeverity) &&
            (!types || types.includes(f.id)) &&
            (!categories || categories.includes(f.category)),
        );
      if (findings.length === 0) return { passed: true, reason: 'No PII or secrets found in the response.' };
      const listed = findings.slice(0, 5).map(describeFinding).join('; ');
      const more = findings.length > 5 ? `; and ${findings.length - 5} more` : '';
      const details: JsonObject = {
        findings: findings.slice(0, 50).map((f) => ({
          kind: f.kind,
          id: f.id,
          category: f.category,
          severity: f.severity,
          start: f.start,
          end: f.end,
          validated: f.validated,
          ...(f.decodedFrom ? { decodedFrom: f.decodedFrom } : {}),
        })),
      };
      return {
        passed: false,
        reason: `Found ${findings.length} PII/secret item(s): ${listed}${more}.`,
        details,
      };
    };
  },
});
