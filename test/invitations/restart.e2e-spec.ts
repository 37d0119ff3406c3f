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

  it('delivers every invitation when the sending process is killed and two others take over (never two different mails)', async () => {
    const lines: string[] = [];
    const result = await runInvitations(mailpit, 60, 15, (line) => lines.push(line), relay.smtpUrl);
    expect(result.killedAfter).toBeGreaterThanOrEqual(15);
    expect(result.killedAfter).toBeLessThan(60); // the kill really happened while sending
    expect(result).toMatchObject({ people: 60, sent: 60, failed: 0, missing: 0, inDoubt: 0, differentDuplicates: 0, lastLinkWorks: true });
    // Claims the dead process had not handed over (no end of message written) were sent again by the others as new
    // mails; only a mail whose end went out just before the kill was in doubt, at most one per sending lane (4), and
    // went out again unchanged. So a person can only have copies of one mail: same Message-ID, same working link.
    expect(result.sentAgain).toBeLessThanOrEqual(4);
    expect(result.duplicates).toBeLessThanOrEqual(result.sentAgain);
    expect(result.duplicateMessageIds).toBe(result.duplicates);
    expect(result.duplicatesWithWorkingLink).toBe(result.duplicates);
    // The claim held at DATA was not handed over: sent again by the new processes as a new mail, not as a copy.
    expect(result.resent).toBeGreaterThanOrEqual(1);
  });
});
