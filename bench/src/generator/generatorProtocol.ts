/** One call from the orchestrator to the load generator, by method name. */
export interface GeneratorRequest {
  id: number;
  method: string;
  args: unknown[];
}

export interface GeneratorResponse {
  id: number;
  result?: unknown;
  error?: string;
}
