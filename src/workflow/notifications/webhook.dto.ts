import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  ArrayMaxSize,
  IsIn,
  IsString,
  IsUUID,
  IsUrl,
  Length,
  MaxLength,
} from 'class-validator';
import { SingleLineText } from '../../common/text';
import { Optional } from '../../common/validators';
import { WEBHOOK_EVENT_TYPES } from '../../events/events';

// The webhooks' answers and bodies (GET/POST/PATCH /webhooks).

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'https://collectief.example/brug-events' })
  url!: string;

  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_TYPES })
  eventTypes!: string[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Only events of cases of these MeentCoop teams; empty: every team.',
  })
  teamIds!: string[];

  @ApiProperty({
    type: [String],
    description: 'Only events of cases touching these domains; empty: every domain.',
  })
  domainCodes!: string[];

  @ApiProperty()
  description!: string;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When Brug switched it off itself (it answered 410 Gone).',
  })
  switchedOffAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'webhook answered 410' })
  switchedOffReason!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Since when its deliveries fail without one success; null while it answers.',
  })
  failingSince!: string | null;

  @ApiProperty({ example: 1, description: 'Counted up by every change; send it back in If-Match.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'Shown once: keep it to check the Brug-Signature header.' })
  secret!: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] })
  items!: WebhookDto[];
}

class WebhookFields {
  @ApiPropertyOptional()
  @SingleLineText({ min: 0, max: 500, optional: true })
  description?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Empty: every team.' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  teamIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Empty: every domain.' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  domainCodes?: string[];
}

export class CreateWebhookDto extends WebhookFields {
  @ApiProperty({ example: 'https://collectief.example/brug-events' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  url!: string;

  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_TYPES })
  @IsArray()
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: string[];

  @ApiPropertyOptional({ minLength: 16, description: 'Generated when left out.' })
  @Optional()
  @IsString()
  @Length(16, 200)
  secret?: string;
}

export class UpdateWebhookDto extends WebhookFields {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  url?: string;

  @ApiPropertyOptional({ type: [String], enum: WEBHOOK_EVENT_TYPES })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  active?: boolean;
}
