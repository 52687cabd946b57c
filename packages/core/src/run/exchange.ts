/** One upstream call the agent made through the chaos proxy, recorded into the case's result. */
export interface Exchange {
  route: string;
  method: string;
  url: string;
  status: number;
  latencyMs: number;
  /** The fault applied, or null when the call was forwarded untouched. */
  fault: string | null;
}
