import { applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';
import { ApiError } from './api-error';

// One definition per endpoint: the zod schemas of its path parameters, query and body validate the
// request (as pipes on the handler's arguments) and are rendered into the OpenAPI document (docs),
// so the two cannot drift. Descriptions and examples are the schemas' own (.meta).

export type InputPlace = 'body' | 'query' | 'params';

/**
 * Validates a body, query or params object; errors name the field with its place
 * ("body.minPay.amount", "query.limit").
 */
export function parseInput<T>(schema: ZodType<T>, input: unknown, place: InputPlace): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({
    field: [place, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new ApiError('VALIDATION_FAILED', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
}

/** A pipe validating one part of the request with its schema. */
class ZodInput<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly schema: ZodType<T>,
    private readonly place: InputPlace,
  ) {}

  transform(value: unknown): T {
    return parseInput(this.schema, value, this.place);
  }
}

type JsonSchema = Record<string, unknown>;

/** The request-side JSON schema of a zod schema (what a client may send). */
export function inputJsonSchema(schema: ZodType): JsonSchema {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return json;
}

/** One OpenAPI parameter per property of an object schema, described by its own metadata. */
function parameterDocs(schema: ZodType, place: 'query' | 'params'): MethodDecorator[] {
  const json = inputJsonSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...schema } = property;
    const options = {
      name,
      required: place === 'params' || required.has(name),
      ...(description === undefined ? {} : { description: String(description) }),
      schema,
    };
    return place === 'params' ? ApiParam(options) : ApiQuery(options);
  });
}

export interface EndpointDefinition<P, Q, B> {
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Shown in the document beside the body schema. */
  bodyExample?: unknown;
}

export interface EndpointInput<P, Q, B> {
  /** The OpenAPI description of the input: put on the handler. */
  docs: MethodDecorator;
  /** Pipes for @Param(), @Query() and @Body(). */
  params: PipeTransform<unknown, P>;
  query: PipeTransform<unknown, Q>;
  body: PipeTransform<unknown, B>;
}

const missing = (place: InputPlace): PipeTransform => ({
  transform: () => {
    throw new Error(`this endpoint defines no ${place} schema`);
  },
});

export function endpointInput<P = never, Q = never, B = never>(
  definition: EndpointDefinition<P, Q, B>,
): EndpointInput<P, Q, B> {
  const docs: MethodDecorator[] = [];
  if (definition.params) docs.push(...parameterDocs(definition.params, 'params'));
  if (definition.query) docs.push(...parameterDocs(definition.query, 'query'));
  if (definition.body) {
    const example = definition.bodyExample === undefined ? {} : { example: definition.bodyExample };
    docs.push(ApiBody({ schema: { ...inputJsonSchema(definition.body), ...example } }));
  }
  return {
    docs: applyDecorators(...docs),
    params: definition.params ? new ZodInput(definition.params, 'params') : missing('params'),
    query: definition.query ? new ZodInput(definition.query, 'query') : missing('query'),
    body: definition.body ? new ZodInput(definition.body, 'body') : missing('body'),
  };
}
