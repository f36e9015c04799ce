// Refuses, at the API's door, text that PostgreSQL cannot store as sent: a U+0000 (a text column
// cannot hold one; the driver's error would be a 500) or an unpaired UTF-16 surrogate (the driver
// would quietly store U+FFFD instead of what the person typed). Staff can retype, so the 400
// names the field; residents' messages are normalised instead (schemas/storableText.ts).
// Also refuses bodies nested deeper than any request this API takes, before a schema or a
// JSON.stringify recurses into them.
import type { RequestHandler } from 'express';
import { unstorableTextProblem } from '../schemas/storableText.ts';
import { AppError, AppErrorCode } from './appError.ts';

/** The deepest request body is a case operation's remedies (body → remedies → item → field). */
export const MAX_INPUT_DEPTH = 16;

export const refuseUnstorableInput: RequestHandler = (req, _res, next) => {
  const problem = firstProblem(req.body, 'body') ?? firstProblem(req.query, 'query');
  if (problem) throw new AppError(AppErrorCode.InvalidRequest, problem);
  next();
};

/** Walks without recursion (a hostile body can be 100,000 levels deep). */
function firstProblem(root: unknown, where: 'body' | 'query'): string | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    const field = path.length ? path.join('.') : where === 'body' ? 'The request body' : 'The query string';
    if (typeof value === 'string') {
      const problem = unstorableTextProblem(value);
      if (problem) return `${where === 'query' && path.length ? `query parameter ${field}` : field}: ${problem}`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_INPUT_DEPTH) return `The request ${where} is nested too deeply (more than ${MAX_INPUT_DEPTH} levels).`;
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = unstorableTextProblem(key);
      if (keyProblem) return `A field name in the request ${where} ${keyProblem}`;
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}
