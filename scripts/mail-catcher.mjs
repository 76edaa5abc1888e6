// A local SMTP receiver for `npm start` when no SMTP_URL is configured: every email Glimmer
// sends is printed to the console (and kept, so the seed can read the demo invite's token).
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export async function startMailCatcher(print) {
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []);
          const message = { to, subject: mail.subject ?? '', text: mail.text ?? '' };
          messages.push(message);
          print(message);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    async waitFor(to, subject, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => m.to.includes(to) && subject.test(m.subject));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${subject}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
