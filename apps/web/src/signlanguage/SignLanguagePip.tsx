import { type KeyboardEvent } from 'react';
import { useLocalParticipant, useParticipantAttributes, useTracks, VideoTrack, type TrackReference } from '@livekit/components-react';
import { Track, type LocalParticipant } from 'livekit-client';
import { INTERPRETATION_ATTRIBUTES, SIGN_LANGUAGE_VIDEO } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { usePublishWhenConnected, type Publishing } from '../media/usePublishWhenConnected';
import { moveCorner, resize, type Direction } from './pip-prefs';
import { usePipPrefs } from './usePipPrefs';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** A sign-language interpreter: pinned by the api (`pinned`), with no spoken channel. */
const isSignInterpreter = (attributes: Readonly<Record<string, string>> | undefined) =>
  attributes?.pinned === 'true' && !attributes[INTERPRETATION_ATTRIBUTES.channel];

/**
 * The sign-language interpreter as a picture-in-picture for every viewer, which each viewer moves (arrow keys or
 * the move button), enlarges or hides; remembered on the device. Also publishes the interpreter's own camera
 * at the BITV size and rate.
 */
export function SignLanguagePip() {
  const { t } = useI18n();
  const [prefs, update] = usePipPrefs();
  const refs = useTracks([{ source: Track.Source.Camera, withPlaceholder: false }], { onlySubscribed: true }).filter(
    (r): r is TrackReference => isSignInterpreter(r.participant.attributes) && r.publication !== undefined,
  );
  useSignLanguageCamera();
  if (refs.length === 0) return null;
  if (prefs.hidden) {
    return (
      <button type="button" className="button sign-pip__show" onClick={() => update({ hidden: false })} data-testid="sign-pip-show">
        {t('signLanguage.show')}
      </button>
    );
  }
  const onKey = (e: KeyboardEvent) => {
    const direction = ARROWS[e.key];
    if (direction) update({ corner: moveCorner(prefs.corner, direction) });
    else if (e.key === '+') update({ size: resize(prefs.size, 1) });
    else if (e.key === '-') update({ size: resize(prefs.size, -1) });
    else return;
    e.preventDefault();
  };
  return (
    <section
      className={`sign-pip sign-pip--${prefs.corner} sign-pip--${prefs.size}`}
      aria-label={t('signLanguage.region')}
      aria-describedby="sign-pip-help"
      tabIndex={0}
      onKeyDown={onKey}
      data-testid="sign-pip"
      data-corner={prefs.corner}
      data-size={prefs.size}
    >
      {refs.map((ref) => (
        <VideoTrack key={ref.participant.identity} trackRef={ref} className="sign-pip__video" aria-label={ref.participant.name || ref.participant.identity} />
      ))}
      <p id="sign-pip-help" className="visually-hidden">{t('signLanguage.help')}</p>
      <div className="sign-pip__controls" role="group" aria-label={t('signLanguage.controls')}>
        <button type="button" className="button" onClick={() => update({ corner: nextCorner(prefs.corner) })}>
          {t('signLanguage.move')}
        </button>
        <button type="button" className="button" disabled={prefs.size === 'large'} onClick={() => update({ size: resize(prefs.size, 1) })}>
          {t('signLanguage.larger')}
        </button>
        <button type="button" className="button" disabled={prefs.size === 'small'} onClick={() => update({ size: resize(prefs.size, -1) })}>
          {t('signLanguage.smaller')}
        </button>
        <button type="button" className="button" onClick={() => update({ hidden: true })}>
          {t('signLanguage.hide')}
        </button>
      </div>
    </section>
  );
}

/** Clockwise, for the move button. */
function nextCorner(corner: string): 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' {
  const order = ['top-left', 'top-right', 'bottom-right', 'bottom-left'] as const;
  return order[(order.indexOf(corner as (typeof order)[number]) + 1) % order.length];
}

/** A sign-language interpreter publishes the camera as SIGN_LANGUAGE_VIDEO says: 640x480 at 25 fps, one encoding. */
const SIGN_LANGUAGE_CAMERA: Publishing = {
  publish: (p: LocalParticipant) => {
    const v = SIGN_LANGUAGE_VIDEO;
    return p.setCameraEnabled(
      true,
      { resolution: { width: v.width, height: v.height, frameRate: v.fps } },
      { videoEncoding: { maxBitrate: v.maxBitrate, maxFramerate: v.fps }, simulcast: v.simulcast },
    );
  },
  unpublish: (p: LocalParticipant) => p.setCameraEnabled(false),
};

/** The interpreter's own camera, published once connected and again after a dropped room (usePublishWhenConnected). */
function useSignLanguageCamera() {
  const { localParticipant } = useLocalParticipant();
  const { attributes } = useParticipantAttributes({ participant: localParticipant });
  usePublishWhenConnected(isSignInterpreter(attributes), SIGN_LANGUAGE_CAMERA);
}
