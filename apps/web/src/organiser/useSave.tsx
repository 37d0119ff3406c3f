import { useState } from 'react';
import { ErrorNote } from '../ui/Async';

/** One save action of an organiser form: its error, its success message, and the feedback to show. */
export function useSave() {
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState('');
  const save = async (work: () => Promise<string>) => {
    setError(undefined);
    try {
      setSaved(await work());
    } catch (err) {
      setError(err);
    }
  };
  const feedback = (
    <>
      {error ? <ErrorNote error={error} /> : null}
      <p role="status">{saved}</p>
    </>
  );
  return { save, feedback };
}
