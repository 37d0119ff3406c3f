import { paragraphs } from './paragraphs';

/** Text organisers typed (statement, Leichte Sprache) as paragraphs of lines; never HTML. */
export function OrganiserText({ text }: { text: string }) {
  return (
    <>
      {paragraphs(text).map((lines, i) => (
        <p key={i}>
          {lines.map((line, j) => (
            <span key={j} className="start-slots__line">
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
