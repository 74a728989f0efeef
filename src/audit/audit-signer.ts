import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { noteSigner, type NoteSigner } from './signed-note';

/** Signs the audit log's checkpoints with `AUDIT_SIGNING_KEY` under the name `AUDIT_ORIGIN`. */
@Injectable()
export class AuditSigner {
  private readonly signer: NoteSigner;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.signer = noteSigner(config.auditOrigin, config.auditSigningKey);
  }

  /** The signed-note verifier key: public, for auditors. */
  get verifierKey(): string {
    return this.signer.verifierKey;
  }

  sign(text: string): string {
    return this.signer.sign(text);
  }
}
