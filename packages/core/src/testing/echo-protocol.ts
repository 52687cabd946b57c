/** The echo agents' rule, shared by the HTTP, module and command fixtures (the .mjs ones copy it). */
export interface EchoInput {
  prompt: string;
  messages?: ReadonlyArray<{ role: string; content: string }>;
}

/** A prompt "sleep:<ms>" makes an echo agent wait that long first (for timeout tests). */
export function echoDelayMs(prompt: string): number {
  const match = /^sleep:(\d+)/.exec(prompt);
  return match ? Number(match[1]) : 0;
}

/** The prompt itself, or every non-system turn joined by newlines when the conversation has several. */
export function echoAnswer(input: EchoInput): string {
  const turns = (input.messages ?? []).filter((m) => m.role !== 'system');
  return turns.length > 1 ? turns.map((m) => m.content).join('\n') : input.prompt;
}
