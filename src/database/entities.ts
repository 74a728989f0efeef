import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { ApiClientSecretEntity } from '../auth/entities/api-client-secret.entity';
import {
  UserRecoveryCodeEntity,
  UserSecondFactorEntity,
} from '../auth/entities/second-factor.entity';
import {
  AuditCheckpointEntity,
  AuditErasureEntity,
  AuditTreeNodeEntity,
} from '../audit/entities/audit-log.entity';
import { UserDomainEntity } from '../auth/entities/user-domain.entity';
import { UserEntity } from '../auth/entities/user.entity';
import { DesignatedDayEntity } from '../calendar/designated-day.entity';
import { DomainEntity } from '../catalogue/entities/domain.entity';
import { OrganisationUnitEntity } from '../catalogue/entities/organisation-unit.entity';
import { CaseDeadlineChangeEntity } from '../cases/entities/case-deadline-change.entity';
import { CaseDomainEntity } from '../cases/entities/case-domain.entity';
import { CaseKoppelChangeEntity } from '../cases/entities/case-koppel-change.entity';
import { CaseNoteEntity } from '../cases/entities/case-note.entity';
import { CaseStatusChangeEntity } from '../cases/entities/case-status-change.entity';
import { CaseSuspensionEntity } from '../cases/entities/case-suspension.entity';
import { CaseEntity } from '../cases/entities/case.entity';
import { DocumentVersionEntity } from '../documents/entities/document-version.entity';
import { DocumentEntity } from '../documents/entities/document.entity';
import { EuThresholdEntity } from '../cases/entities/eu-threshold.entity';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity';
import { NotificationDeliveryEntity } from '../workflow/notifications/notification-delivery.entity';
import { RoutingRuleEntity } from '../workflow/routing/routing-rule.entity';
import { SlaPolicyEntity } from '../workflow/sla/sla-policy.entity';
import { WebhookEntity } from '../workflow/notifications/webhook.entity';
import {
  BenefitShareEntity,
  BenefitShareVersionEntity,
} from '../funding/entities/benefit-share.entity';
import {
  CofundingProposalEntity,
  CofundingProposalItemEntity,
  PledgeExpiryEntity,
} from '../funding/entities/cofunding.entity';
import { FundingEntryEntity } from '../funding/entities/funding-entry.entity';
import { OutboxEventEntity } from '../workflow/outbox/outbox-event.entity';
import { SavedViewEntity } from '../views/saved-view.entity';
import { SignalDigestEntity, SignalEntity, SignalPreferenceEntity } from '../signals/signal.entity';
import { BulkActionEntity, BulkActionItemEntity } from '../bulk-actions/bulk-action.entity';
import { CaseLinkEntity } from '../cases/entities/case-link.entity';
import { PledgeTransferEntity } from '../funding/entities/pledge-transfer.entity';

/**
 * Every entity, listed by hand rather than found by a file glob, so the same list works in the
 * compiled service, in Jest (which runs the TypeScript sources) and in the TypeORM CLI.
 */
export const ENTITIES = [
  SavedViewEntity,
  SignalEntity,
  SignalPreferenceEntity,
  SignalDigestEntity,
  BulkActionEntity,
  BulkActionItemEntity,
  CaseLinkEntity,
  PledgeTransferEntity,
  DomainEntity,
  OrganisationUnitEntity,
  UserEntity,
  UserDomainEntity,
  UserSecondFactorEntity,
  UserRecoveryCodeEntity,
  ApiClientSecretEntity,
  CaseEntity,
  CaseDomainEntity,
  CaseStatusChangeEntity,
  CaseKoppelChangeEntity,
  CaseSuspensionEntity,
  CaseDeadlineChangeEntity,
  CaseNoteEntity,
  IdempotencyKeyEntity,
  OutboxEventEntity,
  AuditEventEntity,
  AuditErasureEntity,
  AuditTreeNodeEntity,
  AuditCheckpointEntity,
  RoutingRuleEntity,
  SlaPolicyEntity,
  WebhookEntity,
  NotificationDeliveryEntity,
  FundingEntryEntity,
  BenefitShareEntity,
  BenefitShareVersionEntity,
  CofundingProposalEntity,
  CofundingProposalItemEntity,
  PledgeExpiryEntity,
  DesignatedDayEntity,
  DocumentEntity,
  DocumentVersionEntity,
  EuThresholdEntity,
];
