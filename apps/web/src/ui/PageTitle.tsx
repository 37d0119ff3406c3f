import { useEffect, type ReactNode } from 'react';

/** The page's h1 (focus target after navigation) and the document title. */
export function PageTitle({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Podium`;
  }, [title]);
  return (
    <div className="page-title">
      <h1 tabIndex={-1}>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </div>
  );
}
