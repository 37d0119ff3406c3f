import { useState } from 'react';
import { request } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';

const FORMATS = [
  ['vtt', 'WebVTT'],
  ['srt', 'SRT'],
  ['txt', 'Text'],
] as const;

/** Downloads of the session's transcript; fetched with the session token (a plain link would carry none). */
export function TranscriptLinks({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const download = async (format: string) => {
    try {
      const text = await request<string>('GET', `/api/sessions/${encodeURIComponent(sessionId)}/transcript?format=${format}`);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `transcript-${sessionId}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setProblem(null);
    } catch (e) {
      setProblem(String((e as Error)?.message ?? e));
    }
  };
  return (
    <p className="transcript-links">
      {t('captions.transcript')}:{' '}
      {FORMATS.map(([format, label]) => (
        <button key={format} type="button" className="button" onClick={() => void download(format)}>{label}</button>
      ))}
      {problem && <span role="alert"> {problem}</span>}
    </p>
  );
}
