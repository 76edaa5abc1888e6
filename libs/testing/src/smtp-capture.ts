import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eventually } from './eventually';

export interface CapturedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The Message-ID header, angle brackets included. */
  messageId: string;
}

/**
 * A real SMTP server on a free local port that keeps every message it receives, so tests read
 * the emails Glimmer sends (invite tokens, VOID notices) exactly as a mailbox would.
 */
export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  /** Connections that broke mid-session (a sender killed while sending). */
  readonly connectionErrors: Error[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address ?? '') ?? []);
            this.messages.push({
              to,
              from: mail.from?.value[0]?.address ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
            });
            callback();
          })
          .catch(callback);
      },
    });
    // A sender that dies mid-session (a test SIGKILLs the scheduler) resets its connection;
    // that is the sender's fault, not the mailbox's: keep receiving.
    this.server.on('error', (err) => this.connectionErrors.push(err));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for a message to `to` whose subject matches. */
  async waitFor(to: string, subject: RegExp, timeoutMs = 15_000): Promise<CapturedMail> {
    return eventually(
      () => {
        const found = this.messages.find((m) => m.to.includes(to) && subject.test(m.subject));
        if (!found)
          throw new Error(`no mail to ${to} matching ${subject} (have ${this.messages.length})`);
        return found;
      },
      { timeoutMs },
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
