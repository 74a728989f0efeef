import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { SingleLineText } from '../../common/text';
import { IsCalendarDate, QueryInt } from '../../common/validators';
import { CALENDAR_RULES, type CalendarRule } from '../holidays';

export class DesignatedDayDto {
  @ApiProperty({ format: 'date', example: '2026-05-15' })
  date!: string;

  @ApiProperty({ example: 'Vrijdag na Hemelvaartsdag' })
  name!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Who added it; null for the days Brug was shipped with.',
  })
  addedById!: string | null;

  @ApiProperty({ format: 'date-time' })
  addedAt!: string;
}

export class DesignatedDayListDto {
  @ApiProperty({ type: [DesignatedDayDto] })
  items!: DesignatedDayDto[];
}

export class CreateDesignatedDayDto {
  @ApiProperty({ format: 'date', example: '2029-05-11' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: 'Vrijdag na Hemelvaartsdag' })
  @SingleLineText({ max: 200 })
  name!: string;
}

export class RuleNamesDto {
  @ApiProperty({ example: 'Koningsdag' })
  nl!: string;

  @ApiProperty({ example: "King's Day" })
  en!: string;
}

export class DayOffDto {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ enum: CALENDAR_RULES, description: 'Why the day is not a working day.' })
  rule!: CalendarRule;

  @ApiProperty({ type: RuleNamesDto, description: "The rule's name in Dutch and English." })
  ruleName!: RuleNamesDto;

  @ApiPropertyOptional({ description: "A designated day's name as the administrator gave it." })
  name?: string;
}

export class DaysOffDto {
  @ApiProperty()
  year!: number;

  @ApiProperty({ description: 'Whether Goede Vrijdag counts (CALENDAR_GOOD_FRIDAY).' })
  goodFriday!: boolean;

  @ApiProperty({
    type: [DayOffDto],
    description: 'Every day off of the year other than an ordinary Saturday or Sunday.',
  })
  items!: DayOffDto[];
}

export class DaysOffQuery {
  @ApiProperty({ example: 2026 })
  @QueryInt()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}
