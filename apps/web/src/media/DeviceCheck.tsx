import { useEffect, useRef, useState } from 'react';
import { createLocalTracks, Room, Track, type LocalAudioTrack, type LocalTrack, type LocalVideoTrack } from 'livekit-client';
import { useI18n } from '../i18n/I18nProvider';

export type CheckResult = 'pending' | 'ok' | 'failed';

interface Props {
  /** Told once the check finished, either way. */
  onResult?(result: CheckResult): void;
  compact?: boolean;
}

/** Camera preview and microphone level with LiveKit's local tracks; choose devices. */
export function DeviceCheck({ onResult, compact }: Props) {
  const { t } = useI18n();
  const [result, setResult] = useState<CheckResult>('pending');
  const [error, setError] = useState<string | null>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [mics, setMics] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState<string>();
  const [micId, setMicId] = useState<string>();
  const [level, setLevel] = useState(0);
  const videoRef = useRef<HTMLVideoElement>(null);
  const onResultRef = useRef(onResult);
  onResultRef.current = onResult;

  useEffect(() => {
    let tracks: LocalTrack[] = [];
    let stopped = false;
    let frame = 0;
    let context: AudioContext | null = null;
    (async () => {
      try {
        tracks = await createLocalTracks({ audio: micId ? { deviceId: micId } : true, video: cameraId ? { deviceId: cameraId } : true });
        if (stopped) return tracks.forEach((tr) => tr.stop());
        const video = tracks.find((tr) => tr.kind === Track.Kind.Video) as LocalVideoTrack | undefined;
        const audio = tracks.find((tr) => tr.kind === Track.Kind.Audio) as LocalAudioTrack | undefined;
        if (video && videoRef.current) video.attach(videoRef.current);
        if (audio) {
          context = new AudioContext();
          const analyser = context.createAnalyser();
          analyser.fftSize = 256;
          context.createMediaStreamSource(new MediaStream([audio.mediaStreamTrack])).connect(analyser);
          const data = new Uint8Array(analyser.frequencyBinCount);
          const loop = () => {
            analyser.getByteTimeDomainData(data);
            let peak = 0;
            for (const v of data) peak = Math.max(peak, Math.abs(v - 128));
            setLevel(Math.min(1, peak / 64));
            frame = requestAnimationFrame(loop);
          };
          loop();
        }
        const devices = await Room.getLocalDevices(undefined, true);
        setCameras(devices.filter((d) => d.kind === 'videoinput'));
        setMics(devices.filter((d) => d.kind === 'audioinput'));
        setResult('ok');
        setError(null);
        onResultRef.current?.('ok');
      } catch (e) {
        if (stopped) return;
        setResult('failed');
        setError((e as Error).message);
        onResultRef.current?.('failed');
      }
    })();
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      void context?.close();
      tracks.forEach((tr) => tr.stop());
    };
  }, [cameraId, micId]);

  return (
    <div className={`device-check${compact ? ' is-compact' : ''}`}>
      <video ref={videoRef} className="device-check__video" muted playsInline aria-label={t('device.preview')} />
      <div className="device-check__side">
        <label htmlFor="mic-level">{t('device.micLevel')}</label>
        <meter id="mic-level" min={0} max={1} low={0.05} value={level}>
          {Math.round(level * 100)} %
        </meter>
        {cameras.length > 1 && (
          <div className="form-row">
            <label htmlFor="camera-select">{t('device.camera')}</label>
            <select id="camera-select" value={cameraId ?? ''} onChange={(e) => setCameraId(e.target.value || undefined)}>
              {cameras.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || t('device.cameraN', { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        )}
        {mics.length > 1 && (
          <div className="form-row">
            <label htmlFor="mic-select">{t('device.microphone')}</label>
            <select id="mic-select" value={micId ?? ''} onChange={(e) => setMicId(e.target.value || undefined)}>
              {mics.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || t('device.microphoneN', { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        )}
        <p role="status" data-testid="device-check-result" data-result={result}>
          {result === 'pending' && t('device.checking')}
          {result === 'ok' && t('device.ok')}
          {result === 'failed' && t('device.failed', { message: error ?? '' })}
        </p>
      </div>
    </div>
  );
}
