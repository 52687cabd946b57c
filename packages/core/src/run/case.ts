import type { JsonObject } from '../json.js';
import type { ChatMessage } from '../message.js';
import type { WireMutation } from '../target/wire.js';

/**
 * One unit of work: a golden prompt x a mutation variant. Its id and seed come from its inputs,
 * so the same config and seed give the same cases, in the same order, on any machine.
 */
export interface Case {
  id: string;
  /** Position in the deterministic order. */
  index: number;
  seed: number;
  goldenIndex: number;
  goldenPrompt: string;
  /** The mutation type, or "golden" for the unmutated baseline call, or "a+b" for layered types. */
  mutationType: string;
  variantIndex: number;
  /** Scoring weight of the case (the mutation type's weight). */
  weight: number;
  prompt: string;
  messages: ChatMessage[];
  vars: Record<string, string>;
  wire?: WireMutation;
  label: string;
  meta?: JsonObject;
  /** Trials to run (the `repeat` setting). */
  trials: number;
}
