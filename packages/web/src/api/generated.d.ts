/**
 * Types of the Flakestorm HTTP API, generated from the server's OpenAPI document (GET /api/openapi.json).
 * Do not edit: change the response schemas in packages/server/src/api-schemas, then run
 * `npm run generate:api -w @flakestorm/web`.
 */

export interface paths {
  '/api/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List projects */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProjectList'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    /** Create a project (idempotent by name) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProjectRecord'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/config/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Validate a config; answers its problems with line and column, for editors */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            configYaml: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ValidationResult'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List agents */
    get: {
      parameters: {
        query?: {
          projectId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgentList'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    /** Create or replace an agent by project and name */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @default default */
            project?: string;
            configYaml: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgentRecord'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One agent with its config */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgentRecord'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List runs, newest first, with filters and cursor pagination */
    get: {
      parameters: {
        query?: {
          projectId?: string;
          agentId?: string;
          status?: 'queued' | 'running' | 'completed' | 'interrupted' | 'cancelled' | 'failed';
          search?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RunPage'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    /** Start a run (queued, executed by a worker) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            agentId?: string;
            configYaml?: string;
            /** @default default */
            project?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StartRunAnswer'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/runs/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a queued or running run */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CancelRunAnswer'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One run with its summary */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RunDetail'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a finished run */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/runs/{id}/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A run's results in case order, with filters and cursor pagination */
    get: {
      parameters: {
        query?: {
          passed?: 'true' | 'false';
          mutationType?: string;
          invariant?: string;
          cause?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ResultPage'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/runs/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live progress (text/event-stream): progress, status and warning events */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description text/event-stream: `event:` is the type and `data:` the JSON of a LiveRunEvent. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/runs/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export a run as json, csv, junit, md, html or pdf */
    get: {
      parameters: {
        query?: {
          format?: 'json' | 'csv' | 'junit' | 'md' | 'html' | 'pdf';
          redact?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The report file (streamed; content type per format, as an attachment). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trends': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Score over time per project or agent, with per-type and per-invariant rates */
    get: {
      parameters: {
        query?: {
          projectId?: string;
          agentId?: string;
          agent?: string;
          since?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Trends'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/compare': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Compare two runs: score deltas, newly failing and passing cases, latency change */
    get: {
      parameters: {
        query: {
          base: string;
          head: string;
          tolerance?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RunComparison'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/scan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Scan text for prompt injection, PII and secrets */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            text: string;
            kinds?: ('injection' | 'pii' | 'secret')[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ScanResult'];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @enum {string} */
    Severity: 'critical' | 'high' | 'medium' | 'low';
    /** @enum {string} */
    RunStatus: 'queued' | 'running' | 'completed' | 'interrupted' | 'cancelled' | 'failed';
    ConfigIssue: {
      message: string;
      path?: string;
      location?: {
        file?: string;
        line: number;
        column: number;
      };
      hint?: string;
    };
    ApiError: {
      error: {
        code: string;
        message: string;
        hint?: string;
        issues?: components['schemas']['ConfigIssue'][];
      };
    };
    ProjectRecord: {
      id: string;
      workspaceId: string;
      name: string;
      createdAt: string;
    };
    ProjectList: {
      items: components['schemas']['ProjectRecord'][];
    };
    AgentRecord: {
      id: string;
      workspaceId: string;
      projectId: string;
      name: string;
      configYaml: string;
      createdAt: string;
      updatedAt: string;
    };
    AgentList: {
      items: components['schemas']['AgentRecord'][];
    };
    ValidationResult: {
      valid: boolean;
      warnings: string[];
      issues: components['schemas']['ConfigIssue'][];
      message?: string;
    };
    TrendPoint: {
      runId: string;
      startedAt: string;
      agentDescription: string;
      robustness: number;
      byType: {
        [key: string]: number;
      };
      byInvariant: {
        [key: string]: number;
      };
    };
    Trends: {
      points: components['schemas']['TrendPoint'][];
    };
    Delta: {
      base: number | null;
      head: number | null;
      delta: number | null;
    };
    ComparedRun: {
      runId: string;
      startedAt: string;
      agent: string;
      robustness: number;
      /** @enum {string} */
      band: 'excellent' | 'good' | 'fair' | 'poor';
      total: number;
      passed: number;
    };
    CaseChange: {
      id: string;
      mutationType: string;
      label: string;
      reason: string;
    };
    RunComparison: {
      base: components['schemas']['ComparedRun'];
      head: components['schemas']['ComparedRun'];
      tolerance: number;
      delta: number;
      regressed: boolean;
      byType: {
        type: string;
        base: number | null;
        head: number | null;
        delta: number | null;
      }[];
      byInvariant: {
        id: string;
        base: number | null;
        head: number | null;
        delta: number | null;
      }[];
      latency: {
        p50: components['schemas']['Delta'];
        p95: components['schemas']['Delta'];
        p99: components['schemas']['Delta'];
      };
      newlyFailing: components['schemas']['CaseChange'][];
      newlyPassing: components['schemas']['CaseChange'][];
      counts: {
        matched: number;
        newlyFailing: number;
        newlyPassing: number;
        stillFailing: number;
        onlyInBase: number;
        onlyInHead: number;
      };
    };
    Finding: {
      /** @enum {string} */
      kind: 'injection' | 'pii' | 'secret';
      id: string;
      category: string;
      severity: components['schemas']['Severity'];
      start: number;
      end: number;
      validated: boolean;
      confidence: number;
      /** @enum {string} */
      decodedFrom?:
        | 'base64'
        | 'hex'
        | 'url'
        | 'html'
        | 'escape'
        | 'binary'
        | 'morse'
        | 'reversed'
        | 'atbash'
        | 'spaced'
        | 'rot13'
        | 'selectors'
        | 'markup'
        | 'upsidedown'
        | 'runes'
        | 'braille'
        | 'quoted-printable'
        | 'a1z26'
        | 'decimal'
        | 'base32'
        | 'nato';
    };
    ScanResult: {
      injection: {
        flagged: boolean;
        score: number;
      };
      findings: components['schemas']['Finding'][];
    };
    RunRecord: {
      id: string;
      workspaceId: string;
      projectId: string;
      agentId: string | null;
      status: components['schemas']['RunStatus'];
      origin: string;
      startedAt: string;
      finishedAt: string | null;
      configHash: string;
      agentKind: string;
      agentDescription: string;
      seed: number;
      totalCases: number;
      completed: number;
      passed: number;
      failed: number;
      errored: number;
      robustness: number | null;
    };
    RunPage: {
      items: components['schemas']['RunRecord'][];
      nextCursor: string | null;
    };
    CaseError: {
      /** @enum {string} */
      cause:
        | 'timeout'
        | 'connection'
        | 'http_status'
        | 'invalid_response'
        | 'too_large'
        | 'aborted'
        | 'target_error';
      message: string;
      status?: number;
    };
    BaselineRecord: {
      goldenIndex: number;
      response: string;
      latencyMs: number;
      error: components['schemas']['CaseError'] | null;
    };
    RunMeta: {
      runId: string;
      status: components['schemas']['RunStatus'];
      startedAt: string;
      finishedAt?: string;
      tool: {
        /** @constant */
        name: 'flakestorm';
        version: string;
      };
      configHash: string;
      configSource: string;
      agent: {
        kind: string;
        description: string;
      };
      seed: number;
      mutationTypes: string[];
      invariants: {
        id: string;
        type: string;
        severity: string;
      }[];
      warnings: string[];
      command?: string;
      baselines?: components['schemas']['BaselineRecord'][];
    };
    LatencyStats: {
      count: number;
      mean: number;
      min: number;
      max: number;
      p50: number;
      p95: number;
      p99: number;
      histogram: {
        le: number;
        count: number;
      }[];
    };
    RunSummary: {
      robustness: number;
      /** @enum {string} */
      band: 'excellent' | 'good' | 'fair' | 'poor';
      total: number;
      passed: number;
      failed: number;
      errored: number;
      weightedPassed: number;
      weightedTotal: number;
      byType: {
        [key: string]: {
          total: number;
          passed: number;
          rate: number;
          weight: number;
          robustness: number;
        };
      };
      byInvariant: {
        [key: string]: {
          total: number;
          passed: number;
          rate: number;
          type: string;
          severity: components['schemas']['Severity'];
        };
      };
      bySeverity: {
        [key: string]: {
          checks: number;
          failed: number;
        };
      };
      latency: components['schemas']['LatencyStats'];
      flaky: {
        id: string;
        mutationType: string;
        passRate: number;
        low: number;
        high: number;
      }[];
      errorsByCause: {
        [key: string]: number;
      };
      durationMs: number;
    };
    RunDetail: {
      id: string;
      workspaceId: string;
      projectId: string;
      agentId: string | null;
      status: components['schemas']['RunStatus'];
      origin: string;
      startedAt: string;
      finishedAt: string | null;
      configHash: string;
      agentKind: string;
      agentDescription: string;
      seed: number;
      totalCases: number;
      completed: number;
      passed: number;
      failed: number;
      errored: number;
      robustness: number | null;
      meta: components['schemas']['RunMeta'];
      summary: components['schemas']['RunSummary'] | null;
    };
    CheckResult: {
      type: string;
      id: string;
      passed: boolean;
      reason: string;
      severity: components['schemas']['Severity'];
      details?: {
        [key: string]: unknown;
      };
    };
    WireRecord: {
      method: string;
      url: string;
      headers: [string, string][];
      bodyBytes: number;
      bodyPreview: string;
      protocol?: string;
      burst?: {
        size: number;
        distinctAnswers: number;
      };
      note?: string;
    };
    Exchange: {
      route: string;
      method: string;
      url: string;
      status: number;
      latencyMs: number;
      fault: string | null;
    };
    CaseResult: {
      id: string;
      index: number;
      goldenIndex: number;
      goldenPrompt: string;
      mutationType: string;
      variantIndex: number;
      label: string;
      weight: number;
      mutated: string;
      messages?: {
        /** @enum {string} */
        role: 'system' | 'user' | 'assistant' | 'tool';
        content: string;
      }[];
      response: string;
      status?: number;
      latencyMs: number;
      passed: boolean;
      checks: components['schemas']['CheckResult'][];
      error: components['schemas']['CaseError'] | null;
      sent?: components['schemas']['WireRecord'];
      wireApplied?: boolean;
      exchanges: components['schemas']['Exchange'][];
      trials?: {
        count: number;
        passed: number;
        passRate: number;
        low: number;
        high: number;
        flaky: boolean;
        runs: {
          passed: boolean;
          latencyMs: number;
          error: components['schemas']['CaseError'] | null;
          failedChecks: string[];
        }[];
      };
      meta?: {
        [key: string]: unknown;
      };
    };
    ResultPage: {
      items: components['schemas']['CaseResult'][];
      nextCursor: string | null;
    };
    StartRunAnswer: {
      runId: string;
      /** @constant */
      status: 'queued';
    };
    CancelRunAnswer: {
      runId: string;
      /** @enum {string} */
      status: 'cancelled' | 'cancelling';
    };
    LiveRunEvent:
      | {
          /** @constant */
          type: 'progress';
          runId: string;
          completed: number;
          total: number;
          passed: number;
          failed: number;
        }
      | {
          /** @constant */
          type: 'status';
          runId: string;
          status: string;
          robustness?: number;
        }
      | {
          /** @constant */
          type: 'warning';
          runId: string;
          message: string;
        };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
