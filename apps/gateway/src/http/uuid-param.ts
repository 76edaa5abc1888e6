import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '@glimmer/errors/domain-error';

/** A path id that is not a UUID cannot name anything: 404, like an id that does not exist. */
export const UuidParam = (what: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => notFound(what) });
