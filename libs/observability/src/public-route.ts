import { SetMetadata } from '@nestjs/common';

/** Metadata key of a route that needs no access token (the gateway's JWT guard honours it). */
export const IS_PUBLIC = 'glimmer:public';

/** The route needs no access token (signup, login, the signed webhook, health, metrics, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
