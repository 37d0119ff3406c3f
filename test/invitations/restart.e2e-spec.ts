import { startMailpit, type Mailpit } from '../support/mailpit';
import { runInvitations } from '../support/invitation-run';

// The built api as its own process, killed (SIGKILL) while it sends, then two fresh processes on the same outbox.
describe('invitation mails across a crash and several processes', () => {
  let mailpit: Mailpit;

  beforeAll(async () => {
    mailpit = await startMailpit();
  });

  afterAll(async () => {
    await mailpit?.stop();
  });

  it('delivers every invitation once with one working link, when the sending process is killed and two others take over', async () => {
    const lines: string[] = [];
    const result = await runInvitations(mailpit, 60, 15, (line) => lines.push(line));
    expect(result.killedAfter).toBeGreaterThanOrEqual(15);
    expect(result.killedAfter).toBeLessThan(60); // the kill really happened while sending
    expect(result).toMatchObject({ people: 60, sent: 60, failed: 0, lastLinkWorks: true });
    // SMTP cannot be exactly-once: a kill between the server's "accepted" and our COMMIT (one local round trip)
    // sends that mail again. Then at most one mail per killed lane (4) is extra, and its link never works.
    expect(result.duplicates).toBeLessThanOrEqual(4);
    expect(result.duplicatesWithWorkingLink).toBe(0);
  });
});
