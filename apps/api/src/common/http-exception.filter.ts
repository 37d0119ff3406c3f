import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type ErrorBody } from '@podium/contracts';
import { codeForStatus, httpStatusFor } from './error-status';
import { translateDatabaseError } from './database-errors';

/** Every HTTP error leaves as `{ error: { code, message, details? } }` with the mapped status. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.describe(exception);
    // A body refused by the import route's parsers (programme/import-body.ts) also says why as an import refusal.
    const refusal = (exception as { importRefusal?: unknown } | null)?.importRefusal;
    if (refusal) body.details = { ...body.details, refusal };
    if (status >= 500 && status !== 503) this.logger.error(exception instanceof Error ? exception : String(exception));
    if (res.headersSent) return;
    const retryAfter = body.details?.retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res.status(status).json({ error: body });
  }

  private describe(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) return { status: httpStatusFor(exception.code), body: exception.toBody() };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) {
        return { status, body: response as ErrorBody };
      }
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? ((response as { message: string[] }).message.join('; '))
            : String((response as { message?: unknown }).message ?? exception.message);
      return { status, body: { code: codeForStatus(status), message } };
    }
    const bodyParser = exception as { type?: string; status?: number; message?: string };
    if (bodyParser?.type === 'entity.too.large') return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' } };
    if (bodyParser?.type === 'entity.parse.failed') return { status: 400, body: { code: 'VALIDATION', message: 'The request body is not valid JSON' } };
    if (bodyParser?.status && bodyParser.status >= 400 && bodyParser.status < 500) {
      return { status: bodyParser.status, body: { code: codeForStatus(bodyParser.status), message: bodyParser.message ?? 'Bad request' } };
    }
    const db = translateDatabaseError(exception);
    if (db) return { status: httpStatusFor(db.code), body: db.toBody() };
    return { status: 500, body: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' } };
  }
}
