import type { Command } from 'commander';
import { t } from '../../../shared/domain/i18n';
import { LOCALES, STAFF_ROLES, type Locale, type StaffRole } from '../../../shared/domain/ticket';
import { leaf, run } from '../command-kit';
import { print, printJson, table } from '../output';

export function registerStaffCommands(program: Command): void {
  const staff = program.command('staff').description("the partner's consultants and managers");

  run(
    leaf(staff, 'add', 'add a staff member')
      .requiredOption('--name <name>', 'full name')
      .requiredOption('--email <email>', 'work email')
      .requiredOption('--role <role>', STAFF_ROLES.join(', '))
      .option('--aad-object-id <id>', 'Entra (AAD) object id: maps their Teams user to this record')
      .option('--locale <locale>', LOCALES.join(', '), 'es-MX'),
    async ({ services, actor, lang }, o) => {
      const member = await services.directory.addStaff(actor, {
        name: o.name as string,
        email: o.email as string,
        role: o.role as StaffRole,
        aadObjectId: o.aadObjectId as string | undefined,
        locale: o.locale as Locale,
      });
      if (o.json) printJson(member);
      else print(t(lang, 'cli.saved', { what: t(lang, 'cli.what.staff'), id: `${member.id} (${member.email}, ${member.role})` }));
    },
  );

  run(
    leaf(staff, 'deactivate <email>', 'deactivate a staff member: their Teams actions and API tokens are refused from now on'),
    async ({ services, actor, lang }, o, email) => {
      const member = await services.directory.deactivateStaff(actor, email);
      if (o.json) printJson(member);
      else print(t(lang, 'cli.staffDeactivated', { id: member.id, email: member.email }));
    },
  );

  run(leaf(staff, 'list', 'list staff'), async ({ services, lang }, o) => {
    const list = await services.directory.listStaff();
    if (o.json) return printJson(list);
    print(
      table(
        lang,
        ['cli.col.id', 'cli.col.name', 'cli.col.email', 'cli.col.role', 'cli.col.aad', 'cli.col.active'],
        list.map((s) => [s.id, s.name, s.email, s.role, s.aadObjectId, s.active]),
      ),
    );
  });
}
