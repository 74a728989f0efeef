import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
}

/** A local SMTP server that keeps every message it receives (for notification tests). */
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  /** Connections a sender broke off (by code), kept for a test that wants to see them. */
  readonly connectionErrors: string[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (raw += chunk));
        stream.on('end', () => {
          const header = (name: string) =>
            new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'im')
              .exec(raw)?.[1]
              ?.replace(/\r?\n[ \t]/g, ' ') ?? '';
          this.mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            subject: header('Subject'),
            messageId: header('Message-ID'),
          });
          callback();
        });
      },
    });
    // A sender that goes away mid-conversation (a worker killed by a fault test) resets its
    // connection: that is its problem, not the sink's, which keeps listening.
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      this.connectionErrors.push(error.code ?? error.message);
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server.server, 'listening');
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
