import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Which row of a list has its editor open, and where focus goes when it closes:
 * back to the row's "Bearbeiten" button, or to the list heading when the row is gone.
 */
export function useRowEditor() {
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const heading = useRef<HTMLHeadingElement>(null);
  const buttonRef = (id: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(id, el);
    else buttons.current.delete(id);
  };
  const close = (id: string, message?: string) => {
    // The editor must be gone before focus moves, or focus would land on a removed element.
    flushSync(() => setEditing(null));
    if (message) setStatus(message);
    buttons.current.get(id)?.focus();
  };
  const removed = (message: string) => {
    flushSync(() => setEditing(null));
    setStatus(message);
    heading.current?.focus();
  };
  const toggle = (id: string) => (editing === id ? close(id) : setEditing(id));
  return { editing, status, setStatus, heading, buttonRef, close, removed, toggle };
}
