import { builtinPlugin, createRegistry } from '@flakestorm/core';
import { column } from '../terminal/format.js';

/** `flakestorm mutations`: the mutation catalogue with descriptions and default weights. */
export async function mutationsCommand(options: { json: boolean }): Promise<number> {
  const mutators = [...createRegistry([builtinPlugin]).mutators.values()];
  const rows = mutators.map((m) => ({
    type: m.type,
    group: m.group,
    description: m.description,
    defaultWeight: m.defaultWeight,
    wireLevel: m.wireLevel,
    multiTurn: m.multiTurn,
    preservesMeaning: m.preservesMeaning,
    example: m.example,
  }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const lines = rows.map(
    (r) =>
      `${column(r.type, 30)}${column(r.group, 12)}${column(r.defaultWeight.toFixed(1), 6, 'right')}  ${r.description}`,
  );
  process.stdout.write(
    `${column('type', 30)}${column('group', 12)}${column('weight', 6, 'right')}  description\n${lines.join('\n')}\n${rows.length} mutation types\n`,
  );
  return 0;
}

/** `flakestorm invariants`: the invariant catalogue with descriptions and example params. */
export async function invariantsCommand(options: { json: boolean }): Promise<number> {
  const invariants = [...createRegistry([builtinPlugin]).invariants.values()];
  const rows = invariants.map((i) => ({ type: i.type, description: i.description, example: i.example }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const lines = rows.map(
    (r) =>
      `${column(r.type, 24)}${r.description}\n${' '.repeat(24)}e.g. ${JSON.stringify({ type: r.type, ...r.example })}`,
  );
  process.stdout.write(`${lines.join('\n')}\n${rows.length} invariant types\n`);
  return 0;
}
