// The letter template through the API: administrators read, preview and save it (version checked,
// audited), and the letters the engine issues from then on carry it, with the Code's sections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { DEFINITION, TEST_NOW, logComplaint, signIn } from '../complaints/complaintsTestKit.ts';

let server: TestServer;
let admin: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW, env: { LANDLORD_NAME: 'Riverside Homes', LANDLORD_CONTACT_PHONE: '0161 496 0000' } });
  admin = await signIn(server, ['admin']);
});
afterAll(async () => {
  await server?.stop();
});

const TEMPLATE = {
  complaintsTeam: 'Customer Resolution Team',
  phone: '0161 496 0999',
  email: 'resolution@riverside.example',
  address: ['PO Box 1', 'Manchester M1 9ZZ'],
  signatoryName: 'Jo Manager',
  signatoryTitle: 'Head of Customer Resolution',
  openings: { acknowledgement: 'Thank you for giving us the chance to put things right.' },
};

describe('the letter template', () => {
  it('starts empty, saying what letters use instead; only admins may read it', async () => {
    const read = await admin.client.get('/api/settings/letters');
    expect(read.status).toBe(200);
    expect(read.json).toEqual({
      value: {},
      version: 0,
      updatedAt: null,
      configured: { landlordName: 'Riverside Homes', complaintsTeam: null, phone: '0161 496 0000', email: null, website: null, address: [] },
    });
    const officer = await signIn(server, ['complaints_officer']);
    expect((await officer.client.get('/api/settings/letters')).status).toBe(403);
    expect((await officer.client.request('PUT', '/api/settings/letters', { template: TEMPLATE, version: 0 })).status).toBe(403);
  });

  it('previews a made-up letter with a draft without saving it', async () => {
    const preview = await admin.client.post('/api/settings/letters/preview', { template: TEMPLATE, kind: 'acknowledgement' });
    expect(preview.status).toBe(200);
    expect(preview.json.kind).toBe('acknowledgement');
    expect(preview.json.subject).toContain('CMP-0000-000000');
    expect(preview.json.html).toContain('Thank you for giving us the chance to put things right.');
    expect(preview.json.html).toContain('Jo Manager<br>Head of Customer Resolution<br>Customer Resolution Team');
    expect(preview.json.html).toContain('Housing Ombudsman Service');
    expect((await admin.client.get('/api/settings/letters')).json.version).toBe(0);
    const wrong = await admin.client.post('/api/settings/letters/preview', { template: TEMPLATE, kind: 'update' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toMatch(/^kind: Choose a letter: acknowledgement, extension_notice/);
  });

  it('refuses what is not valid, field by field', async () => {
    const bad = await admin.client.request('PUT', '/api/settings/letters', { template: { email: 'not an email', openings: { refusal: 'x'.repeat(2001) } }, version: 0 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('email: Enter a valid email address, or leave it blank');
    expect(bad.json.error.message).toContain('openings.refusal: The refusal opening paragraph must be at most 2000 characters');
  });

  it('saves with the version read, audits the change, refuses a stale save, and letters issued afterwards use it', async () => {
    const saved = await admin.client.request('PUT', '/api/settings/letters', { template: { ...TEMPLATE, website: '  ', address: ['PO Box 1', '', 'Manchester M1 9ZZ'] }, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ version: 1, value: { ...TEMPLATE } });
    expect(saved.json.value).not.toHaveProperty('website');
    const audit = await server.context.prisma.auditEvent.findMany({ where: { action: 'setting.changed', entityId: 'letters.template' } });
    expect(audit.map((row) => [row.actorStaffId, (row.after as { value: { signatoryName: string } }).value.signatoryName])).toEqual([[admin.staff.id, 'Jo Manager']]);

    const stale = await admin.client.request('PUT', '/api/settings/letters', { template: {}, version: 0 });
    expect(stale.status).toBe(409);
    expect((await admin.client.get('/api/settings/letters')).json.value.signatoryName).toBe('Jo Manager');

    // A real acknowledgement, issued by a handler: the template's opening, signature and contact, and every Code section.
    const handler = await signIn(server, ['handler']);
    const { complaint } = await logComplaint(server, handler.client);
    const ack = await handler.client.post(`/api/complaints/${complaint.id}/acknowledge`, { definition: DEFINITION, version: complaint.version });
    expect(ack.status).toBe(200);
    const letter = await handler.client.get(`/api/complaints/${complaint.id}/letters/${ack.json.letters[0].id}`);
    expect(letter.text).toContain('Thank you for giving us the chance to put things right.');
    expect(letter.text).toContain('Yours sincerely,<br>Jo Manager<br>Head of Customer Resolution<br>Customer Resolution Team');
    expect(letter.text).toContain('Phone: 0161 496 0999');
    for (const section of ['What we understand your complaint to be', 'What we are responsible for', 'When we will reply', 'Housing Ombudsman Service']) {
      expect(letter.text).toContain(section);
    }

    // Cleared again, letters are as configured and signed by the member of staff.
    const cleared = await admin.client.request('PUT', '/api/settings/letters', { template: {}, version: 1 });
    expect(cleared.json).toMatchObject({ version: 2, value: {} });
    const next = await logComplaint(server, handler.client);
    const preview = await handler.client.post(`/api/complaints/${next.complaint.id}/preview/acknowledge`, { definition: DEFINITION, version: next.complaint.version });
    expect(preview.json.letter.html).not.toContain('Jo Manager');
    expect(preview.json.letter.html).toContain('Phone: 0161 496 0000');
    expect(preview.json.letter.html).toContain(`Yours sincerely,<br>${handler.staff.name}<br>Riverside Homes`);
  });
});
