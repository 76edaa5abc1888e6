import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

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
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** The OpenAPI document at /docs-json and its UI at /docs (both public). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
