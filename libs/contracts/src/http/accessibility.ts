/** What organisers enter for a conference's accessibility (BITV 2.0 § 4 start page slots, § 7 statement). */
export interface AccessibilityBody {
  /** A German Sign Language (DGS) video for the start page: an https URL of a video file or page. */
  dgsVideoUrl: string | null;
  /** Leichte Sprache (easy-to-read German) text for the start page; paragraphs separated by blank lines. */
  easyLanguage: string | null;
  /** Who to contact about accessibility (name, mail, phone). */
  contact: string | null;
  /** How to report barriers (the feedback mechanism). */
  feedback: string | null;
  /** ISO date (YYYY-MM-DD) the statement was made or last reviewed. */
  statementDate: string | null;
  /** Known limitations, parts that are not accessible, and why. */
  limitations: string | null;
}

/** `GET /api/conferences/:slug/accessibility`: what organisers entered plus the automated checks the project runs. */
export interface AccessibilityStatement extends AccessibilityBody {
  conferenceTitle: string;
  /** ISO, or null when nothing was entered yet. */
  updatedAt: string | null;
  checks: AutomatedCheck[];
}

/** One automated check the project runs on every version (in CI), described for the statement. */
export interface AutomatedCheck {
  id: string;
  /** German, for the statement page. */
  what: string;
  tool: string;
  /** The test file that runs it. */
  where: string;
}
