// What the reports read about a case: plain records with civil dates (Europe/London), loaded
// by server/src/reports/loadReportData.ts. Only facts the statistics need, and none of the
// resident's personal data, so anonymisation (retention, erasure) cannot change a figure.
import type { CivilDate } from '../civilDate.ts';
import type { Stage } from '../deadlines.ts';
import type { Decision, RefusalReason, RemedyKind } from '../lifecycle/vocabulary.ts';

export const REPORT_CHANNELS = ['sms', 'whatsapp', 'webchat', 'botframework', 'phone', 'letter', 'email', 'in_person'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** 6.4 / 6.15: one extension of a stage's response timescale. */
export interface ReportExtension {
  /** The day the extension was recorded (and so told to the resident). */
  createdOn: CivilDate;
  workingDays: number;
  reason: string;
  /** Required by the engine past 10 (stage 1) or 20 (stage 2) working days in total. */
  goodReason: string | null;
}

export interface ReportStage {
  stage: Stage;
  /** Stage 1: the day the complaint was received. Stage 2: the day the resident asked for it (6.11). */
  startedOn: CivilDate;
  acknowledgedOn: CivilDate | null;
  respondedOn: CivilDate | null;
  decision: Decision | null;
  /** In the order they were made. */
  extensions: readonly ReportExtension[];
}

export interface ReportRemedy {
  stage: Stage;
  kind: RemedyKind;
  amountPence: number | null;
  /** Offered with the stage's response. */
  offeredOn: CivilDate;
  /** Done (for a financial remedy: paid). */
  doneOn: CivilDate | null;
}

export interface ReportRefusal {
  /** Stage 1: not accepted as a complaint. Stage 2: the escalation was declined (2.2). */
  stage: Stage;
  reasonCode: RefusalReason;
  decidedOn: CivilDate;
}

export interface ReportCase {
  reference: string;
  receivedOn: CivilDate;
  channel: ReportChannel;
  /** 3.6: someone acted for the resident. */
  hasRepresentative: boolean;
  /** Set when the case is closed (9.1); null while open. */
  category: string | null;
  status: 'received' | 'acknowledged' | 'responded' | 'refused' | 'closed';
  closedOn: CivilDate | null;
  stage1: ReportStage;
  stage2: ReportStage | null;
  refusal: ReportRefusal | null;
  remedies: readonly ReportRemedy[];
}

/** 9.1: the learning recorded when a case closed. Written by staff about the service. */
export interface ReportLearningNote {
  reference: string;
  category: string | null;
  createdOn: CivilDate;
  body: string;
}

export type AdjustmentKind =
  | 'large_print'
  | 'language'
  | 'text_only'
  | 'call_times'
  | 'support_worker'
  | 'easy_read'
  | 'braille'
  | 'audio'
  | 'sign_language'
  | 'other';

/** 5.10: an adjustment; its details (personal) are not needed for the figures. */
export interface ReportAdjustment {
  kind: AdjustmentKind;
  status: 'requested' | 'agreed' | 'declined' | 'ended';
  agreedOn: CivilDate | null;
  reviewOn: CivilDate | null;
}

export interface ReportData {
  cases: readonly ReportCase[];
  learningNotes: readonly ReportLearningNote[];
  /**
   * Notes per category in the period, when learningNotes holds only the most recent of each
   * (the loader reads just those; a year can have tens of thousands). Absent: count learningNotes.
   */
  learningTotals?: readonly { category: string | null; total: number }[];
  adjustments: readonly ReportAdjustment[];
}

export function stageRecord(c: ReportCase, stage: Stage): ReportStage | null {
  return stage === 'stage_1' ? c.stage1 : c.stage2;
}

/** The stage was refused (2.1-2.5), so it never became a complaint answered at that stage. */
export function refusedAt(c: ReportCase, stage: Stage): boolean {
  return c.refusal !== null && c.refusal.stage === stage;
}
