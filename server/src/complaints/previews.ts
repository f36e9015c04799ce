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
import type { CaseActor, CaseOperation } from './applyCaseOperation.ts';
import { escalateOperation } from './escalateComplaint.ts';
import { extendOperation } from './extendDeadline.ts';
import { refuseOperation } from './refuseComplaint.ts';
import { respondOperation } from './respondToComplaint.ts';

interface Preview<S extends z.ZodType> {
  body: S;
  operation: (body: z.output<S>, complaintId: string, actor: CaseActor) => CaseOperation;
}

const preview = <S extends z.ZodType>(body: S, operation: Preview<S>['operation']): Preview<S> => ({ body, operation });

export const PREVIEWS: Record<TPreviewOperation, Preview<z.ZodType>> = {
  acknowledge: preview(ZAcknowledgeComplaintRequestSchema, (body, complaintId, actor) => acknowledgeOperation({ ...body, complaintId, ...actor })),
  extend: preview(ZExtendCaseSchema, (body, complaintId, actor) => extendOperation({ ...body, complaintId, ...actor })),
  respond: preview(ZRespondCaseSchema, (body, complaintId, actor) => respondOperation({ ...body, complaintId, ...actor })),
  escalate: preview(ZEscalateCaseSchema, (body, complaintId, actor) => escalateOperation({ ...body, complaintId, ...actor })),
  refuse: preview(ZRefuseCaseSchema, (body, complaintId, actor) => refuseOperation({ ...body, complaintId, ...actor })),
};
