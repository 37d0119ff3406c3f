// Invitations: import a list and send every invitation through the built api (killed once mid-send, then two
// new processes), vs nodemailer sending the same number of mails straight to the same Mailpit.
import { createTransport } from 'nodemailer';
import { startMailpit } from '../../test/support/mailpit';
import { runInvitations } from '../../test/support/invitation-run';
import { progress } from '../support/progress';
import type { BenchOptions } from '../support/options';
import type { Scenario } from './index';

/** The same pool size the api uses (MailTransport): a fair baseline. */
async function directSend(smtpUrl: string, people: number): Promise<number> {
  const transport = createTransport(`${smtpUrl}?pool=true&maxConnections=4`);
  const started = Date.now();
  await Promise.all(
    Array.from({ length: people }, (_, i) =>
      transport.sendMail({ from: 'Podium <podium@localhost>', to: `baseline-${i}@example.org`, subject: 'Einladung', text: `Guten Tag, https://example.org/signin/${'x'.repeat(43)}` }),
    ),
  );
  transport.close();
  return (Date.now() - started) / 1000;
}

export const invitations: Scenario = {
  name: 'invitations',
  summary: 'import --people N (300) and send all invitations to a local Mailpit; the api is killed mid-send and restarted (--kill-after N, 0: no kill)',
  async run(options: BenchOptions) {
    const people = options.int('people', 300);
    const killAfter = options.int('kill-after', Math.floor(people / 3));
    const mailpit = await startMailpit();
    try {
      const ours = await runInvitations(mailpit, people, killAfter > 0 ? killAfter : null, progress);
      progress(`ours: ${JSON.stringify(ours)}`);
      await mailpit.clear();
      const baselineSeconds = await directSend(mailpit.smtpUrl, people);
      const arrived = (await mailpit.waitFor(people)).length;
      progress(`baseline: ${arrived} mails in ${baselineSeconds} s`);
      return {
        people,
        sent: ours.sent,
        failed: ours.failed,
        duplicates: ours.duplicates,
        different_duplicates: ours.differentDuplicates,
        sent_again: ours.sentAgain,
        in_doubt: ours.inDoubt,
        in_doubt_arrived: ours.inDoubtArrived,
        seconds: ours.seconds,
        killed: ours.killedAfter !== null,
        killed_after: ours.killedAfter,
        resent_after_kill: ours.resent,
        duplicate_message_ids: ours.duplicateMessageIds,
        missing: ours.missing,
        duplicates_with_working_link: ours.duplicatesWithWorkingLink,
        last_link_works: ours.lastLinkWorks,
        baseline: { name: 'nodemailer straight to Mailpit (pool of 4, no database)', sent: arrived, seconds: Math.round(baselineSeconds * 100) / 100 },
        ratio: Math.round((ours.seconds / baselineSeconds) * 10) / 10,
      };
    } finally {
      await mailpit.stop();
    }
  },
};
