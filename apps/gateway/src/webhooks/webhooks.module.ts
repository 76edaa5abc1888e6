import { Module } from '@nestjs/common';
import { PaymentsWebhookController } from './payments-webhook.controller';
import { WebhookSignatureGuard } from './webhook-signature.guard';

@Module({ controllers: [PaymentsWebhookController], providers: [WebhookSignatureGuard] })
export class WebhooksModule {}
