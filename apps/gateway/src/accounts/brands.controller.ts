import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { Public } from '../auth/auth.decorators';
import { RATE_LIMITED, IDEMPOTENT, JSON_BODY } from '../http/error-sets';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { SignUpBrand } from './sign-up-brand.use-case';
import { BrandDto, CreateBrandDto } from './dto/create-brand.dto';
import { RateLimit } from '../rate-limit/rate-limit.guard';

@ApiTags('Accounts')
@Controller('v1/brands')
export class BrandsController {
  constructor(private readonly signUp: SignUpBrand) {}

  /** Signs a brand up with its first member, who can then log in. */
  @RateLimit('signup')
  @Post()
  @Public()
  @Idempotent({ required: false })
  @ApiCreatedResponse({ type: BrandDto })
  @ApiErrors(...RATE_LIMITED, ...JSON_BODY, ...IDEMPOTENT, 'email_taken', 'dependency_unavailable')
  create(@Body() body: CreateBrandDto): Promise<BrandDto> {
    return this.signUp.execute(body);
  }
}
