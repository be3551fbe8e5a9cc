import { isLoopback } from '../../bot/api/loopback';

test.each([
  ['127.0.0.1', true],
  ['127.12.0.3', true],
  ['::1', true],
  ['::ffff:127.0.0.1', true],
  ['10.0.0.5', false],
  ['192.168.1.20', false],
  ['::ffff:192.168.1.20', false],
  ['127.0.0.1.example', false],
  ['fe80::1', false],
  [undefined, false],
])('isLoopback(%s) is %s: development tokens answer this machine only', (address, expected) => {
  expect(isLoopback(address)).toBe(expected);
});
