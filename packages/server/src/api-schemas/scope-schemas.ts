import { z } from 'zod';
import { issueSchema } from './common-schemas.js';

/** A project of the workspace. */
export const projectSchema = z
  .object({ id: z.string(), workspaceId: z.string(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'ProjectRecord' });

/** GET /api/projects. */
export const projectListSchema = z.object({ items: z.array(projectSchema) }).meta({ id: 'ProjectList' });

/** An agent and its config. */
export const agentSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    projectId: z.string(),
    name: z.string(),
    configYaml: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AgentRecord' });

/** GET /api/agents. */
export const agentListSchema = z.object({ items: z.array(agentSchema) }).meta({ id: 'AgentList' });

/** POST /api/config/validate: problems are data (200), not errors. */
export const validationResultSchema = z
  .object({
    valid: z.boolean(),
    warnings: z.array(z.string()),
    issues: z.array(issueSchema),
    message: z.string().optional(),
  })
  .meta({ id: 'ValidationResult' });
