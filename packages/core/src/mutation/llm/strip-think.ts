/**
 * Cleans a model's answer: drops `<think>...</think>` reasoning blocks (an unclosed one up to the end),
 * code fences and wrapping quotes, so only the rewritten prompt is left.
 */
export function cleanModelText(text: string): string {
  let out = text.replace(/<think>[\s\S]*?<\/think>/gi, '').replace(/<think>[\s\S]*$/i, '');
  out = out.trim();
  const fenced = /^```[a-z]*\n([\s\S]*?)\n```$/i.exec(out);
  if (fenced) out = (fenced[1] ?? '').trim();
  if (out.length >= 2 && /^["“'].*["”']$/s.test(out)) out = out.slice(1, -1).trim();
  return out;
}
