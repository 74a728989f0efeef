import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  ValidateNested,
} from 'class-validator';
import { CASE_SORTS, type CaseSort } from '../../cases/dto/list-cases.query';
import { SingleLineText } from '../../common/text';
import { Optional } from '../../common/validators';
import { BUILT_IN_VIEW_KEYS, type BuiltInViewKey } from '../built-in-views';
import { VIEW_COLUMNS, ViewFiltersDto, type ViewColumn } from '../view-filters';

// The saved views' answers and bodies (GET/POST/PATCH/DELETE /views).

export class ViewOwnerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class ViewDto {
  @ApiProperty({
    description: 'A uuid for a saved view; `builtin:<key>` for a built-in one.',
    example: 'builtin:my_cases',
  })
  id!: string;

  @ApiProperty({ description: 'As saved; a built-in view is worded by the UI from its key.' })
  name!: string;

  @ApiProperty({ enum: BUILT_IN_VIEW_KEYS, nullable: true, type: String })
  builtIn!: BuiltInViewKey | null;

  @ApiProperty({ description: "Shared with the owner's team (staff) or unit (buyers)." })
  shared!: boolean;

  @ApiProperty({ type: ViewOwnerDto, nullable: true, description: 'Null for a built-in view.' })
  owner!: ViewOwnerDto | null;

  @ApiProperty({ description: 'Whether the reader may change and delete it.' })
  mayChange!: boolean;

  @ApiProperty({ type: ViewFiltersDto })
  filters!: ViewFiltersDto;

  @ApiProperty({ enum: CASE_SORTS })
  sort!: CaseSort;

  @ApiProperty({ enum: VIEW_COLUMNS, isArray: true })
  columns!: ViewColumn[];

  @ApiProperty({
    description: 'Counted up by every change; send it back in If-Match (0 built-in).',
  })
  version!: number;
}

export class ViewListDto {
  @ApiProperty({
    type: [ViewDto],
    description:
      'Built-in views first, then the reader’s own, then those shared with them, by name.',
  })
  items!: ViewDto[];
}

class ViewFields {
  @ApiPropertyOptional({ description: 'Share with your team (staff) or your unit (buyers).' })
  @Optional()
  @IsBoolean()
  shared?: boolean;

  @ApiPropertyOptional({ type: ViewFiltersDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => ViewFiltersDto)
  filters?: ViewFiltersDto;

  @ApiPropertyOptional({ enum: CASE_SORTS, default: '-filedAt' })
  @Optional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort;

  @ApiPropertyOptional({ enum: VIEW_COLUMNS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(VIEW_COLUMNS.length)
  @IsIn(VIEW_COLUMNS, { each: true })
  columns?: ViewColumn[];
}

export class CreateViewDto extends ViewFields {
  @ApiProperty({ maxLength: 100, example: 'Energie, verlopen' })
  @SingleLineText({ min: 1, max: 100 })
  name!: string;
}

export class UpdateViewDto extends ViewFields {
  @ApiPropertyOptional({ maxLength: 100 })
  @SingleLineText({ min: 1, max: 100, optional: true })
  name?: string;
}
