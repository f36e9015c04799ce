// Attachments residents send (photos of damp, a video of a leak, a voice note, a PDF letter).
// Issue 8's rule: uploads and media links are never served from the app origin without a content
// type check. These are the types the staff console opens through GET /api/media/:id; anything
// else (HTML, SVG, scripts, office files…) is listed but never served from here.
// Browser-safe: the console decides from the same list whether to offer a link.
import { z } from 'zod';

/** The types Twilio passes on for WhatsApp and MMS that a browser shows without running anything. */
export const VIEWABLE_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'video/mp4',
  'video/3gpp',
  'video/quicktime',
  'video/webm',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/ogg',
  'audio/amr',
  'audio/wav',
  'audio/webm',
  'application/pdf',
] as const;
export type TViewableMediaType = (typeof VIEWABLE_MEDIA_TYPES)[number];

/** "image/JPEG; charset=x" as "image/jpeg" when it is one the console opens, else null. */
export function viewableMediaType(contentType: string): TViewableMediaType | null {
  const base = contentType.split(';')[0]!.trim().toLowerCase();
  return (VIEWABLE_MEDIA_TYPES as readonly string[]).includes(base) ? (base as TViewableMediaType) : null;
}

/**
 * Shown in the page (image, video, audio) or saved as a file (PDF: a PDF can carry scripts, so it
 * is not rendered on this origin).
 */
export function mediaDisposition(type: TViewableMediaType): 'inline' | 'attachment' {
  return type === 'application/pdf' ? 'attachment' : 'inline';
}

/** The staff route that fetches a stored attachment from Twilio and serves it after the type check. */
export const mediaHref = (mediaId: string) => `/api/media/${mediaId}`;

/** Twilio's media addresses (https://api.twilio.com/…/Media/ME…): the only ones the server fetches. */
export function isTwilioMediaUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.host === 'api.twilio.com' && /^\/2010-04-01\/Accounts\/AC[0-9a-fA-F]{32}\/Messages\/\w+\/Media\/\w+$/.test(parsed.pathname);
  } catch {
    return false;
  }
}

export const ZMediaIdParamsSchema = z.object({ id: z.uuid({ error: 'The attachment id must be a uuid' }) });
