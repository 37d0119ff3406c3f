/** The panels the live page and the hall mode mount (the lead wires them into the participation tabs). */
export { PollsPanel } from './PollsPanel';
export { ReactionsBar } from './ReactionsBar';
