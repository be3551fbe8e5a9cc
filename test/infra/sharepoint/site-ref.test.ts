import { ValidationError } from '../../../shared/domain/common';
import { sitePath } from '../../../shared/infra/sharepoint';

describe('sitePath: a site given by id or URL', () => {
  it.each([
    [
      'contoso.sharepoint.com,1b2c3d4e-0000-4000-8000-000000000001,5f6a7b8c-0000-4000-8000-000000000002',
      '/sites/contoso.sharepoint.com,1b2c3d4e-0000-4000-8000-000000000001,5f6a7b8c-0000-4000-8000-000000000002',
    ],
    ['https://contoso.sharepoint.com/sites/soporte', '/sites/contoso.sharepoint.com:/sites/soporte'],
    ['https://contoso.sharepoint.com/sites/soporte/', '/sites/contoso.sharepoint.com:/sites/soporte'],
    ['https://contoso.sharepoint.com', '/sites/contoso.sharepoint.com'],
  ])('%s -> %s', (site, path) => {
    expect(sitePath(site)).toBe(path);
  });

  it.each(['', '   ', 'sites/soporte', 'https://'])('refuses %j naming the field', (site) => {
    expect(() => sitePath(site)).toThrow(ValidationError);
    expect(() => sitePath(site)).toThrow(/^site: /);
  });
});
