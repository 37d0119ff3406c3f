import type { XmlCheck } from './schedule-text';

/**
 * The browser's own XML parser as the well-formedness check of the import page: the names of the root element and
 * its children, or the line and column its error names (Chromium: "line 3 at column 5", Firefox: "Line Number 3, Column 5").
 */
export const browserXmlCheck: XmlCheck = (xml) => {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (!error) return { root: doc.documentElement.nodeName, children: Array.from(doc.documentElement.children, (child) => child.nodeName) };
  const at = /line(?: number)? (\d+)(?:,| at) column (\d+)/i.exec(error.textContent ?? '');
  return at ? { line: Number(at[1]), column: Number(at[2]) } : {};
};
