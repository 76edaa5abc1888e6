import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKernelModule } from '@glimmer/runtime/service-kernel.module';
import { AccountsModule } from './accounts/accounts.module';
import { EmailVerificationModule } from './accounts/email-verification.module';
import { AuthModule } from './auth/auth.module';
import { CreditApiModule } from './credit/credit-api.module';
import { GatewayConfig, gatewayDatabase } from './gateway.config';
import { HttpDrain } from './http/http-drain';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { InvoicingApiModule } from './invoicing/invoicing-api.module';
import { NetworkApiModule } from './network/network-api.module';
import { OpsModule } from './ops/ops.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { PayoutsApiModule } from './payouts/payouts-api.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * The public REST API. It owns identities (accounts, brand signups) and idempotency records;
 * everything else it asks the services for over RabbitMQ, on behalf of the authenticated actor.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ServiceKernelModule.forService({
          service: 'gateway',
          config,
          database: gatewayDatabase(config),
        }),
        RateLimitModule,
        AuthModule.forRoot(config),
        AccountsModule,
        EmailVerificationModule,
        IdempotencyModule,
        CreditApiModule,
        NetworkApiModule,
        InvoicingApiModule,
        PayoutsApiModule,
        WebhooksModule,
        OpsModule,
      ],
      providers: [HttpDrain],
    };
  }
}
