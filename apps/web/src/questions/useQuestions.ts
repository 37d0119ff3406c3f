import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type {
  AttendeeQuestionView,
  ModeratorQuestionView,
  ProjectorQuestionView,
  QuestionsAck,
  QuestionsAudience,
  QuestionsClientToServerEvents,
  QuestionsCommandEventName,
  QuestionsListView,
  QuestionsMine,
  QuestionsServerToClientEvents,
} from '@podium/contracts';
import { isRetryable, retryDelayMs } from '../api/socket-retry';

type QuestionsSocket = Socket<QuestionsServerToClientEvents, QuestionsClientToServerEvents>;
type PayloadOf<E extends QuestionsCommandEventName> = Parameters<QuestionsClientToServerEvents[E]>[0];
export type QuestionsSentAck = QuestionsAck | { ok?: false; error: { code: 'NETWORK'; message: string } };

export interface QuestionsHandle {
  connected: boolean;
  /** Why the server refused the join (an error code), e.g. FORBIDDEN. */
  refusal: string | null;
  attendee: QuestionsListView<AttendeeQuestionView> | null;
  mine: QuestionsMine | null;
  moderator: QuestionsListView<ModeratorQuestionView> | null;
  /** The hall screen's view: approved and answered questions only (audience `projector`). */
  projector: QuestionsListView<ProjectorQuestionView> | null;
  send<E extends QuestionsCommandEventName>(event: E, payload: Omit<PayloadOf<E>, 'sessionId'>): Promise<QuestionsSentAck>;
}

const ACK_TIMEOUT_MS = 10_000;
const newer = <T extends { version: number }>(old: T | null, next: T) => (!old || next.version >= old.version ? next : old);

/** Follows one session's questions on `/questions` as attendee, moderator or projector: joins on every (re)connect, keeps the newest views. */
export function useQuestions(sessionId: string, token: string | null, audience: QuestionsAudience = 'attendee'): QuestionsHandle {
  const [connected, setConnected] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [attendee, setAttendee] = useState<QuestionsListView<AttendeeQuestionView> | null>(null);
  const [mine, setMine] = useState<QuestionsMine | null>(null);
  const [moderator, setModerator] = useState<QuestionsListView<ModeratorQuestionView> | null>(null);
  const [projector, setProjector] = useState<QuestionsListView<ProjectorQuestionView> | null>(null);
  const socketRef = useRef<QuestionsSocket | null>(null);

  useEffect(() => {
    if (!token) return;
    const socket: QuestionsSocket = io('/questions', { auth: { token }, transports: ['websocket', 'polling'], reconnectionDelay: 500, reconnectionDelayMax: 5000 });
    socketRef.current = socket;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const join = () => {
      socket.timeout(ACK_TIMEOUT_MS).emit('questions:join', { sessionId, audience }, (err, ack) => {
        if (err || (!ack.ok && isRetryable(ack.error.code))) {
          timer = setTimeout(join, retryDelayMs(attempts++));
          return;
        }
        if (!ack.ok) return setRefusal(ack.error.code);
        attempts = 0;
        setRefusal(null);
        if (ack.audience === 'moderator') setModerator((v) => newer(v, ack.view as QuestionsListView<ModeratorQuestionView>));
        else if (ack.audience === 'projector') setProjector((v) => newer(v, ack.view as QuestionsListView<ProjectorQuestionView>));
        else setAttendee((v) => newer(v, ack.view as QuestionsListView<AttendeeQuestionView>));
      });
    };
    socket.on('connect', () => {
      setConnected(true);
      join();
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('questions:state', (v) => v.sessionId === sessionId && setAttendee((old) => newer(old, v)));
    socket.on('questions:mine', (m) => m.sessionId === sessionId && setMine((old) => newer(old, m)));
    socket.on('questions:moderator-state', (v) => v.sessionId === sessionId && setModerator((old) => newer(old, v)));
    socket.on('questions:projector-state', (v) => v.sessionId === sessionId && setProjector((old) => newer(old, v)));
    return () => {
      clearTimeout(timer);
      socket.disconnect();
      socketRef.current = null;
    };
  }, [sessionId, token, audience]);

  const send = useCallback(
    <E extends QuestionsCommandEventName>(event: E, payload: Omit<PayloadOf<E>, 'sessionId'>): Promise<QuestionsSentAck> => {
      const socket = socketRef.current;
      if (!socket?.connected) return Promise.resolve({ error: { code: 'NETWORK', message: 'not connected' } });
      return (socket.timeout(ACK_TIMEOUT_MS).emitWithAck as (e: string, p: unknown) => Promise<QuestionsAck>)(event, { ...payload, sessionId }).catch(() => ({ error: { code: 'NETWORK' as const, message: 'no answer' } }));
    },
    [sessionId],
  );

  return { connected, refusal, attendee, mine, moderator, projector, send };
}
