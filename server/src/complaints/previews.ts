// The operations whose letter the console previews, each with the body its save takes and the
// operation builder its save uses: a preview and a save cannot drift apart.
import type { z } from 'zod';
import {
  ZAcknowledgeComplaintRequestSchema,
  ZEscalateCaseSchema,
  ZExtendCaseSchema,
  ZRefuseCaseSchema,
  ZRespondCaseSchema,
  type TPreviewOperation,
} from '../schemas/index.ts';
import { acknowledgeOperation } from './acknowledgeComplaint.ts';
import type { CaseOperation } from './applyCaseOperation.ts';
import { escalateOperation } from './escalateComplaint.ts';
import { extendOperation } from './extendDeadline.ts';
import { refuseOperation } from './refuseComplaint.ts';
import { respondOperation } from './respondToComplaint.ts';

interface Preview<S extends z.ZodType> {
  body: S;
  operation: (body: z.output<S>, complaintId: string, actorId: string) => CaseOperation;
}

const preview = <S extends z.ZodType>(body: S, operation: Preview<S>['operation']): Preview<S> => ({ body, operation });

export const PREVIEWS: Record<TPreviewOperation, Preview<z.ZodType>> = {
  acknowledge: preview(ZAcknowledgeComplaintRequestSchema, (body, complaintId, actorId) => acknowledgeOperation({ ...body, complaintId, actorId })),
  extend: preview(ZExtendCaseSchema, (body, complaintId, actorId) => extendOperation({ ...body, complaintId, actorId })),
  respond: preview(ZRespondCaseSchema, (body, complaintId, actorId) => respondOperation({ ...body, complaintId, actorId })),
  escalate: preview(ZEscalateCaseSchema, (body, complaintId, actorId) => escalateOperation({ ...body, complaintId, actorId })),
  refuse: preview(ZRefuseCaseSchema, (body, complaintId, actorId) => refuseOperation({ ...body, complaintId, actorId })),
};
