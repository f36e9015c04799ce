import { describe, expect, it } from 'vitest';
import { attachmentView } from './attachments.ts';

const id = '6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
const twilioUrl = `https://api.twilio.com/2010-04-01/Accounts/AC${'1'.repeat(32)}/Messages/MM${'2'.repeat(32)}/Media/ME${'3'.repeat(32)}`;

describe('attachmentView', () => {
  it('links a Twilio photo to the media route, labelled with its content type', () => {
    expect(attachmentView({ id, url: twilioUrl, contentType: 'image/jpeg' }, 0)).toEqual({
      kind: 'link',
      href: `/api/media/${id}`,
      label: 'Attachment 1 (image/jpeg), opens in a new tab',
    });
  });

  it('says a PDF downloads', () => {
    expect(attachmentView({ id, url: twilioUrl, contentType: 'application/pdf' }, 1)).toMatchObject({ kind: 'link', label: 'Attachment 2 (application/pdf), downloads' });
  });

  it('never links a type the console does not open', () => {
    for (const contentType of ['text/html', 'image/svg+xml', 'application/javascript', 'text/vcard']) {
      expect(attachmentView({ id, url: twilioUrl, contentType }, 0)).toEqual({
        kind: 'text',
        text: `Attachment 1 (${contentType}): not opened in the console (only photos, video, audio and PDF files are)`,
      });
    }
  });

  it('shows an address that is not Twilio’s as text, not as a link', () => {
    expect(attachmentView({ id, url: 'https://files.example.org/p.jpg', contentType: 'image/jpeg' }, 0)).toEqual({ kind: 'text', text: 'Attachment 1 (image/jpeg), stored at https://files.example.org/p.jpg' });
    expect(attachmentView({ id, url: 'javascript:alert(1)', contentType: 'image/png' }, 0)).toMatchObject({ kind: 'text' });
  });
});
