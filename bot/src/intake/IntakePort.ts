// Everything the conversation keeps beyond its own dialog state goes through this port, so the
// dialogs stay independent of the database and of any one channel (tests pass a fake).

/** Channels a resident can talk to the bot on. */
export type ChatChannel = 'sms' | 'whatsapp' | 'webchat' | 'botframework';
/** Ways a resident may ask to be contacted (Resident.preferredChannel). */
export type ContactChannel = 'sms' | 'whatsapp' | 'webchat' | 'email' | 'phone' | 'letter';
export type ConversationStatus = 'bot' | 'awaiting_staff' | 'with_staff' | 'closed';
export type AdjustmentKind = 'large_print' | 'language' | 'text_only' | 'call_times' | 'support_worker' | 'other';

/** Which conversation a turn belongs to: the channel's conversation id, channel and sender. */
export interface ConversationRef {
  conversationId: string;
  channel: ChatChannel;
  address: string;
}

export interface ConversationSnapshot {
  state: ConversationStatus;
  residentId: string | null;
  /** 1.5: the resident's latest open service request, which carries on beside a complaint. */
  openServiceRequest: { id: string; reference: string } | null;
}

export interface ResidentDetails {
  name: string;
  postcode?: string;
  tenancyRef?: string;
}

export interface RepresentativeInput {
  name: string;
  relationship: string;
  consentStatus: 'given' | 'to_be_verified';
  consentMethod: 'written' | 'verbal' | 'legal_authority' | 'not_recorded';
}

export interface AdjustmentInput {
  kind: AdjustmentKind;
  details: string;
}

export interface DisclosureInput {
  kind: 'disability' | 'vulnerability';
  description: string;
}

export interface ComplaintInput {
  residentId: string;
  /** When dissatisfaction was first expressed: the Code's clock starts here. */
  receivedAt: Date;
  summary: string;
  /** A civil date (UTC midnight), or null when the resident could not say. */
  startedOn: Date | null;
  flaggedOverTwelveMonths: boolean;
  outcomesSought: string;
  representative?: RepresentativeInput;
  adjustments: AdjustmentInput[];
  disclosures: DisclosureInput[];
  preferredChannel: ContactChannel | null;
  /** BCP 47 */
  language: string;
  serviceRequestId?: string | null;
}

/** The detector's verdict on one stored inbound message, kept on the message for staff (1.2). */
export interface MessageClassification {
  label: string;
  confidence: number;
  reasons: string[];
}

/**
 * What changed, told to the server after each intake write commits so staff see it live. Plain
 * ids only: the server loads and shapes what staff are sent (the bot never imports the server).
 */
export type IntakeEvent =
  | { type: 'handoff_requested'; conversationId: string }
  | { type: 'complaint_offered'; conversationId: string }
  | { type: 'complaint_offer_answered'; conversationId: string }
  | { type: 'complaint_created'; conversationId: string; complaintId: string }
  | { type: 'service_request_created'; conversationId: string; serviceRequestId: string }
  | { type: 'resident_linked'; conversationId: string; residentId: string };

export type IntakeEventSink = (event: IntakeEvent) => void;

export interface IntakePort {
  getConversationState(ref: ConversationRef): Promise<ConversationSnapshot>;
  /**
   * Finds the resident by name and postcode or tenancy reference, or records a new unverified
   * one. Links the channel identity unless the sender is a representative. The answer never
   * says whether a match was found, so the sender learns nothing about anyone else.
   */
  findOrLinkResident(ref: ConversationRef, details: ResidentDetails, options?: { asRepresentative?: boolean }): Promise<{ residentId: string }>;
  recordServiceRequest(ref: ConversationRef, input: { residentId: string | null; description: string; receivedAt: Date }): Promise<{ id: string; reference: string }>;
  /** Dissatisfaction the resident chose not to make a complaint of, or a compliment (1.3, 1.6). */
  recordFeedback(ref: ConversationRef, input: { kind: 'declined_complaint' | 'compliment'; text: string; at: Date }): Promise<void>;
  createComplaint(ref: ConversationRef, input: ComplaintInput): Promise<{ reference: string }>;
  requestHandoff(ref: ConversationRef, input: { urgent: boolean; reason: string; at: Date }): Promise<void>;
  markComplaintOffered(ref: ConversationRef, input: { at: Date; label: string }): Promise<void>;
  /** Keeps the detector's verdict on the stored inbound message, so staff can see why (1.2, 1.3). */
  recordClassification(ref: ConversationRef, input: { messageId: string; classification: MessageClassification }): Promise<void>;
  clearComplaintOffered(ref: ConversationRef): Promise<void>;
}
