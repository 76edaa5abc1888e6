import type { DynamicModule, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { loadConfig } from '@glimmer/config/config';
import { IS_PUBLIC, ROLES_KEY } from './auth/auth.decorators';
import { gatewayConfigSchema } from './gateway.config';
import { GatewayModule } from './gateway.module';

/** Every controller registered anywhere in the gateway's module graph. */
function controllersOf(root: DynamicModule): Type[] {
  const seen = new Set<unknown>();
  const controllers = new Set<Type>();
  const visit = (mod: unknown): void => {
    if (!mod || seen.has(mod)) return;
    seen.add(mod);
    const dynamic = typeof mod === 'object' ? (mod as DynamicModule) : undefined;
    const cls = (dynamic?.module ?? mod) as Type;
    const own = [
      ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, cls) as Type[] | undefined) ?? []),
      ...(dynamic?.controllers ?? []),
    ];
    own.forEach((c) => controllers.add(c));
    const imports = [
      ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) as unknown[] | undefined) ?? []),
      ...(dynamic?.imports ?? []),
    ];
    imports.forEach(visit);
  };
  visit(root);
  return [...controllers];
}

function routePath(controller: Type, handler: object): string {
  const parts = [
    Reflect.getMetadata(PATH_METADATA, controller),
    Reflect.getMetadata(PATH_METADATA, handler),
  ];
  return `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

describe('gateway architecture', () => {
  const controllers = controllersOf(
    GatewayModule.forRoot(loadConfig(gatewayConfigSchema, { NODE_ENV: 'test' })),
  );
  const routes = controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => ({ controller, name, handler: controller.prototype[name] as object }))
      .filter(({ handler }) => Reflect.getMetadata(METHOD_METADATA, handler) !== undefined),
  );

  it('finds the controllers and their routes', () => {
    expect(controllers.length).toBeGreaterThanOrEqual(9);
    expect(routes.length).toBeGreaterThanOrEqual(18);
  });

  it('declares access on every route: @Public() or @Roles(...), never both', () => {
    const offenders = routes
      .map(({ controller, name, handler }) => {
        const isPublic =
          Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller);
        const roles =
          Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller);
        const path = routePath(controller, handler);
        if (!isPublic && !roles) return `${controller.name}.${name} (${path}) declares no access`;
        if (isPublic && roles)
          return `${controller.name}.${name} (${path}) is both public and role-limited`;
        return null;
      })
      .filter(Boolean);
    expect(offenders).toEqual([]);
  });

  it('keeps public routes to the documented few', () => {
    const publicRoutes = routes
      .filter(
        ({ controller, handler }) =>
          Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller),
      )
      .map(({ controller, handler }) => routePath(controller, handler))
      .sort();
    expect(publicRoutes).toEqual([
      '/health/live',
      '/health/ready',
      '/metrics',
      '/v1/auth/login',
      '/v1/auth/refresh',
      '/v1/auth/session',
      '/v1/auth/session',
      '/v1/auth/session/refresh',
      '/v1/auth/verify-email',
      '/v1/brands',
      '/v1/invites/accept',
      '/v1/invites/preview',
      '/v1/webhooks/payments',
    ]);
  });
});
