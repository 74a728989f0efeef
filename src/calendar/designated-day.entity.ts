import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A day the Crown designated equal to a public holiday under article 3(3) of the Algemene
 * termijnenwet (a "gelijkgestelde dag", announced in the Staatsblad about three years ahead), so
 * no deadline falls on it. Seeded with the published days; an administrator adds the next ones
 * through the API (ADR 25).
 */
@Entity('calendar_designated_days')
export class DesignatedDayEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'calendar_designated_days_pkey' })
  date!: string;

  /** What the day is, e.g. "Vrijdag na Hemelvaartsdag". */
  @Column({ type: 'text' })
  name!: string;

  /** The administrator who added it; null for the days Brug was shipped with. */
  @Column({ type: 'uuid', nullable: true })
  addedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt!: Date;
}
