import { Module } from '@nestjs/common';
import { FileStorage, LocalDiskFileStorage } from './file-storage';

/** The storage uploaded files (photos, work samples) are kept in. */
@Module({
  providers: [{ provide: FileStorage, useClass: LocalDiskFileStorage }],
  exports: [FileStorage],
})
export class FilesModule {}
