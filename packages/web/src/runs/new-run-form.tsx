import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useApi } from '../app/auth-context.js';
import { navigate } from '../app/navigation.js';
import { runPath } from '../app/routes.js';
import { ErrorBox } from '../ui/states.js';

/** Starts a run from a pasted config (stored agents start from their own page). */
export function NewRunForm(props: { onClose(): void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [configYaml, setConfigYaml] = useState('');
  const [project, setProject] = useState('default');
  const start = useMutation({
    mutationFn: () => api.post<{ runId: string }>('/api/runs', { configYaml, project }),
    onSuccess: ({ runId }) => {
      void queryClient.invalidateQueries({ queryKey: ['runs'] });
      navigate(runPath(runId));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <form className="card new-run" onSubmit={submit}>
      <h2>New run</h2>
      <label>
        Project
        <input value={project} onChange={(e) => setProject(e.target.value)} required maxLength={100} />
      </label>
      <label>
        Config (flakestorm.yaml)
        <textarea
          className="mono"
          rows={14}
          spellCheck={false}
          value={configYaml}
          onChange={(e) => setConfigYaml(e.target.value)}
          required
        />
      </label>
      {start.error ? <ErrorBox error={start.error} title="The run did not start" /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={start.isPending || !configYaml.trim()}>
          {start.isPending ? 'Starting…' : 'Start run'}
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
