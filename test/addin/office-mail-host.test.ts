/// <reference types="office-js" />
import { OfficeMockObject } from 'office-addin-mock';
import { createOfficeMailHost, officeReady } from '../../addin/office/office-mail-host';
import { describeError } from '../../addin/describe-error';
import { HostRequirementError } from '../../addin/office/host-requirement-error';
import { OfficeActionError } from '../../addin/office/office-async';
import { t } from '../../shared/domain';

type Callback = (result: { status: string; value?: unknown; error?: { code: number; message: string } }) => void;
const ok = (cb: Callback, value?: unknown) => cb({ status: 'succeeded', value });

/** A recording of what the add-in asked Outlook to do. */
interface Recorded {
  savedProperties: Record<string, string>;
  newMessage?: unknown;
  to: string[];
  headers: Record<string, string>;
}

function readModeOffice(recorded: Recorded, overrides: Record<string, unknown> = {}, mailboxVersion = 1.8) {
  const properties: Record<string, string> = {};
  const mock = new OfficeMockObject({
    host: 'outlook',
    CoercionType: { Text: 'text' },
    onReady: async () => ({ host: 'Outlook' }),
    context: {
      displayLanguage: 'es-MX',
      requirements: {
        isSetSupported: (name: string, version: string) => name === 'Mailbox' && Number(version) <= mailboxVersion,
      },
      mailbox: {
        userProfile: { displayName: 'Ana', emailAddress: 'Ana@Acme.example' },
        displayNewMessageForm: (params: unknown) => {
          recorded.newMessage = params;
        },
        item: {
          subject: 'Las facturas no se timbran',
          internetMessageId: '<CAF1234@mail.acme.example>',
          conversationId: 'AAQkADthread1',
          itemId: 'AAMkAGI2item',
          from: { displayName: 'Ana', emailAddress: 'Ana@Acme.example' },
          to: [{ displayName: 'Soporte', emailAddress: 'Soporte@Partner.example' }],
          cc: [{ displayName: 'Bob', emailAddress: 'bob@acme.example' }],
          attachments: [
            { name: 'error.png', isInline: false },
            { name: 'logo.png', isInline: true },
          ],
          body: { getAsync: (_coercion: string, cb: Callback) => ok(cb, 'Desde esta mañana falla.') },
          loadCustomPropertiesAsync: (cb: Callback) =>
            ok(cb, {
              set: (key: string, value: string) => {
                properties[key] = value;
              },
              saveAsync: (done: Callback) => {
                Object.assign(recorded.savedProperties, properties);
                ok(done);
              },
            }),
          ...overrides,
        },
      },
    },
  });
  return mock as unknown as typeof Office;
}

function composeModeOffice(recorded: Recorded, mailboxVersion = 1.8) {
  const mock = new OfficeMockObject({
    host: 'outlook',
    onReady: async () => ({ host: 'Outlook' }),
    context: {
      displayLanguage: 'en-US',
      requirements: {
        isSetSupported: (name: string, version: string) => name === 'Mailbox' && Number(version) <= mailboxVersion,
      },
      mailbox: {
        userProfile: { displayName: 'Ana', emailAddress: 'ana@acme.example' },
        item: {
          subject: { getAsync: (cb: Callback) => ok(cb, 'Draft') },
          to: {
            getAsync: (cb: Callback) =>
              ok(
                cb,
                recorded.to.map((emailAddress) => ({ emailAddress, displayName: emailAddress })),
              ),
            addAsync: (recipients: string[], cb: Callback) => {
              recorded.to.push(...recipients);
              ok(cb);
            },
          },
          internetHeaders: {
            setAsync: (headers: Record<string, string>, cb: Callback) => {
              Object.assign(recorded.headers, headers);
              ok(cb);
            },
          },
        },
      },
    },
  });
  return mock as unknown as typeof Office;
}

const fresh = (): Recorded => ({ savedProperties: {}, to: [], headers: {} });

describe('addin/office: the MailHost over Office.js (office-addin-mock)', () => {
  it('reads the open email: subject, text body, non-inline attachment names, ids, sender and recipients', async () => {
    const office = readModeOffice(fresh());
    await officeReady(office);
    const host = createOfficeMailHost(office);
    expect(host.mode()).toBe('read');
    expect(host.displayLanguage()).toBe('es-MX');
    expect(host.user()).toEqual({ name: 'Ana', email: 'ana@acme.example' });
    expect(await host.readItem()).toEqual({
      subject: 'Las facturas no se timbran',
      bodyText: 'Desde esta mañana falla.',
      attachmentNames: ['error.png'],
      internetMessageId: '<CAF1234@mail.acme.example>',
      conversationId: 'AAQkADthread1',
      sender: { name: 'Ana', email: 'ana@acme.example' },
      recipients: ['soporte@partner.example', 'bob@acme.example'],
    });
  });

  it('tags the email with its ticket as a saved custom property', async () => {
    const recorded = fresh();
    await createOfficeMailHost(readModeOffice(recorded)).tagWithTicket('SUP-2026-0001');
    expect(recorded.savedProperties).toEqual({ soporteTicket: 'SUP-2026-0001' });
  });

  it('opens a forward to support with the open email attached', async () => {
    const recorded = fresh();
    await createOfficeMailHost(readModeOffice(recorded)).openForwardToSupport({
      supportAddress: 'soporte@partner.example',
      subject: '[SUP-2026-0001] Facturas',
      htmlBody: '<p>x</p>',
    });
    expect(recorded.newMessage).toEqual({
      toRecipients: ['soporte@partner.example'],
      subject: '[SUP-2026-0001] Facturas',
      htmlBody: '<p>x</p>',
      attachments: [{ type: 'item', itemId: 'AAMkAGI2item', name: 'Las facturas no se timbran' }],
    });
  });

  it('does not call displayNewMessageForm below Mailbox 1.6: the user is told to forward the email themselves', async () => {
    const recorded = fresh();
    const error = await createOfficeMailHost(readModeOffice(recorded, {}, 1.5))
      .openForwardToSupport({ supportAddress: 'soporte@partner.example', subject: 'x', htmlBody: '<p>x</p>' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostRequirementError);
    expect(recorded.newMessage).toBeUndefined();
    const flash = describeError(error);
    expect(flash).toEqual({
      kind: 'error',
      key: 'addin.error.forward-unsupported',
      params: { address: 'soporte@partner.example' },
    });
    expect(t('es-MX', flash.key, flash.params)).toBe(
      'Esta versión de Outlook no puede abrir el reenvío por usted. Reenvíe usted mismo este correo a soporte@partner.example para que soporte lo reciba.',
    );
  });

  it('turns a failed Office call into an OfficeActionError naming the call', async () => {
    const office = readModeOffice(fresh(), {
      body: {
        getAsync: (_c: string, cb: Callback) => cb({ status: 'failed', error: { code: 9002, message: 'item not loaded' } }),
      },
    });
    const error = await createOfficeMailHost(office)
      .readItem()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeActionError);
    expect(error).toMatchObject({ action: 'body.getAsync', officeCode: 9002 });
  });

  it('compose "Report to support": adds the support address once and the classification headers', async () => {
    const recorded = fresh();
    const host = createOfficeMailHost(composeModeOffice(recorded));
    expect(host.mode()).toBe('compose');
    expect(host.canSetHeaders()).toBe(true);
    await host.reportToSupport({ supportAddress: 'soporte@partner.example', priority: 'high', incidentType: 'technical-urgent' });
    await host.reportToSupport({
      supportAddress: 'Soporte@partner.example',
      priority: 'critical',
      incidentType: 'technical-urgent',
    });
    expect(recorded.to).toEqual(['soporte@partner.example']);
    expect(recorded.headers).toEqual({ 'X-Soporte-Priority': 'critical', 'X-Soporte-Type': 'technical-urgent' });
  });

  it('compose "Request after-hours attention": adds the window header as <start>/<end>', async () => {
    const recorded = fresh();
    await createOfficeMailHost(composeModeOffice(recorded)).requestAfterHours({
      supportAddress: 'soporte@partner.example',
      window: { start: '2026-03-07T15:00:00.000Z', end: '2026-03-07T21:00:00.000Z' },
    });
    expect(recorded.headers).toEqual({ 'X-Soporte-After-Hours': '2026-03-07T15:00:00.000Z/2026-03-07T21:00:00.000Z' });
    expect(recorded.to).toEqual(['soporte@partner.example']);
  });

  it('reports that an Outlook without Mailbox 1.8 cannot set headers', () => {
    expect(createOfficeMailHost(composeModeOffice(fresh(), 1.7)).canSetHeaders()).toBe(false);
  });
});
