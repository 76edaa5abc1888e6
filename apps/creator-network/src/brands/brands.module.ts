import { Module } from '@nestjs/common';
import { BrandEvents } from './brand.events';
import { BrandRepository } from './brand.repository';

@Module({
  controllers: [BrandEvents],
  providers: [BrandRepository],
  exports: [BrandRepository],
})
export class BrandsModule {}
