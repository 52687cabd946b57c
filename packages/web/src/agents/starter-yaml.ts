/** What a new agent's editor starts with: the smallest config that runs. */
export const starterYaml = `version: "3"
agent:
  type: http
  endpoint: "http://127.0.0.1:8000/invoke"
  timeout: 10000
golden_prompts:
  - "What is my order status?"
mutations:
  count: 2
  types: [paraphrase, noise, prompt_injection]
invariants:
  - type: latency
    max_ms: 5000
  - type: output_not_empty
`;
