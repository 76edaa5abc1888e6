import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccountsModule } from '../accounts/accounts.module';
import type { GatewayConfig } from '../gateway.config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { configurePasswordHashing } from './password';
import { RolesGuard } from './roles.guard';

/** Login, the caller's identity, and the two global guards (token first, then role). */
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
      imports: [
        AccountsModule,
        JwtModule.register({
          secret: config.JWT_SECRET,
          signOptions: { algorithm: 'HS256', expiresIn: config.JWT_TTL_SECONDS },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      controllers: [AuthController],
      providers: [
        AuthService,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }
}
