// The words the resident panel shows for the API's values.
export const CONSENT_STATUS_LABELS: Record<string, string> = {
  given: 'Consent given',
  to_be_verified: 'Consent to be verified',
  refused: 'Consent refused',
  withdrawn: 'Consent withdrawn',
};

export const CONSENT_METHOD_LABELS: Record<string, string> = {
  written: 'In writing',
  verbal: 'Verbally',
  recorded_call: 'On a recorded call',
  digital: 'From their own channel',
  legal_authority: 'Legal authority (power of attorney, deputyship)',
  not_recorded: 'Not recorded',
};

export const ADJUSTMENT_STATUS_LABELS: Record<string, string> = { requested: 'Requested', agreed: 'Agreed', declined: 'Declined', ended: 'Ended' };

export const DISCLOSURE_KIND_LABELS: Record<string, string> = { disability: 'Disability', vulnerability: 'Vulnerability' };
