import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type TransformObjectInput = Parameters<typeof jsonSchemaTransformObject>[0];

/**
 * Adds the named response schemas (`.meta({ id })`) to the OpenAPI document's components. The library
 * adds an `<id>Input` twin of each for request bodies; none of ours is a request body, so those go.
 */
export function apiComponents(input: TransformObjectInput): ReturnType<typeof jsonSchemaTransformObject> {
  const document = jsonSchemaTransformObject(input);
  const schemas = 'components' in document ? document.components?.schemas : undefined;
  if (schemas) {
    for (const id of Object.keys(schemas))
      if (id.endsWith('Input') && id.slice(0, -5) in schemas) delete schemas[id];
  }
  return document;
}
