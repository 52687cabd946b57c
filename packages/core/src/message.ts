/** Who said a turn of a conversation. */
export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

/** One turn of a conversation sent to a target (multi-turn cases send several). */
export interface ChatMessage {
  role: ChatRole;
  content: string;
}
