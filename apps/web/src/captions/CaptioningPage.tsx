import { LiveKitRoom, useRoomContext } from '@livekit/components-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { captionAttributes, TRANSCRIPTION_TOPIC } from '@podium/contracts';
import { storeCaption } from '../api/captions';
import { Link, paths } from '../app/router';
import { useAuth } from '../auth/AuthProvider';
import { useFishbowl } from '../fishbowl/useFishbowl';
import { useI18n } from '../i18n/I18nProvider';
import { peopleOf } from '../programme/helpers';
import { useProgramme } from '../programme/useProgramme';
import { useJoinGrant } from '../session/useJoinGrant';
import { ErrorNote } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { newSegmentId } from './caption-prefs';
import { speakerChoices } from './speakers';
import { TranscriptLinks } from './TranscriptLinks';

const LANGUAGES = ['de', 'en', 'de-DE-x-ls'];
/** Interim text at most this often: viewers see typing live without a stream per keystroke. */
const INTERIM_MS = 250;

/** The captioner's console: joins the stage room with a data-only grant and sends LiveKit transcriptions. */
export function CaptioningPage({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const programme = useProgramme(slug);
  const info = programme.data?.sessions.find((s) => s.id === sessionId);
  const fishbowl = useFishbowl(sessionId, info?.kind === 'fishbowl' && session ? session.token : null);
  const { grant, error, renew } = useJoinGrant(sessionId, !!session);
  const chairs = fishbowl.view?.chairs.map((c) => c.occupant?.displayName) ?? [];
  const speakers = info && programme.data ? speakerChoices(chairs, peopleOf(info, programme.data)) : speakerChoices(chairs, []);
  return (
    <div className="page captioning-page">
      <p className="breadcrumb">
        <Link to={paths.live(slug, sessionId)}>{t('live.title')}</Link>
      </p>
      <PageTitle title={t('captions.console.title')} lead={info?.title} />
      {error && !grant ? <ErrorNote error={error} onRetry={renew} /> : null}
      {grant && grant.role !== 'captioner' && grant.role !== 'moderator' && grant.role !== 'organiser' ? <p role="alert">{t('captions.console.notAllowed')}</p> : null}
      {grant ? (
        <LiveKitRoom serverUrl={grant.url} token={grant.token} connect audio={false} video={false}>
          <CaptionConsole sessionId={sessionId} speakers={speakers} defaultLanguage={info?.language ?? 'de'} />
        </LiveKitRoom>
      ) : (
        !error && <p className="muted">{t('live.connecting')}</p>
      )}
    </div>
  );
}

interface Sent {
  segmentId: string;
  text: string;
  speaker: string | null;
  language: string;
  startedAt: string;
}

function CaptionConsole({ sessionId, speakers, defaultLanguage }: { sessionId: string; speakers: string[]; defaultLanguage: string }) {
  const { t } = useI18n();
  const room = useRoomContext();
  const [text, setText] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [language, setLanguage] = useState(LANGUAGES.includes(defaultLanguage) ? defaultLanguage : 'de');
  const [sent, setSent] = useState<Sent[]>([]);
  const [correcting, setCorrecting] = useState<Sent | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const line = useRef<{ segmentId: string; startedAt: string } | null>(null);
  const lastInterim = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!speaker && speakers.length) setSpeaker(speakers[0]);
  }, [speaker, speakers]);

  const send = (segmentId: string, body: string, final: boolean) =>
    room.localParticipant
      .sendText(body, { topic: TRANSCRIPTION_TOPIC, attributes: captionAttributes({ segmentId, final, speaker: speaker || null, language }) })
      .catch((e: unknown) => setProblem(String((e as Error)?.message ?? e)));

  const onType = (value: string) => {
    setText(value);
    if (correcting || !value.trim()) return; // a correction goes out whole, on Enter
    if (!line.current) line.current = { segmentId: newSegmentId(Date.now()), startedAt: new Date().toISOString() };
    const { segmentId } = line.current;
    clearTimeout(timer.current);
    const wait = Math.max(0, lastInterim.current + INTERIM_MS - Date.now());
    timer.current = setTimeout(() => {
      lastInterim.current = Date.now();
      if (line.current?.segmentId === segmentId) void send(segmentId, value.trim(), false);
    }, wait);
  };

  const finish = async () => {
    const body = text.trim();
    if (!body) return;
    clearTimeout(timer.current);
    const current: Sent = correcting
      ? { ...correcting, text: body, speaker: speaker || null, language }
      : { segmentId: line.current?.segmentId ?? newSegmentId(Date.now()), startedAt: line.current?.startedAt ?? new Date().toISOString(), text: body, speaker: speaker || null, language };
    line.current = null;
    setText('');
    setCorrecting(null);
    await send(current.segmentId, body, true);
    setSent((old) => [...old.filter((s) => s.segmentId !== current.segmentId), current].slice(-50));
    storeCaption(sessionId, current).then(
      () => setProblem(null),
      (e: unknown) => setProblem(t('captions.console.notSaved', { error: String((e as Error)?.message ?? e) })),
    );
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void finish();
    }
  };

  const correctLast = () => {
    const last = sent[sent.length - 1];
    if (!last) return;
    clearTimeout(timer.current);
    line.current = null;
    setCorrecting(last);
    setText(last.text);
    input.current?.focus();
  };

  return (
    <div className="caption-console">
      <p>{t('captions.console.lead')}</p>
      <div className="caption-console__meta">
        <label>
          {t('captions.console.speaker')}{' '}
          <select value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
            <option value="">{t('captions.console.noSpeaker')}</option>
            {speakers.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>
          {t('captions.console.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value)}>
            {LANGUAGES.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
      </div>
      <label className="caption-console__text">
        {t('captions.console.text')}
        <textarea ref={input} rows={3} maxLength={2000} value={text} onChange={(e) => onType(e.target.value)} onKeyDown={onKey} data-testid="caption-input" />
      </label>
      {correcting && <p role="status">{t('captions.console.correcting')}</p>}
      <div className="caption-console__actions">
        <button type="button" className="button button--primary" onClick={() => void finish()} disabled={!text.trim()}>{t('captions.console.send')}</button>
        <button type="button" className="button" onClick={correctLast} disabled={sent.length === 0 || !!correcting}>{t('captions.console.correct')}</button>
      </div>
      {problem && <p role="alert">{problem}</p>}
      <TranscriptLinks sessionId={sessionId} />
      <h2>{t('captions.console.sent')}</h2>
      <ol className="caption-console__sent" data-testid="caption-sent">
        {sent.map((s) => (
          <li key={s.segmentId} lang={s.language}>{s.speaker ? `${s.speaker}: ` : ''}{s.text}</li>
        ))}
      </ol>
    </div>
  );
}
