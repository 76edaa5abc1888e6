import { Logger, LoggerService } from '@nestjs/common';
import { SERVICES, type ServiceName } from '@glimmer/contracts/contract';
import { DomainError } from '@glimmer/errors/domain-error';
import { DeadLetterService } from '@glimmer/messaging/dead-letters/dead-letter.service';
import { messagingOptionsFrom } from '@glimmer/messaging/messaging.options';
import type { GatewayConfig } from '../../gateway.config';

export const DEAD_LETTER_COMMANDS = [
  'dead-letters:list',
  'dead-letters:replay',
  'dead-letters:discard',
] as const;
export type DeadLetterCommand = (typeof DEAD_LETTER_COMMANDS)[number];

/** What a command prints (as JSON on stdout) and the process's exit code. */
export interface CommandResult {
  exitCode: number;
  output: unknown;
}

/** Exit codes: 0 done, 1 no such dead letter (or the broker failed), 2 bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const USAGE =
  'dead-letters:list [--service <service>] | dead-letters:replay <id> | dead-letters:discard <id>';

function usage(detail: string): CommandResult {
  return { exitCode: EXIT.usage, output: { error: 'usage', detail, usage: USAGE } };
}

/**
 * Runs one dead-letter command against `deadLetters` (the same service the HTTP endpoints
 * use, so a CLI operation and an HTTP one are equivalent). Never throws for a domain error:
 * it becomes `{ error, detail }` and a non-zero exit code.
 */
export async function runDeadLetterCommand(
  deadLetters: DeadLetterService,
  command: DeadLetterCommand,
  args: readonly string[],
): Promise<CommandResult> {
  try {
    switch (command) {
      case 'dead-letters:list': {
        let service: ServiceName | undefined;
        for (let i = 0; i < args.length; i++) {
          const arg = args[i];
          const value = arg.startsWith('--service=') ? arg.slice('--service='.length) : undefined;
          if (arg === '--service' || value !== undefined) {
            const name = value ?? args[++i];
            if (!name || !(SERVICES as readonly string[]).includes(name))
              return usage(`--service must be one of ${SERVICES.join(', ')}`);
            service = name as ServiceName;
          } else {
            return usage(`unexpected argument "${arg}"`);
          }
        }
        const data = await deadLetters.list(service);
        return { exitCode: EXIT.ok, output: { data, count: data.length } };
      }
      case 'dead-letters:replay':
      case 'dead-letters:discard': {
        if (args.length !== 1 || !args[0] || args[0].startsWith('-'))
          return usage(`${command} takes exactly one dead letter id`);
        const letter =
          command === 'dead-letters:replay'
            ? await deadLetters.replay(args[0])
            : await deadLetters.discard(args[0]);
        const action = command === 'dead-letters:replay' ? 'replayed' : 'discarded';
        return { exitCode: EXIT.ok, output: { [action]: letter } };
      }
    }
  } catch (err) {
    if (err instanceof DomainError)
      return { exitCode: EXIT.failed, output: { error: err.code, detail: err.message } };
    throw err;
  }
}

/** Log lines go to stderr as JSON, so stdout holds only the command's result. */
export class StderrLogger implements LoggerService {
  private write(level: string, message: unknown, context?: unknown): void {
    process.stderr.write(
      `${JSON.stringify({ level, service: 'gateway', context, msg: String(message) })}\n`,
    );
  }
  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  error(message: unknown, context?: string): void {
    this.write('error', message, context);
  }
}

/**
 * `node main.js dead-letters:<list|replay|discard> ...`: no HTTP server, no Nest application,
 * only a DeadLetterService on its own broker connection, closed before returning.
 */
export async function deadLetterCli(
  config: GatewayConfig,
  command: DeadLetterCommand,
  args: readonly string[],
): Promise<number> {
  Logger.overrideLogger(new StderrLogger());
  const deadLetters = new DeadLetterService(messagingOptionsFrom('gateway', config));
  try {
    const { exitCode, output } = await runDeadLetterCommand(deadLetters, command, args);
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return exitCode;
  } finally {
    await deadLetters.onApplicationShutdown();
  }
}
