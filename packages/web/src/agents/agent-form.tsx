import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AgentRecord } from '../api/types.js';
import { useApi } from '../app/auth-context.js';
import { navigate } from '../app/navigation.js';
import { agentPath, runPath } from '../app/routes.js';
import { ErrorBox } from '../ui/states.js';
import { useValidation } from './use-validation.js';
import { YamlEditor } from './yaml-editor.js';

/** Edits one agent: name, project, config with live validation; save, and run now. */
export function AgentForm(props: { agent: AgentRecord | null; projectName: string; initialYaml: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState(props.agent?.name ?? '');
  const [project, setProject] = useState(props.projectName);
  const [configYaml, setConfigYaml] = useState(props.initialYaml);
  const validation = useValidation(configYaml);
  const dirty =
    !props.agent ||
    configYaml !== props.agent.configYaml ||
    name !== props.agent.name ||
    project !== props.projectName;

  const save = useMutation({
    mutationFn: () =>
      api.put<AgentRecord>('/api/agents', { name: name.trim(), project: project.trim(), configYaml }),
    onSuccess: (agent) => {
      queryClient.setQueryData(['agent', agent.id], agent);
      void queryClient.invalidateQueries({ queryKey: ['agents'] });
      if (!props.agent || agent.id !== props.agent.id) navigate(agentPath(agent.id), { replace: true });
    },
  });
  const run = useMutation({
    mutationFn: (agentId: string) =>
      api.post<{ runId: string }>('/api/runs', { agentId, project: project.trim() }),
    onSuccess: ({ runId }) => {
      void queryClient.invalidateQueries({ queryKey: ['runs'] });
      navigate(runPath(runId));
    },
  });
  const issues =
    save.error && 'issues' in save.error && Array.isArray(save.error.issues) && save.error.issues.length > 0
      ? save.error.issues
      : (validation.data?.issues ?? []);
  const valid = validation.data?.valid === true && !validation.pending;

  return (
    <form
      className="agent-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="filters">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        <label>
          Project
          <input value={project} onChange={(e) => setProject(e.target.value)} required maxLength={100} />
        </label>
      </div>
      <YamlEditor value={configYaml} onChange={setConfigYaml} issues={issues} />
      <p className="validation-status" data-testid="validation-status" aria-live="polite">
        {configYaml.trim() === ''
          ? 'Empty config.'
          : validation.pending
            ? 'Validating…'
            : validation.isError
              ? `Could not validate: ${validation.error.message}`
              : valid
                ? `Valid config${validation.data?.warnings.length ? ` (${validation.data.warnings.length} warning(s): ${validation.data.warnings.join('; ')})` : '.'}`
                : (validation.data?.message ?? `${issues.length} problem(s) in the config.`)}
      </p>
      {save.error ? <ErrorBox error={save.error} title="Not saved" /> : null}
      {run.error ? <ErrorBox error={run.error} title="The run did not start" /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending || !name.trim() || !dirty}>
          {save.isPending ? 'Saving…' : dirty ? 'Save' : 'Saved'}
        </button>
        <button
          type="button"
          disabled={!props.agent || dirty || run.isPending}
          title={dirty ? 'Save the agent first' : 'Start a run of this agent'}
          onClick={() => props.agent && run.mutate(props.agent.id)}
        >
          {run.isPending ? 'Starting…' : 'Run now'}
        </button>
      </div>
    </form>
  );
}
