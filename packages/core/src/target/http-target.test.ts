import { startEchoAgent } from '../testing/echo-agent.js';
import { describeTargetConformance } from './conformance.test-util.js';
import { createHttpTarget } from './http-target.js';
import { closedPort, testContext as context, httpSpec } from './test-helpers.test-util.js';

describeTargetConformance('http', async () => {
  const agent = await startEchoAgent();
  const port = await closedPort();
  return {
    target: createHttpTarget(httpSpec(agent.invokeUrl), context),
    unreachable: createHttpTarget(httpSpec(`http://127.0.0.1:${port}/invoke`), context),
    cleanup: () => agent.close(),
  };
});
