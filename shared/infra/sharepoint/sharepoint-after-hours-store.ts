import type { AfterHoursStore } from '../../application/ports';
import type { AfterHoursWindow } from '../../domain/billing';
import { eq, type ListItems } from './list-items';

/** After-hours windows: SoporteAfterHours items (unique WindowId; ClientId and Status indexed). */
export class SharePointAfterHoursStore implements AfterHoursStore {
  constructor(private readonly items: ListItems) {}

  async putWindow(window: AfterHoursWindow): Promise<void> {
    await this.items.upsert('afterHours', 'WindowId', window.id, {
      ClientId: window.clientId,
      Status: window.status,
      Data: JSON.stringify(window),
    });
  }

  async getWindow(id: string): Promise<AfterHoursWindow | undefined> {
    const item = await this.items.find('afterHours', 'WindowId', id);
    return item ? (JSON.parse(String(item.fields.Data)) as AfterHoursWindow) : undefined;
  }

  async listWindows(query: { clientId?: string; status?: AfterHoursWindow['status'] }): Promise<AfterHoursWindow[]> {
    const filter = [
      query.clientId !== undefined ? eq('ClientId', query.clientId) : undefined,
      query.status !== undefined ? eq('Status', query.status) : undefined,
    ]
      .filter((f): f is string => f !== undefined)
      .join(' and ');
    return (await this.items.all('afterHours', filter || undefined)).map(
      (item) => JSON.parse(String(item.fields.Data)) as AfterHoursWindow,
    );
  }
}
