// One error type for the whole server; the HTTP layer maps its code to a status in one place
// (errorHandler.ts). Messages are written for the person who will read them.
export const AppErrorCode = {
  InvalidRequest: 'INVALID_REQUEST',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  StaleVersion: 'STALE_VERSION',
  /** Someone else holds it (a claimed conversation): the message says who. */
  Conflict: 'CONFLICT',
  CodeRule: 'CODE_RULE',
  /** The body is over the parser's limit (413). */
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** The body's charset or encoding cannot be read (415). */
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited: 'RATE_LIMITED',
  Unavailable: 'UNAVAILABLE',
} as const;

export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: unknown;

  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const httpStatusFor: Record<AppErrorCode, number> = {
  INVALID_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  STALE_VERSION: 409,
  CONFLICT: 409,
  CODE_RULE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};
