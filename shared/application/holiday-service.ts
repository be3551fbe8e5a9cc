import { NotAuthorizedError, NotFoundError, ValidationError } from '../domain/common';
import { checkAddedHoliday, type AddedHoliday } from '../domain/policy';
import type { Actor } from '../domain/ticket';
import type { Clock, StateStore } from './ports';
import { ADDED_HOLIDAYS_KEY } from './policy-registry';

/**
 * The days off administrators add to the support calendar (company days off, election days), kept in the
 * state store. PolicyRegistry closes them in the calendar of tickets opened from then on; a ticket
 * already open keeps the calendar of the policy version it was opened under.
 */
export class HolidayService {
  constructor(private readonly deps: { state: StateStore; clock: Clock }) {}

  async list(): Promise<AddedHoliday[]> {
    return [...((await this.deps.state.getState<AddedHoliday[]>(ADDED_HOLIDAYS_KEY)) ?? [])].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
  }

  async add(actor: Actor, input: { date: string; name: string; kind: string }): Promise<AddedHoliday> {
    assertManager(actor, 'add a holiday');
    const checked = checkAddedHoliday(input);
    const all = await this.list();
    if (all.some((h) => h.date === checked.date)) throw new ValidationError('date', `${checked.date} is already a day off`);
    const holiday: AddedHoliday = { ...checked, addedBy: actor.id, addedAt: this.deps.clock.now().toISOString() };
    await this.deps.state.setState(
      ADDED_HOLIDAYS_KEY,
      [...all, holiday].sort((a, b) => a.date.localeCompare(b.date)),
    );
    return holiday;
  }

  async remove(actor: Actor, date: string): Promise<AddedHoliday> {
    assertManager(actor, 'remove a holiday');
    const all = await this.list();
    const found = all.find((h) => h.date === date.trim());
    if (!found) throw new NotFoundError('added holiday', date);
    await this.deps.state.setState(
      ADDED_HOLIDAYS_KEY,
      all.filter((h) => h !== found),
    );
    return found;
  }
}

function assertManager(actor: Actor, action: string): void {
  if (actor.role !== 'manager') throw new NotAuthorizedError(actor.role, action);
}
