import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { preparedQuery } from '../../database/prepared';
import { UnitOfWork, type ActorRef } from '../../database/unit-of-work';
import { Unauthenticated } from '../auth.errors';
import type { Actor } from '../roles';
import { UsersService } from '../users.service';
import { SessionNotFound } from './sessions.errors';

export type SessionMethod = 'password' | 'oidc';

export interface NewSession {
  userId: string;
  tokenVersion: number;
  method: SessionMethod;
  provider?: string | null;
  idToken?: string | null;
  address?: string | null;
  userAgent?: string | null;
}

/** What a signed-in cookie opens: the actor and the session it belongs to. */
export interface SessionActor {
  actor: Actor;
  sessionId: string;
  method: SessionMethod;
  provider: string | null;
  createdAt: Date;
  expiresAt: Date;
  idleExpiresAt: Date;
}

export interface SessionRow {
  id: string;
  method: SessionMethod;
  provider: string | null;
  address: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

interface StoredSession {
  id: string;
  user_id: string;
  token_version: number;
  method: SessionMethod;
  provider: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ended_at: Date | null;
}

/** `last_seen_at` is written at most this often per session (not on every request). */
const TOUCH_AFTER_MS = 30_000;
/** The most sessions "my sessions" lists (the newest). */
const LIST_LIMIT = 100;

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The web UI's sessions (ADR 34), kept in PostgreSQL: the only writer of `web_sessions`. The
 * cookie carries 32 random bytes; the table keeps their SHA-256 only. A session ends after
 * `SESSION_IDLE_TIMEOUT_SECONDS` without a request, `SESSION_ABSOLUTE_LIFETIME_SECONDS` after it
 * began, when its person signs out or ends it, and when the user's token version moves on
 * (password change, deactivation, role change: ADR 17). Time is read from the injectable Clock.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly uow: UnitOfWork,
  ) {}

  /** Begins a session; the returned token goes into the cookie and nowhere else. */
  async create(input: NewSession): Promise<{ token: string; id: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.sessionLifetimeSeconds * 1000);
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO web_sessions (user_id, token_digest, token_version, method, provider, id_token,
                                 address, user_agent, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) RETURNING id`,
      [
        input.userId,
        digest(token),
        input.tokenVersion,
        input.method,
        input.provider ?? null,
        input.idToken ?? null,
        input.address ?? null,
        input.userAgent?.slice(0, 300) ?? null,
        now,
        expiresAt,
      ],
    );
    const id = rows[0]!.id;
    this.logger.log({
      event: 'session_started',
      userId: input.userId,
      sessionId: id,
      method: input.method,
    });
    return { token, id, expiresAt };
  }

  /** The CSRF token of a session: derived from its cookie, so nothing more is stored. */
  csrfToken(token: string): string {
    return createHmac('sha256', this.config.jwtSecret).update(`csrf:${token}`).digest('base64url');
  }

  csrfMatches(token: string, sent: string | undefined): boolean {
    if (!sent) return false;
    const expected = Buffer.from(this.csrfToken(token));
    const given = Buffer.from(sent);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /**
   * The actor of a session cookie, or Unauthenticated. A session found idle or past its
   * lifetime is ended on the spot (and logged), so it is gone from "my sessions" too.
   */
  async authenticate(token: string): Promise<SessionActor> {
    const rows = await preparedQuery<StoredSession>(
      this.db,
      `SELECT id, user_id, token_version, method, provider, created_at, last_seen_at, expires_at,
              ended_at
         FROM web_sessions WHERE token_digest = $1`,
      [digest(token)],
    );
    const session = rows[0];
    if (!session || session.ended_at) throw new Unauthenticated('The session has ended.');
    const now = this.clock.now();
    const idleEnd = new Date(
      session.last_seen_at.getTime() + this.config.sessionIdleSeconds * 1000,
    );
    const reason = now >= session.expires_at ? 'lifetime' : now >= idleEnd ? 'idle' : null;
    if (reason) {
      await this.end(session.id, reason);
      throw new Unauthenticated('The session has expired; sign in again.');
    }
    const user = await this.users.findSignedInActor(session.user_id, session.token_version);
    if (!user) {
      await this.end(session.id, 'revoked');
      throw new Unauthenticated('The session is no longer valid; sign in again.');
    }
    let lastSeen = session.last_seen_at;
    if (now.getTime() - lastSeen.getTime() >= TOUCH_AFTER_MS) {
      await this.db.query(
        `UPDATE web_sessions SET last_seen_at = $2 WHERE id = $1 AND ended_at IS NULL`,
        [session.id, now],
      );
      lastSeen = now;
    }
    const { active: _active, tokenVersion: _version, ...actor } = user;
    return {
      actor,
      sessionId: session.id,
      method: session.method,
      provider: session.provider,
      createdAt: session.created_at,
      expiresAt: session.expires_at,
      idleExpiresAt: new Date(
        Math.min(
          lastSeen.getTime() + this.config.sessionIdleSeconds * 1000,
          session.expires_at.getTime(),
        ),
      ),
    };
  }

  /** Ends a session by its cookie (sign-out); returns what the provider's logout needs. */
  async signOut(
    sessionId: string,
  ): Promise<{ provider: string | null; idToken: string | null } | null> {
    const rows: { provider: string | null; id_token: string | null }[][] = await this.db.query(
      `UPDATE web_sessions SET ended_at = $2, end_reason = 'signed_out'
        WHERE id = $1 AND ended_at IS NULL RETURNING provider, id_token`,
      [sessionId, this.clock.now()],
    );
    const row = rows[0]?.[0];
    this.logger.log({ event: 'session_ended', sessionId, reason: 'signed_out' });
    return row ? { provider: row.provider, idToken: row.id_token } : null;
  }

  /** The open sessions of a user, newest first (at most a hundred). */
  async list(userId: string): Promise<SessionRow[]> {
    const rows: {
      id: string;
      method: SessionMethod;
      provider: string | null;
      address: string | null;
      user_agent: string | null;
      created_at: Date;
      last_seen_at: Date;
      expires_at: Date;
    }[] = await this.db.query(
      `SELECT id, method, provider, address, user_agent, created_at, last_seen_at, expires_at
         FROM web_sessions
        WHERE user_id = $1 AND ended_at IS NULL AND expires_at > $2 AND last_seen_at > $3
        ORDER BY created_at DESC LIMIT ${LIST_LIMIT}`,
      [
        userId,
        this.clock.now(),
        new Date(this.clock.now().getTime() - this.config.sessionIdleSeconds * 1000),
      ],
    );
    return rows.map((r) => ({
      id: r.id,
      method: r.method,
      provider: r.provider,
      address: r.address,
      userAgent: r.user_agent,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
    }));
  }

  /** A person ends one of their own sessions (any, this one too). */
  async endOwn(userId: string, sessionId: string): Promise<void> {
    const rows: unknown[][] = await this.db.query(
      `UPDATE web_sessions SET ended_at = $3, end_reason = 'ended_by_user'
        WHERE id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING id`,
      [sessionId, userId, this.clock.now()],
    );
    if (!rows[0]?.length) throw new SessionNotFound(sessionId);
    this.logger.log({ event: 'session_ended', sessionId, reason: 'ended_by_user' });
  }

  /** An administrator ends every session of a user, audited (`user.sessions_ended`). */
  async endAllOf(actor: ActorRef, userId: string): Promise<number> {
    await this.users.get(userId); // 404 for an unknown user
    const count = await this.uow.run(actor, async (w) => {
      const rows: { id: string }[][] = await w.manager.query(
        `UPDATE web_sessions SET ended_at = $2, end_reason = 'ended_by_admin'
          WHERE user_id = $1 AND ended_at IS NULL RETURNING id`,
        [userId, this.clock.now()],
      );
      const ended = rows[0]?.length ?? 0;
      w.audit({
        action: 'user.sessions_ended',
        subjectType: 'user',
        subjectId: userId,
        data: { sessions: ended },
      });
      return ended;
    });
    this.logger.log({ event: 'sessions_ended', userId, count, by: actor.id });
    return count;
  }

  private async end(sessionId: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE web_sessions SET ended_at = $2, end_reason = $3, id_token = NULL
        WHERE id = $1 AND ended_at IS NULL`,
      [sessionId, this.clock.now(), reason],
    );
    this.logger.log({ event: 'session_ended', sessionId, reason });
  }
}
