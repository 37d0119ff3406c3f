import { useCallback, useState } from 'react';
import type { FishbowlAck } from '@podium/contracts';
import { ApiError } from '../api/http';
import { useErrorText } from '../ui/Async';

/** Runs one command at a time and keeps its error text for a live region. */
export function useCommand() {
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const run = useCallback(
    async (command: () => Promise<FishbowlAck | unknown>, okText?: string) => {
      setBusy(true);
      setMessage(null);
      try {
        const ack = await command();
        const failed = ack && typeof ack === 'object' && 'error' in ack && (ack as { ok?: boolean }).ok !== true;
        if (failed) {
          const e = (ack as { error: { code: string; message: string } }).error;
          setMessage({ kind: 'error', text: errorText(new ApiError(0, e.code, e.message)) });
        } else if (okText) setMessage({ kind: 'ok', text: okText });
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
