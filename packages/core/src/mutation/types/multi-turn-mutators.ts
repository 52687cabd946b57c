import type { ChatMessage } from '../../message.js';
import conversations from '../data/conversations.json' with { type: 'json' };
import type { Mutator } from '../mutator.js';
import { defineRuleMutator } from '../rule-mutator.js';
import { fillTemplate, promptValues } from '../text/template.js';

/** A conversation that escalates step by step, each turn a little further, ending with the request. */
export const crescendoMutator: Mutator = defineRuleMutator({
  type: 'crescendo',
  group: 'multi_turn',
  description: 'A multi-turn conversation that escalates step by step (Crescendo), ending with the request.',
  defaultWeight: 1.6,
  multiTurn: true,
  preservesMeaning: false,
  preservation: 'verbatim',
  space: () => conversations.crescendo.length * conversations.crescendoReplies.length,
  build({ prompt, index }) {
    const ladder = conversations.crescendo[index % conversations.crescendo.length] as string[];
    const offset = Math.floor(index / conversations.crescendo.length);
    const messages: ChatMessage[] = [];
    ladder.forEach((step, i) => {
      const content = fillTemplate(step, promptValues(prompt));
      messages.push({ role: 'user', content });
      if (i < ladder.length - 1) {
        const replies = conversations.crescendoReplies;
        messages.push({ role: 'assistant', content: replies[(i + offset) % replies.length] as string });
      }
    });
    const last = messages.at(-1)?.content ?? prompt;
    return {
      prompt: last,
      messages,
      label: `crescendo in ${ladder.length} steps`,
      meta: { ladder: index % conversations.crescendo.length, turns: messages.length },
    };
  },
});

/** Many fake turns in which the assistant complied with bad requests, then the request (many-shot jailbreak). */
export const manyShotMutator: Mutator = defineRuleMutator({
  type: 'many_shot',
  group: 'multi_turn',
  description: 'Many-shot jailbreak: dozens of fake turns where the assistant complied, then the request.',
  defaultWeight: 1.7,
  multiTurn: true,
  preservesMeaning: false,
  preservation: 'verbatim',
  build({ prompt, random, options }) {
    const shots = Math.max(
      1,
      Math.floor(typeof options.shots === 'number' ? options.shots : 8 + random.int(57)),
    );
    const messages: ChatMessage[] = [];
    for (let i = 0; i < shots; i++) {
      const [q, a] = random.pick(conversations.manyShot) as [string, string];
      messages.push({ role: 'user', content: q }, { role: 'assistant', content: a });
    }
    messages.push({ role: 'user', content: prompt });
    return { prompt, messages, label: `${shots} fake compliant turns`, meta: { shots } };
  },
});
