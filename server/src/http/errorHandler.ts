import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '@complaints/db';
import type { Logger } from '../config/logger.ts';
import { AppError, AppErrorCode, httpStatusFor } from './appError.ts';

export interface ErrorBody {
  error: { code: AppErrorCode; message: string; details?: unknown };
}

/** Human-readable summary of a zod failure: "email: must be an email address; password: ..." */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError(AppErrorCode.InvalidRequest, describeZodError(error), error.issues);
  const { status, type, limit, charset } = error as { status?: number; type?: string; limit?: number; charset?: string };
  // body-parser's refusals, said so that the sender knows what to change.
  if (type === 'entity.parse.failed') return new AppError(AppErrorCode.InvalidRequest, 'The request body is not valid JSON.');
  if (type === 'entity.too.large') {
    return new AppError(AppErrorCode.PayloadTooLarge, `The request body is too large: send at most ${limit ? Math.round(limit / 1024) : '?'} KB.`);
  }
  if (type === 'parameters.too.many') return new AppError(AppErrorCode.PayloadTooLarge, 'The form has too many fields.');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new AppError(AppErrorCode.UnsupportedMediaType, `The request body's ${type === 'charset.unsupported' ? `charset ${charset ? `"${charset}" ` : ''}` : 'encoding '}is not supported: send UTF-8.`);
  }
  // A missing static file (express.static) is a 404, not bad input.
  if (status === 404) return new AppError(AppErrorCode.NotFound, 'There is nothing at this address.');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(AppErrorCode.InvalidRequest, (error as Error).message || 'The request could not be read.');
  }
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (appError) {
      const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
      if (appError.details !== undefined) body.error.details = appError.details;
      res.status(httpStatusFor[appError.code]).json(body);
      return;
    }
    if (isDatabaseUnavailable(error)) {
      // A restart or failover: nothing was half-written (each change is one transaction), and a
      // 503 tells Twilio, the console and load balancers to try again, where a 200 would lose it.
      logger.warn({ method: req.method, path: req.path, reason: lastLine(error) }, 'database unavailable: answered 503');
      res
        .status(503)
        .set('Retry-After', '5')
        .json({ error: { code: AppErrorCode.Unavailable, message: 'The database cannot be reached just now. Please try again in a few seconds.' } });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } });
  };
}

/** Prisma's messages open with the call site; the driver's reason is the last line. */
const lastLine = (error: unknown) =>
  String((error as Error | undefined)?.message ?? error)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .pop();

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(AppErrorCode.NotFound, `There is no API endpoint ${req.method} ${req.originalUrl}.`));
};
