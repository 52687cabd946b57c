import { useQuery } from '@tanstack/react-query';
import type { AgentRecord } from '../api/types.js';
import { useProjects } from '../api/use-projects.js';
import { useApi } from '../app/auth-context.js';
import { Link } from '../app/link.js';
import { ErrorBox, Loading } from '../ui/states.js';
import { AgentForm } from './agent-form.js';
import { starterYaml } from './starter-yaml.js';

/** Loads an agent (or starts a new one) and hands it to the form. */
export function AgentEditorPage(props: { id: string | null }) {
  const api = useApi();
  const projects = useProjects();
  const agent = useQuery({
    queryKey: ['agent', props.id],
    queryFn: () => api.get<AgentRecord>(`/api/agents/${encodeURIComponent(props.id ?? '')}`),
    enabled: props.id !== null,
  });
  const heading = (
    <div className="page-head">
      <h1>{props.id ? (agent.data?.name ?? 'Agent') : 'New agent'}</h1>
      <Link to="/agents">All agents</Link>
    </div>
  );
  if (props.id === null)
    return (
      <section>
        {heading}
        <AgentForm agent={null} projectName="default" initialYaml={starterYaml} />
      </section>
    );
  if (agent.isPending || projects.isPending) return <Loading label="Loading the agent…" />;
  if (agent.isError) return <ErrorBox error={agent.error} onRetry={() => void agent.refetch()} />;
  const projectName = projects.data?.find((p) => p.id === agent.data.projectId)?.name ?? 'default';
  return (
    <section>
      {heading}
      <AgentForm
        key={agent.data.updatedAt}
        agent={agent.data}
        projectName={projectName}
        initialYaml={agent.data.configYaml}
      />
    </section>
  );
}
