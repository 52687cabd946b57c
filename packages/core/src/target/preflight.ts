import { type Dispatcher, request } from 'undici';
import { FlakestormError } from '../errors.js';
import { maskUrl } from './mask.js';
import { createCallSignal, describeFailure } from './target-error.js';

/**
 * Proves an HTTP host answers: any status counts as reachable; refused connections, DNS failures and
 * timeouts throw FLAKESTORM_TARGET_UNREACHABLE with a one-line message naming the URL and the cause.
 */
export async function preflightHttp(
  dispatcher: Dispatcher,
  url: string,
  options: { signal: AbortSignal; timeoutMs: number; headers?: Array<[string, string]> },
): Promise<void> {
  const shown = maskUrl(url);
  const callSignal = createCallSignal(options.signal, Math.min(options.timeoutMs, 10_000));
  try {
    const response = await request(url, {
      dispatcher,
      method: 'HEAD',
      headers: (options.headers ?? []).flat(),
      signal: callSignal.signal,
    });
    await response.body.dump();
  } catch (error) {
    const failure = callSignal.state.timedOut
      ? { cause: 'timeout' as const, reason: `no answer within ${callSignal.state.timeoutMs} ms` }
      : callSignal.state.aborted
        ? { cause: 'aborted' as const, reason: 'cancelled' }
        : describeFailure(error);
    throw new FlakestormError(
      'FLAKESTORM_TARGET_UNREACHABLE',
      `Cannot reach ${shown}: ${failure.reason}. Is the agent running?`,
      {
        hint: 'Start the agent, or fix the target URL in flakestorm.yaml.',
        details: { cause: failure.cause === 'target_error' ? 'connection' : failure.cause, url: shown },
        cause: error,
      },
    );
  } finally {
    callSignal.dispose();
  }
}
