import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { DomainEntity } from '../../catalogue/entities/domain.entity';
import type { DomainRole } from '../case-transitions';
import { CaseEntity } from './case.entity';

/** A policy domain a case touches: one `lead`, the others `affected`. */
@Entity('case_domains')
@Index('case_domains_domain_idx', ['domainCode', 'caseId'])
// Sorting cases by lead domain walks this in (domain, case id) order.
@Index('case_domains_lead_idx', ['domainCode', 'caseId'], { where: `"role" = 'lead'` })
// At most one lead per case (the service requires exactly one).
@Index('case_domains_one_lead', ['caseId'], { unique: true, where: `"role" = 'lead'` })
@Check('case_domains_role_check', `"role" IN ('lead', 'affected')`)
export class CaseDomainEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'case_domains_pkey' })
  caseId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'case_domains_pkey' })
  domainCode!: string;

  @Column({ type: 'text' })
  role!: DomainRole;

  @ManyToOne(() => CaseEntity, (c) => c.domains, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_domains_case_fkey' })
  case?: Relation<CaseEntity>;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'domain_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'case_domains_domain_fkey',
  })
  domain?: DomainEntity;
}
