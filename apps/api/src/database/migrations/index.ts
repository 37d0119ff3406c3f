import { Foundation1732590000000 } from './1732590000000-foundation';
import { Livestream1732600000000 } from './1732600000000-livestream';
import { Fishbowl1732610000000 } from './1732610000000-fishbowl';
import { Programme1732620000000 } from './1732620000000-programme';
import { Trust1732630000000 } from './1732630000000-trust';
import { Captions1732640000000 } from './1732640000000-captions';
import { Invitations1732645000000 } from './1732645000000-invitations';
import { ScheduleExchange1732645170000 } from './1732645170000-schedule-exchange';
import { Questions1732650000000 } from './1732650000000-questions';
import { Chat1732651000000 } from './1732651000000-chat';
import { Polls1732652000000 } from './1732652000000-polls';
import { Accessibility1732653000000 } from './1732653000000-accessibility';
import { Forums1732655000000 } from './1732655000000-forums';
import { StageLayout1732663000000 } from './1732663000000-stage-layout';
import { NetworkingRounds1732664000000 } from './1732664000000-networking-rounds';
import { BoothChatForumPresence1732665000000 } from './1732665000000-booth-chat-forum-presence';
import { MailInDoubt1732666000000 } from './1732666000000-mail-in-doubt';
import { MailHandedOver1732667000000 } from './1732667000000-mail-handed-over';
import { MailSameMailAgain1732668000000 } from './1732668000000-mail-same-mail-again';

/** Every migration, in order. Listed explicitly so the compiled build finds them without globbing. */
export const migrations = [
  Foundation1732590000000,
  Livestream1732600000000,
  Fishbowl1732610000000,
  Programme1732620000000,
  Trust1732630000000,
  Captions1732640000000,
  Invitations1732645000000,
  ScheduleExchange1732645170000,
  Questions1732650000000,
  Chat1732651000000,
  Polls1732652000000,
  Accessibility1732653000000,
  Forums1732655000000,
  StageLayout1732663000000,
  NetworkingRounds1732664000000,
  BoothChatForumPresence1732665000000,
  MailInDoubt1732666000000,
  MailHandedOver1732667000000,
  MailSameMailAgain1732668000000,
];
