import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SERVICES, type ServiceName } from '@glimmer/contracts/contract';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { DeadLetter, DeadLetterService } from '@glimmer/messaging/dead-letters/dead-letter.service';
import { Roles } from '../auth/auth.decorators';
import { SIGNED_IN, SIGNED_IN_CHANGE } from '../http/error-sets';

export class DeadLetterQueryDto {
  @ApiPropertyOptional({
    enum: SERVICES,
    enumName: 'ServiceName',
    description: 'Only this consuming service',
  })
  @IsOptional()
  @IsIn(SERVICES)
  service?: ServiceName;
}

export class DeadLetterDto {
  @ApiProperty({ description: 'The message id: use it to replay or discard' })
  id: string;
  @ApiProperty({ enum: SERVICES, enumName: 'ServiceName', description: 'The consuming service' })
  service: string;
  @ApiProperty({ description: 'The dead-letter queue holding it' })
  queue: string;
  @ApiProperty({ description: 'Where a replay sends it' })
  originalQueue: string;
  @ApiProperty({ description: 'The event pattern' })
  pattern: string;
  @ApiProperty({ nullable: true, type: String })
  messageId: string | null;
  @ApiProperty({ nullable: true, type: String })
  correlationId: string | null;
  @ApiProperty({ nullable: true, type: String })
  errorCode: string | null;
  @ApiProperty({ nullable: true, type: String })
  errorDetail: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  failedAt: string | null;
  @ApiProperty()
  retryCount: number;
  @ApiProperty({ type: 'object', additionalProperties: true })
  headers: Record<string, unknown>;
  @ApiProperty({
    description: 'The event payload as published: its JSON, or its text when it was not JSON',
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }],
  })
  payload: unknown;
}

export class DeadLetterListDto {
  @ApiProperty({ type: [DeadLetterDto] })
  data: DeadLetter[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the list is whole' })
  nextCursor: null;
}

/** Messages that failed every retry, parked in the services' dead-letter queues. */
@ApiTags('Operations')
@Roles('ops')
@Controller('v1/ops/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get()
  @ApiOkResponse({ type: DeadLetterListDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', 'dependency_unavailable')
  async list(@Query() query: DeadLetterQueryDto): Promise<DeadLetterListDto> {
    return { data: await this.deadLetters.list(query.service), nextCursor: null };
  }

  /** Sends the message back to its consumer's queue (same message id: it is handled at most once). */
  @Post(':id/replay')
  @HttpCode(200)
  @ApiOkResponse({ type: DeadLetterDto, description: 'The dead letter as it was replayed' })
  @ApiErrors(...SIGNED_IN_CHANGE, 'not_found', 'dependency_unavailable')
  replay(@Param('id') id: string): Promise<DeadLetter> {
    return this.deadLetters.replay(id);
  }

  /** Drops the message for good. */
  @Delete(':id')
  @ApiOkResponse({ type: DeadLetterDto, description: 'The dead letter as it was discarded' })
  @ApiErrors(...SIGNED_IN_CHANGE, 'not_found', 'dependency_unavailable')
  discard(@Param('id') id: string): Promise<DeadLetter> {
    return this.deadLetters.discard(id);
  }
}
