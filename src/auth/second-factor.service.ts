import { createHash, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Secret, TOTP } from 'otpauth';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { refOf, UnitOfWork } from '../database/unit-of-work';
import {
  Forbidden,
  SecondFactorCodeWrong,
  SecondFactorExists,
  SecondFactorNotFound,
} from './auth.errors';
import { UserRecoveryCodeEntity, UserSecondFactorEntity } from './entities/second-factor.entity';
import type { Role } from './roles';
import { SecondFactorThrottle } from './second-factor-throttle';
import { SecretBox } from './secret-box';

const PERIOD = 30;
const DIGITS = 6;
const RECOVERY_CODES = 10;
/** Base32 without look-alikes' confusion: A–Z and 2–7, 16 of them: 80 bits per code. */
const RECOVERY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const RECOVERY_LENGTH = 16;

/** Who acts: the person themselves, or an admin (for removal). */
type Person = { id: string; role: Role; name: string };

export interface SecondFactorStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

/** What a person needs to add Brug to an authenticator app (shown once, while setting up). */
export interface Enrolment {
  secret: string;
  uri: string;
}

const digestOf = (recoveryCode: string): string =>
  createHash('sha256').update(recoveryCode.replace(/[\s-]/g, '').toUpperCase()).digest('hex');

function newRecoveryCode(): string {
  const chars = Array.from(
    { length: RECOVERY_LENGTH },
    () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
  ).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * The TOTP second factor (RFC 6238, through the maintained `otpauth` package) of local accounts:
 * setting it up, confirming it with a first code, checking codes at sign-in (each code once),
 * recovery codes (each once) and removal. The only writer of `user_second_factors` and
 * `user_recovery_codes`; every change is audited (ADR 35).
 */
@Injectable()
export class SecondFactorService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly throttle: SecondFactorThrottle,
    private readonly clock: Clock,
  ) {
    this.box = new SecretBox(config.mfaEncryptionKey ?? config.jwtSecret);
  }

  /** Whether `MFA_REQUIRED_ROLES` names the role. */
  requiredFor(role: Role): boolean {
    return this.config.mfaRequiredRoles.includes(role);
  }

  async isEnabled(userId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      'SELECT 1 FROM user_second_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL',
      [userId],
    );
    return rows.length > 0;
  }

  /**
   * Whether a person must set up a second factor before anything else: their role needs one,
   * theirs is a local account (it has a password; people who sign in through an identity
   * provider get their second factor there) and they have none yet.
   */
  async mustSetUp(userId: string, role: Role): Promise<boolean> {
    if (!this.requiredFor(role)) return false;
    const [row] = await this.db.query<{ must: boolean }[]>(
      `SELECT u.kind = 'person' AND u.password_hash IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM user_second_factors f
                               WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) AS must
         FROM users u WHERE u.id = $1`,
      [userId],
    );
    return row?.must === true;
  }

  async status(userId: string, role: Role): Promise<SecondFactorStatus> {
    const [row] = await this.db.query<{ enabled: boolean; left: number }[]>(
      `SELECT EXISTS (SELECT 1 FROM user_second_factors
                       WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS enabled,
              (SELECT count(*)::int FROM user_recovery_codes
                WHERE user_id = $1 AND used_at IS NULL) AS left`,
      [userId],
    );
    return {
      enabled: row?.enabled === true,
      required: this.requiredFor(role),
      recoveryCodesLeft: row?.enabled ? (row.left ?? 0) : 0,
    };
  }

  /**
   * Starts setting up: a new secret, kept encrypted and unconfirmed until `confirm` (a secret
   * started before and never confirmed is replaced). Not audited: nothing is a factor yet.
   */
  async start(actor: { id: string; email: string }): Promise<Enrolment> {
    if (await this.isEnabled(actor.id)) throw new SecondFactorExists();
    const secret = new Secret({ size: 20 });
    const sealed = this.box.seal(secret.base32, actor.id);
    await this.db.query(
      `INSERT INTO user_second_factors (user_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE
         SET secret_encrypted = EXCLUDED.secret_encrypted, created_at = now(), last_used_step = NULL
       WHERE user_second_factors.confirmed_at IS NULL`,
      [actor.id, sealed],
    );
    return { secret: secret.base32, uri: this.totp(secret.base32, actor.email).toString() };
  }

  /**
   * Confirms the factor being set up with a code from the app, and returns the recovery codes,
   * shown this once (stored as digests). Audited (`user.second_factor_enrolled`).
   */
  async confirm(actor: Person, code: string): Promise<string[]> {
    const attempt = await this.throttle.take(actor.id);
    const pending = await this.load(actor.id);
    if (!pending || pending.confirmedAt) {
      throw pending ? new SecondFactorExists() : new SecondFactorNotFound();
    }
    const step = this.acceptedStep(pending.secret, code);
    if (step === null) throw new SecondFactorCodeWrong();
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.uow.run(refOf(actor), async (w) => {
      // An UPDATE answers [rows, count].
      const [, confirmed] = await w.manager.query<[unknown[], number]>(
        `UPDATE user_second_factors SET confirmed_at = now(), last_used_step = $2
          WHERE user_id = $1 AND confirmed_at IS NULL`,
        [actor.id, step],
      );
      if (!confirmed) throw new SecondFactorExists();
      await w.manager.getRepository(UserRecoveryCodeEntity).delete({ userId: actor.id });
      await w.manager
        .getRepository(UserRecoveryCodeEntity)
        .insert(codes.map((c) => ({ userId: actor.id, codeDigest: digestOf(c) })));
      w.audit({
        action: 'user.second_factor_enrolled',
        subjectType: 'user',
        subjectId: actor.id,
        data: { method: 'totp', recoveryCodes: codes.length },
      });
    });
    await attempt.succeeded();
    return codes;
  }

  /**
   * Checks the second step of a sign-in: a code from the app (accepted once: RFC 6238 §5.2) or
   * a recovery code (used up; audited as `user.recovery_code_used`). Throttled per person.
   */
  async verify(user: Person, code: string): Promise<void> {
    const attempt = await this.throttle.take(user.id);
    const factor = await this.load(user.id);
    if (!factor?.confirmedAt) throw new SecondFactorNotFound();
    const ok = /^\s*\d{3}\s?\d{3}\s*$/.test(code)
      ? await this.useTotp(user.id, factor.secret, code.replace(/\s/g, ''))
      : await this.useRecoveryCode(user, code);
    if (!ok) throw new SecondFactorCodeWrong();
    await attempt.succeeded();
  }

  /**
   * Removes a person's second factor and recovery codes (`user.second_factor_removed`). A person
   * proves it with a current code, and may not when their role needs one; an admin may for
   * anyone (a lost phone): a role that needs one then sets up a new one at the next sign-in.
   */
  async remove(
    actor: Person,
    userId: string,
    proof: { code: string } | { byAdmin: true },
  ): Promise<void> {
    if ('code' in proof) {
      if (this.requiredFor(actor.role)) {
        throw new Forbidden('Your role needs a second factor: it cannot be removed.', {
          reason: 'second_factor_required',
        });
      }
      await this.verify(actor, proof.code);
    }
    await this.uow.run(refOf(actor), async (w) => {
      const { affected } = await w.manager.getRepository(UserSecondFactorEntity).delete({ userId });
      if (!affected) throw new SecondFactorNotFound();
      await w.manager.getRepository(UserRecoveryCodeEntity).delete({ userId });
      w.audit({
        action: 'user.second_factor_removed',
        subjectType: 'user',
        subjectId: userId,
        data: { bySelf: actor.id === userId },
      });
    });
  }

  private totp(secret: string, label: string): TOTP {
    return new TOTP({
      issuer: 'Brug',
      label,
      algorithm: 'SHA1',
      digits: DIGITS,
      period: PERIOD,
      secret: Secret.fromBase32(secret),
    });
  }

  /** The time step the code belongs to (this one or a neighbour, for clock drift), or null. */
  private acceptedStep(secret: string, code: string): number | null {
    const timestamp = this.clock.now().getTime();
    const delta = this.totp(secret, 'check').validate({ token: code.trim(), timestamp, window: 1 });
    return delta === null ? null : Math.floor(timestamp / 1000 / PERIOD) + delta;
  }

  private async useTotp(userId: string, secret: string, code: string): Promise<boolean> {
    const step = this.acceptedStep(secret, code);
    if (step === null) return false;
    // Accepted only for a step after the last one used, so a code seen over a shoulder or in a
    // proxy's log cannot be replayed.
    const [, updated] = await this.db.query<[unknown[], number]>(
      `UPDATE user_second_factors SET last_used_step = $2
        WHERE user_id = $1 AND confirmed_at IS NOT NULL
          AND (last_used_step IS NULL OR last_used_step < $2)`,
      [userId, step],
    );
    return updated > 0;
  }

  private async useRecoveryCode(user: Person, code: string): Promise<boolean> {
    return this.uow.run(refOf(user), async (w) => {
      const [, used] = await w.manager.query<[unknown[], number]>(
        `UPDATE user_recovery_codes SET used_at = now()
          WHERE user_id = $1 AND code_digest = $2 AND used_at IS NULL`,
        [user.id, digestOf(code)],
      );
      if (!used) return false;
      const [left] = await w.manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
        [user.id],
      );
      w.audit({
        action: 'user.recovery_code_used',
        subjectType: 'user',
        subjectId: user.id,
        data: { recoveryCodesLeft: left?.n ?? 0 },
      });
      return true;
    });
  }

  private async load(userId: string): Promise<{ secret: string; confirmedAt: Date | null } | null> {
    const row = await this.db
      .getRepository(UserSecondFactorEntity)
      .createQueryBuilder('f')
      .select(['f.userId', 'f.confirmedAt'])
      .addSelect('f.secretEncrypted')
      .where('f.userId = :userId', { userId })
      .getOne();
    if (!row) return null;
    const secret = this.box.open(row.secretEncrypted, userId);
    // Sealed under another key (MFA_ENCRYPTION_KEY or JWT_SECRET changed): unusable.
    if (secret === null) return null;
    return { secret, confirmedAt: row.confirmedAt };
  }
}
