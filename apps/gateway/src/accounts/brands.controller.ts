import { Body, Controller, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { BrandSignupService } from './brand-signup.service';
import { BrandDto, CreateBrandDto } from './dto/create-brand.dto';

@ApiTags('Accounts')
@Controller('v1/brands')
export class BrandsController {
  constructor(private readonly signup: BrandSignupService) {}

  /** Signs a brand up with its first member, who can then log in. */
  @Post()
  @Public()
  @Idempotent({ required: false })
  @ApiCreatedResponse({ type: BrandDto })
  @ApiConflictResponse({ description: 'email_taken: the admin email already has an account' })
  create(@Body() body: CreateBrandDto): Promise<BrandDto> {
    return this.signup.execute(body);
  }
}
