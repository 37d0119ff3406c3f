import { startMailpit, type Mailpit } from '../support/mailpit';
import { runInvitations } from '../support/invitation-run';
import { startSmtpFaultRelay, type SmtpFaultRelay } from '../support/smtp-fault-relay';

// The built api as its own process, killed (SIGKILL) while it sends, then two fresh processes on the same outbox.
describe('invitation mails across a crash and several processes', () => {
  let mailpit: Mailpit;
  let relay: SmtpFaultRelay;

  beforeAll(async () => {
    mailpit = await startMailpit();
    // The first mail's DATA is never answered: at the kill that claim is certainly not handed over.
    relay = await startSmtpFaultRelay(mailpit.smtpUrl, { beforeBody: () => new Promise<void>(() => undefined) });
  });

  afterAll(async () => {
    await relay?.stop();
    await mailpit?.stop();
  });

  it('delivers every invitation exactly once when the sending process is killed and two others take over (in doubt only what was handed over)', async () => {
    const lines: string[] = [];
    const result = await runInvitations(mailpit, 60, 15, (line) => lines.push(line), relay.smtpUrl);
    expect(result.killedAfter).toBeGreaterThanOrEqual(15);
    expect(result.killedAfter).toBeLessThan(60); // the kill really happened while sending
    expect(result).toMatchObject({ people: 60, failed: 0, lastLinkWorks: true });
    // Never a second mail (by recipient and by Message-ID), and everybody not in doubt got exactly one. Claims the
    // dead process had not handed over (no end of message written) were sent again by the others; only a mail
    // whose end went out just before the kill can be in doubt, at most one per sending lane (4).
    expect(result.duplicates).toBe(0);
    expect(result.duplicateMessageIds).toBe(0);
    expect(result.missing).toBe(0);
    expect(result.inDoubt).toBeLessThanOrEqual(4);
    expect(result.sent + (result.inDoubt - result.inDoubtArrived)).toBe(60);
    expect(result.duplicatesWithWorkingLink).toBe(0);
    // The claim held at DATA was not handed over: sent again by the new processes, not left in doubt.
    expect(result.resent).toBeGreaterThanOrEqual(1);
  });
});
