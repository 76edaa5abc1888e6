import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDto } from '@glimmer/errors/problem.dto';
import { IS_PUBLIC } from '../auth/auth.decorators';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/session-cookie';

/** The security schemes: an API client's bearer token, or a browser's session cookie. */
export const BEARER_SCHEME = 'bearer';
export const SESSION_SCHEME = 'session';

/** The operation id of a route: `<Controller>_<method>`, as Nest names them by default. */
export const operationIdOf = (controller: string, method: string): string =>
  `${controller}_${method}`;

/** The gateway's OpenAPI document: served at /docs-json and the source of the web app's client. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Glimmer API')
    .setDescription(
      'Glimmer public REST API. Errors are application/problem+json (RFC 9457) with a stable `type` and `code`. ' +
        'Money is an integer number of minor units in the brand account currency. ' +
        'Browsers authenticate with the session cookie from POST /v1/auth/session and echo the ' +
        'glimmer_csrf cookie in X-CSRF-Token on state-changing requests.',
    )
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'POST /v1/auth/login' },
      BEARER_SCHEME,
    )
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description:
          `POST /v1/auth/session sets it (HttpOnly); state-changing requests must echo the ` +
          `${CSRF_COOKIE} cookie in X-CSRF-Token.`,
      },
      SESSION_SCHEME,
    )
    // Either one: a bearer token or the session cookie.
    .addSecurityRequirements(BEARER_SCHEME)
    .addSecurityRequirements(SESSION_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDto],
    operationIdFactory: operationIdOf,
  });
  declareRouteSecurity(document, publicOperationIds(app));
  openProblemSchema(document);
  return document;
}

/**
 * Security follows the guards, not per-route decorators that could drift: every route needs a
 * credential (the document's global requirement) unless it is `@Public()`, which declares none.
 */
function declareRouteSecurity(document: OpenAPIObject, publicIds: ReadonlySet<string>): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = item[method];
      if (!operation) continue;
      if (operation.operationId && publicIds.has(operation.operationId)) operation.security = [];
      else delete operation.security;
    }
  }
}

/** The operation ids of the `@Public()` routes of every controller in the app. */
function publicOperationIds(app: INestApplication): Set<string> {
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = Object.getOwnPropertyDescriptor(controller.prototype, name)?.value as
          object | undefined;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const own = Reflect.getMetadata(IS_PUBLIC, handler) as boolean | undefined;
        if (own ?? classPublic) ids.add(operationIdOf(controller.name, name));
      }
    }
  }
  return ids;
}

/** Problems carry code-specific extension members beyond the ones ProblemDto lists. */
function openProblemSchema(document: OpenAPIObject): void {
  const schema = document.components?.schemas?.[ProblemDto.name];
  if (schema && !('$ref' in schema)) schema.additionalProperties = true;
}

/**
 * The OpenAPI document at /docs-json and its UI at /docs (both public). The document is built
 * on its first request, not at start: most gateways never serve it, and building it (a scan of
 * every route and DTO) costs start time and resident memory they would keep.
 */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
}
