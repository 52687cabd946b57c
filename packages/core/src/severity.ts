/** How much a failed check matters; contracts weight critical 3, high 2, medium 1, low 1. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** All severities, most severe first. */
export const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
