import type { Exchange } from '../run/exchange.js';

/** The header an agent forwards on its upstream calls to say which case they belong to. */
export const CASE_HEADER = 'x-flakestorm-case';

/**
 * Which case an upstream call belongs to. A call carrying `x-flakestorm-case` goes to the open case whose
 * key equals the header or starts it (the runner's session id is `<caseId>-<trial>`); a call without
 * the header goes to the only open case when exactly one is open (the time-window rule, exact at
 * concurrency 1), and to no case otherwise.
 */
export interface CaseAttribution {
  begin(key: string): void;
  /** Closes a case and returns its exchanges (calls still in flight are included and finish in place). */
  end(key: string): Exchange[];
  /** The open case a call belongs to, or null. */
  assign(header: string | undefined): { key: string | null; list: Exchange[] | undefined };
  /** How many cases are open. */
  readonly open: number;
}

/** Creates the attribution table of one proxy. */
export function createCaseAttribution(): CaseAttribution {
  const open = new Map<string, Exchange[]>();
  return {
    begin(key) {
      if (!open.has(key)) open.set(key, []);
    },
    end(key) {
      const list = open.get(key) ?? [];
      open.delete(key);
      return list;
    },
    assign(header) {
      if (header !== undefined && header !== '') {
        const exact = open.get(header);
        if (exact) return { key: header, list: exact };
        for (const [key, list] of open) if (header.startsWith(key)) return { key, list };
        return { key: header, list: undefined };
      }
      if (open.size === 1) {
        const [entry] = open;
        if (entry) return { key: entry[0], list: entry[1] };
      }
      return { key: null, list: undefined };
    },
    get open() {
      return open.size;
    },
  };
}
