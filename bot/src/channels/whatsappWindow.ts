// WhatsApp's customer-service window: for 24 hours after the resident's last message a business
// may send free-form text; outside it only a pre-approved template may open the conversation.
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export function isWithinWhatsAppWindow(lastInboundAt: Date | null, now: Date): boolean {
  if (!lastInboundAt) return false;
  const elapsed = now.getTime() - lastInboundAt.getTime();
  return elapsed >= 0 && elapsed < WHATSAPP_WINDOW_MS;
}

export interface WhatsAppTemplate {
  contentSid: string;
  /** Template placeholders, keyed "1", "2"… as Twilio's ContentVariables expects. */
  variables: Record<string, string>;
}

/**
 * How an outbound WhatsApp text must go: free-form inside the window, otherwise through the
 * approved template (its one variable carries the text), or not at all when none is configured.
 */
export function whatsAppDelivery(
  input: { body: string; lastInboundAt: Date | null; now: Date; templateSid: string | undefined },
): { kind: 'freeform' } | { kind: 'template'; template: WhatsAppTemplate } | { kind: 'no_template' } {
  if (isWithinWhatsAppWindow(input.lastInboundAt, input.now)) return { kind: 'freeform' };
  if (!input.templateSid) return { kind: 'no_template' };
  return { kind: 'template', template: { contentSid: input.templateSid, variables: { '1': input.body } } };
}
