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

  it('delivers every invitation at most once (the rest in doubt, never resent blindly), when the sending process is killed and two others take over', async () => {
    const lines: string[] = [];
    const result = await runInvitations(mailpit, 60, 15, (line) => lines.push(line));
    expect(result.killedAfter).toBeGreaterThanOrEqual(15);
    expect(result.killedAfter).toBeLessThan(60); // the kill really happened while sending
    expect(result).toMatchObject({ people: 60, failed: 0, lastLinkWorks: true });
    // Never a second mail: a kill between the claim's commit and "accepted" leaves the row in doubt (at most one
    // per sending lane, 4), and what arrived plus what is in doubt and did not arrive is everybody.
    expect(result.duplicates).toBe(0);
    expect(result.inDoubt).toBeLessThanOrEqual(4);
    expect(result.sent + (result.inDoubt - result.inDoubtArrived)).toBe(60);
    expect(result.duplicatesWithWorkingLink).toBe(0);
  });
});
