import type { MessageTable } from '../catalog';

/** `soporte provision`: SharePoint lists for STORE=sharepoint. */
export const SHAREPOINT_MESSAGES = {
  'provision.site': { en: 'Provisioning SharePoint site {site}', 'es-MX': 'Preparando el sitio de SharePoint {site}' },
  'provision.list-created': {
    en: '[{done}/{total}] {list}: list created with its columns and indexes',
    'es-MX': '[{done}/{total}] {list}: lista creada con sus columnas e índices',
  },
  'provision.column-added': {
    en: '[{done}/{total}] {list}: column {column} added',
    'es-MX': '[{done}/{total}] {list}: columna {column} agregada',
  },
  'provision.column-indexed': {
    en: '[{done}/{total}] {list}: column {column} indexed',
    'es-MX': '[{done}/{total}] {list}: columna {column} indexada',
  },
  'provision.column-made-unique': {
    en: '[{done}/{total}] {list}: column {column} now enforces unique values',
    'es-MX': '[{done}/{total}] {list}: la columna {column} ahora exige valores únicos',
  },
  'provision.list-unchanged': { en: '[{done}/{total}] {list}: up to date', 'es-MX': '[{done}/{total}] {list}: al día' },
  'provision.schema-version-set': {
    en: '[{done}/{total}] schema version {version} recorded',
    'es-MX': '[{done}/{total}] versión de esquema {version} registrada',
  },
  'provision.schema-version-unchanged': {
    en: '[{done}/{total}] schema version {version}: up to date',
    'es-MX': '[{done}/{total}] versión de esquema {version}: al día',
  },
  'provision.changed': {
    en: 'Done: {count} change(s) on site {siteId}.',
    'es-MX': 'Listo: {count} cambio(s) en el sitio {siteId}.',
  },
  'provision.unchanged': {
    en: 'Nothing to do: site {siteId} was already provisioned (no change made).',
    'es-MX': 'Nada que hacer: el sitio {siteId} ya estaba preparado (sin cambios).',
  },
  'provision.no-site': {
    en: 'no site: give --site <site id or URL> or set SHAREPOINT_SITE',
    'es-MX': 'falta el sitio: indique --site <id o URL del sitio> o defina SHAREPOINT_SITE',
  },
} as const satisfies MessageTable;
