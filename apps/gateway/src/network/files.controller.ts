import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '@glimmer/contracts/actor';
import {
  FILE_KEY_PATTERN,
  GetFileRpc,
  PHOTO_CONTENT_TYPES,
  SAMPLE_FILE_CONTENT_TYPES,
} from '@glimmer/contracts/network/creator.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { FileStorage } from '@glimmer/storage/file-storage';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { VIA_SERVICE } from '../http/error-sets';

const INLINE_TYPES: ReadonlySet<string> = new Set(PHOTO_CONTENT_TYPES);
const FILE_BYTES = { type: 'string', format: 'binary' } as const;

/**
 * Uploaded files (profile photos, work samples) at the URLs their views show. Each is served to
 * the creator it belongs to and to brands whose network that creator is in; to anyone else it
 * does not exist (404), like an unknown key. creator-network decides (over the broker, with the
 * file's metadata); the bytes stream from the file storage.
 */
@ApiTags('Network')
@Controller('v1/files')
export class FilesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: FileStorage,
  ) {}

  /** Any signed-in caller: whoever may not see the file is told it does not exist (404). */
  @Get(':key')
  @Roles('brand', 'creator', 'ops')
  @ApiOkResponse({
    description:
      'The file, as the type told from its content when it was uploaded; images inline, ' +
      'PDF and MP4 as attachments',
    content: Object.fromEntries(
      SAMPLE_FILE_CONTENT_TYPES.map((type) => [type, { schema: FILE_BYTES }]),
    ),
  })
  // not_found: no such file, or not one the caller may see.
  @ApiErrors('unauthenticated', 'token_expired', 'not_found', ...VIA_SERVICE)
  async get(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Res() res: Response,
  ): Promise<void> {
    // Not a key we ever make: no need to ask (and never a path anywhere).
    if (!FILE_KEY_PATTERN.test(key)) throw notFound('file');
    const file = await this.rpc.call(GetFileRpc, { actor, key });
    const stored = await this.storage.open(file.key);
    if (!stored) throw notFound('file');
    const disposition = INLINE_TYPES.has(file.contentType) ? 'inline' : 'attachment';
    res.status(200);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(stored.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', `${disposition}; filename="${file.key}"`);
    // Keys are never reused, so the bytes never change; who may see them can, hence `private`
    // and a short lifetime.
    res.setHeader('Cache-Control', 'private, max-age=300');
    // A storage failure midway cannot become a problem (the headers are sent): the connection
    // is cut, so the client sees a truncated download, never a short "complete" one.
    await pipeline(stored.stream, res).catch((err: unknown) => {
      res.destroy(err as Error);
    });
  }
}
