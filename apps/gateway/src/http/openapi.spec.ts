import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { loadConfig } from '@glimmer/config/config';
import { ERROR_CODES, ErrorCode } from '@glimmer/errors/error-codes';
import { PROBLEM_CONTENT_TYPE } from '@glimmer/errors/problem.dto';
import { IS_PUBLIC } from '../auth/auth.decorators';
import { gatewayConfigSchema } from '../gateway.config';
import { GatewayModule } from '../gateway.module';
import { BEARER_SCHEME, buildOpenApiDocument, operationIdOf, SESSION_SCHEME } from './openapi';

type Schema = SchemaObject | ReferenceObject;
interface Operation {
  name: string;
  operation: OperationObject;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PROBLEM_REF = '#/components/schemas/ProblemDto';
const isRef = (schema: Schema | undefined): schema is ReferenceObject =>
  !!schema && '$ref' in schema;

/** A problem response's schema: ProblemDto with `code` narrowed to the given codes. */
function problemCodes(schema: Schema | undefined): string[] | null {
  if (!schema || isRef(schema)) return schema?.$ref === PROBLEM_REF ? [] : null;
  const [base, narrowed] = schema.allOf ?? [];
  if (!isRef(base) || base.$ref !== PROBLEM_REF || !narrowed || isRef(narrowed)) return null;
  const code = narrowed.properties?.code;
  return code && !isRef(code) ? ((code.enum as string[] | undefined) ?? null) : null;
}

/**
 * The document the web app's client is generated from must be tight: every answer a named
 * schema (or explicitly nothing), every error a problem with the codes the route can return,
 * and security as the guards enforce it. Built as `main.js openapi` builds it (preview mode:
 * the module graph without providers, so nothing connects).
 */
describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  let operations: Operation[];

  beforeAll(async () => {
    app = await NestFactory.create(
      GatewayModule.forRoot(loadConfig(gatewayConfigSchema, { NODE_ENV: 'test' })),
      { preview: true, logger: false },
    );
    document = buildOpenApiDocument(app);
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const operation = item[method];
        return operation ? [{ name: `${method.toUpperCase()} ${path}`, operation }] : [];
      }),
    );
  });

  afterAll(() => app?.close());

  const responsesOf = (operation: OperationObject) =>
    Object.entries(operation.responses) as [string, ResponseObject][];
  const errorCodesOf = (operation: OperationObject, status: number): string[] => {
    const response = operation.responses[String(status)] as ResponseObject | undefined;
    return problemCodes(response?.content?.[PROBLEM_CONTENT_TYPE]?.schema) ?? [];
  };

  it('finds the operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(50);
  });

  it('gives every operation a 2xx with a schema for each media type, or an explicit 204', () => {
    const offenders = operations.flatMap(({ name, operation }) => {
      const successes = responsesOf(operation).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) return [`${name}: no 2xx response`];
      return successes.flatMap(([status, response]) => {
        const media = Object.entries(response.content ?? {});
        if (media.length === 0)
          return status === '204' ? [] : [`${name} ${status}: no content and not a 204`];
        return media
          .filter(([, { schema }]) => !schema)
          .map(([type]) => `${name} ${status} ${type}: no schema`);
      });
    });
    expect(offenders).toEqual([]);
  });

  it('answers every JSON success with a named schema, never an inline object', () => {
    const offenders = operations.flatMap(({ name, operation }) =>
      responsesOf(operation)
        .filter(([status]) => /^2\d\d$/.test(status))
        .flatMap(([status, response]) =>
          Object.entries(response.content ?? {})
            .filter(([type]) => type.endsWith('json'))
            .filter(([, { schema }]) => !isRef(schema))
            .map(([type]) => `${name} ${status} ${type}`),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('documents every error status as application/problem+json with its codes', () => {
    const offenders = operations.flatMap(({ name, operation }) =>
      responsesOf(operation)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, response]) => {
          const types = Object.keys(response.content ?? {});
          if (types.length !== 1 || types[0] !== PROBLEM_CONTENT_TYPE)
            return [`${name} ${status}: answered as ${types.join(', ') || 'nothing'}`];
          const codes = problemCodes(response.content![PROBLEM_CONTENT_TYPE].schema);
          if (!codes?.length) return [`${name} ${status}: not a ProblemDto naming its codes`];
          return codes
            .filter((code) => ERROR_CODES[code as ErrorCode]?.status !== Number(status))
            .map((code) => `${name} ${status}: ${code} is not a ${status}`);
        }),
    );
    expect(offenders).toEqual([]);
  });

  it('documents the errors every route of its kind can answer', () => {
    const missing = operations.flatMap(({ name, operation }) => {
      const expected: [number, ErrorCode][] = [[500, 'internal']];
      const signedIn = operation.security === undefined;
      if (signedIn) expected.push([401, 'unauthenticated'], [401, 'token_expired']);
      if (signedIn && !name.startsWith('GET ')) expected.push([403, 'csrf_token_invalid']);
      if (operation.requestBody) expected.push([400, 'validation_failed']);
      if ((operation.requestBody as RequestBodyObject | undefined)?.content?.['application/json'])
        expected.push([400, 'malformed_json'], [413, 'payload_too_large']);
      if (/\{id\}/.test(name)) expected.push([404, 'not_found']);
      const params = (operation.parameters ?? []) as { name?: string; required?: boolean }[];
      const idempotencyKey = params.find((p) => p.name === 'Idempotency-Key');
      if (idempotencyKey)
        expected.push([409, 'idempotency_request_in_progress'], [422, 'idempotency_key_reused']);
      if (idempotencyKey?.required) expected.push([400, 'idempotency_key_required']);
      return expected
        .filter(([status, code]) => !errorCodesOf(operation, status).includes(code))
        .map(([status, code]) => `${name}: ${status} ${code}`);
    });
    expect(missing).toEqual([]);
  });

  it('names every object and enum in the schemas instead of nesting anonymous ones', () => {
    const offenders: string[] = [];
    const check = (where: string, schema: Schema | undefined): void => {
      if (!schema || isRef(schema)) return;
      if (schema.properties) offenders.push(`${where}: an inline object`);
      if ((schema.enum?.length ?? 0) > 1) offenders.push(`${where}: an inline enum`);
      if (schema.items) check(`${where}[]`, schema.items);
    };
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      if (isRef(schema)) continue;
      for (const [property, value] of Object.entries(schema.properties ?? {}))
        check(`${name}.${property}`, value);
    }
    for (const { name, operation } of operations)
      for (const parameter of (operation.parameters ?? []) as (ParameterObject | ReferenceObject)[])
        if (!('$ref' in parameter)) check(`${name} ?${parameter.name}`, parameter.schema);
    expect(offenders).toEqual([]);
  });

  it('accepts a bearer token or the session cookie on every route but the @Public() ones', () => {
    expect(document.security).toEqual([{ [BEARER_SCHEME]: [] }, { [SESSION_SCHEME]: [] }]);
    expect(document.components?.securitySchemes?.[SESSION_SCHEME]).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'glimmer_session',
    });
    const publicIds = new Set<string>();
    const routeIds = new Set<string>();
    for (const module of app.get(ModulesContainer).values())
      for (const { metatype } of module.controllers.values()) {
        const controller = metatype as Type;
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = Object.getOwnPropertyDescriptor(controller.prototype, name)?.value;
          if (!handler || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
          const id = operationIdOf(controller.name, name);
          routeIds.add(id);
          if (Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller))
            publicIds.add(id);
        }
      }
    const wrong = operations.flatMap(({ name, operation }) => {
      const id = operation.operationId ?? '';
      if (!routeIds.has(id)) return [`${name}: ${id} names no route`];
      const declared = operation.security;
      if (publicIds.has(id))
        return declared?.length === 0 ? [] : [`${name} is public but declares security`];
      return declared === undefined ? [] : [`${name} overrides the global security`];
    });
    expect(wrong).toEqual([]);
    expect(publicIds.size).toBeGreaterThanOrEqual(7);
  });
});
