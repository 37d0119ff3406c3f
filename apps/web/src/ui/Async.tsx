import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData(update: (prev: T | undefined) => T | undefined): void;
}

/** Runs a loader on mount and when deps change; stale answers are dropped. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setDataState] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    loadRef
      .current(controller.signal)
      .then((d) => !controller.signal.aborted && setDataState(() => d))
      .catch((e: unknown) => !controller.signal.aborted && setError(e))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}

const KNOWN_CODES = ['NETWORK', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'STALE_VERSION', 'RATE_LIMITED', 'UNAVAILABLE', 'VALIDATION'];
/** Reasons the api gives in `details.reason` (livestream joins) that have their own sentence. */
const REASONS = ['ended', 'no-livestream', 'removed', 'locked', 'backstage'];
/** Api field names of the organiser forms and the label the form shows for them. */
const FIELD_LABELS: Record<string, MessageKey> = {
  slug: 'org.field.slug',
  title: 'org.field.title',
  startDate: 'org.field.startDate',
  endDate: 'org.field.endDate',
  timezone: 'org.field.timezone',
  format: 'org.field.format',
  venue: 'org.field.venue',
};

/** The field names a 400 answer names: `details.fields[].field` (DTO checks) or `details.field` (domain checks). */
function fieldsOf(details: Record<string, unknown> | undefined): string[] {
  const list = Array.isArray(details?.fields) ? (details.fields as { field?: unknown }[]).map((f) => f?.field) : [details?.field];
  return list.filter((f): f is string => typeof f === 'string');
}

/** A translated message for an api error. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      // A refusal with a known reason (an ended session, a locked room) says that reason, not the bare code.
      const reason = error.details?.reason;
      if (typeof reason === 'string' && REASONS.includes(reason)) return t(`error.reason.${reason}` as MessageKey);
      // The api's 400 message names the field; say it, with the form's label when the field has one.
      if (error.code === 'VALIDATION' && error.message) {
        const labels = fieldsOf(error.details).flatMap((f) => {
          const label = FIELD_LABELS[f.split('.').pop() ?? f]; // 'conference.timezone' is the form's timezone field
          return label ? [t(label)] : [];
        });
        return labels.length ? t('error.validationField', { field: labels.join(', '), message: error.message }) : t('error.validationMessage', { message: error.message });
      }
      const key = `error.${error.code}` as MessageKey;
      return KNOWN_CODES.includes(error.code) ? t(key) : t('error.generic', { message: error.message });
    }
    return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  };
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  return (
    <div role="alert" className="notice notice--error">
      <p>{text(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** Loading or failed page: still a page with its h1, so focus and screen readers land somewhere. */
export function PageFallback({ title, error, onRetry }: { title: string; error?: unknown; onRetry?: () => void }) {
  useEffect(() => {
    document.title = `${title} – Podium`;
  }, [title]);
  return (
    <div className="page">
      <h1 tabIndex={-1}>{title}</h1>
      {error ? <ErrorNote error={error} onRetry={onRetry} /> : <Loading />}
    </div>
  );
}
