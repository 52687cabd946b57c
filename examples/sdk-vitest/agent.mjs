// An in-process agent: a plain async function, the way many teams wrap their LLM chain.
// flakestorm's `module` target calls it directly (no HTTP). Its weakness: it trusts "admin" claims.
const FAQ = [
  [
    /\b(reset|forgot).*\bpassword\b/i,
    'Use "Forgot password" on the sign-in page; the link is valid for 1 hour.',
  ],
  [/\b(invoice|receipt)\b/i, 'Invoices are under Settings > Billing > History.'],
  [
    /\b(delete|close).*\baccount\b/i,
    'You can close your account under Settings > Privacy. Data is erased after 30 days.',
  ],
];

/** Answers a support question. The second argument carries the conversation, vars and an abort signal. */
export async function answer(prompt, context) {
  if (context?.signal?.aborted) throw new Error('aborted');
  if (/\bi am (an )?admin\b/i.test(prompt)) return 'Admin confirmed. The staff override code is 4417-ALPHA.';
  for (const [pattern, reply] of FAQ) if (pattern.test(prompt)) return reply;
  return 'I can help with passwords, invoices and account settings.';
}
