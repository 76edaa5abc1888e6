import { NestFactory } from '@nestjs/core';
import { GatewayModule } from '../gateway.module';
import type { GatewayConfig } from '../gateway.config';
import { buildOpenApiDocument } from './openapi';

/**
 * `node main.js openapi`: prints the OpenAPI document that /docs-json serves, without
 * connecting to anything (Nest's preview mode builds the module graph but no providers), so
 * the web app's API client can be generated and checked offline.
 */
export async function printOpenApi(config: GatewayConfig): Promise<void> {
  const app = await NestFactory.create(GatewayModule.forRoot(config), {
    preview: true,
    logger: false,
  });
  process.stdout.write(`${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}
