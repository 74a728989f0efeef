import { DomainError } from '../common/errors';

export class RoutingRuleNotFound extends DomainError {
  readonly code = 'routing_rule_not_found';
  readonly title = 'Routing rule not found';
  constructor(id: string) {
    super(`There is no routing rule ${id}.`, { params: { id } });
  }
}

export class SlaPolicyNotFound extends DomainError {
  readonly code = 'sla_policy_not_found';
  readonly title = 'SLA policy not found';
  constructor(priority: string) {
    super(`There is no SLA policy for priority ${priority}.`, { params: { priority } });
  }
}

export class SlaPolicyExists extends DomainError {
  readonly code = 'sla_policy_exists';
  readonly title = 'SLA policy already exists';
  constructor(priority: string) {
    super(`An SLA policy for priority ${priority} exists; change it instead.`, {
      errors: [
        {
          field: 'priority',
          code: 'in_use',
          message: 'has a policy already',
          params: { priority },
        },
      ],
      params: { priority },
    });
  }
}

export class WebhookNotFound extends DomainError {
  readonly code = 'webhook_not_found';
  readonly title = 'Webhook not found';
  constructor(id: string) {
    super(`There is no webhook ${id}.`, { params: { id } });
  }
}

export class JobNotFound extends DomainError {
  readonly code = 'job_not_found';
  readonly title = 'Job not found';
  constructor() {
    super('There is no failed job with this id.');
  }
}
