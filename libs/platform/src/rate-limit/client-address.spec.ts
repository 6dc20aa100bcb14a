import { byAnswer } from '@palabre/testing';
import { addressGroup } from './client-address';

describe('the address a rate limit counts', () => {
  it.each(
    byAnswer({
      '203.0.113.7': ['203.0.113.7'],
      '2001:db8:1:2::/64': ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:fffe', '2001:0DB8:0001:0002:0000:0000:0000:0009'],
      '2001:db8:0:0::/64': ['2001:db8::1'],
      '0:0:0:0::/64': ['::1'],
      'fe80:0:0:0::/64': ['fe80::1%eth0'],
      '198.51.100.4': ['::ffff:198.51.100.4', '::ffff:c633:6404'],
    }),
  )('%s counts as %s', (ip, group) => {
    expect(addressGroup(ip)).toBe(group);
  });

  it('keeps addresses of different /64 networks apart', () => {
    expect(addressGroup('2001:db8:1:2::1')).not.toBe(addressGroup('2001:db8:1:3::1'));
  });
});
