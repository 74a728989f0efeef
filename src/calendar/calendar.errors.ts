import { DomainError } from '../common/errors';

export class DesignatedDayExists extends DomainError {
  readonly code = 'designated_day_exists';
  readonly title = 'Designated day already listed';
  constructor(date: string) {
    super(`${date} is a designated day already; remove it first to change its name.`, {
      errors: [{ field: 'date', code: 'in_use', message: 'is listed already', params: { date } }],
      params: { date },
    });
  }
}

export class DesignatedDayNotFound extends DomainError {
  readonly code = 'designated_day_not_found';
  readonly title = 'Designated day not found';
  constructor(date: string) {
    super(`${date} is not a designated day.`, { params: { date } });
  }
}
