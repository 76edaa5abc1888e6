import { Module } from '@nestjs/common';
import { FileStorage } from './file-storage';
import { LocalDiskFileStorage } from './local-disk.file-storage';

/**
 * The storage uploaded files are kept in: local disk. An S3-compatible store is a class
 * implementing FileStorage, chosen here from the config.
 */
@Module({
  providers: [{ provide: FileStorage, useClass: LocalDiskFileStorage }],
  exports: [FileStorage],
})
export class StorageModule {}
