/** A labelled input with an optional hint, the building block of the organiser forms. */
export function Field(props: { id: string; label: string; value: string; onChange(v: string): void; type?: string; required?: boolean; pattern?: string; hint?: string; min?: number; max?: number }) {
  const { id, label, value, onChange, type = 'text', required, pattern, hint, min, max } = props;
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} required={required} pattern={pattern} min={min} max={max} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      )}
    </div>
  );
}
