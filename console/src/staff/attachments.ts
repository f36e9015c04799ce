// How the console offers an attachment a resident sent. Photos, video, audio and PDFs that came
// through Twilio open through the server's media route (GET /api/media/:id), which fetches them
// with the account's credentials and checks the type again (issue 8: nothing is served from this
// origin without a content type check). Anything else is named, never linked: a provider's URL is
// untrusted input, and a Twilio address would not open without credentials anyway.
import { isTwilioMediaUrl, mediaDisposition, mediaHref, viewableMediaType, type TConversationMessage } from '@complaints/server/schemas';

type Media = TConversationMessage['media'][number];

export type AttachmentView = { kind: 'link'; href: string; label: string } | { kind: 'text'; text: string };

export function attachmentView(media: Media, index: number): AttachmentView {
  const name = `Attachment ${index + 1} (${media.contentType})`;
  const type = viewableMediaType(media.contentType);
  if (!type) return { kind: 'text', text: `${name}: not opened in the console (only photos, video, audio and PDF files are)` };
  if (!isTwilioMediaUrl(media.url)) return { kind: 'text', text: `${name}, stored at ${media.url}` };
  return { kind: 'link', href: mediaHref(media.id), label: `${name}, ${mediaDisposition(type) === 'inline' ? 'opens in a new tab' : 'downloads'}` };
}
