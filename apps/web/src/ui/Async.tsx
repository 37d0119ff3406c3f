import { useCallback, useEffect, useMemo, useRef, useState, type DependencyList } from 'react';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { problemsOf } from '../i18n/validation-text';
import { valueFormat } from '../i18n/values';

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

/** A translated message for an api error. */
export function useErrorText(): (error: unknown) => string {
  const { t, lang } = useI18n();
  const f = useMemo(() => valueFormat(lang, t), [lang, t]);
  return (error: unknown) => {
    if (error instanceof ApiError) {
      // A refusal with a known reason (an ended session, a locked room) says that reason, not the bare code.
      const reason = error.details?.reason;
      if (typeof reason === 'string' && REASONS.includes(reason)) return t(`error.reason.${reason}` as MessageKey);
      // A 400 names the field and the rule it broke: said with the form's label, in the interface language.
      if (error.code === 'VALIDATION' && error.message) return t('error.validationProblems', { problems: problemsOf(error, f, t) });
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
