import { useCallback, useState } from 'react';
import { ApiError } from '../api/http';
import { useErrorText } from '../ui/Async';

/**
 * Runs one command at a time and keeps its error text for a live region. The success text may
 * depend on the answer (e.g. whether a stage change reached LiveKit at once).
 */
export function useCommand() {
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const run = useCallback(
    async <R,>(command: () => Promise<R>, okText?: string | ((result: R) => string)) => {
      setBusy(true);
      setMessage(null);
      try {
        const ack = await command();
        const failed = ack && typeof ack === 'object' && 'error' in ack && (ack as { ok?: boolean }).ok !== true;
        if (failed) {
          const e = (ack as { error: { code: string; message: string } }).error;
          setMessage({ kind: 'error', text: errorText(new ApiError(0, e.code, e.message)) });
        } else if (okText) setMessage({ kind: 'ok', text: typeof okText === 'function' ? okText(ack) : okText });
      } catch (error) {
        setMessage({ kind: 'error', text: errorText(error) });
      } finally {
        setBusy(false);
      }
    },
    [errorText],
  );
  return { busy, message, run };
}

/** What `useCommand().run` accepts, for components that want the answer in their success text. */
export type RunCommand = <R>(command: () => Promise<R>, okText?: string | ((result: R) => string)) => void;
