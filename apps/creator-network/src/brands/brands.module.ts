import { Module } from '@nestjs/common';
import { BrandRegisteredHandler } from './brand-registered.handler';
import { BrandRepository } from './brand.repository';

@Module({
  controllers: [BrandRegisteredHandler],
  providers: [BrandRepository],
  exports: [BrandRepository],
})
export class BrandsModule {}
