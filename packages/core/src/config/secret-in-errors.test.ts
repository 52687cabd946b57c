import { describe, expect, it } from 'vitest';
import { isFlakestormError } from '../errors.js';
import { loadConfigText } from './load-config.js';

// A `${NAME}` reference as written in a config.
const ref = (name: string) => `$${'{'}${name}}`;

const base = 'version: "3"\nagent:\n  type: http\n  endpoint: http://127.0.0.1:1/\n';

function problems(text: string, env: Record<string, string>): string {
  try {
    loadConfigText(text, { env });
  } catch (error) {
    if (!isFlakestormError(error)) throw error;
    return JSON.stringify({
      message: error.message,
      issues: error.issues,
      hint: error.hint,
      details: error.details,
    });
  }
  throw new Error('expected the config to be rejected');
}

describe('config errors on values read from the environment', () => {
  it('never print a credential-looking value, whatever its variable is called', () => {
    const key = 'sk-proj-Abc123Def456Ghi789';
    for (const [name, where] of [
      ['OPENAI_KEY', `  method: "${ref('OPENAI_KEY')}"\n`],
      ['GROQ_KEY', `run:\n  concurrency: "${ref('GROQ_KEY')}"\n`],
      ['DB_PASS', `run:\n  seed: "${ref('DB_PASS')}"\n`],
    ] as const) {
      const shown = problems(`${base}${where}golden_prompts: ["hi"]\n`, { [name]: key });
      expect(shown).not.toContain(key);
      expect(shown).toContain(name);
    }
  });

  it('still show short, harmless values to help fix them', () => {
    const shown = problems(`${base}run:\n  concurrency: \${N}\ngolden_prompts: ["hi"]\n`, { N: 'lots' });
    expect(shown).toContain('got a string \\"lots\\"');
  });
});
