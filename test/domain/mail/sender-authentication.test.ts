import { readSenderAuthentication, senderAuthenticationAction } from '../../../shared/domain/mail';

// Header values as Exchange Online (EOP) stamps them: no authserv-id, comments in parentheses,
// `action=` after dmarc and `reason=` after compauth; ARC-Authentication-Results by mx.microsoft.com.
const EOP = {
  allPass:
    'spf=pass (sender IP is 40.107.22.41) smtp.mailfrom=contoso.com; dkim=pass (signature was verified) header.d=contoso.com;dmarc=pass action=none header.from=contoso.com;compauth=pass reason=100',
  dmarcFail:
    'spf=fail (sender IP is 198.51.100.23) smtp.mailfrom=contoso.com; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=contoso.com;compauth=fail reason=000',
  spfFailDkimPass:
    'spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=contoso.com; dkim=pass (signature was verified) header.d=contoso.com;dmarc=pass action=none header.from=contoso.com;compauth=pass reason=100',
  spfFailNoDkim:
    'spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=fabrikam.com; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=fabrikam.com;compauth=softpass reason=201',
  spfSoftfail:
    'spf=softfail (sender IP is 203.0.113.9) smtp.mailfrom=fabrikam.com; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=fabrikam.com;compauth=softpass reason=201',
  compauthFail:
    'spf=none (sender IP is 192.0.2.77) smtp.mailfrom=tailspin.example; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=tailspin.example;compauth=fail reason=601',
  bestGuess:
    'spf=pass (sender IP is 40.92.1.5) smtp.mailfrom=woodgrove.example; dkim=none (message not signed) header.d=none;dmarc=bestguesspass action=none header.from=woodgrove.example;compauth=pass reason=109',
  dkimFailSpfPass:
    'spf=pass (sender IP is 40.107.22.41) smtp.mailfrom=contoso.com; dkim=fail (body hash did not verify) header.d=contoso.com;dmarc=pass action=none header.from=contoso.com;compauth=pass reason=100',
  arc: 'i=1; mx.microsoft.com 1; spf=pass smtp.mailfrom=contoso.com; dmarc=pass action=none header.from=contoso.com; dkim=pass header.d=contoso.com; arc=none',
  arcFail:
    'i=1; mx.microsoft.com 1; spf=fail (sender ip is 198.51.100.23) smtp.rcpttodomain=partner.example smtp.mailfrom=contoso.com; dmarc=fail (p=reject sp=reject pct=100) action=oreject header.from=contoso.com; dkim=none (message not signed); arc=none (0)',
};

describe('readSenderAuthentication: Exchange Online verdicts', () => {
  test.each([
    ['all pass', { 'authentication-results': EOP.allPass }, 'passed', []],
    [
      'dmarc=fail (forged From of a domain with DMARC)',
      { 'authentication-results': EOP.dmarcFail },
      'failed',
      ['dmarc=fail', 'spf=fail without dkim=pass (dkim=none)', 'compauth=fail reason=000'],
    ],
    ['spf=fail but dkim=pass (a forwarder)', { 'authentication-results': EOP.spfFailDkimPass }, 'passed', []],
    [
      'spf=fail without DKIM, no DMARC record',
      { 'authentication-results': EOP.spfFailNoDkim },
      'failed',
      ['spf=fail without dkim=pass (dkim=none)'],
    ],
    ['spf=softfail is not a failure', { 'authentication-results': EOP.spfSoftfail }, 'passed', []],
    [
      'compauth=fail (implicit authentication)',
      { 'authentication-results': EOP.compauthFail },
      'failed',
      ['compauth=fail reason=601'],
    ],
    ['dmarc=bestguesspass', { 'authentication-results': EOP.bestGuess }, 'passed', []],
    ['dkim=fail alone (DMARC passed through SPF)', { 'authentication-results': EOP.dkimFailSpfPass }, 'passed', []],
    ['ARC-Authentication-Results only, pass', { 'arc-authentication-results': EOP.arc }, 'passed', []],
    [
      'ARC-Authentication-Results only, dmarc=fail',
      { 'arc-authentication-results': EOP.arcFail },
      'failed',
      ['dmarc=fail', 'spf=fail without dkim=pass (dkim=none)'],
    ],
    // Repeated headers arrive joined top-most first: the sender's own fake header below never overrides.
    [
      "the receiving server's header first, a forged pass below it",
      { 'authentication-results': `${EOP.dmarcFail}, ${EOP.allPass}` },
      'failed',
      ['dmarc=fail', 'spf=fail without dkim=pass (dkim=none)', 'compauth=fail reason=000'],
    ],
    [
      'a "dmarc=pass" inside a comment is not a verdict',
      {
        'authentication-results':
          'spf=fail (dmarc=pass dkim=pass) smtp.mailfrom=x.example; dkim=none; dmarc=fail action=none header.from=x.example',
      },
      'failed',
      ['dmarc=fail', 'spf=fail without dkim=pass (dkim=none)'],
    ],
  ])('%s', (_name, headers, kind, reasons) => {
    const result = readSenderAuthentication(headers);
    expect(result.kind).toBe(kind);
    expect(result.kind === 'failed' ? result.reasons : []).toEqual(reasons);
  });

  test.each([
    ['no header (maildrop)', {}],
    ['a header without any verdict', { 'authentication-results': 'mx.example.net; none' }],
  ])('%s: unverified, accepted as before', (_name, headers) => {
    expect(readSenderAuthentication(headers)).toEqual({ kind: 'unverified' });
    expect(senderAuthenticationAction(readSenderAuthentication(headers), 'reject')).toBe('accept');
  });

  test.each([
    ['reject', 'reject'],
    ['quarantine', 'quarantine'],
    ['accept', 'accept'],
  ] as const)('a failed sender under policy %s -> %s; a passed one is always accepted', (policy, action) => {
    expect(senderAuthenticationAction(readSenderAuthentication({ 'authentication-results': EOP.dmarcFail }), policy)).toBe(
      action,
    );
    expect(senderAuthenticationAction(readSenderAuthentication({ 'authentication-results': EOP.allPass }), policy)).toBe(
      'accept',
    );
  });
});
