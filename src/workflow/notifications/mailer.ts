import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { Mail } from './messages';

/** SMTP settings from a URL (smtp://user:pass@host:port, smtps:// for TLS), with timeouts. */
function smtpOptions(smtpUrl: string): SMTPTransport.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

/** Email over SMTP (SMTP_URL). Without it, Brug sends no email and records deliveries as skipped. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? createTransport(smtpOptions(config.smtpUrl)) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(to: string, mail: Mail, messageId: string): Promise<void> {
    if (!this.transport) throw new Error('SMTP is not configured');
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to,
      subject: mail.subject,
      text: mail.text,
      // Stable per delivery, so a receiving system can drop a duplicate.
      messageId: `<${messageId}@brug>`,
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
