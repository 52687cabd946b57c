import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTemplateFormat, renderTemplate } from './template.js';

describe('renderTemplate', () => {
  it('keeps any prompt intact inside a JSON string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (prompt) => {
        const body = renderTemplate(
          '{"input": "{{prompt}}", "meta": {"q": "x {prompt} y"}}',
          { prompt },
          'json',
        );
        const parsed = JSON.parse(body) as { input: string; meta: { q: string } };
        expect(parsed.input).toBe(prompt);
        expect(JSON.stringify(parsed.input)).toBe(JSON.stringify(prompt));
        expect(parsed.meta.q).toBe(`x ${prompt} y`);
      }),
      { numRuns: 300 },
    );
  });

  it('emits a standalone placeholder as a whole JSON value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (prompt) => {
        const body = renderTemplate(
          '{"prompt": {prompt}, "history": {{messages}}}',
          { prompt, messages: [{ role: 'user', content: prompt }] },
          'json',
        );
        expect(JSON.parse(body)).toEqual({ prompt, history: [{ role: 'user', content: prompt }] });
      }),
      { numRuns: 200 },
    );
  });

  it('survives the classic breakers', () => {
    for (const prompt of [
      '"}, "admin": true, "x": "',
      '\\',
      '\ud800 lone',
      '</script><script>alert(1)</script>',
      '\u0000\u001f\u2028',
      '🌪️👩‍👩‍👧',
    ]) {
      const body = renderTemplate('{"q":"{prompt}"}', { prompt }, 'json');
      expect(Object.keys(JSON.parse(body) as object)).toEqual(['q']);
      expect(JSON.stringify((JSON.parse(body) as { q: string }).q)).toBe(JSON.stringify(prompt));
    }
  });

  it('URL-encodes form templates so the prompt cannot add fields', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (prompt) => {
        const body = renderTemplate('q={prompt}&lang=en', { prompt }, 'form');
        const params = new URLSearchParams(body);
        expect(params.get('q')).toBe(prompt);
        expect(params.getAll('lang')).toEqual(['en']);
      }),
      { numRuns: 200 },
    );
  });

  it('inserts raw text and leaves unknown placeholders as written', () => {
    expect(renderTemplate('Say: {prompt} {unknown} {{ prompt }}', { prompt: 'a "b"' }, 'text')).toBe(
      'Say: a "b" {unknown} a "b"',
    );
  });

  it('fills structured variables and keeps escaped quotes in the template', () => {
    const body = renderTemplate(
      '{"city": "{{city}}", "note": "say \\"{prompt}\\""}',
      { city: 'Zürich "Z"', prompt: 'hi' },
      'json',
    );
    expect(JSON.parse(body)).toEqual({ city: 'Zürich "Z"', note: 'say "hi"' });
  });
});

describe('detectTemplateFormat', () => {
  it('follows the content type, then the look of the template', () => {
    expect(detectTemplateFormat('x', 'application/json')).toBe('json');
    expect(detectTemplateFormat('{"a":1}', 'application/x-www-form-urlencoded')).toBe('form');
    expect(detectTemplateFormat('{"a": "{prompt}"}')).toBe('json');
    expect(detectTemplateFormat('q={prompt}')).toBe('form');
    expect(detectTemplateFormat('Question: {prompt}')).toBe('text');
  });
});
