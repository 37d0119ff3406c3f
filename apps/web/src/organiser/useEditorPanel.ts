import { useEffect, useRef, useState } from 'react';

/**
 * What every row editor shares: focus lands on its heading when it opens (keyboard and screen reader
 * users start at the form), and deleting keeps the api's refusal to show it.
 */
export function useEditorPanel(deleteIt: () => Promise<void>, onDeleted: () => void) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<unknown>();
  useEffect(() => heading.current?.focus(), []);
  const remove = async () => {
    setError(undefined);
    try {
      await deleteIt();
      onDeleted();
    } catch (err) {
      setError(err);
    }
  };
  return { heading, error, setError, remove };
}
