/**
 * HTML `pattern` attributes. Chromium compiles them with the RegExp `v` flag, where a bare `-` at the end of a
 * character class is a syntax error that switches browser validation off silently: escape it.
 */
export const SLUG_PATTERN = '[a-z0-9][a-z0-9\\-]{0,62}';
