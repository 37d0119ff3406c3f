import { useMaybeRoomContext } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { muteParticipant, removeParticipant } from '../api/moderation';
import { useI18n } from '../i18n/I18nProvider';
import { ConfirmButton } from '../ui/ConfirmButton';

interface Props {
  sessionId: string;
  personId: string;
  name: string;
  busy: boolean;
  run(command: () => Promise<unknown>, okText?: string): void;
}

/** Mute someone's microphone (the api needs its track sid from LiveKit) or remove them from the session. */
export function ParticipantActions({ sessionId, personId, name, busy, run }: Props) {
  const { t } = useI18n();
  const room = useMaybeRoomContext();
  const mic = room?.remoteParticipants.get(personId)?.getTrackPublication(Track.Source.Microphone);
  return (
    <>
      <button type="button" disabled={busy || !mic || mic.isMuted} onClick={() => mic && run(() => muteParticipant(sessionId, personId, mic.trackSid), t('mod.muted', { name }))}>
        {t('mod.mute')}
        <span className="visually-hidden"> {name}</span>
      </button>
      <ConfirmButton question={t('mod.banQuestion', { name })} disabled={busy} onConfirm={() => run(() => removeParticipant(sessionId, personId), t('mod.banned', { name }))}>
        {t('mod.ban')}
        <span className="visually-hidden"> {name}</span>
      </ConfirmButton>
    </>
  );
}
