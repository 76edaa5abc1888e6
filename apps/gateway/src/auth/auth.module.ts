import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AccountsModule } from '../accounts/accounts.module';
import type { GatewayConfig } from '../gateway.config';
import { AuthController } from './auth.controller';
import { AuthRetention } from './auth-retention';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { OpsSessionsController } from './ops-sessions.controller';
import { configurePasswordHashing } from './password';
import { PasswordChangeController } from './password-change.controller';
import { PasswordConfirmation, PasswordConfirmationGuard } from './password-confirmation';
import { RolesGuard } from './roles.guard';
import { SessionRepository } from './sessions/session.repository';
import { SessionService } from './sessions/session.service';

/**
 * Login, sessions (refresh, logout, revocation), password change and re-authentication, the
 * auth records' retention, and the two global guards (token first, then role). Global, so any
 * controller can use `@RequiresPassword()` and the queue board can check sessions.
 */
@Module({})
export class AuthModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    configurePasswordHashing({
      concurrency: config.PASSWORD_HASH_CONCURRENCY,
      queueMax: config.PASSWORD_HASH_QUEUE_MAX,
      queueTimeoutMs: config.PASSWORD_HASH_QUEUE_TIMEOUT_MS,
    });
    return {
      module: AuthModule,
      global: true,
      imports: [
        AccountsModule,
        JwtModule.register({
          // A key object, not the string: given a string, jsonwebtoken first tries to parse it
          // as a PEM public (or private) key, and that failed attempt is most of the cost of
          // verifying (or signing) a token.
          secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
          signOptions: { algorithm: 'HS256', expiresIn: config.JWT_TTL_SECONDS },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      controllers: [AuthController, PasswordChangeController, OpsSessionsController],
      providers: [
        AuthService,
        AuthRetention,
        SessionRepository,
        SessionService,
        PasswordConfirmation,
        PasswordConfirmationGuard,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [SessionService, PasswordConfirmation, PasswordConfirmationGuard],
    };
  }
}
