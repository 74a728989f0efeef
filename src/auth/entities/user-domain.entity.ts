import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DomainEntity } from '../../catalogue/entities/domain.entity';
import { UserEntity } from './user.entity';

/** A domain that a budget holder holds. */
@Entity('user_domains')
@Index('user_domains_domain_idx', ['domainCode'])
export class UserDomainEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'user_domains_pkey' })
  userId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'user_domains_pkey' })
  domainCode!: string;

  @ManyToOne(() => UserEntity, (u) => u.domains, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_domains_user_fkey' })
  user?: Relation<UserEntity>;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'domain_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'user_domains_domain_fkey',
  })
  domain?: DomainEntity;
}
